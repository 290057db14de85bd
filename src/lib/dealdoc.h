/* dealdoc.h - deal-plan's plan for people (-o md, SPEC 6): the wording is
 * data (dealdoc.c's tables of section, condition, en, zh), rendered by
 * prose.c. A section appears when its inputs exist. */
#ifndef DEALDOC_H
#define DEALDOC_H

#include "cases.h"
#include "deal.h"
#include "ledger.h"
#include "prose.h"

struct deal_doc {
	const struct deal *d;
	const struct deal_plan *pl;
	const struct scope *scope;		/* [NOFFERS], resolved */
	struct text customer, deal, currency, competitor, industry;
	const struct rival_attr *attr;		/* the comparison used, or NULL */
	int nattr;
	const struct case_rec *cases[3];	/* the closest cases */
	int ncases;
	int32_t as_of;
	int has_cost_rate;			/* --cost-rate was given */
	int zh;
};

/* Append the plan of one deal to O, as Markdown. Returns the number of
 * placeholders the tables name and the code does not know (0). */
int deal_doc_md(struct prose_out *o, const struct deal_doc *doc);

#endif
