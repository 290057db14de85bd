/* scripts.h - the talk-track library (SPEC 5.3): templates by style,
 * language, excuse, situation (when) and channel, and the answers to each
 * excuse. */
#ifndef SCRIPTS_H
#define SCRIPTS_H

#include <stddef.h>

/* The situation a template is for: any customer-facing one; not yet due;
 * overdue; a disputed item (ask what is wrong, no demand); a promise due
 * tomorrow; an instruction for our own staff (no customer script). */
enum when { W_ANY, W_BEFORE, W_OVERDUE, W_DISPUTE, W_PROMISE, W_INTERNAL,
	NWHENS };
extern const char *const script_whens[NWHENS];	/* "", "before-due", ... */

/* How it is said: any; a call (spoken); a letter (formal register, never
 * a personal plea); a visit (face to face). */
enum channel { CH_ANY, CH_CALL, CH_LETTER, CH_VISIT, NCHANNELS };
extern const char *const script_channels[NCHANNELS];

struct tmpl {
	int style;		/* enum style; -1: any style (promise, dispute,
				 * internal texts) */
	int zh, excuse;		/* 1 for Chinese; EX_NONE: any excuse */
	enum when when;
	enum channel channel;
	const char *action;	/* internal: the dun-plan action; NULL any */
	const char *text;	/* {field} placeholders, {{ and }} braces */
	const char *from;	/* FILE:LINE of a library file's line, or NULL */
};

/* A team's template as its words (a line of a library file). */
struct tmpl_words {
	struct { const char *p; size_t n; } style, lang, excuse, when, channel,
	    action, text;
};
/* Make *M of W: NULL, or what is wrong (an unknown style, language,
 * excuse, when or channel, a bad placeholder, a demand or a plea where
 * none may be, words of gifts or personal payments), in BUF. */
const char *tmpl_make(const struct tmpl_words *w, struct tmpl *m, char *buf,
    size_t cap);
/* The library with ADD: its templates replace the built-in ones of each
 * style and language it has, and the rest stay. */
void scripts_with(const struct tmpl *add, size_t nadd,
    const struct tmpl **lib, size_t *n);

/* NULL, or what is wrong with the braces of template T. */
const char *tmpl_check(const char *t);
/* NULL, or what template T must not say in its situation: a demand or
 * a days-overdue figure in a dispute, before the due date or to our own
 * staff; a personal plea in a letter (SPEC 5.3). */
const char *tmpl_fit(const char *t, enum when w, enum channel ch);
/* Does T contain W, ASCII letters in any case? (W in lower case) */
int tmpl_contains(const char *t, const char *w);

/* The answer to an excuse (SPEC 5.4), said before a script that is not
 * its own: it never demands, so it may open any script. "" for none. */
const char *excuse_answer(int excuse, int zh);

/* When and channel from their words; -1 when unknown. */
int when_parse(const char *s, size_t n);
int channel_parse(const char *s, size_t n);

#endif
