/* payplan.c - annuity and equal-principal schedules in exact money. */
#include <stdio.h>
#include <string.h>

#include "date.h"
#include "payplan.h"

static const int per_year[] = { 12, 26, 52 };	/* enum pp_every */

int32_t
payplan_due(const struct pp_terms *t, int k)
{
	int y, m, d, last;

	if (t->every == PP_2W)
		return t->start + 14 * (k - 1);
	if (t->every == PP_WEEK)
		return t->start + 7 * (k - 1);
	date_to_civil(t->start, &y, &m, &d);
	m += k - 1;
	y += (m - 1) / 12;
	m = (m - 1) % 12 + 1;
	last = date_days_in_month(y, m);
	return date_from_civil(y, m, d > last ? last : d);
}

void
payplan_id(char *buf, int32_t as_of, const char *key, size_t n)
{
	uint32_t h = 2166136261u;	/* FNV-1a, as --shard (SPEC 10) */
	char ymd[16];

	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)key[i]) * 16777619u;
	date_format(ymd, as_of);
	snprintf(buf, PAYPLAN_IDLEN, "PP-%.4s%.2s%.2s-%08X", ymd, ymd + 5,
	    ymd + 8, (unsigned)h);
}

/* The rate of one period as NUM / DEN. */
static void
period_rate(const struct pp_terms *t, i128 *num, i128 *den)
{
	*num = t->rate.num * (t->daily ? 365 : 1);
	*den = 100 * (i128)per_year[t->every];
	for (int i = 0; i < t->rate.scale; i++)
		*den *= 10;
}

int
payplan_annuity(int64_t principal, int n, i128 num, i128 den, int64_t *out)
{
	/* fixed point at 10^18: v = 1 / (1 + r), d = v^n stays <= 1, so
	 * nothing grows; payment = P r / (1 - v^n) */
	const i128 S = (i128)1000000000000000000LL;
	i128 rs, v, d = S;

	if (num == 0)
		return div128_round(principal, n, out);
	rs = (num * S + den / 2) / den;
	if (rs <= 0)
		return div128_round(principal, n, out);
	v = (S * S + (S + rs) / 2) / (S + rs);
	for (int i = 0; i < n; i++)
		d = (d * v + S / 2) / S;
	if (S - d <= 0)
		return -1;
	return div128_round((i128)principal * rs, S - d, out);
}

const char *
payplan_make(const struct pp_terms *t, int64_t balance,
    struct instalment *out, int *nout)
{
	i128 num, den, dden = 100;
	int64_t down = 0, rem, level = 0, sum = 0, tot = 0;
	int k = 0;

	*nout = 0;
	if (t->n < 1 || t->n > PAYPLAN_MAXN || balance <= 0)
		return "nothing to schedule";
	period_rate(t, &num, &den);
	if (num >= den)
		return "the rate is 100% or more a period";
	for (int i = 0; i < t->down.scale; i++)
		dden *= 10;
	if (t->down.num > 0) {
		if (muldiv_round(balance, t->down.num, dden, &down) != 0 ||
		    down > balance)
			return "the down payment is more than the balance";
		out[k++] = (struct instalment){ 0, t->as_of, down, 0, down,
		    balance - down };
	}
	rem = balance - down;
	if (rem > 0 && !t->equal_principal &&
	    payplan_annuity(rem, t->n, num, den, &level) != 0)
		return "the payment is too large to compute";
	for (int i = 1; i <= t->n && rem > 0; i++) {
		struct instalment *x = &out[k++];
		int64_t p;
		x->k = i;
		x->due = payplan_due(t, i);
		if (muldiv_round(rem, num, den, &x->interest) != 0)
			return "interest too large to compute";
		if (t->equal_principal)
			p = (balance - down) / t->n;
		else
			p = level - x->interest;
		if (i == t->n || p > rem)
			p = rem;	/* the last takes the rounding */
		if (p < 0)
			p = 0;
		x->principal = p;
		if (money_add(&p, x->interest) != 0)
			return "a payment is too large";
		x->payment = p;
		rem -= x->principal;
		x->remaining = rem;
	}
	/* Σ principal = the balance, checked (SPEC 9); Σ payment, the
	 * agreement's total, fits too (and so does Σ interest, below it) */
	for (int i = 0; i < k; i++)
		if (money_add(&sum, out[i].principal) != 0)
			return "principal sum overflows";
	if (sum != balance)
		return "internal error: the principal does not add up";
	for (int i = 0; i < k; i++)
		if (money_add(&tot, out[i].payment) != 0)
			return "the total to pay is too large";

	*nout = k;
	return NULL;
}
