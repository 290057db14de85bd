/* company.c - the company file of ar-statement (company.h). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "company.h"
#include "err.h"
#include "utf8.h"

#define LINE_MAX_BYTES 1000
#define FILE_MAX_BYTES (1 << 20)

const char *const company_keys[CO_NKEYS] = {
	"name", "address", "phone", "email", "bank", "account", "tax_id", "seal"
};

static int
blank(char c)
{
	return c == ' ' || c == '\t';
}

/* One line (P, N bytes, no line end): a comment, blank, or key = value. */
static void
one_line(struct company *c, const char *p, size_t n, unsigned long ln)
{
	const char *eq, *k, *ke, *v, *ve;
	char q[ERR_QUOTE_MAX];
	int i;

	while (n > 0 && blank(*p))
		p++, n--;
	while (n > 0 && (blank(p[n - 1]) || p[n - 1] == '\r'))
		n--;
	if (n == 0 || *p == '#')
		return;
	if (n > LINE_MAX_BYTES)
		die_at(EXIT_FATAL, c->path, ln, "line too long (over %d bytes)",
		    LINE_MAX_BYTES);
	if (utf8_check(p, n) != n)
		die_at(EXIT_FATAL, c->path, ln, "not UTF-8 \"%s\"",
		    err_quote(q, p, n));
	for (size_t j = 0; j < n; j++)
		if ((unsigned char)p[j] < 0x20 && p[j] != '\t')
			die_at(EXIT_FATAL, c->path, ln, "a control character "
			    "\"%s\"", err_quote(q, p, n));
	if ((eq = memchr(p, '=', n)) == NULL)
		die_at(EXIT_FATAL, c->path, ln, "expected key = value, not \"%s\"",
		    err_quote(q, p, n));
	k = p;
	ke = eq;
	while (ke > k && blank(ke[-1]))
		ke--;
	v = eq + 1;
	ve = p + n;
	while (v < ve && blank(*v))
		v++;
	for (i = 0; i < CO_NKEYS; i++)
		if (strlen(company_keys[i]) == (size_t)(ke - k) &&
		    memcmp(company_keys[i], k, (size_t)(ke - k)) == 0)
			break;
	if (i == CO_NKEYS)
		die_at(EXIT_FATAL, c->path, ln, "unknown key \"%s\" (the keys: "
		    "name, address, phone, email, bank, account, tax_id, seal)",
		    err_quote(q, k, (size_t)(ke - k)));
	if (c->v[i] != NULL)
		die_at(EXIT_FATAL, c->path, ln, "%s is given twice",
		    company_keys[i]);
	if (v == ve)
		die_at(EXIT_FATAL, c->path, ln, "%s: empty value", company_keys[i]);
	c->v[i] = xstrndup(v, (size_t)(ve - v));
}

void
company_load(struct company *c, const char *path)
{
	char *buf;
	size_t n = 0, k, cap = 4096;
	unsigned long ln = 0;
	FILE *f;

	memset(c, 0, sizeof(*c));
	c->path = path;
	if (path == NULL)
		return;
	if ((f = fopen(path, "rb")) == NULL)
		die(EXIT_FATAL, "%s: %s", path, strerror(errno));
	buf = xmalloc(cap);
	while ((k = fread(buf + n, 1, cap - n, f)) > 0) {
		if ((n += k) > FILE_MAX_BYTES)
			die(EXIT_FATAL, "%s: too large for a company file (over "
			    "%d bytes)", path, FILE_MAX_BYTES);
		if (n == cap)
			buf = xrealloc(buf, cap *= 2);
	}
	if (ferror(f))
		die(EXIT_FATAL, "%s: read error", path);
	fclose(f);
	if (n >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0)
		memmove(buf, buf + 3, n -= 3);	/* a BOM, as Notepad writes */
	for (size_t i = 0; i < n;) {
		const char *e = memchr(buf + i, '\n', n - i);
		size_t len = e ? (size_t)(e - (buf + i)) : n - i;
		if (memchr(buf + i, '\0', len) != NULL)
			die_at(EXIT_FATAL, path, ln + 1, "a NUL byte");
		one_line(c, buf + i, len, ++ln);
		i += len + 1;
	}
	free(buf);
}

void
company_require(const struct company *c, int demand)
{
	static const int need[] = { CO_NAME, CO_BANK, CO_ACCOUNT };

	if (!demand)
		return;
	for (size_t i = 0; i < sizeof(need) / sizeof(need[0]); i++)
		if (c->v[need[i]] == NULL)
			die(EXIT_FATAL, "%s: a demand letter needs our %s: add a "
			    "line \"%s = ...\"%s", c->path ? c->path :
			    "(no --company file)", need[i] == CO_NAME ? "name" :
			    need[i] == CO_BANK ? "bank" : "bank account",
			    company_keys[need[i]], c->path ? "" :
			    " to a file given with --company FILE");
}

void
company_free(struct company *c)
{
	for (int i = 0; i < CO_NKEYS; i++)
		free(c->v[i]);
	memset(c, 0, sizeof(*c));
}
