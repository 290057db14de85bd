/* csv.c - delimited text (SPEC 1.2): sniffing the format and the
 * delimiter, the header, and the records. The only file that includes
 * libcsv.
 *
 * Physical lines are found by a SIMD scan; a line without a quote is cut
 * into zero-copy field views, a line with one is fed to libcsv (strict,
 * trimming nothing), one physical line at a time so that every record knows
 * its first line and raw bytes. An unterminated quote rejects the record of
 * its first line and parsing resumes on the next line. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <csv.h>

#include "err.h"
#include "rec_impl.h"
#include "scan.h"
#include "utf8.h"

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

/* In an LF or CRLF file only LF ends a record: a bare CR is a byte of its
 * field (slow_csv() hands libcsv a CRLF's CR only inside quotes). */
static int
lf_only(unsigned char c)
{
	return c == '\n';
}

void
csv_reset(struct rec_reader *r, unsigned char delim)
{
	csv_free(r->csv);
	if (csv_init(r->csv, CSV_STRICT | CSV_STRICT_FINI) != 0)
		die(EXIT_FATAL, "out of memory");
	csv_set_space_func(r->csv, no_space);
	/* out of memory inside libcsv is ours to report (exit 2), not a
	 * record with "malformed quoting" */
	csv_set_realloc_func(r->csv, xrealloc);
	csv_set_delim(r->csv, delim);
	csv_set_blk_size(r->csv, 4096);
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

/* Feed libcsv one physical line; returns the bytes of it taken (all of
 * them, or where it stopped). In an LF file the terminator goes in as LF,
 * or as it is inside a quoted field (QUOTES: the quotes fed so far for
 * this record; odd inside a quoted field, as "" keeps the count odd). */
static size_t
feed(struct rec_reader *r, const struct src *s, const char *p,
    const struct scan_line *l, size_t *quotes)
{
	size_t done;

	if (s->cr_eol)
		return csv_parse(r->csv, p, l->next, csv_cb1, csv_cb2, r);
	done = csv_parse(r->csv, p, l->len, csv_cb1, csv_cb2, r);
	if (done < l->len || l->next == l->len)
		return done;
	for (const char *q = p; (q = memchr(q, '"', (size_t)(p + l->len - q)));
	    q++)
		(*quotes)++;
	if (*quotes % 2)
		done += csv_parse(r->csv, p + l->len, l->next - l->len, csv_cb1,
		    csv_cb2, r);
	else if (csv_parse(r->csv, "\n", 1, csv_cb1, csv_cb2, r) == 1)
		done = l->next;
	return done;
}

/* A record libcsv has to parse: feed it physical lines until the row ends. */
static int
slow_csv(struct rec_reader *r, struct src *s, struct scan_line *l)
{
	size_t start = s->pos, first_next = s->pos + l->next;
	unsigned long first_line = s->line - 1;
	unsigned long extra = 0;
	size_t quotes = 0;

	r->rec_off = s->base + (off_t)s->pos;
	r->nfv = 0;
	r->rowdone = 0;
	csv_set_term_func(r->csv, s->cr_eol ? NULL : lf_only);
	for (;;) {
		const char *p = s->buf + s->pos;
		size_t done = feed(r, s, p, l, &quotes);
		if (done < l->next || csv_error(r->csv) != CSV_SUCCESS) {
			if (extra > 0)
				snprintf(r->errbuf, sizeof(r->errbuf), "malformed quoting at "
				    "line %lu, column %zu: quote a field whole and "
				    "double any quote inside it", range_line(r, first_line + extra),
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
		if (s->pos >= s->end && s->eof && s->limit > 0) {
			/* a quoted field goes on past the range's end: read on
			 * to the record's end, and the range ends there
			 * (rec_reduce reads the next one again) */
			s->limit = 0;
			s->eof = 0;
			r->overran = 1;
		}
		if (s->pos >= s->end && s->eof) {
			if (csv_fini(r->csv, csv_cb1, csv_cb2, r) != 0) {
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
		    s->cr_eol, s->delim, '"', r->dpos, 0, l)) {
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
int
read_delim(struct rec_reader *r, struct src *s, int force_slow)
{
	struct scan_line l;
	const char *p;
	size_t off;

	if (r->overran)
		return END;	/* the range ends after that record */
	for (;;) {
		if (s->pos >= s->end) {
			if (s->eof || src_more(r, s, s->pos) == 0)
				return END;
			continue;
		}
		p = s->buf + s->pos;
		if (!scan_line(p, s->buf + s->end, s->eof, s->cr_eol, s->delim,
		    s->special, r->dpos, r->maxd, &l)) {
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

/* CR-only line ends, when the first line ends in a bare CR (old Mac
 * exports); else LF or CRLF, and a bare CR is data. */
static void
sniff_eol(struct rec_reader *r, struct src *s, size_t i)
{
	size_t e = i;

	for (;;) {	/* (on from where the last read ended: small reads) */
		while (e < s->end && s->buf[e] != '\n' && s->buf[e] != '\r')
			e++;
		if (e + 1 < s->end || s->eof)
			break;
		e -= s->pos;
		src_more(r, s, s->pos);
		e += s->pos;
	}
	s->cr_eol = e < s->end && s->buf[e] == '\r' &&
	    (e + 1 >= s->end || s->buf[e + 1] != '\n');
}

void
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
	if (s->fmt != FMT_JSON)
		sniff_eol(r, s, i);
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

/* --fields: the header is given, and the first line is data. */
static void
header_given(struct rec_reader *r)
{
	const char *p = r->o.fields;

	r->nfv = 0;
	for (;;) {
		size_t n = strcspn(p, ",");
		fv_reserve(r, r->nfv + 1);
		r->fv[r->nfv].p = p;
		r->fv[r->nfv].n = n;
		r->fv[r->nfv++].type = V_STR;
		if (p[n] == '\0')
			break;
		p += n + 1;
	}
	r->rec.line = 0;
}

void
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
	if (r->o.fields)
		header_given(r);
	else if ((rc = read_delim(r, s, 1)) == END) {
		s->empty = 1;
		return;
	} else if (rc == BAD)
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

void
csv_start(struct rec_reader *r)
{
	r->csv = xmalloc(sizeof(*r->csv));
	if (csv_init(r->csv, 0) != 0)
		die(EXIT_FATAL, "out of memory");
}

void
csv_end(struct rec_reader *r)
{
	if (r->csv == NULL)
		return;
	csv_free(r->csv);
	free(r->csv);
	r->csv = NULL;
}
