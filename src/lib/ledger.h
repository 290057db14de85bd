/* ledger.h - the canonical ledger (SPEC 1.3): typed documents from records. */
#ifndef LEDGER_H
#define LEDGER_H

#include <stdint.h>

#include "rec.h"

enum doc_type { DOC_INVOICE, DOC_CREDIT_NOTE, DOC_PAYMENT, DOC_ADJUSTMENT };

struct text {
	const char *p;
	size_t n;
};

struct doc {
	struct text customer, invoice, ref, company, currency, fiscal_year;
	enum doc_type type;
	int32_t invoice_date, due_date, paid_date;	/* DATE_NONE if blank */
	int64_t amount, paid;		/* minor units */
	int64_t open;			/* given (an open-item list): has_open */
	int has_open;
	int dec;			/* the currency's decimals */
	int disputed;
};

/* What a tool needs of each record, beyond customer, invoice and amount. */
enum {
	LD_DUE = 1 << 0,	/* due_date required on invoices */
	LD_INVOICE_DATE = 1 << 1	/* invoice_date required on invoices */
};

struct ledger {
	struct rec_reader *r;
	int customer, invoice, doc_type, ref, invoice_date, due_date, amount,
	    paid, paid_date, currency, company, disputed, fiscal_year, open;
	const char *default_currency;
	unsigned need;
	/* currencies seen lately, and their decimals */
	struct {
		char code[8];
		size_t n;
		int dec;
	} cur[8];
	unsigned curnext;
};

/* Looks up the columns; a missing required column is fatal (exit 2). */
void ledger_init(struct ledger *l, struct rec_reader *r,
    const char *default_currency, unsigned need);
/* Reads X into D; on bad data rejects X (FILE:LINE, field, value) and
 * returns -1. */
int ledger_read(struct ledger *l, struct rec *x, struct doc *d);

/* Typed field access for tools, rejecting on error (-1). */
int field_money(struct rec_reader *r, struct rec *x, int slot, int dec,
    int64_t *out, int required);
int field_date(struct rec_reader *r, struct rec *x, int slot, int32_t *out,
    int required);
/* yes/no, 1/0, true/false (any case), JSON booleans; blank = DFLT. */
int field_bool(struct rec_reader *r, struct rec *x, int slot, int *out, int dflt);
/* Text of a scalar field (a nested value is rejected). */
int field_text(struct rec_reader *r, struct rec *x, int slot, struct text *t,
    int required);
/* A word of a vocabulary read by PARSE (-1 when unknown, which is
 * rejected with the reason WHY). */
int field_enum(struct rec_reader *r, struct rec *x, int slot,
    int (*parse)(const char *s, size_t n), const char *why, int *out);

/* Does the input say anything about payments (a doc_type or ref column)? */
int ledger_has_docs(const struct ledger *l);
/* Is it an open-item list (an open column, SPEC 1.10)? */
int ledger_has_open(const struct ledger *l);

#endif
