/* rec.c - the record reader (SPEC 1.2, 1.5, 1.6): the slots a tool names
 * fields by, rec_open, rec_next's dispatch to the format readers, and the
 * accounting every record goes through (read = written + filtered +
 * rejected). The rooms are listed in rec_impl.h. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "err.h"
#include "rec_impl.h"

static size_t
hash_str(const char *s)
{
	size_t h = 1469598103934665603ull;

	while (*s)
		h = (h ^ (unsigned char)*s++) * 1099511628211ull;
	return h;
}

int
slot_find(const struct rec_reader *r, const char *name)
{
	size_t i;

	if (r->hcap == 0)
		return -1;
	for (i = hash_str(name) & (r->hcap - 1); r->hash[i] >= 0;
	    i = (i + 1) & (r->hcap - 1))
		if (strcmp(r->names[r->hash[i]], name) == 0)
			return r->hash[i];
	return -1;
}

static void
hash_put(struct rec_reader *r, int slot)
{
	size_t i = hash_str(r->names[slot]) & (r->hcap - 1);

	while (r->hash[i] >= 0)
		i = (i + 1) & (r->hcap - 1);
	r->hash[i] = slot;
}

int
slot_add(struct rec_reader *r, const char *name, size_t n)
{
	if (r->range)
		die(EXIT_FATAL, "internal error: a new field in a range reader");
	if (r->nslots == r->slotcap) {
		r->slotcap = r->slotcap ? 2 * r->slotcap : 32;
		r->names = xrealloc(r->names, r->slotcap * sizeof(char *));
		r->present = xrealloc(r->present, r->slotcap);
		r->order = xrealloc(r->order, r->slotcap * sizeof(int));
	}
	r->names[r->nslots] = xstrndup(name, n);
	r->present[r->nslots] = 0;
	r->nslots++;
	if (2 * r->nslots > r->hcap) {
		r->hcap = r->hcap ? 2 * r->hcap : 64;
		while (2 * r->nslots > r->hcap)
			r->hcap *= 2;
		free(r->hash);
		r->hash = xmalloc(r->hcap * sizeof(int));
		memset(r->hash, 0xff, r->hcap * sizeof(int));
		for (size_t s = 0; s < r->nslots; s++)
			hash_put(r, (int)s);
	} else
		hash_put(r, (int)(r->nslots - 1));
	return (int)(r->nslots - 1);
}

int
rec_col(struct rec_reader *r, const char *name)
{
	int s = slot_find(r, name);

	return s >= 0 ? s : slot_add(r, name, strlen(name));
}

/* The input has the field SLOT from now on. */
void
set_present(struct rec_reader *r, int slot)
{
	if (r->present[slot])
		return;
	r->present[slot] = 1;
	r->order[r->norder++] = slot;
}

size_t
rec_nfields(const struct rec_reader *r)
{
	return r->norder;
}

int
rec_field(const struct rec_reader *r, size_t i)
{
	return r->order[i];
}

int
rec_has(const struct rec_reader *r, int slot)
{
	return slot >= 0 && (size_t)slot < r->nslots && r->present[slot];
}

size_t
rec_ncols(const struct rec_reader *r)
{
	return r->nslots;
}

const char *
rec_colname(const struct rec_reader *r, int slot)
{
	return r->names[slot];
}

enum rec_fmt
rec_format(const struct rec_reader *r)
{
	for (int i = 0; i < r->nsrc; i++)
		if (!r->srcs[i].empty)
			return r->srcs[i].fmt;
	return r->nsrc > 0 && r->srcs[0].fmt != FMT_AUTO ? r->srcs[0].fmt : FMT_CSV;
}

int
rec_delimiter(const struct rec_reader *r)
{
	for (int i = 0; i < r->nsrc; i++)
		if (!r->srcs[i].empty)
			return r->srcs[i].delim;
	return ',';
}

int
rec_empty(const struct rec_reader *r)
{
	for (int i = 0; i < r->nsrc; i++)
		if (!r->srcs[i].empty)
			return 0;
	return 1;
}

const char *
val_text(const struct val *v, size_t *n)
{
	switch (v->type) {
	case V_STR:
	case V_NUM:
		*n = v->n;
		return v->p;
	case V_TRUE:
		*n = 4;
		return "true";
	case V_FALSE:
		*n = 5;
		return "false";
	case V_RAW:
		*n = v->n;
		return NULL;
	default:
		*n = 0;
		return "";
	}
}

int
dropped_name(const char *p, size_t n)
{
	/* the columns a --reject file adds: a corrected file can be fed back */
	return (n == 6 && memcmp(p, "_error", 6) == 0) ||
	    (n == 7 && memcmp(p, "_source", 7) == 0);
}

/* Make rec.v hold every slot, absent. HDR_ONLY: the record is about to
 * overwrite exactly the header columns, so a clean array needs nothing. */
void
vals_reset(struct rec_reader *r, int hdr_only)
{
	if (r->vcap < r->nslots) {
		if (r->vcap == 0)
			r->rec.v = NULL;	/* it was fv (raw mode) */
		r->vcap = r->nslots + 16;
		r->rec.v = xrealloc(r->rec.v, r->vcap * sizeof(struct val));
		r->vclean = 0;
	}
	r->rec.nv = r->nslots;
	if (!hdr_only || r->vclean != r->nslots)
		memset(r->rec.v, 0, r->nslots * sizeof(struct val));
	r->vclean = hdr_only ? r->nslots : 0;
}

int (*rec_convert)(const char *name, int fd, int seekable, const char *head,
    size_t n);

struct rec_reader *
rec_open(char **files, int nfiles, const struct rec_opts *o)
{
	struct rec_reader *r = xcalloc(1, sizeof(*r));
	static char *stdin_only[] = { NULL };

	r->o = *o;
	if (r->o.raw && r->o.fields)
		die(EXIT_FATAL, "--fields: this tool finds the header itself");
	if (r->o.max_record == 0)
		r->o.max_record = DEFAULT_MAX_RECORD;
	if (nfiles == 0) {
		files = stdin_only;
		nfiles = 1;
	}
	r->nsrc = nfiles;
	r->srcs = xcalloc((size_t)nfiles, sizeof(struct src));
	r->dpos = xmalloc(sizeof(uint32_t));
	csv_start(r);
	for (int i = 0; i < nfiles; i++) {
		struct src *s = &r->srcs[i];
		csv_reset(r, ',');
		src_open(r, s, files[i]);
		csv_reset(r, s->delim ? s->delim : ',');
		read_header(r, s, i == 0 || r->nhdr == 0);
		arena_reset(&r->arena);
	}
	r->rj_fmt = rec_format(r);
	reject_start(r);
	r->cur = 0;
	if (r->nsrc > 0)
		csv_reset(r, r->srcs[0].delim ? r->srcs[0].delim : ',');
	return r;
}

int
rec_quiet(const struct rec_reader *r)
{
	return r->quiet;
}

const char *
rec_quiet_error(const struct rec_reader *r)
{
	return r->quiet_err[0] ? r->quiet_err : NULL;
}

static void
reader_reject(struct rec_reader *r, struct src *s)
{
	r->mapped = 0;
	r->rec.file = s->name;
	r->active = 1;
	r->rec.done = 0;
	if (!r->quiet)
		r->nread++;
	rec_reject(r, &r->rec, "%s", r->errbuf);
}

struct rec *
rec_next(struct rec_reader *r)
{
	if (r->active && !r->rec.done && !r->quiet)
		die_at(EXIT_FATAL, r->rec.file, r->rec.line,
		    "internal error: record not accounted");
	r->active = 0;
	json_drop(r);
	while (r->cur < r->nsrc) {
		struct src *s = &r->srcs[r->cur];
		int rc;
		arena_reset(&r->arena);
		if (s->empty)
			rc = END;
		else if (s->fmt == FMT_JSON)
			rc = read_json(r, s);
		else
			rc = read_delim(r, s, 0);
		r->rfmt = s->fmt;
		if (rc == END && s->use_pread) {
			/* rec_reduce decides what comes next */
			r->range_end = s->base + (off_t)s->pos;
			return NULL;
		}
		if (rc == END) {
			if (s->spool < 0 || !r->want_rewind) {
				free(s->buf);
				s->buf = NULL;
				s->cap = 0;
			}
			if (++r->cur < r->nsrc)
				csv_reset(r, r->srcs[r->cur].delim ?
				    r->srcs[r->cur].delim : ',');
			continue;
		}
		if (rc == BAD) {
			json_drop(r);
			reader_reject(r, s);
			continue;
		}
		r->rec.file = s->name;
		r->rec.done = 0;
		r->active = 1;
		if (r->rawlen > r->o.max_record)
			die_at(EXIT_FATAL, s->name, r->rec.line, "record longer than "
			    "%zu bytes (--max-record)", r->o.max_record);
		if (s->fmt != FMT_JSON && r->o.raw) {
			if (r->vcap > 0)
				free(r->rec.v);
			r->rec.v = r->fv;	/* in file order, as many as there are */
			r->rec.nv = r->nfv;
			r->vcap = 0;	/* rec.v is fv: not ours to reuse or free */
			r->mapped = 0;
		} else if (s->fmt != FMT_JSON) {
			if (r->nfv != s->ncols) {
				snprintf(r->errbuf, sizeof(r->errbuf), "%zu fields, but the "
				    "header has %u", r->nfv, s->ncols);
				reader_reject(r, s);
				continue;
			}
			/* one input whose columns are exactly the slots 0..nhdr */
			vals_reset(r, r->nsrc == 1 && s->ncols == r->nhdr);
			for (size_t f = 0; f < r->nfv; f++)
				if (s->perm[f] >= 0)
					r->rec.v[s->perm[f]] = r->fv[f];
			r->mapped = 1;
		}
		if (r->keep && !r->keep(&r->rec, r->keep_arg)) {
			r->active = 0;	/* another worker's (--shard) */
			json_drop(r);
			continue;
		}
		if (!r->quiet)
			r->nread++;
		return &r->rec;
	}
	return NULL;
}

void
rec_keep(struct rec_reader *r, int (*keep)(const struct rec *x, void *arg),
    void *arg)
{
	r->keep = keep;
	r->keep_arg = arg;
}

void
rec_counts(const struct rec_reader *r, unsigned long c[4])
{
	c[0] = r->nread, c[1] = r->nwritten;
	c[2] = r->nfiltered, c[3] = r->nrejected;
}

void
rec_written(struct rec_reader *r, struct rec *x)
{
	if (x->done)
		return;
	x->done = 1;
	if (!r->quiet)
		r->nwritten++;
}

void
rec_uncount(struct rec_reader *r, struct rec *x)
{
	if (x->done)
		return;
	x->done = 1;
	if (!r->quiet)
		r->nread--;
}

void
rec_filtered(struct rec_reader *r, struct rec *x)
{
	if (x->done)
		return;
	x->done = 1;
	if (!r->quiet)
		r->nfiltered++;
}

void
rec_set_header(struct rec_reader *r, const struct val *names, size_t n)
{
	for (size_t i = 0; i < r->nrawhdr; i++)
		free(r->rawhdr[i]);
	free(r->rawhdr);
	r->rawhdr = xcalloc(n + 1, sizeof(char *));
	for (size_t i = 0; i < n; i++)
		r->rawhdr[i] = xstrndup(names[i].p, names[i].n);
	r->nrawhdr = n;
}

void
rec_require(struct rec_reader *r, int slot)
{
	char have[1024];
	size_t o = 0;

	if (rec_format(r) == FMT_JSON || rec_empty(r) || rec_has(r, slot))
		return;
	/* as many names as fit, each cut at 60 bytes: snprintf() returns
	 * what it would have written, so O is kept below the buffer's end */
	for (size_t s = 0; s < r->nhdr && o < sizeof(have) - 80; s++) {
		int k = snprintf(have + o, sizeof(have) - 80 - o, "%s%.60s",
		    s ? ", " : "", r->names[s]);
		if (k < 0 || (size_t)k >= sizeof(have) - 80 - o) {
			o = sizeof(have) - 80;
			break;
		}
		o += (size_t)k;
	}
	if (o >= sizeof(have) - 80)
		snprintf(have + o, sizeof(have) - o, ", ...");
	die(EXIT_FATAL, "%s: missing column '%s' (the header has: %s)",
	    r->srcs[0].name, r->names[slot], have);
}

int
rec_status(const struct rec_reader *r)
{
	return r->status;
}

unsigned long
rec_nread(const struct rec_reader *r)
{
	return r->nread;
}

int
rec_close(struct rec_reader *r, int verbose)
{
	if (r->active && !r->rec.done && !r->quiet)
		die_at(EXIT_FATAL, r->rec.file, r->rec.line,
		    "internal error: record not accounted");
	json_drop(r);
	reject_end(r);
	if (r->nrejected > 0)
		warnx("%lu of %lu records rejected", r->nrejected, r->nread);
	if (verbose)
		warnx("%lu read, %lu written, %lu filtered, %lu rejected",
		    r->nread, r->nwritten, r->nfiltered, r->nrejected);
	if (r->nread != r->nwritten + r->nfiltered + r->nrejected)
		die(EXIT_FATAL, "internal error: %lu read but %lu accounted",
		    r->nread, r->nwritten + r->nfiltered + r->nrejected);
	for (int i = 0; i < r->nsrc; i++) {
		struct src *s = &r->srcs[i];
		if (s->fd > 0)
			close(s->fd);
		if (s->spool >= 0 && s->spool != s->fd)
			close(s->spool);
		if (s->cd != (iconv_t)-1)
			iconv_close(s->cd);
		free(s->buf);
		free(s->ib);
		free(s->perm);
	}
	csv_end(r);
	arena_free(&r->arena);
	for (size_t s = 0; s < r->nslots; s++)
		free(r->names[s]);
	free(r->names);
	free(r->present);
	free(r->order);
	free(r->hash);
	free(r->srcs);
	free(r->fv);
	free(r->dpos);
	if (r->vcap > 0)
		free(r->rec.v);
	for (size_t i = 0; i < r->nrawhdr; i++)
		free(r->rawhdr[i]);
	free(r->rawhdr);
	{
		int st = r->status;
		free(r);
		return st;
	}
}
