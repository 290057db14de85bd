/* date.c - civil-day arithmetic (H. Hinnant's days_from_civil algorithms). */
#include <string.h>
#include <time.h>

#include "date.h"

int32_t
date_from_civil(int y, int m, int d)
{
	int era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return (int32_t)(era * 146097 + doe - 719468);
}

void
date_to_civil(int32_t z, int *y, int *m, int *d)
{
	int32_t era, doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (*m <= 2));
}

int
date_days_in_month(int y, int m)
{
	static const int dim[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	if (m == 2 && (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)))
		return 29;
	return dim[m - 1];
}

int
date_valid(int y, int m, int d)
{
	return y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 &&
	    d <= date_days_in_month(y, m);
}

static int
digits(const char *s, int n)
{
	int v = 0;

	for (int i = 0; i < n; i++) {
		unsigned c = (unsigned char)s[i] - '0';
		if (c > 9)
			return -1;
		v = v * 10 + (int)c;
	}
	return v;
}

/* Ledgers repeat their dates: a small cache per thread saves the checks. */
static _Thread_local struct {
	char s[10];
	int32_t d;
} dcache[4096];	/* (three years of due and invoice dates) */

int
date_parse(const char *s, size_t n, int32_t *out)
{
	int y, m, d;
	unsigned h = 0;
	const char *s0 = s;

	if (n == 10) {
		/* the year's last two digits, the month's, the day's */
		h = (((((unsigned char)s[3] * 10u + (unsigned char)s[2]) * 12u +
		    (unsigned char)s[5] * 10u + (unsigned char)s[6]) * 31u +
		    (unsigned char)s[8] * 10u + (unsigned char)s[9]) * 2654435761u)
		    >> 20;
		/* (an empty slot is ten NUL bytes: not a date) */
		if (dcache[h].s[0] != '\0' && memcmp(dcache[h].s, s, 10) == 0) {
			*out = dcache[h].d;
			return 0;
		}
	}

	while (n > 0 && *s == ' ')
		s++, n--;
	while (n > 0 && s[n - 1] == ' ')
		n--;
	if (n != 10 || s[4] != '-' || s[7] != '-')
		return -1;
	y = digits(s, 4);
	m = digits(s + 5, 2);
	d = digits(s + 8, 2);
	if (y < 0 || m < 0 || d < 0 || !date_valid(y, m, d))
		return -1;
	*out = date_from_civil(y, m, d);
	if (n == 10 && s == s0) {
		memcpy(dcache[h].s, s, 10);
		dcache[h].d = *out;
	}
	return 0;
}

int
date_parse_asof(const char *s, int32_t *out)
{
	/* the words a cron job means (SPEC 1.4), from the local date */
	static const char *const words[] = {
		"today", "yesterday", "month-end", "last-month-end"
	};
	int w;

	for (w = 0; w < 4; w++)
		if (strcmp(s, words[w]) == 0)
			break;
	if (w < 4) {
		time_t t = time(NULL);
		struct tm tm;
		int32_t today;
		if (localtime_r(&t, &tm) == NULL)
			return -1;
		today = date_from_civil(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
		*out = w == 0 ? today : w == 1 ? today - 1 : w == 2 ?
		    date_month_end(today) : date_month_start(today) - 1;
		return 0;
	}
	return date_parse(s, strlen(s), out);
}

size_t
date_format(char *buf, int32_t z)
{
	int y, m, d;

	date_to_civil(z, &y, &m, &d);
	if (y < 0 || y > 9999) {
		memcpy(buf, "0000-00-00", 11);
		return 10;
	}
	buf[0] = (char)('0' + y / 1000);
	buf[1] = (char)('0' + y / 100 % 10);
	buf[2] = (char)('0' + y / 10 % 10);
	buf[3] = (char)('0' + y % 10);
	buf[4] = '-';
	buf[5] = (char)('0' + m / 10);
	buf[6] = (char)('0' + m % 10);
	buf[7] = '-';
	buf[8] = (char)('0' + d / 10);
	buf[9] = (char)('0' + d % 10);
	buf[10] = '\0';
	return 10;
}

int
date_weekday(int32_t z)
{
	/* 1970-01-01 was a Thursday (3 when Monday is 0) */
	int32_t w = (z + 3) % 7;
	return (int)(w < 0 ? w + 7 : w);
}

int32_t
date_month_start(int32_t z)
{
	int y, m, d;

	date_to_civil(z, &y, &m, &d);
	return date_from_civil(y, m, 1);
}

int32_t
date_month_end(int32_t z)
{
	int y, m, d;

	date_to_civil(z, &y, &m, &d);
	return date_from_civil(y, m, date_days_in_month(y, m));
}
