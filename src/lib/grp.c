/* grp.c - group tables: open addressing over an index of (tag, entry id),
 * fixed-size entries in blocks that never move, 16-byte keys inline. */
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "err.h"
#include "grp.h"

#define INLINE 16	/* a 32-byte header: payloads stay 16-aligned */
#define BLOCK_SHIFT 12	/* 4096 entries a block */
#define BLOCK_ENTS ((size_t)1 << BLOCK_SHIFT)

struct ent {
	uint64_t h;
	uint32_t n;
	uint32_t pad;
	union {
		char in[INLINE];
		char *ext;
	} k;
	/* payload follows, 16-aligned (it may hold 128-bit sums) */
};
_Static_assert(sizeof(struct ent) % 16 == 0, "entry header alignment");

struct grp {
	size_t psize, esize;
	char **blocks;		/* BLOCK_ENTS entries each; all but the first
				 * in MEM's big blocks (huge pages) */
	struct arena mem;
	size_t nblocks, blockcap;
	size_t nent;
	uint64_t *idx;		/* (tag << 32) | (entry + 1); 0 empty */
	size_t mask;
};

uint64_t
grp_hash(const void *key, size_t n)
{
	const unsigned char *p = key;
	uint64_t h = 0x9e3779b97f4a7c15ull ^ (n * 0xff51afd7ed558ccdull);

	while (n >= 8) {
		uint64_t w;
		memcpy(&w, p, 8);
		h = (h ^ w) * 0xbf58476d1ce4e5b9ull;
		h ^= h >> 31;
		p += 8;
		n -= 8;
	}
	if (n > 0) {
		uint64_t w = 0;
		memcpy(&w, p, n);
		h = (h ^ w) * 0x94d049bb133111ebull;
	}
	h ^= h >> 29;
	h *= 0xbf58476d1ce4e5b9ull;
	h ^= h >> 32;
	return h;
}

struct grp *
grp_new(size_t payload)
{
	struct grp *g = xcalloc(1, sizeof(*g));

	g->psize = (payload + 15) & ~(size_t)15;
	g->esize = sizeof(struct ent) + g->psize;
	g->mask = 1023;
	g->idx = xcalloc(g->mask + 1, sizeof(uint64_t));
	return g;
}

static inline struct ent *
ent_at(const struct grp *g, size_t i)
{
	return (struct ent *)(g->blocks[i >> BLOCK_SHIFT] +
	    (i & (BLOCK_ENTS - 1)) * g->esize);
}

static inline const char *
ent_key(const struct ent *e)
{
	return e->n > INLINE ? e->k.ext : e->k.in;
}

static inline void *
ent_payload(struct ent *e)
{
	return (char *)e + sizeof(struct ent);
}

void
grp_free(struct grp *g)
{
	if (g == NULL)
		return;
	for (size_t i = 0; i < g->nent; i++) {
		struct ent *e = ent_at(g, i);
		if (e->n > INLINE)
			free(e->k.ext);
	}
	if (g->nblocks > 0)
		free(g->blocks[0]);
	arena_free(&g->mem);
	free(g->blocks);
	free(g->idx);
	free(g);
}

static void
grow(struct grp *g)
{
	size_t cap = (g->mask + 1) * 2;
	uint64_t *idx = xcalloc(cap, sizeof(uint64_t));

	xprefault(idx, cap * sizeof(uint64_t));	/* every slot is written */

	for (size_t i = 0; i < g->nent; i++) {
		struct ent *e = ent_at(g, i);
		size_t j = e->h & (cap - 1);
		while (idx[j])
			j = (j + 1) & (cap - 1);
		idx[j] = ((e->h >> 32) << 32) | (i + 1);
	}
	free(g->idx);
	g->idx = idx;
	g->mask = cap - 1;
}

void
grp_prefetch(const struct grp *g, uint64_t h)
{
	__builtin_prefetch(&g->idx[h & g->mask]);
}

void *
grp_find(const struct grp *g, const void *key, size_t n, uint64_t h)
{
	uint64_t tag = h >> 32;

	for (size_t j = h & g->mask; g->idx[j]; j = (j + 1) & g->mask) {
		struct ent *e;
		if ((g->idx[j] >> 32) != tag)
			continue;
		e = ent_at(g, (g->idx[j] & 0xffffffffu) - 1);
		if (e->n == n && memcmp(ent_key(e), key, n) == 0)
			return ent_payload(e);
	}
	return NULL;
}

void *
grp_get(struct grp *g, const void *key, size_t n, uint64_t h)
{
	uint64_t tag = h >> 32;
	size_t j;
	struct ent *e;

	for (j = h & g->mask; g->idx[j]; j = (j + 1) & g->mask) {
		if ((g->idx[j] >> 32) != tag)
			continue;
		e = ent_at(g, (g->idx[j] & 0xffffffffu) - 1);
		if (e->n == n && memcmp(ent_key(e), key, n) == 0)
			return ent_payload(e);
	}
	if (g->nent >= 0xfffffffeu)
		die(EXIT_FATAL, "too many groups");
	if ((g->nent & (BLOCK_ENTS - 1)) == 0) {
		if (g->nblocks == g->blockcap) {
			g->blockcap = g->blockcap ? 2 * g->blockcap : 16;
			g->blocks = xrealloc(g->blocks, g->blockcap * sizeof(char *));
		}
		/* a small table touches what it uses; one that filled a block
		 * fills the next, an entry after another: an arena's blocks,
		 * which a fault fills 2 MB at a time once they are big */
		g->blocks[g->nblocks] = g->nblocks == 0 ?
		    xmalloc(BLOCK_ENTS * g->esize) :
		    arena_alloc(&g->mem, BLOCK_ENTS * g->esize);
		g->nblocks++;
	}
	e = ent_at(g, g->nent);
	memset(e, 0, g->esize);
	e->h = h;
	e->n = (uint32_t)n;
	if (n > INLINE) {
		e->k.ext = xmalloc(n);
		memcpy(e->k.ext, key, n);
	} else
		memcpy(e->k.in, key, n);
	g->idx[j] = (tag << 32) | (g->nent + 1);
	g->nent++;
	if (4 * g->nent > 3 * (g->mask + 1))	/* load factor 3/4 */
		grow(g);
	return ent_payload(e);
}

size_t
grp_len(const struct grp *g)
{
	return g->nent;
}

static inline struct ent *
ent_of(const void *payload)
{
	return (struct ent *)((char *)(uintptr_t)payload - sizeof(struct ent));
}

const char *
grp_key(const void *payload, size_t *n)
{
	const struct ent *e = ent_of(payload);

	*n = e->n;
	return ent_key(e);
}

void **
grp_all(struct grp *g)
{
	void **v = xcalloc(g->nent + 1, sizeof(*v));

	for (size_t i = 0; i < g->nent; i++)
		v[i] = ent_payload(ent_at(g, i));
	return v;
}

/* Sorting: the first eight key bytes as a big-endian number decide most
 * comparisons without touching the entries. */
struct sortent {
	uint64_t pfx;
	struct ent *e;
};

static int
cmp_ent(const struct ent *x, const struct ent *y)
{
	size_t n = x->n < y->n ? x->n : y->n;
	int c = memcmp(ent_key(x), ent_key(y), n);

	if (c != 0)
		return c;
	return (x->n > y->n) - (x->n < y->n);
}

static int
cmp_sortent(const void *a, const void *b)
{
	const struct sortent *x = a, *y = b;

	if (x->pfx != y->pfx)
		return x->pfx < y->pfx ? -1 : 1;
	return cmp_ent(x->e, y->e);
}

int
grp_cmp(const void *a, const void *b)
{
	return cmp_ent(ent_of(a), ent_of(b));
}

void **
grp_sorted(struct grp *g)
{
	struct sortent *s = xcalloc(g->nent + 1, sizeof(*s));
	void **v;

	xprefault(s, (g->nent + 1) * sizeof(*s));
	for (size_t i = 0; i < g->nent; i++) {
		struct ent *e = ent_at(g, i);
		const unsigned char *k = (const unsigned char *)ent_key(e);
		uint64_t p = 0;
		for (size_t b = 0; b < 8; b++)
			p = (p << 8) | (b < e->n ? k[b] : 0);
		s[i].pfx = p;
		s[i].e = e;
	}
	if (g->nent > 1)
		qsort(s, g->nent, sizeof(*s), cmp_sortent);
	v = xcalloc(g->nent + 1, sizeof(*v));
	for (size_t i = 0; i < g->nent; i++)
		v[i] = ent_payload(s[i].e);
	free(s);
	return v;
}

/* ---- the pipe ---- */

#define PIPE 16		/* a power of two */
#define PIPE_KEY 64	/* longer keys skip the pipe */

struct pipe_slot {
	uint64_t h;
	size_t n;
	void *payload;		/* found three quarters down the pipe, or NULL */
	char key[PIPE_KEY];
};

struct grp_pipe {
	struct grp *g;
	size_t dsize;
	void (*apply)(void *, const void *, void *);
	void (*touch)(const void *, const void *);
	void *ctx;
	struct pipe_slot slot[PIPE];
	char *data;		/* PIPE * dsize */
	size_t head, len;	/* ring */
};

struct grp_pipe *
grp_pipe_new(struct grp *g, size_t datasize,
    void (*apply)(void *payload, const void *data, void *ctx), void *ctx)
{
	struct grp_pipe *p = xcalloc(1, sizeof(*p));

	p->g = g;
	p->dsize = datasize;
	p->apply = apply;
	p->ctx = ctx;
	p->data = xcalloc(PIPE, datasize);
	return p;
}

void
grp_pipe_touch(struct grp_pipe *p, void (*touch)(const void *payload,
    const void *data))
{
	p->touch = touch;
}

static void
pipe_pop(struct grp_pipe *p)
{
	struct pipe_slot *s = &p->slot[p->head];

	p->apply(s->payload != NULL ? s->payload : grp_get(p->g, s->key, s->n,
	    s->h), p->data + p->head * p->dsize, p->ctx);
	p->head = (p->head + 1) & (PIPE - 1);
	p->len--;
}

/* Probe the (now cached) index and prefetch the entry it points to. */
static void
prefetch_entry(const struct grp *g, uint64_t h)
{
	uint64_t tag = h >> 32;

	for (size_t j = h & g->mask; g->idx[j]; j = (j + 1) & g->mask)
		if ((g->idx[j] >> 32) == tag) {
			const char *e = (const char *)ent_at(g,
			    (g->idx[j] & 0xffffffffu) - 1);
			for (size_t o = 0; o < g->esize; o += 64)
				__builtin_prefetch(e + o, 1);
			return;
		}
}

void
grp_pipe_push(struct grp_pipe *p, const void *key, size_t n, const void *data)
{
	uint64_t h = grp_hash(key, n);
	size_t t;

	if (n > PIPE_KEY) {
		grp_pipe_flush(p);
		p->apply(grp_get(p->g, key, n, h), data, p->ctx);
		return;
	}
	if (p->len == PIPE)
		pipe_pop(p);
	t = (p->head + p->len) & (PIPE - 1);
	p->slot[t].h = h;
	p->slot[t].n = n;
	p->slot[t].payload = NULL;
	memcpy(p->slot[t].key, key, n);
	memcpy(p->data + t * p->dsize, data, p->dsize);
	p->len++;
	__builtin_prefetch(&p->g->idx[h & p->g->mask]);
	if (p->len > PIPE / 2)
		prefetch_entry(p->g, p->slot[(t - PIPE / 2) & (PIPE - 1)].h);
	/* the entry is in cache by now: found (entries never move), and
	 * what its update will touch hinted (touch) */
	if (p->touch != NULL && p->len > PIPE / 2 + PIPE / 4) {
		size_t u = (t - PIPE / 2 - PIPE / 4) & (PIPE - 1);
		struct pipe_slot *s = &p->slot[u];
		if ((s->payload = grp_find(p->g, s->key, s->n, s->h)) != NULL)
			p->touch(s->payload, p->data + u * p->dsize);
	}
}

void
grp_pipe_flush(struct grp_pipe *p)
{
	while (p->len > 0)
		pipe_pop(p);
}

void
grp_pipe_free(struct grp_pipe *p)
{
	if (p == NULL)
		return;
	grp_pipe_flush(p);
	free(p->data);
	free(p);
}

void
key_reset(struct key *k)
{
	k->n = 0;
}

void
key_add(struct key *k, const char *p, size_t n)
{
	if (k->cap - k->n < n + 1) {
		k->cap = 2 * (k->n + n + 1) + 32;
		k->p = xrealloc(k->p, k->cap);
	}
	memcpy(k->p + k->n, p, n);
	k->n += n;
	k->p[k->n++] = '\0';
}

size_t
key_split(const char *key, size_t n, const char **f, size_t *fn, size_t max)
{
	size_t k = 0, start = 0;

	for (size_t i = 0; i < n && k < max; i++)
		if (key[i] == '\0') {
			f[k] = key + start;
			fn[k] = i - start;
			k++;
			start = i + 1;
		}
	return k;
}
