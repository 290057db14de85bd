/* cases.h - the case library (案例库, 一客一例一报: one customer, one case,
 * one report; SPEC 6): the proof points of 案例佐证 in deal-plan and of
 * 例证式 in pick-script ({case}). A case file has the columns customer,
 * industry, problem, solution, result and reference_ok (may the customer
 * be named), and optionally reason and roles (deal-plan's vocabularies),
 * in CSV, TSV or JSON. */
#ifndef CASES_H
#define CASES_H

#include <stddef.h>

struct case_rec {
	char *customer, *industry, *problem, *solution, *result;
	int reference_ok;	/* the customer agreed to be named */
	int reason;		/* REASON_x (deal.h), REASON_NONE: any */
	unsigned roles;		/* 1u << ROLE_x */
	unsigned long line;	/* in the file */
};

struct cases {
	struct case_rec *v;
	size_t n;
};

/* Read PATH into CS (appending). A file that cannot be read, a missing
 * column or a bad line (no customer or no result, an unknown reason or
 * role, a reference_ok that is not yes or no) is fatal (exit 2), naming
 * the file and line. */
void cases_load(const char *path, struct cases *cs);
void cases_free(struct cases *cs);

/* What a case is matched against: any part may be blank (NULL or 0). */
struct case_query {
	const char *customer, *industry;
	size_t customer_n, industry_n;
	int reason;		/* REASON_NONE: not known */
	unsigned roles;
};

/* How close a case is: the same industry 4, the same reason 2, each
 * role in common 1; 0 for the customer's own cases. */
int cases_score(const struct case_rec *c, const struct case_query *q);
/* The indices of at most MAX cases closest to Q, best first (score, then
 * the ones that may be named, then file order); a case scoring below
 * CASES_MIN_SCORE (one role in common is no proof) is never chosen.
 * Returns how many. */
#define CASES_MIN_SCORE 2
size_t cases_match(const struct cases *cs, const struct case_query *q,
    size_t *best, size_t max);
/* Is CUSTOMER already a case that may be named (a reference we have)? */
int cases_is_reference(const struct cases *cs, const char *customer,
    size_t n);
/* The case as a sentence for a script (zh or en), the customer named
 * only when reference_ok: "Acme (robotics): problem; solution; result."
 * Writes at most CAP - 1 bytes and a NUL; returns the length it needed. */
size_t case_text(const struct case_rec *c, int zh, char *buf, size_t cap);

#endif
