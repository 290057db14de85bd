/* Unit tests: civil days, parsing, weekdays; independent of TZ. */
#include <stdio.h>
#include <stdlib.h>

#include "date.h"
#include "unit.h"

static int32_t
p(const char *s, int ok)
{
	int32_t d = 12345;

	CHECK_INT(date_parse(s, strlen(s), &d), ok ? 0 : -1);
	return d;
}

int
main(void)
{
	char buf[16];
	int y, m, d;

	/* fuzz regression: ten NUL bytes matched an empty slot of the
	 * parse cache and read as 1970-01-01 */
	{
		char z[10] = { 0 };
		int32_t dz;
		CHECK_INT(date_parse(z, 10, &dz), -1);
	}
	CHECK_INT(date_from_civil(1970, 1, 1), 0);
	CHECK_INT(date_from_civil(2000, 3, 1), 11017);
	CHECK_INT(date_from_civil(1969, 12, 31), -1);
	CHECK_INT(p("2026-11-30", 1) - p("2026-08-31", 1), 91);
	CHECK_INT(p("2024-03-01", 1) - p("2024-02-28", 1), 2);	/* leap year */
	CHECK_INT(p("2100-03-01", 1) - p("2100-02-28", 1), 1);	/* not leap */
	CHECK_INT(p("2000-03-01", 1) - p("2000-02-28", 1), 2);	/* leap */
	p("2026-02-29", 0);
	p("2024-02-29", 1);
	p("0000-00-00", 0);
	p("0001-01-01", 1);
	p("9999-12-31", 1);
	p("2026-13-01", 0);
	p("2026-04-31", 0);
	p("2026-1-01", 0);
	p("26-11-30", 0);
	p("2026/11/30", 0);
	p("2026-11-30T00:00", 0);
	p(" 2026-11-30 ", 1);
	p("", 0);
	p("２０２６-11-30", 0);
	/* round trip over four centuries */
	for (int32_t z = date_from_civil(1600, 1, 1); z < date_from_civil(2401, 1, 1);
	    z += 1) {
		date_to_civil(z, &y, &m, &d);
		if (date_from_civil(y, m, d) != z || !date_valid(y, m, d)) {
			CHECK(0);
			break;
		}
	}
	date_format(buf, date_from_civil(2026, 1, 5));
	CHECK_STR(buf, "2026-01-05");
	date_format(buf, date_from_civil(1, 1, 1));
	CHECK_STR(buf, "0001-01-01");
	CHECK_INT(date_weekday(date_from_civil(2026, 11, 30)), 0);	/* Monday */
	CHECK_INT(date_weekday(date_from_civil(1970, 1, 1)), 3);	/* Thursday */
	CHECK_INT(date_weekday(date_from_civil(1969, 12, 28)), 6);	/* Sunday */
	CHECK_INT(date_month_end(date_from_civil(2024, 2, 10)),
	    date_from_civil(2024, 2, 29));
	CHECK_INT(date_month_start(date_from_civil(2024, 2, 10)),
	    date_from_civil(2024, 2, 1));
	/* today does not depend on the locale, and TZ only moves the day */
	{
		int32_t a, b;
		setenv("TZ", "UTC", 1);
		CHECK_INT(date_parse_asof("today", &a), 0);
		setenv("TZ", "Asia/Shanghai", 1);
		CHECK_INT(date_parse_asof("today", &b), 0);
		CHECK(b - a >= 0 && b - a <= 1);
	}
	/* the cron words (SPEC 1.4) */
	{
		int32_t t, yd, me, lme;
		setenv("TZ", "UTC", 1);
		CHECK_INT(date_parse_asof("today", &t), 0);
		CHECK_INT(date_parse_asof("yesterday", &yd), 0);
		CHECK_INT(date_parse_asof("month-end", &me), 0);
		CHECK_INT(date_parse_asof("last-month-end", &lme), 0);
		CHECK_INT(yd, t - 1);
		CHECK_INT(me, date_month_end(t));
		CHECK(me >= t && date_month_start(me + 1) == me + 1);
		CHECK_INT(lme, date_month_start(t) - 1);
		CHECK_INT(date_month_end(lme), lme);
	}
	CHECK_INT(date_parse_asof("last-week", &(int32_t){ 0 }), -1);
	CHECK_INT(date_parse_asof("Today", &(int32_t){ 0 }), -1);
	/* the parse cache (4,096 slots a thread) under collisions: 60,000
	 * random dates of 1990..2069, each read twice, agree with the
	 * calendar */
	{
		int bad = 0;
		srand(3);
		for (int k = 0; k < 60000; k++) {
			int yy = 1990 + rand() % 80, mm = 1 + rand() % 12,
			    dd = 1 + rand() % date_days_in_month(yy, mm);
			char b[16];
			int32_t z1 = 0, z2 = 0;
			snprintf(b, sizeof(b), "%04d-%02d-%02d", yy, mm, dd);
			if (date_parse(b, 10, &z1) != 0 || date_parse(b, 10, &z2) != 0 ||
			    z1 != date_from_civil(yy, mm, dd) || z2 != z1)
				bad++;
		}
		CHECK_INT(bad, 0);
	}
	return unit_done("test-date");
}
