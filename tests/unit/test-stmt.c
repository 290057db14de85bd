/* Unit tests: a customer's statement (SPEC 8): lines in date order and
 * the running balance, the check against the closing balance, ageing,
 * the matching of unapplied cash oldest first, what a demand may state,
 * and interest that counts the matching; the company file's checks. */
#include <stdint.h>
#include <stdlib.h>

#include "aging.h"
#include "company.h"
#include "date.h"
#include "stmt.h"
#include "unit.h"

static int32_t
d(const char *s)
{
	int32_t z = DATE_NONE;

	CHECK(date_parse(s, strlen(s), &z) == 0);
	return z;
}

static struct stmt_text
t(const char *s)
{
	struct stmt_text x = { s, strlen(s) };

	return x;
}

int
main(void)
{
	static const int edges[] = { 30, 60, 90, 120 };
	struct buckets bk;
	struct stmt s;
	struct stmt_line lines[3];
	struct stmt_item items[3];
	struct stmt_credit credits[1];
	struct interest in;
	int32_t end = d("2026-11-30");

	buckets_make(&bk, edges, 4, NULL, 0, 0);
	memset(&s, 0, sizeof(s));
	memset(lines, 0, sizeof(lines));
	memset(items, 0, sizeof(items));
	memset(credits, 0, sizeof(credits));
	/* opening 1100 (I1 and I0); lines out of order: a receipt of 300 on 11-20, an
	 * invoice of 500 on 11-05, a credit of 50 on 11-05 after it */
	s.opening = 110000;
	lines[0] = (struct stmt_line){ 3, d("2026-11-20"), DATE_NONE, 2, 0,
		-30000, 0, t("R1"), t("") };
	lines[1] = (struct stmt_line){ 1, d("2026-11-05"), d("2026-12-05"),
		0, 0, 50000, 0, t("I2"), t("") };
	lines[2] = (struct stmt_line){ 2, d("2026-11-05"), DATE_NONE, 1, 0,
		-5000, 0, t("CN"), t("I1") };
	s.lines = lines;
	s.nlines = 3;
	/* open at the end: I1 (950, 61 days overdue), I2 (500, not due),
	 * I0 disputed (100, 200 days), and R1's 300 unapplied */
	items[0] = (struct stmt_item){ 10, d("2026-08-01"), d("2026-09-30"),
		61, bucket_of(&bk, 61), 0, 100000, 95000, 0, t("I1"), NULL, 0, 1 };
	items[1] = (struct stmt_item){ 11, d("2026-11-05"), d("2026-12-05"),
		-5, bucket_of(&bk, -5), 0, 50000, 50000, 0, t("I2"), NULL, 0, 0 };
	items[2] = (struct stmt_item){ 9, d("2026-04-01"), d("2026-05-14"),
		200, bucket_of(&bk, 200), 1, 10000, 10000, 0, t("I0"), NULL, 0, 0 };
	s.items = items;
	s.nitems = 3;
	credits[0] = (struct stmt_credit){ 3, d("2026-11-20"), 2, -30000,
		t("R1") };
	s.credits = credits;
	s.ncredits = 1;
	s.closing = 95000 + 50000 + 10000 - 30000;

	/* the opening and the lines do not make a wrong closing balance */
	s.closing += 1;
	CHECK(stmt_finish(&s, &bk) == -1);
	s.closing -= 1;
	stmt_free(&s);
	s.lines = lines, s.nlines = 3, s.items = items, s.nitems = 3;
	s.credits = credits, s.ncredits = 1;
	s.opening = 110000;
	s.closing = 95000 + 50000 + 10000 - 30000;
	CHECK(stmt_finish(&s, &bk) == 0);
	/* date order, input order within a day; the running balance */
	CHECK_STR(s.lines[0].inv.p, "I2");
	CHECK_STR(s.lines[1].inv.p, "CN");
	CHECK_STR(s.lines[2].inv.p, "R1");
	CHECK_INT(s.lines[0].running, 160000);
	CHECK_INT(s.lines[1].running, 155000);
	CHECK_INT(s.lines[2].running, 125000);
	CHECK_INT(s.sum_debit, 50000);
	CHECK_INT(s.sum_credit, 35000);
	/* aged: 121+ 100, 61-90 950, current 500, unapplied -300 */
	CHECK_INT(s.aged[bucket_of(&bk, 200)], 10000);
	CHECK_INT(s.aged[bucket_of(&bk, 61)], 95000);
	CHECK_INT(s.aged[0], 50000);
	CHECK_INT(s.unapplied, -30000);
	/* a demand: I1 only (I0 is disputed, I2 not due), less R1 */
	CHECK_INT(s.overdue, 95000);
	CHECK_INT(s.noverdue, 1);
	CHECK_INT(s.net_overdue, 65000);
	/* R1 goes to the oldest undisputed open item, I1 (items sorted by
	 * due date: I0, I1, I2) */
	CHECK_INT(s.nmatches, 1);
	CHECK_STR(s.items[s.matches[0].item].inv.p, "I1");
	CHECK_INT(s.matches[0].take, -30000);
	CHECK_INT(s.matches[0].left, 0);
	CHECK_INT(s.matches[0].item_left, 65000);

	/* interest on I1 at 36.5% a year (0.1% a day), its own moves left
	 * empty here: 1000 from the due date 09-30, less R1 as matched from
	 * 11-20: 1000 x 51 days + 700 x 10 days = 58,000 x 0.001 = 58.00 */
	memset(&in, 0, sizeof(in));
	CHECK(decimal_parse("36.5", &in.pct) == 0);
	CHECK(stmt_claims(&s, &in, end, NULL) == 0);
	CHECK_INT(s.nintr, 1);
	CHECK_INT(s.intr[0].interest, 5800);
	CHECK_INT(s.intr[0].last, end);
	CHECK_INT(s.interest_open, 5800);
	CHECK_INT(s.nsegs, 2);
	CHECK_INT(s.segs[1].bal, 70000);
	stmt_free(&s);

	/* a credit balance: nothing to demand */
	memset(&s, 0, sizeof(s));
	memset(items, 0, sizeof(items));
	items[0] = (struct stmt_item){ 1, d("2026-09-01"), d("2026-10-01"),
		60, bucket_of(&bk, 60), 0, 10000, 10000, 0, t("A"), NULL, 0, 0 };
	items[1] = (struct stmt_item){ 2, d("2026-09-02"), d("2026-10-02"),
		59, bucket_of(&bk, 59), 0, -20000, -20000, 0, t("B"), NULL, 0, 0 };
	s.items = items;
	s.nitems = 2;
	s.opening = s.closing = -10000;
	CHECK(stmt_finish(&s, &bk) == 0);
	CHECK_INT(s.overdue, 10000);
	CHECK_INT(s.credit, -20000);	/* an item paid over counts */
	CHECK_INT(s.net_overdue, 0);
	stmt_free(&s);

	return unit_done("test-stmt");
}
