/* ar-statement - statement of account, confirmation and demand letters
 * (对账单, 对账函, 催款函), SPEC 8. */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "aging.h"
#include "apply.h"
#include "arena.h"
#include "company.h"
#include "date.h"
#include "docw.h"
#include "err.h"
#include "gby.h"
#include "grp.h"
#include "interest.h"
#include "ledger.h"
#include "money.h"
#include "opts.h"
#include "out.h"
#include "prose.h"
#include "rec.h"
#include "stmt.h"
#include "stmtdoc.h"

/* a demand states one pay-by date, this many days after the letter (as
 * dun-plan's firm notice, SPEC 5.1) */
#define PAY_DAYS 10

enum { OPT_DOC = OPT_TOOL, OPT_COMPANY, OPT_ONLY, OPT_INTEREST_CAP, OPT_RATE,
	OPT_DAILY_RATE, OPT_GRACE, OPT_GRACE_MODE };

static struct {
	struct common c;
	int doc;		/* -1: records; else enum stmt_kind */
	const char *company, *only;
	struct interest rate;
	int have_rate, have_cap;
	const char *rate_arg, *cap_arg;
	struct decimal cap;
	int32_t from, to;
} opt = { .doc = -1 };

static struct buckets bk;
static struct apply *ap;
static struct grp *only_cc, *only_c;	/* --only: customer+currency, customer */
static struct key gkey;			/* the calling thread's */

/* What one reader works with: the file, or one byte range of it on a
 * thread of its own (SPEC 1.6) when no record needs another's (no
 * documents to join, no interest claims). */
struct run {
	struct rec_reader *rd;
	struct ledger led;
	struct gby *groups;	/* customer, currency -> struct acc */
	struct key gkey;
	/* every statement's lines, items and credits, in input order, in
	 * chunks of its own from one arena (no allocation per customer or
	 * per record: big blocks, huge pages), gathered at the end; and
	 * the texts they keep */
	struct arena elems, mem;
	uint64_t seq;		/* a range's own count (ranges: see gather) */
};

static struct run run0;
static int threaded;		/* the ledger is read in ranges */
/* the arenas of the ranges after the first, kept for the output */
static struct {
	struct arena *v;
	size_t n, cap;
} kept;
enum { L_LINE, L_ITEM, L_CREDIT };

static struct balmoves mv;	/* one invoice's balance moves, reused */

static struct stmt_text
keep(struct run *w, const struct text *t)
{
	struct stmt_text s = { "", 0 };

	if (t->n > 0) {
		s.p = arena_dup(&w->mem, t->p, t->n);
		s.n = t->n;
	}
	return s;
}

/* ---- --only: the customers of any CSV with a customer column ---- */

static void
read_only(const char *path)
{
	struct rec_opts o;
	struct rec_reader *r;
	struct rec *x;
	char *files[] = { (char *)path };
	int cc, ccur;

	memset(&o, 0, sizeof(o));
	r = rec_open(files, 1, &o);
	only_cc = grp_new(sizeof(int));
	only_c = grp_new(sizeof(int));
	if (rec_empty(r)) {
		rec_close(r, 0);
		return;
	}
	cc = rec_col(r, "customer");
	ccur = rec_col(r, "currency");
	rec_require(r, cc);
	while ((x = rec_next(r)) != NULL) {
		struct text cust, cur = { "", 0 };
		if (field_text(r, x, cc, &cust, 1) != 0 ||
		    (rec_has(r, ccur) && field_text(r, x, ccur, &cur, 0) != 0))
			continue;
		key_reset(&gkey);
		key_add(&gkey, cust.p, cust.n);
		if (cur.n == 0)
			grp_get(only_c, gkey.p, gkey.n, grp_hash(gkey.p, gkey.n));
		else {
			key_add(&gkey, cur.p, cur.n);
			grp_get(only_cc, gkey.p, gkey.n, grp_hash(gkey.p, gkey.n));
		}
		rec_written(r, x);
	}
	if (rec_close(r, 0) != 0)
		die(EXIT_FATAL, "%s: rejected records in the --only file", path);
}

/* --only's customers that the ledger does not have up to --to. */
static void
only_unseen(void)
{
	struct grp *sets[2] = { only_c, only_cc };
	unsigned long n = 0;
	const char *first = NULL;
	size_t firstn;

	for (int k = 0; k < 2; k++) {
		void **v = grp_sorted(sets[k]);
		for (size_t i = 0; i < grp_len(sets[k]); i++)
			if (*(int *)v[i] == 0 && n++ == 0)
				first = grp_key(v[i], &firstn);
		free(v);
	}
	if (n > 0) {
		char d[16], q[ERR_QUOTE_MAX];
		date_format(d, opt.to);
		first = err_quote(q, first, strlen(first));
		note("--only: %lu customer%s not in the ledger up to %s, such as "
		    "\"%s\"", n, n > 1 ? "s" : "", d, first);
	}
}

/* --only's entry for the customer (C, CN), or for the customer and the
 * currency (U, UN), or NULL: K is the key buffer to use. */
static int *
only_of(struct key *k, const char *c, size_t cn, const char *u, size_t un)
{
	int *seen;

	key_reset(k);
	key_add(k, c, cn);
	if ((seen = grp_find(only_c, k->p, k->n, grp_hash(k->p, k->n))) != NULL)
		return seen;
	key_add(k, u, un);
	return grp_find(only_cc, k->p, k->n, grp_hash(k->p, k->n));
}

/* (read on the ranges' threads: the customers seen are marked when the
 * statements are written) */
static int
wanted(struct run *w, const struct doc *d)
{
	return only_c == NULL || only_of(&w->gkey, d->customer.p,
	    d->customer.n, d->currency.p, d->currency.n) != NULL;
}

/* ---- the pass over the ledger ---- */

static void
cust_key(struct key *k, const struct doc *d)
{
	key_reset(k);
	key_add(k, d->customer.p, d->customer.n);
	key_add(k, d->currency.p, d->currency.n);
}

/* A statement while the ledger is read: its sums, and its lines, items
 * and credits in chunks of its own (side by side when gathered), in the
 * group table's entry that the pipe prefetches (SPEC 1.6). */
struct chunk {
	struct chunk *next;
	uint32_t n, cap;
	_Alignas(16) char data[];
};

struct acc {
	int64_t opening, closing;
	struct chunk *head[3], *tail[3];	/* L_* */
	struct stmt *s;		/* made by an interest claim, else in finish */
	/* the tail chunk's count and size, here where the next element's
	 * place is known without reading the chunk (acc_touch); a chunk
	 * before the tail holds its count itself */
	uint16_t tn[3], tcap[3];
	int dec;
};

/* An open item as it is kept while the ledger is read: a stmt_item
 * without what the end of the period gives (days, bucket). Read in a
 * range (no documents, no interest) it is this alone, 40 bytes: its seq
 * is its place, adjusted 0, no moves. */
struct litem {
	int64_t amount, open;
	const char *inv;
	uint32_t invn;
	int32_t date, due;
	uint8_t disputed;
};

/* Read on one thread: with its seq, adjustments and balance moves. */
struct citem {
	struct litem l;		/* (first: a citem is a litem) */
	uint64_t seq;
	int64_t adjusted;
	struct balmove *mv;	/* owes: its balance moves (interest) */
	uint32_t nmv;
	uint8_t owes;
};

/* (the items' size: main makes them litems when the ledger is read in
 * ranges) */
static size_t el_size[] = { sizeof(struct stmt_line), sizeof(struct citem),
	sizeof(struct stmt_credit) };

/* What one record does to its statement, made before the statement is at
 * hand (the statements are reached through the pipe). */
struct pend {
	int64_t opening, closing;	/* to add */
	int n, dec;
	uint8_t list[3];			/* L_* of each element */
	union {
		struct stmt_line line;
		struct citem item;	/* (or its litem) */
		struct stmt_credit credit;
	} el[3];
};

/* A new element for list L of the statement P is for. */
static void *
el_new(struct pend *p, int l)
{
	void *e = &p->el[p->n];

	memset(e, 0, sizeof(p->el[0]));
	p->list[p->n++] = (uint8_t)l;
	return e;
}

/* The elements of chunk C of A's list L. */
static uint32_t
chunk_n(const struct acc *a, int l, const struct chunk *c)
{
	return c == a->tail[l] ? a->tn[l] : c->n;
}

/* A copy of element E at the end of A's list L, in chunks from EL. */
static void *
acc_add(struct arena *el, struct acc *a, int l, const void *e)
{
	struct chunk *c = a->tail[l];
	void *to;

	if (c == NULL || a->tn[l] == a->tcap[l]) {
		/* (half as much again: the last chunk's slack is a third
		 * of the list at most) */
		uint32_t cap = c == NULL ? 4 : a->tcap[l] < 256 ? a->tcap[l] +
		    a->tcap[l] / 2 : 256;
		struct chunk *nc = arena_alloc(el, sizeof(*nc) + cap *
		    el_size[l]);
		nc->next = NULL;
		nc->n = nc->cap = cap;	/* full once it is not the tail */
		if (c == NULL)
			a->head[l] = nc;
		else
			c->next = nc;
		a->tail[l] = c = nc;
		a->tn[l] = 0;
		a->tcap[l] = (uint16_t)cap;
	}
	to = c->data + (size_t)a->tn[l]++ * el_size[l];
	memcpy(to, e, el_size[l]);
	return to;
}

/* (gby's touch: where the record's elements will go, a few records
 * before they do - the write would otherwise wait for memory) */
static void
acc_touch(const void *payload, const void *data)
{
	const struct acc *a = payload;
	const struct pend *p = data;

	for (int i = 0; i < p->n; i++) {
		int l = p->list[i];
		if (a->tail[l] != NULL && a->tn[l] < a->tcap[l]) {
			const char *to = a->tail[l]->data + (size_t)a->tn[l] *
			    el_size[l];
			__builtin_prefetch(to, 1);
			__builtin_prefetch(to + el_size[l] - 1, 1);
		}
	}
}

/* (gby's update: CTX is the run) */
static void
pend_apply(void *payload, const void *data, void *ctx)
{
	struct acc *a = payload;
	const struct pend *p = data;
	struct run *w = ctx;

	a->dec = p->dec;
	money_sum(&a->opening, p->opening);
	money_sum(&a->closing, p->closing);
	for (int i = 0; i < p->n; i++)
		acc_add(&w->elems, a, p->list[i], &p->el[i]);
}

/* (gby's merge: a later range's statement FROM after INTO; neither has
 * interest claims, which keep to one thread) */
static void
acc_merge(void *into, const void *from, void *ctx)
{
	struct acc *a = into;
	const struct acc *b = from;

	(void)ctx;
	a->dec = b->dec;
	money_sum(&a->opening, b->opening);
	money_sum(&a->closing, b->closing);
	for (int l = 0; l < 3; l++) {
		if (b->head[l] == NULL)
			continue;
		if (a->tail[l] == NULL)
			a->head[l] = b->head[l];
		else {
			a->tail[l]->n = a->tn[l];	/* no longer the tail */
			a->tail[l]->next = b->head[l];
		}
		a->tail[l] = b->tail[l];
		a->tn[l] = b->tn[l];
		a->tcap[l] = b->tcap[l];
	}
}

static const struct gby_ops acc_ops = {
	sizeof(struct acc), sizeof(struct pend), pend_apply, acc_merge,
	acc_touch
};

static struct stmt *
stmt_of(struct acc *a)
{
	if (a->s == NULL) {
		a->s = arena_alloc(&run0.mem, sizeof(*a->s));
		memset(a->s, 0, sizeof(*a->s));
	}
	return a->s;
}

/* A move of the balance on DATE: before the period it is in the
 * opening, in it a line. */
static void
move(struct run *w, struct pend *p, const struct doc *d, uint64_t seq,
    int32_t date, int64_t amt, int shorthand)
{
	struct stmt_line *l;

	if (date == DATE_NONE || date < opt.from) {
		money_sum(&p->opening, amt);
		return;
	}
	l = el_new(p, L_LINE);
	l->seq = seq;
	l->date = date;
	l->due = d->type == DOC_INVOICE ? d->due_date : DATE_NONE;
	l->type = (int)d->type;
	l->shorthand = shorthand;
	l->amount = amt;
	l->inv = keep(w, &d->invoice);
	l->ref = keep(w, &d->ref);
}

/* What a receipt or credit note takes off the balance, whatever its sign
 * (its paid: the part already applied elsewhere, as apply.c counts it). */
static int64_t
credit_effect(const struct doc *d)
{
	int64_t v = d->amount;

	if (d->has_open)
		return d->open;
	if (d->paid != 0 && (d->paid_date == DATE_NONE || d->paid_date <=
	    opt.to))
		v -= d->paid;
	return v < 0 ? v : -v;
}

/* The moves of a document's balance up to the end of the period. */
static void
moves(struct run *w, struct pend *p, const struct doc *d, uint64_t seq)
{
	if (d->type == DOC_PAYMENT || d->type == DOC_CREDIT_NOTE) {
		move(w, p, d, seq, d->invoice_date, credit_effect(d), 0);
		return;
	}
	move(w, p, d, seq, d->invoice_date, d->has_open ? d->open : d->amount,
	    0);
	/* the paid shorthand: one receipt on paid_date; with no date,
	 * received before any as-of: on the invoice's own date */
	if (d->has_open || d->paid == 0 || (d->paid_date != DATE_NONE &&
	    d->paid_date > opt.to))
		return;
	move(w, p, d, seq, d->paid_date != DATE_NONE ? d->paid_date :
	    d->invoice_date, -d->paid, 1);
}

/* The adjustments applied to an invoice by ref (its amount as billed). */
static void
adj_add(int32_t date, enum doc_type type, int64_t amt, void *arg)
{
	(void)date;
	if (type == DOC_ADJUSTMENT)
		money_sum(arg, amt);
}

/* Late interest by balance segment (SPEC 3), never on a disputed item.
 * An invoice open at the end is charged once the unapplied cash is
 * matched (stmt_claims): here its moves are kept. One paid in full is
 * charged now, when it was paid late within the period. */
static struct {
	struct stmt_seg *v;
	size_t n, cap;
} segs;

static void
interest(struct run *w, struct stmt *s, const struct doc *d, uint64_t seq,
    int64_t open, struct citem *t)
{
	struct claim c;

	if (d->disputed || d->due_date == DATE_NONE || d->type != DOC_INVOICE)
		return;
	segs.n = 0;
	if (d->has_open) {	/* no history: its open for every day */
		memset(&c, 0, sizeof(c));
		if (interest_of(&opt.rate, open, opt.to - d->due_date,
		    &c.interest) != 0)
			die(EXIT_FATAL, "interest too large to compute");
		c.max_bal = open;
		stmt_seg_add(opt.rate.deduct ? d->due_date + opt.rate.grace :
		    d->due_date, opt.to, open, &segs);
		if (c.interest > 0 && stmt_claim_add(s, seq, keep(w, &d->invoice),
		    d->amount, d->due_date, opt.to, open, &c, segs.v, segs.n,
		    opt.have_cap ? &opt.cap : NULL) != 0)
			die(EXIT_FATAL, "interest too large to compute");
		return;
	}
	apply_moves(ap, d, &mv);
	if (t != NULL && open > 0) {	/* later, with the matching */
		if (mv.n > UINT32_MAX)
			die(EXIT_FATAL, "more than %u moves of one invoice's "
			    "balance", UINT32_MAX);
		t->owes = 1;
		t->nmv = (uint32_t)mv.n;
		t->mv = mv.n ? arena_alloc(&w->mem, mv.n * sizeof(*mv.v)) : NULL;
		if (mv.n)
			memcpy(t->mv, mv.v, mv.n * sizeof(*mv.v));
		return;
	}
	if (interest_claim(&opt.rate, d->amount, d->due_date, opt.to, mv.v,
	    mv.n, &c, stmt_seg_add, &segs) != 0)
		die(EXIT_FATAL, "interest too large to compute");
	if (c.interest <= 0 || (open <= 0 && c.last < opt.from))
		return;
	if (stmt_claim_add(s, seq, keep(w, &d->invoice), d->amount, d->due_date,
	    open > 0 ? opt.to : c.last, open, &c, segs.v, segs.n,
	    opt.have_cap ? &opt.cap : NULL) != 0)
		die(EXIT_FATAL, "interest too large to compute");
}

/* One record: what it does to its statement. SEQ is its place in the
 * input (in a range: in the range). */
static void
process(struct run *w, struct rec *x, uint64_t seq)
{
	struct rec_reader *rd = w->rd;
	struct doc d;
	struct pend p;
	struct citem *t = NULL;
	int64_t left, open = 0;
	int item;

	if (ledger_read(&w->led, x, &d) != 0)
		return;
	if (apply_reject_duplicate(ap, rd, x, seq) != 0)
		return;
	if (!apply_in_time(ap, &d) || !wanted(w, &d)) {
		rec_filtered(rd, x);	/* after the period, or not --only's */
		return;
	}
	memset(&p, 0, offsetof(struct pend, el));	/* (el_new: the rest) */
	p.dec = d.dec;
	moves(w, &p, &d, seq);
	if ((item = apply_is_item(ap, &d, seq)) != 0) {
		open = apply_open(ap, &d, seq);
		if (open != 0) {
			struct stmt_text inv = keep(w, &d.invoice);
			struct litem *u = el_new(&p, L_ITEM);
			u->date = d.invoice_date;
			u->due = d.due_date;
			u->disputed = d.disputed != 0;
			u->amount = d.has_open ? d.open : d.amount;
			u->open = open;
			u->inv = inv.p;
			u->invn = (uint32_t)inv.n;	/* < --max-record */
			p.closing = open;
			if (!threaded) {
				t = (struct citem *)(void *)u;
				t->seq = seq;
				if (!d.has_open)
					apply_each(ap, &d, adj_add, &t->adjusted);
			}
		}
	} else if (!apply_is_applied(ap, &d, seq, &left) && left != 0) {
		struct stmt_credit *c = el_new(&p, L_CREDIT);
		c->seq = seq;
		c->date = d.invoice_date;
		c->type = (int)d.type;
		c->left = left;
		c->inv = keep(w, &d.invoice);
		p.closing = left;
	}
	cust_key(&w->gkey, &d);
	if (item && opt.have_rate) {
		/* interest claims are made on the statement itself (one
		 * thread: see main) */
		struct acc *a = gby_get(w->groups, w->gkey.p, w->gkey.n);
		pend_apply(a, &p, w);
		if (t != NULL)	/* the copy in the statement */
			t = (struct citem *)(void *)(a->tail[L_ITEM]->data +
			    (size_t)(a->tn[L_ITEM] - 1) * sizeof(*t));
		interest(w, stmt_of(a), &d, seq, open, t);
	} else
		gby_push(w->groups, w->gkey.p, w->gkey.n, &p);
	rec_written(rd, x);
}

static void
run_init(struct run *w, struct rec_reader *rd)
{
	memset(w, 0, sizeof(*w));
	w->rd = rd;
	ledger_init(&w->led, rd, opt.c.currency, LD_DUE);
	w->groups = gby_new(&acc_ops, w);
}

static void
run_release(void *run)
{
	struct run *w = run;

	gby_free(w->groups);
	free(w->gkey.p);
	arena_free(&w->elems);
	arena_free(&w->mem);
}

/* rec_reduce: each range of the file gets a run of its own. */
static void
range_init(void *w, struct rec_reader *rd)
{
	run_init(w, rd);
}

static void
range_map(void *run, struct rec *x)
{
	struct run *w = run;

	process(w, x, w->seq++);
}

static struct gby_runs runs = {
	sizeof(struct run), offsetof(struct run, groups), range_init,
	run_release, NULL
};

/* (merged in input order: the range's statements join the first's, and
 * its arenas stay for the output) */
static void
range_merge(void *into, void *from, void *ctx)
{
	struct run *w = from;

	if (kept.n + 2 > kept.cap) {
		kept.cap = kept.cap ? 2 * kept.cap : 8;
		kept.v = xrealloc(kept.v, kept.cap * sizeof(*kept.v));
	}
	kept.v[kept.n++] = w->elems;
	kept.v[kept.n++] = w->mem;
	memset(&w->elems, 0, sizeof(w->elems));
	memset(&w->mem, 0, sizeof(w->mem));
	gby_run_merge(into, from, ctx);
}

static const struct rec_reduce ranges = {
	gby_run_state, range_map, gby_run_finish, range_merge, gby_run_free
};

/* ---- records out ---- */

static const struct ocol cols[] = {
	{ "kind", 0 }, { "customer", 0 }, { "currency", 0 },
	{ "period_start", 0 }, { "period_end", 0 }, { "date", 0 },
	{ "doc_type", 0 }, { "invoice", 0 }, { "ref", 0 }, { "due_date", 0 },
	{ "days_overdue", 1 }, { "bucket", 0 }, { "amount", 1 },
	{ "running_balance", 1 }, { "balance", 1 }, { "credit_left", 1 },
	{ "interest", 1 }, { "claim", 1 }, { "over_cap", 0 }
};
enum { K_KIND, K_CUST, K_CUR, K_PSTART, K_PEND, K_DATE, K_TYPE, K_INV, K_REF,
	K_DUE, K_DAYS, K_BUCKET, K_AMOUNT, K_RUNNING, K_BALANCE, K_LEFT,
	K_INTEREST, K_CLAIM, K_OVER, K_N };

static const char *const type_word[] = { "invoice", "credit_note", "payment",
	"adjustment" };

static struct writer *wr;
static struct cell cells[K_N];

static void
row_start(const struct stmt *s, const char *kind)
{
	for (int i = 0; i < K_N; i++)
		cells[i] = cell_null();
	cells[K_KIND] = cell_text(kind, strlen(kind));
	cells[K_CUST] = cell_text(s->customer.p, s->customer.n);
	cells[K_CUR] = cell_text(s->currency.p, s->currency.n);
	cells[K_PSTART] = cell_date(opt.from);
	cells[K_PEND] = cell_date(opt.to);
}

static struct cell
date_or_null(int32_t d)
{
	return d == DATE_NONE ? cell_null() : cell_date(d);
}

static struct cell
text_of(struct stmt_text t)
{
	return t.n ? cell_text(t.p, t.n) : cell_null();
}

static void
records(const struct stmt *s)
{
	int dec = s->dec;

	row_start(s, "opening");
	cells[K_DATE] = cell_date(opt.from);
	cells[K_BALANCE] = cell_money(s->opening, dec);
	w_row(wr, NULL, cells);
	for (size_t i = 0; i < s->nlines; i++) {
		const struct stmt_line *l = &s->lines[i];
		row_start(s, "line");
		cells[K_DATE] = cell_date(l->date);
		cells[K_TYPE] = l->shorthand ? cell_text("payment", 7) :
		    cell_text(type_word[l->type], strlen(type_word[l->type]));
		cells[K_INV] = l->shorthand ? cell_null() : text_of(l->inv);
		cells[K_REF] = l->shorthand ? text_of(l->inv) : text_of(l->ref);
		if (!l->shorthand)
			cells[K_DUE] = date_or_null(l->due);
		cells[K_AMOUNT] = cell_money(l->amount, dec);
		cells[K_RUNNING] = cell_money(l->running, dec);
		w_row(wr, NULL, cells);
	}
	row_start(s, "closing");
	cells[K_DATE] = cell_date(opt.to);
	cells[K_BALANCE] = cell_money(s->closing, dec);
	w_row(wr, NULL, cells);
	/* (the buckets with money: they add up to the closing balance) */
	for (int b = 0; b < bk.n; b++) {
		if (s->aged[b] == 0)
			continue;
		row_start(s, "aged");
		cells[K_BUCKET] = cell_text(bk.b[b].label, strlen(bk.b[b].label));
		cells[K_BALANCE] = cell_money(s->aged[b], dec);
		w_row(wr, NULL, cells);
	}
	if (s->unapplied != 0) {
		row_start(s, "aged");
		cells[K_BUCKET] = cell_text("unapplied", 9);
		cells[K_BALANCE] = cell_money(s->unapplied, dec);
		w_row(wr, NULL, cells);
	}
	for (size_t i = 0; i < s->nmatches; i++) {
		const struct stmt_match *m = &s->matches[i];
		const struct stmt_credit *c = &s->credits[m->credit];
		row_start(s, "match");
		cells[K_DATE] = date_or_null(c->date);
		cells[K_TYPE] = cell_text(type_word[c->type],
		    strlen(type_word[c->type]));
		cells[K_INV] = text_of(c->inv);
		if (m->item >= 0) {
			const struct stmt_item *t = &s->items[m->item];
			cells[K_REF] = text_of(t->inv);
			cells[K_DUE] = date_or_null(t->due);
			cells[K_DAYS] = cell_int(t->days);
			cells[K_BALANCE] = cell_money(m->item_left, dec);
		}
		cells[K_AMOUNT] = cell_money(m->take, dec);
		cells[K_LEFT] = cell_money(m->left, dec);
		w_row(wr, NULL, cells);
	}
	for (size_t i = 0; i < s->nintr; i++) {
		const struct stmt_interest *t = &s->intr[i];
		row_start(s, "interest");
		cells[K_DATE] = cell_date(t->last);
		cells[K_TYPE] = cell_text("invoice", 7);
		cells[K_INV] = text_of(t->inv);
		cells[K_DUE] = cell_date(t->due);
		cells[K_DAYS] = cell_int(t->last - t->due);
		cells[K_AMOUNT] = cell_money(t->amount, dec);
		cells[K_BALANCE] = cell_money(t->open, dec);
		cells[K_INTEREST] = cell_money(t->interest, dec);
		cells[K_CLAIM] = cell_money(t->claim, dec);
		if (t->over_cap >= 0)
			cells[K_OVER] = t->over_cap ? cell_text("yes", 3) :
			    cell_text("no", 2);
		w_row(wr, NULL, cells);
	}
}

/* ---- documents out ---- */

static struct docw dw;
static struct company co;
static unsigned long skipped;
static struct prose_out skipped_names;	/* the first few, for the note */

static void
document(const struct stmt *s)
{
	struct prose_out o = { NULL, 0, 0 };
	struct stmt_doc d = { s, &co, &bk, (enum stmt_kind)opt.doc,
		opt.c.lang == LANG_ZH, opt.from, opt.to, opt.c.as_of,
		opt.c.as_of + PAY_DAYS, opt.rate_arg, opt.rate.daily,
		opt.have_cap ? opt.cap_arg : NULL };

	/* a demand states only money that is due (SPEC 1.10) */
	if ((opt.doc == SK_REMINDER || opt.doc == SK_FINAL) &&
	    s->net_overdue <= 0) {
		if (skipped++ < 5) {
			if (skipped > 1)
				prose_put(&skipped_names, ", ", 2);
			char q[ERR_QUOTE_MAX];
			err_quote(q, s->customer.p, s->customer.n);
			prose_put(&skipped_names, q, strlen(q));
		}
		return;
	}
	if (stmtdoc_md(&o, &d) != 0)
		die(EXIT_FATAL, "internal error: a letter template names an "
		    "unknown field");
	docw_page(&dw, o.p, o.n);
	prose_free(&o);
}

/* A statement's list, gathered into BUF (its own copy, to sort); with
 * ranges on threads, each element numbered by its place (input order). */
#define GATHER(T, buf, l) do { \
	(buf).nv = 0; \
	for (const struct chunk *c_ = a.head[l]; c_ != NULL; c_ = c_->next) \
		for (uint32_t k_ = 0, n_ = chunk_n(&a, l, c_); k_ < n_; k_++) \
			*STMT_PUSH(&(buf), v) = ((const T *)(const void *) \
			    c_->data)[k_]; \
	if (threaded) \
		for (size_t k_ = 0; k_ < (buf).nv; k_++) \
			(buf).v[k_].seq = k_; \
} while (0)

static struct {
	STMT_VEC(struct stmt_line, v);
} lines;
static struct {
	STMT_VEC(struct stmt_item, v);
} items;
static struct {
	STMT_VEC(struct stmt_credit, v);
} credits;

/* The statement's item T from the kept item U, the NTH of its list. */
static void
item_of(struct stmt_item *t, const void *u, size_t nth)
{
	const struct litem *l = u;
	int32_t base;

	memset(t, 0, sizeof(*t));
	t->seq = nth;	/* (the ranges' own counts do not compare) */
	t->date = l->date;
	t->due = l->due;
	t->disputed = l->disputed;
	t->amount = l->amount;
	t->open = l->open;
	t->inv = (struct stmt_text){ l->inv, l->invn };
	if (!threaded) {
		const struct citem *c = u;
		t->seq = c->seq;
		t->adjusted = c->adjusted;
		t->mv = c->mv;
		t->nmv = c->nmv;
		t->owes = c->owes;
	}
	base = t->due != DATE_NONE ? t->due : t->date;
	t->days = base == DATE_NONE ? 0 : opt.to - base;
	t->bucket = bucket_of(&bk, t->days);
}

/* (gby_walk: one statement, in key order) */
static void
statement(const char *key, size_t kn, const void *payload, void *arg)
{
	struct acc a = *(const struct acc *)payload;
	struct stmt one, *s = &one;
	const char *f[2];
	size_t fn[2];
	int *seen;

	(void)arg;
	memset(&one, 0, sizeof(one));
	if (a.s != NULL)	/* made by an interest claim */
		s = a.s;
	key_split(key, kn, f, fn, 2);
	if (only_c != NULL && (seen = only_of(&gkey, f[0], fn[0], f[1],
	    fn[1])) != NULL)
		*seen = 1;
	s->customer = (struct stmt_text){ f[0], fn[0] };
	s->currency = (struct stmt_text){ f[1], fn[1] };
	s->dec = a.dec;
	s->opening = a.opening;
	s->closing = a.closing;
	GATHER(struct stmt_line, lines, L_LINE);
	items.nv = 0;
	for (const struct chunk *c = a.head[L_ITEM]; c != NULL; c = c->next)
		for (uint32_t k = 0, n = chunk_n(&a, L_ITEM, c); k < n; k++) {
			size_t nth = items.nv;
			item_of(STMT_PUSH(&items, v), c->data + k * el_size[L_ITEM],
			    nth);
		}
	GATHER(struct stmt_credit, credits, L_CREDIT);
	s->lines = lines.v;
	s->nlines = lines.nv;
	s->items = items.v;
	s->nitems = items.nv;
	s->credits = credits.v;
	s->ncredits = credits.nv;
	if (stmt_finish(s, &bk) != 0 || (opt.have_rate &&
	    stmt_claims(s, &opt.rate, opt.to, opt.have_cap ? &opt.cap :
	    NULL) != 0))
		die(EXIT_FATAL, "%.*s %.*s: the opening balance and the "
		    "lines do not add up to the closing balance, or a sum "
		    "overflows", (int)s->customer.n, s->customer.p,
		    (int)s->currency.n, s->currency.p);
	if (opt.doc < 0)
		records(s);
	else
		document(s);
	stmt_free(s);
}

static void
finish(void)
{
	gby_walk(run0.groups, statement, NULL);
	free(lines.v);
	free(items.v);
	free(credits.v);
	if (skipped > 0)
		note("no letter for %lu customer%s with nothing overdue net of "
		    "unapplied cash: %.*s%s", skipped, skipped > 1 ? "s" : "",
		    (int)skipped_names.n, skipped_names.p, skipped > 5 ? " ..." :
		    "");
	prose_free(&skipped_names);
}

/* ---- main ---- */

static const struct tool tool = {
	"ar-statement",
	"ar-statement [-hqVv] [-F delim] [-i fmt] [-o fmt] [-O file]\n"
	"              [--as-of date] [--from date --to date]\n"
	"              [--doc statement|confirm|reminder|final] [--company file]\n"
	"              [--only file] [--rate pct | --daily-rate pct] "
	"[--grace days]\n"
	"              [--grace-mode waive|deduct] [--interest-cap pct]\n"
	"              [--currency cur] [--reject file] [--strict]\n"
	"              [--max-record bytes] [--lang zh|en] [file ...]",
	"Statement of account per customer and currency: opening, lines with the\n"
	"running balance, closing, ageing, proposed matching of unapplied cash and\n"
	"late interest as records; or the letters (对账单, 对账函, 催款函) as\n"
	"Markdown or print-ready HTML.",
	"      --doc KIND         write letters, one page per customer and currency:\n"
	"                         statement 对账单, confirm 对账函 (with a reply slip),\n"
	"                         reminder 催款函, final 最后催告函 (-o md or html);\n"
	"                         the period is the month before --as-of, or for\n"
	"                         reminder and final the month to --as-of\n"
	"      --company FILE     our details: key = value lines (name, address,\n"
	"                         phone, email, bank, account, tax_id, seal)\n"
	"      --only FILE        only the customers of FILE (any CSV or JSON with a\n"
	"                         customer column, e.g. dun-plan's output; - is stdin)\n"
	"      --rate PCT         late interest, PCT a year (open * PCT/100/365 a day)\n"
	"      --daily-rate PCT   late interest, PCT a day (日万分之五 = 0.05)\n"
	"      --grace DAYS       no interest until more than DAYS overdue\n"
	"      --grace-mode MODE  waive (default) or deduct the grace days\n"
	"      --interest-cap PCT flag (and hold the claim to) interest above PCT\n"
	"                         of the invoice\n",
	OG_AS_OF | OG_LANG | OG_PERIOD,
	OUT_RECORDS | (1u << FMT_HTML)
};

static void
parse_rate(int ch, const char *arg)
{
	if (opt.have_rate) {
		warnx("--rate and --daily-rate: give one");
		usage();
	}
	if (decimal_parse(arg, &opt.rate.pct) != 0) {
		warnx("%s: \"%s\" is not a percentage such as 6 or 0.05",
		    ch == OPT_RATE ? "--rate" : "--daily-rate", arg);
		usage();
	}
	opt.have_rate = 1;
	opt.rate.daily = ch == OPT_DAILY_RATE;
	opt.rate_arg = arg;
}

static void
period(void)
{
	const char *f = opt.c.from_arg, *t = opt.c.to_arg;
	int demand = opt.doc == SK_REMINDER || opt.doc == SK_FINAL;

	if ((f == NULL) != (t == NULL)) {
		warnx("%s needs %s too", f ? "--from" : "--to", f ? "--to" : "--from");
		usage();
	}
	if (f) {
		opt.from = opts_date("--from", f);
		opt.to = opts_date("--to", t);
	} else if (demand) {
		opt.to = opt.c.as_of;
		opt.from = date_month_start(opt.to);
	} else {
		opt.to = date_month_start(opt.c.as_of) - 1;
		opt.from = date_month_start(opt.to);
	}
	if (opt.from > opt.to) {
		warnx("--from %s is after --to %s", f, t);
		usage();
	}
	if (opt.to > opt.c.as_of) {
		warnx("--to %s is after --as-of: the period has not ended", t);
		usage();
	}
	if (demand && opt.to != opt.c.as_of) {
		warnx("--doc %s states what is due on the day of the letter: "
		    "--to must be --as-of", opt.doc == SK_FINAL ? "final" :
		    "reminder");
		usage();
	}
}

static void
check_inputs(int argc, char **argv)
{
	int ledger_stdin = argc == 0;

	for (int i = 0; i < argc; i++)
		ledger_stdin |= strcmp(argv[i], "-") == 0;
	if (opt.only && strcmp(opt.only, "-") == 0 && ledger_stdin) {
		warnx("--only - reads standard input: name the ledger's file");
		usage();
	}
}

int
main(int argc, char **argv)
{
	static const struct option own[] = {
		{ "doc", required_argument, NULL, OPT_DOC },
		{ "company", required_argument, NULL, OPT_COMPANY },
		{ "only", required_argument, NULL, OPT_ONLY },
		{ "interest-cap", required_argument, NULL, OPT_INTEREST_CAP },
		{ "rate", required_argument, NULL, OPT_RATE },
		{ "daily-rate", required_argument, NULL, OPT_DAILY_RATE },
		{ "grace", required_argument, NULL, OPT_GRACE },
		{ "grace-mode", required_argument, NULL, OPT_GRACE_MODE },
		{ NULL, 0, NULL, 0 }
	};
	static const char *const docs[] = { "statement", "confirm", "reminder",
		"final" };
	static const int edges[] = { 30, 60, 90, 120 };
	struct rec_reader *rd;
	struct rec *x;
	uint64_t seq = 0;
	enum rec_fmt fmt;
	int ch, st;

	opts_init(&opt.c, &tool, argc, argv);
	while ((ch = opts_next(&opt.c, argc, argv, own, "")) != -1) {
		switch (ch) {
		case OPT_DOC:
			for (opt.doc = 0; opt.doc < 4 && strcmp(docs[opt.doc],
			    optarg) != 0; opt.doc++)
				;
			if (opt.doc == 4) {
				warnx("--doc: statement, confirm, reminder or final, "
				    "not \"%s\"", optarg);
				usage();
			}
			break;
		case OPT_COMPANY:
			opt.company = optarg;
			break;
		case OPT_ONLY:
			opt.only = optarg;
			break;
		case OPT_INTEREST_CAP:
			if (decimal_parse(optarg, &opt.cap) != 0) {
				warnx("--interest-cap: \"%s\" is not a percentage "
				    "such as 24", optarg);
				usage();
			}
			opt.have_cap = 1;
			opt.cap_arg = optarg;
			break;
		case OPT_RATE:
		case OPT_DAILY_RATE:
			parse_rate(ch, optarg);
			break;
		case OPT_GRACE:
			opt.rate.grace = (int)opts_int("--grace", optarg, 0, 100000);
			break;
		case OPT_GRACE_MODE:
			opt.rate.deduct = opts_pick("--grace-mode", optarg, "waive",
			    "deduct");
			break;
		default:
			usage();
		}
	}
	argc -= optind;
	argv += optind;
	if (opt.have_cap && !opt.have_rate) {
		warnx("--interest-cap needs --rate or --daily-rate");
		usage();
	}
	if (opt.c.out == FMT_HTML || opt.c.out == FMT_MD) {
		if (opt.doc < 0)
			opt.doc = SK_STATEMENT;
	} else if (opt.doc >= 0) {
		if (opt.c.out != FMT_AUTO) {
			warnx("--doc writes letters: -o md or -o html");
			usage();
		}
		opt.c.out = FMT_MD;
	}
	check_inputs(argc, argv);
	opts_finish(&opt.c, NULL);
	period();
	company_load(&co, opt.company);
	company_require(&co, opt.doc == SK_REMINDER || opt.doc == SK_FINAL);
	if (opt.only)
		read_only(opt.only);
	buckets_make(&bk, edges, 4, NULL, 0, 0);

	rd = rec_open(argv, argc, &opt.c.in);
	run_init(&run0, rd);
	ap = apply_new(opt.to, 0, 1);
	if (rec_empty(rd))
		return fshut(rec_close(rd, opt.c.verbose));
	if (ledger_has_open(&run0.led))
		warnx("the input is an open-item list (it has an open column): "
		    "without the payment history, the statement shows open "
		    "items, not the receipts of the period");
	if (ledger_has_docs(&run0.led) || opt.have_rate) {
		/* one thread: the documents join across the file, and an
		 * interest claim is made on the statement as it is read */
		if (ledger_has_docs(&run0.led)) {
			rec_want_rewind(rd);
			apply_join(ap, &run0.led, rd, 0, 0);
		}
		while ((x = rec_next(rd)) != NULL)
			process(&run0, x, seq++);
	} else {
		threaded = 1;
		el_size[L_ITEM] = sizeof(struct litem);
		rec_reduce(rd, &ranges, &runs, &run0);
	}
	fmt = opts_outfmt(&opt.c, rd);
	if (opt.doc < 0) {
		wr = w_open(fmt, opt.c.lang, NULL, cols, K_N);
		finish();
		w_close(wr, 0);
	} else {
		static const char *const title[2][4] = {
			{ "Statements of account", "Balance confirmations",
			  "Payment reminders", "Final demands for payment" },
			{ "对账单", "对账函", "催款函", "最后催告函" } };
		docw_open(&dw, fmt == FMT_HTML, opt.c.lang == LANG_ZH,
		    title[opt.c.lang == LANG_ZH][opt.doc]);
		finish();
		docw_close(&dw);
	}
	if (only_c)
		only_unseen();
	st = rec_close(rd, opt.c.verbose);
	apply_free(ap);
	run_release(&run0);
	for (size_t i = 0; i < kept.n; i++)
		arena_free(&kept.v[i]);
	free(kept.v);
	if (only_c) {
		grp_free(only_c);
		grp_free(only_cc);
	}
	company_free(&co);
	free(gkey.p);
	free(mv.v);
	free(segs.v);
	return fshut(st);
}
