/* reject.c - rejecting a record (SPEC 1.5): the message on stderr, the
 * record verbatim plus _error and _source in the --reject file (written on
 * out.h's buffers), --strict's stop. */
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

static void reject_write(struct rec_reader *r, const char *msg);

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
	if (r->child) {
		/* messages come in input order: the first half's reader
		 * goes on from here once it is done */
		rec_defer(r, x);
		return;
	}
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	warn_at(x->file, x->line, "%s", msg);
	r->nrejected++;
	r->status = EXIT_DATA;
	exit_status = EXIT_DATA;
	reject_write(r, msg);
	if (r->o.strict) {
		warnx("stopped at the first rejected record (--strict)");
		reject_close(r);
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
	n = snprintf(src, sizeof(src), "%s:%lu", r->rec.file, r->rec.line);
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
		return;
	}
	/* CSV or TSV, with the first input's header plus _error,_source */
	{
		char d = r->rj_fmt == FMT_TSV ? '\t' : ',';
		size_t k = 0;
#define FIELD(p, n) do { if (k++ > 0) ob_putc(o, d); \
	if (d == ',') ob_csv(o, (p), (n), ','); else ob_tsv(o, (p), (n)); } while (0)
		size_t width = r->o.raw ? r->nrawhdr : r->nhdr;
		if (!r->rj_header) {
			r->rj_header = 1;
			for (size_t s = 0; s < width; s++) {
				const char *h = r->o.raw ? r->rawhdr[s] : r->names[s];
				FIELD(h, strlen(h));
			}
			FIELD("_error", 6);
			FIELD("_source", 7);
			ob_putc(o, '\n');
			k = 0;
		}
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
#undef FIELD
	}
}

/* Open the --reject file, if one was asked for. */
void
reject_open(struct rec_reader *r)
{
	int fd;

	if (r->o.reject_path == NULL)
		return;
	fd = open(r->o.reject_path, O_WRONLY | O_CREAT | O_TRUNC, 0666);
	if (fd < 0)
		die(EXIT_FATAL, "%s: %s", r->o.reject_path, strerror(errno));
	r->rj = xmalloc(sizeof(*r->rj));
	ob_init(r->rj, fd, r->o.reject_path);
}

/* Write out and close the --reject file. */
void
reject_close(struct rec_reader *r)
{
	if (r->rj == NULL)
		return;
	ob_close(r->rj);
	free(r->rj);
	r->rj = NULL;
}
