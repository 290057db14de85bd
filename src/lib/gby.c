/* gby.c - per-thread group tables merged in key order at output. */
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "gby.h"

struct gby {
	const struct gby_ops *ops;
	void *ctx;
	struct grp *groups;
	struct grp_pipe *pipe;
	void **sorted;
	struct gby *other;
};

struct gby *
gby_new(const struct gby_ops *ops, void *ctx)
{
	struct gby *g = xcalloc(1, sizeof(*g));

	g->ops = ops;
	g->ctx = ctx;
	g->groups = grp_new(ops->payload);
	g->pipe = grp_pipe_new(g->groups, ops->datasize, ops->update, ctx);
	if (ops->touch != NULL)
		grp_pipe_touch(g->pipe, ops->touch);
	return g;
}

void
gby_free(struct gby *g)
{
	if (g == NULL)
		return;
	gby_free(g->other);
	grp_pipe_free(g->pipe);
	grp_free(g->groups);
	free(g->sorted);
	free(g);
}

void
gby_push(struct gby *g, const char *key, size_t n, const void *data)
{
	grp_pipe_push(g->pipe, key, n, data);
}

void *
gby_get(struct gby *g, const char *key, size_t n)
{
	grp_pipe_flush(g->pipe);
	free(g->sorted);
	g->sorted = NULL;
	return grp_get(g->groups, key, n, grp_hash(key, n));
}

void
gby_finish(struct gby *g)
{
	grp_pipe_flush(g->pipe);
	free(g->sorted);
	g->sorted = grp_sorted(g->groups);
}

void
gby_attach(struct gby *g, struct gby *other)
{
	while (g->other != NULL)	/* after the ranges before it */
		g = g->other;
	g->other = other;
}

size_t
gby_len(const struct gby *g)
{
	return grp_len(g->groups);
}

void
gby_walk(struct gby *g, void (*fn)(const char *key, size_t n,
    const void *payload, void *arg), void *arg)
{
	struct part { void **a; size_t n, i; } *pt;
	size_t k = 0, np = 0;
	void *both = xcalloc(1, g->ops->payload + 16);

	for (struct gby *h = g; h != NULL; h = h->other)
		np++;
	pt = xcalloc(np, sizeof(*pt));
	for (struct gby *h = g; h != NULL; h = h->other, k++) {
		if (h->sorted == NULL)
			gby_finish(h);
		pt[k].a = h->sorted;
		pt[k].n = grp_len(h->groups);
	}
	for (;;) {
		const void *e = NULL, *p;
		const char *key;
		size_t n, first = np, same = 0;
		/* the least key of the parts' heads; its groups fold in the
		 * parts' order (input order) */
		for (k = 0; k < np; k++) {
			int c;
			if (pt[k].i >= pt[k].n)
				continue;
			if (pt[k].i + 8 < pt[k].n)
				__builtin_prefetch(pt[k].a[pt[k].i + 8]);
			c = e == NULL ? -1 : grp_cmp(pt[k].a[pt[k].i], e);
			if (c < 0) {
				e = pt[k].a[pt[k].i];
				first = k;
				same = 1;
			} else if (c == 0)
				same++;
		}
		if (e == NULL)
			break;
		p = e;
		pt[first].i++;
		if (same > 1) {
			memcpy(both, e, g->ops->payload);
			for (k = first + 1; k < np; k++)
				if (pt[k].i < pt[k].n &&
				    grp_cmp(pt[k].a[pt[k].i], e) == 0)
					g->ops->merge(both, pt[k].a[pt[k].i++], g->ctx);
			p = both;
		}
		key = grp_key(e, &n);
		fn(key, n, p, arg);
	}
	free(pt);
	free(both);
}

/* ---- rec_reduce's runs ---- */

static struct gby **
run_groups(void *run, const void *ctx)
{
	return (struct gby **)(void *)((char *)run +
	    ((const struct gby_runs *)ctx)->groups);
}

void *
gby_run_state(void *ctx, struct rec_reader *rd)
{
	const struct gby_runs *u = ctx;
	void *run = xmalloc(u->size);

	u->init(run, rd);
	return run;
}

void
gby_run_finish(void *run, void *ctx)
{
	gby_finish(*run_groups(run, ctx));	/* sorted in its thread */
}

void
gby_run_merge(void *into, void *from, void *ctx)
{
	const struct gby_runs *u = ctx;
	struct gby **g = run_groups(from, ctx);

	if (u->fold != NULL)
		u->fold(into, from);
	/* merged as the rows are written */
	gby_attach(*run_groups(into, ctx), *g);
	*g = NULL;
	gby_run_free(from, ctx);
}

void
gby_run_free(void *run, void *ctx)
{
	((const struct gby_runs *)ctx)->release(run);
	free(run);
}
