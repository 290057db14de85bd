/* arena.c - bump allocator in blocks; big requests get a block of their own.
 * An arena that keeps growing gets bigger blocks (up to BIGBLK), and those
 * ask for transparent huge pages: a tool that keeps 100 MB of records
 * should not take 25,000 page faults for it. */
#include <stdlib.h>
#include <string.h>

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

static void
blk_free(struct arena_blk *b)
{
	xfree_huge(b, sizeof(*b) + b->size);
}

/* N bytes at a multiple of ALIGN (a power of two) in the head block, or in
 * a new one. */
static void *
take(struct arena *a, size_t n, size_t align)
{
	struct arena_blk *b;
	size_t at = a->head != NULL ? (a->used + align - 1) & ~(align - 1) : 0;

	if (a->head == NULL || a->head->size < at || a->head->size - at < n) {
		size_t sz = FIRST;
		if (a->head != NULL && a->head->size < BIGBLK)
			sz = 2 * (a->head->size < FIRST ? FIRST : a->head->size);
		else if (a->head != NULL)
			sz = BIGBLK;
		if (n > sz)
			sz = (n + 15) & ~(size_t)15;
		/* from 2 MB on, huge pages: a fault per 2 MB as it fills,
		 * and no more than it fills (a year's plan keeps 30 MB in
		 * one); below, populated at once: an arena fills its blocks */
		if (sz >= HUGE) {	/* a block is whole huge pages */
			size_t t = (sz + HUGE - 1) & ~(size_t)(HUGE - 1);
			if (t - sizeof(*b) < n)
				t += HUGE;
			sz = t - sizeof(*b);
		}
		b = xgrow_huge(NULL, 0, sizeof(*b) + sz);
		if (sizeof(*b) + sz < HUGE)
			xprefault(b->data, sz);
		b->size = sz;
		b->next = a->head;
		a->head = b;
		at = 0;
	}
	a->used = at + n;
	return a->head->data + at;
}

void *
arena_alloc(struct arena *a, size_t n)
{
	return take(a, (n + 15) & ~(size_t)15, 16);
}

/* Bytes, unaligned: text packs tight. */
void *
arena_bytes(struct arena *a, size_t n)
{
	return take(a, n, 1);
}

char *
arena_dup(struct arena *a, const char *p, size_t n)
{
	char *s = arena_bytes(a, n + 1);

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
				blk_free(keep);
			keep = b;
			continue;
		}
		blk_free(b);
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
		blk_free(b);
	}
	a->used = 0;
}
