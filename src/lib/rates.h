/* rates.h - exchange rates for pooling currencies (SPEC 4, 5.1):
 * --rates FILE of currency,rate lines, units of --base per unit. */
#ifndef RATES_H
#define RATES_H

#include <stddef.h>
#include <stdint.h>

#include "money.h"

struct rates;

/* Load PATH (CSV, TSV or JSON records with currency and rate). BASE, when
 * not NULL, is the currency the rates are in: it has rate 1 unless the file
 * says otherwise. Without BASE, the file's one currency at rate 1 is the
 * base, if it has one. A bad line is fatal, naming it. */
struct rates *rates_load(const char *path, const char *base);
void rates_free(struct rates *r);
/* The base currency ("" when neither --base nor the file says). */
const char *rates_base(const struct rates *r);
/* The rate of currency CUR (N bytes); NULL when the file has none. */
const struct decimal *rates_find(const struct rates *r, const char *cur,
    size_t n);
/* AMT minor units of a currency with DEC decimals at RATE, in minor units of
 * a currency with BDEC decimals, rounded half away from zero; -1 when the
 * result does not fit. */
int rates_convert(const struct decimal *rate, int64_t amt, int dec, int bdec,
    int64_t *out);

#endif
