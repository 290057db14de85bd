/* rival.c - the --rival file of deal-plan (rival.h): a loader beside the
 * record reader; deal.c scores what it loads. */
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "ledger.h"
#include "money.h"
#include "norm.h"
#include "rec.h"
#include "rival.h"

struct rrow {
	char *deal, *name;
	int64_t v[3];
	unsigned long line;
};

static int
rrow_cmp(const void *a, const void *b)
{
	const struct rrow *x = a, *y = b;
	int c = strcmp(x->deal, y->deal);

	return c ? c : (x->line > y->line) - (x->line < y->line);
}

/* A number of the rival file: at most 4 decimals, below 10^9. */
static int
rival_number(const struct text *t, int64_t *out)
{
	char buf[32];
	struct decimal d;
	int64_t s = 1;

	if (t->n == 0 || t->n >= sizeof(buf))
		return -1;
	memcpy(buf, t->p, t->n);
	buf[t->n] = '\0';
	if (decimal_parse(buf, &d) != 0 || d.scale > 4)
		return -1;
	for (int k = d.scale; k < 4; k++)
		s *= 10;
	if ((i128)d.num * s >= (i128)1000000000 * RIVAL_SCALE)
		return -1;
	*out = d.num * s;
	return 0;
}

void
rivals_load(const char *path, struct rivals *rv)
{
	static const char *const name[5] = { "deal", "attribute", "weight",
		"ours", "theirs" };
	struct rec_opts o;
	struct rec_reader *r;
	struct rec *x;
	char *files[] = { (char *)path };
	struct rrow *row = NULL;
	size_t cap = 0, n = 0, run = 0;
	int col[5];

	memset(&o, 0, sizeof(o));
	o.fmt = FMT_AUTO;
	r = rec_open(files, 1, &o);
	for (int k = 0; k < 5; k++)
		if ((col[k] = rec_col(r, name[k])) >= 0 && k > 0)
			rec_require(r, col[k]);
	while ((x = rec_next(r)) != NULL) {
		struct text t[5];
		struct rrow w;
		int bad = 0;
		for (int k = 0; k < 5; k++)
			bad |= field_text(r, x, col[k], &t[k], k > 0) != 0;
		if (bad)
			continue;
		for (int k = 0; k < 5; k++)
			norm_trim(&t[k].p, &t[k].n);
		if (t[1].n == 0)
			die_at(EXIT_FATAL, x->file, x->line, "field 'attribute' is "
			    "blank");
		for (int k = 2; k < 5; k++)
			if (rival_number(&t[k], &w.v[k - 2]) != 0) {
				char q[ERR_QUOTE_MAX];
				die_at(EXIT_FATAL, x->file, x->line, "field '%s': "
				    "expected a number from 0 to 999999999 with at most 4 "
				    "decimals, got \"%s\"", name[k],
				    err_quote(q, t[k].p, t[k].n));
			}
		if (n == RIVAL_ROWS)
			die_at(EXIT_FATAL, x->file, x->line, "more than %d rows",
			    RIVAL_ROWS);
		if (n == cap) {
			cap = cap ? 2 * cap : 16;
			row = xrealloc(row, cap * sizeof(*row));
		}
		w.deal = xstrndup(t[0].p, t[0].n);
		w.name = xstrndup(t[1].p, t[1].n);
		w.line = x->line;
		row[n++] = w;
		rec_written(r, x);
	}
	if (rec_status(r) != 0)	/* the line was named above */
		die(EXIT_FATAL, "%s: a bad line in the --rival file", path);
	rec_close(r, 0);
	if (n > 0)
		qsort(row, n, sizeof(*row), rrow_cmp);
	rv->attr = xcalloc(n + 1, sizeof(*rv->attr));
	rv->deal = xcalloc(n + 1, sizeof(*rv->deal));
	for (size_t i = 0; i < n; i++) {
		if (i == 0 || strcmp(row[i].deal, row[i - 1].deal) != 0)
			run = i;
		for (size_t j = run; j < i; j++)
			if (strcmp(row[j].name, row[i].name) == 0)
				die_at(EXIT_FATAL, path, row[i].line, "attribute \"%s\" "
				    "is in the file twice%s", row[i].name,
				    *row[i].deal ? " for the deal" : "");
		if (i - run == RIVAL_MAX)
			die_at(EXIT_FATAL, path, row[i].line, "more than %d "
			    "attributes", RIVAL_MAX);
		rv->attr[i] = (struct rival_attr){ row[i].name, row[i].v[0],
		    row[i].v[1], row[i].v[2] };
		rv->deal[i] = row[i].deal;
	}
	rv->n = n;
	for (size_t i = 0; i < n; i = run) {	/* each run needs a weight */
		int64_t w = 0;
		for (run = i; run < n && strcmp(rv->deal[run], rv->deal[i]) == 0;
		    run++)
			w |= rv->attr[run].weight;
		if (w == 0)
			die(EXIT_FATAL, "%s: no attribute with a weight above zero%s%s",
			    path, *rv->deal[i] ? " for deal " : "", rv->deal[i]);
	}
	free(row);
}

const struct rival_attr *
rivals_for(const struct rivals *rv, const char *deal, size_t n,
    int has_competitor, int *count)
{
	size_t lo = 0, hi = rv->n;
	char key[512];

	*count = 0;
	if (n >= sizeof(key))
		return NULL;
	memcpy(key, deal, n);
	key[n] = '\0';
	while (lo < hi) {	/* the first row of the deal, or after it */
		size_t mid = (lo + hi) / 2;
		if (strcmp(rv->deal[mid], key) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (n == 0 || lo == rv->n || strcmp(rv->deal[lo], key) != 0) {
		if (!has_competitor || rv->n == 0 || *rv->deal[0] != '\0')
			return NULL;
		lo = 0;
		strcpy(key, "");
	}
	for (hi = lo; hi < rv->n && strcmp(rv->deal[hi], key) == 0; hi++)
		;
	*count = (int)(hi - lo);
	return &rv->attr[lo];
}

void
rivals_free(struct rivals *rv)
{
	for (size_t i = 0; i < rv->n; i++) {
		free((char *)rv->attr[i].name);
		free(rv->deal[i]);
	}
	free(rv->attr);
	free(rv->deal);
	memset(rv, 0, sizeof(*rv));
}
