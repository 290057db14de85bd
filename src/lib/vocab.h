/* vocab.h - the words of the people formats (SPEC 1.7, 1.9): one table of
 * field labels and one of value words, each in English and Chinese, used by
 * every tool's table, md, xlsx and ics output. CSV, TSV and JSON keep the
 * field names and codes, which are the API. */
#ifndef VOCAB_H
#define VOCAB_H

#include <stddef.h>

#include "out.h"

/* What a field holds, for the people formats. */
enum {
	VF_WRAP = 1 << 0,	/* long text: wrapped in tables, not cut */
	VF_DATE = 1 << 1,	/* a date: an Excel date in xlsx */
	VF_MONEY = 1 << 2,	/* an amount: a number in xlsx */
	VF_NUM = 1 << 3,	/* a count, days, a score: a number in xlsx */
	VF_LIST = 1 << 4	/* ';'-separated codes, each a word of its set */
};

struct vocab_field {
	const char *name;	/* the field (an API word) */
	const char *zh;		/* its label in Chinese */
	unsigned flags;		/* VF_* */
	const char *set;	/* the vocabulary of its values, or NULL */
};

/* The field NAME as TOOL (progname) writes it: a name two tools use for
 * different things (deal-plan's company is a 1-5 rating, the ledger's a
 * company code; pay-plan's interest is instalment interest, ar-age's late
 * interest) has an entry of its own for the tool that differs. NULL when
 * the table does not know it. */
const struct vocab_field *vocab_field(const char *tool, const char *name);

/* The header label of a field: in English the field name itself (bucket
 * columns: "1-30", "121+"), in Chinese the table's word; an unknown name
 * is its own label. BUF (VOCAB_BUFSZ) holds a label made by rule. */
#define VOCAB_BUFSZ 64
const char *vocab_label(const char *tool, const char *name, enum lang lang,
    char *buf);

/* The Chinese word for value CODE of field NAME (each ';'-separated part
 * of a VF_LIST field): written into BUF (CAP bytes). Returns the length,
 * or (size_t)-1 when nothing is translated (English, or no such word):
 * the value is then shown as it is. */
size_t vocab_value(const char *tool, const char *name, const char *code,
    size_t n, enum lang lang, char *buf, size_t cap);

/* Every word of a set, in table order, for documentation and tests:
 * the I-th code and its Chinese word, or 0 past the end. */
int vocab_word_at(const char *set, size_t i, const char **code,
    const char **zh);

#endif
