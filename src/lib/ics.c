/* ics.c - RFC 5545 content lines: CRLF ends, TEXT escaped (3.3.11), lines
 * folded at 75 octets (3.1) without splitting a UTF-8 character. */
#include <string.h>

#include "date.h"
#include "ics.h"
#include "utf8.h"

/* One content line NAME:VALUE (VALUE already escaped), folded. */
static void
line(struct obuf *o, const char *name, const char *value, size_t n)
{
	size_t col = strlen(name) + 1, i = 0;

	ob_puts(o, name);
	ob_putc(o, ':');
	while (i < n) {
		size_t k = 1;
		if ((unsigned char)value[i] >= 0x80) {
			k = utf8_seqlen((const unsigned char *)value + i, n - i);
			if (k == 0)
				k = 1;
		}
		if (col + k > 75) {
			ob_write(o, "\r\n ", 3);	/* fold: CRLF and one space */
			col = 1;
		}
		ob_write(o, value + i, k);
		col += k;
		i += k;
	}
	ob_write(o, "\r\n", 2);
}

/* TEXT: backslash, semicolon, comma escaped; a newline as \n. */
static size_t
escape(char *dst, size_t cap, const char *s)
{
	size_t o = 0;

	for (; *s && o + 3 < cap; s++) {
		if (*s == '\\' || *s == ';' || *s == ',') {
			dst[o++] = '\\';
			dst[o++] = *s;
		} else if (*s == '\n') {
			dst[o++] = '\\';
			dst[o++] = 'n';
		} else if (*s != '\r')
			dst[o++] = *s;
	}
	dst[o] = '\0';
	return o;
}

static void
text(struct obuf *o, const char *name, const char *s)
{
	char buf[4096];
	size_t n = escape(buf, sizeof(buf), s);

	line(o, name, buf, n);
}

void
ics_begin(struct obuf *o, const char *prodid)
{
	ob_puts(o, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n");
	line(o, "PRODID", prodid, strlen(prodid));
	ob_puts(o, "CALSCALE:GREGORIAN\r\nMETHOD:PUBLISH\r\n");
}

static void
ymd(char *buf, int32_t d)
{
	char iso[16];

	date_format(iso, d);
	memcpy(buf, iso, 4);
	memcpy(buf + 4, iso + 5, 2);
	memcpy(buf + 6, iso + 8, 2);
	buf[8] = '\0';
}

void
ics_event(struct obuf *o, const char *uid, int32_t date, int32_t stamp,
    const char *summary, const char *description, const char *categories)
{
	char d[16], e[16], st[32];

	ymd(d, date);
	ymd(e, date + 1);	/* DTEND is exclusive */
	ymd(st, stamp);
	strcat(st, "T000000Z");
	ob_puts(o, "BEGIN:VEVENT\r\n");
	line(o, "UID", uid, strlen(uid));
	line(o, "DTSTAMP", st, strlen(st));
	line(o, "DTSTART;VALUE=DATE", d, strlen(d));
	line(o, "DTEND;VALUE=DATE", e, strlen(e));
	text(o, "SUMMARY", summary);
	if (description && *description)
		text(o, "DESCRIPTION", description);
	if (categories && *categories)
		text(o, "CATEGORIES", categories);
	ob_puts(o, "TRANSP:TRANSPARENT\r\nEND:VEVENT\r\n");
}

void
ics_end(struct obuf *o)
{
	ob_puts(o, "END:VCALENDAR\r\n");
}
