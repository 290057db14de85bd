/* grp.h - group-by table: one entry per group, keys inline (SPEC 1.6).
 * Payloads are zeroed when made and 16-byte aligned. */
#ifndef GRP_H
#define GRP_H

#include <stddef.h>
#include <stdint.h>

struct grp;

struct grp *grp_new(size_t payload);
void grp_free(struct grp *g);
uint64_t grp_hash(const void *key, size_t n);
/* The payload of KEY, inserted zeroed when new. */
void *grp_get(struct grp *g, const void *key, size_t n, uint64_t h);
void *grp_find(const struct grp *g, const void *key, size_t n, uint64_t h);
/* Hint the table's memory for KEY's hash (software pipelining). */
void grp_prefetch(const struct grp *g, uint64_t h);
size_t grp_len(const struct grp *g);

/* Every payload, in insertion order / in key order (bytewise, shorter
 * first); free() the array. */
void **grp_all(struct grp *g);
void **grp_sorted(struct grp *g);
/* The key of a payload; and the key order of two payloads. */
const char *grp_key(const void *payload, size_t *n);
int grp_cmp(const void *a, const void *b);

/* Deferred updates that hide the table's cache misses: a push prefetches
 * the index slot of its key, the entry half the pipe later, and the update
 * APPLY(payload, data, ctx) runs when the push leaves the pipe. */
struct grp_pipe;
struct grp_pipe *grp_pipe_new(struct grp *g, size_t datasize,
    void (*apply)(void *payload, const void *data, void *ctx), void *ctx);
void grp_pipe_push(struct grp_pipe *p, const void *key, size_t n,
    const void *data);
/* With TOUCH, a push's entry is found a quarter of the pipe before its
 * update, and TOUCH(payload, data) hints what the update will write
 * (memory the entry points to: a second cache miss hidden). */
void grp_pipe_touch(struct grp_pipe *p, void (*touch)(const void *payload,
    const void *data));
/* Apply everything pending. */
void grp_pipe_flush(struct grp_pipe *p);
void grp_pipe_free(struct grp_pipe *p);

/* Key building: fields joined by NUL bytes (fields hold none), so that a
 * bytewise sort of keys sorts field by field. */
struct key {
	char *p;
	size_t n, cap;
};
void key_reset(struct key *k);
void key_add(struct key *k, const char *p, size_t n);
/* Split a key back into its fields: returns the count. */
size_t key_split(const char *key, size_t n, const char **f, size_t *fn, size_t max);

#endif
