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
	gby_free(g->other);
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
	void **a, **b, *none = NULL;
	size_t na, nb, i = 0, j = 0, n;
	void *both = xcalloc(1, g->ops->payload + 16);

	if (g->sorted == NULL)
		gby_finish(g);
	if (g->other && g->other->sorted == NULL)
		gby_finish(g->other);
	a = g->sorted;
	na = grp_len(g->groups);
	b = g->other ? g->other->sorted : &none;
	nb = g->other ? grp_len(g->other->groups) : 0;
	while (i < na || j < nb) {
		const void *e, *p;
		const char *key;
		int c = i >= na ? 1 : j >= nb ? -1 : grp_cmp(a[i], b[j]);
		if (i + 8 < na)
			__builtin_prefetch(a[i + 8]);
		if (j + 8 < nb)
			__builtin_prefetch(b[j + 8]);
		if (c == 0) {
			memcpy(both, a[i], g->ops->payload);
			g->ops->merge(both, b[j], g->ctx);
			e = a[i++];
			p = both;
			j++;
		} else if (c < 0)
			p = e = a[i++];
		else
			p = e = b[j++];
		key = grp_key(e, &n);
		fn(key, n, p, arg);
	}
	free(both);
}

/* ---- the halves of rec_reduce ---- */

static struct gby **
half_groups(void *state, const void *ctx)
{
	return (struct gby **)(void *)((char *)state +
	    ((const struct gby_halves *)ctx)->groups);
}

void
gby_half_finish(void *state, void *ctx)
{
	gby_finish(*half_groups(state, ctx));	/* sorted in its thread */
}

void
gby_half_merge(void *into, void *from, void *ctx)
{
	struct gby **g = half_groups(from, ctx);

	/* merged as the rows are written */
	gby_attach(*half_groups(into, ctx), *g);
	*g = NULL;
	((const struct gby_halves *)ctx)->release(from);
}

void
gby_half_free(void *state, void *ctx)
{
	((const struct gby_halves *)ctx)->release(state);
}
