/* arena.c - bump allocator in blocks; big requests get a block of their own. */
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "err.h"

#define BLK 65536

struct arena_blk {
	struct arena_blk *next;
	size_t size;
	_Alignas(16) char data[];
};

void *
arena_alloc(struct arena *a, size_t n)
{
	struct arena_blk *b;

	n = (n + 15) & ~(size_t)15;
	if (a->head == NULL || a->head->size - a->used < n) {
		size_t sz = n > BLK ? n : BLK;
		b = xmalloc(sizeof(*b) + sz);
		b->size = sz;
		b->next = a->head;
		a->head = b;
		a->used = 0;
	}
	b = a->head;
	a->used += n;
	return b->data + a->used - n;
}

char *
arena_dup(struct arena *a, const char *p, size_t n)
{
	char *s = arena_alloc(a, n + 1);

	memcpy(s, p, n);
	s[n] = '\0';
	return s;
}

void
arena_reset(struct arena *a)
{
	struct arena_blk *b, *keep = NULL;

	while ((b = a->head) != NULL) {
		a->head = b->next;
		if (keep == NULL && b->size == BLK) {
			keep = b;
			continue;
		}
		free(b);
	}
	if (keep)
		keep->next = NULL;
	a->head = keep;
	a->used = 0;
}

void
arena_free(struct arena *a)
{
	struct arena_blk *b;

	while ((b = a->head) != NULL) {
		a->head = b->next;
		free(b);
	}
	a->used = 0;
}
