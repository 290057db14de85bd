/* norm.c - the values of real ERP exports read exactly (SPEC 2). Every
 * function takes a pointer and a length, never reads past them, and gives
 * an answer for any bytes at all: ar-norm feeds it whole files of them. */
#define _XOPEN_SOURCE 700	/* strptime(3), for --date-format only */

#include <string.h>
#include <time.h>

#include "date.h"
#include "money.h"
#include "norm.h"
#include "utf8.h"

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))
#define CP_BAD 0x110000u	/* an invalid byte: matches nothing */

static const char *const norm_errs[] = {
	"", "empty", "not understood", "too many decimals for the currency",
	"out of range"
};

const char *
norm_strerror(enum norm_err e)
{
	if ((unsigned)e >= NELEM(norm_errs))
		return "unknown error";
	return norm_errs[e];
}

/* ---- characters: ASCII by hand, since no locale is ever set ---- */

static int
is_digit(int c)
{
	return c >= '0' && c <= '9';
}

static int
is_alpha(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int
to_lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

static int
is_ascii_space(int c)
{
	return c == ' ' || (c >= '\t' && c <= '\r');
}

static int
is_space_cp(unsigned cp)
{
	return (cp < 0x80 && is_ascii_space((int)cp)) || cp == 0xa0 ||
	    cp == 0x3000;
}

/* The code point at P and its length; an invalid byte is CP_BAD, length 1,
 * so that a scan always moves on and never runs past E. */
static size_t
get_cp(const char *p, const char *e, unsigned *cp)
{
	size_t k = utf8_seqlen((const unsigned char *)p, (size_t)(e - p));

	if (k == 0) {	/* an invalid byte */
		*cp = CP_BAD;
		return 1;
	}
	return utf8_decode((const unsigned char *)p, k, cp);
}

/* The last code point before E (not before B), as get_cp reads forwards. */
static size_t
prev_cp(const char *b, const char *e, unsigned *cp)
{
	size_t k = 1;

	while (k < 4 && e - k > b && ((unsigned char)*(e - k) & 0xc0) == 0x80)
		k++;
	if (utf8_seqlen((const unsigned char *)e - k, k) != k) {
		*cp = CP_BAD;
		return 1;
	}
	return utf8_decode((const unsigned char *)e - k, k, cp);
}

/* Full-width ASCII forms (U+FF01..U+FF5E) as ASCII: CJK input methods. */
static unsigned
fold_wide(unsigned cp)
{
	return cp >= 0xff01 && cp <= 0xff5e ? cp - 0xfee0 : cp;
}

static size_t
space_len(const char *p, const char *e)
{
	unsigned cp;
	size_t k;

	if (p >= e)
		return 0;
	k = get_cp(p, e, &cp);
	return is_space_cp(cp) ? k : 0;
}

static const char *
skip_spaces(const char *p, const char *e)
{
	size_t k;

	while (p < e && (k = space_len(p, e)) > 0)
		p += k;
	return p;
}

void
norm_trim(const char **s, size_t *n)
{
	const char *b = *s, *e = *s + *n;
	unsigned cp;
	size_t k;

	/* most cells begin and end with a visible ASCII byte */
	if (*n == 0 || ((unsigned char)b[0] > ' ' && (unsigned char)b[0] < 0x80 &&
	    (unsigned char)e[-1] > ' ' && (unsigned char)e[-1] < 0x80))
		return;

	b = skip_spaces(b, e);
	while (e > b && (k = prev_cp(b, e, &cp)) > 0 && is_space_cp(cp))
		e -= k;
	*s = b;
	*n = (size_t)(e - b);
}

/* S equals W, ASCII letters in any case (W is lower case). */
static int
word_eq(const char *s, size_t n, const char *w)
{
	size_t i;

	for (i = 0; i < n && w[i] != '\0'; i++)
		if (to_lower((unsigned char)s[i]) != (unsigned char)w[i])
			return 0;
	return i == n && w[i] == '\0';
}

/* Does W (lower case) start the text at P? Returns its length or 0. */
static size_t
lit(const char *p, const char *e, const char *w)
{
	size_t k = strlen(w);

	if ((size_t)(e - p) < k)
		return 0;
	for (size_t i = 0; i < k; i++)
		if (to_lower((unsigned char)p[i]) != (unsigned char)w[i])
			return 0;
	return k;
}

/* ---- dates ---- */

struct ymd {
	int y, m, d;
};

/* MIN..MAX digits at *PP and not one more: their value, or -1. */
static int
num(const char **pp, const char *e, int min, int max)
{
	const char *p = *pp;
	int v = 0, k = 0;

	while (p < e && is_digit(*p)) {
		if (++k > max)
			return -1;
		v = v * 10 + (*p++ - '0');
	}
	if (k < min)
		return -1;
	*pp = p;
	return v;
}

static size_t
skip_digits(const char **pp, const char *e)
{
	const char *p = *pp;
	size_t k;

	while (p < e && is_digit(*p))
		p++;
	k = (size_t)(p - *pp);
	*pp = p;
	return k;
}

/* Two digits, whatever follows them (the hhmm of +hhmm): value or -1. */
static int
two_digits(const char **pp, const char *e)
{
	const char *p = *pp;

	if (e - p < 2 || !is_digit(p[0]) || !is_digit(p[1]))
		return -1;
	*pp = p + 2;
	return (p[0] - '0') * 10 + (p[1] - '0');
}

/* A time zone or AM/PM after a time: Z, +hh, +hhmm, +hh:mm, AM, PM. */
static int
zone_ok(const char *p, const char *e, int h)
{
	size_t k;
	int zh, zm = 0;

	p = skip_spaces(p, e);
	if (p == e)
		return 0;
	if ((k = lit(p, e, "am")) > 0 || (k = lit(p, e, "pm")) > 0) {
		p += k;
		return h >= 1 && h <= 12 && skip_spaces(p, e) == e ? 0 : -1;
	}
	if (*p == 'Z' || *p == 'z')
		return p + 1 == e ? 0 : -1;
	if (*p != '+' && *p != '-')
		return -1;
	p++;
	if ((zh = two_digits(&p, e)) < 0)
		return -1;
	if (p < e && *p == ':' && ++p == e)
		return -1;
	if (p < e && (zm = two_digits(&p, e)) < 0)
		return -1;
	return p == e && zh <= 23 && zm <= 59 ? 0 : -1;
}

/* What may follow a date: nothing, or a time that is dropped, after a
 * space (Excel, SQL) or, in ISO form, a 'T'. */
static int
time_ok(const char *p, const char *e, int iso)
{
	const char *q;
	int h, mi, sec = 0;

	if (p == e)
		return 0;
	if (iso && (*p == 'T' || *p == 't'))
		p++;
	else if ((q = skip_spaces(p, e)) > p)
		p = q;
	else
		return -1;
	if ((h = num(&p, e, 1, 2)) < 0 || p == e || *p++ != ':' ||
	    (mi = num(&p, e, 2, 2)) < 0)
		return -1;
	if (p < e && *p == ':') {
		p++;
		if ((sec = num(&p, e, 2, 2)) < 0)
			return -1;
		if (p < e && (*p == '.' || *p == ',')) {
			q = ++p;
			skip_digits(&p, e);
			if (p == q)
				return -1;
		}
	}
	if (h > 23 || mi > 59 || sec > 60)
		return -1;
	return zone_ok(p, e, h);
}

static int
is_date_sep(int c)
{
	return c == '-' || c == '/' || c == '.';
}

/* YYYY-M-D, YYYY/M/D, YYYY.M.D, the same separator twice; then a time. */
static int
ymd_numeric(const char *p, const char *e, struct ymd *r)
{
	char sep;

	if ((r->y = num(&p, e, 4, 4)) < 0 || p == e || !is_date_sep(*p))
		return -1;
	sep = *p++;
	if ((r->m = num(&p, e, 1, 2)) < 0 || p == e || *p++ != sep ||
	    (r->d = num(&p, e, 1, 2)) < 0)
		return -1;
	return time_ok(p, e, sep == '-');
}

/* YYYYMMDD, as an integer or as a spreadsheet's float (20190307.0). */
static int
ymd_compact(const char *p, const char *e, struct ymd *r)
{
	const char *q = p;

	if (skip_digits(&q, e) != 8)
		return -1;
	r->y = (p[0] - '0') * 1000 + (p[1] - '0') * 100 + (p[2] - '0') * 10 +
	    (p[3] - '0');
	r->m = (p[4] - '0') * 10 + (p[5] - '0');
	r->d = (p[6] - '0') * 10 + (p[7] - '0');
	if (q == e)
		return 0;
	if (*q++ != '.' || q == e)
		return -1;
	while (q < e && *q == '0')
		q++;
	return q == e ? 0 : -1;
}

/* YYYY年M月D日, spaces allowed between the parts. */
static int
ymd_cjk(const char *p, const char *e, struct ymd *r)
{
	size_t k;

	if ((r->y = num(&p, e, 4, 4)) < 0)
		return -1;
	p = skip_spaces(p, e);
	if ((k = lit(p, e, "年")) == 0)
		return -1;
	p = skip_spaces(p + k, e);
	if ((r->m = num(&p, e, 1, 2)) < 0)
		return -1;
	p = skip_spaces(p, e);
	if ((k = lit(p, e, "月")) == 0)
		return -1;
	p = skip_spaces(p + k, e);
	if ((r->d = num(&p, e, 1, 2)) < 0)
		return -1;
	p = skip_spaces(p, e);
	if ((k = lit(p, e, "日")) == 0)
		return -1;
	return p + k == e ? 0 : -1;
}

/* English month names and the abbreviations exports use. */
static const struct {
	const char *name;
	int month;
} months[] = {
	{ "jan", 1 }, { "january", 1 }, { "feb", 2 }, { "february", 2 },
	{ "mar", 3 }, { "march", 3 }, { "apr", 4 }, { "april", 4 },
	{ "may", 5 }, { "jun", 6 }, { "june", 6 }, { "jul", 7 },
	{ "july", 7 }, { "aug", 8 }, { "august", 8 }, { "sep", 9 },
	{ "sept", 9 }, { "september", 9 }, { "oct", 10 }, { "october", 10 },
	{ "nov", 11 }, { "november", 11 }, { "dec", 12 }, { "december", 12 }
};

static int
month_word(const char **pp, const char *e)
{
	const char *p = *pp;

	while (p < e && is_alpha(*p))
		p++;
	for (size_t i = 0; i < NELEM(months); i++)
		if (word_eq(*pp, (size_t)(p - *pp), months[i].name)) {
			*pp = p;
			return months[i].month;
		}
	return -1;
}

/* Between the parts of a named date: spaces, and at most one of - , . / */
static int
name_sep(const char **pp, const char *e)
{
	const char *p = skip_spaces(*pp, e);

	if (p < e && (*p == '-' || *p == ',' || *p == '.' || *p == '/'))
		p = skip_spaces(p + 1, e);
	if (p == *pp)
		return -1;
	*pp = p;
	return 0;
}

/* 30 November 2026, 30 Nov 2026, 30-Nov-2026 */
static int
named_dmy(const char *p, const char *e, struct ymd *r)
{
	if ((r->d = num(&p, e, 1, 2)) < 0 || name_sep(&p, e) < 0 ||
	    (r->m = month_word(&p, e)) < 0 || name_sep(&p, e) < 0 ||
	    (r->y = num(&p, e, 4, 4)) < 0)
		return -1;
	return p == e ? 0 : -1;
}

/* Nov 30, 2026; November 30 2026; Sept 5 2026 */
static int
named_mdy(const char *p, const char *e, struct ymd *r)
{
	if ((r->m = month_word(&p, e)) < 0 || name_sep(&p, e) < 0 ||
	    (r->d = num(&p, e, 1, 2)) < 0 || name_sep(&p, e) < 0 ||
	    (r->y = num(&p, e, 4, 4)) < 0)
		return -1;
	return p == e ? 0 : -1;
}

/* A date from its parts: a month or day that cannot be is not a date; a
 * real month and day in year 0000 is a date out of range. */
static enum norm_err
civil(int y, int m, int d, int32_t *out)
{
	if (m < 1 || m > 12 || d < 1 || d > date_days_in_month(y, m))
		return NORM_BAD;
	if (!date_valid(y, m, d))
		return NORM_RANGE;
	*out = date_from_civil(y, m, d);
	return NORM_OK;
}

/* D?M?YYYY: which orders fit, and which one gives the value. */
static int
dm_numeric(const char *p, const char *e, int *a, int *b, int *y, char *sep)
{
	if ((*a = num(&p, e, 1, 2)) < 0 || p == e || !is_date_sep(*p))
		return -1;
	*sep = *p++;
	if ((*b = num(&p, e, 1, 2)) < 0 || p == e || *p++ != *sep ||
	    (*y = num(&p, e, 4, 4)) < 0)
		return -1;
	return time_ok(p, e, 0);
}

static enum norm_err
dm_value(int a, int b, int y, char sep, int force, int32_t *out,
    unsigned *orders)
{
	int dmy = date_valid(y, b, a), mdy = date_valid(y, a, b), use;

	*orders = (dmy ? ORD_DMY : 0) | (mdy ? ORD_MDY : 0);
	if (force == ORD_DMY || force == ORD_MDY)
		use = force;
	else if (dmy != mdy)
		use = dmy ? ORD_DMY : ORD_MDY;
	else
		use = sep == '/' ? ORD_MDY : ORD_DMY;	/* US / and SAP . - */
	return use == ORD_DMY ? civil(y, b, a, out) : civil(y, a, b, out);
}

/* Excel's day numbers: day 1 is 1900-01-01, and Lotus's phantom 1900-02-29
 * is day 60, so from day 61 on the epoch is 1899-12-30. -1: not a number. */
static int
excel_serial(const char *p, const char *e, int32_t *out)
{
	const char *q;
	long v = 0;
	int sig = 0;

	for (q = p; q < e && is_digit(*q); q++) {
		if (v == 0 && *q == '0')
			continue;
		if (++sig > 8)
			break;
		v = v * 10 + (*q - '0');
	}
	skip_digits(&q, e);
	if (q == p)
		return -1;
	if (q < e && *q == '.') {
		q++;	/* a fraction of a day (a time) is dropped */
		if (skip_digits(&q, e) == 0)
			return -1;
	}
	if (q != e)
		return -1;
	if (v < 1 || v > 2958465)
		return NORM_RANGE;
	if (v == 60)
		return NORM_BAD;
	*out = date_from_civil(1899, 12, v < 60 ? 31 : 30) + (int32_t)v;
	return NORM_OK;
}

/* --date-format: strptime wants a C string; a longer cell is no date. */
static int
by_format(const char *s, size_t n, const char *fmt, int32_t *out)
{
	char buf[128];
	struct tm tm;
	const char *r;

	if (n >= sizeof(buf))
		return -1;
	memcpy(buf, s, n);
	buf[n] = '\0';
	memset(&tm, 0, sizeof(tm));
	if ((r = strptime(buf, fmt, &tm)) == NULL || r != buf + n)
		return -1;
	if (tm.tm_year < -1900 || tm.tm_year > 8099 ||
	    !date_valid(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday))
		return -1;
	*out = date_from_civil(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
	return 0;
}

enum norm_err
norm_date(const char *s, size_t n, const struct norm_date_opts *o,
    int32_t *out, unsigned *orders)
{
	static const struct norm_date_opts dflt;
	struct ymd r;
	unsigned ord;
	const char *e;
	int a, b, y, rc;
	char sep;

	if (orders == NULL)
		orders = &ord;
	*orders = 0;
	if (o == NULL)
		o = &dflt;
	norm_trim(&s, &n);
	if (n == 0)
		return NORM_EMPTY;
	e = s + n;
	if (o->format != NULL && by_format(s, n, o->format, out) == 0)
		return NORM_OK;
	if (ymd_numeric(s, e, &r) == 0 || ymd_compact(s, e, &r) == 0 ||
	    ymd_cjk(s, e, &r) == 0 || named_dmy(s, e, &r) == 0 ||
	    named_mdy(s, e, &r) == 0)
		return civil(r.y, r.m, r.d, out);
	if (dm_numeric(s, e, &a, &b, &y, &sep) == 0)
		return dm_value(a, b, y, sep, o->order, out, orders);
	if (o->serial && (rc = excel_serial(s, e, out)) >= 0)
		return (enum norm_err)rc;
	return NORM_BAD;
}

/* ---- currencies ---- */

/* Names and symbols of currencies in exports; ASCII ones in any case.
 * '$' is missing on purpose: it implies no one currency. */
static const struct {
	const char *name;
	char code[4];
} currencies[] = {
	{ "人民币", "CNY" }, { "人民幣", "CNY" }, { "rmb", "CNY" },
	{ "元", "CNY" }, { "¥", "CNY" }, { "￥", "CNY" },
	{ "美元", "USD" }, { "美金", "USD" }, { "us$", "USD" },
	{ "欧元", "EUR" }, { "歐元", "EUR" }, { "€", "EUR" },
	{ "港币", "HKD" }, { "港幣", "HKD" }, { "港元", "HKD" },
	{ "hk$", "HKD" },
	{ "日元", "JPY" }, { "日圓", "JPY" }, { "円", "JPY" },
	{ "英镑", "GBP" }, { "英鎊", "GBP" }, { "£", "GBP" },
	{ "新台币", "TWD" }, { "新台幣", "TWD" }, { "新臺幣", "TWD" },
	{ "nt$", "TWD" },
	{ "澳元", "AUD" }, { "a$", "AUD" },
	{ "加元", "CAD" }, { "c$", "CAD" },
	{ "韩元", "KRW" }, { "韓元", "KRW" }, { "₩", "KRW" },
	{ "新加坡元", "SGD" }, { "s$", "SGD" },
	{ "瑞士法郎", "CHF" }, { "卢布", "RUB" }, { "泰铢", "THB" }
};

/* The English names NetSuite, Sage and QuickBooks write in a currency
 * column ("US Dollar", "British pound"); not after an amount, where
 * "5 EURO" stays no amount. */
static const struct {
	const char *name;
	char code[4];
} currency_names[] = {
	{ "us dollar", "USD" }, { "us dollars", "USD" }, { "u.s. dollar", "USD" },
	{ "united states dollar", "USD" }, { "euro", "EUR" }, { "euros", "EUR" },
	{ "british pound", "GBP" }, { "pound sterling", "GBP" },
	{ "uk pound", "GBP" }, { "canadian dollar", "CAD" },
	{ "australian dollar", "AUD" }, { "new zealand dollar", "NZD" },
	{ "japanese yen", "JPY" }, { "chinese yuan", "CNY" },
	{ "chinese yuan renminbi", "CNY" }, { "renminbi", "CNY" },
	{ "yuan renminbi", "CNY" }, { "hong kong dollar", "HKD" },
	{ "singapore dollar", "SGD" }, { "swiss franc", "CHF" },
	{ "indian rupee", "INR" }, { "mexican peso", "MXN" },
	{ "south african rand", "ZAR" }, { "swedish krona", "SEK" },
	{ "norwegian krone", "NOK" }, { "danish krone", "DKK" },
	{ "korean won", "KRW" }, { "south korean won", "KRW" },
	{ "new taiwan dollar", "TWD" }, { "brazilian real", "BRL" },
	{ "polish zloty", "PLN" }, { "kuwaiti dinar", "KWD" },
	{ "bahraini dinar", "BHD" }, { "uae dirham", "AED" }
};

static int
currency_name(const char *s, size_t n, char code[4])
{
	for (size_t i = 0; i < NELEM(currencies); i++)
		if (word_eq(s, n, currencies[i].name)) {
			memcpy(code, currencies[i].code, 4);
			return 0;
		}
	return -1;
}

int
norm_currency(const char *s, size_t n, char code[4])
{
	norm_trim(&s, &n);
	code[0] = '\0';
	if (currency_name(s, n, code) == 0)
		return 0;
	for (size_t i = 0; i < NELEM(currency_names); i++)
		if (word_eq(s, n, currency_names[i].name)) {
			memcpy(code, currency_names[i].code, 4);
			return 0;
		}
	if (n == 3 && is_alpha(s[0]) && is_alpha(s[1]) && is_alpha(s[2])) {
		for (int i = 0; i < 3; i++)
			code[i] = (char)(s[i] >= 'a' ? s[i] - 'a' + 'A' : s[i]);
		code[3] = '\0';
		return 0;
	}
	return -1;
}

/* ---- amounts ---- */

/* What a character is to an amount. */
enum {
	K_BAD, K_DIGIT, K_SEP, K_GSPACE, K_SPACE, K_MINUS, K_PLUS, K_DASH,
	K_OPEN, K_CLOSE, K_WORD
};

/* The character at P, full-width digits and punctuation and U+2212 read
 * as ASCII; *KIND says what it is. */
static size_t
amt_next(const char *p, const char *e, unsigned *cp, int *kind)
{
	size_t k = get_cp(p, e, cp);
	unsigned c = fold_wide(*cp);

	if (c != *cp && c < 0x80 && strchr("0123456789+,-.()'", (int)c))
		*cp = c;
	if (*cp == 0x2212)
		*cp = '-';
	c = *cp;
	if (is_digit((int)c))
		*kind = K_DIGIT;
	else if (c == ',' || c == '.' || c == '\'')
		*kind = K_SEP;
	else if (c == ' ' || c == 0xa0 || c == 0x202f)
		*kind = K_GSPACE;	/* thousands, or before "CR" */
	else if (is_space_cp(c))
		*kind = K_SPACE;
	else if (c == '-' || c == '+')
		*kind = c == '-' ? K_MINUS : K_PLUS;
	else if (c == 0x2014 || c == 0x2013)
		*kind = K_DASH;
	else if (c == '(' || c == ')')
		*kind = c == '(' ? K_OPEN : K_CLOSE;
	else if (is_alpha((int)c) || c == '$' || (c >= 0x80 && c != CP_BAD))
		*kind = K_WORD;
	else
		*kind = K_BAD;
	return k;
}

/* What surrounds the digits. */
struct amt {
	int sign;		/* '-', '+', 'C' (CR), 'D' (DR) or 0 */
	int paren;		/* 1 after '(', 2 after ')' */
	int dashes;		/* "--" or a dash: only a zero */
	int ncur;
	char cur[4];
};

/* A currency (or, after the number, CR/DR) at P: its length, 0 if bad. */
static size_t
amt_word(struct amt *a, const char *p, const char *e, int after)
{
	const char *q = p;
	unsigned cp;
	int kind;
	size_t k, n;
	char code[4] = "";

	while (q < e && (k = amt_next(q, e, &cp, &kind)) > 0 && kind == K_WORD)
		q += k;
	n = (size_t)(q - p);
	if (after && (word_eq(p, n, "cr") || word_eq(p, n, "dr"))) {
		if (a->sign != 0)
			return 0;
		a->sign = to_lower(*p) == 'c' ? 'C' : 'D';
		return n;
	}
	if (!(n == 1 && *p == '$') && currency_name(p, n, code) != 0 &&
	    !currency_is_code(p, n))
		return 0;
	if (currency_is_code(p, n) && code[0] == '\0')
		memcpy(code, p, 3), code[3] = '\0';
	/* "$5.00 USD" is one currency said twice; "€5 USD" is not */
	if (a->ncur++ == 2 || (code[0] && a->cur[0] && strcmp(code, a->cur) != 0))
		return 0;
	if (code[0])
		memcpy(a->cur, code, 4);
	return n;
}

/* Signs, '(' and a currency before the digits. */
static const char *
amt_prefix(struct amt *a, const char *p, const char *e)
{
	unsigned cp;
	int kind, prev = K_SPACE;
	size_t k;

	while (p < e) {
		k = amt_next(p, e, &cp, &kind);
		if (kind == K_DIGIT || kind == K_SEP)
			break;
		if (kind == K_MINUS && a->sign == '-' && prev == K_MINUS &&
		    !a->dashes)
			a->dashes = 1;	/* "--": zero, or an error */
		else if (kind == K_MINUS || kind == K_PLUS || kind == K_DASH) {
			if (a->sign != 0)
				return NULL;
			a->sign = kind == K_PLUS ? '+' : '-';
			a->dashes = kind == K_DASH;
		} else if (kind == K_OPEN) {
			if (a->paren != 0)
				return NULL;
			a->paren = 1;
		} else if (kind == K_WORD) {
			if ((k = amt_word(a, p, e, 0)) == 0)
				return NULL;
		} else if (kind != K_SPACE && kind != K_GSPACE)
			return NULL;
		prev = kind;
		p += k;
	}
	return p;
}

/* A trailing minus (SAP), ')', CR or DR, and a currency after the digits. */
static int
amt_suffix(struct amt *a, const char *p, const char *e)
{
	unsigned cp;
	int kind;
	size_t k;

	while (p < e) {
		k = amt_next(p, e, &cp, &kind);
		if (kind == K_MINUS) {
			if (a->sign != 0)
				return -1;
			a->sign = '-';
		} else if (kind == K_CLOSE) {
			if (a->paren != 1)
				return -1;
			a->paren = 2;
		} else if (kind == K_WORD) {
			if ((k = amt_word(a, p, e, 1)) == 0)
				return -1;
		} else if (kind != K_SPACE && kind != K_GSPACE)
			return -1;
		p += k;
	}
	return 0;
}

/* The digits and separators of the number. */
struct body {
	const char *b, *e;
	size_t ndig;
};

/* A separator belongs to the number only when a digit follows it, and
 * when it is not the first character only if it is ',' or '.'. */
static int
sep_in_number(const char *b, const char *p, const char *e, unsigned cp,
    size_t k, int prevdig)
{
	unsigned next;
	int kind;

	if (!prevdig && (p != b || (cp != ',' && cp != '.')))
		return 0;
	if (p + k >= e)
		return 0;
	amt_next(p + k, e, &next, &kind);
	return kind == K_DIGIT;
}

static const char *
body_scan(struct body *bd, const char *p, const char *e)
{
	unsigned cp;
	int kind, prevdig = 0;
	size_t k;

	bd->b = p;
	bd->ndig = 0;
	for (; p < e; p += k) {
		k = amt_next(p, e, &cp, &kind);
		if (kind == K_DIGIT) {
			bd->ndig++, prevdig = 1;
			continue;
		}
		if ((kind != K_SEP && kind != K_GSPACE) ||
		    !sep_in_number(bd->b, p, e, cp, k, prevdig))
			break;
		prevdig = 0;
	}
	bd->e = p;
	return p;
}

static const int64_t pow10[] = {
	1LL, 10LL, 100LL, 1000LL, 10000LL, 100000LL, 1000000LL, 10000000LL,
	100000000LL, 1000000000LL, 10000000000LL, 100000000000LL,
	1000000000000LL, 10000000000000LL, 100000000000000LL,
	1000000000000000LL, 10000000000000000LL, 100000000000000000LL,
	1000000000000000000LL
};

/* Thousands groups: the first of 1 to 3 digits, the last of 3, and those
 * between of 3 or, for the Indian lakh (1,23,45,678), 2; one separator
 * kind throughout. */
static int
group_ok(int *tsep, int c, size_t ngrp, size_t grp)
{
	if (*tsep != 0 && *tsep != c)
		return 0;
	*tsep = c;
	return ngrp == 0 ? grp >= 1 && grp <= 3 : grp == 2 || grp == 3;
}

/* One digit more of the value: past 18 significant digits is out of
 * range; past DEC decimals, only zeros may come. */
static enum norm_err
add_digit(int64_t *v, int d, int frac, int *nf, int *fd, int dec)
{
	if (frac && (*nf)++ >= dec)
		return d == 0 ? NORM_OK : NORM_DECIMALS;
	if (*v == 0 && d == 0 && !frac)
		return NORM_OK;		/* leading zeros do not count */
	if (++*fd > 18)
		return NORM_RANGE;
	*v = *v * 10 + d;
	return NORM_OK;
}

/* The body read with DCHAR as decimal separator, the others thousands:
 * NORM_BAD when they cannot be, else the first value error, else *OUT in
 * minor units. The walk goes to the end even after a value error, so
 * that it says whether the layout fits the mode. */
static enum norm_err
body_value(const struct body *bd, int dchar, int dec, int64_t *out)
{
	const char *p;
	unsigned cp;
	int kind, frac = 0, fd = 0, nf = 0, tsep = 0;
	size_t k, grp = 0, ngrp = 0;
	int64_t v = 0;
	enum norm_err r = NORM_OK;

	for (p = bd->b; p < bd->e; p += k) {
		k = amt_next(p, bd->e, &cp, &kind);
		if (kind == K_DIGIT) {
			grp += !frac;
			if (r == NORM_OK)
				r = add_digit(&v, (int)cp - '0', frac, &nf, &fd,
				    dec);
		} else if (frac)
			return NORM_BAD;	/* a separator among decimals */
		else if ((int)cp == dchar) {
			if (ngrp > 0 && grp != 3)
				return NORM_BAD;
			frac = 1;
		} else {
			if (!group_ok(&tsep, kind == K_GSPACE ? ' ' : (int)cp,
			    ngrp, grp))
				return NORM_BAD;
			ngrp++, grp = 0;
		}
	}
	if (!frac && ngrp > 0 && grp != 3)
		return NORM_BAD;
	if (r != NORM_OK)
		return r;
	if (nf < dec) {
		if (v > MONEY_MAX / pow10[dec - nf])
			return NORM_RANGE;
		v *= pow10[dec - nf];
	}
	if (v > MONEY_MAX)
		return NORM_RANGE;
	*out = v;
	return NORM_OK;
}

/* The modes whose layout the digits fit: "1,234" both, "12,5" and
 * "1.234,56" DEC_COMMA only, "1,234,567" DEC_POINT only (norm.h). */
static unsigned
body_modes(const struct body *bd)
{
	int64_t v;
	unsigned m = 0;

	if (body_value(bd, '.', 18, &v) != NORM_BAD)
		m |= DEC_POINT;
	if (body_value(bd, ',', 18, &v) != NORM_BAD)
		m |= DEC_COMMA;
	return m;
}

/* The sign once all is read: "-", "--", "—" alone (or with a currency, as
 * Excel's accounting format writes "$ -") are zero. */
static enum norm_err
amt_sign(const struct amt *a, const struct body *bd, int64_t *v,
    unsigned *modes)
{
	if (a->paren == 1 || (a->paren && a->sign != 0))
		return NORM_BAD;
	if (bd->ndig == 0) {
		if (a->sign != '-' || a->paren)
			return NORM_BAD;
		*modes = DEC_POINT | DEC_COMMA;
		*v = 0;
		return NORM_OK;
	}
	if (a->dashes)
		return NORM_BAD;
	if (a->sign == '-' || a->sign == 'C' || a->paren)
		*v = -*v;
	return NORM_OK;
}

enum norm_err
norm_amount(const char *s, size_t n, unsigned mode, int dec, int64_t *out,
    unsigned *modes, char cur[4])
{
	struct amt a;
	struct body bd;
	const char *p, *e;
	unsigned m;
	int64_t v = 0;
	enum norm_err r = NORM_OK;

	if (modes == NULL)
		modes = &m;
	*modes = 0;
	memset(&a, 0, sizeof(a));
	if (cur != NULL)
		cur[0] = '\0';
	norm_trim(&s, &n);
	if (n == 0)
		return NORM_EMPTY;
	if (dec < 0 || dec > 18)
		return NORM_RANGE;
	e = s + n;
	if ((p = amt_prefix(&a, s, e)) == NULL)
		return NORM_BAD;
	p = body_scan(&bd, p, e);
	if (amt_suffix(&a, p, e) < 0)
		r = NORM_BAD;
	if (cur != NULL)
		memcpy(cur, a.cur, 4);
	if (r == NORM_OK && bd.ndig > 0) {
		*modes = body_modes(&bd);
		if (mode != DEC_POINT && mode != DEC_COMMA)
			mode = *modes == DEC_COMMA ? DEC_COMMA : DEC_POINT;
		r = *modes == 0 ? NORM_BAD :
		    body_value(&bd, mode == DEC_POINT ? '.' : ',', dec, &v);
	}
	if (r == NORM_OK && (r = amt_sign(&a, &bd, &v, modes)) == NORM_OK)
		*out = v;
	return r;
}

/* ---- names, flags, codes ---- */

/* S equals W (lower case, words apart by one ' '), any run of ' ', '_'
 * and '-' in S standing for that space: "Credit_Note", "credit  note". */
static int
key_eq(const char *s, size_t n, const char *w)
{
	const char *e = s + n;

	while (s < e && *w != '\0') {
		if (*s == ' ' || *s == '_' || *s == '-') {
			if (*w++ != ' ')
				return 0;
			while (s < e && (*s == ' ' || *s == '_' || *s == '-'))
				s++;
		} else if (to_lower((unsigned char)*s++) != (unsigned char)*w++)
			return 0;
	}
	return s == e && *w == '\0';
}

/* Document types of QuickBooks, SAP (document type codes), Kingdee and
 * Yonyou (单据类型), and the canonical names (SPEC 1.3, 2). */
static const struct {
	const char *name;
	enum doc_type type;
} doc_types[] = {
	{ "invoice", DOC_INVOICE }, { "sales invoice", DOC_INVOICE },
	{ "inv", DOC_INVOICE }, { "dr", DOC_INVOICE }, { "rv", DOC_INVOICE },
	{ "销售发票", DOC_INVOICE }, { "发票", DOC_INVOICE },
	{ "应收单", DOC_INVOICE }, { "其他应收单", DOC_INVOICE },
	{ "credit note", DOC_CREDIT_NOTE }, { "credit memo", DOC_CREDIT_NOTE },
	{ "return", DOC_CREDIT_NOTE }, { "dg", DOC_CREDIT_NOTE },
	{ "红字发票", DOC_CREDIT_NOTE }, { "红冲", DOC_CREDIT_NOTE },
	{ "退货", DOC_CREDIT_NOTE }, { "贷项通知单", DOC_CREDIT_NOTE },
	{ "payment", DOC_PAYMENT }, { "receive payment", DOC_PAYMENT },
	{ "receipt", DOC_PAYMENT }, { "dz", DOC_PAYMENT },
	{ "收款单", DOC_PAYMENT }, { "收款", DOC_PAYMENT },
	{ "回款", DOC_PAYMENT },
	/* ERPNext (Payment Entry, Payment Type Receive and Pay), NetSuite,
	 * QuickBooks and Business Central */
	{ "payment entry", DOC_PAYMENT }, { "receive", DOC_PAYMENT },
	{ "customer deposit", DOC_PAYMENT }, { "deposit", DOC_PAYMENT },
	{ "customer payment", DOC_PAYMENT }, { "refund", DOC_ADJUSTMENT },
	{ "customer refund", DOC_ADJUSTMENT }, { "refund receipt", DOC_ADJUSTMENT },
	{ "pay", DOC_ADJUSTMENT }, { "finance charge memo", DOC_INVOICE },
	{ "reminder", DOC_INVOICE }, { "sales invoice", DOC_INVOICE },
	{ "adjustment", DOC_ADJUSTMENT }, { "journal entry", DOC_ADJUSTMENT },
	{ "journal", DOC_ADJUSTMENT }, { "sa", DOC_ADJUSTMENT },
	{ "ab", DOC_ADJUSTMENT }, { "调整", DOC_ADJUSTMENT },
	{ "调整单", DOC_ADJUSTMENT }
};

int
norm_doc_type(const char *s, size_t n, enum doc_type *out)
{
	norm_trim(&s, &n);
	for (size_t i = 0; i < NELEM(doc_types); i++)
		if (key_eq(s, n, doc_types[i].name)) {
			*out = doc_types[i].type;
			return 0;
		}
	return -1;
}

/* A word of a small table, in any case: its value, or -1. */
struct word_val {
	const char *word;
	int val;
};

static int
lookup(const char *s, size_t n, const struct word_val *t, size_t nt,
    int *out)
{
	norm_trim(&s, &n);
	for (size_t i = 0; i < nt; i++)
		if (word_eq(s, n, t[i].word)) {
			*out = t[i].val;
			return 0;
		}
	return -1;
}

/* SAP marks a flag set with 'X' and leaves it blank otherwise. */
static const struct word_val bools[] = {
	{ "yes", 1 }, { "y", 1 }, { "true", 1 }, { "1", 1 }, { "是", 1 },
	{ "有", 1 }, { "x", 1 },
	{ "no", 0 }, { "n", 0 }, { "false", 0 }, { "0", 0 }, { "否", 0 },
	{ "无", 0 }
};

int
norm_bool(const char *s, size_t n, int *out)
{
	return lookup(s, n, bools, NELEM(bools), out);
}

/* SAP's Soll/Haben (S/H), English D/C and Dr/Cr, Chinese 借/贷 (and the
 * traditional 貸): debit +1, the customer owes more. */
static const struct word_val dcs[] = {
	{ "s", 1 }, { "soll", 1 }, { "d", 1 }, { "dr", 1 }, { "debit", 1 },
	{ "借", 1 }, { "借方", 1 },
	{ "h", -1 }, { "haben", -1 }, { "c", -1 }, { "cr", -1 },
	{ "credit", -1 }, { "贷", -1 }, { "贷方", -1 }, { "貸", -1 },
	{ "貸方", -1 }
};

int
norm_dc(const char *s, size_t n, int *sign)
{
	return lookup(s, n, dcs, NELEM(dcs), sign);
}

/* ---- payment terms ---- */

/* Digits at *PP (full-width too): their value, or -1 when more than any
 * term in days could be. */
static long
term_number(const char **pp, const char *e)
{
	const char *p = *pp;
	unsigned cp;
	size_t k;
	long v = 0;
	int big = 0;

	while (p < e && (k = get_cp(p, e, &cp)) > 0 &&
	    is_digit((int)(cp = fold_wide(cp)))) {
		if (v > 99999 || (v = v * 10 + (long)(cp - '0')) > 99999)
			big = 1, v = 100000;
		p += k;
	}
	*pp = p;
	return big ? -1 : v;
}

/* The number after "Net", "NT", "N" ("2/10 Net 30" is 30: a discount
 * comes first), else the first number not stuck to a word before it (SAP's
 * term key NAA8 is no 8 days). Only a word or a number ends "Net". */
int
norm_terms(const char *s, size_t n, int *days)
{
	const char *p = s, *e = s + n, *q;
	unsigned cp;
	int mark = 0, word = 0;
	long v, first = -1;

	while (p < e) {
		size_t k = get_cp(p, e, &cp);
		if (is_alpha((int)cp)) {
			for (q = p; q < e && is_alpha(*q); q++)
				;
			mark = word_eq(p, (size_t)(q - p), "net") ||
			    word_eq(p, (size_t)(q - p), "nt") ||
			    word_eq(p, (size_t)(q - p), "n");
			word = !mark;
			p = q;
		} else if (is_digit((int)fold_wide(cp))) {
			if ((v = term_number(&p, e)) >= 0 && !word) {
				if (mark) {
					*days = (int)v;
					return 0;
				}
				if (first < 0)
					first = v;
			}
			mark = word = 0;
		} else {
			word = 0;	/* "Net: 30", "n/30", "Net (30)" */
			p += k;
		}
	}
	if (first < 0)
		return -1;
	*days = (int)first;
	return 0;
}

/* ---- identifiers ---- */

/* Excel's ="0001" keeps a text as text; "" inside it is one quote. */
static size_t
unwrap_formula(const char *s, size_t n, char *buf, const char **out)
{
	size_t o = 0;

	if (buf == NULL || memchr(s, '"', n) == NULL) {
		*out = s;
		return n;
	}
	for (size_t i = 0; i < n; i++) {
		buf[o++] = s[i];
		if (s[i] == '"' && i + 1 < n && s[i + 1] == '"')
			i++;
	}
	*out = buf;
	return o;
}

size_t
norm_id(const char *s, size_t n, char *buf, const char **out)
{
	size_t i;

	norm_trim(&s, &n);
	if (n >= 3 && s[0] == '=' && s[1] == '"' && s[n - 1] == '"')
		return unwrap_formula(s + 2, n - 3, buf, out);
	/* a number that went through a float: 1930438491.0 */
	for (i = 0; i < n && is_digit(s[i]); i++)
		;
	if (i > 0 && i + 2 <= n && n <= i + 3 && s[i] == '.' &&
	    s[i + 1] == '0' && (n == i + 2 || s[i + 2] == '0'))
		n = i;
	*out = s;
	return n;
}

/* ---- total rows ---- */

/* Labels of total rows: QuickBooks, Xero, SAP (DE/NL/FR) and Chinese
 * reports; compared in any case and without spaces ("合  计"). */
static const char *const totals[] = {
	"合计", "小计", "总计", "总合计", "本页合计", "本期合计", "累计",
	"合計", "小計", "總計", "total", "subtotal", "sub-total",
	"grandtotal", "percentageoftotal", "summe", "gesamt", "gesamtsumme",
	"totaal", "totalgénéral", "totaux"
};

/* Chinese reports put a name before these: "本月合计", "华东 小计". */
static const char *const total_ends[] = {
	"合计", "小计", "总计", "累计", "合計", "小計", "總計"
};

/* S equals W ignoring ASCII case and every space in S. */
static int
loose_eq(const char *s, size_t n, const char *w)
{
	const char *e = s + n;
	size_t k;

	for (;;) {
		while (s < e && (k = space_len(s, e)) > 0)
			s += k;
		if (s == e || *w == '\0')
			return s == e && *w == '\0';
		if (to_lower((unsigned char)*s++) != (unsigned char)*w++)
			return 0;
	}
}

static int
ends_with(const char *s, size_t n, const char *w)
{
	size_t k = strlen(w);

	return n >= k && memcmp(s + n - k, w, k) == 0;
}

int
norm_is_total(const char *s, size_t n)
{
	size_t k;

	norm_trim(&s, &n);
	/* "合计：", "Total:" */
	if (n > 0 && s[n - 1] == ':')
		n--;
	else if (ends_with(s, n, "："))
		n -= strlen("：");
	norm_trim(&s, &n);
	if ((k = lit(s, s + n, "total")) > 0 && space_len(s + k, s + n) > 0)
		return 1;	/* "Total for 1 - 30 days", "Total A/R" */
	for (size_t i = 0; i < NELEM(totals); i++)
		if (loose_eq(s, n, totals[i]))
			return 1;
	for (size_t i = 0; i < NELEM(total_ends); i++)
		if (ends_with(s, n, total_ends[i]))
			return 1;
	return 0;
}

/* ---- header cells ---- */

/* What header_strip drops at the ends: spaces, a byte order mark, a ':'
 * (or '：'), '*' (required-field marks of import templates), quotes. */
static int
header_strip(const char **bp, const char **ep)
{
	const char *b = *bp, *e = *ep;
	unsigned f, l;
	size_t kf, kl;

	if (b == e)
		return 0;
	kf = get_cp(b, e, &f);
	kl = prev_cp(b, e, &l);
	f = fold_wide(f), l = fold_wide(l);
	if (is_space_cp(f) || f == 0xfeff || f == '*')
		b += kf;
	else if (is_space_cp(l) || l == ':' || l == '*')
		e -= kl;
	else if ((f == '"' || f == '\'') && l == f && kf + kl <= (size_t)(e - b))
		b += kf, e -= kl;
	else
		return 0;
	*bp = b, *ep = e;
	return 1;
}

size_t
norm_header(const char *s, size_t n, char *out, size_t cap)
{
	const char *e = s + n;
	unsigned cp;
	size_t k, o = 0;
	int space = 0;

	if (cap == 0)
		return 0;
	while (header_strip(&s, &e))
		;
	for (; s < e; s += k) {
		k = get_cp(s, e, &cp);
		if (cp == 0xfeff)
			continue;
		if (is_space_cp(cp)) {
			space = 1;
			continue;
		}
		cp = fold_wide(cp);
		if ((size_t)space + (cp < 0x80 ? 1 : k) > cap - 1 - o)
			break;	/* whole characters only */
		if (space)
			out[o++] = ' ', space = 0;
		if (cp < 0x80)
			out[o++] = (char)to_lower((int)cp);
		else {
			memcpy(out + o, s, k);
			o += k;
		}
	}
	out[o] = '\0';
	return o;
}
