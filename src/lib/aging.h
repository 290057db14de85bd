/* aging.h - ageing rules as data: buckets (SPEC 3) and late interest. */
#ifndef AGING_H
#define AGING_H

#include <stdint.h>

#include "interest.h"
#include "money.h"

#define AGING_MAXEDGES 12

struct bucket {
	char name[32];		/* summary column: d1_30 */
	char label[32];		/* detail value and table header: 1-30 */
	char zh[48];		/* table header in Chinese: 1-30天 */
};

/* The buckets: `current` (days <= 0), then with FUTURE the days until due
 * (f1_30 ...; current then holds only what is due that day), then the
 * overdue ones from EDGES (d1_30 ... d121_plus). BY_AGE: ages from the
 * invoice date, no current: d0_30, d31_60 ... */
struct buckets {
	struct bucket b[2 * AGING_MAXEDGES + 4];
	int n, first_overdue;
	int edges[AGING_MAXEDGES], nedges;
	int future[AGING_MAXEDGES], nfuture;
	int by_age;
};
void buckets_make(struct buckets *bs, const int *edges, int nedges,
    const int *future, int nfuture, int by_age);
int bucket_of(const struct buckets *bs, int32_t days);

#endif
