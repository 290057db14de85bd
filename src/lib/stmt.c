/* stmt.c - a customer's statement: lines, balance, ageing, matching. */
#include <stdlib.h>
#include <string.h>

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

static int
cmp_item(const void *a, const void *b)
{
	const struct stmt_item *x = a, *y = b;

	if (x->due != y->due)
		return x->due < y->due ? -1 : 1;
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

int
stmt_finish(struct stmt *s, const struct buckets *bk)
{
	int64_t bal = s->opening, aged_sum = 0;

	qsort(s->lines, s->nlines, sizeof(*s->lines), cmp_line);
	for (size_t i = 0; i < s->nlines; i++) {
		if (money_add(&bal, s->lines[i].amount) != 0)
			return -1;
		s->lines[i].running = bal;
	}
	if (bal != s->closing)
		return -1;
	qsort(s->items, s->nitems, sizeof(*s->items), cmp_item);
	qsort(s->credits, s->ncredits, sizeof(*s->credits), cmp_credit);
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
	s->interest_claim = 0;
	for (size_t i = 0; i < s->nintr; i++)
		if (s->intr[i].open > 0 && money_add(&s->interest_claim,
		    s->intr[i].claim) != 0)
			return -1;
	match(s);
	return 0;
}

void
stmt_free(struct stmt *s)
{
	free(s->lines);
	free(s->items);
	free(s->credits);
	free(s->matches);
	free(s->intr);
	free(s->segs);
	memset(s, 0, sizeof(*s));
}
