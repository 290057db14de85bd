/* docw.h - documents for people (letters, statements, agreements): pages
 * of Markdown, written as Markdown (-o md, pastes into an email) or as
 * print-ready HTML (-o html: A4, a page break per page, a CJK font stack
 * with fallbacks, so that a browser's print to PDF keeps Chinese text).
 *
 * The Markdown a page may hold, and its HTML: "# ", "## ", "### "
 * headings; paragraphs (lines up to a blank line); "- " list items;
 * tables ("| a | b |" rows, the second "|---|---:|" giving right-aligned
 * columns); "---" a rule (the cut line of a reply slip); "**bold**";
 * a backslash before one of MD_SPECIAL. Everything else is text,
 * escaped; control characters are shown as \xNN in both (SPEC 1.9). */
#ifndef DOCW_H
#define DOCW_H

#include <stddef.h>

#include "out.h"

struct docw {
	int html, zh, pages;
	struct obuf ob;
};

/* Start the output on standard output; TITLE names the HTML document. */
void docw_open(struct docw *d, int html, int zh, const char *title);
/* One page (one customer's document). */
void docw_page(struct docw *d, const char *md, size_t n);
/* Flush what is buffered (before --strict ends the tool). */
void docw_flush(struct docw *d);
void docw_close(struct docw *d);
/* The bytes of data that Markdown would read as markup, and
 * docw_md_escape's copy of S with each of them backslash-escaped (so a
 * customer named "A|B" stays in its table cell), to free(); the HTML
 * shows them as they were. */
#define MD_SPECIAL "\\|*_`[]<>"
char *docw_md_escape(const char *s, size_t n);
/* Markdown to HTML body text into O (for tests). */
void docw_html(struct obuf *o, const char *md, size_t n);

#endif
