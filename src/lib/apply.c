/* apply.c - the join of receipts and credits to invoices, FIFO among
 * namesakes, and FIFO netting of unapplied credit (SPEC 1.3, 1.10).
 *
 * A receipt, credit note or adjustment with a ref names invoices by
 * (customer, number, currency): a "name". Only named invoices are kept in
 * memory, with every application to them. Most names are one invoice,
 * which takes everything that names it. A name shared by several invoices
 * (numbered afresh each fiscal year, or in several companies) is a set of
 * namesakes: each application goes to the oldest of them that is still
 * open, then the next (FIFO), and what is left over to the newest. Two
 * named invoices with the same company and fiscal year are one document
 * key twice: the second is a duplicate, never netted. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "apply.h"
#include "arena.h"
#include "date.h"
#include "err.h"
#include "grp.h"
#include "money.h"

struct part {		/* what one application does to one invoice */
	int32_t date;
	int32_t type;	/* enum doc_type */
	int64_t amt;	/* on the open: negative for receipts and credits */
};

struct inv {		/* a named invoice */
	uint64_t seq;
	int32_t date;	/* invoice_date, for FIFO among namesakes */
	int has_open;	/* an open-item list's open: taken as is */
	int64_t base;	/* amount less the paid shorthand, or the given open */
	int64_t sum;	/* the applications dated on or before as_of */
	const char *company, *fy;	/* (arena) */
	size_t ncompany, nfy;
	const char *file;
	unsigned long line;
	struct part *parts;	/* dated mode: every application */
	uint32_t n, cap;
};

struct app {		/* an application by ref */
	uint64_t seq;
	int32_t date, type;
	int64_t amt;	/* credit_amount(), or an adjustment's amount */
	const char *company;	/* (arena) blank: any company */
	size_t ncompany;
	int32_t issued;	/* the first invoice it went to; DATE_NONE: none */
	int applied;
};

struct name {
	struct inv *invs;
	struct app *apps;
	uint32_t ninv, capinv, napp, capapp;
};

struct fitem {
	uint64_t seq;
	int32_t date, inv;
	int64_t amt;	/* open (items) or credit left (credits, > 0) */
	int by_ref;	/* a credit by ref: FIFO's only if no invoice took it */
	int named;	/* a named item: its applications come at settle */
};

struct fgroup {		/* one company, customer and currency, FIFO */
	struct fitem *items, *credits;
	size_t nitems, ncredits, capi, capc;
};

struct where {		/* a record's entry: seq -> */
	struct name *nm;
	uint32_t i;	/* index of its inv or app */
	int is_app;
};

struct apply {
	int32_t as_of;
	int fifo, dated, settled;
	struct grp *names;	/* customer,number,currency -> struct name */
	struct grp *bykey;	/* + company, fiscal_year -> struct where */
	struct grp *byseq;	/* seq -> struct where (named invoices, apps) */
	struct grp *dups;	/* seq -> "FILE:LINE" of the first */
	struct grp *fcust;	/* company,customer,currency -> struct fgroup */
	struct grp *result;	/* seq -> int64_t (FIFO outcome) */
	struct arena mem;
	struct key k;
};

struct apply *
apply_new(int32_t as_of, int fifo, int dated)
{
	struct apply *a = xcalloc(1, sizeof(*a));

	a->as_of = as_of;
	a->fifo = fifo;
	a->dated = dated;
	a->names = grp_new(sizeof(struct name));
	a->bykey = grp_new(sizeof(struct where));
	a->byseq = grp_new(sizeof(struct where));
	a->dups = grp_new(sizeof(char *));
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
	v = grp_all(a->names);
	for (size_t i = 0; i < grp_len(a->names); i++) {
		struct name *nm = v[i];
		for (uint32_t j = 0; j < nm->ninv; j++)
			free(nm->invs[j].parts);
		free(nm->invs);
		free(nm->apps);
	}
	free(v);
	grp_free(a->names);
	grp_free(a->bykey);
	grp_free(a->byseq);
	grp_free(a->dups);
	grp_free(a->fcust);
	grp_free(a->result);
	arena_free(&a->mem);
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

static const char *
keep(struct apply *a, const struct text *t)
{
	char *p;

	if (t->n == 0)
		return "";
	p = arena_alloc(&a->mem, t->n);
	memcpy(p, t->p, t->n);
	return p;
}

static struct name *
name_of(struct apply *a, const struct doc *d, const struct text *number,
    int make)
{
	key_reset(&a->k);
	key_add(&a->k, d->customer.p, d->customer.n);
	key_add(&a->k, number->p, number->n);
	key_add(&a->k, d->currency.p, d->currency.n);
	if (make)
		return grp_get(a->names, a->k.p, a->k.n, grp_hash(a->k.p, a->k.n));
	return grp_find(a->names, a->k.p, a->k.n, grp_hash(a->k.p, a->k.n));
}

/* The named invoice of D (an invoice), by its whole document key. */
static struct inv *
inv_of(const struct apply *a, const struct doc *d)
{
	struct key k = { NULL, 0, 0 };
	struct where *w;

	if (d->type != DOC_INVOICE || grp_len(a->bykey) == 0)
		return NULL;
	key_add(&k, d->customer.p, d->customer.n);
	key_add(&k, d->invoice.p, d->invoice.n);
	key_add(&k, d->currency.p, d->currency.n);
	key_add(&k, d->company.p, d->company.n);
	key_add(&k, d->fiscal_year.p, d->fiscal_year.n);
	w = grp_find(a->bykey, k.p, k.n, grp_hash(k.p, k.n));
	free(k.p);
	return w ? &w->nm->invs[w->i] : NULL;
}

static struct where *
seq_of(const struct apply *a, uint64_t seq)
{
	return grp_find(a->byseq, &seq, sizeof(seq), grp_hash(&seq, sizeof(seq)));
}

static int app_applied(const struct apply *a, uint64_t seq);

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
	struct name *nm;
	struct app *p;

	/* (one dated after as_of is kept too: it counts in no sum, but the
	 * name it gives decides the same duplicates whatever the as-of) */
	if (d->type == DOC_INVOICE)
		return;
	/* an open-item list's receipt is what is left of it: never applied
	 * again (SPEC 1.10) */
	if (d->ref.n == 0 || d->has_open) {
		if (a->fifo && is_credit(d) && apply_in_time(a, d))
			fcust(a, d, 1);
		return;
	}
	nm = name_of(a, d, &d->ref, 1);
	if (nm->napp == nm->capapp) {
		nm->capapp = nm->capapp ? 2 * nm->capapp : 2;
		nm->apps = xrealloc(nm->apps, nm->capapp * sizeof(*nm->apps));
	}
	p = &nm->apps[nm->napp++];
	memset(p, 0, sizeof(*p));
	p->seq = seq;
	p->date = d->invoice_date;
	p->type = (int32_t)d->type;
	p->amt = is_credit(d) ? credit_amount(a, d) : d->amount;
	p->company = keep(a, &d->company);
	p->ncompany = d->company.n;
	p->issued = DATE_NONE;
	if (a->fifo && is_credit(d) && apply_in_time(a, d))
		fcust(a, d, 1);
}

int
apply_need_match(const struct apply *a)
{
	return grp_len(a->names) > 0 || grp_len(a->fcust) > 0;
}

int
apply_is_item(const struct apply *a, const struct doc *d, uint64_t seq)
{
	if (d->type == DOC_INVOICE)
		return 1;
	if (d->type != DOC_ADJUSTMENT)
		return 0;
	/* an adjustment that no invoice takes is aged on its own */
	return d->ref.n == 0 || d->has_open || !app_applied(a, seq);
}

static int64_t
base_open(const struct apply *a, const struct doc *d)
{
	int64_t open = d->amount;

	if (d->has_open)
		return d->open;
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

/* A named invoice, in pass 2: a candidate of its name, or a duplicate. */
static struct inv *
add_inv(struct apply *a, struct name *nm, const struct doc *d, uint64_t seq,
    const char *file, unsigned long line)
{
	struct inv *v;
	struct where *w;
	struct key k = { NULL, 0, 0 };

	key_add(&k, d->customer.p, d->customer.n);
	key_add(&k, d->invoice.p, d->invoice.n);
	key_add(&k, d->currency.p, d->currency.n);
	key_add(&k, d->company.p, d->company.n);
	key_add(&k, d->fiscal_year.p, d->fiscal_year.n);
	w = grp_find(a->bykey, k.p, k.n, grp_hash(k.p, k.n));
	if (w != NULL) {
		/* the same document key twice (SPEC 1.3) */
		const struct inv *first = &w->nm->invs[w->i];
		size_t fl = strlen(first->file) + 24;
		char *s = arena_alloc(&a->mem, fl);
		snprintf(s, fl, "%s:%lu", first->file, first->line);
		*(char **)grp_get(a->dups, &seq, sizeof(seq), grp_hash(&seq,
		    sizeof(seq))) = s;
		free(k.p);
		return NULL;
	}
	if (nm->ninv == nm->capinv) {
		nm->capinv = nm->capinv ? 2 * nm->capinv : 1;
		nm->invs = xrealloc(nm->invs, nm->capinv * sizeof(*nm->invs));
	}
	v = &nm->invs[nm->ninv];
	memset(v, 0, sizeof(*v));
	v->seq = seq;
	v->date = d->invoice_date;
	v->has_open = d->has_open;
	v->base = base_open(a, d);
	v->company = keep(a, &d->company);
	v->ncompany = d->company.n;
	v->fy = keep(a, &d->fiscal_year);
	v->nfy = d->fiscal_year.n;
	v->file = keep(a, &(struct text){ file, strlen(file) + 1 });
	v->line = line;
	w = grp_get(a->bykey, k.p, k.n, grp_hash(k.p, k.n));
	w->nm = nm;
	w->i = nm->ninv++;
	free(k.p);
	return v;
}

void
apply_match(struct apply *a, const struct doc *d, uint64_t seq,
    int32_t item_date, const char *file, unsigned long line)
{
	struct name *nm = NULL;
	struct fgroup *g;
	int named = 0;

	if (!apply_in_time(a, d))
		return;
	if (d->type == DOC_INVOICE && (nm = name_of(a, d, &d->invoice, 0)) != NULL)
		named = add_inv(a, nm, d, seq, file ? file : "", line) != NULL;
	if (!a->fifo || (g = fcust(a, d, 0)) == NULL)
		return;
	if (is_credit(d)) {
		struct fitem it = { seq, d->invoice_date, 0,
		    d->has_open ? (d->open < 0 ? -d->open : d->open) :
		    -credit_amount(a, d), 0, 0 };
		it.by_ref = d->ref.n > 0 && !d->has_open;
		push(&g->credits, &g->ncredits, &g->capc, it);
	} else if (d->type == DOC_INVOICE || d->ref.n == 0 || d->has_open) {
		struct fitem it = { seq, item_date, d->invoice_date,
		    base_open(a, d), 0, named };
		push(&g->items, &g->nitems, &g->capi, it);
	}
}

const char *
apply_duplicate(const struct apply *a, uint64_t seq)
{
	char **s;

	if (grp_len(a->dups) == 0)	/* (the usual ledger) */
		return NULL;
	s = grp_find(a->dups, &seq, sizeof(seq), grp_hash(&seq, sizeof(seq)));
	return s ? *s : NULL;
}

/* ---- settle: namesakes, then FIFO ---- */

static void
add_part(struct apply *a, struct inv *v, const struct app *p, int64_t amt)
{
	if (a->dated) {
		if (v->n == v->cap) {
			v->cap = v->cap ? 2 * v->cap : 2;
			v->parts = xrealloc(v->parts, v->cap * sizeof(*v->parts));
		}
		v->parts[v->n++] = (struct part){ p->date, p->type, amt };
	}
	if (v->has_open)
		return;		/* already in the open the list gives */
	if (p->date != DATE_NONE && p->date > a->as_of)
		return;
	if (money_add(&v->sum, amt) != 0)
		die(EXIT_FATAL, "amounts applied to one invoice overflow");
}

static const struct inv *cmp_base;

static int
cmp_inv(const void *x, const void *y)
{
	const struct inv *p = &cmp_base[*(const uint32_t *)x];
	const struct inv *q = &cmp_base[*(const uint32_t *)y];

	if (p->date != q->date)
		return p->date < q->date ? -1 : 1;
	return (p->seq > q->seq) - (p->seq < q->seq);
}

static const struct app *cmp_apps;

static int
cmp_app(const void *x, const void *y)
{
	const struct app *p = &cmp_apps[*(const uint32_t *)x];
	const struct app *q = &cmp_apps[*(const uint32_t *)y];

	if (p->date != q->date)
		return p->date < q->date ? -1 : 1;
	return (p->seq > q->seq) - (p->seq < q->seq);
}

static int
company_ok(const struct app *p, const struct inv *v)
{
	return p->ncompany == 0 || (p->ncompany == v->ncompany &&
	    memcmp(p->company, v->company, v->ncompany) == 0);
}

/* Every application of a name to its invoices: one takes all; namesakes
 * FIFO by invoice date, each up to what it has open, the rest to the
 * newest (SPEC 1.3). */
static void
settle_name(struct apply *a, struct name *nm)
{
	uint32_t *io, *ao;
	int64_t *rem;

	if (nm->ninv == 0)
		return;		/* no invoice of that name: all unapplied */
	io = xcalloc(nm->ninv, sizeof(*io));
	ao = xcalloc(nm->napp + 1, sizeof(*ao));
	rem = xcalloc(nm->ninv, sizeof(*rem));
	for (uint32_t i = 0; i < nm->ninv; i++)
		io[i] = i;
	for (uint32_t i = 0; i < nm->napp; i++)
		ao[i] = i;
	cmp_base = nm->invs;
	qsort(io, nm->ninv, sizeof(*io), cmp_inv);
	cmp_apps = nm->apps;
	qsort(ao, nm->napp, sizeof(*ao), cmp_app);
	for (uint32_t i = 0; i < nm->ninv; i++)
		rem[i] = nm->invs[i].base;
	for (uint32_t j = 0; j < nm->napp; j++) {
		struct app *p = &nm->apps[ao[j]];
		int64_t left = p->amt < 0 ? -p->amt : p->amt;
		uint32_t last = UINT32_MAX;
		for (uint32_t i = 0; i < nm->ninv; i++) {
			uint32_t k = io[i];
			int64_t take;
			if (!company_ok(p, &nm->invs[k]))
				continue;
			last = k;
			if (!p->applied)
				p->issued = nm->invs[k].date;
			p->applied = 1;
			if (p->amt > 0) {	/* raises the open: the oldest */
				add_part(a, &nm->invs[k], p, p->amt);
				if (money_add(&rem[k], p->amt) != 0)
					die(EXIT_FATAL, "amounts applied to one invoice "
					    "overflow");
				left = 0;
				break;
			}
			if (rem[k] <= 0 || left == 0)
				continue;
			take = left < rem[k] ? left : rem[k];
			add_part(a, &nm->invs[k], p, -take);
			rem[k] -= take;
			left -= take;
		}
		if (left > 0 && last != UINT32_MAX) {	/* paid over: the newest */
			add_part(a, &nm->invs[last], p, -left);
			rem[last] -= left;
		}
	}
	free(io);
	free(ao);
	free(rem);
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

static int
app_applied(const struct apply *a, uint64_t seq)
{
	struct where *w = seq_of(a, seq);

	return w != NULL && w->is_app && w->nm->apps[w->i].applied;
}

/* --apply fifo: the oldest credit against the oldest open item. */
static void
settle_fifo(struct apply *a)
{
	void **v = grp_all(a->fcust);

	for (size_t i = 0; i < grp_len(a->fcust); i++) {
		struct fgroup *g = v[i];
		size_t ci = 0, n = 0;
		/* credits that an invoice already takes are not FIFO's */
		for (size_t c = 0; c < g->ncredits; c++)
			if (!g->credits[c].by_ref || !app_applied(a,
			    g->credits[c].seq))
				g->credits[n++] = g->credits[c];
		g->ncredits = n;
		/* a named item's open is known now */
		for (size_t it = 0; it < g->nitems; it++) {
			struct where *w;
			if (!g->items[it].named)
				continue;
			w = seq_of(a, g->items[it].seq);
			if (w != NULL && !w->is_app)
				g->items[it].amt += w->nm->invs[w->i].sum;
		}
		n = 0;
		for (size_t it = 0; it < g->nitems; it++)
			if (g->items[it].amt > 0)
				g->items[n++] = g->items[it];
		g->nitems = n;
		if (g->nitems > 1)
			qsort(g->items, g->nitems, sizeof(struct fitem), cmp_fitem);
		if (g->ncredits > 1)
			qsort(g->credits, g->ncredits, sizeof(struct fitem), cmp_fitem);
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

void
apply_settle(struct apply *a)
{
	void **v = grp_all(a->names);

	for (size_t i = 0; i < grp_len(a->names); i++) {
		struct name *nm = v[i];
		settle_name(a, nm);
		for (uint32_t j = 0; j < nm->ninv; j++) {
			struct where *w = grp_get(a->byseq, &nm->invs[j].seq,
			    sizeof(uint64_t), grp_hash(&nm->invs[j].seq,
			    sizeof(uint64_t)));
			*w = (struct where){ nm, j, 0 };
		}
		for (uint32_t j = 0; j < nm->napp; j++) {
			struct where *w = grp_get(a->byseq, &nm->apps[j].seq,
			    sizeof(uint64_t), grp_hash(&nm->apps[j].seq,
			    sizeof(uint64_t)));
			*w = (struct where){ nm, j, 1 };
		}
	}
	free(v);
	a->settled = 1;
	if (a->fifo)
		settle_fifo(a);
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

/* The named invoice of record SEQ (an invoice), or NULL. */
static struct inv *
named(const struct apply *a, const struct doc *d, uint64_t seq)
{
	struct where *w;

	if (d->type != DOC_INVOICE || grp_len(a->byseq) == 0)
		return NULL;
	w = seq_of(a, seq);
	return w != NULL && !w->is_app ? &w->nm->invs[w->i] : NULL;
}

int64_t
apply_open(struct apply *a, const struct doc *d, uint64_t seq)
{
	int64_t open = base_open(a, d), adj;
	struct inv *v = named(a, d, seq);

	if (v != NULL && money_add(&open, v->sum) != 0)
		die(EXIT_FATAL, "amounts applied to one invoice overflow");
	if (a->fifo && result_get(a, seq, &adj))
		open += adj;
	return open;
}

int
apply_is_applied(struct apply *a, const struct doc *d, uint64_t seq,
    int64_t *left)
{
	if (d->ref.n > 0 && !d->has_open && app_applied(a, seq))
		return 1;
	if (d->has_open)
		*left = d->open;
	else
		*left = is_credit(d) ? credit_amount(a, d) : d->amount;
	if (a->fifo && is_credit(d)) {
		int64_t rest;
		if (result_get(a, seq, &rest))
			*left = rest;
	}
	return 0;
}

int32_t
apply_issued(struct apply *a, const struct doc *d, uint64_t seq)
{
	struct where *w;

	if (d->ref.n == 0 || d->has_open || (w = seq_of(a, seq)) == NULL ||
	    !w->is_app || !w->nm->apps[w->i].applied)
		return DATE_NONE;
	return w->nm->apps[w->i].issued;
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
	struct inv *v;

	if (d->has_open)
		return d->open;
	if (paid_counts(d, date))
		open -= d->paid;
	if ((v = inv_of(a, d)) != NULL)
		for (uint32_t i = 0; i < v->n; i++)
			if (v->parts[i].date == DATE_NONE || v->parts[i].date <= date)
				if (money_add(&open, v->parts[i].amt) != 0)
					die(EXIT_FATAL, "amounts applied to one invoice "
					    "overflow");
	return open;
}

static int
cmp_part(const void *x, const void *y)
{
	const struct part *p = x, *q = y;

	return (p->date > q->date) - (p->date < q->date);
}

int32_t
apply_last_receipt(struct apply *a, const struct doc *d, int32_t date,
    int *unknown)
{
	int32_t last = DATE_NONE;
	struct inv *v;

	*unknown = 0;
	if (paid_counts(d, date)) {
		if (d->paid_date == DATE_NONE)
			*unknown = 1;
		else
			last = d->paid_date;
	}
	if ((v = inv_of(a, d)) != NULL)
		for (uint32_t i = 0; i < v->n; i++) {
			int32_t x = v->parts[i].date;
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
	struct inv *v = NULL;
	struct part paid = { d->paid_date, DOC_PAYMENT, -d->paid };

	*unknown = 0;
	if (d->has_open || open <= 0)
		return DATE_NONE;
	v = inv_of(a, d);
	if (v != NULL && v->n > 1)
		qsort(v->parts, v->n, sizeof(*v->parts), cmp_part);
	/* blank dates first: they count as before any date; then the dated
	 * ones in date order, the paid shorthand in its place among them */
	for (int pass = 0; pass < 2; pass++) {
		uint32_t n = v ? v->n : 0;
		int used = d->paid == 0 || (pass == 0) != (paid.date == DATE_NONE);
		for (uint32_t i = 0; i <= n; i++) {
			const struct part *e = i < n ? &v->parts[i] : NULL;
			if (e != NULL && (pass == 0) != (e->date == DATE_NONE))
				continue;
			if (!used && (e == NULL || pass == 0 || paid.date <= e->date)) {
				used = 1;
				i--;	/* this element comes after */
				e = &paid;
			}
			if (e == NULL)
				break;
			if (money_add(&open, e->amt) != 0)
				die(EXIT_FATAL, "amounts applied to one invoice overflow");
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
	struct inv *v = inv_of(a, d);

	if (v == NULL || v->has_open)
		return;
	for (uint32_t i = 0; i < v->n; i++)
		fn(v->parts[i].date, (enum doc_type)v->parts[i].type,
		    v->parts[i].amt, arg);
}

int
apply_reject_duplicate(struct apply *a, struct rec_reader *r, struct rec *x,
    uint64_t seq)
{
	const char *first = apply_duplicate(a, seq);

	if (first == NULL)
		return 0;
	rec_reject(r, x, "duplicate document key (company, customer, invoice, "
	    "fiscal_year), first at %s", first);
	return -1;
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
				    d.due_date, x->file, x->line);
			seq++;
			rec_filtered(r, x);
		}
	}
	apply_settle(a);
	rec_rewind(r, quiet_next);
}

static void
move_add(int32_t date, enum doc_type type, int64_t amt, void *arg)
{
	struct balmoves *m = arg;

	(void)type;
	if (m->n == m->cap) {
		m->cap = m->cap ? 2 * m->cap : 8;
		m->v = xrealloc(m->v, m->cap * sizeof(*m->v));
	}
	m->v[m->n].date = date;
	m->v[m->n++].amt = amt;
}

void
apply_moves(struct apply *a, const struct doc *d, struct balmoves *m)
{
	m->n = 0;
	if (d->paid != 0)
		move_add(d->paid_date, DOC_PAYMENT, -d->paid, m);
	apply_each(a, d, move_add, m);
	balmove_sort(m->v, m->n);
}
