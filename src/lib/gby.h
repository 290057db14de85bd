/* gby.h - group-by for the tools that write one row per group (SPEC 1.6):
 * a table per thread fed through a prefetch pipe, each sorted in its own
 * thread, all merged in key order as the rows are written. */
#ifndef GBY_H
#define GBY_H

#include <stddef.h>

#include "grp.h"

struct gby_ops {
	size_t payload;		/* bytes a group holds (zeroed when made) */
	size_t datasize;	/* bytes pushed for one record */
	/* fold one record's DATA into a group */
	void (*update)(void *payload, const void *data, void *ctx);
	/* fold group FROM (same key, another range's) into INTO */
	void (*merge)(void *into, const void *from, void *ctx);
	/* or NULL: hint what update will write (grp_pipe_touch) */
	void (*touch)(const void *payload, const void *data);
};

struct gby;

struct gby *gby_new(const struct gby_ops *ops, void *ctx);
void gby_free(struct gby *g);
/* Add DATA to the group KEY (a key made with key_add(), grp.h). */
void gby_push(struct gby *g, const char *key, size_t n, const void *data);
/* The group KEY itself (made zeroed when new), for folding in a whole
 * group's state with the merge function (--merge, SPEC 10). */
void *gby_get(struct gby *g, const char *key, size_t n);
/* Apply what is pending and sort: in the thread that fed G. */
void gby_finish(struct gby *g);
/* OTHER (a later range's, finished) is merged in by gby_walk, after the
 * ones attached before it; G owns it. */
void gby_attach(struct gby *g, struct gby *other);
/* Every group in key order (bytewise), with the ranges' groups of one key
 * merged in input order: FN(key, n, payload, arg). */
void gby_walk(struct gby *g, void (*fn)(const char *key, size_t n,
    const void *payload, void *arg), void *arg);
size_t gby_len(const struct gby *g);

/* rec_reduce (rec.h) for a tool whose state per range of the file, its
 * run, holds its struct gby: rec_reduce's ctx is a struct gby_runs, its
 * ops GBY_REDUCE(the tool's map). */
struct rec_reader;
struct gby_runs {
	size_t size;			/* sizeof the run */
	size_t groups;			/* offsetof(the run, its struct gby *) */
	void (*init)(void *run, struct rec_reader *rd);
	void (*release)(void *run);	/* what the run holds, not the run */
	/* the run's counts besides its groups, or NULL */
	void (*fold)(void *into, const void *from);
};
void *gby_run_state(void *ctx, struct rec_reader *rd);
void gby_run_finish(void *run, void *ctx);
void gby_run_merge(void *into, void *from, void *ctx);
void gby_run_free(void *run, void *ctx);
#define GBY_REDUCE(map) \
	{ gby_run_state, (map), gby_run_finish, gby_run_merge, gby_run_free }

#endif
