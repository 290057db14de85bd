/* Unit tests: instalment schedules (SPEC 9): the hand-computed annuity of
 * the man page, equal principal, a down payment, month ends, and the sums
 * exact on many balances and terms. */
#include <stdint.h>

#include "date.h"
#include "payplan.h"
#include "unit.h"

static int32_t
d(const char *s)
{
	int32_t z = DATE_NONE;

	CHECK(date_parse(s, strlen(s), &z) == 0);
	return z;
}

static struct pp_terms
terms(int n, const char *rate, const char *down, int ep)
{
	struct pp_terms t;

	memset(&t, 0, sizeof(t));
	t.n = n;
	t.as_of = d("2026-11-30");
	t.start = d("2026-12-30");
	CHECK(decimal_parse(rate, &t.rate) == 0);
	CHECK(decimal_parse(down, &t.down) == 0);
	t.equal_principal = ep;
	return t;
}

int
main(void)
{
	static struct instalment r[PAYPLAN_MAXN + 1];
	struct pp_terms t = terms(3, "12", "0", 0);
	int n;

	/* 12,000.00 at 1% a month over 3: 4,080.27 twice, then 4,080.26 */
	CHECK(payplan_make(&t, 1200000, r, &n) == NULL);
	CHECK_INT(n, 3);
	CHECK_INT(r[0].interest, 12000);
	CHECK_INT(r[0].payment, 408027);
	CHECK_INT(r[1].interest, 8040);
	CHECK_INT(r[1].principal, 399987);
	CHECK_INT(r[2].principal, 403986);
	CHECK_INT(r[2].payment, 408026);
	CHECK_INT(r[2].remaining, 0);
	CHECK_INT(r[2].due, d("2027-02-28"));

	/* no interest: the balance / n, the last takes the rest */
	t = terms(3, "0", "0", 0);
	CHECK(payplan_make(&t, 1000, r, &n) == NULL);
	CHECK_INT(r[0].payment + r[1].payment + r[2].payment, 1000);

	/* equal principal with 10% down */
	t = terms(4, "6", "10", 1);
	CHECK(payplan_make(&t, 1000001, r, &n) == NULL);
	CHECK_INT(n, 5);
	CHECK_INT(r[0].k, 0);
	CHECK_INT(r[0].principal, 100000);
	CHECK_INT(r[1].principal, 225000);
	CHECK_INT(r[4].principal, 225001);
	CHECK_INT(r[1].interest, 4500);	/* 900,001 x 0.5% = 4,500.005 */

	/* every balance, count and rate: Σ principal = balance, nothing
	 * negative, the remaining falls to 0 */
	for (int64_t b = 1; b < 5000000; b = b * 7 + 3)
		for (int k = 1; k <= 60; k += 7)
			for (int ep = 0; ep < 2; ep++) {
				int64_t s = 0, left = b;
				t = terms(k, ep ? "18.25" : "36", "15.5", ep);
				CHECK(payplan_make(&t, b, r, &n) == NULL);
				for (int i = 0; i < n; i++) {
					s += r[i].principal;
					left -= r[i].principal;
					if (r[i].principal < 0 || r[i].interest < 0 ||
					    r[i].remaining != left)
						CHECK(0);
				}
				CHECK_INT(s, b);
				CHECK_INT(r[n - 1].remaining, 0);
			}

	/* a rate of 100% a period or more, and nothing to plan, are refused */
	t = terms(3, "1200", "0", 0);
	CHECK(payplan_make(&t, 100, r, &n) != NULL);
	t = terms(3, "5", "0", 0);
	CHECK(payplan_make(&t, 0, r, &n) != NULL);
	/* the largest balance: still exact; a total to pay past 64 bits is
	 * refused, not wrapped */
	CHECK(payplan_make(&t, MONEY_MAX, r, &n) == NULL);
	t = terms(600, "100", "0", 0);
	CHECK(payplan_make(&t, MONEY_MAX, r, &n) != NULL);
	/* a daily rate is x 365 a year: 0.05% a day on 7,500.00 for a
	 * month is 7,500.00 x 0.05 x 365 / 12 / 100 = 114.0625 */
	t = terms(2, "0.05", "0", 1);
	t.daily = 1;
	CHECK(payplan_make(&t, 750000, r, &n) == NULL);
	CHECK_INT(r[0].interest, 11406);
	/* weekly and fortnightly due dates; a month keeps its day or the
	 * month's last */
	t = terms(3, "0", "0", 0);
	t.every = PP_WEEK;
	CHECK_INT(payplan_due(&t, 3), d("2027-01-13"));
	t.every = PP_2W;
	CHECK_INT(payplan_due(&t, 2), d("2027-01-13"));
	t.every = PP_MONTH;
	t.start = d("2027-01-31");
	CHECK_INT(payplan_due(&t, 2), d("2027-02-28"));
	CHECK_INT(payplan_due(&t, 14), d("2028-02-29"));
	/* the plan id: the date and a hash of the key, nothing else */
	{
		char a[PAYPLAN_IDLEN], b[PAYPLAN_IDLEN];
		payplan_id(a, d("2026-11-30"), "ACME\0CNY", 8);
		payplan_id(b, d("2026-11-30"), "ACME\0USD", 8);
		CHECK(strncmp(a, "PP-20261130-", 12) == 0 && strlen(a) == 20);
		CHECK(strcmp(a, b) != 0);
	}
	return unit_done("test-payplan");
}
