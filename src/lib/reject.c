/* reject.c - rejecting a record (SPEC 1.5): the message on stderr, the
 * record verbatim plus _error and _source in the --reject file (written on
 * out.h's buffers), --strict's stop; and the file's safety: never one of
 * the inputs, locked against a second writer, and every rejected record
 * that stderr reported in it, whatever way the tool ends. */
#include <sys/file.h>
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "err.h"
#include "out.h"
#include "rec_impl.h"
#include "reject.h"

static void reject_write(struct rec_reader *r, const char *msg);

/* The buffer written out at every exit (exit, die, a closed pipe), up to
 * the last whole record. */
static struct obuf *guarded;
static int in_line;		/* inside a record's bytes */
static size_t line_mark;	/* guarded->n where that record began */

static void
flush_at_exit(void)
{
	struct obuf *o = guarded;
	size_t n, off = 0;

	if (o == NULL || o->b == NULL)
		return;
	guarded = NULL;
	n = in_line && line_mark <= o->n ? line_mark : o->n;
	while (off < n) {
		ssize_t k = write(o->fd, o->b + off, n - off);
		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0) {
			fprintf(stderr, "%s: write error on %s: %s\n", progname,
			    o->name, strerror(k < 0 ? errno : EIO));
			_exit(EXIT_FATAL);
		}
		off += (size_t)k;
	}
	o->n = 0;
}

static void
guard(struct obuf *o)
{
	static int registered;

	if (o != NULL && !registered) {
		registered = 1;
		atexit(flush_at_exit);
	}
	guarded = o;
	in_line = 0;
}

static void
line_begin(void)
{
	if (guarded != NULL) {
		in_line = 1;
		line_mark = guarded->n;
	}
}

void
rec_reject(struct rec_reader *r, struct rec *x, const char *fmt, ...)
{
	char msg[1024];
	va_list ap;

	if (x->done)
		return;
	x->done = 1;
	if (r->quiet) {
		if (!r->quiet_err[0]) {
			int k = snprintf(r->quiet_err, sizeof(r->quiet_err), "%s:%lu: ",
			    x->file, x->line);
			va_start(ap, fmt);
			if (k > 0 && (size_t)k < sizeof(r->quiet_err))
				vsnprintf(r->quiet_err + k, sizeof(r->quiet_err) - (size_t)k,
				    fmt, ap);
			va_end(ap);
		}
		return;
	}
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	warn_at(x->file, x->line, "%s", msg);
	r->nrejected++;
	r->status = EXIT_DATA;
	if (!r->range)	/* (a range's: when it is merged) */
		exit_status = EXIT_DATA;
	reject_write(r, msg);
	if (r->o.strict) {
		warnx("stopped at the first rejected record (--strict)");
		reject_end(r);
		err_stop(EXIT_DATA);
	}
}

void
rec_reject_field(struct rec_reader *r, struct rec *x, int slot, const char *what)
{
	char q[ERR_QUOTE_MAX];
	const struct val *v = &x->v[slot];
	size_t n;
	const char *t = val_text(v, &n);

	if (t == NULL)
		t = v->p;
	if (val_blank(v))
		rec_reject(r, x, "field '%s': %s", r->names[slot], what);
	else
		rec_reject(r, x, "field '%s': %s \"%s\"", r->names[slot], what,
		    err_quote(q, t, n));
}

/* The rejected record verbatim plus _error and _source (SPEC 1.5). */
static void
reject_write(struct rec_reader *r, const char *msg)
{
	char src[4096];
	struct obuf *o = r->rj;
	int n;

	if (r->rj == NULL)
		return;
	if (r->rj == guarded)	/* (a range reader's is not) */
		line_begin();
	n = snprintf(src, sizeof(src), "%s:%lu", r->rec.file,
	    range_line(r, r->rec.line));
	if (n < 0 || (size_t)n >= sizeof(src))
		n = (int)sizeof(src) - 1;
	if (r->rj_fmt == FMT_JSON) {
		size_t end = r->rawlen;
		int empty = 1;
		if (r->rfmt == FMT_JSON && r->is_object) {
			/* the object's own bytes, with two keys added at its end */
			while (end > 0 && r->raw[end - 1] != '}')
				end--;
			for (size_t i = 1; i + 1 < end && empty; i++)
				empty = json_ws(r->raw[i]);
			ob_write(o, r->raw, end > 0 ? end - 1 : 0);
			if (!empty)
				ob_putc(o, ',');
		} else if (r->rfmt != FMT_JSON && r->parsed) {
			ob_putc(o, '{');
			for (size_t f = 0; f < r->nfv; f++) {
				char col[32];
				const char *name = col;
				if (f < r->nhdr)
					name = r->names[f];
				else
					snprintf(col, sizeof(col), "_extra%zu", f + 1 - r->nhdr);
				ob_json_str(o, name, strlen(name));
				ob_putc(o, ':');
				ob_json_val(o, &r->fv[f]);
				ob_putc(o, ',');
			}
		} else {
			ob_puts(o, "{\"_raw\":");
			ob_json_str(o, r->raw, r->rawlen);
			ob_putc(o, ',');
		}
		ob_puts(o, "\"_error\":");
		ob_json_str(o, msg, strlen(msg));
		ob_puts(o, ",\"_source\":");
		ob_json_str(o, src, (size_t)n);
		ob_puts(o, "}\n");
		if (r->rj == guarded)
			in_line = 0;
		return;
	}
	/* CSV or TSV, with the first input's header plus _error,_source */
	{
		char d = r->rj_fmt == FMT_TSV ? '\t' : ',';
		size_t k = 0;
#define FIELD(p, n) do { if (k++ > 0) ob_putc(o, d); \
	if (d == ',') ob_csv(o, (p), (n), ','); else ob_tsv(o, (p), (n)); } while (0)
		size_t width = r->o.raw ? r->nrawhdr : r->nhdr;
		reject_header(r);
		if (r->mapped) {
			/* in the first input's column order */
			for (size_t s = 0; s < r->nhdr; s++)
				FIELD(r->rec.v[s].p, r->rec.v[s].n);
		} else if (r->parsed && r->rfmt != FMT_JSON) {
			/* as read: a ragged row stays ragged (fix it, feed it back) */
			for (size_t f = 0; f < r->nfv; f++)
				FIELD(r->fv[f].p, r->fv[f].n);
			for (size_t f = r->nfv; f < width; f++)
				FIELD("", 0);
		} else {
			FIELD(r->raw, r->rawlen);
			for (size_t s = 1; s < width; s++)
				FIELD("", 0);
		}
		FIELD(msg, strlen(msg));
		FIELD(src, (size_t)n);
		ob_putc(o, '\n');
		if (r->rj == guarded)
			in_line = 0;
#undef FIELD
	}
}

void
reject_header(struct rec_reader *r)
{
	struct obuf *o = r->rj;
	char d = r->rj_fmt == FMT_TSV ? '\t' : ',';
	size_t width = r->o.raw ? r->nrawhdr : r->nhdr;
	size_t k = 0;

	if (o == NULL || r->rj_header || r->rj_fmt == FMT_JSON)
		return;
	r->rj_header = 1;
#define FIELD(p, n) do { if (k++ > 0) ob_putc(o, d); \
	if (d == ',') ob_csv(o, (p), (n), ','); else ob_tsv(o, (p), (n)); } while (0)
	for (size_t s = 0; s < width; s++) {
		const char *h = r->o.raw ? r->rawhdr[s] : r->names[s];
		FIELD(h, strlen(h));
	}
	FIELD("_error", 6);
	FIELD("_source", 7);
	ob_putc(o, '\n');
#undef FIELD
}

/* Open the --reject file, if one was asked for (opts.c may have opened
 * it already, once the command line was checked). */
void
reject_start(struct rec_reader *r)
{
	int fd;

	if (r->o.reject_path == NULL)
		return;
	fd = r->o.reject_fd > 0 ? r->o.reject_fd : reject_open(r->o.reject_path);
	r->rj = xmalloc(sizeof(*r->rj));
	ob_init(r->rj, fd, r->o.reject_path);
	guard(r->rj);
}

/* Write out and close the --reject file. */
void
reject_end(struct rec_reader *r)
{
	if (r->rj == NULL)
		return;
	ob_close(r->rj);
	guard(NULL);
	free(r->rj);
	r->rj = NULL;
}

void
reject_check(const char *path, char *const *words, int n, const char *skip,
    int stdin_read)
{
	struct stat rs, st;

	/* only a regular file can be emptied by opening it */
	if (stat(path, &rs) != 0 || !S_ISREG(rs.st_mode))
		return;
	for (int i = 0; i < n; i++)
		if (words[i] != skip && words[i] != path &&
		    strcmp(words[i], "-") != 0 &&
		    stat(words[i], &st) == 0 && st.st_dev == rs.st_dev &&
		    st.st_ino == rs.st_ino)
			die(EXIT_FATAL, "--reject %s is also an input (%s): it would "
			    "be emptied", path, words[i]);
	if (stdin_read && fstat(0, &st) == 0 && st.st_dev == rs.st_dev &&
	    st.st_ino == rs.st_ino)
		die(EXIT_FATAL, "--reject %s is also the standard input: it would "
		    "be emptied", path);
}

int
reject_open(const char *path)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_CLOEXEC, 0666);
	struct stat st;

	if (fd < 0)
		die(EXIT_FATAL, "%s: %s", path, strerror(errno));
	if (flock(fd, LOCK_EX | LOCK_NB) != 0 && errno == EWOULDBLOCK)
		die(EXIT_FATAL, "--reject %s: another process is writing it",
		    path);
	/* truncated only once it is ours (SPEC 1.5: always truncated) */
	if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && ftruncate(fd, 0) != 0)
		die(EXIT_FATAL, "%s: %s", path, strerror(errno));
	return fd;
}
