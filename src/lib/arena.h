/* arena.h - per-record scratch memory with stable pointers. */
#ifndef ARENA_H
#define ARENA_H

#include <stddef.h>

struct arena_blk;
struct arena {
	struct arena_blk *head;
	size_t used;		/* bytes used in head */
};

void *arena_alloc(struct arena *a, size_t n);	/* 16-aligned */
void *arena_bytes(struct arena *a, size_t n);	/* unaligned */
char *arena_dup(struct arena *a, const char *p, size_t n);
/* Free everything but one block. */
void arena_reset(struct arena *a);
void arena_free(struct arena *a);

#endif
