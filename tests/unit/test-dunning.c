/* Unit tests: the limitation warning's shortcut (dun_statute_warns) says
 * what the calendar says, on every day near the end and far from it. */
#include <stdint.h>
#include <stdlib.h>

#include "date.h"
#include "dunning.h"
#include "money.h"
#include "unit.h"

static int32_t
d(const char *s)
{
	int32_t z = DATE_NONE;

	CHECK(date_parse(s, strlen(s), &z) == 0);
	return z;
}

/* the definition: the warning's day, from the end, from the calendar */
static int
slow(const struct dun_policy *p, const struct dun_cal *c, int32_t due,
    int32_t rc, int32_t ack, int32_t dem, int32_t day)
{
	return dun_statute_day(p, c, dun_statute_end(p, due, rc, ack, dem)) ==
	    day;
}

/* a date in 2000..2039, or (one time in three) none */
static int32_t
some_date(int none_ok)
{
	if (none_ok && rand() % 3 == 0)
		return DATE_NONE;
	return d("2000-01-01") + rand() % (40 * 365);
}

int
main(void)
{
	struct dun_policy p;
	struct dun_cal cal[2] = { { 0, NULL }, { 1, NULL } };
	static const int years[] = { 3, 2, 1, 4 };
	static const int warn[] = { 60, 0, 400, 1 };
	long agree = 0, warned = 0;

	memset(&p, 0, sizeof(p));
	p.lead[3] = 3;
	/* the reads: no stage is the unknown stage */
	CHECK_INT(dun_stage_lead(&p, "", 0), 3);

	/* 29 February: three years on is 28 February (or the 29th in a leap
	 * year), the warning 60 days before that, a working day */
	p.statute_years = 3;
	p.statute_warn = 60;
	CHECK_INT(dun_statute_end(&p, d("2024-02-29"), DATE_NONE, DATE_NONE,
	    DATE_NONE), d("2027-02-28"));
	CHECK(dun_statute_warns(&p, &cal[0], d("2024-02-29"), DATE_NONE,
	    DATE_NONE, DATE_NONE, d("2027-02-28") - 60));
	CHECK(!dun_statute_warns(&p, &cal[0], d("2024-02-29"), DATE_NONE,
	    DATE_NONE, DATE_NONE, d("2027-02-28") - 61));
	/* a receipt restarts it; a later acknowledgement or demand too */
	CHECK(dun_statute_warns(&p, &cal[0], d("2020-01-10"), d("2021-05-03"),
	    DATE_NONE, DATE_NONE, d("2024-05-03") - 60));
	CHECK(dun_statute_warns(&p, &cal[0], d("2020-01-10"), d("2021-05-03"),
	    DATE_NONE, d("2022-06-30"), d("2025-06-30") - 60));

	/* random items, every day from 50 days before the shortcut's bound
	 * to 50 days after the end, and days far from it */
	srand(17);
	for (int t = 0; t < 4000; t++) {
		int32_t due = some_date(0), rc = some_date(1), ack = some_date(1),
		    dem = some_date(1), end;
		const struct dun_cal *c = &cal[t % 2];
		p.statute_years = years[t % 4];
		p.statute_warn = warn[(t / 4) % 4];
		end = dun_statute_end(&p, due, rc, ack, dem);
		for (int32_t day = end - p.statute_warn - 60; day <= end + 50;
		    day++) {
			int fast = dun_statute_warns(&p, c, due, rc, ack, dem, day);
			if (fast == slow(&p, c, due, rc, ack, dem, day))
				agree++;
			else
				CHECK(fast == slow(&p, c, due, rc, ack, dem, day));
			warned += fast;
		}
		for (int k = 0; k < 20; k++) {
			int32_t day = some_date(0);
			CHECK(dun_statute_warns(&p, c, due, rc, ack, dem, day) ==
			    slow(&p, c, due, rc, ack, dem, day));
		}
	}
	CHECK(agree > 4000 * 100);

	/* a threshold scaled by the grade: 64 bits where they do, as the
	 * 128-bit rounding says */
	for (int t = 0; t < 20000; t++) {
		int days = t % 7 == 0 ? rand() % 2000000 : rand() % 400;
		int64_t want;
		char grade = "ABCDEN"[t % 6];
		p.scale[dun_grade_index(grade)] = t % 11 == 0 ?
		    (int64_t)rand() * rand() : rand() % 40000;
		if (muldiv_round(days, p.scale[dun_grade_index(grade)], 10000,
		    &want) != 0 || want > 1000000)
			want = 1000000;
		CHECK_INT(dun_scaled(&p, days, grade), want);
	}
	CHECK(warned >= 4000);	/* each item warns on one of those days */
	return unit_done("dunning");
}
