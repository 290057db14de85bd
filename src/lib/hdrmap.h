/* hdrmap.h - export column names to canonical ledger fields (SPEC 2): the
 * synonym tables and the ERP profiles, as data. */
#ifndef HDRMAP_H
#define HDRMAP_H

#include <stddef.h>

/* ar-norm's fields: the canonical ledger (SPEC 1.3, in its order), then the
 * helpers that only feed it (an open balance, a settlement date, terms in
 * days, a debit/credit indicator, a credit-side amount). */
enum nfield {
	F_CUSTOMER, F_INVOICE, F_DOC_TYPE, F_REF, F_INVOICE_DATE, F_DUE_DATE,
	F_AMOUNT, F_PAID, F_PAID_DATE, F_CURRENCY, F_AMOUNT_LC, F_RATE,
	F_COMPANY, F_CONTRACT, F_STAGE, F_SALESPERSON, F_GRADE, F_DISPUTED,
	F_EXCUSE, F_POWER, F_PROMISE_DATE, F_PROMISE_AMOUNT, F_LAST_CONTACT,
	F_HOLD_UNTIL, F_FISCAL_YEAR,
	NCANON,
	F_OPEN = NCANON, F_SETTLED, F_TERMS, F_DC, F_CREDIT, F_CREDITED,
	NFIELDS
};
/* hdr_field()'s answer for a column a profile knows and keeps as it is
 * (Business Central's Open flag, Sage's Credit Limit): no field, but no
 * unknown amount either (SPEC 2.1). */
#define HDR_KEEP (-2)

enum nkind { K_TEXT, K_ID, K_ENUM, K_DATE, K_MONEY, K_RATE, K_BOOL, K_DAYS,
	K_DC };

struct nfielddef {
	const char *name;	/* canonical name, or the helper's -m name */
	enum nkind kind;
};
extern const struct nfielddef nfields[NFIELDS];
/* The field called NAME (for -m), or -1. */
int nfield_by_name(const char *name);

struct profile {
	const char *name;
	const char *desc;
	int order;		/* ORD_DMY, ORD_MDY or 0 */
	unsigned dec;		/* DEC_COMMA, DEC_POINT or 0 */
	const char *encoding;	/* tried when the input is not UTF-8 */
	int summary;		/* an ageing summary: buckets, no invoices */
	const char *columns;	/* the layout's columns, as documented */
};
extern const struct profile profiles[];
const struct profile *profile_by_name(const char *name);

/* The field a header cell (already through norm_header) names, HDR_KEEP,
 * or -1. PROFILE may be NULL; its own names come first (a profile may name
 * the unnamed column ""). *PRIO: lower is a better match (a customer id
 * beats a customer name). */
int hdr_field(const struct profile *p, const char *h, int *prio);

/* Print every profile and the names it adds, as CSV: profile,field,headers. */
void profiles_list(void);

#endif
