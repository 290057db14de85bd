/* prose.h - text for people as data (STYLE "Prose is data"): a table of
 * sections and a table of rows (section, condition, en, zh) with {name}
 * placeholders, and one small renderer. The caller says which conditions
 * hold, how long each list is and what each placeholder stands for. */
#ifndef PROSE_H
#define PROSE_H

#include <stddef.h>

/* A section: its heading is written, numbered, when COND holds ({n} is
 * its number among the numbered sections written: 1, 2 ... in English,
 * 一, 二 ... in Chinese; a heading without {n} is not numbered), then its
 * rows. */
struct prose_section {
	int id;
	int cond;
	const char *en, *zh;
};

/* A row of a section: written when COND holds; with EACH (a list, not
 * 0), once per item of the list whose COND holds. The text has {name}
 * placeholders and {{ }} for braces, and its own line ends. */
struct prose_row {
	int section;
	int cond;
	int each;
	const char *en, *zh;
};

/* Text being built. */
struct prose_out {
	char *p;
	size_t n, cap;
};
void prose_put(struct prose_out *o, const char *s, size_t n);
void prose_free(struct prose_out *o);

struct prose_ctx {
	/* Does COND hold (for item I of list EACH; EACH 0 and I -1 outside
	 * a list)? Condition 0 always holds without asking. */
	int (*holds)(void *arg, int cond, int each, int i);
	/* How many items has list EACH? */
	int (*count)(void *arg, int each);
	/* The text of {KEY} for item I of list EACH (or EACH 0, I -1); NULL
	 * when there is no such placeholder. */
	const char *(*var)(void *arg, const char *key, int each, int i);
	/* Optional: asked first inside a list (EACH not 0), and var after it
	 * when it has no such placeholder. */
	const char *(*each_var)(void *arg, const char *key, int each, int i);
	void *arg;
	int zh;
};

/* Expand template T into O. Returns the number of unknown placeholders
 * (written as they are, so that a test sees them). */
int prose_expand(struct prose_out *o, const char *t, const struct prose_ctx *c,
    int each, int i);
/* Render the sections in order, each with its rows. Returns the number
 * of unknown placeholders. */
int prose_render(struct prose_out *o, const struct prose_section *s,
    size_t ns, const struct prose_row *r, size_t nr,
    const struct prose_ctx *c);

#endif
