/* money.h - exact money in int64_t minor units (SPEC 1.4). */
#ifndef MONEY_H
#define MONEY_H

#include <stddef.h>
#include <stdint.h>

/* 128-bit intermediates for products of money, rates and days (GCC, Clang) */
__extension__ typedef __int128 i128;

/* Largest magnitude accepted from input, in minor units: sums of many such
 * values are still checked, but a single value never comes close to INT64_MAX. */
#define MONEY_MAX 999999999999999999LL	/* 18 digits */

enum money_err {
	MONEY_OK = 0,
	MONEY_EMPTY,		/* blank */
	MONEY_SYNTAX,		/* not -?digits[.digits] */
	MONEY_DECIMALS,		/* more (non-zero) decimals than the currency has */
	MONEY_RANGE		/* too large */
};

/* Parse "-1234.5" into minor units with DEC decimals. Surrounding spaces are
 * allowed; extra trailing zero decimals are accepted ("12.500" in CNY). */
enum money_err money_parse(const char *s, size_t n, int dec, int64_t *out);
const char *money_strerror(enum money_err e);

/* Is S written exactly as money_format(DEC) would write it? */
int money_canonical(const char *s, size_t n, int dec);

/* Decimal text of V with DEC decimals; never "-0.00". Returns the length;
 * BUF needs MONEY_BUFSZ bytes. GROUP adds thousands separators (',').*/
#define MONEY_BUFSZ 48
size_t money_format(char *buf, int64_t v, int dec, int group);

/* Currency decimals from the ISO 4217 table; *known = 0 for codes not in it
 * (which get 2). A blank code gets 2 and is "known". */
int currency_decimals(const char *code, size_t n, int *known);
/* Is it three ASCII letters? */
int currency_is_code(const char *s, size_t n);

/* Checked arithmetic: return -1 on overflow. */
static inline int
money_add(int64_t *acc, int64_t v)
{
	return __builtin_add_overflow(*acc, v, acc) ? -1 : 0;
}

/* V in FROM decimals as *OUT in TO decimals: 0 when exact (1.50 is 150
 * in 2 decimals, 15 in 1; not 1 in 0) and no overflow, else -1. */
int money_rescale(int64_t v, int from, int to, int64_t *out);

/* *ACC += V, or the tool ends (exit 2) saying a sum of amounts is too
 * large: every tool's sums are checked, none wraps. */
void money_sum(int64_t *acc, int64_t v);

/* A non-negative exact decimal from the user (a rate, a percentage):
 * value = num / 10^scale, scale <= 9, num < 10^15. -1 if malformed. */
struct decimal {
	int64_t num;
	int scale;
};
int decimal_parse(const char *s, struct decimal *d);

/* round(v * num / den), half away from zero, on 128-bit intermediates;
 * -1 when the result does not fit in int64_t. */
int muldiv_round(int64_t v, i128 num, i128 den, int64_t *out);
/* The same for a 128-bit numerator (sums of products). */
int div128_round(i128 num, i128 den, int64_t *out);

/* Format a fixed-point value V / 10^SCALE (DSO-like figures, ratios). */
size_t fixed_format(char *buf, int64_t v, int scale, int group);

#endif
