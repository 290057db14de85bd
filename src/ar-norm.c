/* ar-norm - ERP export to the canonical ledger, SPEC 2. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "err.h"
#include "grp.h"
#include "hdrmap.h"
#include "money.h"
#include "norm.h"
#include "opts.h"
#include "out.h"
#include "rec.h"

#define MAXMAP 64
#define HDR_ROWS 200		/* the header must come within these rows */
#define SAMPLE 1000		/* data rows that decide date order, decimals */

enum { OPT_DATE_ORDER = OPT_TOOL, OPT_DATE_FORMAT, OPT_DECIMAL_COMMA,
	OPT_DROP_EXTRA, OPT_LIST_PROFILES };

static struct {
	struct common c;
	const struct profile *prof;
	struct {
		int field;
		const char *header;	/* "" : the field comes from no column */
	} map[MAXMAP];
	int nmap;
	int order;
	const char *date_format;
	unsigned dec;
	int drop_extra;
} opt;

struct col {			/* a column of the export */
	char *name;		/* its header cell, trimmed */
	char *key;		/* through norm_header() */
	int field;		/* enum nfield, or -1: kept as it is */
	int bucket;		/* a summary bucket: its days overdue, else -1 */
	int drop;		/* neither a field nor kept (a summary's Total, an
				 * unnamed column with nothing in it) */
	int used;		/* the sample had something in it */
	char cur[4];		/* "Amount (USD)": the currency it implies */
	const char *outname;	/* kept: its name in the output */
};

static struct col *cols;
static size_t ncols;
static int fcol[NFIELDS];	/* the column of each field, or -1 */
static int summary;		/* ageing summary: buckets, no invoices */
static int32_t report_date = DATE_NONE;
static int framed;		/* SAP's | text export */
static int order;		/* day-month order decided for the file */
static unsigned dec;		/* decimal separator decided for the file */
static int has_currency;	/* some amount carried a currency symbol */

/* What was skipped, for the message at the end (SPEC 2: counted). */
static unsigned long n_title, n_total, n_blank, n_rule;

static struct rec_reader *rd;
static struct writer *wr;
static struct ocol *ocols;
static struct cell *cells;
static size_t nout;
static int out_field[NCANON];	/* output position of a canonical field */
static size_t *out_extra;	/* the columns kept, in order */
static size_t nextra;

/* ---- rows ---- */

struct row {
	const struct val *v;
	size_t n;
};

/* Trim, cheaply when there is nothing to trim (most cells). */
static inline void
trim(const char **p, size_t *n)
{
	const unsigned char *s = (const unsigned char *)*p;

	if (*n > 0 && (s[0] <= ' ' || s[0] >= 0x80 || s[*n - 1] <= ' ' ||
	    s[*n - 1] >= 0x80))
		norm_trim(p, n);
}

static void
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

/* ---- the header ---- */

static int
cell_field(const char *key, int *prio, char cur[4])
{
	char base[512];
	size_t n;
	int f;

	cur[0] = '\0';
	for (int i = 0; i < opt.nmap; i++) {
		char k[512];
		norm_header(opt.map[i].header, strlen(opt.map[i].header), k,
		    sizeof(k));
		if (*k && strcmp(k, key) == 0) {
			*prio = 0;
			return opt.map[i].field;
		}
	}
	if ((f = hdr_field(opt.prof, key, prio)) >= 0)
		return f;
	/* "Amount (USD)", "金额（元）": the name without its unit */
	n = strlen(key);
	if (n > 2 && (key[n - 1] == ')' || (n > 3 &&
	    strcmp(key + n - 3, "\xef\xbc\x89") == 0))) {
		const char *open = strrchr(key, '(');
		const char *wide = strstr(key, "\xef\xbc\x88");
		const char *o = open ? open : wide;
		if (o != NULL && o > key) {
			size_t bl = (size_t)(o - key);
			const char *u = o + (o == open ? 1 : 3);
			size_t ul = (size_t)(key + n - (key[n - 1] == ')' ? 1 : 3) - u);
			while (bl > 0 && key[bl - 1] == ' ')
				bl--;
			memcpy(base, key, bl);
			base[bl] = '\0';
			if ((f = hdr_field(opt.prof, base, prio)) >= 0) {
				if (norm_currency(u, ul, cur) != 0)
					cur[0] = '\0';
				return f;
			}
		}
	}
	return -1;
}

/* Does this row look like the header? Scores distinct fields. */
static int
header_score(const struct row *w)
{
	int seen[NFIELDS] = { 0 }, n = 0, key = 0, buckets = 0, prio;
	char k[512], cur[4];

	for (size_t c = 0; c < w->n; c++) {
		int f, days;
		norm_header(w->v[c].p, w->v[c].n, k, sizeof(k));
		if (*k == '\0')
			continue;
		f = cell_field(k, &prio, cur);
		if (f >= 0 && !seen[f]) {
			seen[f] = 1;
			n++;
			key |= f == F_CUSTOMER || f == F_INVOICE || f == F_AMOUNT ||
			    f == F_OPEN;
		} else if (f < 0 && hdr_bucket(k, &days))
			buckets++;
	}
	if (seen[F_CUSTOMER] && buckets >= 2)
		return 2 + buckets;	/* an ageing summary */
	return key && n >= 2 ? n : 0;
}

static void
take_header(const struct row *w)
{
	int best[NFIELDS];
	char k[512];

	ncols = w->n;
	cols = xcalloc(ncols + 1, sizeof(*cols));
	for (int f = 0; f < NFIELDS; f++)
		fcol[f] = -1, best[f] = 1 << 30;
	for (size_t c = 0; c < ncols; c++) {
		const char *p;
		size_t n;
		int f, prio = 0, days;
		cell_of(w, (int)c, &p, &n);
		cols[c].name = xstrndup(p, n);
		norm_header(p, n, k, sizeof(k));
		cols[c].key = xstrdup(k);
		cols[c].field = -1;
		cols[c].bucket = -1;
		f = *k ? cell_field(k, &prio, cols[c].cur) : -1;
		if (f >= 0 && prio < best[f]) {	/* ties: the leftmost */
			if (fcol[f] >= 0)
				cols[fcol[f]].field = -1;
			fcol[f] = (int)c;
			best[f] = prio;
			cols[c].field = f;
		} else if (f < 0 && *k && hdr_bucket(k, &days))
			cols[c].bucket = days;
	}
	/* an FBL5N list may only have the amount in local currency */
	if (fcol[F_AMOUNT] < 0 && fcol[F_AMOUNT_LC] >= 0) {
		fcol[F_AMOUNT] = fcol[F_AMOUNT_LC];
		fcol[F_AMOUNT_LC] = -1;
		cols[fcol[F_AMOUNT]].field = F_AMOUNT;
	}
	/* -m field= : that field comes from no column */
	for (int i = 0; i < opt.nmap; i++)
		if (*opt.map[i].header == '\0' && fcol[opt.map[i].field] >= 0) {
			cols[fcol[opt.map[i].field]].field = -1;
			fcol[opt.map[i].field] = -1;
		}
	summary = (opt.prof && opt.prof->summary) || fcol[F_INVOICE] < 0;
	if (summary) {
		int nb = 0;
		for (size_t c = 0; c < ncols; c++)
			nb += cols[c].bucket >= 0;
		summary = nb > 0 && fcol[F_CUSTOMER] >= 0;
	}
	if (!summary)
		for (size_t c = 0; c < ncols; c++)
			cols[c].bucket = -1;
	else if (fcol[F_AMOUNT] >= 0) {
		/* a summary's Total is the sum of its buckets, not an item */
		cols[fcol[F_AMOUNT]].field = -1;
		cols[fcol[F_AMOUNT]].drop = 1;
		fcol[F_AMOUNT] = -1;
	}
}

static void
require_fields(void)
{
	char need[256] = "", seen[1024] = "";
	size_t o = 0;

#define NEED(cond, what) do { if (cond) { if (*need) strcat(need, ", "); \
	strcat(need, what); } } while (0)
	NEED(fcol[F_CUSTOMER] < 0, "customer");
	if (!summary) {
		NEED(fcol[F_INVOICE] < 0, "invoice");
		NEED(fcol[F_AMOUNT] < 0 && fcol[F_OPEN] < 0 && fcol[F_CREDIT] < 0,
		    "amount");
	}
#undef NEED
	if (!*need && !summary && fcol[F_DUE_DATE] < 0 && (fcol[F_TERMS] < 0 ||
	    fcol[F_INVOICE_DATE] < 0))
		warnx("no due date column (nor invoice date and terms): age the "
		    "ledger with ar-age --basis invoice, or name one with -m");
	if (!*need)
		return;
	for (size_t c = 0; c < ncols && o < sizeof(seen) - 64; c++)
		o += (size_t)snprintf(seen + o, sizeof(seen) - o, "%s\"%s\"",
		    c ? ", " : "", cols[c].name);
	die(EXIT_FATAL, "the header has no column for %s (it has: %s); name "
	    "them with -m FIELD=HEADER or try -p", need, seen);
}

/* ---- the report date of a summary: "As at 30 November 2026" ---- */

static void
preamble_date(const struct row *w)
{
	static const char *const lead[] = {
		"as at ", "as of ", "as on ", "截至", "截止", "截止日期：", "截止日期:",
		"日期：", "日期:", "stichtag ", "key date "
	};
	struct norm_date_opts o = { 0, NULL, 0 };

	for (size_t c = 0; c < w->n && report_date == DATE_NONE; c++) {
		char k[512];
		size_t kn = norm_header(w->v[c].p, w->v[c].n, k, sizeof(k));
		for (size_t i = 0; i < sizeof(lead) / sizeof(lead[0]); i++) {
			size_t ln = strlen(lead[i]);
			unsigned ords;
			int32_t d;
			if (kn > ln && strncmp(k, lead[i], ln) == 0 &&
			    norm_date(k + ln, kn - ln, &o, &d, &ords) == NORM_OK) {
				report_date = d;
				break;
			}
		}
	}
}

/* ---- values ---- */

static int
fail(struct rec *x, int f, const char *p, size_t n, const char *what)
{
	char q[ERR_QUOTE_MAX];

	rec_reject(rd, x, "column '%s' (%s): %s \"%s\"", cols[fcol[f]].name,
	    nfields[f].name, what, err_quote(q, p, n));
	return -1;
}

static const char *canon_date[NFIELDS];	/* YYYY-MM-DD as read */

static int
get_date(struct rec *x, const struct row *w, int f, int32_t *out)
{
	struct norm_date_opts o = { order, opt.date_format, 1 };
	const char *p;
	size_t n;
	unsigned ords;
	enum norm_err e;

	*out = DATE_NONE;
	canon_date[f] = NULL;
	cell_of(w, fcol[f], &p, &n);
	if (n == 0)
		return 0;
	if (!opt.date_format && date_parse(p, n, out) == 0) {
		canon_date[f] = p;	/* YYYY-MM-DD: written out as it is */
		return 0;
	}
	e = norm_date(p, n, &o, out, &ords);
	if (e == NORM_OK)
		return 0;
	return fail(x, f, p, n, ords ? "not a date in the day-month order of "
	    "this file (see --date-order)" : "not a date");
}

static const char *canon_money[NFIELDS];	/* this row's canonical texts */
static size_t canon_money_n[NFIELDS];

static int
get_money(struct rec *x, const struct row *w, int f, int d, int64_t *out,
    int *present)
{
	const char *p;
	size_t n;
	unsigned modes;
	char cur[4];
	enum norm_err e;

	*out = 0;
	*present = 0;
	canon_money[f] = NULL;
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
	/* a JSON number is written with a decimal point, whatever the file */
	e = norm_amount(p, n, w->v[fcol[f]].type == V_NUM ? DEC_POINT : dec, d,
	    out, &modes, cur);
	if (e == NORM_OK) {
		*present = 1;
		return 0;
	}
	if (e == NORM_EMPTY)
		return 0;
	return fail(x, f, p, n, e == NORM_BAD && modes && !(modes & dec) ?
	    "not an amount with this file's decimal separator (see "
	    "--decimal-comma)" : e == NORM_BAD ? "not an amount" :
	    norm_strerror(e));
}

/* The currency of a row: its column, a symbol on its amount, the unit in
 * the amount column's name, --currency. */
static int
row_currency(struct rec *x, const struct row *w, char code[8])
{
	/* the cells of the last few currencies, and their codes */
	static struct {
		char text[16], code[8];
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
				rec_reject(rd, x, "column '%s' (currency): unknown "
				    "currency \"%s\"", cols[fcol[F_CURRENCY]].name,
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
		if (n > 0 && norm_amount(p, n, dec, 4, &v, &modes, cur) == NORM_OK &&
		    cur[0]) {
			memcpy(code, cur, 4);
			return 0;
		}
		if (cols[c].cur[0]) {
			memcpy(code, cols[c].cur, 4);
			return 0;
		}
	}
	if (opt.c.currency)
		snprintf(code, 8, "%s", opt.c.currency);
	return 0;
}

/* Decimals of a currency code, remembered. */
static int
decimals(const char *code)
{
	static char last[8] = "\377";
	static int lastdec;
	int known;

	if (strcmp(code, last) == 0)
		return lastdec;
	lastdec = currency_decimals(code, strlen(code), &known);
	if (!known && !rec_quiet(rd)) {
		char key[32];
		snprintf(key, sizeof(key), "cur:%s", code);
		warn_once(key, "unknown currency \"%s\": kept as it is, 2 decimals",
		    code);
	}
	snprintf(last, sizeof(last), "%s", code);
	return lastdec;
}

/* ---- output ---- */

static void
add_out(const char *name)
{
	ocols[nout].name = name;
	ocols[nout].numeric = 0;
	nout++;
}

/* Which canonical fields the output has (SPEC 2), then the columns kept. */
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
	if (summary || (fcol[F_TERMS] >= 0 && fcol[F_INVOICE_DATE] >= 0))
		has[F_DUE_DATE] = 1;
	if (opt.c.currency || has_currency)
		has[F_CURRENCY] = 1;
	for (size_t c = 0; c < ncols; c++)
		if (cols[c].cur[0])
			has[F_CURRENCY] = 1;
	ocols = xcalloc(NCANON + ncols + 1, sizeof(*ocols));
	cells = xcalloc(NCANON + ncols + 1, sizeof(*cells));
	out_extra = xcalloc(ncols + 1, sizeof(size_t));
	for (int f = 0; f < NCANON; f++) {
		out_field[f] = -1;
		if (has[f]) {
			out_field[f] = (int)nout;
			add_out(nfields[f].name);
		}
	}
	names = grp_new(1);	/* the names out so far: no scan per column */
	for (size_t o = 0; o < nout; o++)
		grp_get(names, ocols[o].name, strlen(ocols[o].name),
		    grp_hash(ocols[o].name, strlen(ocols[o].name)));
	for (size_t c = 0; c < ncols && !opt.drop_extra; c++) {
		char *name;
		int clash;
		if (cols[c].field >= 0 || cols[c].bucket >= 0)
			continue;
		if (*cols[c].name == '\0' && !cols[c].used)
			cols[c].drop = 1;	/* QuickBooks' section-label column */
		if (cols[c].drop)
			continue;
		name = cols[c].name;
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
		cols[c].outname = name;
		add_out(name);
		grp_get(names, name, strlen(name), grp_hash(name, strlen(name)));
	}
	grp_free(names);
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

/* ---- one row of a document export ---- */

struct idbuf {
	char *b;
	size_t cap;
};

static int
get_id(struct rec *x, const struct row *w, int f, struct idbuf *ib,
    const char **p, size_t *n)
{
	const char *s;
	size_t sn;

	(void)x;
	cell_of(w, fcol[f], &s, &sn);
	if (ib->cap < sn + 1) {
		ib->cap = 2 * sn + 64;
		ib->b = xrealloc(ib->b, ib->cap);
	}
	*n = norm_id(s, sn, ib->b, p);
	return 0;
}

static void
document(struct rec *x, const struct row *w)
{
	static struct idbuf ids[5];
	static const char *const tnames[] = { "invoice", "credit_note",
	    "payment", "adjustment" };
	static const int idf[] = { F_CUSTOMER, F_INVOICE, F_REF, F_COMPANY,
	    F_CONTRACT };
	const char *idp[5], *p;
	size_t idn[5], n;
	char cur[8], dates[8][16];
	int64_t amount, open, paid = 0, credit, lc, promise;
	int has_amount, has_open, has_paid = 0, has_credit, has_lc, has_promise;
	int32_t inv, due, pdate = DATE_NONE, settled = DATE_NONE, promised,
	    contact, hold;
	int d, sign = 1, typed = 0, disputed = -1;
	int amount_from = F_AMOUNT, paid_from = -1;
	enum doc_type type = DOC_INVOICE;

	if (row_currency(x, w, cur) != 0)
		return;
	d = decimals(cur);
	for (int i = 0; i < 5; i++)
		get_id(x, w, idf[i], &ids[i], &idp[i], &idn[i]);
	if (idn[0] == 0 && idn[1] == 0) {
		n_total++;	/* no customer, no document: not a document row */
		rec_filtered(rd, x);
		return;
	}
	if (idn[0] == 0 || idn[1] == 0) {
		rec_reject(rd, x, "column '%s' (%s) is empty",
		    cols[fcol[idn[0] ? F_INVOICE : F_CUSTOMER]].name,
		    idn[0] ? "invoice" : "customer");
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
	cell_of(w, fcol[F_DC], &p, &n);
	if (n > 0 && norm_dc(p, n, &sign) != 0) {
		fail(x, F_DC, p, n, "not a debit/credit indicator");
		return;
	}
	if (get_money(x, w, F_AMOUNT, d, &amount, &has_amount) != 0 ||
	    get_money(x, w, F_OPEN, d, &open, &has_open) != 0 ||
	    get_money(x, w, F_CREDIT, d, &credit, &has_credit) != 0 ||
	    get_money(x, w, F_AMOUNT_LC, 2, &lc, &has_lc) != 0 ||
	    get_money(x, w, F_PROMISE_AMOUNT, d, &promise, &has_promise) != 0)
		return;
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
	}
	if (!has_amount) {
		rec_reject(rd, x, "column '%s' (amount) is empty",
		    cols[fcol[F_AMOUNT] >= 0 ? fcol[F_AMOUNT] : fcol[F_OPEN]].name);
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

	for (size_t o = 0; o < nout; o++)
		cells[o] = cell_null();
	for (int i = 0; i < 5; i++)
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
	emit(w);
	rec_written(rd, x);
}

/* ---- one row of an ageing summary: an item per bucket ---- */

static void
summary_row(struct rec *x, const struct row *w)
{
	char cur[8], due[16];
	const char *p, *cp;
	size_t n, cn;
	int d, wrote = 0;

	if (row_currency(x, w, cur) != 0)
		return;
	d = decimals(cur);
	cell_of(w, fcol[F_CUSTOMER], &cp, &cn);
	if (cn == 0) {
		n_total++;
		rec_filtered(rd, x);
		return;
	}
	for (size_t c = 0; c < ncols; c++) {
		int64_t v;
		unsigned modes;
		char sym[4];
		enum norm_err e;
		if (cols[c].bucket < 0)
			continue;
		cell_of(w, (int)c, &p, &n);
		e = norm_amount(p, n, dec, d, &v, &modes, sym);
		if (e == NORM_EMPTY || (e == NORM_OK && v == 0))
			continue;
		if (e != NORM_OK) {
			char q[ERR_QUOTE_MAX];
			rec_reject(rd, x, "column '%s': %s \"%s\"", cols[c].name,
			    norm_strerror(e), err_quote(q, p, n));
			return;
		}
	}
	for (size_t c = 0; c < ncols; c++) {
		int64_t v;
		unsigned modes;
		char sym[4];
		if (cols[c].bucket < 0)
			continue;
		cell_of(w, (int)c, &p, &n);
		if (norm_amount(p, n, dec, d, &v, &modes, sym) != NORM_OK || v == 0)
			continue;
		for (size_t o = 0; o < nout; o++)
			cells[o] = cell_null();
		set_text(F_CUSTOMER, cp, cn);
		set_text(F_INVOICE, cols[c].name, strlen(cols[c].name));
		set_date(F_DUE_DATE, report_date - cols[c].bucket, due);
		set_money(F_AMOUNT, v, d, 1);
		set_text(F_CURRENCY, cur, strlen(cur));
		emit(w);
		wrote = 1;
	}
	if (wrote)
		rec_written(rd, x);
	else
		rec_filtered(rd, x);	/* nothing owed */
}

/* ---- reading ---- */

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

/* Subtotal, total and section rows: a total label first, or one lone
 * label and nothing else (QuickBooks sections). */
/* The labels that may stand in a customer column: "Total Gas Ltd" is a
 * customer, "Total" and "Total for ..." are not. */
static int
plain_total(const char *p, size_t n)
{
	static const char *const w[] = { "total", "grand total", "subtotal",
	    "sub-total", "percentage of total" };
	char k[64];
	size_t kn;

	if (n > 0 && (unsigned char)p[0] >= 0x80)
		return 1;	/* 合计, 小计 ... */
	kn = norm_header(p, n, k, sizeof(k));
	for (size_t i = 0; i < sizeof(w) / sizeof(w[0]); i++)
		if (strcmp(k, w[i]) == 0)
			return 1;
	return kn > 10 && strncmp(k, "total for ", 10) == 0;
}

static int
total_row(const struct row *w)
{
	size_t first = w->n, filled = 0;

	for (size_t c = 0; c < w->n; c++) {
		const char *p = w->v[c].p;
		size_t n = w->v[c].n;
		trim(&p, &n);
		if (n == 0)
			continue;
		if (first == w->n) {
			const char *ip;
			size_t in;
			first = c;
			/* labels start with a letter or a CJK character: an id or
			 * a date never is one, and the check is costly */
			if (!strchr("TtSsGgPpZz", p[0]) && (unsigned char)p[0] < 0xe0)
				goto counted;
			if (!norm_is_total(p, n))
				goto counted;
			/* a row with a document number is a document */
			cell_of(w, fcol[F_INVOICE], &ip, &in);
			if (in > 0 && (int)c != fcol[F_INVOICE])
				goto counted;
			if ((int)c == fcol[F_CUSTOMER] && !plain_total(p, n))
				goto counted;
			return 1;
		}
counted:
		filled++;
	}
	return filled == 1 && (int)first != fcol[F_CUSTOMER] &&
	    (int)first != fcol[F_INVOICE] && ncols > 2;
}

static int
too_wide(struct rec *x, const struct row *w)
{
	size_t last = 0;

	for (size_t c = 0; c < ncols && c < w->n; c++)
		if (cols[c].drop && *cols[c].name == '\0' && w->v[c].n > 0) {
			char q[ERR_QUOTE_MAX];
			rec_reject(rd, x, "column %zu has no name and was empty so far, "
			    "but here it holds \"%s\"", c + 1, err_quote(q, w->v[c].p,
			    w->v[c].n));
			return 1;
		}

	for (size_t c = 0; c < w->n; c++)
		if (w->v[c].n > 0)
			last = c + 1;
	if (last <= ncols || rec_format(rd) == FMT_JSON)
		return 0;
	rec_reject(rd, x, "%zu fields, but the header has %zu", last, ncols);
	return 1;
}

static void
data_row(struct rec *x, const struct row *w)
{
	if (framed && rule_line(w)) {
		n_rule++;
		rec_filtered(rd, x);
	} else if (blank_row(w)) {
		n_blank++;
		rec_filtered(rd, x);
	} else if (total_row(w)) {
		n_total++;
		rec_filtered(rd, x);
	} else if (!too_wide(x, w)) {
		if (summary)
			summary_row(x, w);
		else
			document(x, w);
	}
}

/* Pass 1: find the header, then let the first data rows decide what the
 * text alone cannot (day-month order, decimal comma). */
static unsigned long
survey(void)
{
	struct rec *x;
	struct row w;
	unsigned long rows = 0, header = 0;
	unsigned ords = ORD_DMY | ORD_MDY, modes = DEC_POINT | DEC_COMMA;
	int found = 0, sampled = 0;
	char first[1024] = "";

	while ((x = rec_next(rd)) != NULL) {
		row_of(x, &w);
		rows++;
		if (!found) {
			if (framed && rule_line(&w)) {
				rec_filtered(rd, x);
				continue;
			}
			if (rows == 1 || (!*first && !blank_row(&w)))
				for (size_t c = 0, o = 0; c < w.n && o < 900; c++)
					o += (size_t)snprintf(first + o, sizeof(first) - o,
					    "%s\"%.*s\"", c ? ", " : "", (int)(w.v[c].n > 60 ?
					    60 : w.v[c].n), w.v[c].p);
			if (rec_format(rd) == FMT_JSON) {
				/* the keys are the header */
				struct val *names = xcalloc(rec_nfields(rd) + 1,
				    sizeof(*names));
				struct row h = { names, rec_nfields(rd) };
				for (size_t i = 0; i < rec_nfields(rd); i++) {
					names[i].p = rec_colname(rd, rec_field(rd, i));
					names[i].n = strlen(names[i].p);
				}
				take_header(&h);
				free(names);
				found = 1;
				header = 0;
			} else if (header_score(&w) > 0) {
				take_header(&w);
				rec_set_header(rd, w.v, w.n);
				found = 1;
				header = rows;
				rec_filtered(rd, x);
				continue;
			} else if (rows >= HDR_ROWS) {
				rec_filtered(rd, x);
				break;
			} else {
				rec_filtered(rd, x);
				continue;
			}
		}
		if (sampled++ >= SAMPLE) {
			rec_filtered(rd, x);
			break;
		}
		if (!blank_row(&w) && !total_row(&w))
			for (size_t c = 0; c < ncols && c < w.n; c++) {
				int f = cols[c].field;
				const char *p;
				size_t n;
				unsigned o = 0, m = 0;
				int32_t dd;
				int64_t v;
				char sym[4];
				struct norm_date_opts dop = { 0, NULL, 1 };
				cell_of(&w, (int)c, &p, &n);
				if (n == 0)
					continue;
				cols[c].used = 1;
				if ((f >= 0 && nfields[f].kind == K_DATE) &&
				    norm_date(p, n, &dop, &dd, &o) == NORM_OK && o)
					ords &= o;
				if (((f >= 0 && nfields[f].kind == K_MONEY) ||
				    cols[c].bucket >= 0) && w.v[c].type != V_NUM) {
					if (norm_amount(p, n, 0, 4, &v, &m, sym) == NORM_OK) {
						modes &= m;
						has_currency |= sym[0] != '\0';
					}
				}
			}
		rec_filtered(rd, x);
	}
	if (!found && rec_quiet_error(rd))
		die(EXIT_FATAL, "no header found: the rows could not be read (%s)",
		    rec_quiet_error(rd));
	if (!found)
		die(EXIT_FATAL, "no header found in the first %d rows (the first "
		    "row: %s); it needs at least two known column names, such "
		    "as customer, invoice, amount, due date (or -m)", HDR_ROWS,
		    *first ? first : "none");
	require_fields();
	order = opt.order ? opt.order : (ords == ORD_DMY || ords == ORD_MDY) ?
	    (int)ords : opt.prof ? opt.prof->order : 0;
	dec = opt.dec ? opt.dec : (modes == DEC_POINT || modes == DEC_COMMA) ?
	    modes : opt.prof ? opt.prof->dec : 0;
	if (dec == 0)
		dec = DEC_POINT;
	return header;
}

static void
verbose_map(void)
{
	for (size_t c = 0; c < ncols; c++) {
		if (cols[c].field >= 0)
			warnx("column \"%s\" -> %s", cols[c].name,
			    nfields[cols[c].field].name);
		else if (cols[c].bucket >= 0)
			warnx("column \"%s\" -> an item %d days overdue per row",
			    cols[c].name, cols[c].bucket);
		else if (cols[c].drop && *cols[c].name == '\0')
			warnx("column %zu has no name and nothing in it: left out",
			    c + 1);
		else if (cols[c].drop)
			warnx("column \"%s\": the sum of the buckets, left out",
			    cols[c].name);
		else if (!opt.drop_extra && cols[c].outname != NULL &&
		    strcmp(cols[c].outname, cols[c].name) != 0)
			warnx("column \"%s\" kept, as \"%s\"", cols[c].name,
			    cols[c].outname);
		else if (!opt.drop_extra)
			warnx("column \"%s\" kept as it is", cols[c].name);
	}
	warnx("dates read %s, amounts with a decimal %s%s", order == ORD_DMY ?
	    "day first" : order == ORD_MDY ? "month first" : "by their form",
	    dec == DEC_COMMA ? "comma" : "point", rec_fell_back(rd) ?
	    "; the input is not UTF-8 and was read as its profile's encoding" :
	    "");
}

/* ---- main ---- */

static const struct tool tool = {
	"ar-norm",
	"ar-norm [-hVv] [-E code] [-F delim] [-i fmt] [-m field=header] [-o fmt]\n"
	"               [-p profile] [--as-of date] [--currency cur] "
	"[--date-format fmt]\n"
	"               [--date-order dmy|mdy] [--decimal-comma] [--drop-extra]\n"
	"               [--list-profiles] [--reject file] [--strict] "
	"[--max-record bytes]\n"
	"               [file ...]",
	"Turn an ERP export into the canonical ledger: find the header under the\n"
	"title rows, map its columns by name, read dates and amounts in their\n"
	"local forms, skip subtotal rows, derive paid and due dates.",
	"  -p, --profile NAME     sap-fbl5n, kingdee, yonyou, erpnext, quickbooks, xero\n"
	"  -m, --map F=HEADER     take field F from column HEADER (repeatable);\n"
	"                         F= takes it from no column\n"
	"  -E, --from-code CODE   the input's encoding (iconv -l), e.g. GB18030\n"
	"      --date-order dmy|mdy  for dates like 3/4/2026\n"
	"      --date-format FMT  strptime(3) format tried first\n"
	"      --decimal-comma    amounts are written 1.234,56\n"
	"      --drop-extra       leave out the columns that map to no field\n"
	"      --list-profiles    print the profiles and their column names\n",
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
		    "open, settled_date, terms_days, dc, credit_amount)", name);
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
		{ "drop-extra", no_argument, NULL, OPT_DROP_EXTRA },
		{ "list-profiles", no_argument, NULL, OPT_LIST_PROFILES },
		{ NULL, 0, NULL, 0 }
	};
	struct rec *x;
	struct row w;
	unsigned long header, rows = 0;
	int ch, st;

	opts_init(&opt.c, &tool, argc, argv);
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
			opt.dec = DEC_COMMA;
			break;
		case OPT_DROP_EXTRA:
			opt.drop_extra = 1;
			break;
		case OPT_LIST_PROFILES:
			profiles_list();
			return fshut(EXIT_OK);
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

	rd = rec_open(argv, argc, &opt.c.in);
	if (rec_empty(rd))
		return fshut(rec_close(rd, opt.c.verbose));
	framed = rec_format(rd) != FMT_JSON && rec_delimiter(rd) == '|';
	rec_want_rewind(rd);
	header = survey();
	if (summary && report_date == DATE_NONE) {
		/* the report date may be in the title rows: read them first */
		rec_rewind(rd, 1);
		while (rows < header && (x = rec_next(rd)) != NULL) {
			row_of(x, &w);
			preamble_date(&w);
			rows++;
			rec_filtered(rd, x);
		}
		if (report_date == DATE_NONE)
			die(EXIT_FATAL, "an ageing summary, but no report date in its "
			    "title rows (\"As at ...\"): give it with --as-of");
	}
	plan_output();
	if (opt.c.verbose)
		verbose_map();
	wr = w_open(opts_outfmt(&opt.c, rd), opt.c.lang, NULL, ocols, nout);
	rec_rewind(rd, 0);
	rows = 0;
	while ((x = rec_next(rd)) != NULL) {
		row_of(x, &w);
		rows++;
		if (rows < header) {
			if (framed && rule_line(&w))
				n_rule++;
			else
				n_title++;
			rec_filtered(rd, x);
		} else if (rows == header)
			rec_filtered(rd, x);	/* the header itself */
		else
			data_row(x, &w);
	}
	w_close(wr, 0);
	if (n_title + n_total + n_blank > 0)
		note("skipped %lu title, %lu subtotal or total, %lu blank rows",
		    n_title, n_total, n_blank);
	st = rec_close(rd, opt.c.verbose);
	return fshut(st);
}
