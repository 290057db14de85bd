/* dealrec.h - a deal from a record (SPEC 6): the fields deal-plan reads,
 * each through one checked parser; a field that cannot be used rejects
 * the record with its name and value (SPEC 1.5). */
#ifndef DEALREC_H
#define DEALREC_H

#include "deal.h"
#include "ledger.h"
#include "rec.h"

/* The fields, in the order of their names. */
enum deal_field { F_CUSTOMER, F_DEAL, F_LIST, F_COST, F_CURRENCY, F_COMPETITOR_PRICE,
	F_COMPETITOR, F_BUDGET, F_MIN_MARGIN, F_TARGET_MARGIN, F_REASON,
	F_ROLES, F_YEARS, F_OPEX, F_COMPETITOR_OPEX, F_CONDITIONS,
	F_OBJECTIONS, F_INDUSTRY, F_SCOPE_BASIC, F_SCOPE_OPTIMAL,
	F_SCOPE_REFERENCE, F_TERMS_DAYS, F_CASE_VALUE, F_DECISION_DATE,
	F_RATING, NFIELDS = F_RATING + NRATINGS };

/* A deal as read: the numbers deal.c plans with, and its words. */
struct deal_input {
	struct deal d;
	struct text customer, deal, currency, competitor, industry;
	struct scope scope[NOFFERS];	/* resolved: defaults, costs */
};

struct deal_reader {
	struct rec_reader *r;
	const char *currency;	/* of deals that name none (--currency) */
	int col[NFIELDS];
};

/* Look up the columns of R; a missing customer, deal, list_price or cost
 * is fatal (exit 2). */
void deal_reader_init(struct deal_reader *dr, struct rec_reader *r,
    const char *currency);
/* Read X into IN; on a field that cannot be used, reject X and return -1.
 * IN's texts point into X (valid until the next record). */
int deal_read(struct deal_reader *dr, struct rec *x, struct deal_input *in);

#endif
