/* normrow.h - one row of an ERP export as a ledger document (SPEC 2,
 * 2.1): its cells read in the form the file was decided to be written in
 * (dates, amounts, currency, identifiers), a document row turned into the
 * canonical fields, an aged summary's row into its buckets, and what pass
 * 1 learns of the rows. Pure functions over a row of cells and a state;
 * no reader, no output: ar-norm rejects, warns and writes with the
 * answers (a result, and a message in MSG, which holds LAY_MSGMAX). */
#ifndef NORMROW_H
#define NORMROW_H

#include <stddef.h>
#include <stdint.h>

#include "hdrmap.h"
#include "layout.h"
#include "ledger.h"
#include "out.h"

/* A row of cells: a record's raw fields, or a JSON record's values. */
struct nr_row {
	const struct val *v;
	size_t n;
};

/* Cell C of a row, trimmed ("" when there is none). */
static inline void
nr_cell(const struct nr_row *w, int c, const char **p, size_t *n)
{
	*p = "";
	*n = 0;
	if (c >= 0 && (size_t)c < w->n) {
		*p = w->v[c].p ? w->v[c].p : "";
		*n = w->v[c].n;
		lay_trim(p, n);
	}
}

/* A rule line of SAP's text export: dashes, '|', '+', '=' and spaces. */
int nr_rule_line(const struct nr_row *w);
/* SAP's | text export: drop the empty fields outside the frame. */
void nr_unframe(struct nr_row *w);
/* Every cell blank (or spaces). */
int nr_blank_row(const struct nr_row *w);

/* The state of the mapping: how the file is written (decided by pass 1),
 * the options that bear on cells, and what one row leaves for the next. */
struct nr_idbuf {
	char *b;
	size_t cap;
};
struct nr_state {
	const struct lay_head *h;
	int order;		/* ORD_DMY, ORD_MDY, or 0: by the date's form */
	unsigned dec;		/* DEC_POINT, DEC_COMMA (0 before the decision) */
	const char *date_format;	/* --date-format, or NULL */
	const char *currency;	/* --currency: of rows that have none, or NULL */
	/* the cells of this row read in canonical form: written out as read */
	const char *canon_date[NFIELDS];
	const char *canon_money[NFIELDS];
	size_t canon_money_n[NFIELDS];
	/* the cells of the last few currencies and their codes; the
	 * decimals of the last few codes */
	struct {
		char text[32], code[8];
		size_t n;
	} seen[4];
	unsigned seen_next;
	struct {
		char code[8];
		int dec;
	} memo[4];
	unsigned memo_next;
	struct nr_idbuf ids[6];	/* room for a document's identifiers */
	int64_t *bv;		/* per column: a row's buckets */
};

/* A state for the columns of H (kept, not copied); nr_free frees it. */
void nr_init(struct nr_state *s, const struct lay_head *h);
void nr_free(struct nr_state *s);

/* ---- cells ---- */

/* Field F's date: 0 and *OUT (DATE_NONE when blank or no column), or -1
 * and MSG. A YYYY-MM-DD cell is kept in s->canon_date[F]. */
int nr_date(struct nr_state *s, const struct nr_row *w, int f, int32_t *out,
    char *msg, size_t cap);
/* Field F's amount with D decimals: 0, *OUT and *PRESENT (not blank), or
 * -1 and MSG. A canonical cell (1234.50) is kept in s->canon_money[F]. */
int nr_money(struct nr_state *s, const struct nr_row *w, int f, int d,
    int64_t *out, int *present, char *msg, size_t cap);
/* The amount cell of column C with D decimals: 0, *OUT and *PRESENT, or -1
 * and the reason in *E, *MODES (for nr_money_why). */
int nr_money_cell(const struct nr_state *s, const struct nr_row *w, int c,
    int d, int64_t *out, int *present, enum norm_err *e, unsigned *modes);
/* Why an amount cell is not one, in a file of decimal separator DEC. */
const char *nr_money_why(enum norm_err e, unsigned modes, unsigned dec);
/* The currency of a row: its column, a symbol on its amount, the unit in
 * the amount column's name, --currency: 0 and CODE ("" none; an unknown
 * code of up to 7 bytes is kept as written), or -1 and MSG (MSG may be
 * NULL). */
int nr_currency(struct nr_state *s, const struct nr_row *w, char code[8],
    char *msg, size_t cap);
/* The decimals of a currency code; *KNOWN 0: not a currency ISO 4217
 * knows (2 decimals), to be warned about. */
int nr_decimals(struct nr_state *s, const char *code, int *known);
/* Field F as an identifier (norm_id): *P, and its length. */
size_t nr_id(struct nr_state *s, const struct nr_row *w, int f, int i,
    const char **p);

/* ---- the amounts of an aged report's row ---- */

enum nr_res {
	NR_ROW,			/* a row to write */
	NR_REJECT,		/* rejected: MSG says why */
	NR_FATAL,		/* the file cannot be read on: MSG says why */
	NR_TOTAL,		/* no customer and no document: a total line */
	NR_NONE			/* nothing to write (an aged row owing nothing) */
};

/* The buckets of a row in BV (per column), their sum in *SUM, the column
 * of the first non-zero one in *FIRST (-1: none): NR_ROW, NR_REJECT (a
 * bucket cell is not an amount) or NR_FATAL (the sum overflows). */
enum nr_res nr_buckets(struct nr_state *s, const struct nr_row *w, int d,
    int64_t *sum, int *first, int64_t *bv, char *msg, size_t cap);
/* A report's Total column against SUM, the row's buckets: 0 (no such
 * column, blank, or equal), or -1 and MSG. */
int nr_row_total(struct nr_state *s, const struct nr_row *w, int d,
    int64_t sum, const char *cur, char *msg, size_t cap);
/* The amounts of a total, section or account row in the columns TRACK
 * names, read in the row's currency: 0, or -1 when that currency is not
 * one ISO 4217 knows. */
int nr_row_amounts(struct nr_state *s, const struct nr_row *w,
    const unsigned char *track, struct lay_amounts *a);

/* ---- a document row ---- */

/* A row of a document export as read (SPEC 2: the canonical fields). */
struct nr_doc {
	const char *id[6];	/* customer, invoice, ref, company, contract,
				 * fiscal_year */
	size_t idn[6];
	char cur[8];
	int dec;		/* the currency's decimals */
	int cur_known;		/* 0: warn about the currency */
	enum doc_type type;
	int typed;		/* a type column (or the credit side) said */
	int sign;		/* -1: the debit/credit column says credit */
	int64_t amount, open, paid, credit, lc, promise, credited;
	int has_amount, has_open, has_paid, has_credit, has_lc, has_promise,
	    has_credited;
	int amount_from;	/* the field the amount is, or -1 (the buckets) */
	int paid_from;		/* F_PAID, or -1 */
	int32_t inv, due, pdate, settled, promised, contact, hold;
	int disputed;		/* -1: not said */
	int bfirst;		/* an aged report: the first bucket owed, or -1 */
	int64_t bsum;
	const int64_t *bv;	/* its buckets (per column) */
	int checked;		/* its Total column was compared (and differs) */
	char synth[48];		/* the key of a payment without a number */
};

/* Row W as a document. CUSTOMER names the customer when the row has none
 * (the section row above), or NULL; LINE is its line (a synthetic key).
 * NR_ROW and *D; NR_TOTAL: neither customer nor document (SAP's sum line);
 * NR_REJECT or NR_FATAL and MSG. d->cur_known holds from the currency on. */
enum nr_res nr_document(struct nr_state *s, const struct nr_row *w,
    const char *customer, unsigned long line, struct nr_doc *d, char *msg,
    size_t cap);

/* Where the canonical fields go: OUT[f] is the output column of field f
 * or -1; CELLS the row's cells (cleared first by the caller). */
struct nr_out {
	const int *field;
	struct cell *cells;
};
/* The cells of document D; DATES is room for its dates. */
void nr_doc_cells(const struct nr_state *s, const struct nr_row *w,
    const struct nr_doc *d, const struct nr_out *o, char dates[8][16]);
/* What the report's totals are checked against: the cells of D as read,
 * with the sign of a debit/credit column; COL[i], V[i] per amount (room
 * for the columns + 8). The count. */
size_t nr_doc_amounts(const struct nr_state *s, const struct nr_row *w,
    const struct nr_doc *d, size_t *col, int64_t *v);

/* ---- a row of an aged summary: an item per bucket ---- */

struct nr_sum {
	const char *customer;
	size_t cn;
	char cur[8];
	int dec, cur_known;
	int64_t sum;		/* the row's buckets */
	int first;		/* the first bucket owed, or -1 */
	const int64_t *bv;
	int checked;		/* its Total column was compared (and differs) */
};
/* Row W of an aged summary: NR_ROW and *O; NR_NONE: nothing owed; else
 * NR_REJECT or NR_FATAL and MSG. */
enum nr_res nr_summary(struct nr_state *s, const struct nr_row *w,
    const char *customer, struct nr_sum *o, char *msg, size_t cap);
/* The cells of one item of a summary row: bucket LABEL, due DUE. */
void nr_item_cells(const struct nr_sum *o, const char *label, int32_t due,
    int64_t amount, const struct nr_out *out, char buf[16]);

/* A row wider than the header, or with a cell in a column that had no
 * name and was empty in pass 1: 1 and MSG. JSON: only the first. */
int nr_too_wide(const struct lay_head *h, const struct nr_row *w, int json,
    char *msg, size_t cap);

/* ---- the output ---- */

struct nr_plan {
	struct ocol *ocols;	/* the output's columns */
	size_t nout;
	int field[NCANON];	/* the output column of a canonical field, or -1 */
	int bucket, days;	/* aged_bucket and days_overdue, or -1 */
	size_t *extra, nextra;	/* the columns kept, in order: the last ones */
	const char **outname;	/* per column: its name out when kept, or NULL */
};
/* The output of header H (SPEC 2, 2.1): the canonical fields it has (the
 * currency when CURRENCY: --currency, or a symbol on an amount), the
 * ageing of an aged report (AGEING), then the other columns, but for
 * DROP_EXTRA, each under a name not yet out. USED (per column, from pass
 * 1): a column with no name and nothing in it is marked dropped in H. */
void nr_plan_output(struct nr_plan *p, struct lay_head *h,
    const unsigned char *used, int currency, int ageing, int drop_extra);

/* ---- pass 1: what the rows tell ---- */

enum { NR_SK_NONE, NR_SK_DATE, NR_SK_MONEY, NR_SK_UNKNOWN, NR_SK_USED };

struct nr_survey {
	struct lay_evidence ev;	/* how dates and amounts are written */
	size_t *cols, ncols;	/* the columns it reads */
	unsigned char *kind;	/* per column: what it looks for, NR_SK_* */
	unsigned char *used;	/* per column: something in it */
	unsigned long sections, bucket_sections;	/* section rows; of them,
							 * ageing buckets */
	int odd_rows;		/* rows other than documents */
};
/* The columns pass 1 reads, for header H. */
void nr_survey_plan(struct nr_survey *sv, const struct lay_head *h);
/* The dates and amounts of row W at LINE; which columns of H hold money
 * (H's money and other counts); section rows. */
void nr_survey_row(struct nr_survey *sv, struct nr_state *s,
    struct lay_head *h, const struct nr_row *w, unsigned long line);

#endif
