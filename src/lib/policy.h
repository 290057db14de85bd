/* policy.h - rule numbers as `key = value` lines (--policy, --policy-dump).
 *
 * A tool describes its keys in a table: name, default (as text), kind, a
 * one-line comment and where the value goes. policy_load() sets every
 * default, then reads the file; a line that is wrong (unknown key, bad
 * value, out of range, a key given twice) is a fatal error naming the file
 * and line. policy_dump() prints the defaults in the file's format. */
#ifndef POLICY_H
#define POLICY_H

#include <stdint.h>

enum pkind {
	PK_INT,		/* a whole number: int */
	PK_NUM,		/* a decimal with up to 4 places: int64_t, x 10000 */
	PK_WORD,	/* a word: char[32] */
	PK_POINTS	/* "x:y, x:y, ...", x whole, y a decimal: struct points */
};

#define POINTS_MAX 32
struct points {
	int n;
	int32_t x[POINTS_MAX];
	int64_t y[POINTS_MAX];	/* x 10000 */
};

struct pol {
	const char *key;
	const char *dflt;
	enum pkind kind;
	void *val;
	int64_t min, max;	/* PK_INT: as is; PK_NUM: x 10000 */
	const char *help;
};

void policy_load(const struct pol *t, const char *path);
void policy_dump(const struct pol *t, const char *title);

/* The table ends with a NULL key; its dflt, if any, says where the keys
 * are listed (an unknown key's message; default --policy-dump). */

/* y at x on the broken line through the points (ends held flat), x 10000. */
int64_t points_at(const struct points *p, int32_t x);

#endif
