/* reduce.c - rec_reduce: the two halves of a regular file on two threads,
 * the second half read by a copy of the reader with pread(2). */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "err.h"
#include "rec_impl.h"

int
rec_defer(struct rec_reader *r, struct rec *x)
{
	if (!r->child)
		return 0;
	if (!r->stopped) {
		r->stopped = 1;
		r->stop_off = r->rec_off;
		r->stop_line = x->line;
		r->nread--;	/* the first half's reader reads it again */
	}
	x->done = 1;
	return 1;
}

struct half {
	struct rec_reader *c;
	const struct rec_reduce *ops;
	void *ctx, *state;
};

static void *
half_run(void *arg)
{
	struct half *h = arg;
	struct rec *x;

	h->state = h->ops->state(h->ctx, h->c);
	while ((x = rec_next(h->c)) != NULL)
		h->ops->map(h->state, x);
	if (h->c->active && !h->c->rec.done)
		die(EXIT_FATAL, "internal error: record not accounted");
	if (h->ops->finish)
		h->ops->finish(h->state, h->ctx);
	return NULL;
}

static off_t
split_point(struct src *s, off_t from, off_t size)
{
	char buf[65536];
	off_t at = from + (size - from) / 2;

	for (;;) {
		ssize_t k = pread(s->fd, buf, sizeof(buf), at);
		char *nl;
		if (k <= 0)
			return -1;
		if ((nl = memchr(buf, '\n', (size_t)k)) != NULL)
			return at + (nl - buf) + 1;
		at += k;
	}
}

static struct rec_reader *
child_of(struct rec_reader *r, off_t mid)
{
	struct rec_reader *c = xmalloc(sizeof(*c));
	struct src *s;

	memcpy(c, r, sizeof(*c));
	c->srcs = xcalloc(1, sizeof(struct src));
	c->srcs[0] = r->srcs[0];
	s = &c->srcs[0];
	s->buf = NULL;
	s->cap = s->pos = s->end = 0;
	s->eof = 0;
	s->ib = NULL;
	s->ilen = 0;
	s->spool = -1;
	s->use_pread = 1;
	s->off = s->base = mid;
	s->limit = 0;
	s->line = 1;
	c->nsrc = 1;
	c->cur = 0;
	c->fv = NULL;
	c->fvcap = c->nfv = 0;
	c->dpos = xmalloc((r->maxd + 1) * sizeof(uint32_t));
	memset(&c->arena, 0, sizeof(c->arena));
	csv_start(c);
	csv_reset(c, s->delim);
	c->json = NULL;
	memset(&c->rec, 0, sizeof(c->rec));
	c->vcap = c->vclean = 0;
	c->active = 0;
	c->nread = c->nwritten = c->nfiltered = c->nrejected = 0;
	c->rj = NULL;
	c->child = 1;
	c->stopped = 0;
	return c;
}

static void
child_free(struct rec_reader *c)
{
	free(c->srcs[0].buf);
	free(c->srcs);
	free(c->fv);
	free(c->dpos);
	if (c->vcap > 0)
		free(c->rec.v);
	arena_free(&c->arena);
	csv_end(c);
	free(c);
}

static int
can_split(struct rec_reader *r, off_t *from, off_t *size, off_t *mid)
{
	struct src *s = &r->srcs[0];
	const char *e = getenv("ARKIT_THREADS");
	const char *m = getenv("ARKIT_SPLIT_MIN");
	long long min = 8 << 20;
	struct stat st;

	if (m && *m)
		min = atoll(m);
	else if (sysconf(_SC_NPROCESSORS_ONLN) < 2)
		return 0;
	if ((e && strcmp(e, "1") == 0) || r->nsrc != 1 || r->want_rewind ||
	    r->quiet || r->cur != 0 || !s->seekable || s->empty ||
	    s->cd != (iconv_t)-1 || s->ilen > 0 ||
	    (s->fmt != FMT_CSV && s->fmt != FMT_TSV) || fstat(s->fd, &st) != 0)
		return 0;
	*from = s->base + (off_t)s->pos;
	*size = st.st_size;
	if (*size - *from < min || *size - *from < 2)
		return 0;
	*mid = split_point(s, *from, *size);
	return *mid > *from && *mid < *size;
}

void
rec_reduce(struct rec_reader *r, const struct rec_reduce *ops, void *ctx,
    void *state0)
{
	struct src *s = &r->srcs[0];
	struct half h = { NULL, ops, ctx, NULL };
	pthread_t t;
	struct rec *x;
	off_t from, size, mid;

	if (!can_split(r, &from, &size, &mid)) {
		while ((x = rec_next(r)) != NULL)
			ops->map(state0, x);
		return;
	}
	h.c = child_of(r, mid);
	if (pthread_create(&t, NULL, half_run, &h) != 0) {
		child_free(h.c);
		while ((x = rec_next(r)) != NULL)
			ops->map(state0, x);
		return;
	}
	/* the first half here, up to the line end at MID */
	s->use_pread = 1;
	if (s->base + (off_t)s->end > mid)
		s->end = (size_t)(mid - s->base);	/* read at open already */
	s->off = s->base + (off_t)s->end;
	s->limit = mid;
	s->eof = 0;
	while ((x = rec_next(r)) != NULL)
		ops->map(state0, x);
	pthread_join(t, NULL);
	if (getenv("ARKIT_DEBUG"))	/* tests check that a split happened */
		warnx("split: from %lld mid %lld size %lld failed %d, the second "
		    "half read %lu, stopped %d", (long long)from, (long long)mid,
		    (long long)size, r->split_failed, h.c->nread, h.c->stopped);
	if (r->split_failed) {
		/* this reader read on to the end: drop the second half's work */
		if (h.state)
			ops->free(h.state, ctx);
		child_free(h.c);
	} else {
		ops->merge(state0, h.state, ctx);
		r->nread += h.c->nread;
		r->nwritten += h.c->nwritten;
		r->nfiltered += h.c->nfiltered;
		if (h.c->stopped) {
			/* go on from the record the second half could not finish */
			s->off = s->base = h.c->stop_off;
			s->pos = s->end = 0;
			s->eof = 0;
			s->limit = 0;
			s->line = s->line + h.c->stop_line - 1;
			csv_reset(r, s->delim);
			while ((x = rec_next(r)) != NULL)
				ops->map(state0, x);
		}
		child_free(h.c);
	}
	s->use_pread = 0;
	s->eof = 1;
	while (rec_next(r) != NULL)	/* move past the input */
		;
}
