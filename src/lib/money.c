/* money.c - parse and print exact money; the ISO 4217 minor-unit table. */
#include <stdint.h>
#include <string.h>

#include "err.h"
#include "money.h"

void
money_sum(int64_t *acc, int64_t v)
{
	if (money_add(acc, v) != 0)
		die(EXIT_FATAL, "a sum of amounts is too large (over %lld minor "
		    "units)", (long long)INT64_MAX);
}

static const char *const money_errs[] = {
	"", "empty", "not a number", "too many decimals for the currency",
	"out of range"
};

const char *
money_strerror(enum money_err e)
{
	return money_errs[e];
}

static const int64_t pow10[] = {
	1LL, 10LL, 100LL, 1000LL, 10000LL, 100000LL, 1000000LL, 10000000LL,
	100000000LL, 1000000000LL, 10000000000LL, 100000000000LL,
	1000000000000LL, 10000000000000LL, 100000000000000LL,
	1000000000000000LL, 10000000000000000LL, 100000000000000000LL,
	1000000000000000000LL
};

enum money_err
money_parse(const char *s, size_t n, int dec, int64_t *out)
{
	const char *e;
	int neg = 0, nd = 0, nf = 0, fd = 0;
	int64_t v = 0;

	/* the way nearly every export writes it: [-]digits[.dec digits],
	 * at most 15 digits before the point (no overflow, nothing to trim);
	 * anything else takes the long way below */
	if (n > 0 && n <= 20 && dec >= 0 && dec <= 3) {
		const char *p = s, *q = s + n, *d0;
		if (*p == '-')
			p++;
		for (d0 = p; p < q && p - d0 < 16 && (unsigned)(*p - '0') <= 9;
		    p++)
			v = v * 10 + (*p - '0');
		if (p > d0 && p - d0 <= 15 && (dec == 0 ? p == q :
		    q - p == dec + 1 && *p == '.')) {
			for (p += dec > 0; p < q && (unsigned)(*p - '0') <= 9; p++)
				v = v * 10 + (*p - '0');
			if (p == q) {
				*out = *s == '-' ? -v : v;
				return MONEY_OK;
			}
		}
		v = 0;
	}
	while (n > 0 && *s == ' ')
		s++, n--;
	while (n > 0 && s[n - 1] == ' ')
		n--;
	if (n == 0)
		return MONEY_EMPTY;
	e = s + n;
	if (*s == '-' || *s == '+')
		neg = *s++ == '-';
	for (; s < e && (unsigned)(*s - '0') <= 9; s++, nd++) {
		if (v == 0 && *s == '0')
			continue;	/* leading zeros do not count */
		if (++fd > 18)
			return MONEY_RANGE;
		v = v * 10 + (*s - '0');
	}
	if (s < e && *s == '.') {
		s++;
		for (; s < e && (unsigned)(*s - '0') <= 9; s++, nf++) {
			if (nf >= dec) {
				if (*s != '0')
					return MONEY_DECIMALS;
				continue;
			}
			if (++fd > 18)
				return MONEY_RANGE;
			v = v * 10 + (*s - '0');
		}
		if (nf == 0 && nd == 0)
			return MONEY_SYNTAX;
	}
	if (s != e || nd + nf == 0)
		return MONEY_SYNTAX;
	if (nf < dec) {
		if (v > MONEY_MAX / pow10[dec - nf])
			return MONEY_RANGE;
		v *= pow10[dec - nf];
	}
	if (v > MONEY_MAX)
		return MONEY_RANGE;
	*out = neg ? -v : v;
	return MONEY_OK;
}

int
money_canonical(const char *s, size_t n, int dec)
{
	size_t i = 0, digits;

	if (n > 0 && s[0] == '-')
		i = 1;
	for (digits = i; digits < n && (unsigned)(s[digits] - '0') <= 9; digits++)
		;
	if (digits == i || (s[i] == '0' && digits - i > 1))
		return 0;	/* no digits, or a leading zero */
	if (dec == 0) {
		if (digits != n)
			return 0;
	} else {
		if (digits + 1 + (size_t)dec != n || s[digits] != '.')
			return 0;
		for (size_t k = digits + 1; k < n; k++)
			if ((unsigned)(s[k] - '0') > 9)
				return 0;
	}
	if (i == 1) {	/* "-0.00" is not how zero is written */
		for (size_t k = 1; k < n; k++)
			if (s[k] != '0' && s[k] != '.')
				return 1;
		return 0;
	}
	return 1;
}

static size_t
group_digits(char *buf, const char *d, size_t n, int group)
{
	size_t o = 0;

	for (size_t i = 0; i < n; i++) {
		if (group && i > 0 && (n - i) % 3 == 0)
			buf[o++] = ',';
		buf[o++] = d[i];
	}
	return o;
}

size_t
fixed_format(char *buf, int64_t v, int scale, int group)
{
	char tmp[48] = { 0 };
	uint64_t u = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
	size_t n = 0, o = 0, ni;

	if (scale < 0 || scale > 18)	/* 20 digits and the scale's zeros */
		scale = scale < 0 ? 0 : 18;
	do {
		tmp[n++] = (char)('0' + u % 10);
		u /= 10;
	} while (u > 0 || n <= (size_t)scale);
	for (size_t i = 0; i < n / 2; i++) {
		char t = tmp[i];
		tmp[i] = tmp[n - 1 - i];
		tmp[n - 1 - i] = t;
	}
	if (v < 0)
		buf[o++] = '-';
	ni = n - (size_t)scale;
	o += group_digits(buf + o, tmp, ni, group);
	if (scale > 0) {
		buf[o++] = '.';
		memcpy(buf + o, tmp + ni, (size_t)scale);
		o += (size_t)scale;
	}
	buf[o] = '\0';
	return o;
}

size_t
money_format(char *buf, int64_t v, int dec, int group)
{
	return fixed_format(buf, v, dec, group);
}

/* ISO 4217 codes whose minor unit is not 2 (List One, 2024). */
static const char zero_dec[] =
    "BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX UYI VND VUV XAF XOF XPF ";
static const char three_dec[] = "BHD IQD JOD KWD LYD OMR TND ";
static const char four_dec[] = "CLF UYW ";
/* ... and those with 2, current and recently withdrawn. */
static const char two_dec[] =
    "AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BMD BND BOB BOV "
    "BRL BSD BTN BWP BYN BYR BZD CAD CDF CHE CHF CHW CNH CNY COP COU CRC CUC "
    "CUP CVE CZK DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD GTQ "
    "GYD HKD HNL HRK HTG HUF IDR ILS INR IRR JMD KES KGS KHR KPW KYD KZT LAK "
    "LBP LKR LRD LSL MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MXV MYR "
    "MZN NAD NGN NIO NOK NPR NZD PAB PEN PGK PHP PKR PLN QAR RON RSD RUB SAR "
    "SBD SCR SDG SEK SGD SHP SLE SLL SOS SRD SSP STN SVC SYP SZL THB TJS TMT "
    "TOP TRY TTD TWD TZS UAH USD USN UYU UZS VED VES WST XCD XCG YER ZAR ZMW "
    "ZWG ZWL ";

static int
in_list(const char *list, const char *code)
{
	for (const char *p = list; *p; p += 4)
		if (p[0] == code[0] && p[1] == code[1] && p[2] == code[2])
			return 1;
	return 0;
}

int
currency_is_code(const char *s, size_t n)
{
	return n == 3 && s[0] >= 'A' && s[0] <= 'Z' && s[1] >= 'A' &&
	    s[1] <= 'Z' && s[2] >= 'A' && s[2] <= 'Z';
}

int
currency_decimals(const char *code, size_t n, int *known)
{
	*known = 1;
	if (n == 0)
		return 2;
	if (currency_is_code(code, n)) {
		if (in_list(two_dec, code))
			return 2;
		if (in_list(zero_dec, code))
			return 0;
		if (in_list(three_dec, code))
			return 3;
		if (in_list(four_dec, code))
			return 4;
	}
	*known = 0;
	return 2;
}

int
decimal_parse(const char *s, struct decimal *d)
{
	int64_t v = 0;
	int nd = 0, scale = 0, dot = 0;

	if (*s == '\0')
		return -1;
	for (; *s; s++) {
		if (*s == '.' && !dot) {
			dot = 1;
			continue;
		}
		if ((unsigned)(*s - '0') > 9)
			return -1;
		if (++nd > 15)
			return -1;
		v = v * 10 + (*s - '0');
		if (dot && ++scale > 9)
			return -1;
	}
	if (nd == 0)
		return -1;
	d->num = v;
	d->scale = scale;
	return 0;
}

int
div128_round(i128 num, i128 den, int64_t *out)
{
	i128 q, r;
	int neg = 0;

	if (den == 0)
		return -1;
	if (den < 0)
		num = -num, den = -den;
	if (num < 0)
		neg = 1, num = -num;
	q = num / den;
	r = num % den;
	if (2 * r >= den)
		q++;
	if (q > INT64_MAX)
		return -1;
	*out = neg ? -(int64_t)q : (int64_t)q;
	return 0;
}

int
muldiv_round(int64_t v, i128 num, i128 den, int64_t *out)
{
	return div128_round((i128)v * num, den, out);
}

int
money_rescale(int64_t v, int from, int to, int64_t *out)
{
	for (; from < to; from++)
		if (__builtin_mul_overflow(v, 10, &v))
			return -1;
	for (; from > to; from--) {
		if (v % 10 != 0)
			return -1;
		v /= 10;
	}
	*out = v;
	return 0;
}
