/* stmt.c - a customer's statement: lines, balance, ageing, matching. */
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "err.h"
#include "stmt.h"

void *
stmt_grow(void *v, size_t *cap, size_t n, size_t size)
{
	(void)n;
	*cap = *cap ? 2 * *cap : 8;
	return xrealloc(v, *cap * size);
}

static int
cmp_line(const void *a, const void *b)
{
	const struct stmt_line *x = a, *y = b;

	if (x->date != y->date)
		return x->date < y->date ? -1 : 1;
	return (x->seq > y->seq) - (x->seq < y->seq);
}

/* An item is as old as its due date, or without one (an adjustment) its
 * own date: the base of its days overdue. */
static int32_t
item_base(const struct stmt_item *t)
{
	return t->due != DATE_NONE ? t->due : t->date;
}

static int
cmp_item(const void *a, const void *b)
{
	const struct stmt_item *x = a, *y = b;
	int32_t bx = item_base(x), by = item_base(y);

	if (bx != by)
		return bx < by ? -1 : 1;
	if (x->date != y->date)
		return x->date < y->date ? -1 : 1;
	return (x->seq > y->seq) - (x->seq < y->seq);
}

static int
cmp_credit(const void *a, const void *b)
{
	const struct stmt_credit *x = a, *y = b;

	if (x->date != y->date)
		return x->date < y->date ? -1 : 1;
	return (x->seq > y->seq) - (x->seq < y->seq);
}

/* The oldest credit against the oldest undisputed open item. */
static void
match(struct stmt *s)
{
	int64_t *rem = xcalloc(s->nitems + 1, sizeof(*rem));
	size_t it = 0;

	for (size_t i = 0; i < s->nitems; i++)
		rem[i] = s->items[i].disputed ? 0 : s->items[i].open;
	for (size_t c = 0; c < s->ncredits; c++) {
		int64_t left = s->credits[c].left;	/* < 0 */
		int any = 0;
		while (left < 0) {
			struct stmt_match *m;
			int64_t take;
			while (it < s->nitems && rem[it] <= 0)
				it++;
			if (it == s->nitems)
				break;
			take = -left < rem[it] ? left : -rem[it];
			rem[it] += take;
			left -= take;
			m = STMT_PUSH(s, matches);
			*m = (struct stmt_match){ c, (long)it, take, left, rem[it] };
			any = 1;
		}
		if (!any) {
			struct stmt_match *m = STMT_PUSH(s, matches);
			*m = (struct stmt_match){ c, -1, 0, left, 0 };
		}
	}
	free(rem);
}

/* qsort, or for a short list (a statement's usual few items, often in
 * order already) an insertion sort: the orders are total, so both give
 * the same list. */
static void
sort(void *base, size_t n, size_t size, int (*cmp)(const void *,
    const void *))
{
	_Alignas(16) char tmp[128];
	char *v = base;

	if (n < 2)	/* (never qsort(NULL, 0): UBSan) */
		return;
	if (n > 32 || size > sizeof(tmp)) {
		qsort(base, n, size, cmp);
		return;
	}
	for (size_t i = 1, j; i < n; i++) {
		if (cmp(v + (i - 1) * size, v + i * size) <= 0)
			continue;
		memcpy(tmp, v + i * size, size);
		for (j = i; j > 0 && cmp(v + (j - 1) * size, tmp) > 0; j--)
			;
		memmove(v + (j + 1) * size, v + j * size, (i - j) * size);
		memcpy(v + j * size, tmp, size);
	}
}

int
stmt_finish(struct stmt *s, const struct buckets *bk)
{
	int64_t bal = s->opening, aged_sum = 0;

	sort(s->lines, s->nlines, sizeof(*s->lines), cmp_line);
	for (size_t i = 0; i < s->nlines; i++) {
		if (money_add(&bal, s->lines[i].amount) != 0)
			return -1;
		s->lines[i].running = bal;
	}
	if (bal != s->closing)
		return -1;
	sort(s->items, s->nitems, sizeof(*s->items), cmp_item);
	sort(s->credits, s->ncredits, sizeof(*s->credits), cmp_credit);
	memset(s->aged, 0, sizeof(s->aged));
	s->unapplied = s->overdue = s->credit = s->net_overdue = 0;
	s->noverdue = 0;
	for (size_t i = 0; i < s->nitems; i++) {
		const struct stmt_item *t = &s->items[i];
		if (t->bucket < 0 || t->bucket >= bk->n ||
		    money_add(&s->aged[t->bucket], t->open) != 0 ||
		    money_add(&aged_sum, t->open) != 0)
			return -1;
		if (t->open < 0 && money_add(&s->credit, t->open) != 0)
			return -1;
		if (!t->disputed && t->open > 0 && t->days > 0) {
			if (money_add(&s->overdue, t->open) != 0)
				return -1;
			s->noverdue++;
		}
	}
	for (size_t c = 0; c < s->ncredits; c++)
		if (money_add(&s->unapplied, s->credits[c].left) != 0 ||
		    money_add(&aged_sum, s->credits[c].left) != 0)
			return -1;
	/* the closing balance by bucket adds up, to the cent */
	if (aged_sum != s->closing)
		return -1;
	if (money_add(&s->credit, s->unapplied) != 0)
		return -1;
	s->net_overdue = s->overdue + s->credit;	/* no overflow: signs */
	if (s->net_overdue < 0)
		s->net_overdue = 0;
	s->sum_debit = s->sum_credit = 0;
	for (size_t i = 0; i < s->nlines; i++)
		if (money_add(s->lines[i].amount > 0 ? &s->sum_debit :
		    &s->sum_credit, s->lines[i].amount) != 0)
			return -1;
	/* (a sum of negatives, and never INT64_MIN: a running balance
	 * within range got there) */
	s->sum_credit = s->sum_credit == INT64_MIN ? INT64_MAX : -s->sum_credit;
	match(s);
	return 0;
}

int
stmt_claim_add(struct stmt *s, uint64_t seq, struct stmt_text inv,
    int64_t amount, int32_t due, int32_t last, int64_t open,
    const struct claim *c, const struct stmt_seg *seg, size_t n,
    const struct decimal *cap)
{
	struct stmt_interest *t;

	for (size_t i = 0; i < n; i++) {
		struct stmt_seg *g = STMT_PUSH(s, segs);
		*g = seg[i];
		g->intr = s->nintr;
	}
	t = STMT_PUSH(s, intr);
	memset(t, 0, sizeof(*t));
	t->seq = seq;
	t->seg0 = s->nsegs - n;
	t->nseg = n;
	t->due = due;
	t->last = last;
	t->amount = amount;
	t->open = open;
	t->interest = t->claim = c->interest;
	t->over_cap = -1;
	t->inv = inv;
	if (cap != NULL) {
		/* PCT of the invoice: of its amount, or of the largest
		 * balance charged when adjustments raised it */
		int64_t base = c->max_bal > amount ? c->max_bal : amount;
		t->over_cap = interest_over_cap(c->interest, base, cap);
		if (t->over_cap) {	/* held to the cap, rounded down */
			i128 den = 100, v;
			for (int i = 0; i < cap->scale; i++)
				den *= 10;
			v = (i128)base * cap->num / den;
			if (v > INT64_MAX)
				return -1;
			t->claim = (int64_t)v;
		}
	}
	return 0;
}

struct segbuf {
	struct stmt_seg *v;
	size_t n, cap;
};

void
stmt_seg_add(int32_t from, int32_t to, int64_t bal, void *arg)
{
	struct segbuf *b = arg;

	if (b->n == b->cap) {
		b->cap = b->cap ? 2 * b->cap : 8;
		b->v = xrealloc(b->v, b->cap * sizeof(*b->v));
	}
	b->v[b->n++] = (struct stmt_seg){ 0, from, to, bal };
}

static int
cmp_intr(const void *a, const void *b)
{
	const struct stmt_interest *x = a, *y = b;

	if (x->due != y->due)
		return x->due < y->due ? -1 : 1;
	return (x->seq > y->seq) - (x->seq < y->seq);
}

int
stmt_claims(struct stmt *s, const struct interest *in, int32_t end,
    const struct decimal *cap)
{
	struct segbuf segbuf = { NULL, 0, 0 };
	struct balmove *mvbuf = NULL;
	size_t mvcap = 0;
	int ret = 0;

	s->interest_all = s->interest_open = 0;
	for (size_t i = 0; i < s->nitems && ret == 0; i++) {
		struct stmt_item *t = &s->items[i];
		struct claim c;
		size_t n = t->nmv;
		if (!t->owes)
			continue;
		/* its own moves, then what the proposed matching applies */
		for (size_t m = 0; m < s->nmatches; m++)
			n += s->matches[m].item == (long)i;
		if (mvbuf == NULL || n > mvcap) {
			mvcap = 2 * n + 1;
			mvbuf = xrealloc(mvbuf, mvcap * sizeof(*mvbuf));
		}
		if (t->nmv && t->mv)
			memcpy(mvbuf, t->mv, t->nmv * sizeof(*mvbuf));
		n = t->nmv;
		for (size_t m = 0; m < s->nmatches; m++)
			if (s->matches[m].item == (long)i)
				mvbuf[n++] = (struct balmove){
				    s->credits[s->matches[m].credit].date,
				    s->matches[m].take };
		balmove_sort(mvbuf, n);
		segbuf.n = 0;
		if (interest_claim(in, t->amount, t->due, end, mvbuf, n, &c,
		    stmt_seg_add, &segbuf) != 0 || (c.interest > 0 &&
		    stmt_claim_add(s, t->seq, t->inv, t->amount, t->due, c.last,
		    t->open, &c, segbuf.v, segbuf.n, cap) != 0))
			ret = -1;
	}
	free(segbuf.v);
	free(mvbuf);
	if (ret != 0)
		return -1;
	if (s->nintr > 1)
		qsort(s->intr, s->nintr, sizeof(*s->intr), cmp_intr);
	for (size_t i = 0; i < s->nintr; i++) {
		if (money_add(&s->interest_all, s->intr[i].claim) != 0)
			return -1;
		if (s->intr[i].open > 0 && money_add(&s->interest_open,
		    s->intr[i].claim) != 0)
			return -1;
	}
	return 0;
}

void
stmt_free(struct stmt *s)
{

	free(s->matches);
	free(s->intr);
	free(s->segs);
	memset(s, 0, sizeof(*s));
}
