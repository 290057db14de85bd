/* interest.c - late interest by balance segment (SPEC 3, 8). */
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "interest.h"

/* 100 (a percentage) x 10^scale, x 365 for a yearly rate. */
static i128
denominator(const struct interest *in)
{
	i128 den = 100;

	for (int i = 0; i < in->pct.scale; i++)
		den *= 10;
	if (!in->daily)
		den *= 365;
	return den;
}

int
interest_of(const struct interest *in, int64_t open, int32_t days, int64_t *out)
{
	*out = 0;
	if (open <= 0 || days <= 0)
		return 0;
	if (in->deduct)
		days -= in->grace;
	else if (days <= in->grace)
		return 0;
	if (days <= 0)
		return 0;
	return muldiv_round(open, (i128)in->pct.num * days, denominator(in), out);
}

/* blank dates (DATE_NONE = INT32_MIN) sort first of themselves */
static int
cmp_move(const void *a, const void *b)
{
	const struct balmove *x = a, *y = b;

	return (x->date > y->date) - (x->date < y->date);
}

void
balmove_sort(struct balmove *moves, size_t n)
{
	/* insertion sort: stable, and an invoice has few moves */
	for (size_t i = 1; i < n; i++) {
		struct balmove m = moves[i];
		size_t j = i;
		while (j > 0 && cmp_move(&moves[j - 1], &m) > 0) {
			moves[j] = moves[j - 1];
			j--;
		}
		moves[j] = m;
	}
}

/* The segments of [FROM, TO): balance x days into *SUM over the days with
 * a positive balance; *LAST the end of the last such segment (FROM if
 * none). -1 on overflow. */
static int
walk(int64_t amount, const struct balmove *mv, size_t n, int32_t from,
    int32_t to, struct claim *c,
    void (*seg)(int32_t, int32_t, int64_t, void *), void *arg)
{
	int64_t bal = amount;
	int32_t cur = from;
	size_t i = 0;

	c->bal_days = 0;
	c->nseg = 0;
	c->max_bal = 0;
	c->last = from;
	/* what moved on or before FROM is the opening balance */
	for (; i < n && (mv[i].date == DATE_NONE || mv[i].date <= from); i++)
		if (money_add(&bal, mv[i].amt) != 0)
			return -1;
	for (;;) {
		int32_t next = i < n && mv[i].date < to ? mv[i].date : to;
		if (next > cur && bal > 0) {
			c->bal_days += (i128)bal * (next - cur);
			c->nseg++;
			c->last = next;
			if (bal > c->max_bal)
				c->max_bal = bal;
			if (seg)
				seg(cur, next, bal, arg);
		}
		cur = next;
		if (next == to)
			return 0;
		if (money_add(&bal, mv[i++].amt) != 0)
			return -1;
	}
}

int
interest_claim(const struct interest *in, int64_t amount, int32_t due,
    int32_t end, const struct balmove *mv, size_t n, struct claim *out,
    void (*seg)(int32_t, int32_t, int64_t, void *), void *arg)
{
	int32_t start = due;
	i128 den = denominator(in);

	memset(out, 0, sizeof(*out));
	out->from = out->to = out->last = end;
	if (due == DATE_NONE || end == DATE_NONE || end <= due)
		return 0;
	/* waive: a grace exceeded charges from the due date; the days
	 * overdue are those up to the last day with a balance (the day an
	 * invoice paid late was settled) */
	if (in->grace > 0 && !in->deduct) {
		if (walk(amount, mv, n, due, end, out, NULL, NULL) != 0)
			return -1;
		if (out->last - due <= in->grace) {
			memset(out, 0, sizeof(*out));
			out->from = out->to = out->last = end;
			return 0;
		}
	} else if (in->deduct)
		start = due + in->grace;
	if (end <= start) {
		out->from = out->to = out->last = end;
		return 0;
	}
	if (walk(amount, mv, n, start, end, out, seg, arg) != 0)
		return -1;
	out->from = start;
	out->to = end;
	if (in->pct.num != 0 && out->bal_days > ((i128)1 << 125) / in->pct.num)
		return -1;
	return div128_round(out->bal_days * in->pct.num, den, &out->interest);
}

int
interest_over_cap(int64_t claim, int64_t amount, const struct decimal *cap)
{
	i128 den = 100;

	for (int i = 0; i < cap->scale; i++)
		den *= 10;
	/* claim > amount * cap / 100, exactly */
	return (i128)claim * den > (i128)amount * cap->num;
}
