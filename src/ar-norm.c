/* ar-norm - ERP export to the canonical ledger, SPEC 2 and 2.1. The shape
 * of the report (header, buckets, totals, sections) is layout.c's; the
 * values are norm.c's; this file holds the options, the two passes (one
 * that decides how the file is written, one that writes it) and main. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "err.h"
#include "grp.h"
#include "hdrmap.h"
#include "layout.h"
#include "money.h"
#include "norm.h"
#include "opts.h"
#include "out.h"
#include "rec.h"
#include "xlsx.h"

#define MAXMAP 64
#define HDR_ROWS 200		/* the header must come within these rows */
#define MAX_DUE_WARN 10		/* "due before the invoice": then a count */

enum { OPT_DATE_ORDER = OPT_TOOL, OPT_DATE_FORMAT, OPT_DECIMAL_COMMA,
	OPT_DECIMAL_POINT, OPT_DROP_EXTRA, OPT_LIST_PROFILES, OPT_SHEET };

static struct {
	struct common c;
	const struct profile *prof;
	struct lay_map map[MAXMAP];
	size_t nmap;
	int order;
	const char *date_format;
	unsigned dec;
	int drop_extra;
} opt;

static struct lay_head H;
#define fcol H.fcol

enum { SK_NONE, SK_DATE, SK_MONEY, SK_UNKNOWN, SK_USED };

struct colx {			/* what the passes learn of each column */
	int kind;		/* what pass 1 looks for in it: SK_* */
	size_t nlen;		/* the length of its name */
	int used;		/* something in it */
	const char *outname;	/* kept: its name in the output */
};
static struct colx *cx;
static size_t *survey_cols, nsurvey;	/* the columns pass 1 reads */

static int framed;		/* SAP's | text export */
static int order;		/* day-month order decided for the file */
static unsigned dec;		/* decimal separator decided for the file */
static int has_currency;	/* some amount carried a currency symbol */
static int32_t report_date = DATE_NONE;
static struct lay_title title;	/* the report date, a section above */
static unsigned long header_row, sections, bucket_sections;

/* What was skipped, for the note at the end (SPEC 2: counted). */
static unsigned long n_title, n_total, n_blank, n_section, n_due_warn;

static struct rec_reader *rd;
static struct writer *wr;
static struct ocol *ocols;
static struct cell *cells;
static size_t nout;
static int out_field[NCANON];	/* output position of a canonical field */
static int out_bucket = -1, out_days = -1;
static size_t *out_extra;	/* the columns kept, in order */
static size_t nextra;
static int odd_rows;		/* pass 1 saw rows other than documents */
static struct lay_totals T;	/* the totals check, the section */

/* ---- rows ---- */

struct row {
	const struct val *v;
	size_t n;
};

#define trim lay_trim

static inline void
cell_of(const struct row *w, int c, const char **p, size_t *n)
{
	*p = "";
	*n = 0;
	if (c >= 0 && (size_t)c < w->n) {
		*p = w->v[c].p ? w->v[c].p : "";
		*n = w->v[c].n;
		trim(p, n);
	}
}

/* A rule line of SAP's text export: dashes, '|', '+', '=' and spaces. */
static int
rule_line(const struct row *w)
{
	int dash = 0;

	for (size_t c = 0; c < w->n; c++)
		for (size_t i = 0; i < w->v[c].n; i++) {
			char ch = w->v[c].p[i];
			if (ch == '-' || ch == '=')
				dash = 1;
			else if (ch != ' ' && ch != '+' && ch != '|')
				return 0;
		}
	return dash;
}

/* SAP's | text export: drop the empty fields outside the frame. */
static void
unframe(struct row *w)
{
	if (w->n > 0 && w->v[0].n == 0) {
		w->v++;
		w->n--;
	}
	if (w->n > 0) {
		const char *p = w->v[w->n - 1].p;
		size_t n = w->v[w->n - 1].n;
		norm_trim(&p, &n);
		if (n == 0)
			w->n--;
	}
}

static int
blank_row(const struct row *w)
{
	for (size_t c = 0; c < w->n; c++) {
		const char *p = w->v[c].p;
		size_t n = w->v[c].n;
		trim(&p, &n);
		if (n > 0)
			return 0;
	}
	return 1;
}

/* ---- values ---- */

static int
fail(struct rec *x, int f, const char *p, size_t n, const char *what)
{
	char q[ERR_QUOTE_MAX];

	rec_reject(rd, x, "column '%s' (%s): %s \"%s\"", H.cols[fcol[f]].name,
	    nfields[f].name, what, err_quote(q, p, n));
	return -1;
}

static const char *canon_date[NFIELDS];	/* YYYY-MM-DD as read */

static int
get_date(struct rec *x, const struct row *w, int f, int32_t *out)
{
	const char *p;
	size_t n;
	unsigned ords;
	enum norm_err e;

	*out = DATE_NONE;
	canon_date[f] = NULL;
	if (fcol[f] < 0)
		return 0;
	cell_of(w, fcol[f], &p, &n);
	if (n == 0)
		return 0;
	if (!opt.date_format && date_parse(p, n, out) == 0) {
		canon_date[f] = p;	/* YYYY-MM-DD: written out as it is */
		return 0;
	}
	{
		struct norm_date_opts o = { order, opt.date_format, 1 };
		e = norm_date(p, n, &o, out, &ords);
	}
	if (e == NORM_OK)
		return 0;
	return fail(x, f, p, n, ords ? "not a date in the day-month order of "
	    "this file (see --date-order)" : "not a date");
}

static const char *canon_money[NFIELDS];	/* this row's canonical texts */
static size_t canon_money_n[NFIELDS];

/* An amount cell of column C with D decimals: 0 and *OUT (*PRESENT when
 * not blank), or -1 with the reason in *E. */
static int
money_cell(const struct row *w, int c, int d, int64_t *out, int *present,
    enum norm_err *e, unsigned *modes)
{
	const char *p;
	size_t n;
	char cur[4];

	*out = 0;
	*present = 0;
	*modes = 0;
	cell_of(w, c, &p, &n);
	if (n == 0)
		return 0;
	if (dec == DEC_POINT && money_parse(p, n, d, out) == MONEY_OK) {
		*present = 1;
		return 0;
	}
	/* a JSON number is written with a decimal point, whatever the file */
	*e = norm_amount(p, n, w->v[c].type == V_NUM ? DEC_POINT : dec, d, out,
	    modes, cur);
	if (*e == NORM_OK)
		*present = 1;
	return *e == NORM_OK || *e == NORM_EMPTY ? 0 : -1;
}

static const char *
money_why(enum norm_err e, unsigned modes)
{
	return e == NORM_BAD && modes && !(modes & dec) ? "not an amount with "
	    "this file's decimal separator (see --decimal-comma, "
	    "--decimal-point)" : e == NORM_BAD ? "not an amount" :
	    norm_strerror(e);
}

static int
get_money(struct rec *x, const struct row *w, int f, int d, int64_t *out,
    int *present)
{
	const char *p;
	size_t n;
	unsigned modes;
	enum norm_err e = NORM_OK;
	char cur[4];

	*out = 0;
	*present = 0;
	canon_money[f] = NULL;
	if (fcol[f] < 0)
		return 0;
	cell_of(w, fcol[f], &p, &n);
	if (n == 0)
		return 0;
	/* the canonical form first: exact, and ten times cheaper */
	if (dec == DEC_POINT && money_parse(p, n, d, out) == MONEY_OK) {
		*present = 1;
		if (money_canonical(p, n, d)) {
			canon_money[f] = p;	/* written out as it is */
			canon_money_n[f] = n;
		}
		return 0;
	}
	e = norm_amount(p, n, w->v[fcol[f]].type == V_NUM ? DEC_POINT : dec, d,
	    out, &modes, cur);
	if (e == NORM_OK)
		*present = 1;
	if (e == NORM_OK || e == NORM_EMPTY)
		return 0;
	return fail(x, f, p, n, money_why(e, modes));
}

/* The currency of a row: its column, a symbol on its amount, the unit in
 * the amount column's name, --currency. */
static int
row_currency(struct rec *x, const struct row *w, char code[8])
{
	/* the cells of the last few currencies, and their codes */
	static struct {
		char text[32], code[8];
		size_t n;
	} seen[4];
	static unsigned next;
	const char *p;
	size_t n;
	unsigned modes;
	char cur[4];
	int64_t v;

	code[0] = '\0';
	cell_of(w, fcol[F_CURRENCY], &p, &n);
	if (n > 0) {
		for (int i = 0; i < 4; i++)
			if (seen[i].n == n && memcmp(seen[i].text, p, n) == 0) {
				memcpy(code, seen[i].code, 8);
				return 0;
			}
		if (norm_currency(p, n, cur) != 0) {
			if (n >= 8) {
				char q[ERR_QUOTE_MAX];
				if (x != NULL)
					rec_reject(rd, x, "column '%s' (currency): "
					    "unknown currency \"%s\"",
					    H.cols[fcol[F_CURRENCY]].name,
					    err_quote(q, p, n));
				return -1;
			}
			memcpy(code, p, n);	/* kept, and warned about below */
			code[n] = '\0';
			return 0;
		}
		memcpy(code, cur, 4);
		if (n < sizeof(seen[0].text)) {
			unsigned i = next++ % 4;
			memcpy(seen[i].text, p, n);
			seen[i].n = n;
			memcpy(seen[i].code, cur, 4);
		}
		return 0;
	}
	for (int f = F_AMOUNT; f <= F_CREDIT; f++) {
		int c = f == F_AMOUNT || f == F_OPEN || f == F_CREDIT ? fcol[f] : -1;
		if (c < 0)
			continue;
		cell_of(w, c, &p, &n);
		if (n > 0 && (p[n - 1] < '0' || p[n - 1] > '9' || p[0] < '0' ||
		    p[0] > '9') && norm_amount(p, n, dec, 4, &v, &modes, cur) ==
		    NORM_OK && cur[0]) {
			memcpy(code, cur, 4);
			return 0;
		}
		if (H.cols[c].cur[0]) {
			memcpy(code, H.cols[c].cur, 4);
			return 0;
		}
	}
	if (opt.c.currency)
		snprintf(code, 8, "%s", opt.c.currency);
	return 0;
}

/* Decimals of a currency code, remembered (files mix a few). */
static int
decimals(const char *code)
{
	static struct {
		char code[8];
		int dec;
	} memo[4] = { { "\377", 0 }, { "\377", 0 }, { "\377", 0 }, { "\377", 0 } };
	static unsigned next;
	int known, d;

	for (int i = 0; i < 4; i++)
		if (strcmp(code, memo[i].code) == 0)
			return memo[i].dec;
	d = currency_decimals(code, strlen(code), &known);
	if (!known && !rec_quiet(rd)) {
		char key[32];
		snprintf(key, sizeof(key), "cur:%s", code);
		warn_once(key, "unknown currency \"%s\": kept as it is, 2 decimals",
		    code);
	}
	if (!rec_quiet(rd)) {
		unsigned i = next++ % 4;
		snprintf(memo[i].code, sizeof(memo[i].code), "%s", code);
		memo[i].dec = d;
	}
	return d;
}

/* ---- pass 1: the header, then how dates and amounts are written ---- */

static struct lay_evidence ev;	/* what the rows tell */

/* An amount cell of pass 1; the row's currency only when it must tell. */
static void
survey_money(const struct row *w, int c, const char *p, size_t n,
    unsigned long line, int *curdec)
{
	int pa;

	if (w->v[c].type == V_NUM)
		return;
	if ((pa = lay_plain_amount(p, n)) == 1 || (pa == 2 &&
	    ev.e[LE_POINT].line))
		return;	/* (what the call below would learn, known) */
	if (lay_see_amount(&ev, p, n, line, *curdec) == 1) {
		char code[8];
		int known;
		*curdec = row_currency(NULL, w, code) == 0 && *code ?
		    currency_decimals(code, strlen(code), &known) : -2;
		lay_see_amount(&ev, p, n, line, *curdec);
	}
}

/* The dates and amounts of a data row; which columns hold money; section
 * rows (a label alone). */
static void
survey_row(const struct row *w, unsigned long line)
{
	int curdec = -1, first;
	const char *p;
	size_t n;

	if (!lay_plain_row(&H, w->v, w->n, &p, &n)) {
		/* the rare rows: the exact look; and the report has more than
		 * documents, so its sums are kept for its totals */
		enum lay_total kind;
		enum lay_row r = lay_row_kind(&H, w->v, w->n, 0, &first, &kind);
		odd_rows = 1;
		if (r == LR_TOTAL || r == LR_BLANK || r == LR_HEADER ||
		    r == LR_ACCOUNT)
			return;	/* their cells tell nothing of the rest */
		if (r == LR_SECTION) {
			char k[256];
			struct lay_bucket b;
			cell_of(w, first, &p, &n);
			norm_header(p, n, k, sizeof(k));
			sections++;
			bucket_sections += lay_bucket(k, &b);
			return;
		}
	}
	for (size_t i = 0; i < nsurvey; i++) {
		size_t c = survey_cols[i];
		if (c >= w->n || w->v[c].n == 0)
			continue;
		p = w->v[c].p;
		n = w->v[c].n;
		trim(&p, &n);
		if (n == 0)
			continue;
		if (cx[c].kind == SK_DATE) {
			if (!lay_iso_date(p, n))
				lay_see_date(&ev, p, n, line);
		}
		else if (cx[c].kind == SK_MONEY)
			survey_money(w, (int)c, p, n, line, &curdec);
		else if (cx[c].kind == SK_UNKNOWN) {
			if (lay_money_text(p, n))
				H.cols[c].money++;
			else
				H.cols[c].other++;
		} else
			cx[c].used = 1;
	}
}

/* The columns pass 1 looks at, and what it looks for in each. */
static void
plan_survey(void)
{
	survey_cols = xcalloc(H.ncols + 1, sizeof(*survey_cols));
	for (size_t c = 0; c < H.ncols; c++) {
		const struct lay_col *col = &H.cols[c];
		int f = col->field;
		cx[c].nlen = strlen(col->name);
		if (f >= 0 && nfields[f].kind == K_DATE)
			cx[c].kind = SK_DATE;
		else if ((f >= 0 && nfields[f].kind == K_MONEY) || col->bucket ||
		    col->total)
			cx[c].kind = SK_MONEY;
		else if (f < 0 && !col->keep && H.aged)
			cx[c].kind = SK_UNKNOWN;
		else if (*col->name == '\0')
			cx[c].kind = SK_USED;	/* only whether it is used */
		else
			continue;
		survey_cols[nsurvey++] = c;
	}
}

/* "FILE:LINE" of a line of the first input, for messages. */
static const char *file0;

static void
decide(void)
{
	struct lay_decision d;
	const unsigned long dl = ev.e[LE_DMY].line, ml = ev.e[LE_MDY].line;
	const unsigned long pl = ev.e[LE_POINT].line, cl = ev.e[LE_COMMA].line;

	lay_decide(&ev, opt.order, opt.dec, opt.prof ? opt.prof->order : 0,
	    opt.prof ? opt.prof->dec : 0, &d);
	if (d.date_conflict)
		die_at(EXIT_FATAL, file0, dl > ml ? dl : ml, "\"%s\" is %s first, "
		    "but line %lu has \"%s\", %s first: give --date-order dmy or "
		    "mdy", ev.e[dl > ml ? LE_DMY : LE_MDY].text, dl > ml ? "day" :
		    "month", dl > ml ? ml : dl, ev.e[dl > ml ? LE_MDY : LE_DMY].text,
		    dl > ml ? "month" : "day");
	if (d.dec_conflict)
		die_at(EXIT_FATAL, file0, pl > cl ? pl : cl, "\"%s\" has a decimal "
		    "%s, but line %lu has \"%s\", with a decimal %s: give "
		    "--decimal-point or --decimal-comma",
		    ev.e[pl > cl ? LE_POINT : LE_COMMA].text, pl > cl ? "point" :
		    "comma", pl > cl ? cl : pl,
		    ev.e[pl > cl ? LE_COMMA : LE_POINT].text, pl > cl ? "comma" :
		    "point");
	if (d.warn_date) {
		/* as norm.c reads it: US 03/09/2026 month first, SAP's
		 * 03.09.2026 and 03-09-2026 day first */
		const char *sep = strpbrk(ev.e[LE_AMB_DATE].text, "/.-");
		int us = sep != NULL && *sep == '/';
		warn_at(file0, ev.e[LE_AMB_DATE].line, "\"%s\" could be day or "
		    "month first, and no date in the file tells: read %s first "
		    "(give --date-order %s if it is not)", ev.e[LE_AMB_DATE].text,
		    us ? "month" : "day", us ? "dmy" : "mdy");
	}
	if (d.warn_dec)
		warn_at(file0, ev.e[LE_AMB_DEC].line, "\"%s\" could have a "
		    "decimal point or a thousands separator, and no amount in the "
		    "file tells: read with a decimal point (give --decimal-comma if "
		    "it is not)", ev.e[LE_AMB_DEC].text);
	order = d.order;
	dec = d.dec;
	has_currency |= ev.symbol;
}

static void
require_fields(void)
{
	char need[256] = "", seen[1024] = "";
	size_t o = 0;

#define NEED(cond, what) do { if (cond) { if (*need) strcat(need, ", "); \
	strcat(need, what); } } while (0)
	NEED(fcol[F_CUSTOMER] < 0 && (H.summary || sections == 0), "customer");
	if (!H.summary) {
		NEED(fcol[F_INVOICE] < 0, "invoice");
		NEED(fcol[F_AMOUNT] < 0 && fcol[F_OPEN] < 0 && fcol[F_CREDIT] < 0 &&
		    !H.aged, "amount");
	}
#undef NEED
	if (!*need && !H.summary && fcol[F_DUE_DATE] < 0 && (fcol[F_TERMS] < 0 ||
	    fcol[F_INVOICE_DATE] < 0))
		warnx("no due date column (nor invoice date and terms): age the "
		    "ledger with ar-age --basis invoice, or name one with -m");
	if (!*need)
		return;
	for (size_t c = 0; c < H.ncols && o < sizeof(seen) - 64; c++)
		o += (size_t)snprintf(seen + o, sizeof(seen) - o, "%s\"%s\"",
		    c ? ", " : "", H.cols[c].name);
	die(EXIT_FATAL, "the header has no column for %s (it has: %s); name "
	    "them with -m FIELD=HEADER or try -p", need, seen);
}

/* SPEC 2.1: in an aged report, money is never passed through unnamed. */
static void
require_known_money(void)
{
	int c = lay_unknown_money(&H);

	if (c >= 0)
		die(EXIT_FATAL, "column \"%s\" of this aged report holds "
		    "amounts, but is no ageing bucket, total or field: name "
		    "it with -m FIELD=\"%s\", or rename it as its bucket "
		    "(1-30, Over 90 ...)", H.cols[c].name, H.cols[c].name);
}

static struct val *jrow;

/* The record as a row of cells: raw fields, or a JSON record's values in
 * the order of its fields. */
static void
row_of(struct rec *x, struct row *w)
{
	if (rec_format(rd) != FMT_JSON) {
		w->v = x->v;
		w->n = x->nv;
		if (framed)
			unframe(w);
		return;
	}
	jrow = xrealloc(jrow, (rec_nfields(rd) + 1) * sizeof(*jrow));
	for (size_t i = 0; i < rec_nfields(rd); i++) {
		const struct val *v = rec_val(x, rec_field(rd, i));
		size_t n;
		const char *t = val_text(v, &n);
		jrow[i].p = t ? t : v->p;
		jrow[i].n = n;
		jrow[i].type = v->type == V_NUM ? V_NUM : V_STR;
	}
	w->v = jrow;
	w->n = rec_nfields(rd);
}

static void
take_header(const struct val *v, size_t n)
{
	struct lay_opts lo = { opt.prof, opt.map, opt.nmap };

	lay_take_header(&H, &lo, v, n);
	cx = xcalloc(H.ncols + 1, sizeof(*cx));
	plan_survey();
}

/* Pass 1: find the header, then read every row for what the text of one
 * alone cannot tell (SPEC 2.1: decided once per file from all rows). */
static void
survey(void)
{
	struct lay_opts lo = { opt.prof, opt.map, opt.nmap };
	struct rec *x;
	struct row w;
	unsigned long rows = 0;
	int found = 0;
	char first[1024] = "";

	while ((x = rec_next(rd)) != NULL) {
		row_of(x, &w);
		rows++;
		if (file0 == NULL)
			file0 = x->file;
		if (found) {
			if (!framed || !rule_line(&w))
				survey_row(&w, x->line);
			rec_filtered(rd, x);
			continue;
		}
		rec_filtered(rd, x);
		if (framed && rule_line(&w))
			continue;
		if (rows == 1 || (!*first && !blank_row(&w)))
			for (size_t c = 0, o = 0; c < w.n && o < 900; c++)
				o += (size_t)snprintf(first + o, sizeof(first) - o,
				    "%s\"%.*s\"", c ? ", " : "", (int)(w.v[c].n > 60 ?
				    60 : w.v[c].n), w.v[c].p);
		if (rec_format(rd) == FMT_JSON) {
			/* the keys are the header */
			struct val *names = xcalloc(rec_nfields(rd) + 1,
			    sizeof(*names));
			for (size_t i = 0; i < rec_nfields(rd); i++) {
				names[i].p = rec_colname(rd, rec_field(rd, i));
				names[i].n = strlen(names[i].p);
			}
			take_header(names, rec_nfields(rd));
			free(names);
			found = 1;
			survey_row(&w, x->line);
		} else if (lay_header_score(&lo, w.v, w.n) > 0) {
			take_header(w.v, w.n);
			rec_set_header(rd, w.v, w.n);
			found = 1;
			header_row = rows;
			/* an aged report's date, 03/09/2026, is decided with
			 * the rows' dates (SPEC 2.1: never silently) */
			if (*title.text && H.aged && !opt.c.as_of_arg)
				lay_see_report_date(&ev, title.text,
				    strlen(title.text), title.line);
		} else if (rows >= HDR_ROWS)
			break;
		else if (blank_row(&w))
			lay_title_blank(&title);	/* no section right above */
		else
			lay_title_row(&title, w.v, w.n, x->line, opt.order ?
			    opt.order : opt.prof ? opt.prof->order : 0);
	}
	if (!found && rec_quiet_error(rd))
		die(EXIT_FATAL, "no header found: the rows could not be read (%s)",
		    rec_quiet_error(rd));
	if (!found)
		die(EXIT_FATAL, "no header found in the first %d rows (the first "
		    "row: %s); it needs at least two known column names, such "
		    "as customer, invoice, amount, due date (or -m)", HDR_ROWS,
		    *first ? first : "none");
	if (title.section != NULL)
		sections++;
	require_fields();
	require_known_money();
	decide();
	if (!opt.c.as_of_arg)
		report_date = title.date;
	if (*title.text && !opt.c.as_of_arg) {
		/* read again in the order the file turned out to have */
		int32_t d;
		if (lay_report_date(title.text, strlen(title.text), NULL, 0,
		    order, &d) == 0)
			report_date = d;
	}
}

/* ---- output ---- */

static void
add_out(const char *name, int numeric)
{
	ocols[nout].name = name;
	ocols[nout].numeric = numeric;
	nout++;
}

/* Which canonical fields the output has (SPEC 2), the ageing of an aged
 * report (SPEC 2.1), then the columns kept. */
static void
plan_output(void)
{
	struct grp *names;
	int has[NCANON] = { 0 };

	for (int f = 0; f < NCANON; f++)
		has[f] = fcol[f] >= 0;
	has[F_CUSTOMER] = has[F_INVOICE] = has[F_AMOUNT] = 1;
	if (fcol[F_CREDIT] >= 0)
		has[F_DOC_TYPE] = 1;
	if (fcol[F_OPEN] >= 0 || fcol[F_SETTLED] >= 0)
		has[F_PAID] = 1;
	if (fcol[F_SETTLED] >= 0)
		has[F_PAID_DATE] = 1;
	if (H.summary || (fcol[F_TERMS] >= 0 && fcol[F_INVOICE_DATE] >= 0))
		has[F_DUE_DATE] = 1;
	if (opt.c.currency || has_currency)
		has[F_CURRENCY] = 1;
	for (size_t c = 0; c < H.ncols; c++)
		if (H.cols[c].cur[0])
			has[F_CURRENCY] = 1;
	ocols = xcalloc(NCANON + H.ncols + 3, sizeof(*ocols));
	cells = xcalloc(NCANON + H.ncols + 3, sizeof(*cells));
	out_extra = xcalloc(H.ncols + 1, sizeof(size_t));
	for (int f = 0; f < NCANON; f++) {
		out_field[f] = -1;
		if (has[f]) {
			out_field[f] = (int)nout;
			add_out(nfields[f].name, 0);
		}
	}
	if (H.aged || bucket_sections > 0) {
		out_bucket = (int)nout;
		add_out("aged_bucket", 0);
		out_days = (int)nout;
		add_out("days_overdue", 1);
	}
	names = grp_new(1);	/* the names out so far: no scan per column */
	for (size_t o = 0; o < nout; o++)
		grp_get(names, ocols[o].name, strlen(ocols[o].name),
		    grp_hash(ocols[o].name, strlen(ocols[o].name)));
	for (size_t c = 0; c < H.ncols && !opt.drop_extra; c++) {
		struct lay_col *col = &H.cols[c];
		char *name;
		int clash;
		if (col->field >= 0 || col->bucket || (col->total && H.summary))
			continue;
		if (*col->name == '\0' && !cx[c].used)
			col->drop = 1;	/* QuickBooks' section-label column */
		if (col->drop)
			continue;
		name = col->name;
		if (*name == '\0') {
			name = xmalloc(32);
			snprintf(name, 32, "col_%zu", c + 1);
		}
		do {	/* a kept column never takes a name already out */
			clash = grp_find(names, name, strlen(name), grp_hash(name,
			    strlen(name))) != NULL;
			if (clash) {
				char *n2 = xmalloc(strlen(name) + 8);
				sprintf(n2, "%s_2", name);
				name = n2;
			}
		} while (clash);
		out_extra[nextra++] = c;
		cx[c].outname = name;
		add_out(name, 0);
		grp_get(names, name, strlen(name), grp_hash(name, strlen(name)));
	}
	grp_free(names);
	/* sums are kept when the report has totals to check, or for -v */
	lay_totals_init(&T, &H, odd_rows || H.aged || opt.c.verbose);
}

static void
set_text(int f, const char *p, size_t n)
{
	if (out_field[f] >= 0)
		cells[out_field[f]] = n ? cell_text(p, n) : cell_null();
}

static void
set_date(int f, int32_t d, char *buf)
{
	if (out_field[f] < 0)
		return;
	if (d == DATE_NONE)
		cells[out_field[f]] = cell_null();
	else if (canon_date[f] != NULL)
		cells[out_field[f]] = cell_text(canon_date[f], 10);
	else
		cells[out_field[f]] = cell_text(buf, date_format(buf, d));
}

static void
set_money(int f, int64_t v, int dec_, int present)
{
	if (out_field[f] < 0)
		return;
	cells[out_field[f]] = present ? cell_money(v, dec_) : cell_null();
}

/* A value read as it is written: its text goes out unchanged. */
static void
set_money_as_read(int f, int64_t v, int dec_, int present, int from)
{
	set_money(f, v, dec_, present);
	if (out_field[f] >= 0 && present && canon_money[from] != NULL) {
		cells[out_field[f]].p = canon_money[from];
		cells[out_field[f]].n = canon_money_n[from];
	}
}

static void
set_aged(const char *label, int days)
{
	if (out_bucket < 0 || label == NULL)
		return;
	cells[out_bucket] = cell_text(label, strlen(label));
	cells[out_days] = cell_int(days);
}

static void
emit(const struct row *w)
{
	for (size_t i = 0; i < nextra; i++) {
		const char *p;
		size_t n;
		cell_of(w, (int)out_extra[i], &p, &n);
		cells[nout - nextra + i] = n ? cell_text(p, n) : cell_null();
	}
	w_row(wr, NULL, cells);
}

static void
clear_cells(void)
{
	for (size_t o = 0; o < nout; o++)
		cells[o] = cell_null();
}

/* ---- totals (SPEC 2.1: the report's own totals are the check) ---- */

static void
track(struct rec *x, size_t c, const char *cur, int d, int64_t v)
{
	if (lay_totals_add(&T, c, cur, d, v) != 0)
		die_at(EXIT_FATAL, x->file, x->line, "the sum of column \"%s\" "
		    "overflows", H.cols[c].name);
}

/* The amounts of a total, section or account row, per tracked column. */
static void
row_amounts(const struct row *w, struct lay_amounts *a)
{
	if (row_currency(NULL, w, a->cur) != 0)
		a->cur[0] = '\0';
	a->dec = decimals(a->cur);
	a->any = 0;
	for (size_t c = 0; c < H.ncols; c++) {
		enum norm_err e;
		unsigned modes;
		int present = 0;
		a->has[c] = 0;
		if (!T.track[c] || (int)c == fcol[F_CURRENCY])
			continue;
		if (money_cell(w, (int)c, a->dec, &a->v[c], &present, &e,
		    &modes) == 0 && present) {
			a->has[c] = 1;
			a->any = 1;
		}
	}
}

static void
internal(const char *file, unsigned long line)
{
	die_at(EXIT_FATAL, file, line, "internal error: a total no row of the "
	    "first pass announced");
}

/* The open section (ACCOUNT: account line) ends: its amounts checked. */
static void
close_section(int account)
{
	char msg[LAY_MSGMAX];
	const char *file;
	unsigned long line;

	switch (lay_totals_close(&T, account, msg, sizeof(msg), &file, &line)) {
	case -1:
		internal(file, line);
		break;
	case 1:
		warn_at(file, line, "%s", msg);
		exit_status = EXIT_DATA;
		break;
	default:
		break;
	}
}

static void
total_row(struct rec *x, const struct row *w, enum lay_total kind)
{
	char msg[LAY_MSGMAX];
	int rc;

	n_total++;
	if (kind == LT_SKIP) {
		rec_filtered(rd, x);
		return;
	}
	close_section(0);
	if (kind == LT_GRAND)
		close_section(1);
	row_amounts(w, &T.row);
	if ((rc = lay_totals_row(&T, &T.row, kind, msg, sizeof(msg))) < 0)
		internal(x->file, x->line);
	if (rc > 0)
		rec_reject(rd, x, "%s", msg);
	else
		rec_filtered(rd, x);
}

/* A section row: a customer (or an ageing bucket) for the rows below;
 * its amounts, if any, are checked when the section ends. */
static void
section_row(struct rec *x, const struct row *w, const char *p, size_t n)
{
	close_section(0);
	if (lay_account_line(p, n))
		close_section(1);
	n_section++;
	row_amounts(w, &T.row);
	lay_totals_section(&T, p, n, &T.row, x->file, x->line);
	rec_filtered(rd, x);
}

/* ---- one row of a document export ---- */

struct idbuf {
	char *b;
	size_t cap;
};

static void
get_id(const struct row *w, int f, struct idbuf *ib, const char **p,
    size_t *n)
{
	const char *s;
	size_t sn;

	if (fcol[f] < 0) {
		*p = "";
		*n = 0;
		return;
	}
	cell_of(w, fcol[f], &s, &sn);
	if (ib->cap < sn + 1) {
		ib->cap = 2 * sn + 64;
		ib->b = xrealloc(ib->b, ib->cap);
	}
	*n = norm_id(s, sn, ib->b, p);
}

/* The buckets of a row in BV, their sum in *SUM, the column of the first
 * non-zero one in *FIRST (-1: none). -1: a bucket cell is not an amount
 * (rejected). */
static int
row_buckets(struct rec *x, const struct row *w, int d, int64_t *sum,
    int *first, int64_t *bv)
{
	for (size_t c = 0; c < H.ncols; c++) {
		enum norm_err e = NORM_OK;
		unsigned modes;
		int present;
		bv[c] = 0;
		if (!H.cols[c].bucket)
			continue;
		if (money_cell(w, (int)c, d, &bv[c], &present, &e, &modes) != 0) {
			const char *p;
			size_t n;
			char q[ERR_QUOTE_MAX];
			cell_of(w, (int)c, &p, &n);
			rec_reject(rd, x, "column '%s': %s \"%s\"", H.cols[c].name,
			    money_why(e, modes), err_quote(q, p, n));
			return -1;
		}
	}
	if (lay_row_buckets(&H, bv, sum, first) != 0)
		die_at(EXIT_FATAL, x->file, x->line, "the buckets overflow");
	return 0;
}

/* A report's Total column must be the sum of the row's buckets. */
static int
check_row_total(struct rec *x, const struct row *w, int d, int64_t sum,
    const char *cur)
{
	int64_t t;
	int present;
	enum norm_err e;
	unsigned modes;
	char msg[LAY_MSGMAX];

	if (H.total_col < 0 || money_cell(w, H.total_col, d, &t, &present, &e,
	    &modes) != 0 || !present || t == sum)
		return 0;
	lay_total_msg(msg, sizeof(msg), t, sum, d, cur,
	    H.cols[H.total_col].name);
	rec_reject(rd, x, "%s", msg);
	T.checked = 1;
	return -1;
}

static void
document(struct rec *x, const struct row *w)
{
	static struct idbuf ids[6];
	static const char *const tnames[] = { "invoice", "credit_note",
	    "payment", "adjustment" };
	static const int idf[] = { F_CUSTOMER, F_INVOICE, F_REF, F_COMPANY,
	    F_CONTRACT, F_FISCAL_YEAR };
	static int64_t *bv;
	const char *idp[6], *p;
	size_t idn[6], n;
	char cur[8], dates[8][16], synth[48];
	int64_t amount, open, paid = 0, credit, lc, promise, credited, bsum = 0;
	int has_amount, has_open, has_paid = 0, has_credit, has_lc, has_promise,
	    has_credited;
	int32_t inv, due, pdate = DATE_NONE, settled = DATE_NONE, promised,
	    contact, hold;
	int d, sign = 1, typed = 0, disputed = -1, bfirst = -1;
	int amount_from = F_AMOUNT, paid_from = -1;
	enum doc_type type = DOC_INVOICE;

	if (row_currency(x, w, cur) != 0)
		return;
	d = decimals(cur);
	for (int i = 0; i < 6; i++)
		get_id(w, idf[i], &ids[i], &idp[i], &idn[i]);
	if (idn[0] == 0 && T.customer != NULL) {
		idp[0] = T.customer;	/* named by the section row above */
		idn[0] = strlen(T.customer);
	}
	if (idn[0] == 0 && idn[1] == 0) {
		/* no customer, no document: a total line with no label (SAP's
		 * ALV sum line) */
		total_row(x, w, LT_GRAND);
		return;
	}
	cell_of(w, fcol[F_DOC_TYPE], &p, &n);
	if (n > 0) {
		if (norm_doc_type(p, n, &type) != 0) {
			fail(x, F_DOC_TYPE, p, n, "unknown document type");
			return;
		}
		typed = 1;
	}
	if (idn[1] == 0 && idn[0] > 0 && typed && type != DOC_INVOICE) {
		/* QuickBooks: a payment without a number keeps a key */
		idn[1] = (size_t)snprintf(synth, sizeof(synth), "%s@%lu",
		    tnames[type], x->line);
		idp[1] = synth;
	}
	if (idn[0] == 0 || idn[1] == 0) {
		if (fcol[idn[0] ? F_INVOICE : F_CUSTOMER] < 0)
			rec_reject(rd, x, "no customer: no column names one, and no "
			    "section row above this one");
		else
			rec_reject(rd, x, "column '%s' (%s) is empty",
			    H.cols[fcol[idn[0] ? F_INVOICE : F_CUSTOMER]].name,
			    idn[0] ? "invoice" : "customer");
		return;
	}
	cell_of(w, fcol[F_DC], &p, &n);
	if (n > 0 && norm_dc(p, n, &sign) != 0) {
		fail(x, F_DC, p, n, "not a debit/credit indicator");
		return;
	}
	if (get_money(x, w, F_AMOUNT, d, &amount, &has_amount) != 0 ||
	    get_money(x, w, F_OPEN, d, &open, &has_open) != 0 ||
	    get_money(x, w, F_CREDIT, d, &credit, &has_credit) != 0 ||
	    get_money(x, w, F_AMOUNT_LC, 2, &lc, &has_lc) != 0 ||
	    get_money(x, w, F_CREDITED, d, &credited, &has_credited) != 0 ||
	    get_money(x, w, F_PROMISE_AMOUNT, d, &promise, &has_promise) != 0)
		return;
	if (H.aged) {
		if (bv == NULL)
			bv = xcalloc(H.ncols + 1, sizeof(*bv));
		if (row_buckets(x, w, d, &bsum, &bfirst, bv) != 0)
			return;
		if (bfirst >= 0 && check_row_total(x, w, d, bsum, cur) != 0)
			return;
	}
	if ((!has_amount || amount == 0) && has_credit && credit != 0) {
		/* the credit side (贷方): a receipt */
		amount = credit;
		amount_from = F_CREDIT;
		has_amount = 1;
		if (!typed)
			type = DOC_PAYMENT, typed = 1;
	} else if (!has_amount && fcol[F_AMOUNT] < 0 && has_open) {
		amount = open;	/* only an open balance is exported */
		amount_from = F_OPEN;
		has_amount = 1;
	} else if (!has_amount && fcol[F_AMOUNT] < 0 && fcol[F_OPEN] < 0 &&
	    H.aged) {
		amount = bsum;	/* only the buckets say what is owed */
		amount_from = -1;
		has_amount = 1;
	}
	if (typed && type != DOC_INVOICE && has_amount && amount == 0 &&
	    has_open && open != 0) {
		/* ERPNext's Payment Entry in its AR report: 0 invoiced, the
		 * payment in the outstanding amount (negative) */
		amount = open;
		amount_from = F_OPEN;
	}
	if (!has_amount) {
		rec_reject(rd, x, "column '%s' (amount) is empty",
		    H.cols[fcol[F_AMOUNT] >= 0 ? fcol[F_AMOUNT] : fcol[F_OPEN]].name);
		return;
	}
	if (sign < 0) {		/* H, C, 贷: a credit */
		amount = amount > 0 ? -amount : amount;
		open = open > 0 ? -open : open;
	}
	if (get_date(x, w, F_INVOICE_DATE, &inv) != 0 ||
	    get_date(x, w, F_DUE_DATE, &due) != 0 ||
	    get_date(x, w, F_PAID_DATE, &pdate) != 0 ||
	    get_date(x, w, F_SETTLED, &settled) != 0 ||
	    get_date(x, w, F_PROMISE_DATE, &promised) != 0 ||
	    get_date(x, w, F_LAST_CONTACT, &contact) != 0 ||
	    get_date(x, w, F_HOLD_UNTIL, &hold) != 0)
		return;
	if (fcol[F_OPEN] >= 0 && fcol[F_AMOUNT] >= 0) {
		paid = amount - open;	/* blank open: nothing left */
		has_paid = 1;
	} else if (fcol[F_PAID] >= 0) {
		if (get_money(x, w, F_PAID, d, &paid, &has_paid) != 0)
			return;
		paid_from = F_PAID;
		if (sign < 0)
			paid = paid > 0 ? -paid : paid;
	} else if (fcol[F_SETTLED] >= 0) {
		paid = settled != DATE_NONE ? amount : 0;
		pdate = settled;
		has_paid = 1;
	} else if (fcol[F_OPEN] >= 0)
		has_paid = 1;	/* amount = open, paid 0 */
	if (due == DATE_NONE && fcol[F_TERMS] >= 0 && inv != DATE_NONE) {
		int days;
		cell_of(w, fcol[F_TERMS], &p, &n);
		if (n > 0) {
			if (norm_terms(p, n, &days) != 0) {
				fail(x, F_TERMS, p, n, "not a number of days");
				return;
			}
			due = inv + days;
		}
	}
	cell_of(w, fcol[F_DISPUTED], &p, &n);
	if (n > 0 && norm_bool(p, n, &disputed) != 0) {
		fail(x, F_DISPUTED, p, n, "not yes or no");
		return;
	}
	if (due != DATE_NONE && inv != DATE_NONE && due < inv &&
	    n_due_warn++ < MAX_DUE_WARN) {
		char a[16], b[16];
		a[date_format(a, due)] = '\0';
		b[date_format(b, inv)] = '\0';
		warn_at(x->file, x->line, "due date %s is before the invoice date "
		    "%s", a, b);
	}

	clear_cells();
	for (int i = 0; i < 6; i++)
		set_text(idf[i], idp[i], idn[i]);
	if (typed || fcol[F_CREDIT] >= 0)
		set_text(F_DOC_TYPE, tnames[type], strlen(tnames[type]));
	set_date(F_INVOICE_DATE, inv, dates[0]);
	set_date(F_DUE_DATE, due, dates[1]);
	if (amount_from == F_AMOUNT && sign > 0)
		set_money_as_read(F_AMOUNT, amount, d, 1, F_AMOUNT);
	else
		set_money(F_AMOUNT, amount, d, 1);
	if (paid_from == F_PAID && sign > 0)
		set_money_as_read(F_PAID, paid, d, has_paid, F_PAID);
	else
		set_money(F_PAID, paid, d, has_paid);
	if (pdate != DATE_NONE && pdate == settled)
		canon_date[F_PAID_DATE] = canon_date[F_SETTLED];
	set_date(F_PAID_DATE, pdate, dates[2]);
	set_text(F_CURRENCY, cur, strlen(cur));
	set_money(F_AMOUNT_LC, lc, 2, has_lc);
	set_money(F_PROMISE_AMOUNT, promise, d, has_promise);
	set_date(F_PROMISE_DATE, promised, dates[3]);
	set_date(F_LAST_CONTACT, contact, dates[4]);
	set_date(F_HOLD_UNTIL, hold, dates[5]);
	if (disputed >= 0)
		set_text(F_DISPUTED, disputed ? "yes" : "no", disputed ? 3 : 2);
	for (int f = F_RATE; f <= F_POWER; f++)
		if (f != F_DISPUTED && f != F_COMPANY && f != F_CONTRACT) {
			cell_of(w, fcol[f], &p, &n);
			set_text(f, p, n);
		}
	if (bfirst >= 0)
		set_aged(H.cols[bfirst].name, lay_aged_days(&H.cols[bfirst].b, due,
		    report_date));
	else if (!H.aged)
		set_aged(T.bucket, T.bucket_days);
	emit(w);
	rec_written(rd, x);
	/* what the report's totals are checked against: the cells as read,
	 * with the sign of a debit/credit column */
	if (fcol[F_AMOUNT] >= 0 && has_amount && amount_from == F_AMOUNT)
		track(x, (size_t)fcol[F_AMOUNT], cur, d, amount);
	if (has_open)
		track(x, (size_t)fcol[F_OPEN], cur, d, open);
	if (paid_from == F_PAID && has_paid)
		track(x, (size_t)fcol[F_PAID], cur, d, paid);
	else if (fcol[F_PAID] >= 0) {
		/* a Paid column the ledger does not take (paid = amount - open):
		 * its total is checked all the same */
		int64_t pv;
		int pres;
		enum norm_err e;
		unsigned m;
		if (money_cell(w, fcol[F_PAID], d, &pv, &pres, &e, &m) == 0 && pres)
			track(x, (size_t)fcol[F_PAID], cur, d, sign < 0 && pv > 0 ?
			    -pv : pv);
	}
	if (has_credit)
		track(x, (size_t)fcol[F_CREDIT], cur, d, credit);
	if (has_credited)
		track(x, (size_t)fcol[F_CREDITED], cur, d, credited);
	for (size_t c = 0; H.aged && c < H.ncols; c++)
		if (H.cols[c].bucket && bv[c] != 0)
			track(x, c, cur, d, bv[c]);
}

/* ---- one row of an aged summary: an item per bucket ---- */

static void
summary_row(struct rec *x, const struct row *w)
{
	static int64_t *bv;
	static struct lay_item *it;
	char cur[8], due[16];
	const char *cp;
	size_t cn, k;
	int d, first;
	int64_t sum;

	if (bv == NULL) {
		bv = xcalloc(H.ncols + 1, sizeof(*bv));
		it = xcalloc(H.ncols + 1, sizeof(*it));
	}
	if (row_currency(x, w, cur) != 0)
		return;
	d = decimals(cur);
	cell_of(w, fcol[F_CUSTOMER], &cp, &cn);
	if (cn == 0 && T.customer != NULL) {
		cp = T.customer;
		cn = strlen(cp);
	}
	if (cn == 0) {
		rec_reject(rd, x, "column '%s' (customer) is empty, but the row "
		    "has amounts", H.cols[fcol[F_CUSTOMER]].name);
		return;
	}
	if (row_buckets(x, w, d, &sum, &first, bv) != 0 ||
	    check_row_total(x, w, d, sum, cur) != 0)
		return;
	if (first < 0) {
		rec_filtered(rd, x);	/* nothing owed */
		return;
	}
	k = lay_summary_items(&H, bv, report_date, it);
	for (size_t i = 0; i < k; i++) {
		const char *label = H.cols[it[i].col].name;
		clear_cells();
		set_text(F_CUSTOMER, cp, cn);
		set_text(F_INVOICE, label, strlen(label));
		set_date(F_DUE_DATE, it[i].due, due);
		set_money(F_AMOUNT, it[i].amount, d, 1);
		set_text(F_CURRENCY, cur, strlen(cur));
		set_aged(label, it[i].days);
		emit(w);
		track(x, it[i].col, cur, d, it[i].amount);
	}
	if (H.total_col >= 0)
		track(x, (size_t)H.total_col, cur, d, sum);
	rec_written(rd, x);
}

/* ---- pass 2 ---- */

static int
too_wide(struct rec *x, const struct row *w)
{
	size_t last = 0;

	for (size_t c = 0; c < H.ncols && c < w->n; c++)
		if (H.cols[c].drop && *H.cols[c].name == '\0' && w->v[c].n > 0) {
			char q[ERR_QUOTE_MAX];
			rec_reject(rd, x, "column %zu has no name and was empty so far, "
			    "but here it holds \"%s\"", c + 1, err_quote(q, w->v[c].p,
			    w->v[c].n));
			return 1;
		}

	for (size_t c = 0; c < w->n; c++)
		if (w->v[c].n > 0)
			last = c + 1;
	if (last <= H.ncols || rec_format(rd) == FMT_JSON)
		return 0;
	rec_reject(rd, x, "%zu fields, but the header has %zu", last, H.ncols);
	return 1;
}

/* The rows that are not plainly documents: totals, sections, account
 * lines, the header again, rows blank but for spaces. 1: done with it. */
static int
odd_row(struct rec *x, const struct row *w)
{
	enum lay_total kind;
	int first;
	const char *p;
	size_t n;

	switch (lay_row_kind(&H, w->v, w->n, order, &first, &kind)) {
	case LR_BLANK:
		n_blank++;
		rec_filtered(rd, x);
		return 1;
	case LR_TOTAL:
		total_row(x, w, kind);
		return 1;
	case LR_HEADER:
		rec_uncount(rd, x);
		return 1;
	case LR_SECTION:
	case LR_ACCOUNT:
		cell_of(w, first, &p, &n);
		section_row(x, w, p, n);
		return 1;
	default:
		return 0;
	}
}

static void
data_row(struct rec *x, const struct row *w)
{
	size_t n;
	const char *p;

	if (framed && rule_line(w)) {
		rec_filtered(rd, x);
		return;
	}
	/* most rows: three cells or more, and no label a total, section or
	 * account line could have, nor the header's */
	if (!lay_plain_row(&H, w->v, w->n, &p, &n) && odd_row(x, w))
		return;
	if (too_wide(x, w))
		return;
	if (H.summary)
		summary_row(x, w);
	else
		document(x, w);
}

/* The end of an input: its last sections close. */
static void
end_of_file(void)
{
	close_section(0);
	close_section(1);
	lay_totals_file(&T, NULL);
}

static void
write_rows(void)
{
	struct rec *x;
	struct row w;
	unsigned long rows = 0;
	const char *file = NULL;

	rec_rewind(rd, 0);
	lay_totals_file(&T, title.section);
	while ((x = rec_next(rd)) != NULL) {
		row_of(x, &w);
		if (file != NULL && x->file != file)
			end_of_file();
		file = x->file;
		rows++;
		if (rows < header_row) {
			if (!framed || !rule_line(&w))
				n_title += !blank_row(&w);
			rec_uncount(rd, x);
		} else if (rows == header_row)
			rec_uncount(rd, x);	/* the header itself */
		else
			data_row(x, &w);
	}
	end_of_file();
}

static void
verbose_map(void)
{
	for (size_t c = 0; c < H.ncols; c++) {
		const struct lay_col *col = &H.cols[c];
		if (col->field >= 0)
			warnx("column \"%s\" -> %s", col->name,
			    nfields[col->field].name);
		else if (col->bucket)
			warnx("column \"%s\" -> an ageing bucket, %d days overdue "
			    "per item", col->name, lay_bucket_days(&col->b));
		else if (col->drop && *col->name == '\0')
			warnx("column %zu has no name and nothing in it: left out",
			    c + 1);
		else if (col->total && H.summary)
			warnx("column \"%s\": the sum of the buckets, checked and "
			    "left out", col->name);
		else if (!opt.drop_extra && cx[c].outname != NULL &&
		    strcmp(cx[c].outname, col->name) != 0)
			warnx("column \"%s\" kept, as \"%s\"", col->name,
			    cx[c].outname);
		else if (!opt.drop_extra)
			warnx("column \"%s\" kept as it is", col->name);
	}
	warnx("dates read %s, amounts with a decimal %s%s", order == ORD_DMY ?
	    "day first" : order == ORD_MDY ? "month first" : "by their form",
	    dec == DEC_COMMA ? "comma" : "point", rec_fell_back(rd) ?
	    "; the input is not UTF-8 and was read as its profile's encoding" :
	    "");
	if (report_date != DATE_NONE && H.aged) {
		char b[16];
		b[date_format(b, report_date)] = '\0';
		warnx("report date %s%s", b, opt.c.as_of_arg ? " (--as-of)" : "");
	}
}

/* -v with no total in the report: the sums to compare with the ERP. */
static void
verbose_sums(void)
{
	int c = H.summary ? H.total_col : fcol[F_AMOUNT] >= 0 ? fcol[F_AMOUNT] :
	    fcol[F_OPEN];
	const char *cur;
	int64_t v;
	int d;
	char b[MONEY_BUFSZ];

	if (c < 0)
		return;
	for (size_t i = 0; lay_sums_total(T.sums, (size_t)c, i, &cur, &v, &d) == 0;
	    i++) {
		money_format(b, v, d, 0);
		warnx("written in column \"%s\": %s%s%s (no total row to check it "
		    "against)", H.cols[c].name, b, *cur ? " " : "", cur);
	}
}

/* ---- main ---- */

static const struct tool tool = {
	"ar-norm",
	"ar-norm [-hqVv] [-E code] [-F delim] [-i fmt] [-m field=header] "
	"[-o fmt]\n"
	"               [-O file] [-p profile] [--as-of date] [--currency cur]\n"
	"               [--date-format fmt] "
"[--date-order dmy|mdy]\n"
	"               [--decimal-comma | --decimal-point] [--drop-extra]\n"
	"               [--list-profiles] [--reject file] [--sheet name] "
	"[--strict]\n"
	"               [--max-record bytes] [file ...]",
	"Turn an ERP export (CSV, TSV, JSON or .xlsx) into the canonical ledger:\n"
	"find the header under the title rows, map its columns by name, read\n"
	"dates and amounts in the form the whole file is written in, turn aged\n"
	"reports into items per bucket, and check the report's own totals.",
	"  -p, --profile NAME     sap-fbl5n, kingdee, yonyou, erpnext,\n"
	"                         erpnext-payment, odoo, quickbooks, xero, "
	"netsuite,\n"
	"                         business-central, sage (--list-profiles)\n"
	"  -m, --map F=HEADER     take field F from column HEADER (repeatable);\n"
	"                         F= takes it from no column\n"
	"  -E, --from-code CODE   the input's encoding (iconv -l), e.g. GB18030\n"
	"      --date-order dmy|mdy  for dates like 3/4/2026 when no date in "
	"the\n"
	"                         file tells\n"
	"      --date-format FMT  strptime(3) format tried first\n"
	"      --decimal-comma    amounts are written 1.234,56\n"
	"      --decimal-point    amounts are written 1,234.56\n"
	"      --drop-extra       leave out the columns that map to no field\n"
	"      --list-profiles    print the profiles and their column names\n"
	"      --sheet NAME       the sheet of an .xlsx workbook (default: the "
	"first)\n",
	OG_AS_OF,
	OUT_RECORDS
};

static void
add_map(const char *arg)
{
	const char *eq = strchr(arg, '=');
	char name[64];
	int f;

	if (eq == NULL || eq == arg || (size_t)(eq - arg) >= sizeof(name)) {
		warnx("-m: FIELD=HEADER, not \"%s\"", arg);
		usage();
	}
	memcpy(name, arg, (size_t)(eq - arg));
	name[eq - arg] = '\0';
	if ((f = nfield_by_name(name)) < 0) {
		warnx("-m: no field \"%s\" (the canonical fields of SPEC 1.3, and "
		    "open, settled_date, terms_days, dc, credit_amount, credited)",
		    name);
		usage();
	}
	if (opt.nmap == MAXMAP) {
		warnx("-m: at most %d", MAXMAP);
		usage();
	}
	opt.map[opt.nmap].field = f;
	opt.map[opt.nmap].header = eq + 1;
	opt.nmap++;
}

int
main(int argc, char **argv)
{
	static const struct option own[] = {
		{ "profile", required_argument, NULL, 'p' },
		{ "map", required_argument, NULL, 'm' },
		{ "from-code", required_argument, NULL, 'E' },
		{ "date-order", required_argument, NULL, OPT_DATE_ORDER },
		{ "date-format", required_argument, NULL, OPT_DATE_FORMAT },
		{ "decimal-comma", no_argument, NULL, OPT_DECIMAL_COMMA },
		{ "decimal-point", no_argument, NULL, OPT_DECIMAL_POINT },
		{ "drop-extra", no_argument, NULL, OPT_DROP_EXTRA },
		{ "list-profiles", no_argument, NULL, OPT_LIST_PROFILES },
		{ "sheet", required_argument, NULL, OPT_SHEET },
		{ NULL, 0, NULL, 0 }
	};
	int ch, st;
	enum rec_fmt ofmt;

	opts_init(&opt.c, &tool, argc, argv);
	lay_title_init(&title);
	while ((ch = opts_next(&opt.c, argc, argv, own, "p:m:E:")) != -1) {
		switch (ch) {
		case 'p':
			if ((opt.prof = profile_by_name(optarg)) == NULL) {
				warnx("-p: no profile \"%s\" (see --list-profiles)",
				    optarg);
				usage();
			}
			break;
		case 'm':
			add_map(optarg);
			break;
		case 'E':
			opt.c.in.from_code = optarg;
			break;
		case OPT_DATE_ORDER:
			opt.order = opts_pick("--date-order", optarg, "dmy", "mdy")
			    == 0 ? ORD_DMY : ORD_MDY;
			break;
		case OPT_DATE_FORMAT:
			opt.date_format = optarg;
			break;
		case OPT_DECIMAL_COMMA:
		case OPT_DECIMAL_POINT:
			if (opt.dec && opt.dec != (ch == OPT_DECIMAL_COMMA ?
			    DEC_COMMA : DEC_POINT)) {
				warnx("--decimal-comma and --decimal-point: one of "
				    "them");
				usage();
			}
			opt.dec = ch == OPT_DECIMAL_COMMA ? DEC_COMMA : DEC_POINT;
			break;
		case OPT_DROP_EXTRA:
			opt.drop_extra = 1;
			break;
		case OPT_LIST_PROFILES:
			profiles_list();
			return fshut(EXIT_OK);
		case OPT_SHEET:
			xlsx_sheet = optarg;
			break;
		default:
			usage();
		}
	}
	argc -= optind;
	argv += optind;
	if (opt.c.as_of_arg)
		report_date = opt.c.as_of;
	if (opt.prof && opt.prof->encoding && !opt.c.in.from_code)
		opt.c.in.fallback_code = opt.prof->encoding;
	if (opt.c.in.fmt != FMT_JSON)
		opt.c.in.raw = 1;
	opts_finish(&opt.c, NULL);

	rec_convert = xlsx_convert;	/* a workbook read as rows */
	rd = rec_open(argv, argc, &opt.c.in);
	if (xlsx_sheet != NULL && !xlsx_seen)
		warnx("--sheet %s: no input is an .xlsx workbook", xlsx_sheet);
	if (rec_empty(rd))
		return fshut(rec_close(rd, opt.c.verbose));
	framed = rec_format(rd) != FMT_JSON && rec_delimiter(rd) == '|';
	rec_want_rewind(rd);
	survey();
	if (H.summary && report_date == DATE_NONE)
		die(EXIT_FATAL, "an aged summary, but no report date in its title "
		    "rows (\"As at ...\", \"As of ...\", \"截止日期：...\"): give "
		    "it with --as-of");
	plan_output();
	if (opt.c.verbose)
		verbose_map();
	ofmt = opts_outfmt(&opt.c, rd);
	if (opt.c.out == FMT_AUTO && xlsx_seen)
		ofmt = FMT_CSV;	/* a workbook gives CSV, not its rows' TSV */
	wr = w_open(ofmt, opt.c.lang, NULL, ocols, nout);
	write_rows();
	w_close(wr, 0);
	if (n_title + n_total + n_blank + n_section > 0)
		note("skipped %lu title, %lu subtotal or total, %lu blank rows, "
		    "%lu section rows", n_title, n_total, n_blank, n_section);
	if (opt.c.verbose && !T.checked)
		verbose_sums();
	if (n_due_warn > MAX_DUE_WARN)
		warnx("%lu more rows with a due date before the invoice date",
		    n_due_warn - MAX_DUE_WARN);
	st = rec_close(rd, opt.c.verbose);
	if (exit_status > st)
		st = exit_status;
	return fshut(st);
}
