/* ledger.c - read canonical ledger fields with one checked parser each. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "err.h"
#include "ledger.h"
#include "money.h"

void
ledger_init(struct ledger *l, struct rec_reader *r, const char *default_currency,
    unsigned need)
{
	memset(l, 0, sizeof(*l));
	l->r = r;
	l->need = need;
	l->default_currency = default_currency ? default_currency : "";
	l->customer = rec_col(r, "customer");
	l->invoice = rec_col(r, "invoice");
	l->doc_type = rec_col(r, "doc_type");
	l->ref = rec_col(r, "ref");
	l->invoice_date = rec_col(r, "invoice_date");
	l->due_date = rec_col(r, "due_date");
	l->amount = rec_col(r, "amount");
	l->paid = rec_col(r, "paid");
	l->paid_date = rec_col(r, "paid_date");
	l->currency = rec_col(r, "currency");
	l->company = rec_col(r, "company");
	l->disputed = rec_col(r, "disputed");
	l->fiscal_year = rec_col(r, "fiscal_year");
	l->open = rec_col(r, "open");
	rec_require(r, l->customer);
	rec_require(r, l->invoice);
	rec_require(r, l->amount);
	if (need & LD_DUE)
		rec_require(r, l->due_date);
	if (need & LD_INVOICE_DATE)
		rec_require(r, l->invoice_date);
}

int
ledger_has_docs(const struct ledger *l)
{
	return rec_has(l->r, l->doc_type) || rec_has(l->r, l->ref) ||
	    rec_format(l->r) == FMT_JSON;
}

int
ledger_has_open(const struct ledger *l)
{
	return rec_has(l->r, l->open) || rec_format(l->r) == FMT_JSON;
}

int
field_text(struct rec_reader *r, struct rec *x, int slot, struct text *t,
    int required)
{
	const struct val *v = rec_val(x, slot);

	if (v->type == V_RAW) {
		rec_reject_field(r, x, slot, "expected a single value, not");
		return -1;
	}
	t->p = val_text(v, &t->n);
	if (required && t->n == 0) {
		rec_reject(r, x, "field '%s' is empty", rec_colname(r, slot));
		return -1;
	}
	return 0;
}

int
field_date(struct rec_reader *r, struct rec *x, int slot, int32_t *out,
    int required)
{
	const struct val *v = rec_val(x, slot);

	if (val_blank(v)) {
		if (required) {
			rec_reject(r, x, "field '%s' is empty", rec_colname(r, slot));
			return -1;
		}
		*out = DATE_NONE;
		return 0;
	}
	if (v->type != V_STR || date_parse(v->p, v->n, out) != 0) {
		rec_reject_field(r, x, slot, "invalid date (YYYY-MM-DD)");
		return -1;
	}
	return 0;
}

int
field_money(struct rec_reader *r, struct rec *x, int slot, int dec,
    int64_t *out, int required)
{
	const struct val *v = rec_val(x, slot);
	enum money_err e;
	char what[96];

	if (val_blank(v)) {
		if (required) {
			rec_reject(r, x, "field '%s' is empty", rec_colname(r, slot));
			return -1;
		}
		*out = 0;
		return 0;
	}
	if (v->type == V_STR || v->type == V_NUM)
		/* a JSON number by its text as written, never through a
		 * double (SPEC 1.4): 1e3 and 1.005 are rejected */
		e = money_parse(v->p, v->n, dec, out);
	else
		e = MONEY_SYNTAX;
	if (e != MONEY_OK) {
		snprintf(what, sizeof(what), "invalid amount (%s)", money_strerror(e));
		rec_reject_field(r, x, slot, what);
		return -1;
	}
	return 0;
}

static int
word_eq(const char *p, size_t n, const char *w)
{
	size_t k = strlen(w);

	if (n != k)
		return 0;
	for (size_t i = 0; i < n; i++) {
		char c = p[i];
		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		if (c != w[i])
			return 0;
	}
	return 1;
}

int
field_bool(struct rec_reader *r, struct rec *x, int slot, int *out, int dflt)
{
	const struct val *v = rec_val(x, slot);
	const char *p;
	size_t n;

	if (val_blank(v)) {
		*out = dflt;
		return 0;
	}
	if (v->type == V_TRUE || v->type == V_FALSE) {
		*out = v->type == V_TRUE;
		return 0;
	}
	p = v->p;
	n = v->n;
	while (n > 0 && *p == ' ')
		p++, n--;
	while (n > 0 && p[n - 1] == ' ')
		n--;
	if (word_eq(p, n, "yes") || word_eq(p, n, "y") || word_eq(p, n, "1") ||
	    word_eq(p, n, "true")) {
		*out = 1;
		return 0;
	}
	if (word_eq(p, n, "no") || word_eq(p, n, "n") || word_eq(p, n, "0") ||
	    word_eq(p, n, "false")) {
		*out = 0;
		return 0;
	}
	rec_reject_field(r, x, slot, "expected yes or no, got");
	return -1;
}

static const struct {
	const char *name;
	enum doc_type type;
} doc_types[] = {
	{ "invoice", DOC_INVOICE },
	{ "credit_note", DOC_CREDIT_NOTE },
	{ "payment", DOC_PAYMENT },
	{ "adjustment", DOC_ADJUSTMENT },
};

static int
currency_of(struct ledger *l, struct rec *x, struct doc *d)
{
	if (field_text(l->r, x, l->currency, &d->currency, 0) != 0)
		return -1;
	while (d->currency.n > 0 && d->currency.p[0] == ' ')
		d->currency.p++, d->currency.n--;
	while (d->currency.n > 0 && d->currency.p[d->currency.n - 1] == ' ')
		d->currency.n--;
	if (d->currency.n == 0) {
		d->currency.p = l->default_currency;
		d->currency.n = strlen(l->default_currency);
	}
	for (unsigned i = 0; i < 8; i++)
		if (l->cur[i].n == d->currency.n && d->currency.n > 0 &&
		    memcmp(l->cur[i].code, d->currency.p, d->currency.n) == 0) {
			d->dec = l->cur[i].dec;
			return 0;
		}
	{
		int known;
		d->dec = currency_decimals(d->currency.p, d->currency.n, &known);
		if (!known) {
			char q[ERR_QUOTE_MAX], key[ERR_QUOTE_MAX + 16];
			err_quote(q, d->currency.p, d->currency.n);
			snprintf(key, sizeof(key), "currency:%s", q);
			if (rec_quiet(l->r))
				return 0;	/* warned, and cached, when it counts */
			warn_once(key, "unknown currency code \"%s\": 2 decimals "
			    "assumed", q);
		}
		if (d->currency.n > 0 && d->currency.n < 8) {
			unsigned i = l->curnext++ % 8;
			memcpy(l->cur[i].code, d->currency.p, d->currency.n);
			l->cur[i].n = d->currency.n;
			l->cur[i].dec = d->dec;
		}
	}
	return 0;
}

int
ledger_read(struct ledger *l, struct rec *x, struct doc *d)
{
	struct rec_reader *r = l->r;
	struct text t;

	if (field_text(r, x, l->customer, &d->customer, 1) != 0 ||
	    field_text(r, x, l->invoice, &d->invoice, 1) != 0 ||
	    field_text(r, x, l->company, &d->company, 0) != 0 ||
	    field_text(r, x, l->ref, &d->ref, 0) != 0 ||
	    field_text(r, x, l->fiscal_year, &d->fiscal_year, 0) != 0 ||
	    field_text(r, x, l->doc_type, &t, 0) != 0)
		return -1;
	d->type = DOC_INVOICE;
	if (t.n > 0) {
		size_t i;
		for (i = 0; i < sizeof(doc_types) / sizeof(doc_types[0]); i++)
			if (word_eq(t.p, t.n, doc_types[i].name))
				break;
		if (i == sizeof(doc_types) / sizeof(doc_types[0])) {
			rec_reject_field(r, x, l->doc_type, "expected invoice, "
			    "credit_note, payment or adjustment, got");
			return -1;
		}
		d->type = doc_types[i].type;
	}
	if (currency_of(l, x, d) != 0)
		return -1;
	if (field_money(r, x, l->amount, d->dec, &d->amount, 1) != 0 ||
	    field_money(r, x, l->paid, d->dec, &d->paid, 0) != 0 ||
	    field_date(r, x, l->invoice_date, &d->invoice_date,
	    d->type == DOC_INVOICE && (l->need & LD_INVOICE_DATE)) != 0 ||
	    field_date(r, x, l->due_date, &d->due_date,
	    d->type == DOC_INVOICE && (l->need & LD_DUE)) != 0 ||
	    field_date(r, x, l->paid_date, &d->paid_date, 0) != 0 ||
	    field_bool(r, x, l->disputed, &d->disputed, 0) != 0)
		return -1;
	/* an open-item list's open is the truth (SPEC 1.10) */
	d->has_open = !val_blank(rec_val(x, l->open));
	if (d->has_open && field_money(r, x, l->open, d->dec, &d->open, 0) != 0)
		return -1;
	if (!d->has_open)
		d->open = 0;
	return 0;
}

int
field_enum(struct rec_reader *r, struct rec *x, int slot,
    int (*parse)(const char *s, size_t n), const char *why, int *out)
{
	struct text t;

	if (field_text(r, x, slot, &t, 0) != 0)
		return -1;
	if ((*out = parse(t.p, t.n)) < 0) {
		rec_reject_field(r, x, slot, why);
		return -1;
	}
	return 0;
}
