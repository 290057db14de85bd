/* provision.h - the bad-debt provision (坏账准备, 账龄分析法), SPEC 3.
 *
 * A rate per ageing bucket, read as `bucket = PCT` lines (the bucket's
 * summary name: current, d1_365 ...), and `disputed = PCT` for disputed
 * items (default `bucket`: the rate of the bucket they are aged in). A
 * bucket not in the file keeps its default: the Chinese practice by age
 * since due, taken at the bucket's first day: within 1 year 5% (items not
 * yet due too), 1-2 years 10%, 2-3 years 30%, 3-4 years 50%, 4-5 years
 * 80%, over 5 years 100%. */
#ifndef PROVISION_H
#define PROVISION_H

#include <stdint.h>

#include "aging.h"
#include "policy.h"

#define PROVISION_EDGES { 365, 730, 1095, 1460, 1825 }
#define PROVISION_NEDGES 5

struct provision {
	int64_t rate[2 * AGING_MAXEDGES + 4];	/* percent x 10000 */
	int64_t disputed;			/* -1: as its bucket */
	/* the key table policy_load reads (names point into the buckets) */
	struct pol keys[2 * AGING_MAXEDGES + 6];
	char dflt[2 * AGING_MAXEDGES + 4][16];
	char dispword[32];
};

/* The rates for the buckets BS from PATH (NULL: the defaults); a wrong
 * line is fatal (exit 2) naming the file and line. */
void provision_load(struct provision *pv, const struct buckets *bs,
    const char *path);
/* The default rate (percent x 10000) for an item DAYS past due. */
int64_t provision_default(int32_t days);
/* The provision on OPEN in bucket B, rounded half away from zero; 0 for
 * open <= 0. */
int64_t provision_of(const struct provision *pv, int b, int disputed,
    int64_t open);
/* Print the defaults for BS as a file (for the man page, -v). */
void provision_dump(struct provision *pv, const struct buckets *bs);

#endif
