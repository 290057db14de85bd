/* pack.c - a record's fields in few bytes. Per field a tag (its type in
 * the low five bits; above them how it is kept: as text, absent, or as a
 * known string), then for text its length (7 bits a byte), the bytes and a
 * NUL. A field of a CSV record costs its text and three bytes, not the 24
 * of a struct val. */
#include <stdint.h>
#include <string.h>

#include "err.h"
#include "pack.h"

enum { P_TEXT = 0, P_ABSENT = 1, P_KNOWN = 2, HOWSHIFT = 5, TYPEMASK = 0x1f };

static size_t
put_len(unsigned char *b, size_t n)
{
	size_t o = 0;

	for (; n >= 0x80; n >>= 7, o++)
		if (b != NULL)
			b[o] = (unsigned char)(n | 0x80);
	if (b != NULL)
		b[o] = (unsigned char)n;
	return o + 1;
}

static size_t
get_len(const unsigned char *b, size_t *n)
{
	size_t o = 0, v = 0;
	unsigned sh = 0;

	do {
		if (sh < 64)
			v |= (size_t)(b[o] & 0x7f) << sh;
		sh += 7;
	} while (b[o++] & 0x80);
	*n = v;
	return o;
}

/* How V is kept: P_TEXT, P_ABSENT, or P_KNOWN + the known string's index. */
static int
how(const struct val *v, const struct val *known, int nk)
{
	if (v->p == NULL)
		return P_ABSENT;
	for (int i = 0; i < nk && i < PACK_KNOWN; i++)
		if (known[i].p != NULL && v->n == known[i].n &&
		    memcmp(v->p, known[i].p, v->n) == 0)
			return P_KNOWN + i;
	return P_TEXT;
}

size_t
pack_size(const struct val *v, size_t n, const struct val *known, int nk)
{
	size_t bytes = put_len(NULL, n) + n;

	for (size_t k = 0; k < n; k++)
		if (how(&v[k], known, nk) == P_TEXT)
			bytes += put_len(NULL, v[k].n) + v[k].n + 1;
	return bytes;
}

void
pack_put(unsigned char *b, const struct val *v, size_t n,
    const struct val *known, int nk)
{
	size_t o = put_len(b, n);

	for (size_t k = 0; k < n; k++) {
		int h = how(&v[k], known, nk);
		b[o++] = (unsigned char)((v[k].type & TYPEMASK) | h << HOWSHIFT);
		if (h != P_TEXT)
			continue;
		o += put_len(b + o, v[k].n);
		memcpy(b + o, v[k].p, v[k].n);
		o += v[k].n;
		b[o++] = '\0';
	}
}

size_t
pack_get(const unsigned char *b, struct val **vp, size_t *cap,
    const struct val *known, int nk)
{
	size_t n;
	struct val *v;

	b += get_len(b, &n);
	if (n > *cap) {
		*cap = n;
		*vp = xrealloc(*vp, n * sizeof(**vp));
	}
	v = *vp;
	for (size_t k = 0; k < n; k++) {
		int t = *b++, h = t >> HOWSHIFT;
		v[k].type = t & TYPEMASK;
		if (h == P_ABSENT) {
			v[k].p = NULL;
			v[k].n = 0;
		} else if (h >= P_KNOWN && h - P_KNOWN < nk) {
			v[k].p = known[h - P_KNOWN].p;
			v[k].n = known[h - P_KNOWN].n;
		} else {
			b += get_len(b, &v[k].n);
			v[k].p = (const char *)b;
			b += v[k].n + 1;
		}
	}
	return n;
}
