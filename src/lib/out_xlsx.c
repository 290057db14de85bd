/* out_xlsx.c - -o xlsx (SPEC 1.9): one sheet written with Debian's
 * libxlsxwriter, never by hand. Money and other numbers are numbers (with
 * the decimals they were written with), dates are dates, everything else is
 * text, so that nothing a customer typed becomes a formula; the header is
 * bold and frozen, the columns fitted to their widest cell.
 *
 * The workbook is a zip written to a temporary file and copied to standard
 * output (or -O's file) at the end: a zip is finished by seeking back.
 *
 * The library is opened when a workbook is asked for: linked, it and
 * libcrypto (which it loads) took every run 3 ms to relocate, more than a
 * day's worklist takes to write. */
#include <sys/stat.h>

#include <dlfcn.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <xlsxwriter.h>

#include "date.h"
#include "err.h"
#include "money.h"
#include "out_impl.h"
#include "utf8.h"

#define XLSX_MAXROWS 1048576	/* Excel's limit, the header included */
#define XLSX_MAXSTR 32767	/* characters in a cell */
#define XLSX_MAXW 60

struct xlsx {
	char path[4096];
	lxw_workbook *wb;
	lxw_worksheet *ws;
	lxw_format *bold, *date, *text, *wraptext;
	lxw_format *num[10], *money[10];	/* by decimals */
	uint32_t row;
	size_t ncols;
	double *width;
};

#ifndef XLSX_SONAME
#define XLSX_SONAME "libxlsxwriter.so.4"	/* (the Makefile asks the library) */
#endif

/* the library's functions this file calls, each with its own type */
#define XLSX_FUNCS(F) F(workbook_new_opt) F(workbook_add_format) \
	F(workbook_add_worksheet) F(workbook_close) F(format_set_bold) \
	F(format_set_num_format) F(format_set_text_wrap) F(format_set_align) \
	F(worksheet_write_string) F(worksheet_write_number) \
	F(worksheet_write_datetime) F(worksheet_freeze_panes) \
	F(worksheet_set_column) F(lxw_strerror)
#define MEMBER(f) __typeof__(&f) f;
static struct {
	XLSX_FUNCS(MEMBER)
} L;
#undef MEMBER
#define ENTRY(f) { #f, (void **)&L.f },
static const struct {
	const char *name;
	void **fn;
} funcs[] = { XLSX_FUNCS(ENTRY) };
#undef ENTRY

/* Open libxlsxwriter (XLSX_SONAME, from the Makefile) and find its
 * functions. */
static void
xlsx_load(void)
{
	void *h = dlopen(XLSX_SONAME, RTLD_NOW | RTLD_LOCAL);

	if (h == NULL)
		die(EXIT_FATAL, "-o xlsx: %s (Debian's libxlsxwriter)", dlerror());
	for (size_t i = 0; i < sizeof(funcs) / sizeof(funcs[0]); i++)
		if ((*funcs[i].fn = dlsym(h, funcs[i].name)) == NULL)
			die(EXIT_FATAL, "-o xlsx: %s: no %s", XLSX_SONAME,
			    funcs[i].name);
}

/* the temporary workbook, removed however the tool ends */
static char *leftover;

static void
remove_leftover(void)
{
	if (leftover != NULL)
		unlink(leftover);
}

static const char *
tmpdir(void)
{
	const char *t = getenv("TMPDIR");

	return t && *t ? t : "/tmp";
}

void
xlsx_start(struct writer *w)
{
	struct xlsx *x = xcalloc(1, sizeof(*x));
	lxw_workbook_options o = { 0 };
	int fd;

	if (L.workbook_new_opt == NULL)
		xlsx_load();
	if (isatty(1))
		die(EXIT_FATAL, "-o xlsx: a workbook is not for a terminal: give "
		    "-O FILE, or redirect standard output to a file");
	snprintf(x->path, sizeof(x->path), "%s/arkit-xlsx.XXXXXX", tmpdir());
	if ((fd = mkstemp(x->path)) < 0)
		die(EXIT_FATAL, "%s: %s", x->path, strerror(errno));
	close(fd);
	leftover = x->path;
	atexit(remove_leftover);
	o.constant_memory = LXW_TRUE;	/* rows go to disk as written */
	o.tmpdir = (char *)(uintptr_t)tmpdir();
	x->wb = L.workbook_new_opt(x->path, &o);
	if (x->wb == NULL) {
		unlink(x->path);
		die(EXIT_FATAL, "-o xlsx: cannot start a workbook in %s", tmpdir());
	}
	x->bold = L.workbook_add_format(x->wb);
	L.format_set_bold(x->bold);
	x->date = L.workbook_add_format(x->wb);
	L.format_set_num_format(x->date, "yyyy-mm-dd");
	x->text = L.workbook_add_format(x->wb);
	L.format_set_num_format(x->text, "@");
	x->wraptext = L.workbook_add_format(x->wb);
	L.format_set_num_format(x->wraptext, "@");
	L.format_set_text_wrap(x->wraptext);
	L.format_set_align(x->wraptext, LXW_ALIGN_VERTICAL_TOP);
	w->xl = x;
}

/* The format of a number with DEC decimals: money grouped (#,##0.00). */
static lxw_format *
num_format(struct xlsx *x, int dec, int money)
{
	lxw_format **f = money ? &x->money[dec] : &x->num[dec];
	char spec[32];

	if (*f == NULL) {
		snprintf(spec, sizeof(spec), "%s%s%.*s", money ? "#,##0" : "0",
		    dec ? "." : "", dec, "000000000");
		*f = L.workbook_add_format(x->wb);
		L.format_set_num_format(*f, spec);
	}
	return *f;
}

static void
check(lxw_error e, const char *what)
{
	if (e != LXW_NO_ERROR)
		die(EXIT_FATAL, "-o xlsx: %s: %s", what, L.lxw_strerror(e));
}

static void
fitted(struct xlsx *x, size_t col, double w)
{
	if (w > x->width[col])
		x->width[col] = w;
}

static void
header(struct writer *w)
{
	struct xlsx *x = w->xl;
	char buf[VOCAB_BUFSZ];

	x->ws = L.workbook_add_worksheet(x->wb, w->sheet);
	if (x->ws == NULL)
		die(EXIT_FATAL, "-o xlsx: cannot add the sheet \"%s\"", w->sheet);
	x->ncols = w->nplan;
	x->width = xcalloc(x->ncols + 1, sizeof(double));
	for (size_t i = 0; i < w->nplan; i++) {
		size_t n;
		const char *l = w_col_label(w, &w->plan[i], buf);
		char *e = utf8_term(l, strlen(l), &n);
		check(L.worksheet_write_string(x->ws, 0, (lxw_col_t)i, e, x->bold),
		    "header");
		fitted(x, i, (double)utf8_width(e, n));
		free(e);
	}
	L.worksheet_freeze_panes(x->ws, 1, 0);
	x->row = 1;
}

/* Is S a plain decimal number ("-1234.50")? *DEC its decimals. */
static int
plain_number(const char *s, size_t n, int *dec)
{
	size_t i = 0, dot = 0, digits = 0;

	if (n > 0 && s[0] == '-')
		i++;
	for (; i < n; i++) {
		if (s[i] >= '0' && s[i] <= '9')
			digits++;
		else if (s[i] == '.' && !dot && digits > 0)
			dot = i;
		else
			return 0;
	}
	if (digits == 0 || digits > 15 || (dot && dot + 1 == n))
		return 0;	/* more than 15 digits: Excel would round it */
	*dec = dot ? (int)(n - dot - 1) : 0;
	return *dec <= 9;
}

static void
write_text(struct xlsx *x, size_t col, const char *s, size_t n, int wrap)
{
	char *t;
	size_t cut = n, chars = 0;

	/* at most 32,767 characters, cut on a character boundary */
	for (size_t i = 0; i < n;) {
		size_t k = utf8_seqlen((const unsigned char *)s + i, n - i);
		if (chars == XLSX_MAXSTR) {
			cut = i;
			warn_once("xlsx-cut", "-o xlsx: a cell was cut to %d "
			    "characters, Excel's limit (row %lu)", XLSX_MAXSTR,
			    (unsigned long)x->row + 1);
			break;
		}
		i += k ? k : 1;
		chars++;
	}
	t = xstrndup(s, cut);
	check(L.worksheet_write_string(x->ws, x->row, (lxw_col_t)col, t,
	    wrap ? x->wraptext : x->text), "a cell");
	fitted(x, col, (double)utf8_width(t, cut));
	free(t);
}

static void
write_cell(struct writer *w, size_t col, const struct wcol *c,
    const struct rec *in, const struct cell *cells)
{
	struct xlsx *x = w->xl;
	const struct cell *cc = c->slot < 0 ? &cells[c->comp] : NULL;
	unsigned fl = c->vf ? c->vf->flags : 0;
	char buf[CELL_BUFSZ];
	size_t n;
	int dec, y, m, d;
	int32_t day;
	const char *p;
	char *s;

	if (cc && cc->kind == C_NULL)
		return;
	if (cc && cc->kind == C_DATE) {
		day = (int32_t)cc->i;
		goto date;
	}
	if (cc && cc->kind >= C_MONEY) {
		n = cell_format(buf, cc, 0);
		dec = cc->kind == C_INT ? 0 : cc->scale;
		check(L.worksheet_write_number(x->ws, x->row, (lxw_col_t)col,
		    strtod(buf, NULL), num_format(x, dec < 10 ? dec : 9,
		    cc->kind == C_MONEY)), "a number");
		n = cell_format(buf, cc, 1);
		fitted(x, col, (double)n);
		return;
	}
	p = w_col_text(w, c, in, cells, buf, &n, 0);
	if (n == 0)
		return;
	if ((fl & (VF_MONEY | VF_NUM)) && plain_number(p, n, &dec)) {
		memcpy(buf, p, n);
		buf[n] = '\0';
		check(L.worksheet_write_number(x->ws, x->row, (lxw_col_t)col,
		    strtod(buf, NULL), num_format(x, dec, (fl & VF_MONEY) != 0)),
		    "a number");
		fitted(x, col, (double)n + (double)n / 3);
		return;
	}
	if ((fl & VF_DATE) && date_parse(p, n, &day) == 0)
		goto date;
	s = w_people_text(w, c, in, cells, &n);
	write_text(x, col, s, n, (fl & VF_WRAP) != 0);
	free(s);
	return;
date:
	date_to_civil(day, &y, &m, &d);
	if (y < 1900) {		/* before Excel's calendar: as text */
		n = date_format(buf, day);
		write_text(x, col, buf, n, 0);
		return;
	}
	{
		lxw_datetime dt = { y, m, d, 0, 0, 0 };
		check(L.worksheet_write_datetime(x->ws, x->row, (lxw_col_t)col, &dt,
		    x->date), "a date");
	}
	fitted(x, col, 10);
}

void
xlsx_row(struct writer *w, const struct rec *in, const struct cell *cells)
{
	struct xlsx *x = w->xl;

	if (x->ws == NULL)
		header(w);
	if (x->row >= XLSX_MAXROWS)
		die(EXIT_FATAL, "-o xlsx: more than %d rows, a sheet's limit: "
		    "write csv", XLSX_MAXROWS - 1);
	for (size_t i = 0; i < w->nplan && i < x->ncols; i++)
		write_cell(w, i, &w->plan[i], in, cells);
	x->row++;
}

/* Finish the workbook and copy it to standard output. */
void
xlsx_close(struct writer *w)
{
	struct xlsx *x = w->xl;
	FILE *f;
	char buf[65536];
	size_t n;
	lxw_error e;

	if (x->ws == NULL)
		header(w);
	for (size_t i = 0; i < x->ncols; i++) {
		double wd = x->width[i] + 2;
		if (wd > XLSX_MAXW)
			wd = XLSX_MAXW;
		check(L.worksheet_set_column(x->ws, (lxw_col_t)i, (lxw_col_t)i, wd,
		    NULL), "a column");
	}
	e = L.workbook_close(x->wb);
	if (e != LXW_NO_ERROR) {
		unlink(x->path);
		die(EXIT_FATAL, "-o xlsx: %s", L.lxw_strerror(e));
	}
	if ((f = fopen(x->path, "rb")) == NULL) {
		unlink(x->path);
		die(EXIT_FATAL, "%s: %s", x->path, strerror(errno));
	}
	unlink(x->path);
	leftover = NULL;
	while ((n = fread(buf, 1, sizeof(buf), f)) > 0)
		ob_write(&w->ob, buf, n);
	if (ferror(f))
		die(EXIT_FATAL, "reading the workbook back: %s", strerror(errno));
	fclose(f);
	free(x->width);
	free(x);
	w->xl = NULL;
}
