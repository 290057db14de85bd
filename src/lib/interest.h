/* interest.h - late interest (逾期利息) in exact money (SPEC 3, 8).
 *
 * Interest follows the balance: an invoice's balance moves on the dates
 * of its receipts, credits and adjustments, and each stretch of days at
 * one balance (a segment) accrues balance x rate x days. A receipt on day
 * D ends the segment before it: from D on the lower balance accrues. An
 * invoice paid late in full accrues until the day it was settled. Pure
 * functions over values: no reader, no file. */
#ifndef INTEREST_H
#define INTEREST_H

#include <stddef.h>
#include <stdint.h>

#include "money.h"

/* The rule: PCT a year (balance * PCT/100/365 a day) or, DAILY, PCT a day;
 * nothing until more than GRACE days overdue, then from the due date
 * (waive) or for the days beyond the grace (DEDUCT). */
struct interest {
	struct decimal pct;
	int daily, grace, deduct;
};

/* Interest on OPEN minor units DAYS overdue, rounded half away from zero;
 * 0 unless both are positive. -1 when it does not fit in 64 bits. */
int interest_of(const struct interest *in, int64_t open, int32_t days,
    int64_t *out);

/* One move of an invoice's balance: on DATE (DATE_NONE: before any date)
 * by AMT minor units (negative for receipts and credits). */
struct balmove {
	int32_t date;
	int64_t amt;
};

/* What one invoice owes in interest up to a day. */
struct claim {
	int64_t interest;	/* rounded once, on the exact sum below */
	i128 bal_days;		/* sum of balance x days over the segments */
	int32_t from, to;	/* the window charged: [from, to) */
	int32_t last;		/* the end of the last segment with a balance */
	int nseg;		/* segments with a positive balance */
	int64_t max_bal;	/* the largest balance charged */
};

/* Sorts MOVES (N of them) by date, blank dates first, keeping their order
 * on one day. */
void balmove_sort(struct balmove *moves, size_t n);

/* The interest on an item of AMOUNT due on DUE with MOVES (sorted) up to
 * END (the as-of day): each segment with a positive balance from the due
 * date (waive) or the end of the grace (deduct) to END accrues balance x
 * days; an item settled early accrues nothing more. With waive, the grace
 * is exceeded when the last day with a balance is more than GRACE days
 * after DUE. Moves after END are ignored. With SEG, each segment
 * with a positive balance is also told: SEG(from, to, balance, arg).
 * Returns -1 when a figure does not fit in 64 bits. */
int interest_claim(const struct interest *in, int64_t amount, int32_t due,
    int32_t end, const struct balmove *moves, size_t n, struct claim *out,
    void (*seg)(int32_t from, int32_t to, int64_t bal, void *arg), void *arg);

/* Is CLAIM more than CAP percent of AMOUNT (--interest-cap)? */
int interest_over_cap(int64_t claim, int64_t amount, const struct decimal *cap);

#endif
