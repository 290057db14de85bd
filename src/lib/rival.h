/* rival.h - the comparison with the competitor (优劣式对比清单, SPEC 6):
 * a loader beside the record reader for deal-plan's --rival file, rows of
 * deal, attribute, weight, ours and theirs (numbers from 0 to 999999999,
 * 4 decimals at most). A row names its deal, or none: then it is every
 * deal's that has a competitor and no rows of its own. */
#ifndef RIVAL_H
#define RIVAL_H

#include <stddef.h>

#include "deal.h"

#define RIVAL_MAX 1000		/* attributes of one deal */
#define RIVAL_ROWS 1000000	/* rows of a file */

/* The rows in order of (deal, line): each deal's attributes are one run
 * of attr[], the rows without a deal the run of deal "". */
struct rivals {
	struct rival_attr *attr;
	char **deal;
	size_t n;
};

/* Read PATH into RV. A bad line (a blank attribute, a number that is not
 * one, an attribute twice for a deal), a missing column, or a deal whose
 * attributes all weigh zero is fatal (exit 2), naming the file. */
void rivals_load(const char *path, struct rivals *rv);
void rivals_free(struct rivals *rv);
/* The comparison of deal DEAL (N bytes): its own rows, else, when it
 * HAS_COMPETITOR, the rows without a deal; NULL and *COUNT = 0 when none. */
const struct rival_attr *rivals_for(const struct rivals *rv, const char *deal,
    size_t n, int has_competitor, int *count);

#endif
