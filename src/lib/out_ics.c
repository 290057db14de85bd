/* out_ics.c - -o ics (SPEC 5.1, RFC 5545): one all-day VEVENT per row of
 * a worklist, from the row's fields by name: date (DTSTART), action,
 * customer, invoice and currency (a UID that stays the same when the same
 * action is planned again from another day), the money the row asks for,
 * owner, cc, style, days overdue, priority and note (the description),
 * channel (CATEGORIES). Content lines end in CRLF and are folded at 75
 * octets without splitting a UTF-8 character; TEXT is escaped (3.3.11)
 * and carries no control character. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "err.h"
#include "grp.h"
#include "out_impl.h"
#include "utf8.h"

/* One content line NAME:VALUE (VALUE escaped), folded. */
static void
line(struct obuf *o, const char *name, const char *value, size_t n)
{
	size_t col = strlen(name) + 1, i = 0;

	ob_puts(o, name);
	ob_putc(o, ':');
	while (i < n) {
		size_t k = utf8_seqlen((const unsigned char *)value + i, n - i);
		if (k == 0)
			k = 1;
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

/* TEXT: backslash, semicolon, comma escaped, a newline as \n; control
 * characters (C0, DEL, C1) and invalid bytes left out. */
static void
text(struct obuf *o, const char *name, const char *s, size_t n)
{
	char *e = xmalloc(2 * n + 1);
	size_t k = 0;

	for (size_t i = 0; i < n;) {
		unsigned cp;
		size_t len = utf8_seqlen((const unsigned char *)s + i, n - i);
		if (len == 0) {
			i++;
			continue;
		}
		utf8_decode((const unsigned char *)s + i, len, &cp);
		if (cp == '\\' || cp == ';' || cp == ',') {
			e[k++] = '\\';
			e[k++] = (char)cp;
		} else if (cp == '\n') {
			e[k++] = '\\';
			e[k++] = 'n';
		} else if (!(cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp <= 0x9f))) {
			memcpy(e + k, s + i, len);
			k += len;
		}
		i += len;
	}
	line(o, name, e, k);
	free(e);
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
ics_start(struct writer *w)
{
	ob_puts(&w->ob, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n");
	{
		char id[96];
		size_t n = (size_t)snprintf(id, sizeof(id), "-//arkit//%s//EN",
		    progname);
		line(&w->ob, "PRODID", id, n < sizeof(id) ? n : sizeof(id) - 1);
	}
	ob_puts(&w->ob, "CALSCALE:GREGORIAN\r\nMETHOD:PUBLISH\r\n");
}

/* The text of the row's field NAME for a person (the vocabulary's word),
 * or NULL when the row has no such field or it is blank: malloc'd. */
static char *
field(const struct writer *w, const struct rec *in, const struct cell *cells,
    const char *name, size_t *n)
{
	for (size_t i = 0; i < w->nplan; i++)
		if (strcmp(w_col_name(w, &w->plan[i]), name) == 0) {
			char *s = w_people_text(w, &w->plan[i], in, cells, n);
			if (*n == 0) {
				free(s);
				return NULL;
			}
			return s;
		}
	return NULL;
}

/* The raw text (the code) of field NAME, for the UID. */
static const char *
code(const struct writer *w, const struct rec *in, const struct cell *cells,
    const char *name, char *buf, size_t *n)
{
	for (size_t i = 0; i < w->nplan; i++)
		if (strcmp(w_col_name(w, &w->plan[i]), name) == 0)
			return w_col_text(w, &w->plan[i], in, cells, buf, n, 0);
	*n = 0;
	return "";
}

void
ics_row(struct writer *w, const struct rec *in, const struct cell *cells)
{
	static const char *const uidf[] = { "customer", "invoice", "currency",
	    "action", "date" };
	static const struct {
		const char *field, *en, *zh;
	} desc[] = {
		{ "note", "", "" },
		{ "owner", "owner: ", "负责人：" },
		{ "cc", "cc: ", "协同：" },
		{ "style", "style: ", "话术：" },
		{ "days_overdue", "days overdue: ", "逾期天数：" },
		{ "deadline", "deadline: ", "最后期限：" },
		{ "invoices", "invoices: ", "发票：" },
		{ "priority", "priority: ", "优先级：" },
	};
	struct obuf *o = &w->ob;
	struct key k = { NULL, 0, 0 };
	char buf[CELL_BUFSZ], d[16], e[16], uid[96], *s, *t;
	size_t n, m, dn;
	int32_t day;
	int zh = w->lang == LANG_ZH;
	const char *p;

	p = code(w, in, cells, "date", buf, &dn);
	if (date_parse(p, dn, &day) != 0)
		return;		/* no date: no event (dun-plan rows all have one) */
	for (size_t i = 0; i < sizeof(uidf) / sizeof(uidf[0]); i++) {
		p = code(w, in, cells, uidf[i], buf, &n);
		key_add(&k, p, n);
	}
	ymd(d, day);
	snprintf(uid, sizeof(uid), "%016llx-%.4s-%.2s-%.2s@arkit.%s",
	    (unsigned long long)grp_hash(k.p, k.n), d, d + 4, d + 6, progname);
	free(k.p);
	ob_puts(o, "BEGIN:VEVENT\r\n");
	line(o, "UID", uid, strlen(uid));
	{
		char st[32];
		snprintf(st, sizeof(st), "%sT000000Z", d);	/* the row's day */
		line(o, "DTSTAMP", st, strlen(st));
	}
	line(o, "DTSTART;VALUE=DATE", d, 8);
	if (day < date_from_civil(9999, 12, 31)) {	/* else one day by default */
		ymd(e, day + 1);
		line(o, "DTEND;VALUE=DATE", e, 8);
	}
	/* SUMMARY: the action, the customer, what the row asks for */
	{
		char *act, *cust, *amt;
		n = m = dn = 0;	/* (field() leaves them alone for a missing field) */
		act = field(w, in, cells, "action", &n);
		cust = field(w, in, cells, "customer", &m);
		amt = field(w, in, cells, "net_overdue", &dn);
		char *cur;
		size_t cn = 0, len;
		if (amt == NULL || strcmp(amt, "0.00") == 0 || strcmp(amt, "0") == 0) {
			free(amt);
			amt = field(w, in, cells, "open", &dn);
		}
		cur = field(w, in, cells, "currency", &cn);
		len = n + m + dn + cn + 8;
		s = xmalloc(len);
		snprintf(s, len, "%s: %s%s%s%s%s", act ? act : "", cust ? cust : "",
		    amt ? " " : "", amt ? amt : "", cur && amt ? " " : "",
		    cur && amt ? cur : "");
		text(o, "SUMMARY", s, strlen(s));
		free(s);
		free(act);
		free(cust);
		free(amt);
		free(cur);
	}
	/* DESCRIPTION: one line per field the row has */
	{
		size_t cap = 256, len = 0;
		s = xmalloc(cap);
		s[0] = '\0';
		for (size_t i = 0; i < sizeof(desc) / sizeof(desc[0]); i++) {
			const char *label = zh ? desc[i].zh : desc[i].en;
			if ((t = field(w, in, cells, desc[i].field, &n)) == NULL)
				continue;
			while (len + n + strlen(label) + 2 > cap) {
				cap *= 2;
				s = xrealloc(s, cap);
			}
			len += (size_t)snprintf(s + len, cap - len, "%s%s%s",
			    len ? "\n" : "", label, t);
			free(t);
		}
		if (len)
			text(o, "DESCRIPTION", s, len);
		free(s);
	}
	if ((t = field(w, in, cells, "channel", &n)) != NULL) {
		text(o, "CATEGORIES", t, n);
		free(t);
	}
	ob_puts(o, "TRANSP:TRANSPARENT\r\nEND:VEVENT\r\n");
}

void
ics_close(struct writer *w)
{
	ob_puts(&w->ob, "END:VCALENDAR\r\n");
}
