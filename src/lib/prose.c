/* prose.c - one small renderer for text kept as data (prose.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "prose.h"

void
prose_put(struct prose_out *o, const char *s, size_t n)
{
	if (o->n + n + 1 > o->cap) {
		size_t cap = o->cap ? o->cap : 256;
		while (cap < o->n + n + 1)
			cap *= 2;
		o->p = xrealloc(o->p, cap);
		o->cap = cap;
	}
	memcpy(o->p + o->n, s, n);
	o->n += n;
	o->p[o->n] = '\0';
}

void
prose_free(struct prose_out *o)
{
	free(o->p);
	o->p = NULL;
	o->n = o->cap = 0;
}

/* The text of {KEY}: NUM for {n} in a heading, the list's own, the
 * document's; NULL when none has it. */
static const char *
lookup(const struct prose_ctx *c, const char *key, int each, int i,
    const char *num)
{
	const char *v;

	if (num != NULL && strcmp(key, "n") == 0)
		return num;
	if (each != 0 && c->each_var != NULL &&
	    (v = c->each_var(c->arg, key, each, i)) != NULL)
		return v;
	return c->var(c->arg, key, each, i);
}

static int
expand(struct prose_out *o, const char *t, const struct prose_ctx *c,
    int each, int i, const char *num)
{
	int unknown = 0;

	while (*t) {
		const char *b = strpbrk(t, "{}"), *e, *v = NULL;
		char key[64];
		if (b == NULL) {
			prose_put(o, t, strlen(t));
			break;
		}
		prose_put(o, t, (size_t)(b - t));
		if (b[0] == b[1]) {		/* {{ or }} */
			prose_put(o, b, 1);
			t = b + 2;
			continue;
		}
		if (*b == '}' || (e = strchr(b, '}')) == NULL) {
			prose_put(o, b, 1);
			t = b + 1;
			continue;
		}
		if ((size_t)(e - b - 1) < sizeof(key)) {
			memcpy(key, b + 1, (size_t)(e - b - 1));
			key[e - b - 1] = '\0';
			v = lookup(c, key, each, i, num);
		}
		if (v == NULL) {
			unknown++;
			v = "";
			prose_put(o, b, (size_t)(e - b + 1));
		}
		prose_put(o, v, strlen(v));
		t = e + 1;
	}
	return unknown;
}

int
prose_expand(struct prose_out *o, const char *t, const struct prose_ctx *c,
    int each, int i)
{
	return expand(o, t, c, each, i, NULL);
}

/* The number of a section, in words of the language. */
static void
section_number(char *buf, size_t cap, int n, int zh)
{
	static const char *const digit[] = { "", "一", "二", "三", "四", "五",
		"六", "七", "八", "九" };

	if (!zh || n >= 100)
		snprintf(buf, cap, "%d", n);
	else if (n < 10)
		snprintf(buf, cap, "%s", digit[n]);
	else
		snprintf(buf, cap, "%s十%s", n >= 20 ? digit[n / 10] : "",
		    digit[n % 10]);
}

static int
holds(const struct prose_ctx *c, int cond, int each, int i)
{
	return cond == 0 || c->holds(c->arg, cond, each, i);
}

int
prose_render(struct prose_out *o, const struct prose_section *s, size_t ns,
    const struct prose_row *r, size_t nr, const struct prose_ctx *c)
{
	int unknown = 0, number = 0;

	for (size_t k = 0; k < ns; k++) {
		char nbuf[32];
		const char *h = c->zh ? s[k].zh : s[k].en;
		if (!holds(c, s[k].cond, 0, -1))
			continue;
		/* (a heading without {n}, such as a title, is not counted) */
		if (strstr(h, "{n}") != NULL)
			number++;
		section_number(nbuf, sizeof(nbuf), number, c->zh);
		unknown += expand(o, h, c, 0, -1, nbuf);
		for (size_t j = 0; j < nr; j++) {
			const struct prose_row *w = &r[j];
			const char *t = c->zh ? w->zh : w->en;
			if (w->section != s[k].id)
				continue;
			if (w->each == 0) {
				if (holds(c, w->cond, 0, -1))
					unknown += prose_expand(o, t, c, 0, -1);
				continue;
			}
			for (int i = 0, n = c->count(c->arg, w->each); i < n; i++)
				if (holds(c, w->cond, w->each, i))
					unknown += prose_expand(o, t, c, w->each, i);
		}
	}
	return unknown;
}
