/* unit.h - the smallest C test harness: CHECK, counts, exit status. */
#ifndef UNIT_H
#define UNIT_H

#include <stdio.h>
#include <string.h>

static int unit_run, unit_fail;

#define CHECK(c) do { unit_run++; if (!(c)) { unit_fail++; \
	fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #c); } } while (0)
#define CHECK_STR(a, b) do { const char *a_ = (a), *b_ = (b); unit_run++; \
	if (strcmp(a_, b_) != 0) { unit_fail++; fprintf(stderr, \
	"%s:%d: \"%s\" != \"%s\"\n", __FILE__, __LINE__, a_, b_); } } while (0)
#define CHECK_INT(a, b) do { long long a_ = (long long)(a), b_ = (long long)(b); \
	unit_run++; if (a_ != b_) { unit_fail++; fprintf(stderr, \
	"%s:%d: %s = %lld, expected %lld\n", __FILE__, __LINE__, #a, a_, b_); } } while (0)

static int
unit_done(const char *name)
{
	printf("%s: %d checks, %d failed\n", name, unit_run, unit_fail);
	return unit_fail != 0;
}

#endif
