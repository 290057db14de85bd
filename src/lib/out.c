/* out.c - buffered output, field encoders and the record writer (SPEC 1.9). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "err.h"
#include "money.h"
#include "out.h"
#include "utf8.h"

#define OB_SIZE (256 * 1024)

void
ob_init(struct obuf *o, int fd, const char *name)
{
	o->fd = fd;
	o->name = name;
	o->cap = OB_SIZE;
	o->b = xmalloc(o->cap);
	o->n = 0;
}

static void
ob_drain(struct obuf *o, const char *p, size_t n)
{
	while (n > 0) {
		ssize_t k = write(o->fd, p, n);
		if (k < 0) {
			if (errno == EINTR)
				continue;
			if (errno == EPIPE)
				exit(exit_status);	/* | head: quiet */
			die(EXIT_FATAL, "write error on %s: %s", o->name,
			    strerror(errno));
		}
		p += k;
		n -= (size_t)k;
	}
}

void
ob_flush(struct obuf *o)
{
	if (o->n > 0) {
		size_t n = o->n;
		o->n = 0;
		ob_drain(o, o->b, n);
	}
}

void
ob_write(struct obuf *o, const void *p, size_t n)
{
	if (n > o->cap - o->n) {
		ob_flush(o);
		if (n >= o->cap) {
			ob_drain(o, p, n);
			return;
		}
	}
	memcpy(o->b + o->n, p, n);
	o->n += n;
}

void
ob_puts(struct obuf *o, const char *s)
{
	ob_write(o, s, strlen(s));
}

void
ob_close(struct obuf *o)
{
	ob_flush(o);
	if (o->fd > 2 && close(o->fd) != 0)
		die(EXIT_FATAL, "write error on %s: %s", o->name, strerror(errno));
	free(o->b);
	o->b = NULL;
}

void
ob_csv(struct obuf *o, const char *p, size_t n, char delim)
{
	int q = n > 0 && (p[0] == ' ' || p[n - 1] == ' ');

	for (size_t i = 0; i < n && !q; i++) {
		char c = p[i];
		q = c == delim || c == '"' || c == '\n' || c == '\r';
	}
	if (!q) {
		ob_write(o, p, n);
		return;
	}
	ob_putc(o, '"');
	for (size_t i = 0; i < n; i++) {
		if (p[i] == '"')
			ob_putc(o, '"');
		ob_putc(o, p[i]);
	}
	ob_putc(o, '"');
}

void
ob_tsv(struct obuf *o, const char *p, size_t n)
{
	size_t s = 0;

	for (size_t i = 0; i < n; i++) {
		const char *esc;
		switch (p[i]) {
		case '\t': esc = "\\t"; break;
		case '\n': esc = "\\n"; break;
		case '\r': esc = "\\r"; break;
		case '\\': esc = "\\\\"; break;
		default: continue;
		}
		ob_write(o, p + s, i - s);
		ob_write(o, esc, 2);
		s = i + 1;
	}
	ob_write(o, p + s, n - s);
}

void
ob_json_str(struct obuf *o, const char *s, size_t n)
{
	static const char hex[] = "0123456789abcdef";
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, run = 0, k;

	ob_putc(o, '"');
	while (i < n) {
		unsigned char c = p[i];
		if (c >= 0x20 && c != '"' && c != '\\' && c < 0x80) {
			i++;
			continue;
		}
		if (c >= 0x80 && (k = utf8_seqlen(p + i, n - i)) > 0) {
			i += k;
			continue;
		}
		ob_write(o, s + run, i - run);
		switch (c) {
		case '"': ob_write(o, "\\\"", 2); break;
		case '\\': ob_write(o, "\\\\", 2); break;
		case '\n': ob_write(o, "\\n", 2); break;
		case '\r': ob_write(o, "\\r", 2); break;
		case '\t': ob_write(o, "\\t", 2); break;
		case '\b': ob_write(o, "\\b", 2); break;
		case '\f': ob_write(o, "\\f", 2); break;
		default: {
			/* control bytes; an invalid UTF-8 byte (only in reject
			 * files) is written as the Latin-1 code point */
			char u[6] = { '\\', 'u', '0', '0', hex[c >> 4], hex[c & 15] };
			ob_write(o, u, 6);
		}
		}
		i++;
		run = i;
	}
	ob_write(o, s + run, n - run);
	ob_putc(o, '"');
}

void
ob_json_val(struct obuf *o, const struct val *v)
{
	switch (v->type) {
	case V_NUM:
	case V_RAW:
		ob_write(o, v->p, v->n);
		break;
	case V_TRUE:
		ob_write(o, "true", 4);
		break;
	case V_FALSE:
		ob_write(o, "false", 5);
		break;
	case V_STR:
		ob_json_str(o, v->p, v->n);
		break;
	default:
		ob_write(o, "null", 4);
	}
}

size_t
cell_format(char *buf, const struct cell *c, int group)
{
	switch (c->kind) {
	case C_MONEY:
		if (c->p != NULL && !group && c->n < CELL_BUFSZ) {
			memcpy(buf, c->p, c->n);
			buf[c->n] = '\0';
			return c->n;
		}
		return fixed_format(buf, c->i, c->scale, group);
	case C_FIXED:
		return fixed_format(buf, c->i, c->scale, group);
	case C_INT:
		return fixed_format(buf, c->i, 0, group);
	default:
		buf[0] = '\0';
		return 0;
	}
}

/* ---- the writer ---- */

struct wcol {
	int slot;	/* >= 0: pass-through input field */
	int comp;	/* >= 0: computed column */
};

#define TABLE_SAMPLE 1000
#define TABLE_MAXW 40

struct writer {
	enum rec_fmt fmt;
	enum lang lang;
	struct rec_reader *in;
	const struct ocol *cols;
	size_t ncols;
	struct wcol *plan;
	size_t nplan, plan_slots;
	int header_done;
	char delim;
	struct obuf ob;
	/* table */
	char **tcells;		/* buffered rows, nplan cells each */
	size_t trows, tcap;
	size_t *width;
	int *numeric;
	int streaming;
};

static struct writer *stop_writer;

/* --strict ends the tool at once: flush what was written so far. */
static void
flush_on_stop(void)
{
	if (stop_writer != NULL && stop_writer->fmt != FMT_TABLE)
		ob_flush(&stop_writer->ob);
}

struct writer *
w_open(enum rec_fmt fmt, enum lang lang, struct rec_reader *in,
    const struct ocol *cols, size_t ncols)
{
	struct writer *w = xcalloc(1, sizeof(*w));

	w->fmt = fmt == FMT_AUTO ? FMT_CSV : fmt;
	w->lang = lang;
	w->in = in;
	w->cols = cols;
	w->ncols = ncols;
	w->delim = fmt == FMT_TSV ? '\t' : ',';
	ob_init(&w->ob, 1, out_name);
	stop_writer = w;
	rec_on_stop = flush_on_stop;
	return w;
}

static void
build_plan(struct writer *w)
{
	size_t nf = w->in ? rec_nfields(w->in) : 0;
	char *used = xcalloc(w->ncols + 1, 1);

	free(w->plan);
	w->plan = xcalloc(nf + w->ncols + 1, sizeof(*w->plan));
	w->nplan = 0;
	for (size_t i = 0; i < nf; i++) {
		int s = rec_field(w->in, i);
		const char *name = rec_colname(w->in, s);
		size_t j;
		for (j = 0; j < w->ncols; j++)
			if (!used[j] && strcmp(name, w->cols[j].name) == 0)
				break;
		if (j < w->ncols) {
			used[j] = 1;
			w->plan[w->nplan++] = (struct wcol){ -1, (int)j };
		} else
			w->plan[w->nplan++] = (struct wcol){ s, -1 };
	}
	for (size_t j = 0; j < w->ncols; j++)
		if (!used[j])
			w->plan[w->nplan++] = (struct wcol){ -1, (int)j };
	w->plan_slots = nf;
	free(used);
}

static const char *
col_name(const struct writer *w, const struct wcol *c)
{
	return c->slot >= 0 ? rec_colname(w->in, c->slot) : w->cols[c->comp].name;
}

static const char *
col_label(const struct writer *w, const struct wcol *c)
{
	const struct ocol *oc;

	if (c->slot >= 0)
		return rec_colname(w->in, c->slot);
	oc = &w->cols[c->comp];
	if (w->lang == LANG_ZH && oc->zh)
		return oc->zh;
	return oc->en ? oc->en : oc->name;
}

static void table_start(struct writer *w);

void
w_header(struct writer *w)
{
	if (w->header_done)
		return;
	w->header_done = 1;
	build_plan(w);
	switch (w->fmt) {
	case FMT_CSV:
	case FMT_TSV:
		for (size_t i = 0; i < w->nplan; i++) {
			const char *name = col_name(w, &w->plan[i]);
			if (i > 0)
				ob_putc(&w->ob, w->delim);
			if (w->fmt == FMT_CSV)
				ob_csv(&w->ob, name, strlen(name), ',');
			else
				ob_tsv(&w->ob, name, strlen(name));
		}
		ob_putc(&w->ob, '\n');
		break;
	case FMT_TABLE:
		table_start(w);
		break;
	default:
		break;
	}
}

/* Text of one output column of a row, for CSV, TSV and tables. */
static const char *
col_text(const struct writer *w, const struct wcol *c, const struct rec *in,
    const struct cell *cells, char *buf, size_t *n, int group)
{
	if (c->slot >= 0) {
		const char *p;
		if (in == NULL || (size_t)c->slot >= in->nv) {
			*n = 0;
			return "";
		}
		p = val_text(&in->v[c->slot], n);
		if (p == NULL) {
			p = in->v[c->slot].p;
			*n = in->v[c->slot].n;
		}
		return p;
	} else {
		const struct cell *x = &cells[c->comp];
		(void)w;
		if (x->kind == C_TEXT) {
			*n = x->n;
			return x->p;
		}
		*n = cell_format(buf, x, group);
		return buf;
	}
}

static void
json_cell(struct obuf *o, const struct cell *x)
{
	char buf[CELL_BUFSZ];
	size_t n;

	switch (x->kind) {
	case C_NULL:
		ob_write(o, "null", 4);
		break;
	case C_TEXT:
		ob_json_str(o, x->p, x->n);
		break;
	default:
		n = cell_format(buf, x, 0);
		ob_write(o, buf, n);
	}
}

static void table_row(struct writer *w, const struct rec *in,
    const struct cell *cells);

void
w_row(struct writer *w, const struct rec *in, const struct cell *cells)
{
	char buf[CELL_BUFSZ];
	size_t n;
	const char *p;

	if (!w->header_done)
		w_header(w);
	if (w->fmt == FMT_JSON) {
		int first = 1;
		if (w->in && rec_nfields(w->in) != w->plan_slots)
			build_plan(w);
		ob_putc(&w->ob, '{');
		for (size_t i = 0; i < w->nplan; i++) {
			const struct wcol *c = &w->plan[i];
			const char *name = col_name(w, c);
			if (c->slot >= 0 && (in == NULL || (size_t)c->slot >= in->nv ||
			    in->v[c->slot].type == V_ABSENT))
				continue;
			if (!first)
				ob_putc(&w->ob, ',');
			first = 0;
			ob_json_str(&w->ob, name, strlen(name));
			ob_putc(&w->ob, ':');
			if (c->slot >= 0)
				ob_json_val(&w->ob, &in->v[c->slot]);
			else
				json_cell(&w->ob, &cells[c->comp]);
		}
		ob_write(&w->ob, "}\n", 2);
		return;
	}
	if (w->fmt == FMT_TABLE) {
		table_row(w, in, cells);
		return;
	}
	for (size_t i = 0; i < w->nplan; i++) {
		const struct wcol *c = &w->plan[i];
		if (i > 0)
			ob_putc(&w->ob, w->delim);
		if (c->slot < 0 && cells[c->comp].kind >= C_MONEY) {
			/* a computed number needs no quoting or escaping */
			n = cell_format(buf, &cells[c->comp], 0);
			ob_write(&w->ob, buf, n);
			continue;
		}
		p = col_text(w, c, in, cells, buf, &n, 0);
		if (w->fmt == FMT_CSV)
			ob_csv(&w->ob, p, n, ',');
		else
			ob_tsv(&w->ob, p, n);
	}
	ob_putc(&w->ob, '\n');
}

/* ---- tables: widths from the first rows, then streamed ---- */

static int
col_numeric(const struct writer *w, const struct wcol *c)
{
	return c->slot < 0 && w->cols[c->comp].numeric;
}

/* Printable text for a cell: control bytes become spaces. */
static char *
table_text(const char *p, size_t n)
{
	char *s = xmalloc(n + 1);

	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)p[i];
		s[i] = (c < 0x20 || c == 0x7f) ? ' ' : (char)c;
	}
	s[n] = '\0';
	return s;
}

static void
table_start(struct writer *w)
{
	w->width = xcalloc(w->nplan + 1, sizeof(size_t));
	w->numeric = xcalloc(w->nplan + 1, sizeof(int));
	for (size_t i = 0; i < w->nplan; i++) {
		const char *l = col_label(w, &w->plan[i]);
		w->width[i] = utf8_width(l, strlen(l));
		w->numeric[i] = col_numeric(w, &w->plan[i]);
	}
}

/* Print S in a cell of width W (cut with an ellipsis when wider). */
static void
table_cell(struct writer *w, const char *s, size_t width, int right, int last)
{
	size_t n = strlen(s), sw = utf8_width(s, n), pad;

	if (sw > width && !right) {
		/* cut to width - 1 columns, then "…" */
		size_t i = 0, cw = 0;
		while (i < n) {
			unsigned cp;
			size_t k = utf8_decode((const unsigned char *)s + i, n - i, &cp);
			int x = utf8_cpwidth(cp);
			if (cw + (size_t)x > width - 1)
				break;
			cw += (size_t)x;
			i += k;
		}
		ob_write(&w->ob, s, i);
		ob_write(&w->ob, "\xe2\x80\xa6", 3);
		sw = cw + 1;
		n = 0;
	}
	pad = sw < width ? width - sw : 0;
	if (right)
		for (size_t i = 0; i < pad; i++)
			ob_putc(&w->ob, ' ');
	ob_write(&w->ob, s, n);
	if (!right && !last)
		for (size_t i = 0; i < pad; i++)
			ob_putc(&w->ob, ' ');
}

static void
table_line(struct writer *w, char **cells)
{
	for (size_t i = 0; i < w->nplan; i++) {
		if (i > 0)
			ob_write(&w->ob, "  ", 2);
		table_cell(w, cells[i], w->width[i], w->numeric[i],
		    i + 1 == w->nplan);
	}
	ob_putc(&w->ob, '\n');
}

static void
table_flush(struct writer *w)
{
	char **hdr = xcalloc(w->nplan + 1, sizeof(char *));

	for (size_t i = 0; i < w->nplan; i++) {
		hdr[i] = (char *)col_label(w, &w->plan[i]);
		if (w->width[i] > TABLE_MAXW)
			w->width[i] = TABLE_MAXW;
	}
	table_line(w, hdr);
	for (size_t i = 0; i < w->nplan; i++) {
		if (i > 0)
			ob_write(&w->ob, "  ", 2);
		for (size_t k = 0; k < w->width[i]; k++)
			ob_putc(&w->ob, '-');
	}
	ob_putc(&w->ob, '\n');
	free(hdr);
	for (size_t r = 0; r < w->trows; r++) {
		char **row = w->tcells + r * w->nplan;
		table_line(w, row);
		for (size_t i = 0; i < w->nplan; i++)
			free(row[i]);
	}
	free(w->tcells);
	w->tcells = NULL;
	w->trows = 0;
	w->streaming = 1;
}

static void
table_row(struct writer *w, const struct rec *in, const struct cell *cells)
{
	char buf[CELL_BUFSZ];
	char **row;
	size_t n;

	if (w->streaming)
		row = xcalloc(w->nplan + 1, sizeof(char *));
	else {
		if (w->trows == w->tcap) {
			w->tcap = w->tcap ? 2 * w->tcap : 64;
			w->tcells = xrealloc(w->tcells, w->tcap * w->nplan * sizeof(char *) + 1);
		}
		row = w->tcells + w->trows * w->nplan;
	}
	for (size_t i = 0; i < w->nplan; i++) {
		const char *p = col_text(w, &w->plan[i], in, cells, buf, &n,
		    w->numeric[i]);
		row[i] = table_text(p, n);
		if (!w->streaming) {
			size_t cw = utf8_width(row[i], n);
			if (cw > w->width[i])
				w->width[i] = cw;
		}
	}
	if (w->streaming) {
		table_line(w, row);
		for (size_t i = 0; i < w->nplan; i++)
			free(row[i]);
		free(row);
		return;
	}
	if (++w->trows == TABLE_SAMPLE)
		table_flush(w);
}

void
w_close(struct writer *w, int noheader)
{
	if (!noheader && !w->header_done)
		w_header(w);
	if (w->fmt == FMT_TABLE && w->header_done && !w->streaming)
		table_flush(w);
	ob_flush(&w->ob);
	free(w->ob.b);
	free(w->plan);
	free(w->width);
	free(w->numeric);
	if (stop_writer == w)
		stop_writer = NULL;
	free(w);
}
