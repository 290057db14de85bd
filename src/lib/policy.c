/* policy.c - read and print `key = value` rule files. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "money.h"
#include "policy.h"

/* A decimal with up to 4 places, x 10000; -1 if malformed. */
static int
num4(const char *s, int64_t *out)
{
	int64_t v = 0;
	int neg = 0, dot = 0, nd = 0, scale = 0;

	if (*s == '-' || *s == '+')
		neg = *s++ == '-';
	for (; *s; s++) {
		if (*s == '.' && !dot) {
			dot = 1;
			continue;
		}
		if (*s < '0' || *s > '9' || ++nd > 14 || (dot && ++scale > 4))
			return -1;
		v = v * 10 + (*s - '0');
	}
	if (nd == 0)
		return -1;
	while (scale++ < 4)
		v *= 10;
	*out = neg ? -v : v;
	return 0;
}

static char *
strip(char *s)
{
	char *e;

	while (*s == ' ' || *s == '\t')
		s++;
	e = s + strlen(s);
	while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r' ||
	    e[-1] == '\n'))
		*--e = '\0';
	return s;
}

static int
parse_points(char *s, struct points *p)
{
	char *save = NULL;

	p->n = 0;
	for (char *t = strtok_r(s, ",", &save); t; t = strtok_r(NULL, ",", &save)) {
		char *c = strchr(t, ':'), *end;
		long x;
		if (c == NULL || p->n == POINTS_MAX)
			return -1;
		*c = '\0';
		t = strip(t);
		errno = 0;
		x = strtol(t, &end, 10);
		if (end == t || *end || errno || x < -100000 || x > 100000 ||
		    num4(strip(c + 1), &p->y[p->n]) != 0 ||
		    (p->n > 0 && x <= p->x[p->n - 1]))
			return -1;
		p->x[p->n++] = (int32_t)x;
	}
	return p->n > 0 ? 0 : -1;
}

/* Set one key from text; NULL when fine, else why not. */
static const char *
set(const struct pol *k, const char *text)
{
	char buf[1024];
	int64_t v;
	char *end;

	switch (k->kind) {
	case PK_INT:
		errno = 0;
		v = strtoll(text, &end, 10);
		if (end == text || *end || errno)
			return "not a whole number";
		if (v < k->min || v > k->max)
			return "out of range";
		*(int *)k->val = (int)v;
		return NULL;
	case PK_NUM:
		if (num4(text, &v) != 0)
			return "not a number (up to 4 decimals)";
		if (v < k->min || v > k->max)
			return "out of range";
		*(int64_t *)k->val = v;
		return NULL;
	case PK_WORD:
		if (strlen(text) == 0 || strlen(text) >= 32 || strchr(text, ' '))
			return "not one word";
		strcpy((char *)k->val, text);
		return NULL;
	case PK_POINTS:
		if (strlen(text) >= sizeof(buf))
			return "too long";
		strcpy(buf, text);
		if (parse_points(buf, k->val) != 0)
			return "not a list of x:y points with x increasing";
		return NULL;
	}
	return "unknown kind";
}

void
policy_load(const struct pol *t, const char *path)
{
	char line[4096], *seen;
	unsigned long ln = 0;
	size_t nkeys = 0;
	FILE *f;

	for (const struct pol *k = t; k->key; k++, nkeys++)
		if (set(k, k->dflt) != NULL)
			die(EXIT_FATAL, "internal error: policy default %s", k->key);
	if (path == NULL)
		return;
	if ((f = fopen(path, "r")) == NULL)
		die(EXIT_FATAL, "%s: %s", path, strerror(errno));
	seen = xcalloc(nkeys + 1, 1);
	while (fgets(line, sizeof(line), f) != NULL) {
		char *s, *eq, *hash, *key, *val;
		const char *why;
		size_t i;
		ln++;
		if (strchr(line, '\n') == NULL && !feof(f))
			die_at(EXIT_FATAL, path, ln, "line too long");
		if ((hash = strchr(line, '#')) != NULL)
			*hash = '\0';
		s = strip(line);
		if (*s == '\0')
			continue;
		if ((eq = strchr(s, '=')) == NULL)
			die_at(EXIT_FATAL, path, ln, "expected key = value");
		*eq = '\0';
		key = strip(s);
		val = strip(eq + 1);
		for (i = 0; t[i].key && strcmp(t[i].key, key) != 0; i++)
			;
		if (t[i].key == NULL) {
			char q[ERR_QUOTE_MAX];
			/* (the table's end may name where the keys are) */
			die_at(EXIT_FATAL, path, ln, "unknown key \"%s\" (see "
			    "%s)", err_quote(q, key, strlen(key)), t[i].dflt ?
			    t[i].dflt : "--policy-dump");
		}
		if (seen[i]++)
			die_at(EXIT_FATAL, path, ln, "%s is given twice", key);
		if ((why = set(&t[i], val)) != NULL) {
			char q[ERR_QUOTE_MAX];
			die_at(EXIT_FATAL, path, ln, "%s: %s \"%s\"", key, why,
			    err_quote(q, val, strlen(val)));
		}
	}
	if (ferror(f))
		die(EXIT_FATAL, "%s: read error", path);
	fclose(f);
	free(seen);
}

void
policy_dump(const struct pol *t, const char *title)
{
	printf("# %s\n# key = value; '#' starts a comment. Give only the keys "
	    "to change.\n", title);
	for (const struct pol *k = t; k->key; k++) {
		int w = printf("%s = %s", k->key, k->dflt);
		if (k->help && *k->help)
			printf("%*s# %s", w < 40 ? 40 - w : 1, "", k->help);
		putchar('\n');
	}
}

int64_t
points_at(const struct points *p, int32_t x)
{
	int i;

	if (p->n == 0)
		return 0;
	if (x <= p->x[0])
		return p->y[0];
	for (i = 1; i < p->n && x > p->x[i]; i++)
		;
	if (i == p->n)
		return p->y[p->n - 1];
	/* linear between the two points, rounded half away from zero (in
	 * 128 bits: a point's y may be any 64-bit number, and the result
	 * lies between the two y) */
	{
		i128 dx = (i128)p->x[i] - p->x[i - 1], num = ((i128)p->y[i] -
		    p->y[i - 1]) * ((i128)x - p->x[i - 1]);
		i128 q = num / dx, r = num % dx;
		if (2 * (r < 0 ? -r : r) >= dx)
			q += num < 0 ? -1 : 1;
		return (int64_t)(p->y[i - 1] + q);
	}
}
