/* ar-norm - ERP export to the canonical ledger, SPEC 2 and 2.1. The shape
 * of the report (header, buckets, totals, sections) is layout.c's; a row
 * read as a document (its cells, its fields, its buckets) is normrow.c's;
 * the values are norm.c's; this file holds the options, the two passes
 * (one that decides how the file is written, one that writes it) and
 * main. */
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
#include "normrow.h"
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

static struct nr_state S;	/* how the rows are read (normrow.h) */
static struct nr_survey sv;	/* what pass 1 learns of the rows */

static int framed;		/* SAP's | text export */
static int json;		/* JSON records (no row is too wide) */
static int has_currency;	/* some amount carried a currency symbol */
static int32_t report_date = DATE_NONE;
static struct lay_title title;	/* the report date, a section above */
static unsigned long header_row;

/* What was skipped, for the note at the end (SPEC 2: counted). */
static unsigned long n_title, n_total, n_blank, n_section, n_due_warn;

static struct rec_reader *rd;
static struct writer *wr;
static struct nr_plan P;	/* the output's columns */
static struct cell *cells;
static struct lay_totals T;	/* the totals check, the section */

/* An unknown currency: kept as it is, with 2 decimals, and said once. */
static void
unknown_currency(const char *code)
{
	char key[32];

	if (rec_quiet(rd))
		return;
	snprintf(key, sizeof(key), "cur:%s", code);
	warn_once(key, "unknown currency \"%s\": kept as it is, 2 decimals",
	    code);
}

/* ---- pass 1: the header, then how dates and amounts are written ---- */

/* "FILE:LINE" of a line of the first input, for messages. */
static const char *file0;

static void
decide(void)
{
	struct lay_decision d;
	const unsigned long dl = sv.ev.e[LE_DMY].line, ml = sv.ev.e[LE_MDY].line;
	const unsigned long pl = sv.ev.e[LE_POINT].line, cl = sv.ev.e[LE_COMMA].line;

	lay_decide(&sv.ev, opt.order, opt.dec, opt.prof ? opt.prof->order : 0,
	    opt.prof ? opt.prof->dec : 0, &d);
	if (d.date_conflict)
		die_at(EXIT_FATAL, file0, dl > ml ? dl : ml, "\"%s\" is %s first, "
		    "but line %lu has \"%s\", %s first: give --date-order dmy or "
		    "mdy", sv.ev.e[dl > ml ? LE_DMY : LE_MDY].text, dl > ml ? "day" :
		    "month", dl > ml ? ml : dl, sv.ev.e[dl > ml ? LE_MDY : LE_DMY].text,
		    dl > ml ? "month" : "day");
	if (d.dec_conflict)
		die_at(EXIT_FATAL, file0, pl > cl ? pl : cl, "\"%s\" has a decimal "
		    "%s, but line %lu has \"%s\", with a decimal %s: give "
		    "--decimal-point or --decimal-comma",
		    sv.ev.e[pl > cl ? LE_POINT : LE_COMMA].text, pl > cl ? "point" :
		    "comma", pl > cl ? cl : pl,
		    sv.ev.e[pl > cl ? LE_COMMA : LE_POINT].text, pl > cl ? "comma" :
		    "point");
	if (d.warn_date) {
		/* as norm.c reads it: US 03/09/2026 month first, SAP's
		 * 03.09.2026 and 03-09-2026 day first */
		const char *sep = strpbrk(sv.ev.e[LE_AMB_DATE].text, "/.-");
		int us = sep != NULL && *sep == '/';
		warn_at(file0, sv.ev.e[LE_AMB_DATE].line, "\"%s\" could be day or "
		    "month first, and no date in the file tells: read %s first "
		    "(give --date-order %s if it is not)", sv.ev.e[LE_AMB_DATE].text,
		    us ? "month" : "day", us ? "dmy" : "mdy");
	}
	if (d.warn_dec)
		warn_at(file0, sv.ev.e[LE_AMB_DEC].line, "\"%s\" could have a "
		    "decimal point or a thousands separator, and no amount in the "
		    "file tells: read with a decimal point (give --decimal-comma if "
		    "it is not)", sv.ev.e[LE_AMB_DEC].text);
	S.order = d.order;
	S.dec = d.dec;
	has_currency |= sv.ev.symbol;
}

static void
require_fields(void)
{
	char need[256] = "", seen[1024] = "";
	size_t o = 0;

#define NEED(cond, what) do { if (cond) { if (*need) strcat(need, ", "); \
	strcat(need, what); } } while (0)
	NEED(fcol[F_CUSTOMER] < 0 && (H.summary || sv.sections == 0), "customer");
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
row_of(struct rec *x, struct nr_row *w)
{
	if (rec_format(rd) != FMT_JSON) {
		w->v = x->v;
		w->n = x->nv;
		if (framed)
			nr_unframe(w);
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
	nr_init(&S, &H);
	S.date_format = opt.date_format;
	S.currency = opt.c.currency;
	nr_survey_plan(&sv, &H);
}

/* Pass 1: find the header, then read every row for what the text of one
 * alone cannot tell (SPEC 2.1: decided once per file from all rows). */
static void
survey(void)
{
	struct lay_opts lo = { opt.prof, opt.map, opt.nmap };
	struct rec *x;
	struct nr_row w;
	unsigned long rows = 0;
	int found = 0;
	char first[1024] = "";

	while ((x = rec_next(rd)) != NULL) {
		row_of(x, &w);
		rows++;
		if (file0 == NULL)
			file0 = x->file;
		if (found) {
			if (!framed || !nr_rule_line(&w))
				nr_survey_row(&sv, &S, &H, &w, x->line);
			rec_filtered(rd, x);
			continue;
		}
		rec_filtered(rd, x);
		if (framed && nr_rule_line(&w))
			continue;
		if (rows == 1 || (!*first && !nr_blank_row(&w)))
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
			nr_survey_row(&sv, &S, &H, &w, x->line);
		} else if (lay_header_score(&lo, w.v, w.n) > 0) {
			take_header(w.v, w.n);
			rec_set_header(rd, w.v, w.n);
			found = 1;
			header_row = rows;
			/* an aged report's date, 03/09/2026, is decided with
			 * the rows' dates (SPEC 2.1: never silently) */
			if (*title.text && H.aged && !opt.c.as_of_arg)
				lay_see_report_date(&sv.ev, title.text,
				    strlen(title.text), title.line);
		} else if (rows >= HDR_ROWS)
			break;
		else if (nr_blank_row(&w))
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
		sv.sections++;
	require_fields();
	require_known_money();
	decide();
	if (!opt.c.as_of_arg)
		report_date = title.date;
	if (*title.text && !opt.c.as_of_arg) {
		/* read again in the order the file turned out to have */
		int32_t d;
		if (lay_report_date(title.text, strlen(title.text), NULL, 0,
		    S.order, &d) == 0)
			report_date = d;
	}
}

/* ---- output ---- */

/* Which canonical fields the output has (SPEC 2), the ageing of an aged
 * report (SPEC 2.1), then the columns kept. */
static void
plan_output(void)
{
	nr_plan_output(&P, &H, sv.used, opt.c.currency || has_currency,
	    H.aged || sv.bucket_sections > 0, opt.drop_extra);
	cells = xcalloc(P.nout + 1, sizeof(*cells));
	/* sums are kept when the report has totals to check, or for -v */
	lay_totals_init(&T, &H, sv.odd_rows || H.aged || opt.c.verbose);
}

static void
set_aged(const char *label, int days)
{
	if (P.bucket < 0 || label == NULL)
		return;
	cells[P.bucket] = cell_text(label, strlen(label));
	cells[P.days] = cell_int(days);
}

static void
emit(const struct nr_row *w)
{
	for (size_t i = 0; i < P.nextra; i++) {
		const char *p;
		size_t n;
		nr_cell(w, (int)P.extra[i], &p, &n);
		cells[P.nout - P.nextra + i] = n ? cell_text(p, n) : cell_null();
	}
	w_row(wr, NULL, cells);
}

static void
clear_cells(void)
{
	for (size_t o = 0; o < P.nout; o++)
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
row_amounts(const struct nr_row *w, struct lay_amounts *a)
{
	if (nr_row_amounts(&S, w, T.track, a) != 0)
		unknown_currency(a->cur);
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
total_row(struct rec *x, const struct nr_row *w, enum lay_total kind)
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
section_row(struct rec *x, const struct nr_row *w, const char *p, size_t n)
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

/* A row rejected with MSG, or the file given up on at it (R). */
static void
refuse(struct rec *x, enum nr_res r, int checked, const char *msg)
{
	if (r == NR_FATAL)
		die_at(EXIT_FATAL, x->file, x->line, "%s", msg);
	if (checked)
		T.checked = 1;
	rec_reject(rd, x, "%s", msg);
}

static void
document(struct rec *x, const struct nr_row *w)
{
	static struct nr_doc d;
	static size_t *tc;
	static int64_t *tv;
	const struct nr_out o = { P.field, cells };
	char msg[LAY_MSGMAX], dates[8][16];
	enum nr_res r;
	size_t k;

	r = nr_document(&S, w, T.customer, x->line, &d, msg, sizeof(msg));
	if (!d.cur_known)
		unknown_currency(d.cur);
	if (r == NR_TOTAL) {
		/* no customer, no document: a total line with no label (SAP's
		 * ALV sum line) */
		total_row(x, w, LT_GRAND);
		return;
	}
	if (r != NR_ROW) {
		refuse(x, r, d.checked, msg);
		return;
	}
	if (d.due != DATE_NONE && d.inv != DATE_NONE && d.due < d.inv &&
	    n_due_warn++ < MAX_DUE_WARN) {
		char a[16], b[16];
		a[date_format(a, d.due)] = '\0';
		b[date_format(b, d.inv)] = '\0';
		warn_at(x->file, x->line, "due date %s is before the invoice date "
		    "%s", a, b);
	}

	clear_cells();
	nr_doc_cells(&S, w, &d, &o, dates);
	if (d.bfirst >= 0)
		set_aged(H.cols[d.bfirst].name, lay_aged_days(&H.cols[d.bfirst].b,
		    d.due, report_date));
	else if (!H.aged)
		set_aged(T.bucket, T.bucket_days);
	emit(w);
	rec_written(rd, x);
	/* what the report's totals are checked against */
	if (tc == NULL) {
		tc = xcalloc(H.ncols + 8, sizeof(*tc));
		tv = xcalloc(H.ncols + 8, sizeof(*tv));
	}
	k = nr_doc_amounts(&S, w, &d, tc, tv);
	for (size_t i = 0; i < k; i++)
		track(x, tc[i], d.cur, d.dec, tv[i]);
}

/* ---- one row of an aged summary: an item per bucket ---- */

static void
summary_row(struct rec *x, const struct nr_row *w)
{
	static struct lay_item *it;
	const struct nr_out o = { P.field, cells };
	struct nr_sum s;
	char msg[LAY_MSGMAX], due[16];
	enum nr_res r;
	size_t k;

	if (it == NULL)
		it = xcalloc(H.ncols + 1, sizeof(*it));
	r = nr_summary(&S, w, T.customer, &s, msg, sizeof(msg));
	if (!s.cur_known)
		unknown_currency(s.cur);
	if (r == NR_NONE) {
		rec_filtered(rd, x);	/* nothing owed */
		return;
	}
	if (r != NR_ROW) {
		refuse(x, r, s.checked, msg);
		return;
	}
	k = lay_summary_items(&H, s.bv, report_date, it);
	for (size_t i = 0; i < k; i++) {
		const char *label = H.cols[it[i].col].name;
		clear_cells();
		nr_item_cells(&s, label, it[i].due, it[i].amount, &o, due);
		set_aged(label, it[i].days);
		emit(w);
		track(x, it[i].col, s.cur, s.dec, it[i].amount);
	}
	if (H.total_col >= 0)
		track(x, (size_t)H.total_col, s.cur, s.dec, s.sum);
	rec_written(rd, x);
}


/* ---- pass 2 ---- */

static int
too_wide(struct rec *x, const struct nr_row *w)
{
	char msg[LAY_MSGMAX];

	if (!nr_too_wide(&H, w, json, msg, sizeof(msg)))
		return 0;
	rec_reject(rd, x, "%s", msg);
	return 1;
}

/* The rows that are not plainly documents: totals, sections, account
 * lines, the header again, rows blank but for spaces. 1: done with it. */
static int
odd_row(struct rec *x, const struct nr_row *w)
{
	enum lay_total kind;
	int first;
	const char *p;
	size_t n;

	switch (lay_row_kind(&H, w->v, w->n, S.order, &first, &kind)) {
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
		nr_cell(w, first, &p, &n);
		section_row(x, w, p, n);
		return 1;
	default:
		return 0;
	}
}

static void
data_row(struct rec *x, const struct nr_row *w)
{
	size_t n;
	const char *p;

	if (framed && nr_rule_line(w)) {
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
	struct nr_row w;
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
			if (!framed || !nr_rule_line(&w))
				n_title += !nr_blank_row(&w);
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
		else if (!opt.drop_extra && P.outname[c] != NULL &&
		    strcmp(P.outname[c], col->name) != 0)
			warnx("column \"%s\" kept, as \"%s\"", col->name,
			    P.outname[c]);
		else if (!opt.drop_extra)
			warnx("column \"%s\" kept as it is", col->name);
	}
	warnx("dates read %s, amounts with a decimal %s%s", S.order == ORD_DMY ?
	    "day first" : S.order == ORD_MDY ? "month first" : "by their form",
	    S.dec == DEC_COMMA ? "comma" : "point", rec_fell_back(rd) ?
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
	json = rec_format(rd) == FMT_JSON;
	framed = !json && rec_delimiter(rd) == '|';
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
	wr = w_open(ofmt, opt.c.lang, NULL, P.ocols, P.nout);
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
