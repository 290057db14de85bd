/* gby.h - group-by for the tools that write one row per group (SPEC 1.6):
 * a table per thread fed through a prefetch pipe, each sorted in its own
 * thread, the two merged in key order as the rows are written. */
#ifndef GBY_H
#define GBY_H

#include <stddef.h>

#include "grp.h"

struct gby_ops {
	size_t payload;		/* bytes a group holds (zeroed when made) */
	size_t datasize;	/* bytes pushed for one record */
	/* fold one record's DATA into a group */
	void (*update)(void *payload, const void *data, void *ctx);
	/* fold group FROM (same key, the other half) into INTO */
	void (*merge)(void *into, const void *from, void *ctx);
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
/* OTHER (the second half's, finished) is merged in by gby_walk; G owns it. */
void gby_attach(struct gby *g, struct gby *other);
/* Every group in key order (bytewise), with the two halves' groups of one
 * key merged: FN(key, n, payload, arg). */
void gby_walk(struct gby *g, void (*fn)(const char *key, size_t n,
    const void *payload, void *arg), void *arg);
size_t gby_len(const struct gby *g);

/* Two threads on one file (rec_reduce, rec.h) for a tool whose state per
 * half holds its struct gby: finish, merge and free are these, and
 * rec_reduce's ctx is a struct gby_halves that says where the gby is in
 * the state and how the state is freed. */
struct gby_halves {
	size_t groups;			/* offsetof(the state, its gby) */
	void (*release)(void *state);	/* frees the state and its gby */
};
void gby_half_finish(void *state, void *ctx);
void gby_half_merge(void *into, void *from, void *ctx);
void gby_half_free(void *state, void *ctx);

#endif
