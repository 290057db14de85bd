/* stmt.h - one customer's statement of account in one currency (SPEC 8):
 * the figures ar-statement writes as records and as documents. Pure
 * functions over values: the tool reads the ledger and fills a struct
 * stmt; stmt_finish() orders the lines, runs the balance, proposes the
 * application of unapplied cash and ages the closing balance; stmtdoc.h
 * turns it into a letter. */
#ifndef STMT_H
#define STMT_H

#include <stddef.h>
#include <stdint.h>

#include "aging.h"
#include "company.h"
#include "interest.h"
#include "money.h"

struct stmt_text {
	const char *p;
	size_t n;
};

/* A document dated in the period: what it does to the balance. */
struct stmt_line {
	uint64_t seq;		/* input order, for one day */
	int32_t date, due;	/* due: DATE_NONE but for invoices */
	int type;		/* enum doc_type */
	int shorthand;		/* the paid shorthand of invoice INV */
	int64_t amount;		/* + raises the balance, - lowers it */
	int64_t running;	/* the balance after it (stmt_finish) */
	struct stmt_text inv, ref;
};

/* An item open at the end of the period (an invoice or adjustment). */
struct stmt_item {
	uint64_t seq;
	int32_t date, due, days;	/* days overdue at the end */
	int bucket, disputed;
	int64_t amount, open;
	int64_t adjusted;		/* adjustments applied to it */
	struct stmt_text inv;
	/* an invoice that may owe interest: its balance moves (paid
	 * shorthand, receipts and credits by ref), for the claim once the
	 * unapplied cash is matched (stmt_finish) */
	struct balmove *mv;
	size_t nmv;
	int owes;
};

/* Unapplied cash or credit at the end of the period. */
struct stmt_credit {
	uint64_t seq;
	int32_t date;
	int type;
	int64_t left;			/* < 0 */
	struct stmt_text inv;
};

/* A proposed application: credit C would clear ITEM (or, ITEM -1, nothing
 * is left to clear) by TAKE (< 0), leaving LEFT (<= 0) of the credit. */
struct stmt_match {
	size_t credit;
	long item;
	int64_t take, left, item_left;
};

/* Late interest on one invoice (open, or paid late in the period). */
struct stmt_interest {
	int32_t due, last;	/* charged from DUE to LAST (the day the
				 * balance ended, or the end) */
	int over_cap;		/* -1: no --interest-cap */
	uint64_t seq;
	int64_t amount, open, interest, claim;	/* claim: capped */
	size_t seg0, nseg;	/* its segments in struct stmt's segs */
	struct stmt_text inv;
};

/* One stretch of days at one balance of an interest claim. */
struct stmt_seg {
	size_t intr;		/* the claim it belongs to */
	int32_t from, to;	/* [from, to) */
	int64_t bal;
};

#define STMT_VEC(T, name) T *name; size_t n##name, cap##name

/* The lines, items and credits are the caller's (slices of its arrays);
 * the matches, claims and segments are the statement's own. */
struct stmt {
	struct stmt_text customer, currency;
	int dec;
	int64_t opening, closing;
	STMT_VEC(struct stmt_line, lines);
	STMT_VEC(struct stmt_item, items);
	STMT_VEC(struct stmt_credit, credits);
	STMT_VEC(struct stmt_match, matches);
	STMT_VEC(struct stmt_interest, intr);
	STMT_VEC(struct stmt_seg, segs);
	/* stmt_finish: the closing balance by bucket, unapplied apart */
	int64_t aged[2 * AGING_MAXEDGES + 4], unapplied;
	/* open undisputed items past due; the customer's credit: unapplied
	 * cash and items paid over (open < 0); and what a demand may state:
	 * max(0, overdue + credit), as dun-plan's net_overdue (SPEC 1.10,
	 * 5.1) */
	int64_t overdue, credit, net_overdue;
	/* the claims: all of them, and those on invoices open at the end */
	int64_t interest_all, interest_open;
	/* the lines: what raised the balance and what lowered it */
	int64_t sum_debit, sum_credit;
	size_t noverdue;
};

void *stmt_grow(void *v, size_t *cap, size_t n, size_t size);
#define STMT_PUSH(s, name) (((s)->n##name == (s)->cap##name ? \
	(void)((s)->name = stmt_grow((s)->name, &(s)->cap##name, \
	(s)->n##name, sizeof(*(s)->name))) : (void)0), \
	&(s)->name[(s)->n##name++])

/* Orders the lines (date, then input order), runs the balance from the
 * opening, ages the items into BK, sums the overdue undisputed items and
 * proposes the application of each unapplied credit, oldest credit to the
 * oldest undisputed open item (by due date) first (as 民法典 §560 applies
 * a payment that names no debt: to the one due first). Returns -1 when
 * the opening and the lines do not add up to CLOSING, or a sum
 * overflows. */
int stmt_finish(struct stmt *s, const struct buckets *bk);

/* The interest claims, once the matching is known: each invoice that
 * owes (stmt_item.owes) is charged by balance segment under IN up to END,
 * its receipts and the credits matched to it ending segments; claims are
 * held to CAP percent of the invoice (NULL: none). Then every claim is
 * ordered by due date and summed. -1 on overflow. */
int stmt_claims(struct stmt *s, const struct interest *in, int32_t end,
    const struct decimal *cap);
/* An interest_claim() segment callback: ARG is a buffer of segments
 * { struct stmt_seg *v; size_t n, cap; } (n reset by the caller). */
void stmt_seg_add(int32_t from, int32_t to, int64_t bal, void *arg);
/* One claim into S: an invoice of AMOUNT due on DUE, OPEN at the end,
 * with its claim C and segments SEG (N of them). -1 on overflow. */
int stmt_claim_add(struct stmt *s, uint64_t seq, struct stmt_text inv,
    int64_t amount, int32_t due, int32_t last, int64_t open,
    const struct claim *c, const struct stmt_seg *seg, size_t n,
    const struct decimal *cap);
void stmt_free(struct stmt *s);

#endif
