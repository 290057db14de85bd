/* stmtdoc.h - the letters of ar-statement (SPEC 8) as Markdown pages:
 * 对账单 (statement), 对账函 (confirm, with a reply slip), 催款函
 * (reminder) and 最后催告函 (final). The wording is data: the tables in
 * stmtdoc.c, rendered by prose.c. */
#ifndef STMTDOC_H
#define STMTDOC_H

#include <stdint.h>

#include "aging.h"
#include "company.h"
#include "prose.h"
#include "stmt.h"

enum stmt_kind { SK_STATEMENT, SK_CONFIRM, SK_REMINDER, SK_FINAL };

struct stmt_doc {
	const struct stmt *s;
	const struct company *co;
	const struct buckets *bk;
	enum stmt_kind kind;
	int zh;
	int32_t from, to, as_of, pay_by;
	const char *rate;	/* the percentage, or NULL: no interest clause */
	int daily;		/* a day, not a year */
	const char *cap;	/* "24", or NULL */
};

/* The page of D into O. Returns the number of unknown placeholders (a
 * bug: the tests look for none). */
int stmtdoc_md(struct prose_out *o, const struct stmt_doc *d);

#endif
