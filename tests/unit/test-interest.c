/* Unit tests: late interest by balance segment (SPEC 3, 8). */
#include <stdint.h>

#include "date.h"
#include "interest.h"
#include "unit.h"

static int32_t
d(const char *s)
{
	int32_t z = DATE_NONE;

	CHECK(date_parse(s, strlen(s), &z) == 0);
	return z;
}

static struct interest
rule(const char *pct, int daily, int grace, int deduct)
{
	struct interest in;

	memset(&in, 0, sizeof(in));
	CHECK(decimal_parse(pct, &in.pct) == 0);
	in.daily = daily;
	in.grace = grace;
	in.deduct = deduct;
	return in;
}

static int nseen;
static int64_t seen_bal[8];
static int32_t seen_days[8];

static void
seg(int32_t from, int32_t to, int64_t bal, void *arg)
{
	(void)arg;
	if (nseen < 8) {
		seen_bal[nseen] = bal;
		seen_days[nseen] = to - from;
	}
	nseen++;
}

int
main(void)
{
	struct interest r = rule("0.05", 1, 0, 0);
	struct claim c;
	int64_t v;

	/* BF-3301 (examples/ledger.csv): 310,000.00 due 2026-03-16, 210,000.00
	 * received 2026-05-30, as of 2026-11-30 at 日万分之五:
	 * 310,000 x 75 days + 100,000 x 184 days = 11,625 + 9,200 */
	struct balmove bf[] = { { 0, -21000000 } };
	bf[0].date = d("2026-05-30");
	nseen = 0;
	CHECK(interest_claim(&r, 31000000, d("2026-03-16"), d("2026-11-30"), bf,
	    1, &c, seg, NULL) == 0);
	CHECK_INT(c.interest, 2082500);
	CHECK_INT(c.nseg, 2);
	CHECK_INT(nseen, 2);
	CHECK_INT(seen_bal[0], 31000000);
	CHECK_INT(seen_days[0], 75);
	CHECK_INT(seen_bal[1], 10000000);
	CHECK_INT(seen_days[1], 184);
	/* the old figure, today's open x every day overdue, was 12,950 */
	CHECK(interest_of(&r, 10000000, 259, &v) == 0);
	CHECK_INT(v, 1295000);

	/* no move: the same as interest_of */
	CHECK(interest_claim(&r, 10000000, d("2026-03-16"), d("2026-11-30"),
	    NULL, 0, &c, NULL, NULL) == 0);
	CHECK_INT(c.interest, 1295000);

	/* paid late in full: interest up to the day it was settled */
	struct balmove late[] = { { 0, -10000000 } };
	late[0].date = d("2026-04-15");
	CHECK(interest_claim(&r, 10000000, d("2026-03-16"), d("2026-11-30"),
	    late, 1, &c, NULL, NULL) == 0);
	CHECK_INT(c.interest, 150000);	/* 100,000 x 30 days x 0.05% */
	CHECK_INT(c.last, d("2026-04-15"));

	/* paid before the due date, or on it: nothing */
	late[0].date = d("2026-03-16");
	CHECK(interest_claim(&r, 10000000, d("2026-03-16"), d("2026-11-30"),
	    late, 1, &c, NULL, NULL) == 0);
	CHECK_INT(c.interest, 0);
	CHECK_INT(c.nseg, 0);

	/* a receipt with no date counts before any date */
	late[0].date = DATE_NONE;
	late[0].amt = -4000000;
	CHECK(interest_claim(&r, 10000000, d("2026-03-16"), d("2026-03-26"),
	    late, 1, &c, NULL, NULL) == 0);
	CHECK_INT(c.interest, 30000);	/* 60,000 x 10 x 0.05% */

	/* a move after the end does not count */
	late[0].date = d("2026-12-01");
	CHECK(interest_claim(&r, 10000000, d("2026-03-16"), d("2026-03-26"),
	    late, 1, &c, NULL, NULL) == 0);
	CHECK_INT(c.interest, 50000);

	/* grace, waive: paid within the grace is nothing; beyond it, from
	 * the due date */
	struct interest g = rule("0.05", 1, 15, 0);
	late[0].date = d("2026-03-26");
	late[0].amt = -10000000;
	CHECK(interest_claim(&g, 10000000, d("2026-03-16"), d("2026-11-30"),
	    late, 1, &c, NULL, NULL) == 0);
	CHECK_INT(c.interest, 0);
	late[0].date = d("2026-04-05");	/* 20 days late */
	CHECK(interest_claim(&g, 10000000, d("2026-03-16"), d("2026-11-30"),
	    late, 1, &c, NULL, NULL) == 0);
	CHECK_INT(c.interest, 100000);
	/* deduct: only the days beyond the grace */
	g.deduct = 1;
	CHECK(interest_claim(&g, 10000000, d("2026-03-16"), d("2026-11-30"),
	    late, 1, &c, NULL, NULL) == 0);
	CHECK_INT(c.interest, 25000);

	/* a yearly rate: 6% a year on 365,000.00 for 10 days = 600.00 */
	struct interest y = rule("6", 0, 0, 0);
	CHECK(interest_claim(&y, 36500000, d("2026-01-01"), d("2026-01-11"),
	    NULL, 0, &c, NULL, NULL) == 0);
	CHECK_INT(c.interest, 60000);
	/* rounding half away from zero, once on the exact sum:
	 * 1.00 x 3 days x 0.05% = 0.15 cents -> 0; 10.00 -> 1.5 -> 2 */
	CHECK(interest_claim(&r, 1000, d("2026-01-01"), d("2026-01-04"), NULL, 0,
	    &c, NULL, NULL) == 0);
	CHECK_INT(c.interest, 2);

	/* a balance that goes up again (an adjustment) accrues again */
	struct balmove up[] = { { 0, -10000000 }, { 0, 5000000 } };
	up[0].date = d("2026-01-11");
	up[1].date = d("2026-01-21");
	CHECK(interest_claim(&r, 10000000, d("2026-01-01"), d("2026-01-31"), up,
	    2, &c, NULL, NULL) == 0);
	CHECK_INT(c.interest, 75000);	/* 100,000 x 10 + 50,000 x 10 */
	CHECK_INT(c.nseg, 2);

	/* sorting keeps blank dates first and one day's order */
	struct balmove s[] = { { 20, -1 }, { DATE_NONE, -2 }, { 10, -3 },
	    { 20, -4 } };
	balmove_sort(s, 4);
	CHECK(s[0].date == DATE_NONE && s[1].amt == -3 && s[2].amt == -1 &&
	    s[3].amt == -4);

	/* too large: -1, never a wrong figure */
	struct interest big = rule("99999", 1, 0, 0);
	CHECK(interest_claim(&big, INT64_MAX / 2, 0, 3000000, NULL, 0, &c, NULL,
	    NULL) == -1);
	struct balmove ov[] = { { 5, INT64_MAX } };
	CHECK(interest_claim(&r, INT64_MAX, 0, 10, ov, 1, &c, NULL, NULL) == -1);

	/* the cap: a claim over PCT of the amount */
	struct decimal cap;
	CHECK(decimal_parse("24", &cap) == 0);
	CHECK(!interest_over_cap(2400, 10000, &cap));
	CHECK(interest_over_cap(2401, 10000, &cap));
	return unit_done("test-interest");
}
