/* payplan.h - an instalment schedule with interest, exact to the cent
 * (分期付款, SPEC 9). Pure functions over a balance and the terms. */
#ifndef PAYPLAN_H
#define PAYPLAN_H

#include <stddef.h>
#include <stdint.h>

#include "money.h"

#define PAYPLAN_MAXN 600

enum pp_every { PP_MONTH, PP_2W, PP_WEEK };

struct pp_terms {
	int n;			/* instalments, after the down payment */
	enum pp_every every;
	int32_t as_of;		/* the agreement's date: the down payment's */
	int32_t start;		/* the first instalment's due date */
	struct decimal down;	/* percent of the balance, 首付 (0: none) */
	struct decimal rate;	/* percent a year, or DAILY a day */
	int daily;
	int equal_principal;	/* else annuity */
};

struct instalment {
	int k;			/* 0: the down payment; 1 .. n */
	int32_t due;
	int64_t principal, interest, payment, remaining;
};

/* The due date of instalment K >= 1: START plus K-1 periods (a month
 * keeps START's day of the month, or the month's last day). */
int32_t payplan_due(const struct pp_terms *t, int k);
/* The schedule of BALANCE (> 0) into OUT (n + 1 entries; *NOUT set): a
 * down payment when DOWN > 0, then N instalments; the interest of a period
 * is the remaining principal x the period's rate (the yearly rate / 12,
 * / 26 or / 52; a daily rate x 365 first), rounded half away from zero;
 * the last instalment takes what rounding left. Σ principal = BALANCE.
 * Returns NULL, or why not (a figure too large). */
const char *payplan_make(const struct pp_terms *t, int64_t balance,
    struct instalment *out, int *nout);
/* The plan id into BUF (at least PAYPLAN_IDLEN bytes): PP-YYYYMMDD-XXXXXXXX,
 * the agreement's date and FNV-1a (32 bits) of KEY, the customer and the
 * currency: the same plan has the same id whoever else is in the input. */
#define PAYPLAN_IDLEN 24
void payplan_id(char *buf, int32_t as_of, const char *key, size_t n);
/* The level payment of an annuity of PRINCIPAL over N periods at NUM/DEN
 * a period, rounded to the minor unit; -1 when too large. */
int payplan_annuity(int64_t principal, int n, i128 num, i128 den,
    int64_t *out);

#endif
