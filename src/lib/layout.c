/* layout.c - the shape of an exported report (SPEC 2.1): header, buckets,
 * totals, sections, the report date, and the totals check. The layouts
 * come from corpus/erp-layouts.md and examples/erp/README.md. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "err.h"
#include "layout.h"
#include "money.h"
#include "norm.h"

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))
#define KEYMAX 512

/* ---- ageing buckets ---- */

static const char *const not_due[] = {
	"current", "not due", "not yet due", "at date", "due", "future",
	"未到期", "今日到期", "未逾期", "未过期", "当前"
};

/* Units after a number, longest first: days (of SPEC 2.1's labels and
 * QuickBooks' sections), months (Xero: 30 days), years (Chinese 账龄). */
static const struct {
	const char *word;
	int days;
} units[] = {
	{ " days past due", 1 }, { " days overdue", 1 }, { " past due", 1 },
	{ " overdue", 1 }, { " days", 1 }, { " day", 1 }, { "days", 1 },
	{ " d.", 1 }, { " d", 1 }, { "天", 1 }, { "日", 1 },
	{ " months", 30 }, { " month", 30 }, { "个月", 30 }, { "個月", 30 },
	{ "月", 30 }, { " years", 365 }, { " year", 365 }, { "年", 365 },
};

/* Words that make the bucket open upwards, after the number. */
static const char *const over_after[] = {
	" and over", " or more", " or older", "-above", " - above", " and above",
	" above", "+", " +", "以上", "及以上"
};
/* ... or before it */
static const char *const over_before[] = {
	"over ", "> ", ">", "more than ", "older than ", "超过", "大于", "above "
};
/* ... and upper bounds before it ("≤ 30 d.", "< 1 Month", "within 30") */
static const char *const upto_before[] = {
	"\xe2\x89\xa4 ", "\xe2\x89\xa4", "<= ", "<=", "< ", "<", "within ",
	"up to "
};
static const char *const upto_after[] = { "以内", "以下", "之内" };

static size_t
eat(const char *p, const char *w)
{
	size_t k = strlen(w);

	return strncmp(p, w, k) == 0 ? k : 0;
}

/* One of WORDS at P: its length, or 0. */
static size_t
eat_any(const char *p, const char *const *words, size_t n)
{
	size_t k;

	for (size_t i = 0; i < n; i++)
		if ((k = eat(p, words[i])) > 0)
			return k;
	return 0;
}

/* Digits at *PP (at most 6): the number, or -1. */
static long
number(const char **pp)
{
	const char *p = *pp;
	long v = 0;
	int k = 0;

	while (*p >= '0' && *p <= '9') {
		if (++k > 6)
			return -1;
		v = v * 10 + (*p++ - '0');
	}
	if (k == 0)
		return -1;
	*pp = p;
	return v;
}

/* A unit at *PP: its days (moving on), or 1 when there is none. */
static int
unit(const char **pp, int *seen)
{
	size_t k;

	for (size_t i = 0; i < NELEM(units); i++)
		if ((k = eat(*pp, units[i].word)) > 0) {
			*pp += k;
			*seen = 1;
			return units[i].days;
		}
	return 1;
}

/* "< 1 month" is 1..30 days; "1 month" 31..60; "N months" N*30+1.. */
static int
months(const char *h, struct lay_bucket *b)
{
	const char *p = h;
	long n;
	int lt = 0;

	if (*p == '<') {
		lt = 1;
		p += p[1] == ' ' ? 2 : 1;
	}
	if ((n = number(&p)) < 0 || n > 1000 ||
	    (strcmp(p, " month") != 0 && strcmp(p, " months") != 0))
		return 0;
	if (lt) {
		b->lo = n > 1 ? -1 : 1;
		b->hi = (int)n * 30;
	} else {
		b->lo = (int)n * 30 + 1;
		b->hi = (int)n * 30 + 30;
	}
	return 1;
}

int
lay_bucket(const char *h, struct lay_bucket *b)
{
	const char *p = h;
	long lo, hi = -1;
	int u1 = 1, u2, seen = 0, over = 0, upto = 0;
	size_t k;

	for (size_t i = 0; i < NELEM(not_due); i++)
		if (strcmp(h, not_due[i]) == 0) {
			b->lo = b->hi = 0;
			return 1;
		}
	if (strcmp(h, "older") == 0 || strcmp(h, "later") == 0 ||
	    strcmp(h, "over") == 0 || strcmp(h, "更早") == 0) {
		b->lo = -1;
		b->hi = LAY_OVER;
		return 1;
	}
	if (months(h, b))
		return 1;
	if ((k = eat(p, "period ")) > 0) {	/* Sage */
		p += k;
		if ((lo = number(&p)) < 1 || lo > 100 || *p)
			return 0;
		b->lo = (int)lo * 30;
		b->hi = (int)lo * 30 + 29;
		return 1;
	}
	p += eat(p, "age ");
	if ((k = eat_any(p, over_before, NELEM(over_before))) > 0)
		p += k, over = 1;
	else if ((k = eat_any(p, upto_before, NELEM(upto_before))) > 0)
		p += k, upto = 1;
	if ((lo = number(&p)) < 0)
		return 0;
	u1 = unit(&p, &seen);
	if (!over && !upto && (k = eat_any(p, over_after, NELEM(over_after))) > 0)
		p += k, over = 2;
	else if (!over && !upto &&
	    (k = eat_any(p, upto_after, NELEM(upto_after))) > 0)
		p += k, upto = 2;
	else if (!over && !upto && (*p == '-' || eat(p, " - ") || eat(p, " to ") ||
	    eat(p, "~") || eat(p, "至"))) {
		p += *p == '-' ? 1 : eat(p, " - ") ? 3 : eat(p, " to ") ? 4 :
		    eat(p, "~") ? 1 : strlen("至");
		while (*p == ' ')
			p++;
		if ((hi = number(&p)) < 0)
			return 0;
	}
	u2 = unit(&p, &seen);
	if (u1 == 1 && u2 != 1)
		u1 = u2;
	if (!over && !upto && hi < 0 && (k = eat_any(p, over_after,
	    NELEM(over_after))) > 0)
		p += k, over = 2;
	if (*p != '\0')
		return 0;
	if (over) {
		/* "> 90", "over 90": from 91; "91+", "91 and over": from 91;
		 * "90+", "90天以上": from 91 too (buckets end at a round number) */
		long start = over == 1 || lo % 10 == 0 ? lo + 1 : lo;
		b->lo = (int)(u1 == 1 ? start : lo * u1 + 1);
		b->hi = LAY_OVER;
		return b->lo <= b->hi;	/* "9026年 +" is past any day held */
	}
	if (upto) {
		b->lo = -1;
		b->hi = (int)(lo * u1);
		return lo > 0;
	}
	if (hi < 0) {
		/* "30 days", "30天": the bucket up to 30; a bare number is none */
		if (!seen || lo == 0)
			return 0;
		b->lo = -1;
		b->hi = (int)(lo * u1);
		return 1;
	}
	if (hi < lo)
		return 0;
	b->lo = (int)(u1 == 1 ? lo : lo * u1 + (lo > 0));
	b->hi = (int)(hi * u2);
	return b->lo <= b->hi;	/* "1-1年" is no range */
}

void
lay_buckets_fix(struct lay_bucket *b, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		int prev = 0;
		if (b[i].lo >= 0)
			continue;
		for (size_t j = 0; j < n; j++)
			if (j != i && b[j].lo >= 0 && b[j].hi < b[i].hi &&
			    b[j].hi > prev)
				prev = b[j].hi;
		b[i].lo = prev + 1;
		if (b[i].hi < b[i].lo)
			b[i].hi = b[i].lo;
	}
}

int
lay_bucket_days(const struct lay_bucket *b)
{
	if (b->hi == 0)
		return 0;
	if (b->hi >= LAY_OVER)
		return b->lo + 14;
	return b->lo + (b->hi - b->lo) / 2;
}

/* ---- the header ---- */

/* The field of a header cell (KEY through norm_header): an -m name, the
 * profile's, the common ones, or the name without a unit ("Amount (USD)",
 * "金额（元）"), which sets CUR. */
static int
cell_field(const struct lay_opts *o, const char *key, int *prio, char cur[4])
{
	char base[KEYMAX];
	size_t n;
	int f;

	cur[0] = '\0';
	for (size_t i = 0; i < o->nmap; i++) {
		char k[KEYMAX];
		norm_header(o->map[i].header, strlen(o->map[i].header), k,
		    sizeof(k));
		if (*k && strcmp(k, key) == 0) {
			*prio = 0;
			return o->map[i].field;
		}
	}
	if ((f = hdr_field(o->prof, key, prio)) != -1)
		return f;
	n = strlen(key);
	if (n > 2 && (key[n - 1] == ')' || (n > 3 &&
	    strcmp(key + n - 3, "\xef\xbc\x89") == 0))) {
		const char *open = strrchr(key, '(');
		const char *wide = strstr(key, "\xef\xbc\x88");
		const char *op = open ? open : wide;
		if (op != NULL && op > key) {
			size_t bl = (size_t)(op - key);
			const char *u = op + (op == open ? 1 : 3);
			size_t ul = (size_t)(key + n - (key[n - 1] == ')' ? 1 : 3) - u);
			while (bl > 0 && key[bl - 1] == ' ')
				bl--;
			memcpy(base, key, bl);
			base[bl] = '\0';
			if ((f = hdr_field(o->prof, base, prio)) >= 0) {
				if (norm_currency(u, ul, cur) != 0)
					cur[0] = '\0';
				return f;
			}
		}
	}
	return -1;
}

/* how many bucket columns make a row with an unnamed first column the
 * header of an aged summary */
#define UNNAMED_BUCKETS 3

static int
is_key_field(int f)
{
	return f == F_CUSTOMER || f == F_INVOICE || f == F_AMOUNT || f == F_OPEN;
}

int
lay_header_score(const struct lay_opts *o, const struct val *v, size_t n)
{
	int seen[NFIELDS] = { 0 }, nf = 0, key = 0, buckets = 0, prio;
	int unnamed = 0;
	char k[KEYMAX], cur[4];
	struct lay_bucket b;

	for (size_t c = 0; c < n; c++) {
		int f;
		norm_header(v[c].p, v[c].n, k, sizeof(k));
		if (*k == '\0' && c == 0)
			unnamed = 1;
		if (*k == '\0' && c > 0)
			continue;
		f = cell_field(o, k, &prio, cur);
		if (f >= 0 && !seen[f]) {
			seen[f] = 1;
			nf += *k != '\0';
			key |= is_key_field(f) && *k != '\0';
		} else if (f == -1 && *k && lay_bucket(k, &b))
			buckets++;
	}
	if ((seen[F_CUSTOMER] || seen[F_INVOICE]) && buckets >= 2)
		return 2 + buckets;	/* an aged report */
	if (unnamed && !seen[F_CUSTOMER] && buckets >= UNNAMED_BUCKETS)
		return 2 + buckets;	/* a summary whose customers have no name */
	return key && nf >= 2 ? nf : 0;
}

/* Which column of the aged report is its Total: one named Total (or
 * mapped to amount or open in a summary). */
static void
find_total(struct lay_head *h)
{
	for (size_t c = 0; c < h->ncols; c++) {
		struct lay_col *col = &h->cols[c];
		char k[KEYMAX];
		norm_header(col->name, strlen(col->name), k, sizeof(k));
		if (strcmp(k, "total") == 0 || strcmp(k, "合计") == 0 ||
		    strcmp(k, "balance") == 0 || strcmp(k, "余额") == 0 ||
		    (h->summary && (col->field == F_AMOUNT || col->field == F_OPEN))) {
			h->total_col = (int)c;
			break;
		}
	}
	if (h->total_col < 0)
		return;
	h->cols[h->total_col].total = 1;
	if (h->summary && h->cols[h->total_col].field >= 0) {
		/* a summary's Total is the sum of its buckets, not an item */
		h->fcol[h->cols[h->total_col].field] = -1;
		h->cols[h->total_col].field = -1;
	}
}

void
lay_take_header(struct lay_head *h, const struct lay_opts *o,
    const struct val *v, size_t n)
{
	int best[NFIELDS];
	struct lay_bucket *bs;
	size_t nb = 0;
	char k[KEYMAX];

	memset(h, 0, sizeof(*h));
	h->ncols = n;
	h->cols = xcalloc(n + 1, sizeof(*h->cols));
	h->total_col = -1;
	for (int f = 0; f < NFIELDS; f++)
		h->fcol[f] = -1, best[f] = 1 << 30;
	for (size_t c = 0; c < n; c++) {
		struct lay_col *col = &h->cols[c];
		const char *p = v[c].p ? v[c].p : "";
		size_t pn = v[c].n;
		int f, prio = 0;
		norm_trim(&p, &pn);
		col->name = xstrndup(p, pn);
		col->nlen = pn;
		norm_header(p, pn, k, sizeof(k));
		col->field = -1;
		/* the unnamed first column: only a profile may name it */
		f = *k || (c == 0 && o->prof) ? cell_field(o, k, &prio, col->cur) :
		    -1;
		if (f == HDR_KEEP)
			col->keep = 1;
		else if (f >= 0 && prio < best[f]) {	/* ties: the leftmost */
			if (h->fcol[f] >= 0)
				h->cols[h->fcol[f]].field = -1;
			h->fcol[f] = (int)c;
			best[f] = prio;
			col->field = f;
		} else if (f == -1 && *k && lay_bucket(k, &col->b))
			col->bucket = 1, h->nbuckets++;
	}
	/* an FBL5N list may only have the amount in local currency */
	if (h->fcol[F_AMOUNT] < 0 && h->fcol[F_AMOUNT_LC] >= 0) {
		h->fcol[F_AMOUNT] = h->fcol[F_AMOUNT_LC];
		h->fcol[F_AMOUNT_LC] = -1;
		h->cols[h->fcol[F_AMOUNT]].field = F_AMOUNT;
	}
	/* -m field= : that field comes from no column */
	for (size_t i = 0; i < o->nmap; i++)
		if (*o->map[i].header == '\0' && h->fcol[o->map[i].field] >= 0) {
			h->cols[h->fcol[o->map[i].field]].field = -1;
			h->fcol[o->map[i].field] = -1;
		}
	/* an unnamed first column before the buckets of a summary is its
	 * customers (QuickBooks' A/R Aging Summary), else no field */
	if (h->fcol[F_CUSTOMER] < 0 && n > 0 && h->cols[0].nlen == 0 &&
	    h->cols[0].field < 0 && h->nbuckets >= UNNAMED_BUCKETS &&
	    h->fcol[F_INVOICE] < 0) {
		h->cols[0].field = F_CUSTOMER;
		h->fcol[F_CUSTOMER] = 0;
	}
	h->aged = h->nbuckets > 0;
	h->summary = h->aged && h->fcol[F_INVOICE] < 0;
	if (!h->aged)
		return;
	bs = xcalloc((size_t)h->nbuckets, sizeof(*bs));
	for (size_t c = 0; c < n; c++)
		if (h->cols[c].bucket)
			bs[nb++] = h->cols[c].b;
	lay_buckets_fix(bs, nb);
	nb = 0;
	for (size_t c = 0; c < n; c++)
		if (h->cols[c].bucket)
			h->cols[c].b = bs[nb++];
	free(bs);
	find_total(h);
}

void
lay_free_header(struct lay_head *h)
{
	for (size_t c = 0; c < h->ncols; c++)
		free(h->cols[c].name);
	free(h->cols);
	h->cols = NULL;
	h->ncols = 0;
}

int
lay_header_again(const struct lay_head *h, const struct val *v, size_t n)
{
	size_t same = 0, named = 0;

	for (size_t c = 0; c < h->ncols && c < n; c++) {
		const char *p = v[c].p ? v[c].p : "";
		size_t pn = v[c].n;
		norm_trim(&p, &pn);
		if (*h->cols[c].name == '\0')
			continue;
		named++;
		if (pn == strlen(h->cols[c].name) &&
		    memcmp(p, h->cols[c].name, pn) == 0)
			same++;
	}
	return named >= 2 && same == named;
}

/* ---- rows ---- */

static int
ends(const char *s, size_t n, const char *w)
{
	size_t k = strlen(w);

	return n > k && memcmp(s + n - k, w, k) == 0;
}

enum lay_total
lay_total_kind(const char *s, size_t n)
{
	/* compared without spaces: "合 计", "Grand  Total" */
	static const char *const skip[] = { "percentageoftotal", "percents",
	    "percent", "percentage", "%oftotal", "累计", "本年累计", "累計",
	    "本期累计" };
	static const char *const grand[] = { "total", "grandtotal", "合计",
	    "总计", "总合计", "合計", "總計", "summe", "gesamt", "gesamtsumme",
	    "totaal", "totalgénéral", "totaux", "totals", "reporttotal" };
	char k[KEYMAX];
	size_t kn, o = 0;

	norm_header(s, n, k, sizeof(k));
	for (size_t i = 0; k[i]; i++)
		if (k[i] != ' ')
			k[o++] = k[i];
	k[o] = '\0';
	kn = o;
	for (size_t i = 0; i < NELEM(skip); i++)
		if (strcmp(k, skip[i]) == 0 || (i >= 5 && ends(k, kn, skip[i])))
			return LT_SKIP;
	if (kn > 0 && k[kn - 1] == '%')
		return LT_SKIP;
	if (!norm_is_total(s, n) && strcmp(k, "totals") != 0 &&
	    strcmp(k, "reporttotal") != 0)
		return LT_NONE;
	for (size_t i = 0; i < NELEM(grand); i++)
		if (strcmp(k, grand[i]) == 0)
			return LT_GRAND;
	return LT_SUB;
}

int
lay_account_line(const char *s, size_t n)
{
	size_t i = 0, digits = 0;

	norm_trim(&s, &n);
	while (i < n && ((s[i] >= '0' && s[i] <= '9') || (s[i] == '.' && digits)))
		digits += s[i++] != '.';
	if (digits < 3 || i == n || s[i] != ' ')
		return 0;
	while (i < n && (s[i] == ' ' || s[i] == '-'))
		i++;
	/* then a name: a letter or any non-ASCII character */
	return i < n && (((s[i] | 0x20) >= 'a' && (s[i] | 0x20) <= 'z') ||
	    (unsigned char)s[i] >= 0x80);
}

/* The last date-like part of a range "2026-10-01至2026-11-30". */
static void
range_end(const char **p, size_t *n)
{
	static const char *const seps[] = { "至", " to ", "~", " - ", "—" };

	for (size_t i = 0; i < NELEM(seps); i++) {
		size_t k = strlen(seps[i]);
		for (size_t j = *n; j >= k && j > 0; j--)
			if (memcmp(*p + j - k, seps[i], k) == 0) {
				*p += j;
				*n -= j;
				return;
			}
	}
}

static int
date_text(const char *p, size_t n, int order, int32_t *d)
{
	struct norm_date_opts o = { order, NULL, 0 };
	unsigned ords;

	norm_trim(&p, &n);
	while (n > 0 && (*p == ':' || *p == ' '))
		p++, n--;
	if (n >= 3 && memcmp(p, "：", 3) == 0)
		p += 3, n -= 3;
	range_end(&p, &n);
	norm_trim(&p, &n);
	if (n == 0)
		return -1;
	if (norm_date(p, n, &o, d, &ords) == NORM_OK)
		return 0;
	o.order = 0;	/* the order was a guess: 30/11/2026 tells its own */
	return order && norm_date(p, n, &o, d, &ords) == NORM_OK ? 0 : -1;
}

int
lay_report_date(const char *s, size_t n, const char *next, size_t nn,
    int order, int32_t *d)
{
	static const char *const lead[] = {
		"as at", "as of", "as on", "as at date", "report date",
		"date at filter", "key date", "stichtag", "per", "ending",
		"截至", "截止", "截止日期", "日期", "报表日期", "统计日期", "查询日期"
	};
	char k[KEYMAX];
	size_t kn = norm_header(s, n, k, sizeof(k));

	for (size_t i = 0; i < NELEM(lead); i++) {
		size_t ln = strlen(lead[i]);
		if (kn < ln || strncmp(k, lead[i], ln) != 0)
			continue;
		if (kn == ln) {	/* the date in the next cell */
			if (next != NULL && date_text(next, nn, order, d) == 0)
				return 0;
			continue;
		}
		if ((k[ln] == ' ' || k[ln] == ':' || (unsigned char)k[ln] >= 0x80 ||
		    (k[ln] >= '0' && k[ln] <= '9')) &&
		    date_text(k + ln, kn - ln, order, d) == 0)
			return 0;
	}
	return -1;
}

int
lay_title_date(const struct val *v, size_t n, int order, int32_t *d,
    char *text, size_t cap)
{
	char joined[128];
	size_t o = 0, filled = 0;

	if (cap == 0)
		return -1;
	for (size_t c = 0; c < n; c++) {
		const char *np = c + 1 < n ? v[c + 1].p : NULL;
		size_t nn = c + 1 < n ? v[c + 1].n : 0, k = v[c].n;
		if (k == 0)
			continue;
		filled++;
		if (lay_report_date(v[c].p, k, np, nn, order, d) == 0) {
			if (k > cap - 1)
				k = cap - 1;
			memcpy(text, v[c].p, k);
			text[k] = '\0';
			return 0;
		}
	}
	if (filled < 2)
		return -1;
	/* "As of November 30, 2026" unquoted: split at its comma */
	for (size_t c = 0; c < n && o < sizeof(joined) - 1; c++) {
		size_t k = v[c].n;
		if (c > 0)
			joined[o++] = ',';
		if (k > sizeof(joined) - 1 - o)
			k = sizeof(joined) - 1 - o;
		memcpy(joined + o, v[c].p, k);
		o += k;
	}
	while (o > 0 && joined[o - 1] == ',')
		o--;
	joined[o] = '\0';
	if (lay_report_date(joined, o, NULL, 0, order, d) != 0)
		return -1;
	if (o > cap - 1)
		o = cap - 1;
	memcpy(text, joined, o);
	text[o] = '\0';
	return 0;
}

int
lay_date_label(const struct val *v, size_t n)
{
	static const char *const labels[] = { "date at filter", "as at", "as of",
	    "report date", "key date", "stichtag", "截止日期", "报表日期" };

	for (size_t c = 0; c < n && c < 64; c++) {
		char k[64];
		norm_header(v[c].p, v[c].n, k, sizeof(k));
		for (size_t i = 0; i < NELEM(labels); i++)
			if (strcmp(k, labels[i]) == 0)
				return (int)c;
	}
	return -1;
}

int
lay_plain_total(const char *s, size_t n)
{
	static const char *const words[] = { "total", "totals", "grand total",
	    "subtotal", "sub-total", "percentage of total", "report total",
	    "percents", "percent", "percentage" };
	char k[64];
	size_t kn;

	norm_trim(&s, &n);
	if (n > 0 && (unsigned char)s[0] >= 0x80)
		return norm_is_total(s, n);	/* 合计, 小计 ... */
	kn = norm_header(s, n, k, sizeof(k));
	for (size_t i = 0; i < NELEM(words); i++)
		if (strcmp(k, words[i]) == 0)
			return 1;
	return (kn > 10 && strncmp(k, "total for ", 10) == 0) ||
	    (kn > 8 && strncmp(k, "total - ", 8) == 0);
}

int
lay_money_text(const char *s, size_t n)
{
	int64_t v;
	unsigned modes;
	char cur[4];

	norm_trim(&s, &n);
	if (n == 0 || (memchr(s, '.', n) == NULL && memchr(s, ',', n) == NULL))
		return 0;
	return norm_amount(s, n, 0, 4, &v, &modes, cur) == NORM_OK;
}

/* ---- what a row is ---- */

static void
cell(const struct val *v, size_t n, int c, const char **p, size_t *pn)
{
	*p = "";
	*pn = 0;
	if (c >= 0 && (size_t)c < n && v[c].p != NULL) {
		*p = v[c].p;
		*pn = v[c].n;
		lay_trim(p, pn);
	}
}

/* Does a date column hold a date? A label in column SKIP (a section
 * row's, under the Invoice Date of Xero's detail) is none. */
static int
has_date(const struct lay_head *h, const struct val *v, size_t n, int skip,
    int order)
{
	for (int f = 0; f < NFIELDS; f++) {
		int c = h->fcol[f];
		const char *p;
		size_t pn;
		if (nfields[f].kind != K_DATE || c < 0 || (size_t)c >= n ||
		    v[c].n == 0)
			continue;
		if (c == skip) {
			struct norm_date_opts o = { order, NULL, 1 };
			int32_t d;
			unsigned ords;
			cell(v, n, c, &p, &pn);
			if (norm_date(p, pn, &o, &d, &ords) != NORM_OK)
				continue;
		}
		return 1;
	}
	return 0;
}

enum lay_row
lay_row_kind(const struct lay_head *h, const struct val *v, size_t n,
    int order, int *first, enum lay_total *kind)
{
	size_t filled = 0, pn, in;
	const char *p, *ip;
	int lone;

	*first = -1;
	*kind = LT_NONE;
	for (size_t c = 0; c < n; c++) {
		cell(v, n, (int)c, &p, &pn);
		if (pn == 0)
			continue;
		if (*first < 0)
			*first = (int)c;
		filled++;
	}
	if (*first < 0)
		return LR_BLANK;
	cell(v, n, *first, &p, &pn);
	lone = filled == 1 && h->ncols > 2;
	if (lone && *first != h->fcol[F_CUSTOMER] &&
	    *first != h->fcol[F_INVOICE] && !lay_label_like(p, pn) &&
	    lay_money_text(p, pn)) {
		*kind = LT_GRAND;	/* a total with no label */
		return LR_TOTAL;
	}
	if (!lay_label_like(p, pn) && filled != 1 && !lay_account_line(p, pn))
		return LR_DOC;
	if (lay_maybe_total(p, pn))
		*kind = lay_total_kind(p, pn);
	cell(v, n, h->fcol[F_INVOICE], &ip, &in);
	/* a row with a document number is a document */
	if (*kind != LT_NONE && (in == 0 || *first == h->fcol[F_INVOICE]) &&
	    (*first != h->fcol[F_CUSTOMER] || lay_plain_total(p, pn)))
		return LR_TOTAL;
	*kind = LT_NONE;
	if (lay_header_again(h, v, n))
		return LR_HEADER;
	if (((lone && *first != h->fcol[F_CUSTOMER]) ||
	    (h->fcol[F_CUSTOMER] < 0 && *first != h->fcol[F_CURRENCY]) ||
	    (lay_account_line(p, pn) && (lone ||
	    *first != h->fcol[F_CUSTOMER]))) &&
	    !has_date(h, v, n, *first, order))
		return lay_account_line(p, pn) ? LR_ACCOUNT : LR_SECTION;
	return LR_DOC;
}

/* ---- the title rows ---- */

void
lay_title_init(struct lay_title *t)
{
	memset(t, 0, sizeof(*t));
	t->date = DATE_NONE;
	t->below = -1;
}

void
lay_title_free(struct lay_title *t)
{
	free(t->section);
	t->section = NULL;
}

void
lay_title_blank(struct lay_title *t)
{
	free(t->section);
	t->section = NULL;
}

void
lay_title_row(struct lay_title *t, const struct val *v, size_t n,
    unsigned long line, int order)
{
	size_t filled = 0;
	int first = -1;
	int32_t d;

	if (!*t->text && t->below >= 0 && (size_t)t->below < n &&
	    lay_title_date(v + t->below, 1, order, &d, t->text,
	    sizeof(t->text)) != 0) {
		/* "Date at filter" over the date: read it as "As of DATE" */
		char s[128];
		struct val as = { s, 0, V_STR };
		as.n = (size_t)snprintf(s, sizeof(s), "as of %.*s",
		    (int)(v[t->below].n < 100 ? v[t->below].n : 100),
		    v[t->below].p);
		if (lay_title_date(&as, 1, order, &d, t->text,
		    sizeof(t->text)) == 0)
			t->date = d;
		if (*t->text)
			t->line = line;
	}
	if (!*t->text && lay_title_date(v, n, order, &d, t->text,
	    sizeof(t->text)) == 0) {
		t->line = line;
		t->date = d;
	}
	t->below = lay_date_label(v, n);
	free(t->section);
	t->section = NULL;
	for (size_t c = 0; c < n; c++) {
		const char *p = v[c].p;
		size_t pn = v[c].n;
		lay_trim(&p, &pn);
		if (pn == 0)
			continue;
		if (first < 0)
			first = (int)c;
		filled++;
	}
	if (filled == 1 && !(*t->text && t->line == line)) {
		/* (the report date's row is no customer) */
		const char *p = v[first].p ? v[first].p : "";
		size_t pn = v[first].n;
		lay_trim(&p, &pn);
		if (lay_label_like(p, pn) && !lay_account_line(p, pn))
			t->section = xstrndup(p, pn);
	}
}

/* ---- aged reports ---- */

int
lay_unknown_money(const struct lay_head *h)
{
	for (size_t c = 0; c < h->ncols && h->aged; c++)
		if (h->cols[c].money > 0 && h->cols[c].other == 0)
			return (int)c;
	return -1;
}

int
lay_row_buckets(const struct lay_head *h, const int64_t *bv, int64_t *sum,
    int *first)
{
	*sum = 0;
	*first = -1;
	for (size_t c = 0; c < h->ncols; c++) {
		if (!h->cols[c].bucket)
			continue;
		if (money_add(sum, bv[c]) != 0)
			return -1;
		if (bv[c] != 0 && *first < 0)
			*first = (int)c;
	}
	return 0;
}

int
lay_aged_days(const struct lay_bucket *b, int32_t due, int32_t report_date)
{
	if (due != DATE_NONE && report_date != DATE_NONE &&
	    report_date - due <= b->hi && (report_date - due >= b->lo ||
	    b->hi == 0))
		return report_date - due;
	return lay_bucket_days(b);
}

size_t
lay_summary_items(const struct lay_head *h, const int64_t *bv,
    int32_t report_date, struct lay_item *it)
{
	size_t k = 0;

	for (size_t c = 0; c < h->ncols; c++) {
		if (!h->cols[c].bucket || bv[c] == 0)
			continue;
		it[k].col = c;
		it[k].days = lay_bucket_days(&h->cols[c].b);
		it[k].due = report_date - it[k].days;
		it[k].amount = bv[c];
		k++;
	}
	return k;
}

/* ---- how a file writes its dates and amounts ---- */

static void
see(struct lay_evidence *ev, enum lay_ev k, unsigned long line,
    const char *p, size_t n)
{
	if (ev->e[k].line)
		return;
	ev->e[k].line = line;
	err_quote(ev->e[k].text, p, n < 60 ? n : 60);
}

void
lay_see_date(struct lay_evidence *ev, const char *p, size_t n,
    unsigned long line)
{
	struct norm_date_opts o = { 0, NULL, 1 };
	unsigned ords = 0;
	int32_t d;

	if (lay_iso_date(p, n))
		return;	/* no decision */
	if (norm_date(p, n, &o, &d, &ords) != NORM_OK || ords == 0)
		return;
	if (ords == ORD_DMY)
		see(ev, LE_DMY, line, p, n);
	else if (ords == ORD_MDY)
		see(ev, LE_MDY, line, p, n);
	else if (memchr(p, '.', n) == NULL) {
		/* 3/3/2026 reads the same both ways */
		struct norm_date_opts dmy = { ORD_DMY, NULL, 0 },
		    mdy = { ORD_MDY, NULL, 0 };
		int32_t a, b;
		if (norm_date(p, n, &dmy, &a, &ords) == NORM_OK &&
		    norm_date(p, n, &mdy, &b, &ords) == NORM_OK && a != b)
			see(ev, LE_AMB_DATE, line, p, n);
	}
}

void
lay_see_report_date(struct lay_evidence *ev, const char *text, size_t n,
    unsigned long line)
{
	int32_t a, b;

	/* 3.9.2026 is day first by convention, as in lay_see_date */
	if (memchr(text, '.', n) == NULL &&
	    lay_report_date(text, n, NULL, 0, ORD_DMY, &a) == 0 &&
	    lay_report_date(text, n, NULL, 0, ORD_MDY, &b) == 0 && a != b)
		see(ev, LE_AMB_DATE, line, text, n);
}

/* One separator followed by exactly three digits ("150.000", "1,500"):
 * its character, else 0. */
static int
lone_thousands(const char *p, size_t n)
{
	int sep = 0, after = -1;

	for (size_t i = 0; i < n; i++) {
		if (p[i] == '.' || p[i] == ',') {
			if (sep)
				return 0;
			sep = (unsigned char)p[i];
			after = 0;
		} else if (p[i] >= '0' && p[i] <= '9' && after >= 0)
			after++;
	}
	return after == 3 ? sep : 0;
}

int
lay_see_amount(struct lay_evidence *ev, const char *p, size_t n,
    unsigned long line, int dec)
{
	unsigned modes = 0;
	int64_t v;
	char sym[4];
	int pp, sep;

	if (n == 0)
		return 0;
	if ((pp = lay_plain_amount(p, n)) > 0) {
		if (pp == 2)
			see(ev, LE_POINT, line, p, n);
		return 0;
	}
	if (norm_amount(p, n, 0, 4, &v, &modes, sym) != NORM_OK)
		return 0;
	ev->symbol |= sym[0] != '\0';
	if (modes == DEC_POINT || modes == DEC_COMMA) {
		see(ev, modes == DEC_POINT ? LE_POINT : LE_COMMA, line, p, n);
		return 0;
	}
	if ((sep = lone_thousands(p, n)) == 0)
		return 0;
	if (dec == -1)
		return 1;
	if (dec >= 0 && dec < 3)
		see(ev, sep == '.' ? LE_COMMA : LE_POINT, line, p, n);
	else
		see(ev, LE_AMB_DEC, line, p, n);
	return 0;
}

void
lay_decide(const struct lay_evidence *ev, int order, unsigned dec,
    int porder, unsigned pdec, struct lay_decision *d)
{
	memset(d, 0, sizeof(*d));
	d->date_conflict = !order && ev->e[LE_DMY].line && ev->e[LE_MDY].line;
	d->dec_conflict = !dec && ev->e[LE_POINT].line && ev->e[LE_COMMA].line;
	d->order = order ? order : ev->e[LE_DMY].line ? ORD_DMY :
	    ev->e[LE_MDY].line ? ORD_MDY : porder;
	d->warn_date = !d->order && ev->e[LE_AMB_DATE].line;
	d->dec = dec ? dec : ev->e[LE_POINT].line ? DEC_POINT :
	    ev->e[LE_COMMA].line ? DEC_COMMA : pdec;
	d->warn_dec = !d->dec && ev->e[LE_AMB_DEC].line;
	if (!d->dec)
		d->dec = DEC_POINT;
}

/* ---- totals ---- */

struct lay_sum {
	size_t col;
	uint64_t key;		/* cur as a number, for a quick compare */
	char cur[8];
	int dec;
	int64_t now;		/* since the start */
	int64_t at[LM_N];	/* `now` at each mark */
	unsigned long seen, seen_at[LM_N];	/* values added */
};

#define SUMWAYS 8		/* currencies remembered per column */

struct lay_sums {
	struct lay_sum *s;
	size_t n, cap;
	size_t (*way)[SUMWAYS];	/* per column: entries by currency key */
	size_t ncols;
};

struct lay_sums *
lay_sums_new(size_t ncols)
{
	struct lay_sums *s = xcalloc(1, sizeof(*s));

	s->ncols = ncols;
	s->way = xcalloc(ncols + 1, sizeof(*s->way));
	for (size_t c = 0; c <= ncols; c++)
		for (size_t i = 0; i < SUMWAYS; i++)
			s->way[c][i] = (size_t)-1;
	return s;
}

void
lay_sums_free(struct lay_sums *s)
{
	if (s == NULL)
		return;
	free(s->s);
	free(s->way);
	free(s);
}

/* A currency code (at most 7 bytes) as a number. */
static inline uint64_t
curkey(const char *cur)
{
	uint64_t k = 0;

	for (unsigned i = 0; i < 7 && cur[i]; i++)
		k |= (uint64_t)(unsigned char)cur[i] << (8 * i);
	return k;
}

static struct lay_sum *
entry(struct lay_sums *s, size_t col, const char *cur, int dec)
{
	struct lay_sum *e;
	uint64_t key = curkey(cur);
	size_t h = (size_t)((key * 0x9e3779b97f4a7c15ULL) >> 61), *w = NULL, l;

	if (col < s->ncols) {	/* a row's column and currency, seen before */
		w = &s->way[col][h];
		l = *w;
		if (l != (size_t)-1 && s->s[l].key == key && s->s[l].col == col)
			return &s->s[l];
	}
	for (size_t i = 0; i < s->n; i++)
		if (s->s[i].col == col && s->s[i].key == key) {
			if (w != NULL)
				*w = i;
			return &s->s[i];
		}
	if (s->n == s->cap) {
		s->cap = s->cap ? 2 * s->cap : 16;
		s->s = xrealloc(s->s, s->cap * sizeof(*s->s));
	}
	e = &s->s[s->n];
	memset(e, 0, sizeof(*e));
	e->col = col;
	e->dec = dec;
	e->key = key;
	snprintf(e->cur, sizeof(e->cur), "%s", cur);
	if (w != NULL)
		*w = s->n;
	s->n++;
	return e;
}

int
lay_sums_add(struct lay_sums *s, size_t col, const char *cur, int dec,
    int64_t v)
{
	struct lay_sum *e = entry(s, col, cur, dec);

	e->seen++;
	return money_add(&e->now, v);
}

void
lay_sums_mark(struct lay_sums *s, enum lay_mark m)
{
	for (size_t i = 0; i < s->n; i++) {
		s->s[i].at[m] = s->s[i].now;
		s->s[i].seen_at[m] = s->s[i].seen;
	}
	/* a mark closes the scopes inside it */
	if (m == LM_ACCOUNT || m == LM_GRAND || m == LM_FILE)
		for (size_t i = 0; i < s->n; i++) {
			s->s[i].at[LM_SECTION] = s->s[i].at[LM_SUB] = s->s[i].now;
			s->s[i].seen_at[LM_SECTION] = s->s[i].seen_at[LM_SUB] =
			    s->s[i].seen;
		}
	if (m == LM_SECTION)
		for (size_t i = 0; i < s->n; i++) {
			s->s[i].at[LM_SUB] = s->s[i].now;
			s->s[i].seen_at[LM_SUB] = s->s[i].seen;
		}
}

/* The sum of column COL since mark M, over the currencies that match CUR
 * ("" matches all): 0, 1 when nothing was written in the scope, -1 when
 * it cannot be summed, -2 when CUR is "" and the scope holds several
 * currencies (SPEC 2.1: totals are per currency; no sum of different
 * currencies is checked). */
static int
scope_sum(const struct lay_sums *s, size_t col, const char *cur,
    enum lay_mark m, int64_t *sum, const char **wcur, int *dec)
{
	int found = 0;

	*sum = 0;
	*wcur = cur;
	for (size_t i = 0; i < s->n; i++) {
		const struct lay_sum *e = &s->s[i];
		int64_t d;
		if (e->col != col || (*cur && strcmp(e->cur, cur) != 0))
			continue;
		if (e->seen == e->seen_at[m] && e->now == e->at[m])
			continue;
		if (found)	/* (one entry per column and currency) */
			return -2;
		*wcur = e->cur;
		if (__builtin_sub_overflow(e->now, e->at[m], &d) ||
		    money_add(sum, d) != 0)
			return -1;
		*dec = e->dec;
		found = 1;
	}
	return found ? 0 : 1;
}

int
lay_sums_check(const struct lay_sums *s, size_t col, const char *cur,
    int64_t total, int tdec, enum lay_total kind, int64_t *written,
    const char **wcur, int *dec)
{
	static const enum lay_mark order[] = { LM_SUB, LM_SECTION, LM_ACCOUNT,
	    LM_GRAND, LM_FILE };
	int rc;

	*dec = 2;
	for (size_t i = 0; i < NELEM(order); i++) {
		int64_t sum, t;
		const char *wc;
		int d = 2;
		rc = scope_sum(s, col, cur, order[i], &sum, &wc, &d);
		if (rc == -2)
			continue;	/* several currencies: no sum to match */
		if (rc < 0)
			return -1;
		if (rc == 1)
			d = tdec;	/* (nothing written since the mark: 0) */
		if (money_rescale(total, tdec, d, &t) == 0 && sum == t)
			return 0;
	}
	rc = scope_sum(s, col, cur, kind == LT_SUB ? LM_SUB : LM_FILE, written,
	    wcur, dec);
	if (rc == -2)
		return 2;
	if (rc == 1)
		*wcur = cur;
	return rc < 0 ? -1 : 1;
}

void
lay_sums_currencies(const struct lay_sums *s, size_t col,
    enum lay_total kind, char *buf, size_t cap)
{
	enum lay_mark m = kind == LT_SUB ? LM_SUB : LM_FILE;
	size_t o = 0, k = 0, n = 0;

	if (cap == 0)
		return;
	buf[0] = '\0';
	for (size_t i = 0; i < s->n; i++)
		n += s->s[i].col == col && !(s->s[i].seen == s->s[i].seen_at[m] &&
		    s->s[i].now == s->s[i].at[m]);
	for (size_t i = 0; i < s->n && o < cap; i++) {
		const struct lay_sum *e = &s->s[i];
		if (e->col != col || (e->seen == e->seen_at[m] && e->now == e->at[m]))
			continue;
		k++;
		o += (size_t)snprintf(buf + o, cap - o, "%s%s", k == 1 ? "" : k == n ?
		    " and " : ", ", *e->cur ? e->cur : "no currency");
	}
}

int
lay_sums_total(const struct lay_sums *s, size_t col, size_t i,
    const char **cur, int64_t *v, int *dec)
{
	for (size_t j = 0; j < s->n; j++) {
		if (s->s[j].col != col)
			continue;
		if (i-- == 0) {
			*cur = s->s[j].cur;
			*v = s->s[j].now;
			*dec = s->s[j].dec;
			return 0;
		}
	}
	return -1;
}

void
lay_total_msg(char *msg, size_t cap, int64_t total, int64_t written,
    int dec, const char *cur, const char *col)
{
	int64_t diff;
	char a[MONEY_BUFSZ], b[MONEY_BUFSZ], e[MONEY_BUFSZ];

	if (__builtin_sub_overflow(total, written, &diff))
		diff = 0;
	money_format(a, total, dec, 0);
	money_format(b, written, dec, 0);
	money_format(e, diff, dec, 0);
	snprintf(msg, cap, "the report's total %s%s%s differs from the rows "
	    "written (%s%s%s) by %s in column \"%s\"", a, *cur ? " " : "", cur,
	    b, *cur ? " " : "", cur, e, col);
}

static void
amounts_new(struct lay_amounts *a, size_t ncols)
{
	memset(a, 0, sizeof(*a));
	a->v = xcalloc(ncols + 1, sizeof(*a->v));
	a->has = xcalloc(ncols + 1, 1);
}

void
lay_totals_init(struct lay_totals *t, const struct lay_head *h, int keep)
{
	memset(t, 0, sizeof(*t));
	t->h = h;
	t->keep = keep;
	t->sums = lay_sums_new(h->ncols);
	t->track = xcalloc(h->ncols + 1, 1);
	for (size_t c = 0; c < h->ncols; c++) {
		int f = h->cols[c].field;
		t->track[c] = h->cols[c].bucket || h->cols[c].total ||
		    f == F_AMOUNT || f == F_OPEN || f == F_PAID || f == F_CREDIT ||
		    f == F_CREDITED;
	}
	amounts_new(&t->sec.a, h->ncols);
	amounts_new(&t->acct.a, h->ncols);
	amounts_new(&t->row, h->ncols);
}

void
lay_totals_free(struct lay_totals *t)
{
	struct lay_amounts *a[] = { &t->sec.a, &t->acct.a, &t->row };

	lay_sums_free(t->sums);
	free(t->track);
	for (size_t i = 0; i < NELEM(a); i++) {
		free(a[i]->v);
		free(a[i]->has);
	}
	free(t->customer);
	free(t->bucket);
	memset(t, 0, sizeof(*t));
}

/* TOTAL of column C (currency CUR, read with TDEC decimals) against what
 * was written: 1 and MSG when it differs. */
static int
compare(const struct lay_totals *t, size_t c, const char *cur, int64_t total,
    int tdec, enum lay_total kind, char *msg, size_t cap)
{
	int64_t written, tv;
	const char *wcur;
	int d, rc;

	rc = lay_sums_check(t->sums, c, cur, total, tdec, kind, &written, &wcur,
	    &d);
	if (rc <= 0)
		return 0;
	if (rc == 2) {	/* SPEC 2.1: per currency */
		char a[MONEY_BUFSZ], curs[128];
		lay_sums_currencies(t->sums, c, kind, curs, sizeof(curs));
		money_format(a, total, tdec, 0);
		snprintf(msg, cap, "the report's total %s names no currency, but "
		    "the rows it totals in column \"%s\" are in %s: amounts in "
		    "different currencies are not added", a, t->h->cols[c].name,
		    curs);
		return 1;
	}
	/* both in the written currency's decimals, or in the larger */
	if (money_rescale(total, tdec, d, &tv) != 0) {
		int m = tdec > d ? tdec : d;
		if (money_rescale(total, tdec, m, &tv) != 0 ||
		    money_rescale(written, d, m, &written) != 0)
			tv = total, m = d;
		d = m;
	}
	lay_total_msg(msg, cap, tv, written, d, wcur, t->h->cols[c].name);
	return 1;
}

/* The amounts A of a total or section row against what was written: 1
 * and MSG for the first column that differs, -1 when no sums were kept. */
static int
check_amounts(struct lay_totals *t, const struct lay_amounts *a,
    enum lay_total kind, char *msg, size_t cap)
{
	int bad = 0;

	for (size_t c = 0; a->any && c < t->h->ncols; c++) {
		if (!a->has[c])
			continue;
		if (!t->keep)	/* (pass 1 saw every row pass 2 sees as one) */
			return -1;
		if (!bad)
			bad = compare(t, c, a->cur, a->v[c], a->dec, kind, msg, cap);
		t->checked = 1;
	}
	return bad;
}

int
lay_totals_row(struct lay_totals *t, const struct lay_amounts *a,
    enum lay_total kind, char *msg, size_t cap)
{
	int rc = check_amounts(t, a, kind, msg, cap);

	if (rc >= 0)
		lay_sums_mark(t->sums, kind == LT_GRAND ? LM_GRAND : LM_SUB);
	return rc;
}

int
lay_totals_close(struct lay_totals *t, int account, char *msg, size_t cap,
    const char **file, unsigned long *line)
{
	struct lay_open *o = account ? &t->acct : &t->sec;

	if (!o->on)
		return 0;
	o->on = 0;
	*file = o->file;
	*line = o->line;
	return check_amounts(t, &o->a, LT_SUB, msg, cap);
}

void
lay_totals_section(struct lay_totals *t, const char *p, size_t n,
    const struct lay_amounts *a, const char *file, unsigned long line)
{
	int account = lay_account_line(p, n);
	struct lay_open *o = account ? &t->acct : &t->sec;
	char k[256];
	struct lay_bucket b;

	lay_sums_mark(t->sums, account ? LM_ACCOUNT : LM_SECTION);
	if (account) {
		free(t->customer);
		t->customer = NULL;
	} else {
		norm_header(p, n, k, sizeof(k));
		if (lay_bucket(k, &b)) {
			lay_buckets_fix(&b, 1);
			free(t->bucket);
			t->bucket = xstrndup(p, n);
			t->bucket_days = lay_bucket_days(&b);
		} else {
			free(t->customer);
			t->customer = xstrndup(p, n);
		}
	}
	if (!a->any)
		return;
	memcpy(o->a.cur, a->cur, sizeof(o->a.cur));
	o->a.dec = a->dec;
	o->a.any = 1;
	memcpy(o->a.v, a->v, t->h->ncols * sizeof(*a->v));
	memcpy(o->a.has, a->has, t->h->ncols);
	o->on = 1;
	o->file = file;
	o->line = line;
}

void
lay_totals_file(struct lay_totals *t, const char *customer)
{
	free(t->customer);
	free(t->bucket);
	t->customer = customer != NULL ? xstrdup(customer) : NULL;
	t->bucket = NULL;
	lay_sums_mark(t->sums, LM_FILE);
}
