/* arena.c - bump allocator in blocks; big requests get a block of their own.
 * An arena that keeps growing gets bigger blocks (up to BIGBLK), and those
 * ask for transparent huge pages: a tool that keeps 100 MB of records
 * should not take 25,000 page faults for it. */
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "arena.h"
#include "err.h"

#define FIRST 4096	/* a small input (one letter, a fuzzer's case) stays small */
#define BLK 65536
#define HUGE (2u << 20)
#define BIGBLK (8u << 20)

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
		size_t sz = FIRST;
		void *p = NULL;
		if (a->head != NULL && a->head->size < BIGBLK)
			sz = 2 * (a->head->size < FIRST ? FIRST : a->head->size);
		else if (a->head != NULL)
			sz = BIGBLK;
		if (n > sz)
			sz = n;
		if (sz >= HUGE && posix_memalign(&p, HUGE, sizeof(*b) + sz) == 0) {
#ifdef MADV_HUGEPAGE
			(void)madvise(p, sizeof(*b) + sz, MADV_HUGEPAGE);
#endif
			b = p;
		} else
			b = xmalloc(sizeof(*b) + sz);
		xprefault(b->data, sz);	/* an arena fills its blocks */
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
		if (b->size <= BLK && (keep == NULL || b->size > keep->size)) {
			if (keep != NULL)
				free(keep);
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
