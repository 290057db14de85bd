/* out.c - buffered output, field encoders and the record writer (SPEC 1.9). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "err.h"
#include "money.h"
#include "out.h"
#include "out_impl.h"
#include "utf8.h"
#include "date.h"

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

int out_excel_safe;

/* A plain number: a sign, then digits with dots and grouping commas. */
static int
plain_number(const char *p, size_t n)
{
	size_t i = 0, digits = 0;

	if (n > 0 && (p[0] == '-' || p[0] == '+'))
		i++;
	for (; i < n; i++) {
		if (p[i] >= '0' && p[i] <= '9')
			digits++;
		else if (p[i] != '.' && p[i] != ',')
			return 0;
	}
	return digits > 0;
}

int
out_formula_like(const char *p, size_t n)
{
	return n > 0 && strchr("=+-@\t\r", p[0]) != NULL && p[0] != '\0' &&
	    !plain_number(p, n);
}

/* A text cell of CSV or TSV output, made safe when --excel-safe asks
 * (out of line: the rare case). */
static void
ob_safe_cell(struct obuf *o, enum rec_fmt fmt, const char *p, size_t n)
{
	char *t = xmalloc(n + 1);

	t[0] = '\'';
	memcpy(t + 1, p, n);
	if (fmt == FMT_CSV)
		ob_csv(o, t, n + 1, ',');
	else
		ob_tsv(o, t, n + 1);
	free(t);
}

/* A text cell of CSV or TSV output. */
static inline void
ob_text_cell(struct obuf *o, enum rec_fmt fmt, const char *p, size_t n)
{
	if (out_excel_safe && out_formula_like(p, n))
		ob_safe_cell(o, fmt, p, n);
	else if (fmt == FMT_CSV)
		ob_csv(o, p, n, ',');
	else
		ob_tsv(o, p, n);
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
	case C_DATE:
		return date_format(buf, (int32_t)c->i);
	default:
		buf[0] = '\0';
		return 0;
	}
}

/* ---- the writer ---- */

static struct writer *stop_writer;

/* --strict ends the tool at once: flush what was written so far. */
static void
flush_on_stop(void)
{
	if (stop_writer != NULL && (stop_writer->fmt == FMT_CSV ||
	    stop_writer->fmt == FMT_TSV || stop_writer->fmt == FMT_JSON))
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
	snprintf(w->sheet, sizeof(w->sheet), "%s", progname);
	ob_init(&w->ob, 1, out_name);
	stop_writer = w;
	err_stop_hook = flush_on_stop;
	if (w->fmt == FMT_XLSX)
		xlsx_start(w);
	return w;
}

void
w_sheet(struct writer *w, const char *name)
{
	snprintf(w->sheet, sizeof(w->sheet), "%s", name);
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
			w->plan[w->nplan++] = (struct wcol){ -1, (int)j, NULL };
		} else
			w->plan[w->nplan++] = (struct wcol){ s, -1, NULL };
	}
	for (size_t j = 0; j < w->ncols; j++)
		if (!used[j])
			w->plan[w->nplan++] = (struct wcol){ -1, (int)j, NULL };
	for (size_t i = 0; i < w->nplan; i++)
		w->plan[i].vf = vocab_field(progname,
		    w_col_name(w, &w->plan[i]));
	w->plan_slots = nf;
	free(used);
}

const char *
w_col_name(const struct writer *w, const struct wcol *c)
{
	return c->slot >= 0 ? rec_colname(w->in, c->slot) : w->cols[c->comp].name;
}

const char *
w_col_label(const struct writer *w, const struct wcol *c, char *buf)
{
	return vocab_label(progname, w_col_name(w, c), w->lang, buf);
}

int
w_col_numeric(const struct writer *w, const struct wcol *c)
{
	return c->slot < 0 && w->cols[c->comp].numeric;
}

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
			const char *name = w_col_name(w, &w->plan[i]);
			if (i > 0)
				ob_putc(&w->ob, w->delim);
			ob_text_cell(&w->ob, w->fmt, name, strlen(name));
		}
		ob_putc(&w->ob, '\n');
		break;
	case FMT_TABLE:
	case FMT_MD:
		people_start(w);
		break;
	case FMT_ICS:
		ics_start(w);
		break;
	default:
		break;
	}
}

const char *
w_col_text(const struct writer *w, const struct wcol *c, const struct rec *in,
    const struct cell *cells, char *buf, size_t *n, int group)
{
	(void)w;
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
		if (x->kind == C_TEXT) {
			*n = x->n;
			return x->p;
		}
		*n = cell_format(buf, x, group);
		return buf;
	}
}

char *
w_people_text(const struct writer *w, const struct wcol *c,
    const struct rec *in, const struct cell *cells, size_t *n)
{
	char buf[CELL_BUFSZ], word[1024];
	size_t k;
	const char *p = w_col_text(w, c, in, cells, buf, n,
	    w_col_numeric(w, c));

	/* a letter's lines: a cell's own lines in a workbook and a markdown
	 * table (<br>), one line in a terminal's table */
	const char *nl = w->fmt == FMT_TABLE ? " " : "\n";

	k = vocab_value(progname, w_col_name(w, c), p, *n, w->lang, word,
	    sizeof(word));
	if (k != (size_t)-1)
		return utf8_term_nl(word, k, nl, n);
	return utf8_term_nl(p, *n, nl, n);
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
	case C_DATE:
		n = cell_format(buf, x, 0);
		ob_json_str(o, buf, n);
		break;
	default:
		n = cell_format(buf, x, 0);
		ob_write(o, buf, n);
	}
}

static void
json_row(struct writer *w, const struct rec *in, const struct cell *cells)
{
	int first = 1;

	if (w->in && rec_nfields(w->in) != w->plan_slots)
		build_plan(w);
	ob_putc(&w->ob, '{');
	for (size_t i = 0; i < w->nplan; i++) {
		const struct wcol *c = &w->plan[i];
		const char *name = w_col_name(w, c);
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
}

void
w_row(struct writer *w, const struct rec *in, const struct cell *cells)
{
	char buf[CELL_BUFSZ];
	size_t n;
	const char *p;

	if (!w->header_done)
		w_header(w);
	switch (w->fmt) {
	case FMT_JSON:
		json_row(w, in, cells);
		return;
	case FMT_TABLE:
	case FMT_MD:
		people_row(w, in, cells);
		return;
	case FMT_XLSX:
		xlsx_row(w, in, cells);
		return;
	case FMT_ICS:
		ics_row(w, in, cells);
		return;
	default:
		break;
	}
	for (size_t i = 0; i < w->nplan; i++) {
		const struct wcol *c = &w->plan[i];
		if (i > 0)
			ob_putc(&w->ob, w->delim);
		if (c->slot < 0 && cells[c->comp].kind >= C_MONEY) {
			/* a computed number or date needs no quoting */
			n = cell_format(buf, &cells[c->comp], 0);
			ob_write(&w->ob, buf, n);
			continue;
		}
		p = w_col_text(w, c, in, cells, buf, &n, 0);
		ob_text_cell(&w->ob, w->fmt, p, n);
	}
	ob_putc(&w->ob, '\n');
}

void
w_close(struct writer *w, int noheader)
{
	if (!noheader && !w->header_done)
		w_header(w);
	if (w->fmt == FMT_TABLE || w->fmt == FMT_MD)
		people_close(w);
	if (w->fmt == FMT_XLSX)
		xlsx_close(w);
	if (w->fmt == FMT_ICS && w->header_done)
		ics_close(w);
	ob_flush(&w->ob);
	free(w->ob.b);
	free(w->plan);
	if (stop_writer == w)
		stop_writer = NULL;
	free(w);
}
