/* scripts.h - the talk-track library (SPEC 5.3). */
#ifndef SCRIPTS_H
#define SCRIPTS_H

#include <stddef.h>

enum when { W_ANY, W_BEFORE, W_OVERDUE };	/* any time; not yet due; overdue */
extern const char *const script_whens[];	/* "", "before", "overdue" */

struct tmpl {
	int style, zh, excuse;	/* enum style; 1 for Chinese; EX_NONE: any */
	enum when when;
	const char *text;	/* {field} placeholders, {{ and }} braces */
	const char *from;	/* FILE:LINE of a library file's line, or NULL */
};

/* The library: the built-in one (PATH NULL), or with the templates of
 * PATH (CSV, TSV or JSON: style, lang, excuse, when, template), which
 * replace the built-in ones of each style and language it has and add to
 * the rest. A wrong line (unknown style, language or excuse, a bad
 * placeholder, words of gifts or personal payments) is fatal, naming it. */
void scripts_load(const char *path, const struct tmpl **lib, size_t *n);

/* NULL, or what is wrong with the braces of template T. */
const char *tmpl_check(const char *t);

#endif
