/* src.c - an input's bytes: open, read (read(2), or pread(2) for a part of
 * a file), iconv from UTF-16 or --from-code, the fallback encoding of a
 * file that is not UTF-8, the byte order mark, and the spool that lets a
 * pipe be read twice (rec_want_rewind, rec_rewind). */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "err.h"
#include "rec_impl.h"
#include "scan.h"
#include "utf8.h"

size_t rec_chunk;	/* tests: read this many bytes at a time */

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
				k = raw_read(s, s->ib + s->ilen, s->icap - s->ilen);
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
size_t
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

/* Skip a UTF-8 byte order mark at the start of a source. */
void
skip_bom(struct rec_reader *r, struct src *s)
{
	while (s->end - s->pos < 3 && !s->eof)
		src_more(r, s, s->pos);
	if (s->end - s->pos >= 3 && memcmp(s->buf + s->pos, "\xef\xbb\xbf", 3) == 0)
		s->pos += 3;
}

/* Is what was read so far UTF-8 (a sequence cut at the end allowed)? */
static int
utf8_start(const struct src *s)
{
	size_t n = s->end, bad = utf8_check(s->buf, n);

	return bad == n || (n - bad < 4 && !s->eof &&
	    ((unsigned char)s->buf[bad] & 0xc0) == 0xc0);
}

/* The room for bytes waiting for iconv: a chunk (a test's small chunk
 * gets a page, which holds the longest sequence iconv waits for). */
static size_t
ib_size(void)
{
	return rec_chunk == 0 ? CHUNK : rec_chunk < 4096 ? 4096 : rec_chunk;
}

/* Not UTF-8: read it again through iconv from the fallback encoding. */
static void
fall_back(struct rec_reader *r, struct src *s)
{
	s->cd = iconv_open("UTF-8", r->o.fallback_code);
	if (s->cd == (iconv_t)-1)
		die(EXIT_FATAL, "unknown encoding \"%s\"", r->o.fallback_code);
	size_t chunk = ib_size();

	s->icap = s->end > chunk ? s->end : chunk;
	s->ib = xrealloc(s->ib, s->icap);
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

void
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
	s->icap = 64;
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
	if (s->cd != (iconv_t)-1) {	/* bytes waiting to be converted */
		s->icap = ib_size();
		s->ib = xrealloc(s->ib, s->icap);
	}
	src_more(r, s, 0);
	if (s->cd == (iconv_t)-1 && r->o.fallback_code && !utf8_start(s))
		fall_back(r, s);
	detect(r, s);
	if (s->fmt == FMT_TSV && rec_convert != NULL && r->o.delim)
		s->delim = '\t';	/* a workbook's rows, whatever -F says */
}

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
		if (s->fmt != FMT_JSON && !r->o.raw && !r->o.fields) {
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
