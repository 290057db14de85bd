/* err.c - messages, exit handling and checked allocation (sbase eprintf/fshut). */
#include <sys/mman.h>

#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "utf8.h"

const char *progname = "arkit";
const char *out_name = "standard output";
int err_quiet;
int exit_status;

void
err_init(const char *argv0)
{
	const char *p;

	if (argv0 == NULL || *argv0 == '\0')
		return;
	p = strrchr(argv0, '/');
	progname = p ? p + 1 : argv0;
}

/* A message as it is composed: on the stack, on the heap when long (and,
 * without memory, cut). It goes out in one write: stderr is unbuffered,
 * and a message written piecemeal costs a system call a piece and can
 * interleave with another process's on the same terminal. */
struct mbuf {
	char *p;
	size_t n, cap;
	char stack[1024];
};

static void
mb_put(struct mbuf *b, const char *s, size_t n)
{
	/* two bytes kept for the end of the message (mb_end) */
	if (b->cap - 2 - b->n < n) {
		size_t cap = b->cap;
		char *q;
		while (cap - 2 - b->n < n)
			cap *= 2;
		q = b->p == b->stack ? malloc(cap) : realloc(b->p, cap);
		if (q == NULL)
			n = b->cap - 2 - b->n;	/* cut */
		else {
			if (b->p == b->stack)
				memcpy(q, b->stack, b->n);
			b->p = q;
			b->cap = cap;
		}
	}
	memcpy(b->p + b->n, s, n);
	b->n += n;
}

/* The message's newline and, in a sink, its frame's NUL. */
static void
mb_end(struct mbuf *b, int frame)
{
	b->p[b->n++] = '\n';
	if (frame)
		b->p[b->n++] = '\0';
}

/* S into B for a terminal (SPEC 1.9): control characters (C0, DEL, C1),
 * the bidi overrides and invalid bytes as \xNN or \u{NNNN}, whatever put
 * them in the message (a file name, a header, a value). err_quote() has
 * already escaped the backslashes of the values it quotes. */
static void
put_term(struct mbuf *b, const char *s, size_t n)
{
	static const char hex[] = "0123456789abcdef";
	const unsigned char *p = (const unsigned char *)s;
	char e[16];
	int k;

	for (size_t i = 0; i < n;) {
		unsigned cp;
		size_t len, run = i;
		/* printable ASCII, in one piece */
		while (i < n && p[i] >= 0x20 && p[i] < 0x7f)
			i++;
		if (i > run)
			mb_put(b, s + run, i - run);
		if (i >= n)
			break;
		len = utf8_seqlen(p + i, n - i);
		if (len != 0)
			utf8_decode(p + i, len, &cp);
		else
			cp = p[i], len = 1;	/* an invalid byte */
		if (len > 1 && !utf8_unsafe(cp)) {
			mb_put(b, s + i, len);
			i += len;
			continue;
		}
		if (len == 1)	/* a control, or an invalid byte */
			k = snprintf(e, sizeof(e), "\\x%c%c", hex[cp >> 4 & 15],
			    hex[cp & 15]);
		else
			k = snprintf(e, sizeof(e), "\\u{%04X}", cp);
		mb_put(b, e, (size_t)k);
		i += len;
	}
}

/* rec_reduce's threads (err_thread): a range's messages wait in SINK,
 * its line numbers go through LINE until they are needed. */
static _Thread_local FILE *sink;
static _Thread_local unsigned long (*line_of)(void *arg, unsigned long line);
static _Thread_local void *line_arg;

/* The message; to the thread's sink unless FATAL (what ends the tool is
 * said at once). A sink holds frames: 'M' or 'O' (warn_once's, then its
 * key and a NUL), the message's text, a NUL. */
static void
vmsg2(const char *key, int fatal, const char *file, unsigned long line,
    const char *fmt, va_list ap)
{
	FILE *f = sink && !fatal ? sink : stderr;
	struct mbuf b;
	char buf[1024], *s = buf;
	va_list aq;
	int n;

	b.p = b.stack;
	b.n = 0;
	b.cap = sizeof(b.stack);
	if (file != NULL && line_of != NULL)
		line = line_of(line_arg, line);
	if (f == stderr)
		fflush(stdout);
	else if (key != NULL) {
		mb_put(&b, "O", 1);
		mb_put(&b, key, strlen(key) + 1);
	} else
		mb_put(&b, "M", 1);
	mb_put(&b, progname, strlen(progname));
	mb_put(&b, ": ", 2);
	if (file != NULL) {
		put_term(&b, file, strlen(file));
		n = snprintf(buf, sizeof(buf), ":%lu: ", line);
		mb_put(&b, buf, (size_t)n);
	}
	va_copy(aq, ap);
	n = vsnprintf(buf, sizeof(buf), fmt, aq);
	va_end(aq);
	/* (a long message, such as a header of 10,000 names: on the heap;
	 * without memory, cut) */
	if (n >= (int)sizeof(buf) && (s = malloc((size_t)n + 1)) != NULL)
		vsnprintf(s, (size_t)n + 1, fmt, ap);
	else if (s == NULL)
		s = buf;
	if (n > 0)
		put_term(&b, s, s == buf && n >= (int)sizeof(buf) ?
		    sizeof(buf) - 1 : (size_t)n);
	if (s != buf)
		free(s);
	mb_end(&b, f != stderr);
	fwrite(b.p, 1, b.n, f);
	if (b.p != b.stack)
		free(b.p);
	if (f != stderr && ferror(f))
		die(EXIT_FATAL, "a thread's messages: %s", strerror(errno));
}

static void
vmsg(const char *file, unsigned long line, const char *fmt, va_list ap)
{
	vmsg2(NULL, 0, file, line, fmt, ap);
}

static void
vfatal(const char *file, unsigned long line, const char *fmt, va_list ap)
{
	vmsg2(NULL, 1, file, line, fmt, ap);
}

void
warnx(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmsg(NULL, 0, fmt, ap);
	va_end(ap);
}

void
note(const char *fmt, ...)
{
	va_list ap;

	if (err_quiet)
		return;
	va_start(ap, fmt);
	vmsg(NULL, 0, fmt, ap);
	va_end(ap);
}

void (*err_exit_hook)(int status);
void (*err_stop_hook)(void);

void
err_stop(int status)
{
	if (err_stop_hook)
		err_stop_hook();
	if (err_exit_hook)
		err_exit_hook(status);
	exit(status);
}

void
die(int status, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vfatal(NULL, 0, fmt, ap);
	va_end(ap);
	if (err_exit_hook)
		err_exit_hook(status);
	exit(status);
}

void
warn_at(const char *file, unsigned long line, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmsg(file, line, fmt, ap);
	va_end(ap);
}

void
die_at(int status, const char *file, unsigned long line, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vfatal(file, line, fmt, ap);
	va_end(ap);
	if (err_exit_hook)
		err_exit_hook(status);
	exit(status);
}

struct once {
	struct once *next;
	char key[];
};
static struct once *onces;
static _Thread_local struct once *thread_onces;	/* a sink's, so far */

/* Seen KEY in LIST? Else add it. */
static int
once_seen(struct once **list, const char *key)
{
	struct once *o;
	size_t n = strlen(key);

	for (o = *list; o != NULL; o = o->next)
		if (strcmp(o->key, key) == 0)
			return 1;
	o = xmalloc(sizeof(*o) + n + 1);
	memcpy(o->key, key, n + 1);
	o->next = *list;
	*list = o;
	return 0;
}

static void
once_free(struct once **list)
{
	while (*list != NULL) {
		struct once *o = *list;
		*list = o->next;
		free(o);
	}
}

void
warn_once(const char *key, const char *fmt, ...)
{
	va_list ap;

	/* a thread's once is decided again when its messages are replayed */
	if (once_seen(sink ? &thread_onces : &onces, key))
		return;
	va_start(ap, fmt);
	vmsg2(sink ? key : NULL, 0, NULL, 0, fmt, ap);
	va_end(ap);
}

void
err_thread(FILE *f, unsigned long (*line)(void *arg, unsigned long line),
    void *arg)
{
	sink = f;
	line_of = line;
	line_arg = arg;
	if (f == NULL)
		once_free(&thread_onces);
}

void
err_replay(FILE *f)
{
	char *key = NULL, *text = NULL;
	size_t kcap = 0, tcap = 0;
	int c;

	fflush(stdout);
	if (fflush(f) != 0 || fseek(f, 0, SEEK_SET) != 0)
		die(EXIT_FATAL, "a thread's messages: %s", strerror(errno));
	while ((c = getc(f)) != EOF) {
		int show = 1;
		if (c == 'O') {
			if (getdelim(&key, &kcap, '\0', f) < 0)
				break;
			show = !once_seen(&onces, key);
		}
		if (getdelim(&text, &tcap, '\0', f) < 0)
			break;
		if (show)
			fputs(text, stderr);
	}
	free(key);
	free(text);
}

char *
err_quote(char *buf, const char *s, size_t n)
{
	static const char hex[] = "0123456789abcdef";
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, o = 0, k;

	while (i < n && o < 60) {
		unsigned char c = p[i];
		if (c == '"' || c == '\\') {
			buf[o++] = '\\';
			buf[o++] = (char)c;
			i++;
		} else if (c >= 0x20 && c < 0x7f) {
			buf[o++] = (char)c;
			i++;
		} else if (c >= 0x80 && (k = utf8_seqlen(p + i, n - i)) > 0) {
			unsigned cp;
			utf8_decode(p + i, k, &cp);
			if (utf8_unsafe(cp))	/* C1, a bidi override */
				o += (size_t)snprintf(buf + o, 12, "\\u{%04X}", cp);
			else {
				memcpy(buf + o, p + i, k);
				o += k;
			}
			i += k;
		} else {
			buf[o++] = '\\';
			if (c == '\n') buf[o++] = 'n';
			else if (c == '\r') buf[o++] = 'r';
			else if (c == '\t') buf[o++] = 't';
			else {
				buf[o++] = 'x';
				buf[o++] = hex[c >> 4];
				buf[o++] = hex[c & 15];
			}
			i++;
		}
	}
	if (i < n) {
		memcpy(buf + o, "...", 3);
		o += 3;
	}
	buf[o] = '\0';
	return buf;
}

int
fshut(int status)
{
	int bad = ferror(stdout);

	if (fflush(stdout) != 0)
		bad = 1;
	if (fclose(stdout) != 0)
		bad = 1;
	if (bad) {
		if (errno == EPIPE)
			return status > exit_status ? status : exit_status;
		fprintf(stderr, "%s: write error on %s: %s\n",
		    progname, out_name, strerror(errno ? errno : EIO));
		return EXIT_FATAL;
	}
	return status;
}

void *
xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (p == NULL)
		die(EXIT_FATAL, "out of memory (%zu bytes)", n);
	return p;
}

void
xprefault(void *p, size_t n)
{
#ifdef MADV_POPULATE_WRITE
	uintptr_t a = ((uintptr_t)p + 4095) & ~(uintptr_t)4095;
	uintptr_t b = ((uintptr_t)p + n) & ~(uintptr_t)4095;

	if (n >= (256u << 10) && b > a)
		(void)madvise((void *)a, b - a, MADV_POPULATE_WRITE);
#else
	(void)p, (void)n;
#endif
}

/* An array that grows to megabytes: from 2 MB on, a mapping of its own on
 * huge pages (a fault per 2 MB, not per 4 KB: a fault is dear, most of all
 * in a virtual machine; and not malloc's, whose freed big chunks would move
 * its later ones into the heap). P of OLD bytes grown to NEW, the contents
 * copied; xfree_huge(P, size) frees it. */
#define HUGE_MIN (2u << 20)

static size_t
huge_len(size_t n)
{
	return (n + HUGE_MIN - 1) & ~(size_t)(HUGE_MIN - 1);
}

void *
xgrow_huge(void *p, size_t old, size_t new)
{
	char *m, *q;
	size_t len, lead;

	if (new < HUGE_MIN)
		return xrealloc(p, new);
	if (new > SIZE_MAX - 2 * HUGE_MIN)
		die(EXIT_FATAL, "out of memory (%zu bytes)", new);
	len = huge_len(new);
	m = mmap(NULL, len + HUGE_MIN, PROT_READ | PROT_WRITE,
	    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (m == MAP_FAILED)
		die(EXIT_FATAL, "out of memory (%zu bytes)", new);
	/* 2 MB aligned: the rest is given back */
	q = (char *)(((uintptr_t)m + HUGE_MIN - 1) & ~(uintptr_t)(HUGE_MIN - 1));
	lead = (size_t)(q - m);
	if (lead > 0)
		(void)munmap(m, lead);
	if (HUGE_MIN - lead > 0)
		(void)munmap(q + len, HUGE_MIN - lead);
#ifdef MADV_HUGEPAGE
	(void)madvise(q, len, MADV_HUGEPAGE);
#endif
	if (old > 0) {
		memcpy(q, p, old);
		xfree_huge(p, old);
	}
	return q;
}

void
xfree_huge(void *p, size_t size)
{
	if (p == NULL)
		return;
	if (size < HUGE_MIN)
		free(p);
	else
		(void)munmap(p, huge_len(size));
}

void *
xcalloc(size_t n, size_t m)
{
	void *p = calloc(n ? n : 1, m ? m : 1);

	if (p == NULL)
		die(EXIT_FATAL, "out of memory");
	return p;
}

void *
xrealloc(void *q, size_t n)
{
	void *p = realloc(q, n ? n : 1);

	if (p == NULL)
		die(EXIT_FATAL, "out of memory (%zu bytes)", n);
	return p;
}

char *
xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

char *
xstrndup(const char *s, size_t n)
{
	char *p = xmalloc(n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}
