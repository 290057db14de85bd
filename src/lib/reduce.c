/* reduce.c - rec_reduce: a regular file's records on N threads (the
 * cores, or ARKIT_THREADS), over N byte ranges that start at line starts.
 *
 * Each range has a reader of its own, the tool's state (ops->state, map,
 * finish) and temporary files for its messages and its rejected records;
 * the caller's reader reads the first range on the calling thread. When
 * all are done, range by range in input order: the messages come out
 * (err_replay), the rejected records are appended to the --reject file,
 * the counts add up and the state merges (ops->merge) - byte for byte
 * what one thread gives. Line numbers count from a range's start until a
 * message needs one; then the lines before it are counted once.
 *
 * A cut can fall inside a quoted field that spans lines. The range before
 * it then reads its last record on past the cut (csv.c: r->overran) and
 * ends where that record ends; the range after the cut read the wrong
 * records, so its work is dropped and its bytes are read again, from
 * where the record ended, on the calling thread. */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "err.h"
#include "out.h"
#include "rec_impl.h"

#define MAX_RANGES 64

struct range {
	struct rec_reader *r;
	off_t from, to;		/* to 0: the end of the file */
	void *state;
	FILE *msgs;		/* NULL: messages go to stderr as they come */
	FILE *rej;		/* its rejected records (when --reject) */
	const struct rec_reduce *ops;
	void *ctx;
	pthread_t t;
	int threaded;
	double cpu;		/* its thread's CPU seconds (ARKIT_DEBUG) */
	unsigned long nread;
};

static double
seconds(clockid_t clock)
{
	struct timespec ts;

	clock_gettime(clock, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* The absolute line number of a range reader's line LINE. */
unsigned long
range_line(struct rec_reader *r, unsigned long line)
{
	char *buf;
	off_t at = 0;
	unsigned long n = 0;

	if (!r->range)
		return line;
	if (r->line_known)
		return line + r->line_base;
	buf = xmalloc(CHUNK);
	while (at < r->range_from) {
		size_t want = (size_t)(r->range_from - at < CHUNK ?
		    r->range_from - at : CHUNK);
		ssize_t k = pread(r->srcs[0].fd, buf, want, at);
		const char *p, *e;
		if (k <= 0)
			die(EXIT_FATAL, "%s: read error", r->srcs[0].name);
		for (p = buf, e = buf + k; (p = memchr(p, '\n', (size_t)(e - p)));
		    p++)
			n++;
		at += k;
	}
	free(buf);
	r->line_base = n;
	r->line_known = 1;
	return line + n;
}

static unsigned long
err_line(void *arg, unsigned long line)
{
	return range_line(arg, line);
}

/* A reader of [FROM, TO) of R's file, sharing R's schema (fixed by the
 * header) and nothing else. */
static struct rec_reader *
range_reader(struct rec_reader *r, off_t from, off_t to, FILE **rej)
{
	struct rec_reader *c = xcalloc(1, sizeof(*c));
	struct src *s = xcalloc(1, sizeof(*s)), *p = &r->srcs[0];

	c->o = r->o;
	c->names = r->names;
	c->present = r->present;
	c->order = r->order;
	c->norder = r->norder;
	c->nslots = c->slotcap = r->nslots;
	c->hash = r->hash;
	c->hcap = r->hcap;
	c->nhdr = r->nhdr;
	c->rawhdr = r->rawhdr;
	c->nrawhdr = r->nrawhdr;
	c->keep = r->keep;
	c->keep_arg = r->keep_arg;
	c->maxd = r->maxd;
	c->dpos = xmalloc((c->maxd + 1) * sizeof(uint32_t));
	c->rj_fmt = r->rj_fmt;
	c->range = 1;
	c->range_from = from;

	s->name = p->name;
	s->path = p->path;
	s->fd = p->fd;
	s->seekable = 1;
	s->cd = (iconv_t)-1;
	s->spool = -1;
	s->fmt = p->fmt;
	s->delim = p->delim;
	s->special = p->special;
	s->ncols = p->ncols;
	s->perm = p->perm;
	s->line = 1;
	s->use_pread = 1;
	s->off = s->base = from;
	s->limit = to;
	c->srcs = s;
	c->nsrc = 1;
	csv_start(c);
	csv_reset(c, s->delim);

	*rej = NULL;
	if (r->rj != NULL) {
		if ((*rej = tmpfile()) == NULL)
			die(EXIT_FATAL, "a temporary file: %s", strerror(errno));
		c->rj = xmalloc(sizeof(*c->rj));
		ob_init(c->rj, fileno(*rej), r->rj->name);
		c->rj_header = 1;	/* the caller's reader writes it */
	}
	return c;
}

static void
range_free(struct range *g)
{
	struct rec_reader *c = g->r;

	if (c->rj != NULL) {
		ob_flush(c->rj);
		free(c->rj->b);
		free(c->rj);
	}
	if (g->rej != NULL)
		fclose(g->rej);
	if (g->msgs != NULL)
		fclose(g->msgs);
	json_drop(c);
	free(c->srcs[0].buf);
	free(c->srcs);
	free(c->fv);
	free(c->dpos);
	if (c->vcap > 0)
		free(c->rec.v);
	arena_free(&c->arena);
	csv_end(c);
	free(c);
	g->r = NULL;
	g->rej = g->msgs = NULL;
}

/* Read a range: its state, every record mapped, finished. */
static void
range_read(struct range *g)
{
	struct rec *x;

	g->state = g->ops->state(g->ctx, g->r);
	while ((x = rec_next(g->r)) != NULL)
		g->ops->map(g->state, x);
	if (g->r->active && !g->r->rec.done)
		die(EXIT_FATAL, "internal error: record not accounted");
	if (g->ops->finish)
		g->ops->finish(g->state, g->ctx);
}

static void *
range_thread(void *arg)
{
	struct range *g = arg;

	double t0 = seconds(CLOCK_THREAD_CPUTIME_ID);

	err_thread(g->msgs, err_line, g->r);
	range_read(g);
	err_thread(NULL, NULL, NULL);
	g->cpu = seconds(CLOCK_THREAD_CPUTIME_ID) - t0;
	return NULL;
}

/* The number of ranges for R's input, its first byte and its size. */
static int
nranges(struct rec_reader *r, off_t *from, off_t *size)
{
	struct src *s = &r->srcs[0];
	const char *e = getenv("ARKIT_THREADS");
	const char *m = getenv("ARKIT_SPLIT_MIN");
	long long min = 8 << 20;
	long n = e && *e ? atol(e) : sysconf(_SC_NPROCESSORS_ONLN);
	struct stat st;

	if (m && *m)
		min = atoll(m);
	if (n < 2 || r->nsrc != 1 || r->want_rewind || r->quiet ||
	    r->o.strict || r->cur != 0 || !s->seekable || s->empty ||
	    s->cd != (iconv_t)-1 || s->ilen > 0 ||
	    (s->fmt != FMT_CSV && s->fmt != FMT_TSV) || fstat(s->fd, &st) != 0)
		return 1;
	*from = s->base + (off_t)s->pos;
	*size = st.st_size;
	if (*size - *from < min || *size - *from < 2)
		return 1;
	if (n > MAX_RANGES)
		n = MAX_RANGES;
	if (n > (*size - *from) / 2)
		n = (long)((*size - *from) / 2);
	return (int)n;
}

/* The first line start at or after AT (0 when there is none). */
static off_t
line_start(struct src *s, off_t at)
{
	char buf[65536];

	at--;	/* AT itself is a line start when a newline ends the byte before */
	for (;;) {
		ssize_t k = pread(s->fd, buf, sizeof(buf), at);
		char *nl;
		if (k <= 0)
			return 0;
		if ((nl = memchr(buf, '\n', (size_t)k)) != NULL)
			return at + (nl - buf) + 1;
		at += k;
	}
}

/* Append range G's rejected records to R's reject file. */
static void
reject_append(struct rec_reader *r, struct range *g)
{
	char buf[65536];
	ssize_t k;
	int fd;

	if (g->rej == NULL)
		return;
	fd = fileno(g->rej);
	ob_flush(g->r->rj);
	if (lseek(fd, 0, SEEK_END) <= 0)
		return;		/* none */
	if (lseek(fd, 0, SEEK_SET) != 0)
		die(EXIT_FATAL, "a temporary file: %s", strerror(errno));
	reject_header(r);
	while ((k = read(fd, buf, sizeof(buf))) != 0) {
		if (k < 0)
			die(EXIT_FATAL, "a temporary file: %s", strerror(errno));
		ob_write(r->rj, buf, (size_t)k);
	}
}

/* Range G's results into R and STATE0, in input order. */
static void
range_merge(struct rec_reader *r, struct range *g, void *state0)
{
	if (g->msgs != NULL)
		err_replay(g->msgs);
	reject_append(r, g);
	r->nread += g->r->nread;
	r->nwritten += g->r->nwritten;
	r->nfiltered += g->r->nfiltered;
	r->nrejected += g->r->nrejected;
	if (g->r->status != 0) {
		r->status = g->r->status;
		exit_status = EXIT_DATA;
	}
	g->ops->merge(state0, g->state, g->ctx);
	g->state = NULL;
}

void
rec_reduce(struct rec_reader *r, const struct rec_reduce *ops, void *ctx,
    void *state0)
{
	struct src *s = &r->srcs[0];
	struct range g[MAX_RANGES];
	off_t from, size, end;
	int n, reread = 0, withmsgs = 0;
	double t0, wait;
	struct rec *x;

	n = nranges(r, &from, &size);
	if (n > 1) {
		/* the cuts: line starts, each after the one before */
		off_t cut[MAX_RANGES + 1];
		int k = 1;
		cut[0] = from;
		for (int i = 1; i < n; i++) {
			off_t c = line_start(s, from + (size - from) / n * i);
			if (c > cut[k - 1] && c < size)
				cut[k++] = c;
		}
		n = k;
		cut[n] = 0;
		memset(g, 0, sizeof(g));
		for (int i = 1; i < n; i++) {
			g[i].from = cut[i];
			g[i].to = cut[i + 1];
			g[i].ops = ops;
			g[i].ctx = ctx;
			g[i].r = range_reader(r, g[i].from, g[i].to, &g[i].rej);
			g[i].msgs = tmpfile();
			g[i].threaded = g[i].msgs != NULL &&
			    pthread_create(&g[i].t, NULL, range_thread, &g[i]) == 0;
		}
		/* the first range here, up to the cut */
		s->use_pread = 1;
		if (s->base + (off_t)s->end > cut[1])
			s->end = (size_t)(cut[1] - s->base);	/* read at open */
		s->off = s->base + (off_t)s->end;
		s->limit = cut[1];
		s->eof = 0;
	}
	t0 = seconds(CLOCK_THREAD_CPUTIME_ID);
	while ((x = rec_next(r)) != NULL)
		ops->map(state0, x);
	if (n < 2)
		return;
	g[0].cpu = seconds(CLOCK_THREAD_CPUTIME_ID) - t0;
	g[0].nread = r->nread;
	g[0].from = from;
	end = g[0].to = r->range_end;
	t0 = seconds(CLOCK_MONOTONIC);
	for (int i = 1; i < n; i++)
		if (g[i].threaded)
			pthread_join(g[i].t, NULL);
	wait = seconds(CLOCK_MONOTONIC) - t0;
	for (int i = 1; i < n; i++) {
		if (!g[i].threaded || end != g[i].from) {
			/* read again, from where the record before it ended */
			if (g[i].state != NULL)
				ops->free(g[i].state, ctx);
			g[i].state = NULL;
			range_free(&g[i]);
			if (g[i].to != 0 && end >= g[i].to)
				continue;	/* that record went on past it */
			g[i].from = end;
			g[i].r = range_reader(r, g[i].from, g[i].to, &g[i].rej);
			err_thread(NULL, err_line, g[i].r);
			range_read(&g[i]);
			err_thread(NULL, NULL, NULL);
			reread++;
		} else if (g[i].msgs != NULL && ftello(g[i].msgs) > 0)
			withmsgs++;
		g[i].nread = g[i].r->nread;
		range_merge(r, &g[i], state0);
		end = g[i].r->range_end;
		if (g[i].to == 0)
			g[i].to = end;
		range_free(&g[i]);
	}
	if (getenv("ARKIT_DEBUG")) {	/* tests check that a split happened */
		for (int i = 0; i < n; i++)
			warnx("split: range %d: %lld bytes, %lu records, %.3f s CPU", i,
			    (long long)(g[i].to - g[i].from), g[i].nread, g[i].cpu);
		warnx("split: waited %.3f s for the other ranges, merged in %.3f s",
		    wait, seconds(CLOCK_MONOTONIC) - t0 - wait);
		warnx("split: %d ranges, %d read again, %d with messages", n,
		    reread, withmsgs);
	}
	s->use_pread = 0;
	s->eof = 1;
	while (rec_next(r) != NULL)	/* move past the input */
		;
}
