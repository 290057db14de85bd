/* cases.c - the case library (cases.h): a loader beside the record
 * reader, and pure functions that match and say a case. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cases.h"
#include "deal.h"
#include "err.h"
#include "ledger.h"
#include "norm.h"
#include "rec.h"

#define CASES_MAX 100000

enum { C_CUSTOMER, C_INDUSTRY, C_PROBLEM, C_SOLUTION, C_RESULT, C_REF,
	C_REASON, C_ROLES, NCOLS };
static const char *const colname[NCOLS] = {
	"customer", "industry", "problem", "solution", "result", "reference_ok",
	"reason", "roles"
};

static char *
dup_text(const struct text *t)
{
	const char *p = t->p;
	size_t n = t->n;

	norm_trim(&p, &n);
	return xstrndup(p, n);
}

/* One line of the file into C; -1 when it was rejected (said). */
static int
read_case(struct rec_reader *r, struct rec *x, const int *col,
    struct case_rec *c)
{
	struct text t[NCOLS];

	memset(c, 0, sizeof(*c));
	for (int k = 0; k < NCOLS; k++)
		if (k != C_REF && field_text(r, x, col[k], &t[k],
		    k == C_CUSTOMER || k == C_RESULT) != 0)
			return -1;
	if (field_bool(r, x, col[C_REF], &c->reference_ok, 0) != 0)
		return -1;
	if ((c->reason = deal_reason_parse(t[C_REASON].p, t[C_REASON].n)) < 0) {
		rec_reject_field(r, x, col[C_REASON], "expected risk, competitor, "
		    "budget, kpi, personal or casual, got");
		return -1;
	}
	if (deal_roles_parse(t[C_ROLES].p, t[C_ROLES].n, &c->roles) != 0) {
		rec_reject_field(r, x, col[C_ROLES], "expected eagle, sheep, fox "
		    "or donkey, ';'-separated, got");
		return -1;
	}
	c->customer = dup_text(&t[C_CUSTOMER]);
	c->industry = dup_text(&t[C_INDUSTRY]);
	c->problem = dup_text(&t[C_PROBLEM]);
	c->solution = dup_text(&t[C_SOLUTION]);
	c->result = dup_text(&t[C_RESULT]);
	c->line = x->line;
	if (c->customer[0] == '\0' || c->result[0] == '\0') {
		rec_reject(r, x, "a case needs its customer and its result");
		free(c->customer);
		free(c->industry);
		free(c->problem);
		free(c->solution);
		free(c->result);
		return -1;
	}
	return 0;
}

void
cases_load(const char *path, struct cases *cs)
{
	struct rec_opts o;
	struct rec_reader *r;
	struct rec *x;
	char *files[] = { (char *)path };
	int col[NCOLS];
	size_t cap = cs->n;

	memset(&o, 0, sizeof(o));
	o.fmt = FMT_AUTO;
	r = rec_open(files, 1, &o);
	for (int k = 0; k < NCOLS; k++) {
		col[k] = rec_col(r, colname[k]);
		if (k < C_REASON)
			rec_require(r, col[k]);
	}
	while ((x = rec_next(r)) != NULL) {
		struct case_rec c;
		if (read_case(r, x, col, &c) != 0)
			continue;
		if (cs->n == CASES_MAX)
			die_at(EXIT_FATAL, x->file, x->line, "more than %d cases",
			    CASES_MAX);
		if (cs->n == cap) {
			cap = cap ? 2 * cap : 16;
			cs->v = xrealloc(cs->v, cap * sizeof(*cs->v));
		}
		cs->v[cs->n++] = c;
		rec_written(r, x);
	}
	if (rec_status(r) != 0)	/* the line was named */
		die(EXIT_FATAL, "%s: a bad line in the case library", path);
	rec_close(r, 0);
}

void
cases_free(struct cases *cs)
{
	for (size_t i = 0; i < cs->n; i++) {
		free(cs->v[i].customer);
		free(cs->v[i].industry);
		free(cs->v[i].problem);
		free(cs->v[i].solution);
		free(cs->v[i].result);
	}
	free(cs->v);
	cs->v = NULL;
	cs->n = 0;
}

/* Two names the same, spaces and ASCII case aside. */
static int
same_name(const char *a, size_t an, const char *b, size_t bn)
{
	char ka[256], kb[256];

	if (a == NULL || b == NULL)
		return 0;
	norm_trim(&a, &an);
	norm_trim(&b, &bn);
	if (an == 0 || bn == 0 || an >= sizeof(ka) || bn >= sizeof(kb))
		return an == bn && an > 0 && memcmp(a, b, an) == 0;
	norm_header(a, an, ka, sizeof(ka));
	norm_header(b, bn, kb, sizeof(kb));
	return strcmp(ka, kb) == 0;
}

int
cases_score(const struct case_rec *c, const struct case_query *q)
{
	int s = 0;

	if (same_name(c->customer, strlen(c->customer), q->customer,
	    q->customer_n))
		return 0;
	if (same_name(c->industry, strlen(c->industry), q->industry,
	    q->industry_n))
		s += 4;
	if (q->reason != REASON_NONE && c->reason == q->reason)
		s += 2;
	for (int i = 0; i < NROLES; i++)
		s += (c->roles & q->roles & (1u << i)) != 0;
	return s;
}

/* Is case A before case B (score SA, SB)? */
static int
before(const struct case_rec *a, int sa, const struct case_rec *b, int sb)
{
	if (sa != sb)
		return sa > sb;
	if (a->reference_ok != b->reference_ok)
		return a->reference_ok;
	return a->line < b->line;
}

size_t
cases_match(const struct cases *cs, const struct case_query *q, size_t *best,
    size_t max)
{
	int score[16];
	size_t n = 0;

	if (max > 16)
		max = 16;
	for (size_t i = 0; i < cs->n; i++) {
		int s = cases_score(&cs->v[i], q);
		size_t j;
		if (s < CASES_MIN_SCORE)
			continue;
		/* insert, keeping the best MAX in order */
		for (j = n; j > 0 && before(&cs->v[i], s, &cs->v[best[j - 1]],
		    score[j - 1]); j--)
			if (j < max) {
				best[j] = best[j - 1];
				score[j] = score[j - 1];
			}
		if (j < max) {
			best[j] = i;
			score[j] = s;
			if (n < max)
				n++;
		}
	}
	return n;
}

int
cases_is_reference(const struct cases *cs, const char *customer, size_t n)
{
	for (size_t i = 0; i < cs->n; i++)
		if (cs->v[i].reference_ok && same_name(cs->v[i].customer,
		    strlen(cs->v[i].customer), customer, n))
			return 1;
	return 0;
}

size_t
case_text(const struct case_rec *c, int zh, char *buf, size_t cap)
{
	const char *in = c->industry;
	char who[512];
	int k;

	if (c->reference_ok)
		snprintf(who, sizeof(who), "%s%s%s%s", c->customer,
		    *in ? (zh ? "（" : " (") : "", in, *in ? (zh ? "）" : ")") : "");
	else if (*in)
		snprintf(who, sizeof(who), zh ? "一家%s客户（未授权具名）" :
		    "a customer in %s (not to be named)", in);
	else
		snprintf(who, sizeof(who), "%s", zh ? "一家客户（未授权具名）" :
		    "a customer (not to be named)");
	k = snprintf(buf, cap, zh ? "%s：%s%s%s%s%s。" : "%s: %s%s%s%s%s.", who,
	    c->problem, *c->problem ? (zh ? "；" : "; ") : "", c->solution,
	    *c->solution ? (zh ? "；" : "; ") : "", c->result);
	return k < 0 ? 0 : (size_t)k;
}
