/* rec.c - the record reader (SPEC 1.2, 1.5, 1.6). The only file that
 * includes libcsv and jansson.
 *
 * CSV: physical lines are found by a SIMD scan; a line without a quote is
 * cut into zero-copy field views, a line with one is fed to libcsv (strict,
 * trimming nothing), one physical line at a time so that every record knows
 * its first line and raw bytes. An unterminated quote rejects the record of
 * its first line and parsing resumes on the next line.
 * JSON: a framer finds each top-level value (or each element of a top-level
 * array) by depth and string state, and jansson parses just those bytes. */
#include <errno.h>
#include <fcntl.h>
#include <iconv.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <csv.h>
#include <jansson.h>

#include "arena.h"
#include "err.h"
#include "out.h"
#include "rec.h"
#include "reject.h"
#include "scan.h"
#include "utf8.h"

#define CHUNK (1u << 20)

size_t rec_chunk;	/* tests: read this many bytes at a time */
#define DEFAULT_MAX_RECORD ((size_t)64 << 20)

struct src {
	const char *name;	/* for messages */
	const char *path;	/* NULL: standard input */
	int fd;
	int seekable;
	int eof;		/* no more bytes will come */
	int raw_eof;		/* read(2) returned 0 */
	iconv_t cd;		/* (iconv_t)-1: no conversion */
	char *ib;		/* bytes read, not yet converted */
	size_t ilen;
	int spool;		/* copy of what was read, for rec_rewind */
	int spooling, from_spool;
	enum rec_fmt fmt;
	unsigned char delim, special;
	unsigned ncols;		/* header fields */
	int *perm;		/* header field -> slot, -1 dropped */
	char *buf;		/* data; SCAN_PAD readable bytes beyond cap */
	size_t cap, pos, end;
	unsigned long line;	/* line number at pos */
	unsigned long data_line;
	int empty;		/* nothing but white space */
	int fell_back;		/* not UTF-8: read as o.fallback_code */
	int in_array;		/* JSON: inside the top-level array */
	/* split reading (rec_reduce): pread from OFF, end of input at LIMIT */
	int use_pread;
	off_t off, limit;	/* limit 0: the end of the file */
	off_t base;		/* file offset of buf[0] (uncoverted input only) */
};

struct rec_reader {
	struct rec_opts o;
	struct src *srcs;
	int nsrc, cur;
	/* schema: slot names */
	char **names;
	unsigned char *present;
	int *order;		/* slots in the order the input brought them */
	size_t norder;
	size_t nslots, slotcap;
	int *hash;		/* open addressing, -1 empty */
	size_t hcap;
	size_t nhdr;		/* slots that are header columns of input 1 */
	int frozen;		/* JSON keys fixed (fixed_schema) */
	/* the current record */
	struct rec rec;
	int active;
	struct val *fv;		/* fields in file order */
	size_t nfv, fvcap;
	uint32_t *dpos;
	unsigned maxd;
	struct arena arena;
	struct csv_parser csv;
	int rowdone;
	json_t *json;
	const char *raw;	/* raw text of the current record */
	size_t rawlen;
	enum rec_fmt rfmt;	/* its format */
	int parsed;		/* fv holds its fields (else only raw) */
	int mapped;		/* rec.v holds them by slot (CSV, TSV) */
	char errbuf[512];	/* why the reader rejects the current record */
	char quiet_err[600];	/* the first rejection of a quiet pass */
	size_t vcap;		/* slots allocated in rec.v */
	size_t vclean;		/* == nslots: rec.v is clean but for the header
				 * columns, which every CSV record overwrites */
	/* rec_reduce */
	int child;		/* the second half's reader */
	int stopped;		/* child: stopped at a record needing a message */
	off_t rec_off;		/* file offset of the current record */
	off_t stop_off;
	unsigned long stop_line;
	int split_failed;	/* a quoted field spans the split point */
	int is_object;		/* JSON: raw is an object */
	/* accounting */
	unsigned long nread, nwritten, nfiltered, nrejected;
	int quiet, want_rewind;
	int status;
	/* raw mode: the header the tool found (for the reject file) */
	char **rawhdr;
	size_t nrawhdr;
	/* reject file */
	struct obuf rj;
	int rj_open, rj_header;
	enum rec_fmt rj_fmt;
};

/* ---- names ---- */

static size_t
hash_str(const char *s)
{
	size_t h = 1469598103934665603ull;

	while (*s)
		h = (h ^ (unsigned char)*s++) * 1099511628211ull;
	return h;
}

static int
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

static int
slot_add(struct rec_reader *r, const char *name, size_t n)
{
	if (r->child)
		die(EXIT_FATAL, "internal error: a new field in a split reader");
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
static void
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

/* ---- input bytes ---- */

static size_t
raw_read(struct src *s, char *dst, size_t cap)
{
	for (;;) {
		ssize_t k = read(s->fd, dst, cap);
		if (k >= 0) {
			if (k == 0)
				s->raw_eof = 1;
			return (size_t)k;
		}
		if (errno != EINTR)
			die(EXIT_FATAL, "%s: read error: %s", s->name, strerror(errno));
	}
}

/* Decoded bytes into DST (at most CAP); 0 only at the end. */
static size_t
src_read(struct src *s, char *dst, size_t cap)
{
	size_t got = 0;

	if (s->use_pread) {
		if (s->limit > 0 && (off_t)cap > s->limit - s->off)
			cap = (size_t)(s->limit - s->off);
		while (cap > 0) {
			ssize_t k = pread(s->fd, dst, cap, s->off);
			if (k >= 0) {
				s->off += k;
				return (size_t)k;
			}
			if (errno != EINTR)
				die(EXIT_FATAL, "%s: read error: %s", s->name,
				    strerror(errno));
		}
		return 0;
	}
	if (s->cd == (iconv_t)-1) {
		if (s->ilen > 0) {	/* bytes peeked at open */
			got = s->ilen < cap ? s->ilen : cap;
			memcpy(dst, s->ib, got);
			memmove(s->ib, s->ib + got, s->ilen - got);
			s->ilen -= got;
		} else if (!s->raw_eof)
			got = raw_read(s, dst, cap);
	} else {
		while (got == 0) {
			char *in, *out = dst;
			size_t inleft, outleft = cap, k;
			if (s->ilen < 64 && !s->raw_eof) {
				k = raw_read(s, s->ib + s->ilen, CHUNK - s->ilen);
				s->ilen += k;
			}
			if (s->ilen == 0)
				break;
			in = s->ib;
			inleft = s->ilen;
			while (inleft > 0 && outleft > 0) {
				if (iconv(s->cd, &in, &inleft, &out, &outleft) != (size_t)-1)
					continue;
				if (errno == E2BIG || outleft == 0)
					break;	/* (an invalid byte right after a
						 * full output: pass it next time) */
				if (errno == EINVAL && !s->raw_eof && inleft < 64)
					break;	/* incomplete sequence: read more */
				/* invalid (or truncated at the end): pass the byte
				 * through, so that the record holding it is rejected
				 * as invalid UTF-8 with its line */
				*out++ = *in++;
				inleft--;
				outleft--;
			}
			got = (size_t)(out - dst);
			memmove(s->ib, in, inleft);
			s->ilen = inleft;
			if (got == 0 && s->raw_eof && s->ilen == 0)
				break;
		}
	}
	if (got > 0 && s->spooling) {
		const char *p = dst;
		size_t n = got;
		while (n > 0) {
			ssize_t k = write(s->spool, p, n);
			if (k < 0 && errno == EINTR)
				continue;
			if (k <= 0)
				die(EXIT_FATAL, "temporary file: write error: %s",
				    strerror(errno));
			p += k;
			n -= (size_t)k;
		}
	}
	return got;
}

/* Keep [keep, end), move it to the front, read more. Returns the bytes
 * added (0: end of input). Offsets held by callers shift by KEEP. */
static size_t
src_more(struct rec_reader *r, struct src *s, size_t keep)
{
	size_t k, want, chunk;

	if (keep > 0) {
		memmove(s->buf, s->buf + keep, s->end - keep);
		s->end -= keep;
		s->pos -= keep;
		s->base += (off_t)keep;
	}
	if (s->end > r->o.max_record)
		die_at(EXIT_FATAL, s->name, s->line,
		    "record longer than %zu bytes (--max-record)%s", r->o.max_record,
		    s->fmt == FMT_CSV ? "; an unterminated quote?" : "");
	chunk = rec_chunk ? rec_chunk : CHUNK;
	want = s->end + chunk;
	if (s->cap < want) {
		while (s->cap < want)
			s->cap = s->cap ? 2 * s->cap : 2 * chunk;
		s->buf = xrealloc(s->buf, s->cap + SCAN_PAD);
	}
	k = s->eof ? 0 : src_read(s, s->buf + s->end, chunk);
	if (k == 0)
		s->eof = 1;
	s->end += k;
	memset(s->buf + s->end, 0, SCAN_PAD);
	return k;
}

/* ---- delimited text ---- */

static void
fv_reserve(struct rec_reader *r, size_t n)
{
	if (n > r->fvcap) {
		r->fvcap = n + n / 2 + 8;
		r->fv = xrealloc(r->fv, r->fvcap * sizeof(*r->fv));
	}
}

static void
csv_cb1(void *p, size_t n, void *data)
{
	struct rec_reader *r = data;

	fv_reserve(r, r->nfv + 1);
	r->fv[r->nfv].p = arena_dup(&r->arena, p ? p : "", n);
	r->fv[r->nfv].n = n;
	r->fv[r->nfv].type = V_STR;
	r->nfv++;
}

static void
csv_cb2(int c, void *data)
{
	(void)c;
	((struct rec_reader *)data)->rowdone = 1;
}

static int
no_space(unsigned char c)
{
	(void)c;
	return 0;	/* libcsv would otherwise trim spaces and tabs */
}

static void
csv_reset(struct rec_reader *r, unsigned char delim)
{
	csv_free(&r->csv);
	if (csv_init(&r->csv, CSV_STRICT | CSV_STRICT_FINI) != 0)
		die(EXIT_FATAL, "out of memory");
	csv_set_space_func(&r->csv, no_space);
	csv_set_delim(&r->csv, delim);
	csv_set_blk_size(&r->csv, 4096);
	r->rowdone = 0;
}

/* Split a line without quoting rules (TSV, and lines with more fields than
 * the scanner recorded). */
static void
split_plain(struct rec_reader *r, const char *p, size_t n, unsigned char delim)
{
	size_t start = 0;

	r->nfv = 0;
	for (size_t i = 0; i <= n; i++) {
		if (i == n || (unsigned char)p[i] == delim) {
			fv_reserve(r, r->nfv + 1);
			r->fv[r->nfv].p = p + start;
			r->fv[r->nfv].n = i - start;
			r->fv[r->nfv].type = V_STR;
			r->nfv++;
			start = i + 1;
		}
	}
}

static void
tsv_unescape(struct rec_reader *r)
{
	for (size_t f = 0; f < r->nfv; f++) {
		const char *p = r->fv[f].p;
		size_t n = r->fv[f].n, o = 0;
		char *q;
		if (memchr(p, '\\', n) == NULL)
			continue;
		q = arena_alloc(&r->arena, n + 1);
		for (size_t i = 0; i < n; i++) {
			if (p[i] == '\\' && i + 1 < n) {
				char c = p[i + 1];
				char e = c == 't' ? '\t' : c == 'n' ? '\n' :
				    c == 'r' ? '\r' : c == '\\' ? '\\' : 0;
				if (e) {
					q[o++] = e;
					i++;
					continue;
				}
			}
			q[o++] = p[i];
		}
		r->fv[f].p = q;
		r->fv[f].n = o;
	}
}

enum { GOT = 1, END = 0, BAD = -1 };


/* A record libcsv has to parse: feed it physical lines until the row ends. */
static int
slow_csv(struct rec_reader *r, struct src *s, struct scan_line *l)
{
	size_t start = s->pos, first_next = s->pos + l->next;
	unsigned long first_line = s->line - 1;
	unsigned long extra = 0;

	r->rec_off = s->base + (off_t)s->pos;
	r->nfv = 0;
	r->rowdone = 0;
	for (;;) {
		const char *p = s->buf + s->pos;
		size_t done = csv_parse(&r->csv, p, l->next, csv_cb1, csv_cb2, r);
		if (done < l->next || csv_error(&r->csv) != CSV_SUCCESS) {
			if (extra > 0)
				snprintf(r->errbuf, sizeof(r->errbuf), "malformed quoting at "
				    "line %lu, column %zu: quote a field whole and "
				    "double any quote inside it", first_line + extra,
				    done + 1);
			else
				snprintf(r->errbuf, sizeof(r->errbuf), "malformed quoting at "
				    "column %zu: quote a field whole and double any "
				    "quote inside it", done + 1);
			r->raw = s->buf + start;
			r->rawlen = s->pos + l->len - start;
			r->parsed = 0;
			s->pos += l->next;
			csv_reset(r, s->delim);
			return BAD;
		}
		s->pos += l->next;
		if (r->rowdone)
			break;
		if (s->pos >= s->end && s->eof && s->limit > 0 && !r->child) {
			/* a quoted field goes on past the split point: read on,
			 * and rec_reduce drops the second half's work */
			s->limit = 0;
			s->eof = 0;
			r->split_failed = 1;
		}
		if (s->pos >= s->end && s->eof) {
			if (csv_fini(&r->csv, csv_cb1, csv_cb2, r) != 0) {
				/* unterminated quote: reject the first line only */
				snprintf(r->errbuf, sizeof(r->errbuf),
				    "unterminated quoted field");
				r->raw = s->buf + start;
				r->rawlen = first_next - start;
				while (r->rawlen > 0 && (r->raw[r->rawlen - 1] == '\n' ||
				    r->raw[r->rawlen - 1] == '\r'))
					r->rawlen--;
				r->parsed = 0;
				s->pos = first_next;
				s->line = first_line + 1;
				csv_reset(r, s->delim);
				return BAD;
			}
			break;
		}
		/* the next physical line */
		while (!scan_line(s->buf + s->pos, s->buf + s->end, s->eof,
		    s->delim, '"', r->dpos, 0, l)) {
			if (s->eof) {
				l->len = l->next = s->end - s->pos;
				break;
			}
			src_more(r, s, start);
			first_next -= start;
			start = 0;
		}
		s->line++;
		extra++;
	}
	r->raw = s->buf + start;
	r->rawlen = s->pos - start;
	while (r->rawlen > 0 && (r->raw[r->rawlen - 1] == '\n' ||
	    r->raw[r->rawlen - 1] == '\r'))
		r->rawlen--;
	r->parsed = 1;
	if (memchr(r->raw, '\0', r->rawlen) != NULL) {
		snprintf(r->errbuf, sizeof(r->errbuf), "NUL byte in record");
		return BAD;
	}
	return GOT;
}

/* One record of delimited text into r->fv. FORCE_SLOW: the header. */
static int
read_delim(struct rec_reader *r, struct src *s, int force_slow)
{
	struct scan_line l;
	const char *p;
	size_t off;

	for (;;) {
		if (s->pos >= s->end) {
			if (s->eof || src_more(r, s, s->pos) == 0)
				return END;
			continue;
		}
		p = s->buf + s->pos;
		if (!scan_line(p, s->buf + s->end, s->eof, s->delim, s->special,
		    r->dpos, r->maxd, &l)) {
			if (!s->eof) {
				src_more(r, s, s->pos);
				continue;
			}
			l.len = l.next = s->end - s->pos;
		}
		r->rec.line = s->line++;
		if (l.len == 0) {
			s->pos += l.next;
			continue;	/* a blank line is no record */
		}
		if (s->special == '"' && ((l.flags & SCAN_SPECIAL) || force_slow)) {
			int rc = slow_csv(r, s, &l);
			if (rc == GOT && utf8_check(r->raw, r->rawlen) != r->rawlen) {
				off = utf8_check(r->raw, r->rawlen);
				snprintf(r->errbuf, sizeof(r->errbuf), "invalid UTF-8 (byte 0x%02x "
				    "at offset %zu); %s", (unsigned char)r->raw[off], off + 1,
				    utf8_advice(r->raw, r->rawlen));
				return BAD;
			}
			return rc;
		}
		r->raw = p;
		r->rawlen = l.len;
		r->parsed = 1;
		r->rec_off = s->base + (off_t)s->pos;
		if (l.ndelim > r->maxd || force_slow)
			split_plain(r, p, l.len, s->delim);
		else {
			size_t start = 0;
			fv_reserve(r, l.ndelim + 1);
			for (unsigned i = 0; i < l.ndelim; i++) {
				r->fv[i].p = p + start;
				r->fv[i].n = r->dpos[i] - start;
				r->fv[i].type = V_STR;
				start = r->dpos[i] + 1;
			}
			r->fv[l.ndelim].p = p + start;
			r->fv[l.ndelim].n = l.len - start;
			r->fv[l.ndelim].type = V_STR;
			r->nfv = l.ndelim + 1;
		}
		if (s->fmt == FMT_TSV && (l.flags & SCAN_SPECIAL))
			tsv_unescape(r);
		s->pos += l.next;
		if (l.flags & SCAN_NUL) {
			snprintf(r->errbuf, sizeof(r->errbuf), "NUL byte in record");
			return BAD;
		}
		if ((l.flags & SCAN_HIGH) && (off = utf8_check(p, l.len)) != l.len) {
			snprintf(r->errbuf, sizeof(r->errbuf), "invalid UTF-8 (byte 0x%02x at "
			    "column %zu); %s", (unsigned char)p[off], off + 1,
			    utf8_advice(p, l.len));
			return BAD;
		}
		return GOT;
	}
}

/* ---- JSON ---- */

static int dropped_name(const char *p, size_t n);

static int
json_ws(int c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Find the bytes of the next top-level value; returns GOT with
 * [*start, s->pos), END, or BAD (truncated). */
static int
frame_json(struct rec_reader *r, struct src *s, size_t *startp)
{
	size_t i, start;
	int depth, in_str, esc, kind;
	unsigned long nl;

	for (;;) {	/* white space and separators */
		while (s->pos < s->end) {
			char c = s->buf[s->pos];
			if (c == '\n')
				s->line++;
			else if (!(json_ws(c) || (c == ',' && s->in_array)))
				break;
			s->pos++;
		}
		if (s->pos < s->end) {
			char c = s->buf[s->pos];
			if (!s->in_array && c == '[') {
				s->in_array = 1;
				s->pos++;
				continue;
			}
			if (s->in_array && c == ']') {
				s->in_array = 0;
				s->pos++;
				continue;
			}
			break;
		}
		if (s->eof || src_more(r, s, s->pos) == 0) {
			if (s->in_array && !r->quiet)
				warn_at(s->name, s->line, "the top-level array is not closed");
			s->in_array = 0;
			return END;
		}
	}
	start = s->pos;
	r->rec.line = s->line;
	kind = (unsigned char)s->buf[start];
	i = start;
	depth = in_str = esc = 0;
	nl = 0;
	for (;;) {
		for (; i < s->end; i++) {
			char c = s->buf[i];
			if (kind != '{' && kind != '[' && kind != '"') {
				if (i > start && (json_ws(c) || c == ',' || c == ']' ||
				    c == '}' || c == '[' || c == '{' || c == '"'))
					goto done;
				continue;
			}
			if (c == '\n')
				nl++;
			if (in_str) {
				if (esc)
					esc = 0;
				else if (c == '\\')
					esc = 1;
				else if (c == '"') {
					in_str = 0;
					if (kind == '"') {
						i++;
						goto done;
					}
				}
			} else if (c == '"')
				in_str = 1;
			else if (c == '{' || c == '[')
				depth++;
			else if (c == '}' || c == ']') {
				if (--depth == 0) {
					i++;
					goto done;
				}
			}
		}
		if (s->eof) {
			if (kind != '{' && kind != '[' && kind != '"')
				goto done;	/* a scalar may end at the end */
			r->raw = s->buf + start;
			r->rawlen = s->end - start;
			s->pos = s->end;
			s->line += nl;
			snprintf(r->errbuf, sizeof(r->errbuf), "truncated JSON value");
			return BAD;
		}
		i -= start;
		src_more(r, s, start);
		start = 0;
		i += start;
	}
done:
	s->pos = i;
	s->line += nl;
	*startp = start;
	return GOT;
}

static const char *
json_kind(const json_t *j)
{
	switch (json_typeof(j)) {
	case JSON_ARRAY: return "an array";
	case JSON_STRING: return "a string";
	case JSON_INTEGER:
	case JSON_REAL: return "a number";
	case JSON_TRUE:
	case JSON_FALSE: return "a boolean";
	case JSON_NULL: return "null";
	default: return "an object";
	}
}

/* Shortest text that reads back as the same double. */
static size_t
real_text(char *buf, size_t cap, double d)
{
	for (int prec = 15; prec <= 17; prec++) {
		snprintf(buf, cap, "%.*g", prec, d);
		if (strtod(buf, NULL) == d)
			break;
	}
	return strlen(buf);
}

/* Make rec.v hold every slot, absent. HDR_ONLY: the record is about to
 * overwrite exactly the header columns, so a clean array needs nothing. */
static void
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

static int
read_json(struct rec_reader *r, struct src *s)
{
	json_error_t err;
	const char *key;
	json_t *val;
	size_t start;
	int rc = frame_json(r, s, &start);

	if (rc != GOT)
		return rc;
	r->raw = s->buf + start;
	r->rawlen = s->pos - start;
	r->parsed = 0;
	r->mapped = 0;
	r->is_object = 0;
	r->json = json_loadb(r->raw, r->rawlen, JSON_REJECT_DUPLICATES |
	    JSON_DECODE_ANY, &err);
	if (r->json == NULL) {
		if (err.line > 1)
			snprintf(r->errbuf, sizeof(r->errbuf), "invalid JSON (on line %lu): "
			    "%s", r->rec.line + (unsigned long)err.line - 1, err.text);
		else
			snprintf(r->errbuf, sizeof(r->errbuf), "invalid JSON: %s", err.text);
		return BAD;
	}
	if (!json_is_object(r->json)) {
		snprintf(r->errbuf, sizeof(r->errbuf), "not a JSON object but %s",
		    json_kind(r->json));
		return BAD;
	}
	r->is_object = 1;
	json_object_foreach(r->json, key, val) {
		if (dropped_name(key, strlen(key)))
			continue;
		if (slot_find(r, key) < 0 || !r->present[slot_find(r, key)]) {
			if (r->frozen && !r->quiet) {
				char q[ERR_QUOTE_MAX];
				snprintf(r->errbuf, sizeof(r->errbuf), "key \"%s\" is not in the "
				    "first record: one header is needed for this output "
				    "(use -o json, or give the first record every key)",
				    err_quote(q, key, strlen(key)));
				return BAD;
			}
			set_present(r, rec_col(r, key));
		}
	}
	vals_reset(r, 0);
	json_object_foreach(r->json, key, val) {
		struct val *v;
		char num[64];
		if (dropped_name(key, strlen(key)))
			continue;
		v = &r->rec.v[slot_find(r, key)];
		switch (json_typeof(val)) {
		case JSON_STRING:
			v->type = V_STR;
			v->p = json_string_value(val);
			v->n = json_string_length(val);
			break;
		case JSON_INTEGER:
			v->type = V_NUM;
			v->n = (size_t)snprintf(num, sizeof(num), "%" JSON_INTEGER_FORMAT,
			    json_integer_value(val));
			v->p = arena_dup(&r->arena, num, v->n);
			break;
		case JSON_REAL:
			v->type = V_NUM;
			v->n = real_text(num, sizeof(num), json_real_value(val));
			v->p = arena_dup(&r->arena, num, v->n);
			break;
		case JSON_TRUE:
			v->type = V_TRUE;
			break;
		case JSON_FALSE:
			v->type = V_FALSE;
			break;
		case JSON_NULL:
			v->type = V_NULL;
			break;
		default: {
			size_t n = json_dumpb(val, NULL, 0, JSON_COMPACT);
			char *t = arena_alloc(&r->arena, n + 1);
			json_dumpb(val, t, n, JSON_COMPACT);
			t[n] = '\0';
			v->type = V_RAW;
			v->p = t;
			v->n = n;
		}
		}
	}
	if (r->o.fixed_schema && !r->quiet)
		r->frozen = 1;
	r->parsed = 1;
	return GOT;
}

/* ---- opening ---- */

/* Skip a UTF-8 byte order mark at the start of a source. */
static void
skip_bom(struct rec_reader *r, struct src *s)
{
	while (s->end - s->pos < 3 && !s->eof)
		src_more(r, s, s->pos);
	if (s->end - s->pos >= 3 && memcmp(s->buf + s->pos, "\xef\xbb\xbf", 3) == 0)
		s->pos += 3;
}

/* Raw mode: no header line to go by, and title rows above the header may
 * hold no delimiter at all: the delimiter is the one found on the most of
 * the first lines (',' then tab, ';' and '|' on ties), '|' when most lines
 * are framed by it (SAP's unconverted text export). */
static unsigned char
sniff_lines(struct rec_reader *r, struct src *s, size_t from)
{
	static const unsigned char cand[] = { ',', '\t', ';', '|' };
	unsigned lines[4] = { 0 }, nlines = 0, framed = 0;
	size_t i = from;

	while (s->end - from < 65536 && !s->eof) {
		size_t off = from - s->pos;
		src_more(r, s, s->pos);
		from = s->pos + off;
		i = from;
	}
	while (i < s->end && nlines < 50) {
		size_t e = i;
		int seen[4] = { 0 };
		while (e < s->end && s->buf[e] != '\n' && s->buf[e] != '\r') {
			for (int k = 0; k < 4; k++)
				if ((unsigned char)s->buf[e] == cand[k])
					seen[k] = 1;
			e++;
		}
		if (e > i) {
			nlines++;
			framed += s->buf[i] == '|';
			for (int k = 0; k < 4; k++)
				lines[k] += (unsigned)seen[k];
		}
		i = e + 1;
	}
	if (nlines > 0 && 2 * framed >= nlines)
		return '|';
	{
		int best = 0;
		for (int k = 1; k < 4; k++)
			if (lines[k] > lines[best])
				best = k;
		return cand[best];
	}
}

static void
detect(struct rec_reader *r, struct src *s)
{
	size_t i;

	skip_bom(r, s);
	for (;;) {	/* first byte that is not white space */
		for (i = s->pos; i < s->end && json_ws(s->buf[i]); i++)
			;
		if (i < s->end || s->eof)
			break;
		src_more(r, s, s->pos);
	}
	if (i >= s->end) {
		s->empty = 1;
		if (s->fmt == FMT_AUTO)
			s->fmt = FMT_CSV;
		return;
	}
	if (s->fmt == FMT_AUTO)
		s->fmt = (s->buf[i] == '{' || s->buf[i] == '[') ? FMT_JSON : FMT_CSV;
	if (s->fmt == FMT_TSV) {
		s->delim = r->o.delim ? (unsigned char)r->o.delim : '\t';
		s->special = '\\';
	} else if (s->fmt == FMT_CSV) {
		s->special = '"';
		if (r->o.delim)
			s->delim = (unsigned char)r->o.delim;
		else if (r->o.raw)
			s->delim = sniff_lines(r, s, i);
		else {	/* sniff the header line: ',' else tab else ';' */
			size_t e;
			for (;;) {
				for (e = i; e < s->end && s->buf[e] != '\n' &&
				    s->buf[e] != '\r'; e++)
					;
				if (e < s->end || s->eof)
					break;
				e = i - s->pos;
				src_more(r, s, s->pos);
				i = s->pos + e;
			}
			s->delim = memchr(s->buf + i, ',', e - i) ? ',' :
			    memchr(s->buf + i, '\t', e - i) ? '\t' :
			    memchr(s->buf + i, ';', e - i) ? ';' : ',';
		}
	}
}

static int
dropped_name(const char *p, size_t n)
{
	/* the columns a --reject file adds: a corrected file can be fed back */
	return (n == 6 && memcmp(p, "_error", 6) == 0) ||
	    (n == 7 && memcmp(p, "_source", 7) == 0);
}

static void
read_header(struct rec_reader *r, struct src *s, int first)
{
	int rc;

	if (s->empty || s->fmt == FMT_JSON)
		return;
	if (r->o.raw) {
		if (r->maxd < 256) {
			r->maxd = 256;
			r->dpos = xrealloc(r->dpos, (r->maxd + 1) * sizeof(uint32_t));
		}
		s->data_line = s->line;
		return;
	}
	rc = read_delim(r, s, 1);
	if (rc == END) {
		s->empty = 1;
		return;
	}
	if (rc == BAD)
		die_at(EXIT_FATAL, s->name, r->rec.line, "header: %s", r->errbuf);
	s->ncols = (unsigned)r->nfv;
	s->perm = xmalloc((r->nfv + 1) * sizeof(int));
	for (size_t f = 0; f < r->nfv; f++) {
		const char *p = r->fv[f].p;
		size_t n = r->fv[f].n;
		char q[ERR_QUOTE_MAX];
		int slot;
		while (n > 0 && *p == ' ')
			p++, n--;
		while (n > 0 && p[n - 1] == ' ')
			n--;
		if (n == 0)
			die_at(EXIT_FATAL, s->name, r->rec.line,
			    "header: column %zu has no name", f + 1);
		if (dropped_name(p, n)) {
			s->perm[f] = -1;
			continue;
		}
		{
			char *name = xstrndup(p, n);
			slot = slot_find(r, name);
			free(name);
		}
		if (slot >= 0 && r->present[slot] && first)
			die_at(EXIT_FATAL, s->name, r->rec.line,
			    "header: duplicate column name \"%s\"", err_quote(q, p, n));
		if (!first) {
			if (slot < 0 || !r->present[slot] || (size_t)slot >= r->nhdr)
				die_at(EXIT_FATAL, s->name, r->rec.line,
				    "header: column \"%s\" is not in %s's header",
				    err_quote(q, p, n), r->srcs[0].name);
			for (size_t g = 0; g < f; g++)
				if (s->perm[g] == slot)
					die_at(EXIT_FATAL, s->name, r->rec.line,
					    "header: duplicate column name \"%s\"",
					    err_quote(q, p, n));
		} else if (slot < 0)
			slot = slot_add(r, p, n);
		set_present(r, slot);
		s->perm[f] = slot;
	}
	if (first)
		r->nhdr = r->nslots;
	else {
		size_t kept = 0;
		for (unsigned f = 0; f < s->ncols; f++)
			kept += s->perm[f] >= 0;
		if (kept != r->nhdr)
			die_at(EXIT_FATAL, s->name, r->rec.line,
			    "header: %zu columns, but %s has %zu", kept,
			    r->srcs[0].name, r->nhdr);
	}
	if (s->ncols > r->maxd) {
		r->maxd = s->ncols;
		r->dpos = xrealloc(r->dpos, (r->maxd + 1) * sizeof(uint32_t));
	}
	s->data_line = s->line;
}

/* Is what was read so far UTF-8 (a sequence cut at the end allowed)? */
static int
utf8_start(const struct src *s)
{
	size_t n = s->end, bad = utf8_check(s->buf, n);

	return bad == n || (n - bad < 4 && !s->eof &&
	    ((unsigned char)s->buf[bad] & 0xc0) == 0xc0);
}

/* Not UTF-8: read it again through iconv from the fallback encoding. */
static void
fall_back(struct rec_reader *r, struct src *s)
{
	s->cd = iconv_open("UTF-8", r->o.fallback_code);
	if (s->cd == (iconv_t)-1)
		die(EXIT_FATAL, "unknown encoding \"%s\"", r->o.fallback_code);
	s->ib = xrealloc(s->ib, s->end > CHUNK ? s->end : CHUNK);
	memcpy(s->ib, s->buf, s->end);
	s->ilen = s->end;
	s->pos = s->end = 0;
	s->eof = 0;
	s->fell_back = 1;
	src_more(r, s, 0);
}

int
rec_fell_back(const struct rec_reader *r)
{
	for (int i = 0; i < r->nsrc; i++)
		if (r->srcs[i].fell_back)
			return 1;
	return 0;
}

static void
src_open(struct rec_reader *r, struct src *s, const char *path)
{
	struct stat st;
	int converted = 0;

	s->path = (path == NULL || strcmp(path, "-") == 0) ? NULL : path;
	s->name = s->path ? s->path : "<stdin>";
	s->fd = s->path ? open(s->path, O_RDONLY) : 0;
	if (s->fd < 0)
		die(EXIT_FATAL, "%s: %s", s->name, strerror(errno));
	if (fstat(s->fd, &st) != 0)
		die(EXIT_FATAL, "%s: %s", s->name, strerror(errno));
	if (S_ISDIR(st.st_mode))
		die(EXIT_FATAL, "%s: is a directory", s->name);
	s->seekable = S_ISREG(st.st_mode);
	s->spool = -1;
	s->line = 1;
	s->fmt = r->o.fmt;
	s->ib = xmalloc(64);
	s->cd = (iconv_t)-1;
	/* peek for a UTF-16 byte order mark (and a workbook's magic) */
	while (s->ilen < (rec_convert ? 8u : 2u) && !s->raw_eof)
		s->ilen += raw_read(s, s->ib + s->ilen, 64 - s->ilen);
	if (rec_convert != NULL) {
		int fd = rec_convert(s->name, s->fd, s->seekable, s->ib, s->ilen);
		if (fd >= 0) {	/* read the rows it made (UTF-8) instead */
			if (s->fd != 0)
				close(s->fd);
			s->fd = fd;
			s->ilen = 0;
			s->raw_eof = 0;
			s->seekable = 1;
			s->fmt = FMT_TSV;
			converted = 1;
		}
	}
	if (r->o.from_code && !converted) {
		s->cd = iconv_open("UTF-8", r->o.from_code);
		if (s->cd == (iconv_t)-1)
			die(EXIT_FATAL, "unknown encoding \"%s\" (see iconv -l)",
			    r->o.from_code);
	}
	if (s->cd == (iconv_t)-1 && !r->o.from_code && s->ilen >= 2 &&
	    ((unsigned char)s->ib[0] == 0xff ||
	    (unsigned char)s->ib[0] == 0xfe) && (unsigned char)s->ib[1] ==
	    ((unsigned char)s->ib[0] ^ 1)) {
		s->cd = iconv_open("UTF-8", "UTF-16");
		if (s->cd == (iconv_t)-1)
			die(EXIT_FATAL, "%s: UTF-16 input, and iconv cannot convert "
			    "it", s->name);
	}
	if (s->cd != (iconv_t)-1)
		s->ib = xrealloc(s->ib, CHUNK);	/* bytes waiting to be converted */
	src_more(r, s, 0);
	if (s->cd == (iconv_t)-1 && r->o.fallback_code && !utf8_start(s))
		fall_back(r, s);
	detect(r, s);
	if (s->fmt == FMT_TSV && rec_convert != NULL && r->o.delim)
		s->delim = '\t';	/* a workbook's rows, whatever -F says */
}

int (*rec_convert)(const char *name, int fd, int seekable, const char *head,
    size_t n);

struct rec_reader *
rec_open(char **files, int nfiles, const struct rec_opts *o)
{
	struct rec_reader *r = xcalloc(1, sizeof(*r));
	static char *stdin_only[] = { NULL };

	r->o = *o;
	if (r->o.max_record == 0)
		r->o.max_record = DEFAULT_MAX_RECORD;
	if (nfiles == 0) {
		files = stdin_only;
		nfiles = 1;
	}
	r->nsrc = nfiles;
	r->srcs = xcalloc((size_t)nfiles, sizeof(struct src));
	r->dpos = xmalloc(sizeof(uint32_t));
	if (csv_init(&r->csv, 0) != 0)
		die(EXIT_FATAL, "out of memory");
	for (int i = 0; i < nfiles; i++) {
		struct src *s = &r->srcs[i];
		csv_reset(r, ',');
		src_open(r, s, files[i]);
		csv_reset(r, s->delim ? s->delim : ',');
		read_header(r, s, i == 0 || r->nhdr == 0);
		arena_reset(&r->arena);
	}
	r->rj_fmt = rec_format(r);
	if (r->o.reject_path) {
		int fd = r->o.reject_fd > 0 ? r->o.reject_fd :
		    reject_open(r->o.reject_path);
		ob_init(&r->rj, fd, r->o.reject_path);
		reject_guard(&r->rj);
		r->rj_open = 1;
	}
	r->cur = 0;
	if (r->nsrc > 0)
		csv_reset(r, r->srcs[0].delim ? r->srcs[0].delim : ',');
	return r;
}

/* ---- rewinding ---- */

void
rec_want_rewind(struct rec_reader *r)
{
	char tmpl[] = "/tmp/arkit.XXXXXX";
	const char *dir = getenv("TMPDIR");

	r->want_rewind = 1;
	r->quiet = 1;
	for (int i = 0; i < r->nsrc; i++) {
		struct src *s = &r->srcs[i];
		char *path;
		if (s->seekable || s->empty)
			continue;
		if (dir && *dir) {
			path = xmalloc(strlen(dir) + 16);
			sprintf(path, "%s/arkit.XXXXXX", dir);
		} else
			path = xstrdup(tmpl);
		s->spool = mkstemp(path);
		if (s->spool < 0)
			die(EXIT_FATAL, "cannot create a temporary file: %s",
			    strerror(errno));
		unlink(path);
		free(path);
		s->spooling = 1;
		/* what was read but not yet used */
		{
			const char *p = s->buf + s->pos;
			size_t n = s->end - s->pos;
			while (n > 0) {
				ssize_t k = write(s->spool, p, n);
				if (k <= 0)
					die(EXIT_FATAL, "temporary file: write error: %s",
					    strerror(errno));
				p += k;
				n -= (size_t)k;
			}
		}
	}
}

void
rec_rewind(struct rec_reader *r, int quiet)
{
	if (!r->want_rewind)
		die(EXIT_FATAL, "internal error: rec_rewind without rec_want_rewind");
	if (r->active && !r->rec.done && !r->quiet)
		die(EXIT_FATAL, "internal error: record not accounted");
	r->active = 0;
	for (int i = 0; i < r->nsrc; i++) {
		struct src *s = &r->srcs[i];
		if (s->empty)
			continue;
		s->pos = s->end = 0;
		s->eof = s->raw_eof = 0;
		s->ilen = 0;
		s->in_array = 0;
		if (s->spool >= 0) {
			if (s->spooling) {
				/* first rewind: the rest of the pipe, then replay */
				char tmp[65536];
				while (src_read(s, tmp, sizeof(tmp)) > 0)
					;
				s->spooling = 0;
				if (s->cd != (iconv_t)-1)
					iconv_close(s->cd);
				s->cd = (iconv_t)-1;
				s->fd = s->spool;
				s->raw_eof = 0;	/* the drain above saw the pipe's end */
			}
			if (lseek(s->spool, 0, SEEK_SET) != 0)
				die(EXIT_FATAL, "temporary file: %s", strerror(errno));
			s->line = s->data_line ? s->data_line : 1;
			src_more(r, s, 0);
			continue;
		}
		if (lseek(s->fd, 0, SEEK_SET) != 0)
			die(EXIT_FATAL, "%s: cannot rewind: %s", s->name, strerror(errno));
		if (s->cd != (iconv_t)-1)
			iconv(s->cd, NULL, NULL, NULL, NULL);
		s->line = 1;
		src_more(r, s, 0);
		skip_bom(r, s);
		if (s->fmt != FMT_JSON && !r->o.raw) {
			csv_reset(r, s->delim);
			if (read_delim(r, s, 1) != GOT)
				die(EXIT_FATAL, "%s: changed while it was read", s->name);
		}
	}
	r->cur = 0;
	r->quiet = quiet;
	if (r->nsrc > 0)
		csv_reset(r, r->srcs[0].delim ? r->srcs[0].delim : ',');
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

/* ---- records ---- */

static void reject_write(struct rec_reader *r, const char *msg);

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
	if (r->json) {
		json_decref(r->json);
		r->json = NULL;
	}
	if (r->stopped)
		return NULL;
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
		if (rc == END && s->use_pread)
			return NULL;	/* rec_reduce decides what comes next */
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
			if (r->json) {
				json_decref(r->json);
				r->json = NULL;
			}
			reader_reject(r, s);
			if (r->stopped)
				return NULL;
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
				if (r->stopped)
					return NULL;
				continue;
			}
			/* one input whose columns are exactly the slots 0..nhdr */
			vals_reset(r, r->nsrc == 1 && s->ncols == r->nhdr);
			for (size_t f = 0; f < r->nfv; f++)
				if (s->perm[f] >= 0)
					r->rec.v[s->perm[f]] = r->fv[f];
			r->mapped = 1;
		}
		if (!r->quiet)
			r->nread++;
		return &r->rec;
	}
	return NULL;
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

void (*rec_on_stop)(void);

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
		if (r->rj_open) {
			ob_close(&r->rj);
			reject_guard(NULL);
		}
		if (rec_on_stop)
			rec_on_stop();
		exit(EXIT_DATA);
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
	struct obuf *o = &r->rj;
	int n;

	if (!r->rj_open)
		return;
	reject_line_begin();
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
		reject_line_end();
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
		reject_line_end();
#undef FIELD
	}
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

/* ---- rec_reduce: the two halves of a regular file in parallel ---- */

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
	memset(&c->csv, 0, sizeof(c->csv));
	if (csv_init(&c->csv, 0) != 0)
		die(EXIT_FATAL, "out of memory");
	csv_reset(c, s->delim);
	c->json = NULL;
	memset(&c->rec, 0, sizeof(c->rec));
	c->vcap = c->vclean = 0;
	c->active = 0;
	c->nread = c->nwritten = c->nfiltered = c->nrejected = 0;
	c->rj_open = 0;
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
	csv_free(&c->csv);
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
	if (r->json)
		json_decref(r->json);
	if (r->rj_open) {
		ob_close(&r->rj);
		reject_guard(NULL);
	}
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
	csv_free(&r->csv);
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
