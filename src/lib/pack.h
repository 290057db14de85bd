/* pack.h - a record's fields in few bytes, for a tool that keeps records
 * to write them later (dun-plan keeps a year's printed items). A field
 * whose text equals one of up to PACK_KNOWN strings the caller keeps anyway
 * (the item's number, its customer) is packed as a reference to it. */
#ifndef PACK_H
#define PACK_H

#include <stddef.h>

#include "rec.h"

#define PACK_KNOWN 3

/* The bytes pack_put writes for fields V[0..N-1], with KNOWN[0..NK-1]. */
size_t pack_size(const struct val *v, size_t n, const struct val *known,
    int nk);
/* Writes them to B (pack_size bytes). */
void pack_put(unsigned char *b, const struct val *v, size_t n,
    const struct val *known, int nk);
/* The fields packed at B, into *V (grown to *CAP as needed); their count.
 * Texts point into B, or into KNOWN, which must be what pack_put had. */
size_t pack_get(const unsigned char *b, struct val **v, size_t *cap,
    const struct val *known, int nk);

#endif
