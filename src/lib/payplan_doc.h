/* payplan_doc.h - the instalment agreement (分期还款协议, SPEC 9) as prose
 * tables rendered to Markdown. */
#ifndef PAYPLAN_DOC_H
#define PAYPLAN_DOC_H

#include "payplan.h"
#include "prose.h"

/* CUSTOMER and CURRENCY are Markdown text (docw_md_escape). */
struct pp_doc {
	const char *customer, *contract, *currency, *creditor;
	int dec;
	int64_t balance;
	const struct pp_terms *t;
	const struct instalment *rows;
	int nrows;
};

/* Appends the agreement in Markdown to O (zh or en); returns the number
 * of unknown placeholders (0: a test checks it). */
int payplan_doc(struct prose_out *o, const struct pp_doc *d, int zh);

#endif
