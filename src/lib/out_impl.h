/* out_impl.h - what the writer's formats share (out.c, out_people.c,
 * out_xlsx.c); not for tools. */
#ifndef OUT_IMPL_H
#define OUT_IMPL_H

#include "out.h"
#include "vocab.h"

struct wcol {
	int slot;	/* >= 0: pass-through input field */
	int comp;	/* >= 0: computed column */
	const struct vocab_field *vf;	/* what the vocabulary says of it */
};

struct people;
struct xlsx;

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
	char sheet[32];
	struct people *pp;	/* table, md */
	struct xlsx *xl;	/* xlsx */
};

const char *w_col_name(const struct writer *w, const struct wcol *c);
/* The header of a column in the people formats (BUF: VOCAB_BUFSZ). */
const char *w_col_label(const struct writer *w, const struct wcol *c,
    char *buf);
/* Is the column a computed number (right-aligned, grouped)? */
int w_col_numeric(const struct writer *w, const struct wcol *c);
/* The text of a column of a row as CSV would write it (GROUP: with
 * thousands separators); BUF holds formatted numbers. */
const char *w_col_text(const struct writer *w, const struct wcol *c,
    const struct rec *in, const struct cell *cells, char *buf, size_t *n,
    int group);
/* The same for a person in the writer's language: value words translated
 * (vocab.h), never a control character: a malloc'd string. */
char *w_people_text(const struct writer *w, const struct wcol *c,
    const struct rec *in, const struct cell *cells, size_t *n);

void people_start(struct writer *w);
void people_row(struct writer *w, const struct rec *in,
    const struct cell *cells);
void people_close(struct writer *w);

void ics_start(struct writer *w);
void ics_row(struct writer *w, const struct rec *in, const struct cell *cells);
void ics_close(struct writer *w);

void xlsx_start(struct writer *w);
void xlsx_row(struct writer *w, const struct rec *in, const struct cell *cells);
void xlsx_close(struct writer *w);

#endif
