/* date.h - dates as civil days (SPEC 1.4): no time zone, no mktime, no locale. */
#ifndef DATE_H
#define DATE_H

#include <stddef.h>
#include <stdint.h>

/* Days since 1970-01-01 in the proleptic Gregorian calendar. */
int32_t date_from_civil(int y, int m, int d);
void date_to_civil(int32_t z, int *y, int *m, int *d);
int date_valid(int y, int m, int d);
int date_days_in_month(int y, int m);
/* Strict YYYY-MM-DD (years 0001..9999); surrounding spaces allowed.
 * Returns 0 and sets *out, or -1. */
int date_parse(const char *s, size_t n, int32_t *out);
/* --as-of: YYYY-MM-DD, or "today", "yesterday", "month-end" (of this
 * month), "last-month-end": from the local date under TZ. */
int date_parse_asof(const char *s, int32_t *out);
/* Writes YYYY-MM-DD and a NUL into BUF (at least 11 bytes); returns 10. */
size_t date_format(char *buf, int32_t z);
/* 0 = Monday .. 6 = Sunday */
int date_weekday(int32_t z);
/* First day of Z's month, and the last. */
int32_t date_month_start(int32_t z);
int32_t date_month_end(int32_t z);

#define DATE_NONE INT32_MIN

#endif
