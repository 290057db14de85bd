/* layout.h - the shape of an exported report (SPEC 2, 2.1): which row is
 * the header and what its columns are, which columns are ageing buckets,
 * which rows are totals, sections or account lines, the report date in the
 * title rows, and the check of the report's own totals against what was
 * written. Pure functions on cells (UTF-8 byte strings), no I/O: ar-norm
 * reads the rows and decides what to do with the answers. */
#ifndef LAYOUT_H
#define LAYOUT_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "err.h"
#include "hdrmap.h"
#include "norm.h"
#include "rec.h"

/* ---- ageing buckets ---- */

#define LAY_OVER 1000000	/* hi of an open bucket ("91 and over") */

struct lay_bucket {
	int lo, hi;		/* days overdue it holds; 0..0 is not yet due;
				 * lo -1: from the previous bucket on (see
				 * lay_buckets_fix) */
};

/* A bucket label (a header cell or a section label, through
 * norm_header()): 1 and *B, else 0. Accepted:
 *   not due: Current, Not due, Not yet due, At Date, Due, Future, 未到期,
 *     今日到期, 未逾期;
 *   ranges: 1-30, 1 - 30, 0-30, 31-60, 1 to 30, 91-120, 1-30 days,
 *     31 - 60 days past due, 1-30天, 1-2年, 1-3个月;
 *   open ends: Over 90, > 90, 90+, 91+, 91 and over, 91 or more (days past
 *     due), 121-Above, 121 and above, More than 90, Older than 90 days,
 *     超过90天, 90天以上, 3年以上, 大于90天;
 *   upper bounds: Age ≤ 30 d., <= 30, < 1 Month, 30 days, 30天以内, 1年以内
 *     (from the bucket before on);
 *   months: < 1 Month, 1 Month, 2 Months (Xero: 30-day months), N个月;
 *     years: N年 (365 days);
 *   Period 1, Period 2 ... (Sage: 30-day periods);
 *   Older, Later (after the last bucket with a number).
 * Days are days overdue (or of age, for reports aged by invoice date). */
int lay_bucket(const char *h, struct lay_bucket *b);

/* Buckets of one header, left to right: a bucket with lo -1 starts after
 * the largest hi below its own hi (Older: after the largest of all). */
void lay_buckets_fix(struct lay_bucket *b, size_t n);

/* The days overdue an item in the bucket is given: the middle of a range,
 * 15 past the start of an open one, 0 when not yet due. */
int lay_bucket_days(const struct lay_bucket *b);

/* ---- the header ---- */

struct lay_map {		/* -m FIELD=HEADER */
	int field;
	const char *header;	/* "" : the field comes from no column */
};

struct lay_opts {
	const struct profile *prof;	/* NULL: the common names only */
	const struct lay_map *map;
	size_t nmap;
};

struct lay_col {
	char *name;		/* its header cell, trimmed */
	size_t nlen;		/* its length */
	int field;		/* enum nfield, or -1 */
	int keep;		/* a known column kept as it is (HDR_KEEP) */
	int bucket;		/* an ageing bucket (b holds its days) */
	struct lay_bucket b;
	int total;		/* the Total column of an aged report */
	int drop;		/* neither a field nor kept */
	char cur[4];		/* "Amount (USD)": the currency it implies */
	unsigned long money, other;	/* an unmapped column of an aged
					 * report: its cells that are money,
					 * and not (lay_unknown_money) */
};

struct lay_head {
	struct lay_col *cols;
	size_t ncols;
	int fcol[NFIELDS];	/* the column of each field, or -1 */
	int nbuckets;
	int aged;		/* it has bucket columns */
	int summary;		/* aged, and no invoice column: an item per
				 * non-empty bucket cell */
	int total_col;		/* an aged report's Total column, or -1 */
};

/* Does this row look like the header? A score > 0: the number of fields
 * it names (with at least one of customer, invoice, amount, open), or 2 +
 * its buckets when it has a customer or invoice and two buckets. */
int lay_header_score(const struct lay_opts *o, const struct val *v, size_t n);

/* The header: map each column (an -m name first, then the profile's, then
 * the common ones; ties to the leftmost), find the buckets and the Total
 * column of an aged report. */
void lay_take_header(struct lay_head *h, const struct lay_opts *o,
    const struct val *v, size_t n);
void lay_free_header(struct lay_head *h);

/* Is this row the header again (reports repeat it per page or partner)? */
int lay_header_again(const struct lay_head *h, const struct val *v, size_t n);

/* ---- rows ---- */

/* A general-ledger account line, not a customer: "121000 Account
 * Receivable", "121000 - Account Receivable", "1122 应收账款". */
int lay_account_line(const char *s, size_t n);

/* A cell trimmed of spaces (ASCII, U+00A0, U+3000), cheaply when there is
 * nothing to trim, as most cells. */
static inline void
lay_trim(const char **p, size_t *n)
{
	const unsigned char *s = (const unsigned char *)*p;

	if (*n > 0 && (s[0] <= ' ' || s[0] >= 0x80 || s[*n - 1] <= ' ' ||
	    s[*n - 1] >= 0x80))
		norm_trim(p, n);
}

/* Could the cell be a label (a total, a section, an account)? Labels
 * start with a letter or a non-ASCII character: an amount, a date or a
 * number never does. */
static inline int
lay_label_like(const char *p, size_t n)
{
	unsigned char c = n ? (unsigned char)p[0] : 0;

	return n > 0 && (c >= 0x80 || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z'));
}

/* Might the cell be a total's label (合计, Total, Subtotal, Grand Total,
 * Percentage of total, Summe, Gesamt, Zwischensumme)? A look at its first
 * byte before lay_total_kind's. */
static inline int
lay_maybe_total(const char *p, size_t n)
{
	unsigned c = n > 0 ? (unsigned char)p[0] | 0x20 : 0;
	const unsigned mask = 1u << ('t' - 'a') | 1u << ('s' - 'a') |
	    1u << ('g' - 'a') | 1u << ('p' - 'a') | 1u << ('z' - 'a');

	return c >= 0xe0 || (c >= 'a' && c <= 'z' && (mask >> (c - 'a') & 1));
}

/* Is the cell of field F empty (raw: spaces are something)? */
static inline int
lay_no_cell(const struct lay_head *h, const struct val *v, size_t n, int f)
{
	return h->fcol[f] < 0 || (size_t)h->fcol[f] >= n ||
	    v[h->fcol[f]].n == 0;
}

/* Most rows, told apart cheaply, the same in both passes of ar-norm: the
 * first three cells filled, the first no total's label, no account line,
 * not the header's, and a customer or a document number. *P, *PN: the
 * first cell, trimmed. Others go to lay_row_kind. */
static inline int
lay_plain_row(const struct lay_head *h, const struct val *v, size_t n,
    const char **p, size_t *pn)
{
	if (n < 3 || v[0].n == 0 || v[1].n == 0 || v[2].n == 0)
		return 0;
	*p = v[0].p;
	*pn = v[0].n;
	lay_trim(p, pn);
	return *pn > 0 && !lay_maybe_total(*p, *pn) && h->fcol[F_CUSTOMER] >= 0 &&
	    !((*p)[0] >= '0' && (*p)[0] <= '9' && lay_account_line(*p, *pn)) &&
	    !(*pn == h->cols[0].nlen && memcmp(*p, h->cols[0].name, *pn) == 0) &&
	    !(lay_no_cell(h, v, n, F_CUSTOMER) && lay_no_cell(h, v, n, F_INVOICE));
}


enum lay_total {
	LT_NONE,		/* no total label */
	LT_SUB,			/* 小计, Subtotal, Total for X, Total X, X 合计 */
	LT_GRAND,		/* 合计, 总计, Total, TOTAL, Grand Total, Summe */
	LT_SKIP			/* Percentage of total, Percents, 累计: no sums
				 * of the rows above */
};
enum lay_total lay_total_kind(const char *s, size_t n);

/* What a row after the header is. */
enum lay_row {
	LR_DOC,			/* a document (a summary's customer row) */
	LR_BLANK,		/* nothing but spaces */
	LR_TOTAL,		/* a total or subtotal: *KIND says which */
	LR_SECTION,		/* a label for the rows below: a customer, a
				 * bucket (Xero's contact, Odoo's partner line,
				 * QuickBooks' "91 or more days past due") */
	LR_ACCOUNT,		/* a general-ledger account line */
	LR_HEADER		/* the header again */
};

/* The kind of a row lay_plain_row left: a total (its label first, in
 * no document's row; in a customer column only lay_plain_total's labels;
 * a lone amount is an unlabelled total), the header again, a section (a
 * label alone, or, with no customer column, a name and no date: ORDER
 * reads the dates), an account line. *FIRST: the first filled column. */
enum lay_row lay_row_kind(const struct lay_head *h, const struct val *v,
    size_t n, int order, int *first, enum lay_total *kind);


/* The report date in a title cell: "As at 30 November 2026", "As of:
 * 11/30/2026", "As of November 30, 2026", "截止日期：2026-11-30", "截至
 * 2026年11月30日", "Stichtag 30.11.2026", "日期：2026-10-01至2026-11-30" (the
 * end), "Date at filter" then the date in the next cell (NEXT, may be
 * NULL). ORDER (ORD_DMY, ORD_MDY or 0) reads an ambiguous 3/4/2026.
 * 0 and *D, or -1. */
int lay_report_date(const char *s, size_t n, const char *next, size_t nn,
    int order, int32_t *d);

/* The report date of a title row: in one of its cells (a cell reading
 * "Date at filter" and the next), or in its cells joined by commas ("As of
 * November 30, 2026" unquoted). 0, *D and the cell's text in TEXT (at
 * most CAP - 1 bytes), or -1. */
int lay_title_date(const struct val *v, size_t n, int order, int32_t *d,
    char *text, size_t cap);
/* A title row's cell that names the report date of the row below it (OCA's
 * filter table: "Date at filter" over "30/11/2026"): its column, or -1. */
int lay_date_label(const struct val *v, size_t n);

/* A total's label as it may stand in a customer column: "Total",
 * "Totals:", "Grand Total", "Total for ...", "Total - US Dollar", 合计 ...;
 * not "Total Gas Ltd", a customer. */
int lay_plain_total(const char *s, size_t n);

/* Does the cell hold money, as a report writes it: an amount with a
 * decimal or thousands separator (1,234.56, 0.00, 1.234,56-, (60.00)),
 * not a bare integer (days, counts, ids) nor a percentage. */
int lay_money_text(const char *s, size_t n);

/* ---- the title rows ---- */

/* What the rows above the header tell. */
struct lay_title {
	int32_t date;		/* the report date, or DATE_NONE */
	char text[128];		/* the cell it was read from */
	unsigned long line;	/* and its line */
	int below;		/* the column of a "Date at filter" cell in the
				 * row before, or -1 */
	char *section;		/* a label alone right above the header (Odoo's
				 * partner title), or NULL */
};

void lay_title_init(struct lay_title *t);
void lay_title_free(struct lay_title *t);
/* A title row on LINE: the report date, the first found (ORDER reads an
 * ambiguous 3/4/2026: ORD_DMY, ORD_MDY or 0), in one of its cells or
 * under a "Date at filter" cell of the row before; a label alone (no
 * account line, not the report date's row) is the section of the rows
 * under the header, when it is right above it. */
void lay_title_row(struct lay_title *t, const struct val *v, size_t n,
    unsigned long line, int order);
/* A blank row above the header: no section right above it. */
void lay_title_blank(struct lay_title *t);

/* ---- aged reports (SPEC 2.1) ---- */

/* In an aged report, money is never passed through unnamed: the first
 * column no bucket, total or field whose cells were all money (counted in
 * lay_col.money and .other), or -1. */
int lay_unknown_money(const struct lay_head *h);

/* The buckets of a row, BV (per column, read from the bucket columns):
 * their sum in *SUM, and in *FIRST the column of the first non-zero one
 * (its label is the row's ageing), or -1. -1 when the sum overflows. */
int lay_row_buckets(const struct lay_head *h, const int64_t *bv, int64_t *sum,
    int *first);

/* The days overdue of a detail row in bucket B: as of the report date
 * (DATE_NONE: not known) when they fall in the bucket, else
 * lay_bucket_days(B). */
int lay_aged_days(const struct lay_bucket *b, int32_t due, int32_t report_date);

/* One item of an aged summary's row: a non-empty bucket cell. */
struct lay_item {
	size_t col;		/* the bucket's column: its name is the invoice
				 * and the aged_bucket */
	int days;		/* days overdue, lay_bucket_days */
	int32_t due;		/* the report date - days */
	int64_t amount;
};
/* The items of a summary row with buckets BV, in column order, in IT
 * (room for h->nbuckets): how many. */
size_t lay_summary_items(const struct lay_head *h, const int64_t *bv,
    int32_t report_date, struct lay_item *it);

/* ---- how a file writes its dates and amounts (SPEC 2.1) ---- */

/* What the cells of a file tell, and the first line that told it: dates
 * that only fit day first (13/4/2026) or month first (4/13/2026), dates
 * that fit both (3/4/2026; not 3.4.2026, day first by convention, nor
 * 3/3/2026), amounts that only fit a decimal point (1,234.56, 7.5) or a
 * decimal comma (1.234,56, 7,50), and amounts that fit both (1.500 in a
 * currency with three decimals, or none known). */
enum lay_ev { LE_DMY, LE_MDY, LE_AMB_DATE, LE_POINT, LE_COMMA, LE_AMB_DEC,
	LE_N };

struct lay_evidence {
	struct {
		unsigned long line;	/* 0: none yet */
		char text[ERR_QUOTE_MAX];	/* the cell, quoted for a message */
	} e[LE_N];
	int symbol;		/* an amount carried a currency symbol */
};

/* The forms that need no decision, checked before the calls below on
 * every cell (a million rows): an ISO date; plain money, [-]digits with
 * at most one '.' and one or two decimals after it: 2 when it has the
 * point (it tells: a decimal point), 1 digits alone, 0 other forms. */
static inline int
lay_iso_date(const char *p, size_t n)
{
	return n == 10 && p[4] == '-' && p[7] == '-';
}

static inline int
lay_plain_amount(const char *p, size_t n)
{
	size_t i = n > 0 && p[0] == '-', dot = 0;

	for (; i < n; i++)
		if ((unsigned)((unsigned char)p[i] - '0') > 9u) {
			if (p[i] != '.' || dot)
				return 0;
			dot = i;
		}
	if (!dot)
		return n > 0;
	return n - dot - 1 >= 1 && n - dot - 1 <= 2 ? 2 : 0;
}

/* A date cell on LINE. */
void lay_see_date(struct lay_evidence *ev, const char *p, size_t n,
    unsigned long line);
/* The report date of a title row (TEXT as lay_title_date gave it), on
 * LINE: when it reads differently day first and month first ("As of:
 * 03/09/2026"), the file's ambiguous date, as lay_see_date's; the rows'
 * own dates or an option settle it, else it is warned about (SPEC 2.1). */
void lay_see_report_date(struct lay_evidence *ev, const char *text, size_t n,
    unsigned long line);
/* An amount cell on LINE; DEC: the decimals of the row's currency, or -1
 * when not known yet. Returns 1 (and records nothing) when only the
 * currency can tell (150.000, 1,500): call it again with DEC; else 0. A
 * currency with fewer than three decimals settles such a cell: its
 * separator groups thousands (150.000 JPY is 150000, 1.500 EUR 1500). */
int lay_see_amount(struct lay_evidence *ev, const char *p, size_t n,
    unsigned long line, int dec);

struct lay_decision {
	int order;		/* ORD_DMY, ORD_MDY, or 0: by the separator */
	unsigned dec;		/* DEC_POINT or DEC_COMMA */
	int date_conflict;	/* LE_DMY and LE_MDY both, no option */
	int dec_conflict;	/* LE_POINT and LE_COMMA both, no option */
	int warn_date;		/* the order rests on LE_AMB_DATE alone */
	int warn_dec;		/* the separator rests on LE_AMB_DEC alone */
};

/* Once per file: an option (ORDER, DEC: 0 when not given) wins, then the
 * evidence, then the profile's defaults (PORDER, PDEC), then the
 * separator (dates) or the decimal point (amounts), with a warning. */
void lay_decide(const struct lay_evidence *ev, int order, unsigned dec,
    int porder, unsigned pdec, struct lay_decision *d);

/* ---- the report's totals against what was written ---- */

/* Scopes a total may close: every subtotal row, section or account line
 * starts a new one (SPEC 2.1: per currency, per customer subtotal). */
enum lay_mark { LM_SECTION, LM_ACCOUNT, LM_SUB, LM_GRAND, LM_FILE, LM_N };

struct lay_sums;
struct lay_sums *lay_sums_new(size_t ncols);
void lay_sums_free(struct lay_sums *s);
/* A value written from column COL in currency CUR (with DEC decimals):
 * -1 when a sum overflows. */
int lay_sums_add(struct lay_sums *s, size_t col, const char *cur, int dec,
    int64_t v);
void lay_sums_mark(struct lay_sums *s, enum lay_mark m);
/* The total TOTAL of column COL (currency CUR, or "" when the total row
 * names none), read with TDEC decimals (a total naming no currency is
 * read with 2, and is compared with a JPY sum all the same): 0 when it
 * equals what was written since one of the marks
 * (in one currency: SPEC 2.1 adds no different currencies), 1 when it
 * does not (*WRITTEN and *WCUR the sum since the mark a total of KIND
 * closes: LT_SUB the latest, LT_GRAND the start), 2 when CUR is "" and the
 * rows since that mark are in several currencies (lay_sums_currencies
 * names them), -1 when it cannot be compared (a sum overflows). *DEC: the
 * currency's decimals. */
int lay_sums_check(const struct lay_sums *s, size_t col, const char *cur,
    int64_t total, int tdec, enum lay_total kind, int64_t *written,
    const char **wcur, int *dec);
/* The currencies written in column COL since the mark a total of KIND
 * closes, in the order first written: "CNY, JPY and USD" in BUF. */
void lay_sums_currencies(const struct lay_sums *s, size_t col,
    enum lay_total kind, char *buf, size_t cap);
/* What was written since the start, per currency, for -v: the I-th sum of
 * column COL (0..), or -1 past the last. */
int lay_sums_total(const struct lay_sums *s, size_t col, size_t i,
    const char **cur, int64_t *v, int *dec);

#define LAY_MSGMAX 1024		/* room for the messages below */

/* The message of a total that differs from what was written (SPEC 2.1):
 * "the report's total 8.00 CNY differs from the rows written (1.00 CNY)
 * by 7.00 in column "Total"", in MSG (CAP bytes). */
void lay_total_msg(char *msg, size_t cap, int64_t total, int64_t written,
    int dec, const char *cur, const char *col);

/* The amounts of a total, section or account row, per column: the tool
 * reads them (in the columns lay_totals.track names) in the file's form. */
struct lay_amounts {
	char cur[8];		/* the row's currency, or "" */
	int dec;		/* the decimals they were read with */
	int64_t *v;		/* per column */
	unsigned char *has;	/* per column: a value */
	int any;		/* some column has one */
};

/* The check of a report's totals as its rows are written (pass 2), and
 * the section the rows belong to (a section scopes its subtotal: SPEC
 * 2.1, per customer). */
struct lay_totals {
	const struct lay_head *h;
	struct lay_sums *sums;
	unsigned char *track;	/* per column: its sums are checked (amount,
				 * open, paid, credit, credited, buckets, the
				 * Total column) */
	int keep;		/* sums are kept (totals to check, or -v); a
				 * total when they are not is an internal
				 * error */
	int checked;		/* a total was compared */
	struct lay_open {	/* a section or account row's amounts, checked
				 * when it ends */
		int on;
		const char *file;
		unsigned long line;
		struct lay_amounts a;
	} sec, acct;
	char *customer;		/* named by the section row above, or NULL */
	char *bucket;		/* the ageing bucket of a section row (QuickBooks'
				 * detail), or NULL, */
	int bucket_days;	/* and its days overdue */
	struct lay_amounts row;	/* room for a total row's amounts */
};

void lay_totals_init(struct lay_totals *t, const struct lay_head *h,
    int keep);
void lay_totals_free(struct lay_totals *t);
/* A value written from column COL (currency CUR, DEC decimals): -1 when
 * its sum overflows. (Inline: a plain ledger of a million rows keeps no
 * sums, and pays one test a value.) */
static inline int
lay_totals_add(struct lay_totals *t, size_t col, const char *cur, int dec,
    int64_t v)
{
	return t->keep ? lay_sums_add(t->sums, col, cur, dec, v) : 0;
}
/* A total row of KIND with amounts A (LT_SUB or LT_GRAND; its sections
 * closed first, lay_totals_close): 1 and MSG for the first column whose
 * total differs from what was written (the row is rejected), 0 when all
 * agree, -1 when no sums were kept. The scopes it closes end. */
int lay_totals_row(struct lay_totals *t, const struct lay_amounts *a,
    enum lay_total kind, char *msg, size_t cap);
/* The end of the open section (ACCOUNT: of the open account line): 1,
 * MSG and *FILE, *LINE of its row when its amounts differ from what was
 * written since it; else 0. */
int lay_totals_close(struct lay_totals *t, int account, char *msg, size_t cap,
    const char **file, unsigned long *line);
/* A section or account row P (its label, N bytes), with amounts A, on
 * FILE:LINE: it starts a scope, and names the customer (or bucket) of the
 * rows below; an account line names none. Close the open sections
 * first. */
void lay_totals_section(struct lay_totals *t, const char *p, size_t n,
    const struct lay_amounts *a, const char *file, unsigned long line);
/* The start and the end of an input: its scopes and sections end;
 * CUSTOMER (may be NULL) names the customer of its first rows. */
void lay_totals_file(struct lay_totals *t, const char *customer);

#endif
