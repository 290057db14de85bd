/* out_people.c - the formats for people (SPEC 1.9): aligned tables for a
 * terminal and Markdown for an email. Column widths come from the first
 * rows, then rows stream. Short cells are cut at 40 display columns with
 * an ellipsis; long text (a script, a principle, a note: VF_WRAP in the
 * vocabulary) wraps at 60 onto continuation lines, so it is read whole. */
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "out_impl.h"
#include "utf8.h"

#define SAMPLE 1000	/* rows that set the widths */
#define MAXW 40		/* a short cell */
#define WRAPW 60	/* a long text, per line */

struct people {
	char **cells;		/* buffered rows, nplan cells each */
	size_t rows, cap;
	size_t *width;
	int *numeric, *wrap;
	int streaming;
};

static int
col_wraps(const struct wcol *c)
{
	return c->vf != NULL && (c->vf->flags & VF_WRAP);
}

void
people_start(struct writer *w)
{
	struct people *t = xcalloc(1, sizeof(*t));
	char buf[VOCAB_BUFSZ];

	w->pp = t;
	t->width = xcalloc(w->nplan + 1, sizeof(size_t));
	t->numeric = xcalloc(w->nplan + 1, sizeof(int));
	t->wrap = xcalloc(w->nplan + 1, sizeof(int));
	for (size_t i = 0; i < w->nplan; i++) {
		const char *l = w_col_label(w, &w->plan[i], buf);
		t->width[i] = utf8_width(l, strlen(l));
		t->numeric[i] = w_col_numeric(w, &w->plan[i]);
		t->wrap[i] = col_wraps(&w->plan[i]);
	}
}

/* The byte length of the longest prefix of S (N bytes) that fits in WIDTH
 * columns; *USED its width. */
static size_t
fit(const char *s, size_t n, size_t width, size_t *used)
{
	size_t i = 0, cw = 0;

	while (i < n) {
		unsigned cp;
		size_t k = utf8_decode((const unsigned char *)s + i, n - i, &cp);
		int x = utf8_cpwidth(cp);
		if (cw + (size_t)x > width)
			break;
		cw += (size_t)x;
		i += k;
	}
	*used = cw;
	return i;
}

/* Punctuation that never starts a line (the kinsoku rule of CJK text). */
static int
no_line_start(const char *s, size_t n)
{
	static const char *const marks[] = {
		"\xef\xbc\x8c", "\xe3\x80\x82", "\xe3\x80\x81", "\xef\xbc\x9b",
		"\xef\xbc\x9a", "\xef\xbc\x9f", "\xef\xbc\x81", "\xef\xbc\x89",
		"\xe3\x80\x8b", "\xe3\x80\x8d", "\xe3\x80\x8f", "\xe3\x80\x91",
		",", ".", ";", ":", "!", "?", ")"
	};	/* ，。、；：？！）》」』】 */

	for (size_t i = 0; i < sizeof(marks) / sizeof(marks[0]); i++) {
		size_t m = strlen(marks[i]);
		if (n >= m && memcmp(s, marks[i], m) == 0)
			return 1;
	}
	return 0;
}

/* The next line of a wrapped cell: at most WIDTH columns, broken after a
 * space where there is one (CJK text breaks anywhere, but not before its
 * closing punctuation). Returns the bytes to print; *NEXT is where the
 * next line starts. */
static size_t
wrap_line(const char *s, size_t n, size_t width, size_t *next)
{
	size_t used, k = fit(s, n, width, &used), b;

	if (k == n) {
		*next = n;
		return n;
	}
	if (k == 0) {		/* one character wider than the column */
		unsigned cp;
		k = utf8_decode((const unsigned char *)s, n, &cp);
		*next = k;
		return k;
	}
	for (b = k; b > 0 && s[b] != ' ' && s[b - 1] != ' '; b--)
		;
	if (b > k / 2) {	/* a space late enough in the line */
		*next = b;
		while (*next < n && s[*next] == ' ')
			(*next)++;
		while (b > 0 && s[b - 1] == ' ')
			b--;
		return b;
	}
	/* keep a closing mark with the character before it */
	if (no_line_start(s + k, n - k) && k > 1) {
		size_t b2 = k - 1;
		while (b2 > 0 && ((unsigned char)s[b2] & 0xc0) == 0x80)
			b2--;
		if (b2 > 0)
			k = b2;
	}
	*next = k;
	return k;
}

static void
pad(struct obuf *o, size_t n)
{
	for (size_t i = 0; i < n; i++)
		ob_putc(o, ' ');
}

/* One cell in a column of WIDTH; cut with an ellipsis when wider. */
static void
table_cell(struct obuf *o, const char *s, size_t n, size_t width, int right,
    int last)
{
	size_t sw = utf8_width(s, n), used;

	if (sw > width && !right) {
		n = fit(s, n, width - 1, &used);
		ob_write(o, s, n);
		ob_write(o, "\xe2\x80\xa6", 3);
		if (!last)
			pad(o, width - used - 1);
		return;
	}
	if (right)
		pad(o, sw < width ? width - sw : 0);
	ob_write(o, s, n);
	if (!right && !last)
		pad(o, sw < width ? width - sw : 0);
}

/* A row of cells; wrapped columns go on over continuation lines. */
static void
table_line(struct writer *w, char **cells)
{
	struct people *t = w->pp;
	size_t *at = xcalloc(w->nplan + 1, sizeof(size_t));
	int more;

	do {
		more = 0;
		for (size_t i = 0; i < w->nplan; i++) {
			const char *s = cells[i] + at[i];
			size_t n = strlen(s), next, k;
			if (i > 0)
				ob_write(&w->ob, "  ", 2);
			if (!t->wrap[i]) {
				table_cell(&w->ob, at[i] ? "" : s, at[i] ? 0 : n,
				    t->width[i], t->numeric[i], i + 1 == w->nplan);
				at[i] = strlen(cells[i]);
				continue;
			}
			k = wrap_line(s, n, t->width[i], &next);
			table_cell(&w->ob, s, k, t->width[i], 0, i + 1 == w->nplan);
			at[i] += next;
			if (cells[i][at[i]] != '\0')
				more = 1;
		}
		/* no trailing blanks on a line */
		while (w->ob.n > 0 && w->ob.b[w->ob.n - 1] == ' ')
			w->ob.n--;
		ob_putc(&w->ob, '\n');
	} while (more);
	free(at);
}

/* ---- Markdown ---- */

/* A cell for a Markdown table: '|' and the characters that start markup
 * escaped, a line break as <br>. */
static void
md_cell(struct obuf *o, const char *s)
{
	for (; *s; s++) {
		if (*s == '\n') {	/* a letter's line break */
			ob_puts(o, "<br>");
			continue;
		}
		if (strchr("\\|*`<>[]", *s) != NULL)
			ob_putc(o, '\\');
		ob_putc(o, *s);
	}
}

static void
md_header(struct writer *w)
{
	char buf[VOCAB_BUFSZ];

	ob_putc(&w->ob, '|');
	for (size_t i = 0; i < w->nplan; i++) {
		size_t n;
		const char *l = w_col_label(w, &w->plan[i], buf);
		char *e = utf8_term(l, strlen(l), &n);
		ob_putc(&w->ob, ' ');
		md_cell(&w->ob, e);
		ob_write(&w->ob, " |", 2);
		free(e);
	}
	ob_write(&w->ob, "\n|", 2);
	for (size_t i = 0; i < w->nplan; i++)
		ob_puts(&w->ob, w->pp->numeric[i] ? " ---: |" : " --- |");
	ob_putc(&w->ob, '\n');
}

static void
md_row(struct writer *w, const struct rec *in, const struct cell *cells)
{
	ob_putc(&w->ob, '|');
	for (size_t i = 0; i < w->nplan; i++) {
		size_t n;
		char *s = w_people_text(w, &w->plan[i], in, cells, &n);
		ob_putc(&w->ob, ' ');
		md_cell(&w->ob, s);
		ob_write(&w->ob, " |", 2);
		free(s);
	}
	ob_putc(&w->ob, '\n');
}

/* ---- tables ---- */

static void
table_flush(struct writer *w)
{
	struct people *t = w->pp;
	char **hdr = xcalloc(w->nplan + 1, sizeof(char *));
	char buf[VOCAB_BUFSZ];

	for (size_t i = 0; i < w->nplan; i++) {
		size_t n;
		const char *l = w_col_label(w, &w->plan[i], buf);
		hdr[i] = utf8_term(l, strlen(l), &n);
		if (t->width[i] > (t->wrap[i] ? WRAPW : MAXW) && !t->numeric[i])
			t->width[i] = t->wrap[i] ? WRAPW : MAXW;
	}
	/* the header is cut, never wrapped */
	for (size_t i = 0; i < w->nplan; i++) {
		if (i > 0)
			ob_write(&w->ob, "  ", 2);
		table_cell(&w->ob, hdr[i], strlen(hdr[i]), t->width[i],
		    t->numeric[i], i + 1 == w->nplan);
		free(hdr[i]);
	}
	while (w->ob.n > 0 && w->ob.b[w->ob.n - 1] == ' ')
		w->ob.n--;
	ob_putc(&w->ob, '\n');
	for (size_t i = 0; i < w->nplan; i++) {
		if (i > 0)
			ob_write(&w->ob, "  ", 2);
		for (size_t k = 0; k < t->width[i]; k++)
			ob_putc(&w->ob, '-');
	}
	ob_putc(&w->ob, '\n');
	free(hdr);
	for (size_t r = 0; r < t->rows; r++) {
		char **row = t->cells + r * w->nplan;
		table_line(w, row);
		for (size_t i = 0; i < w->nplan; i++)
			free(row[i]);
	}
	free(t->cells);
	t->cells = NULL;
	t->rows = 0;
	t->streaming = 1;
}

void
people_row(struct writer *w, const struct rec *in, const struct cell *cells)
{
	struct people *t = w->pp;
	char **row;

	if (w->fmt == FMT_MD) {
		if (!t->streaming) {
			md_header(w);
			t->streaming = 1;
		}
		md_row(w, in, cells);
		return;
	}
	if (t->streaming)
		row = xcalloc(w->nplan + 1, sizeof(char *));
	else {
		if (t->rows == t->cap) {
			t->cap = t->cap ? 2 * t->cap : 64;
			t->cells = xrealloc(t->cells, t->cap * w->nplan *
			    sizeof(char *) + 1);
		}
		row = t->cells + t->rows * w->nplan;
	}
	for (size_t i = 0; i < w->nplan; i++) {
		size_t n;
		row[i] = w_people_text(w, &w->plan[i], in, cells, &n);
		if (!t->streaming) {
			size_t cw = utf8_width(row[i], n);
			if (cw > t->width[i])
				t->width[i] = cw;
		}
	}
	if (t->streaming) {
		table_line(w, row);
		for (size_t i = 0; i < w->nplan; i++)
			free(row[i]);
		free(row);
		return;
	}
	if (++t->rows == SAMPLE)
		table_flush(w);
}

void
people_close(struct writer *w)
{
	struct people *t = w->pp;

	if (t == NULL)
		return;
	if (w->fmt == FMT_TABLE && !t->streaming)
		table_flush(w);
	if (w->fmt == FMT_MD && !t->streaming)
		md_header(w);
	free(t->width);
	free(t->numeric);
	free(t->wrap);
	free(t);
	w->pp = NULL;
}
