/* docw.c - Markdown pages out as Markdown or print-ready HTML. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "docw.h"
#include "err.h"

/* A4, a page per document; fonts named with fallbacks: Noto Sans CJK
 * (Debian's fonts-noto-cjk) first, then what other systems have. */
static const char css[] =
    "@page { size: A4; margin: 18mm 16mm 18mm 16mm; }\n"
    "body { font-family: \"Noto Sans CJK SC\", \"Noto Sans SC\", "
    "\"Source Han Sans SC\", \"PingFang SC\", \"Hiragino Sans GB\", "
    "\"Microsoft YaHei\", \"WenQuanYi Micro Hei\", \"Noto Sans\", "
    "\"DejaVu Sans\", sans-serif; font-size: 10.5pt; line-height: 1.45; "
    "color: #000; margin: 0; }\n"
    "section.page { break-after: page; page-break-after: always; }\n"
    "section.page:last-child { break-after: auto; "
    "page-break-after: auto; }\n"
    "h1 { font-size: 16pt; text-align: center; margin: 0 0 10pt; }\n"
    "h2 { font-size: 12pt; margin: 12pt 0 4pt; }\n"
    "h3 { font-size: 10.5pt; margin: 8pt 0 4pt; }\n"
    "p { margin: 4pt 0; }\n"
    "table { border-collapse: collapse; width: 100%; margin: 4pt 0; "
    "page-break-inside: auto; }\n"
    "tr { page-break-inside: avoid; }\n"
    "th, td { border: 0.5pt solid #555; padding: 2pt 4pt; "
    "vertical-align: top; }\n"
    "th { background: #eee; }\n"
    "td.r, th.r { text-align: right; white-space: nowrap; }\n"
    "hr { border: 0; border-top: 1pt dashed #000; margin: 12pt 0; }\n";

void
docw_open(struct docw *d, int html, int zh, const char *title)
{
	memset(d, 0, sizeof(*d));
	d->html = html;
	d->zh = zh;
	ob_init(&d->ob, 1, out_name);
	if (!html)
		return;
	ob_puts(&d->ob, "<!DOCTYPE html>\n<html lang=\"");
	ob_puts(&d->ob, zh ? "zh-CN" : "en");
	ob_puts(&d->ob, "\">\n<head>\n<meta charset=\"utf-8\">\n<title>");
	docw_html(&d->ob, title, strlen(title));
	ob_puts(&d->ob, "</title>\n<style>\n");
	ob_puts(&d->ob, css);
	ob_puts(&d->ob, "</style>\n</head>\n<body>\n");
}

/* Markdown's backslash escapes (docw_md_escape's): the next byte is
 * text. */
static int
escaped(const char *p, size_t i, size_t n)
{
	return p[i] == '\\' && i + 1 < n && strchr(MD_SPECIAL, p[i + 1]) &&
	    p[i + 1] != '\0';
}

/* Text with HTML's five characters escaped, control bytes as \xNN, and
 * **bold**. */
static void
text(struct obuf *o, const char *p, size_t n)
{
	int bold = 0;

	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)p[i];
		int lit = escaped(p, i, n);
		if (lit)
			c = (unsigned char)p[++i];
		if (!lit && c == '*' && i + 1 < n && p[i + 1] == '*') {
			ob_puts(o, bold ? "</strong>" : "<strong>");
			bold = !bold;
			i++;
		} else if (c == '&')
			ob_puts(o, "&amp;");
		else if (c == '<')
			ob_puts(o, "&lt;");
		else if (c == '>')
			ob_puts(o, "&gt;");
		else if (c == '"')
			ob_puts(o, "&quot;");
		else if (c < 0x20 || c == 0x7f) {
			char b[8];
			snprintf(b, sizeof(b), "\\x%02X", c);
			ob_puts(o, b);
		} else
			ob_putc(o, (char)c);
	}
	if (bold)
		ob_puts(o, "</strong>");
}

/* The cells of a table row "| a | b |", trimmed, into CP/CN. */
static int
cells(const char *p, size_t n, const char **cp, size_t *cn, int max)
{
	int k = 0;
	size_t i = 0;

	if (n > 0 && p[0] == '|')
		i = 1;
	while (i < n && k < max) {
		size_t j = i;
		while (j < n && p[j] != '|')
			j += escaped(p, j, n) ? 2 : 1;
		if (j > n)
			j = n;
		if (j == n && j == i)
			break;
		size_t a = i, b = j;
		while (a < b && p[a] == ' ')
			a++;
		while (b > a && p[b - 1] == ' ')
			b--;
		cp[k] = p + a;
		cn[k++] = b - a;
		if (j == n)
			break;
		i = j + 1;
		if (i == n)
			break;
	}
	return k;
}

#define MAXCOL 16

static void
table(struct obuf *o, const char **ln, const size_t *lnn, int nl)
{
	const char *cp[MAXCOL];
	size_t cn[MAXCOL];
	int right[MAXCOL] = { 0 };
	int sep = nl >= 2 && lnn[1] > 1 && ln[1][1] == '-';

	if (sep) {
		int k = cells(ln[1], lnn[1], cp, cn, MAXCOL);
		for (int c = 0; c < k; c++)
			right[c] = cn[c] > 0 && cp[c][cn[c] - 1] == ':';
	}
	ob_puts(o, "<table>\n");
	for (int r = 0; r < nl; r++) {
		int k, head = r == 0 && sep;
		if (r == 1 && sep)
			continue;	/* the alignment row */
		k = cells(ln[r], lnn[r], cp, cn, MAXCOL);
		ob_puts(o, "<tr>");
		for (int c = 0; c < k; c++) {
			ob_puts(o, head ? "<th" : "<td");
			ob_puts(o, right[c] ? " class=\"r\">" : ">");
			text(o, cp[c], cn[c]);
			ob_puts(o, head ? "</th>" : "</td>");
		}
		ob_puts(o, "</tr>\n");
	}
	ob_puts(o, "</table>\n");
}

void
docw_html(struct obuf *o, const char *md, size_t n)
{
	const char **ln;
	size_t *lnn, cap = 1;
	int nl = 0;
	size_t i = 0;

	/* (a title or a cell: no line end, one line of text) */
	if (memchr(md, '\n', n) == NULL) {
		text(o, md, n);
		return;
	}
	for (size_t j = 0; j < n; j++)
		cap += md[j] == '\n';
	ln = xcalloc(cap, sizeof(*ln));
	lnn = xcalloc(cap, sizeof(*lnn));
	while (i < n && (size_t)nl < cap) {
		const char *e = memchr(md + i, '\n', n - i);
		size_t len = e ? (size_t)(e - (md + i)) : n - i;
		ln[nl] = md + i;
		lnn[nl++] = len;
		i += len + 1;
	}
	for (int k = 0; k < nl;) {
		const char *p = ln[k];
		size_t len = lnn[k];
		if (len == 0) {
			k++;
		} else if (p[0] == '#') {
			int h = 0;
			char tag[16];
			while (h < (int)len && p[h] == '#')
				h++;
			snprintf(tag, sizeof(tag), "h%d", h > 3 ? 3 : h);
			ob_puts(o, "<");
			ob_puts(o, tag);
			ob_puts(o, ">");
			while (h < (int)len && p[h] == ' ')
				h++;
			text(o, p + h, len - (size_t)h);
			ob_puts(o, "</");
			ob_puts(o, tag);
			ob_puts(o, ">\n");
			k++;
		} else if (len == 3 && memcmp(p, "---", 3) == 0) {
			ob_puts(o, "<hr>\n");
			k++;
		} else if (p[0] == '|') {
			int j = k;
			while (j < nl && lnn[j] > 0 && ln[j][0] == '|')
				j++;
			table(o, ln + k, lnn + k, j - k);
			k = j;
		} else if (len >= 2 && p[0] == '-' && p[1] == ' ') {
			ob_puts(o, "<ul>\n");
			while (k < nl && lnn[k] >= 2 && ln[k][0] == '-' &&
			    ln[k][1] == ' ') {
				ob_puts(o, "<li>");
				text(o, ln[k] + 2, lnn[k] - 2);
				ob_puts(o, "</li>\n");
				k++;
			}
			ob_puts(o, "</ul>\n");
		} else {
			ob_puts(o, "<p>");
			for (int first = 1; k < nl && lnn[k] > 0 && ln[k][0] !=
			    '#' && ln[k][0] != '|' && !(lnn[k] == 3 &&
			    memcmp(ln[k], "---", 3) == 0) && !(lnn[k] >= 2 &&
			    ln[k][0] == '-' && ln[k][1] == ' '); k++, first = 0) {
				if (!first)
					ob_puts(o, "<br>\n");
				text(o, ln[k], lnn[k]);
			}
			ob_puts(o, "</p>\n");
		}
	}
	free(ln);
	free(lnn);
}

void
docw_page(struct docw *d, const char *md, size_t n)
{
	if (!d->html) {
		if (d->pages > 0)
			ob_puts(&d->ob, "\n");
		for (size_t i = 0; i < n; i++) {
			unsigned char c = (unsigned char)md[i];
			if ((c < 0x20 && c != '\n') || c == 0x7f) {
				char b[8];	/* SPEC 1.9 */
				snprintf(b, sizeof(b), "\\x%02X", c);
				ob_puts(&d->ob, b);
			} else
				ob_putc(&d->ob, (char)c);
		}
	} else {
		ob_puts(&d->ob, "<section class=\"page\">\n");
		docw_html(&d->ob, md, n);
		ob_puts(&d->ob, "</section>\n");
	}
	d->pages++;
}

void
docw_flush(struct docw *d)
{
	ob_flush(&d->ob);
}

void
docw_close(struct docw *d)
{
	if (d->html)
		ob_puts(&d->ob, "</body>\n</html>\n");
	ob_flush(&d->ob);
	free(d->ob.b);
}

char *
docw_md_escape(const char *s, size_t n)
{
	char *e = xmalloc(2 * n + 1), *q = e;

	for (size_t i = 0; i < n; i++) {
		if (s[i] != '\0' && strchr(MD_SPECIAL, s[i]))
			*q++ = '\\';
		*q++ = s[i];
	}
	*q = '\0';
	return e;
}
