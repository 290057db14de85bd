/* out.h - records out: CSV, TSV, NDJSON and aligned tables (SPEC 1.9). */
#ifndef OUT_H
#define OUT_H

#include <stddef.h>
#include <stdint.h>

#include "rec.h"

/* A buffered file descriptor. A closed pipe ends the tool quietly with the
 * status reached so far; any other write error is fatal (exit 2). */
struct obuf {
	int fd;
	const char *name;
	char *b;
	size_t n, cap;
};
void ob_init(struct obuf *o, int fd, const char *name);
void ob_write(struct obuf *o, const void *p, size_t n);
static inline void
ob_putc(struct obuf *o, char c)
{
	if (o->n == o->cap)
		ob_write(o, &c, 1);
	else
		o->b[o->n++] = c;
}
void ob_puts(struct obuf *o, const char *s);
void ob_flush(struct obuf *o);
void ob_close(struct obuf *o);	/* flush, fsync nothing, close, check */

/* Field encoders. */
void ob_csv(struct obuf *o, const char *p, size_t n, char delim);
void ob_tsv(struct obuf *o, const char *p, size_t n);
/* --excel-safe (OWASP's CSV injection advice): in CSV and TSV output a
 * text cell that a spreadsheet would take for a formula (it starts with
 * =, +, -, @, tab or CR) is written with a leading ', unless the whole cell
 * is a plain number such as -12.50 (a number is no formula, and stays a
 * number). Computed numbers are never touched; the reject file keeps the
 * records verbatim, to be fed back in. */
extern int out_excel_safe;
int out_formula_like(const char *p, size_t n);
void ob_json_str(struct obuf *o, const char *p, size_t n);
/* A value as JSON (keeps its JSON type; CSV text stays a string). */
void ob_json_val(struct obuf *o, const struct val *v);

/* Computed cells. */
enum cell_kind {
	C_NULL = 0,	/* undefined: empty in CSV, null in JSON */
	C_TEXT,		/* p, n */
	C_MONEY,	/* i minor units, scale = decimals; p, n when given:
			 * that value already written canonically */
	C_INT,		/* i */
	C_FIXED,	/* i / 10^scale (DSO 1 decimal, ratios 4) */
	C_DATE		/* i civil days: YYYY-MM-DD, an Excel date in xlsx */
};
struct cell {
	int kind;
	int scale;
	int64_t i;
	const char *p;
	size_t n;
};
static inline struct cell
cell_text(const char *p, size_t n)
{
	struct cell c = { C_TEXT, 0, 0, p, n };
	return c;
}
static inline struct cell
cell_money(int64_t v, int dec)
{
	struct cell c = { C_MONEY, dec, v, NULL, 0 };
	return c;
}
static inline struct cell
cell_int(int64_t v)
{
	struct cell c = { C_INT, 0, v, NULL, 0 };
	return c;
}
static inline struct cell
cell_fixed(int64_t v, int scale)
{
	struct cell c = { C_FIXED, scale, v, NULL, 0 };
	return c;
}
static inline struct cell
cell_date(int32_t day)
{
	struct cell c = { C_DATE, 0, day, NULL, 0 };
	return c;
}
static inline struct cell
cell_null(void)
{
	struct cell c = { C_NULL, 0, 0, NULL, 0 };
	return c;
}

/* A computed output column: its field name (an API, English) and whether
 * it is a number (right-aligned, grouped). Its label in the people formats
 * comes from the one vocabulary (vocab.h), the same in every tool. */
struct ocol {
	const char *name;
	int numeric;
};

enum lang { LANG_EN, LANG_ZH };

/* Rows are the fields of IN (when given: pass-through, in input order; a
 * computed column of the same name replaces a field in place) followed by
 * the computed columns, whose cells come in the order of COLS.
 * FMT_CSV, FMT_TSV, FMT_JSON keep names and codes (the API); the people
 * formats FMT_TABLE, FMT_MD and FMT_XLSX show the vocabulary's labels and
 * words in LANG, and never a control character from the data (SPEC 1.9).
 * FMT_XLSX: one sheet named SHEET (w_sheet, before the first row). */
struct writer;
struct writer *w_open(enum rec_fmt fmt, enum lang lang, struct rec_reader *in,
    const struct ocol *cols, size_t ncols);
void w_row(struct writer *w, const struct rec *in, const struct cell *cells);
void w_sheet(struct writer *w, const char *name);
/* Write the header now (also done by the first row, or by w_close). */
void w_header(struct writer *w);
/* Finish (tables print what they buffered); NOHEADER: the input was empty. */
void w_close(struct writer *w, int noheader);

/* Format one cell as text (no grouping); returns the length. */
#define CELL_BUFSZ 64
size_t cell_format(char *buf, const struct cell *c, int group);

#endif
