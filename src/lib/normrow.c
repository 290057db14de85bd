/* normrow.c - one row of an ERP export as a ledger document: see
 * normrow.h. Moved out of ar-norm.c, which keeps the passes. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "err.h"
#include "grp.h"
#include "money.h"
#include "norm.h"
#include "normrow.h"

/* ---- rows ---- */

int
nr_rule_line(const struct nr_row *w)
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

void
nr_unframe(struct nr_row *w)
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

int
nr_blank_row(const struct nr_row *w)
{
	for (size_t c = 0; c < w->n; c++) {
		const char *p = w->v[c].p;
		size_t n = w->v[c].n;
		lay_trim(&p, &n);
		if (n > 0)
			return 0;
	}
	return 1;
}

void
nr_init(struct nr_state *s, const struct lay_head *h)
{
	memset(s, 0, sizeof(*s));
	s->h = h;
	for (int i = 0; i < 4; i++)
		s->memo[i].code[0] = '\377';
	s->bv = xcalloc(h->ncols + 1, sizeof(*s->bv));
}

void
nr_free(struct nr_state *s)
{
	for (int i = 0; i < 6; i++)
		free(s->ids[i].b);
	free(s->bv);
	s->bv = NULL;
}

/* ---- cells ---- */

static int
fail(const struct nr_state *s, int f, const char *p, size_t n,
    const char *what, char *msg, size_t cap)
{
	char q[ERR_QUOTE_MAX];

	snprintf(msg, cap, "column '%s' (%s): %s \"%s\"",
	    s->h->cols[s->h->fcol[f]].name, nfields[f].name, what,
	    err_quote(q, p, n));
	return -1;
}

static inline int
get_date(struct nr_state *s, const struct nr_row *w, int f, int32_t *out,
    char *msg, size_t cap)
{
	const char *p;
	size_t n;
	unsigned ords;
	enum norm_err e;

	*out = DATE_NONE;
	s->canon_date[f] = NULL;
	if (s->h->fcol[f] < 0)
		return 0;
	nr_cell(w, s->h->fcol[f], &p, &n);
	if (n == 0)
		return 0;
	if (!s->date_format && date_parse(p, n, out) == 0) {
		s->canon_date[f] = p;	/* YYYY-MM-DD: written out as it is */
		return 0;
	}
	{
		struct norm_date_opts o = { s->order, s->date_format, 1 };
		e = norm_date(p, n, &o, out, &ords);
	}
	if (e == NORM_OK)
		return 0;
	return fail(s, f, p, n, ords ? "not a date in the day-month order of "
	    "this file (see --date-order)" : "not a date", msg, cap);
}

int
nr_date(struct nr_state *s, const struct nr_row *w, int f, int32_t *out,
    char *msg, size_t cap)
{
	return get_date(s, w, f, out, msg, cap);
}

int
nr_money_cell(const struct nr_state *s, const struct nr_row *w, int c, int d,
    int64_t *out, int *present, enum norm_err *e, unsigned *modes)
{
	const char *p;
	size_t n;
	char cur[4];

	*out = 0;
	*present = 0;
	*modes = 0;
	nr_cell(w, c, &p, &n);
	if (n == 0)
		return 0;
	if (s->dec == DEC_POINT && money_parse(p, n, d, out) == MONEY_OK) {
		*present = 1;
		return 0;
	}
	/* a JSON number is written with a decimal point, whatever the file */
	*e = norm_amount(p, n, w->v[c].type == V_NUM ? DEC_POINT : s->dec, d,
	    out, modes, cur);
	if (*e == NORM_OK)
		*present = 1;
	return *e == NORM_OK || *e == NORM_EMPTY ? 0 : -1;
}

const char *
nr_money_why(enum norm_err e, unsigned modes, unsigned dec)
{
	return e == NORM_BAD && modes && !(modes & dec) ? "not an amount with "
	    "this file's decimal separator (see --decimal-comma, "
	    "--decimal-point)" : e == NORM_BAD ? "not an amount" :
	    norm_strerror(e);
}

static inline int
get_money(struct nr_state *s, const struct nr_row *w, int f, int d,
    int64_t *out, int *present, char *msg, size_t cap)
{
	const int c = s->h->fcol[f];
	const char *p;
	size_t n;
	unsigned modes;
	enum norm_err e = NORM_OK;
	char cur[4];

	*out = 0;
	*present = 0;
	s->canon_money[f] = NULL;
	if (c < 0)
		return 0;
	nr_cell(w, c, &p, &n);
	if (n == 0)
		return 0;
	/* the canonical form first: exact, and ten times cheaper */
	if (s->dec == DEC_POINT && money_parse(p, n, d, out) == MONEY_OK) {
		*present = 1;
		if (money_canonical(p, n, d)) {
			s->canon_money[f] = p;	/* written out as it is */
			s->canon_money_n[f] = n;
		}
		return 0;
	}
	e = norm_amount(p, n, w->v[c].type == V_NUM ? DEC_POINT : s->dec, d,
	    out, &modes, cur);
	if (e == NORM_OK)
		*present = 1;
	if (e == NORM_OK || e == NORM_EMPTY)
		return 0;
	return fail(s, f, p, n, nr_money_why(e, modes, s->dec), msg, cap);
}

int
nr_money(struct nr_state *s, const struct nr_row *w, int f, int d,
    int64_t *out, int *present, char *msg, size_t cap)
{
	return get_money(s, w, f, d, out, present, msg, cap);
}

int
nr_currency(struct nr_state *s, const struct nr_row *w, char code[8],
    char *msg, size_t cap)
{
	const struct lay_head *h = s->h;
	const char *p;
	size_t n;
	unsigned modes;
	char cur[4];
	int64_t v;

	code[0] = '\0';
	nr_cell(w, h->fcol[F_CURRENCY], &p, &n);
	if (n > 0) {
		for (int i = 0; i < 4; i++)
			if (s->seen[i].n == n && memcmp(s->seen[i].text, p, n) == 0) {
				memcpy(code, s->seen[i].code, 8);
				return 0;
			}
		if (norm_currency(p, n, cur) != 0) {
			if (n >= 8) {
				char q[ERR_QUOTE_MAX];
				if (msg != NULL)
					snprintf(msg, cap, "column '%s' (currency): "
					    "unknown currency \"%s\"",
					    h->cols[h->fcol[F_CURRENCY]].name,
					    err_quote(q, p, n));
				return -1;
			}
			memcpy(code, p, n);	/* kept, and warned about */
			code[n] = '\0';
			return 0;
		}
		memcpy(code, cur, 4);
		if (n < sizeof(s->seen[0].text)) {
			unsigned i = s->seen_next++ % 4;
			memcpy(s->seen[i].text, p, n);
			s->seen[i].n = n;
			memcpy(s->seen[i].code, cur, 4);
		}
		return 0;
	}
	for (int f = F_AMOUNT; f <= F_CREDIT; f++) {
		int c = f == F_AMOUNT || f == F_OPEN || f == F_CREDIT ?
		    h->fcol[f] : -1;
		if (c < 0)
			continue;
		nr_cell(w, c, &p, &n);
		if (n > 0 && (p[n - 1] < '0' || p[n - 1] > '9' || p[0] < '0' ||
		    p[0] > '9') && norm_amount(p, n, s->dec, 4, &v, &modes, cur) ==
		    NORM_OK && cur[0]) {
			memcpy(code, cur, 4);
			return 0;
		}
		if (h->cols[c].cur[0]) {
			memcpy(code, h->cols[c].cur, 4);
			return 0;
		}
	}
	if (s->currency)
		snprintf(code, 8, "%s", s->currency);
	return 0;
}

int
nr_decimals(struct nr_state *s, const char *code, int *known)
{
	unsigned i;
	int d;

	*known = 1;
	for (i = 0; i < 4; i++)
		if (strcmp(code, s->memo[i].code) == 0)
			return s->memo[i].dec;
	d = currency_decimals(code, strlen(code), known);
	i = s->memo_next++ % 4;
	snprintf(s->memo[i].code, sizeof(s->memo[i].code), "%s", code);
	s->memo[i].dec = d;
	return d;
}

static inline size_t
get_id(struct nr_state *s, const struct nr_row *w, int f, int i,
    const char **p)
{
	struct nr_idbuf *ib = &s->ids[i];
	const char *t;
	size_t tn;

	if (s->h->fcol[f] < 0) {
		*p = "";
		return 0;
	}
	nr_cell(w, s->h->fcol[f], &t, &tn);
	if (ib->cap < tn + 1) {
		ib->cap = 2 * tn + 64;
		ib->b = xrealloc(ib->b, ib->cap);
	}
	return norm_id(t, tn, ib->b, p);
}

size_t
nr_id(struct nr_state *s, const struct nr_row *w, int f, int i,
    const char **p)
{
	return get_id(s, w, f, i, p);
}

/* ---- the amounts of an aged report's row ---- */

enum nr_res
nr_buckets(struct nr_state *s, const struct nr_row *w, int d, int64_t *sum,
    int *first, int64_t *bv, char *msg, size_t cap)
{
	const struct lay_head *h = s->h;

	for (size_t c = 0; c < h->ncols; c++) {
		enum norm_err e = NORM_OK;
		unsigned modes;
		int present;
		bv[c] = 0;
		if (!h->cols[c].bucket)
			continue;
		if (nr_money_cell(s, w, (int)c, d, &bv[c], &present, &e,
		    &modes) != 0) {
			const char *p;
			size_t n;
			char q[ERR_QUOTE_MAX];
			nr_cell(w, (int)c, &p, &n);
			snprintf(msg, cap, "column '%s': %s \"%s\"", h->cols[c].name,
			    nr_money_why(e, modes, s->dec), err_quote(q, p, n));
			return NR_REJECT;
		}
	}
	if (lay_row_buckets(h, bv, sum, first) != 0) {
		snprintf(msg, cap, "the buckets overflow");
		return NR_FATAL;
	}
	return NR_ROW;
}

int
nr_row_total(struct nr_state *s, const struct nr_row *w, int d, int64_t sum,
    const char *cur, char *msg, size_t cap)
{
	const struct lay_head *h = s->h;
	int64_t t;
	int present;
	enum norm_err e;
	unsigned modes;

	if (h->total_col < 0 || nr_money_cell(s, w, h->total_col, d, &t,
	    &present, &e, &modes) != 0 || !present || t == sum)
		return 0;
	lay_total_msg(msg, cap, t, sum, d, cur, h->cols[h->total_col].name);
	return -1;
}

int
nr_row_amounts(struct nr_state *s, const struct nr_row *w,
    const unsigned char *track, struct lay_amounts *a)
{
	int known;

	if (nr_currency(s, w, a->cur, NULL, 0) != 0)
		a->cur[0] = '\0';
	a->dec = nr_decimals(s, a->cur, &known);
	a->any = 0;
	for (size_t c = 0; c < s->h->ncols; c++) {
		enum norm_err e;
		unsigned modes;
		int present = 0;
		a->has[c] = 0;
		if (!track[c] || (int)c == s->h->fcol[F_CURRENCY])
			continue;
		if (nr_money_cell(s, w, (int)c, a->dec, &a->v[c], &present, &e,
		    &modes) == 0 && present) {
			a->has[c] = 1;
			a->any = 1;
		}
	}
	return known ? 0 : -1;
}

/* ---- a document row ---- */

static const char *const tnames[] = { "invoice", "credit_note", "payment",
	"adjustment" };
static const int idf[] = { F_CUSTOMER, F_INVOICE, F_REF, F_COMPANY,
	F_CONTRACT, F_FISCAL_YEAR };

enum nr_res
nr_document(struct nr_state *s, const struct nr_row *w, const char *customer,
    unsigned long line, struct nr_doc *d, char *msg, size_t cap)
{
	const struct lay_head *h = s->h;
	const int *fcol = h->fcol;
	const char *p;
	size_t n;
	enum nr_res r;

	d->cur_known = 1;
	d->paid = 0;
	d->has_paid = 0;
	d->pdate = d->settled = DATE_NONE;
	d->bsum = 0;
	d->sign = 1;
	d->typed = 0;
	d->disputed = -1;
	d->bfirst = -1;
	d->bv = s->bv;
	d->checked = 0;
	d->amount_from = F_AMOUNT;
	d->paid_from = -1;
	d->type = DOC_INVOICE;
	if (nr_currency(s, w, d->cur, msg, cap) != 0)
		return NR_REJECT;
	d->dec = nr_decimals(s, d->cur, &d->cur_known);
	for (int i = 0; i < 6; i++)
		d->idn[i] = get_id(s, w, idf[i], i, &d->id[i]);
	if (d->idn[0] == 0 && customer != NULL) {
		d->id[0] = customer;	/* named by the section row above */
		d->idn[0] = strlen(customer);
	}
	if (d->idn[0] == 0 && d->idn[1] == 0)
		return NR_TOTAL;	/* SAP's ALV sum line: no label */
	nr_cell(w, fcol[F_DOC_TYPE], &p, &n);
	if (n > 0) {
		if (norm_doc_type(p, n, &d->type) != 0) {
			fail(s, F_DOC_TYPE, p, n, "unknown document type", msg, cap);
			return NR_REJECT;
		}
		d->typed = 1;
	}
	if (d->idn[1] == 0 && d->idn[0] > 0 && d->typed &&
	    d->type != DOC_INVOICE) {
		/* QuickBooks: a payment without a number keeps a key */
		d->idn[1] = (size_t)snprintf(d->synth, sizeof(d->synth), "%s@%lu",
		    tnames[d->type], line);
		d->id[1] = d->synth;
	}
	if (d->idn[0] == 0 || d->idn[1] == 0) {
		if (fcol[d->idn[0] ? F_INVOICE : F_CUSTOMER] < 0)
			snprintf(msg, cap, "no customer: no column names one, and "
			    "no section row above this one");
		else
			snprintf(msg, cap, "column '%s' (%s) is empty",
			    h->cols[fcol[d->idn[0] ? F_INVOICE : F_CUSTOMER]].name,
			    d->idn[0] ? "invoice" : "customer");
		return NR_REJECT;
	}
	nr_cell(w, fcol[F_DC], &p, &n);
	if (n > 0 && norm_dc(p, n, &d->sign) != 0) {
		fail(s, F_DC, p, n, "not a debit/credit indicator", msg, cap);
		return NR_REJECT;
	}
	if (get_money(s, w, F_AMOUNT, d->dec, &d->amount, &d->has_amount, msg,
	    cap) != 0 ||
	    get_money(s, w, F_OPEN, d->dec, &d->open, &d->has_open, msg,
	    cap) != 0 ||
	    get_money(s, w, F_CREDIT, d->dec, &d->credit, &d->has_credit, msg,
	    cap) != 0 ||
	    get_money(s, w, F_AMOUNT_LC, 2, &d->lc, &d->has_lc, msg, cap) != 0 ||
	    get_money(s, w, F_CREDITED, d->dec, &d->credited, &d->has_credited,
	    msg, cap) != 0 ||
	    get_money(s, w, F_PROMISE_AMOUNT, d->dec, &d->promise,
	    &d->has_promise, msg, cap) != 0)
		return NR_REJECT;
	if (h->aged) {
		if ((r = nr_buckets(s, w, d->dec, &d->bsum, &d->bfirst, s->bv, msg,
		    cap)) != NR_ROW)
			return r;
		if (d->bfirst >= 0 && nr_row_total(s, w, d->dec, d->bsum, d->cur,
		    msg, cap) != 0) {
			d->checked = 1;
			return NR_REJECT;
		}
	}
	if ((!d->has_amount || d->amount == 0) && d->has_credit &&
	    d->credit != 0) {
		/* the credit side (贷方): a receipt */
		d->amount = d->credit;
		d->amount_from = F_CREDIT;
		d->has_amount = 1;
		if (!d->typed)
			d->type = DOC_PAYMENT, d->typed = 1;
	} else if (!d->has_amount && fcol[F_AMOUNT] < 0 && d->has_open) {
		d->amount = d->open;	/* only an open balance is exported */
		d->amount_from = F_OPEN;
		d->has_amount = 1;
	} else if (!d->has_amount && fcol[F_AMOUNT] < 0 && fcol[F_OPEN] < 0 &&
	    h->aged) {
		d->amount = d->bsum;	/* only the buckets say what is owed */
		d->amount_from = -1;
		d->has_amount = 1;
	}
	if (d->typed && d->type != DOC_INVOICE && d->has_amount &&
	    d->amount == 0 && d->has_open && d->open != 0) {
		/* ERPNext's Payment Entry in its AR report: 0 invoiced, the
		 * payment in the outstanding amount (negative) */
		d->amount = d->open;
		d->amount_from = F_OPEN;
	}
	if (!d->has_amount) {
		snprintf(msg, cap, "column '%s' (amount) is empty",
		    h->cols[fcol[F_AMOUNT] >= 0 ? fcol[F_AMOUNT] : fcol[F_OPEN]].name);
		return NR_REJECT;
	}
	if (d->sign < 0) {	/* H, C, 贷: a credit */
		d->amount = d->amount > 0 ? -d->amount : d->amount;
		d->open = d->open > 0 ? -d->open : d->open;
	}
	if (get_date(s, w, F_INVOICE_DATE, &d->inv, msg, cap) != 0 ||
	    get_date(s, w, F_DUE_DATE, &d->due, msg, cap) != 0 ||
	    get_date(s, w, F_PAID_DATE, &d->pdate, msg, cap) != 0 ||
	    get_date(s, w, F_SETTLED, &d->settled, msg, cap) != 0 ||
	    get_date(s, w, F_PROMISE_DATE, &d->promised, msg, cap) != 0 ||
	    get_date(s, w, F_LAST_CONTACT, &d->contact, msg, cap) != 0 ||
	    get_date(s, w, F_HOLD_UNTIL, &d->hold, msg, cap) != 0)
		return NR_REJECT;
	if (fcol[F_OPEN] >= 0 && fcol[F_AMOUNT] >= 0) {
		d->paid = d->amount - d->open;	/* blank open: nothing left */
		d->has_paid = 1;
	} else if (fcol[F_PAID] >= 0) {
		if (get_money(s, w, F_PAID, d->dec, &d->paid, &d->has_paid, msg,
		    cap) != 0)
			return NR_REJECT;
		d->paid_from = F_PAID;
		if (d->sign < 0)
			d->paid = d->paid > 0 ? -d->paid : d->paid;
	} else if (fcol[F_SETTLED] >= 0) {
		d->paid = d->settled != DATE_NONE ? d->amount : 0;
		d->pdate = d->settled;
		d->has_paid = 1;
	} else if (fcol[F_OPEN] >= 0)
		d->has_paid = 1;	/* amount = open, paid 0 */
	if (d->due == DATE_NONE && fcol[F_TERMS] >= 0 && d->inv != DATE_NONE) {
		int days;
		nr_cell(w, fcol[F_TERMS], &p, &n);
		if (n > 0) {
			if (norm_terms(p, n, &days) != 0) {
				fail(s, F_TERMS, p, n, "not a number of days", msg, cap);
				return NR_REJECT;
			}
			d->due = d->inv + days;
		}
	}
	nr_cell(w, fcol[F_DISPUTED], &p, &n);
	if (n > 0 && norm_bool(p, n, &d->disputed) != 0) {
		fail(s, F_DISPUTED, p, n, "not yes or no", msg, cap);
		return NR_REJECT;
	}
	return NR_ROW;
}

static void
set_text(const struct nr_out *o, int f, const char *p, size_t n)
{
	if (o->field[f] >= 0)
		o->cells[o->field[f]] = n ? cell_text(p, n) : cell_null();
}

static void
set_date(const struct nr_out *o, int f, int32_t d, const char *canon,
    char *buf)
{
	if (o->field[f] < 0)
		return;
	if (d == DATE_NONE)
		o->cells[o->field[f]] = cell_null();
	else if (canon != NULL)
		o->cells[o->field[f]] = cell_text(canon, 10);
	else
		o->cells[o->field[f]] = cell_text(buf, date_format(buf, d));
}

static void
set_money(const struct nr_out *o, int f, int64_t v, int dec, int present)
{
	if (o->field[f] < 0)
		return;
	o->cells[o->field[f]] = present ? cell_money(v, dec) : cell_null();
}

/* A value read as it is written: its text goes out unchanged. */
static void
set_money_as_read(const struct nr_state *s, const struct nr_out *o, int f,
    int64_t v, int dec, int present)
{
	set_money(o, f, v, dec, present);
	if (o->field[f] >= 0 && present && s->canon_money[f] != NULL) {
		o->cells[o->field[f]].p = s->canon_money[f];
		o->cells[o->field[f]].n = s->canon_money_n[f];
	}
}

void
nr_doc_cells(const struct nr_state *s, const struct nr_row *w,
    const struct nr_doc *d, const struct nr_out *o, char dates[8][16])
{
	const char *const *canon = s->canon_date;
	const char *p;
	size_t n;

	for (int i = 0; i < 6; i++)
		set_text(o, idf[i], d->id[i], d->idn[i]);
	if (d->typed || s->h->fcol[F_CREDIT] >= 0)
		set_text(o, F_DOC_TYPE, tnames[d->type], strlen(tnames[d->type]));
	set_date(o, F_INVOICE_DATE, d->inv, canon[F_INVOICE_DATE], dates[0]);
	set_date(o, F_DUE_DATE, d->due, canon[F_DUE_DATE], dates[1]);
	if (d->amount_from == F_AMOUNT && d->sign > 0)
		set_money_as_read(s, o, F_AMOUNT, d->amount, d->dec, 1);
	else
		set_money(o, F_AMOUNT, d->amount, d->dec, 1);
	if (d->paid_from == F_PAID && d->sign > 0)
		set_money_as_read(s, o, F_PAID, d->paid, d->dec, d->has_paid);
	else
		set_money(o, F_PAID, d->paid, d->dec, d->has_paid);
	set_date(o, F_PAID_DATE, d->pdate, d->pdate != DATE_NONE &&
	    d->pdate == d->settled ? canon[F_SETTLED] : canon[F_PAID_DATE],
	    dates[2]);
	set_text(o, F_CURRENCY, d->cur, strlen(d->cur));
	set_money(o, F_AMOUNT_LC, d->lc, 2, d->has_lc);
	set_money(o, F_PROMISE_AMOUNT, d->promise, d->dec, d->has_promise);
	set_date(o, F_PROMISE_DATE, d->promised, canon[F_PROMISE_DATE],
	    dates[3]);
	set_date(o, F_LAST_CONTACT, d->contact, canon[F_LAST_CONTACT],
	    dates[4]);
	set_date(o, F_HOLD_UNTIL, d->hold, canon[F_HOLD_UNTIL], dates[5]);
	if (d->disputed >= 0)
		set_text(o, F_DISPUTED, d->disputed ? "yes" : "no",
		    d->disputed ? 3 : 2);
	for (int f = F_RATE; f <= F_POWER; f++)
		if (f != F_DISPUTED && f != F_COMPANY && f != F_CONTRACT) {
			nr_cell(w, s->h->fcol[f], &p, &n);
			set_text(o, f, p, n);
		}
}

size_t
nr_doc_amounts(const struct nr_state *s, const struct nr_row *w,
    const struct nr_doc *d, size_t *col, int64_t *v)
{
	const struct lay_head *h = s->h;
	const int *fcol = h->fcol;
	size_t k = 0;

#define ADD(c, x) (col[k] = (size_t)(c), v[k++] = (x))
	if (fcol[F_AMOUNT] >= 0 && d->has_amount && d->amount_from == F_AMOUNT)
		ADD(fcol[F_AMOUNT], d->amount);
	if (d->has_open)
		ADD(fcol[F_OPEN], d->open);
	if (d->paid_from == F_PAID && d->has_paid)
		ADD(fcol[F_PAID], d->paid);
	else if (fcol[F_PAID] >= 0) {
		/* a Paid column the ledger does not take (paid = amount -
		 * open): its total is checked all the same */
		int64_t pv;
		int pres;
		enum norm_err e;
		unsigned m;
		if (nr_money_cell(s, w, fcol[F_PAID], d->dec, &pv, &pres, &e,
		    &m) == 0 && pres)
			ADD(fcol[F_PAID], d->sign < 0 && pv > 0 ? -pv : pv);
	}
	if (d->has_credit)
		ADD(fcol[F_CREDIT], d->credit);
	if (d->has_credited)
		ADD(fcol[F_CREDITED], d->credited);
	for (size_t c = 0; h->aged && c < h->ncols; c++)
		if (h->cols[c].bucket && d->bv[c] != 0)
			ADD(c, d->bv[c]);
#undef ADD
	return k;
}

/* ---- a row of an aged summary ---- */

enum nr_res
nr_summary(struct nr_state *s, const struct nr_row *w, const char *customer,
    struct nr_sum *o, char *msg, size_t cap)
{
	const struct lay_head *h = s->h;
	enum nr_res r;

	o->cur_known = 1;
	o->checked = 0;
	o->bv = s->bv;
	if (nr_currency(s, w, o->cur, msg, cap) != 0)
		return NR_REJECT;
	o->dec = nr_decimals(s, o->cur, &o->cur_known);
	nr_cell(w, h->fcol[F_CUSTOMER], &o->customer, &o->cn);
	if (o->cn == 0 && customer != NULL) {
		o->customer = customer;
		o->cn = strlen(customer);
	}
	if (o->cn == 0) {
		snprintf(msg, cap, "column '%s' (customer) is empty, but the row "
		    "has amounts", h->cols[h->fcol[F_CUSTOMER]].name);
		return NR_REJECT;
	}
	if ((r = nr_buckets(s, w, o->dec, &o->sum, &o->first, s->bv, msg,
	    cap)) != NR_ROW)
		return r;
	if (nr_row_total(s, w, o->dec, o->sum, o->cur, msg, cap) != 0) {
		o->checked = 1;
		return NR_REJECT;
	}
	return o->first < 0 ? NR_NONE : NR_ROW;
}

void
nr_item_cells(const struct nr_sum *o, const char *label, int32_t due,
    int64_t amount, const struct nr_out *out, char buf[16])
{
	set_text(out, F_CUSTOMER, o->customer, o->cn);
	set_text(out, F_INVOICE, label, strlen(label));
	set_date(out, F_DUE_DATE, due, NULL, buf);
	set_money(out, F_AMOUNT, amount, o->dec, 1);
	set_text(out, F_CURRENCY, o->cur, strlen(o->cur));
}

int
nr_too_wide(const struct lay_head *h, const struct nr_row *w, int json,
    char *msg, size_t cap)
{
	size_t last = 0;

	for (size_t c = 0; c < h->ncols && c < w->n; c++)
		if (h->cols[c].drop && *h->cols[c].name == '\0' && w->v[c].n > 0) {
			char q[ERR_QUOTE_MAX];
			snprintf(msg, cap, "column %zu has no name and was empty so "
			    "far, but here it holds \"%s\"", c + 1,
			    err_quote(q, w->v[c].p, w->v[c].n));
			return 1;
		}
	for (size_t c = 0; c < w->n; c++)
		if (w->v[c].n > 0)
			last = c + 1;
	if (last <= h->ncols || json)
		return 0;
	snprintf(msg, cap, "%zu fields, but the header has %zu", last, h->ncols);
	return 1;
}

/* ---- the output ---- */

static void
add_out(struct nr_plan *p, const char *name, int numeric)
{
	p->ocols[p->nout].name = name;
	p->ocols[p->nout].numeric = numeric;
	p->nout++;
}

void
nr_plan_output(struct nr_plan *p, struct lay_head *h,
    const unsigned char *used, int currency, int ageing, int drop_extra)
{
	struct grp *names;
	int has[NCANON] = { 0 };

	for (int f = 0; f < NCANON; f++)
		has[f] = h->fcol[f] >= 0;
	has[F_CUSTOMER] = has[F_INVOICE] = has[F_AMOUNT] = 1;
	if (h->fcol[F_CREDIT] >= 0)
		has[F_DOC_TYPE] = 1;
	if (h->fcol[F_OPEN] >= 0 || h->fcol[F_SETTLED] >= 0)
		has[F_PAID] = 1;
	if (h->fcol[F_SETTLED] >= 0)
		has[F_PAID_DATE] = 1;
	if (h->summary || (h->fcol[F_TERMS] >= 0 &&
	    h->fcol[F_INVOICE_DATE] >= 0))
		has[F_DUE_DATE] = 1;
	if (currency)
		has[F_CURRENCY] = 1;
	for (size_t c = 0; c < h->ncols; c++)
		if (h->cols[c].cur[0])
			has[F_CURRENCY] = 1;
	memset(p, 0, sizeof(*p));
	p->ocols = xcalloc(NCANON + h->ncols + 3, sizeof(*p->ocols));
	p->extra = xcalloc(h->ncols + 1, sizeof(*p->extra));
	p->outname = xcalloc(h->ncols + 1, sizeof(*p->outname));
	p->bucket = p->days = -1;
	for (int f = 0; f < NCANON; f++) {
		p->field[f] = -1;
		if (has[f]) {
			p->field[f] = (int)p->nout;
			add_out(p, nfields[f].name, 0);
		}
	}
	if (ageing) {
		p->bucket = (int)p->nout;
		add_out(p, "aged_bucket", 0);
		p->days = (int)p->nout;
		add_out(p, "days_overdue", 1);
	}
	names = grp_new(1);	/* the names out so far: no scan per column */
	for (size_t o = 0; o < p->nout; o++)
		grp_get(names, p->ocols[o].name, strlen(p->ocols[o].name),
		    grp_hash(p->ocols[o].name, strlen(p->ocols[o].name)));
	for (size_t c = 0; c < h->ncols && !drop_extra; c++) {
		struct lay_col *col = &h->cols[c];
		char *name;
		int clash;
		if (col->field >= 0 || col->bucket || (col->total && h->summary))
			continue;
		if (*col->name == '\0' && !used[c])
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
		p->extra[p->nextra++] = c;
		p->outname[c] = name;
		add_out(p, name, 0);
		grp_get(names, name, strlen(name), grp_hash(name, strlen(name)));
	}
	grp_free(names);
}

/* ---- pass 1 ---- */

void
nr_survey_plan(struct nr_survey *sv, const struct lay_head *h)
{
	sv->cols = xcalloc(h->ncols + 1, sizeof(*sv->cols));
	sv->kind = xcalloc(h->ncols + 1, 1);
	sv->used = xcalloc(h->ncols + 1, 1);
	sv->ncols = 0;
	for (size_t c = 0; c < h->ncols; c++) {
		const struct lay_col *col = &h->cols[c];
		int f = col->field;
		if (f >= 0 && nfields[f].kind == K_DATE)
			sv->kind[c] = NR_SK_DATE;
		else if ((f >= 0 && nfields[f].kind == K_MONEY) || col->bucket ||
		    col->total)
			sv->kind[c] = NR_SK_MONEY;
		else if (f < 0 && !col->keep && h->aged)
			sv->kind[c] = NR_SK_UNKNOWN;
		else if (*col->name == '\0')
			sv->kind[c] = NR_SK_USED;	/* only whether it is used */
		else
			continue;
		sv->cols[sv->ncols++] = c;
	}
}

/* An amount cell of pass 1; the row's currency only when it must tell. */
static void
survey_money(struct nr_survey *sv, struct nr_state *s, const struct nr_row *w,
    int c, const char *p, size_t n, unsigned long line, int *curdec)
{
	int pa;

	if (w->v[c].type == V_NUM)
		return;
	if ((pa = lay_plain_amount(p, n)) == 1 || (pa == 2 &&
	    sv->ev.e[LE_POINT].line))
		return;	/* (what the call below would learn, known) */
	if (lay_see_amount(&sv->ev, p, n, line, *curdec) == 1) {
		char code[8];
		int known;
		*curdec = nr_currency(s, w, code, NULL, 0) == 0 && *code ?
		    currency_decimals(code, strlen(code), &known) : -2;
		lay_see_amount(&sv->ev, p, n, line, *curdec);
	}
}

void
nr_survey_row(struct nr_survey *sv, struct nr_state *s, struct lay_head *h,
    const struct nr_row *w, unsigned long line)
{
	int curdec = -1, first;
	const char *p;
	size_t n;

	if (!lay_plain_row(h, w->v, w->n, &p, &n)) {
		/* the rare rows: the exact look; and the report has more than
		 * documents, so its sums are kept for its totals */
		enum lay_total kind;
		enum lay_row r = lay_row_kind(h, w->v, w->n, 0, &first, &kind);
		sv->odd_rows = 1;
		if (r == LR_TOTAL || r == LR_BLANK || r == LR_HEADER ||
		    r == LR_ACCOUNT)
			return;	/* their cells tell nothing of the rest */
		if (r == LR_SECTION) {
			char k[256];
			struct lay_bucket b;
			nr_cell(w, first, &p, &n);
			norm_header(p, n, k, sizeof(k));
			sv->sections++;
			sv->bucket_sections += lay_bucket(k, &b);
			return;
		}
	}
	for (size_t i = 0; i < sv->ncols; i++) {
		size_t c = sv->cols[i];
		if (c >= w->n || w->v[c].n == 0)
			continue;
		p = w->v[c].p;
		n = w->v[c].n;
		lay_trim(&p, &n);
		if (n == 0)
			continue;
		if (sv->kind[c] == NR_SK_DATE) {
			if (!lay_iso_date(p, n))
				lay_see_date(&sv->ev, p, n, line);
		} else if (sv->kind[c] == NR_SK_MONEY)
			survey_money(sv, s, w, (int)c, p, n, line, &curdec);
		else if (sv->kind[c] == NR_SK_UNKNOWN) {
			if (lay_money_text(p, n))
				h->cols[c].money++;
			else
				h->cols[c].other++;
		} else
			sv->used[c] = 1;
	}
}
