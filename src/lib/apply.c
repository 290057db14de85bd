/* apply.c - the join of receipts and credits to invoices, and FIFO netting. */
#include <stdlib.h>
#include <string.h>

#include "apply.h"
#include "date.h"
#include "err.h"
#include "grp.h"
#include "money.h"

struct appl {		/* one receipt, credit or adjustment on an invoice */
	int32_t date;
	int32_t type;	/* enum doc_type */
	int64_t amt;
};

struct target {		/* an invoice named by a ref */
	int64_t sum;	/* receipts and credits (negative), adjustments
			 * (signed), dated on or before as_of */
	int matched;	/* an invoice with that key exists */
	int32_t issued;	/* its invoice_date */
	int fifo;	/* its customer has credit to net */
	struct appl *list;	/* every one of them, dated mode only */
	uint32_t n, cap;
};

struct fitem {
	uint64_t seq;
	int32_t date, inv;
	int64_t amt;	/* open (items) or credit left (credits, > 0) */
	struct target *t;	/* credits with a ref: unapplied only if unmatched */
};

struct fgroup {		/* one customer and currency, FIFO */
	struct fitem *items, *credits;
	size_t nitems, ncredits, capi, capc;
};

struct apply {
	int32_t as_of;
	int fifo, dated;
	struct grp *targets;	/* company,customer,invoice,currency */
	struct grp *fcust;	/* company,customer,currency -> struct fgroup */
	struct grp *result;	/* seq -> int64_t (FIFO outcome) */
	struct key k;
};

struct apply *
apply_new(int32_t as_of, int fifo, int dated)
{
	struct apply *a = xcalloc(1, sizeof(*a));

	a->as_of = as_of;
	a->fifo = fifo;
	a->dated = dated;
	a->targets = grp_new(sizeof(struct target));
	a->fcust = grp_new(sizeof(struct fgroup));
	a->result = grp_new(sizeof(int64_t));
	return a;
}

void
apply_free(struct apply *a)
{
	void **v = grp_all(a->fcust);

	for (size_t i = 0; i < grp_len(a->fcust); i++) {
		struct fgroup *g = v[i];
		free(g->items);
		free(g->credits);
	}
	free(v);
	v = grp_all(a->targets);
	for (size_t i = 0; i < grp_len(a->targets); i++)
		free(((struct target *)v[i])->list);
	free(v);
	grp_free(a->targets);
	grp_free(a->fcust);
	grp_free(a->result);
	free(a->k.p);
	free(a);
}

static int
is_credit(const struct doc *d)
{
	return d->type == DOC_PAYMENT || d->type == DOC_CREDIT_NOTE;
}

int
apply_in_time(const struct apply *a, const struct doc *d)
{
	return d->invoice_date == DATE_NONE || d->invoice_date <= a->as_of;
}

static struct target *
target(struct apply *a, const struct doc *d, const struct text *inv, int make)
{
	key_reset(&a->k);
	key_add(&a->k, d->company.p, d->company.n);
	key_add(&a->k, d->customer.p, d->customer.n);
	key_add(&a->k, inv->p, inv->n);
	key_add(&a->k, d->currency.p, d->currency.n);
	if (make)
		return grp_get(a->targets, a->k.p, a->k.n, grp_hash(a->k.p, a->k.n));
	return grp_find(a->targets, a->k.p, a->k.n, grp_hash(a->k.p, a->k.n));
}

static struct fgroup *
fcust(struct apply *a, const struct doc *d, int make)
{
	key_reset(&a->k);
	key_add(&a->k, d->company.p, d->company.n);
	key_add(&a->k, d->customer.p, d->customer.n);
	key_add(&a->k, d->currency.p, d->currency.n);
	if (make)
		return grp_get(a->fcust, a->k.p, a->k.n, grp_hash(a->k.p, a->k.n));
	return grp_find(a->fcust, a->k.p, a->k.n, grp_hash(a->k.p, a->k.n));
}

/* What a receipt or credit note takes off the balance, whatever its sign:
 * its amount less its paid (the part already applied elsewhere, as an
 * export's open balance of a payment says), when that counts by the date. */
static int64_t
credit_amount(const struct apply *a, const struct doc *d)
{
	int64_t v = d->amount;

	if (d->paid != 0 && (d->paid_date == DATE_NONE ||
	    d->paid_date <= a->as_of))
		v -= d->paid;	/* both within MONEY_MAX: no overflow */
	return v < 0 ? v : -v;
}

void
apply_collect(struct apply *a, const struct doc *d, uint64_t seq)
{
	struct target *t;
	int64_t v;

	(void)seq;
	if (d->type == DOC_INVOICE || (!a->dated && !apply_in_time(a, d)))
		return;
	if (d->ref.n == 0) {
		if (a->fifo && is_credit(d) && apply_in_time(a, d))
			fcust(a, d, 1);
		return;
	}
	t = target(a, d, &d->ref, 1);
	v = is_credit(d) ? credit_amount(a, d) : d->amount;
	if (a->dated) {
		if (t->n == t->cap) {
			t->cap = t->cap ? 2 * t->cap : 2;
			t->list = xrealloc(t->list, t->cap * sizeof(*t->list));
		}
		t->list[t->n].date = d->invoice_date;
		t->list[t->n].type = (int32_t)d->type;
		t->list[t->n++].amt = v;
		if (!apply_in_time(a, d))
			return;
	}
	if (money_add(&t->sum, v) != 0)
		die(EXIT_FATAL, "amounts applied to one invoice overflow");
	if (a->fifo && is_credit(d))
		fcust(a, d, 1);
}

int
apply_need_match(const struct apply *a)
{
	return grp_len(a->targets) > 0 || grp_len(a->fcust) > 0;
}

int
apply_is_item(const struct apply *a, const struct doc *d)
{
	struct target *t;

	if (d->type == DOC_INVOICE)
		return 1;
	if (d->type != DOC_ADJUSTMENT)
		return 0;
	if (d->ref.n == 0 || grp_len(a->targets) == 0)
		return 1;
	t = target((struct apply *)a, d, &d->ref, 0);
	return t == NULL || !t->matched;
}

static int64_t
base_open(const struct apply *a, const struct doc *d)
{
	int64_t open = d->amount;

	if (d->paid != 0 && (d->paid_date == DATE_NONE || d->paid_date <= a->as_of))
		open -= d->paid;	/* both within MONEY_MAX: no overflow */
	return open;
}

static void
push(struct fitem **v, size_t *n, size_t *cap, struct fitem it)
{
	if (*n == *cap) {
		*cap = *cap ? 2 * *cap : 16;
		*v = xrealloc(*v, *cap * sizeof(**v));
	}
	(*v)[(*n)++] = it;
}

void
apply_match(struct apply *a, const struct doc *d, uint64_t seq, int32_t item_date)
{
	struct target *t = NULL;
	struct fgroup *g;

	if (!apply_in_time(a, d))
		return;
	if (d->type == DOC_INVOICE && (t = target(a, d, &d->invoice, 0)) != NULL) {
		t->matched = 1;
		t->issued = d->invoice_date;
	}
	if (!a->fifo || (g = fcust(a, d, 0)) == NULL)
		return;
	if (is_credit(d)) {
		struct fitem it = { seq, d->invoice_date, 0, -credit_amount(a, d),
		    NULL };
		if (d->ref.n > 0)
			it.t = target(a, d, &d->ref, 0);
		push(&g->credits, &g->ncredits, &g->capc, it);
	} else if (apply_is_item(a, d)) {
		int64_t open = base_open(a, d);
		if (d->type == DOC_INVOICE && t != NULL)
			open += t->sum;
		if (open > 0) {
			struct fitem it = { seq, item_date, d->invoice_date, open, NULL };
			push(&g->items, &g->nitems, &g->capi, it);
		}
	}
}

static int
cmp_fitem(const void *x, const void *y)
{
	const struct fitem *a = x, *b = y;

	if (a->date != b->date)
		return a->date < b->date ? -1 : 1;
	if (a->inv != b->inv)
		return a->inv < b->inv ? -1 : 1;
	return (a->seq > b->seq) - (a->seq < b->seq);
}

static void
result_set(struct apply *a, uint64_t seq, int64_t v)
{
	*(int64_t *)grp_get(a->result, &seq, sizeof(seq), grp_hash(&seq,
	    sizeof(seq))) = v;
}

void
apply_settle(struct apply *a)
{
	void **v;

	if (!a->fifo)
		return;
	v = grp_all(a->fcust);
	for (size_t i = 0; i < grp_len(a->fcust); i++) {
		struct fgroup *g = v[i];
		size_t ci = 0, n = 0;
		/* credits that a matched ref already applies are not FIFO's */
		for (size_t c = 0; c < g->ncredits; c++)
			if (g->credits[c].t == NULL || !g->credits[c].t->matched)
				g->credits[n++] = g->credits[c];
		g->ncredits = n;
		if (g->nitems > 1)
			qsort(g->items, g->nitems, sizeof(struct fitem), cmp_fitem);
		if (g->ncredits > 1)
			qsort(g->credits, g->ncredits, sizeof(struct fitem), cmp_fitem);
		/* oldest credit against the oldest open item */
		for (size_t it = 0; it < g->nitems && ci < g->ncredits; it++) {
			int64_t used = 0;
			while (g->items[it].amt > 0 && ci < g->ncredits) {
				int64_t take = g->credits[ci].amt < g->items[it].amt ?
				    g->credits[ci].amt : g->items[it].amt;
				g->items[it].amt -= take;
				g->credits[ci].amt -= take;
				used += take;
				if (g->credits[ci].amt == 0)
					ci++;
			}
			result_set(a, g->items[it].seq, -used);
		}
		for (size_t c = 0; c < g->ncredits; c++)
			result_set(a, g->credits[c].seq, -g->credits[c].amt);
		free(g->items);
		free(g->credits);
		g->items = g->credits = NULL;
		g->nitems = g->ncredits = 0;
	}
	free(v);
}

static int
result_get(const struct apply *a, uint64_t seq, int64_t *v)
{
	int64_t *p = grp_find(a->result, &seq, sizeof(seq), grp_hash(&seq,
	    sizeof(seq)));

	if (p == NULL)
		return 0;
	*v = *p;
	return 1;
}

int64_t
apply_open(struct apply *a, const struct doc *d, uint64_t seq)
{
	int64_t open = base_open(a, d), adj;
	struct target *t;

	if (d->type == DOC_INVOICE && grp_len(a->targets) > 0 &&
	    (t = target(a, d, &d->invoice, 0)) != NULL)
		if (money_add(&open, t->sum) != 0)
			die(EXIT_FATAL, "amounts applied to one invoice overflow");
	if (a->fifo && result_get(a, seq, &adj))
		open += adj;
	return open;
}

int
apply_is_applied(struct apply *a, const struct doc *d, uint64_t seq,
    int64_t *left)
{
	struct target *t = NULL;

	if (d->ref.n > 0 && grp_len(a->targets) > 0)
		t = target(a, d, &d->ref, 0);
	if (t != NULL && t->matched)
		return 1;
	*left = is_credit(d) ? credit_amount(a, d) : d->amount;
	if (a->fifo && is_credit(d)) {
		int64_t rest;
		if (result_get(a, seq, &rest))
			*left = rest;
	}
	return 0;
}

int32_t
apply_issued(struct apply *a, const struct doc *d)
{
	struct target *t = NULL;

	if (d->ref.n > 0 && grp_len(a->targets) > 0)
		t = target(a, d, &d->ref, 0);
	return t != NULL && t->matched ? t->issued : DATE_NONE;
}

/* ---- dated queries (apply_new(..., dated = 1)) ---- */

static int
paid_counts(const struct doc *d, int32_t date)
{
	return d->paid != 0 && (d->paid_date == DATE_NONE || d->paid_date <= date);
}

int64_t
apply_open_at(struct apply *a, const struct doc *d, int32_t date)
{
	int64_t open = d->amount;
	struct target *t;

	if (paid_counts(d, date))
		open -= d->paid;
	if (d->type == DOC_INVOICE && grp_len(a->targets) > 0 &&
	    (t = target(a, d, &d->invoice, 0)) != NULL)
		for (uint32_t i = 0; i < t->n; i++)
			if (t->list[i].date == DATE_NONE || t->list[i].date <= date)
				if (money_add(&open, t->list[i].amt) != 0)
					die(EXIT_FATAL, "amounts applied to one invoice "
					    "overflow");
	return open;
}

static int
cmp_appl(const void *x, const void *y)
{
	const struct appl *p = x, *q = y;

	return (p->date > q->date) - (p->date < q->date);
}

int32_t
apply_last_receipt(struct apply *a, const struct doc *d, int32_t date,
    int *unknown)
{
	int32_t last = DATE_NONE;
	struct target *t;

	*unknown = 0;
	if (paid_counts(d, date)) {
		if (d->paid_date == DATE_NONE)
			*unknown = 1;
		else
			last = d->paid_date;
	}
	if (d->type == DOC_INVOICE && grp_len(a->targets) > 0 &&
	    (t = target(a, d, &d->invoice, 0)) != NULL)
		for (uint32_t i = 0; i < t->n; i++) {
			int32_t x = t->list[i].date;
			if (x == DATE_NONE)
				*unknown = 1;
			else if (x <= date && (last == DATE_NONE || x > last))
				last = x;
		}
	return last;
}

int32_t
apply_settled(struct apply *a, const struct doc *d, int *unknown)
{
	int64_t open = d->amount;
	struct target *t = NULL;
	struct appl paid = { d->paid_date, DOC_PAYMENT, -d->paid };

	*unknown = 0;
	if (open <= 0)
		return DATE_NONE;
	if (d->type == DOC_INVOICE && grp_len(a->targets) > 0)
		t = target(a, d, &d->invoice, 0);
	if (t != NULL && t->n > 1)
		qsort(t->list, t->n, sizeof(*t->list), cmp_appl);
	/* blank dates first: they count as before any date; then the dated
	 * ones in date order, the paid shorthand in its place among them */
	for (int pass = 0; pass < 2; pass++) {
		uint32_t n = t ? t->n : 0;
		int used = d->paid == 0 || (pass == 0) != (paid.date == DATE_NONE);
		for (uint32_t i = 0; i <= n; i++) {
			const struct appl *e = i < n ? &t->list[i] : NULL;
			if (e != NULL && (pass == 0) != (e->date == DATE_NONE))
				continue;
			if (!used && (e == NULL || pass == 0 || paid.date <= e->date)) {
				used = 1;
				i--;	/* this element comes after */
				e = &paid;
			}
			if (e == NULL)
				break;
			open += e->amt;
			if (open <= 0) {
				if (e->date == DATE_NONE)
					*unknown = 1;
				return e->date;
			}
		}
	}
	return DATE_NONE;
}

void
apply_each(struct apply *a, const struct doc *d, void (*fn)(int32_t date,
    enum doc_type type, int64_t amt, void *arg), void *arg)
{
	struct target *t;

	if (d->type != DOC_INVOICE || grp_len(a->targets) == 0 ||
	    (t = target(a, d, &d->invoice, 0)) == NULL)
		return;
	for (uint32_t i = 0; i < t->n; i++)
		fn(t->list[i].date, (enum doc_type)t->list[i].type, t->list[i].amt,
		    arg);
}

void
apply_join(struct apply *a, struct ledger *led, struct rec_reader *r,
    int basis_invoice, int quiet_next)
{
	struct rec *x;
	struct doc d;
	uint64_t seq = 0;

	while ((x = rec_next(r)) != NULL) {
		if (ledger_read(led, x, &d) == 0)
			apply_collect(a, &d, seq);
		seq++;
		rec_filtered(r, x);
	}
	if (apply_need_match(a)) {
		rec_rewind(r, 1);
		seq = 0;
		while ((x = rec_next(r)) != NULL) {
			if (ledger_read(led, x, &d) == 0)
				apply_match(a, &d, seq, basis_invoice ||
				    d.due_date == DATE_NONE ? d.invoice_date :
				    d.due_date);
			seq++;
			rec_filtered(r, x);
		}
	}
	apply_settle(a);
	rec_rewind(r, quiet_next);
}
