/* xlsx.c - an .xlsx workbook read as rows (SPEC 2.1), streamed: libzip
 * inflates the parts as they are read, libxml2's xmlReader walks them
 * element by element (no tree), and each sheet row becomes one TSV line
 * of a temporary file, so that line N is sheet row N. Shared strings are
 * held in memory (cells refer to them by number); nothing else is.
 * Numbers keep their decimal text (Excel writes the shortest text that
 * reads back as its double): no double is ever made of money. */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <libxml/xmlreader.h>
#include <zip.h>

#include "date.h"
#include "err.h"
#include "xlsx.h"

#define MAX_COLS 16384		/* XFD, Excel's last column */
#define MAX_ROWS 1048576	/* Excel's last row */
#define MAX_PART ((zip_uint64_t)1 << 31)	/* inflated bytes of a part */

const char *xlsx_sheet;
int xlsx_seen;

struct buf {
	char *p;
	size_t n, cap;
};

static void
buf_add(struct buf *b, const char *s, size_t n)
{
	if (b->n + n + 1 > b->cap) {
		while (b->n + n + 1 > b->cap)
			b->cap = b->cap ? 2 * b->cap : 256;
		b->p = xrealloc(b->p, b->cap);
	}
	memcpy(b->p + b->n, s, n);
	b->n += n;
	b->p[b->n] = '\0';
}

/* What one conversion holds. */
struct book {
	zip_t *za;
	char *err;		/* the first error */
	size_t errlen;
	int failed;
	/* shared strings */
	char **sst;
	size_t *sstlen;
	size_t nsst, capsst;
	/* cell styles (cellXfs): is each a date? */
	unsigned char *datexf;
	size_t nxf;
	int date1904;
	/* the output */
	int out;
	char obuf[65536];
	size_t on;
};

static void
fail(struct book *b, const char *fmt, ...)
{
	va_list ap;

	if (b->failed)
		return;
	b->failed = 1;
	va_start(ap, fmt);
	vsnprintf(b->err, b->errlen, fmt, ap);
	va_end(ap);
}

/* ---- reading a part: libzip under xmlReader ---- */

struct part {
	zip_file_t *zf;
	zip_uint64_t got;
};

static int
part_read(void *ctx, char *dst, int len)
{
	struct part *pt = ctx;
	zip_int64_t k;

	if (pt->got >= MAX_PART)
		return -1;
	k = zip_fread(pt->zf, dst, (zip_uint64_t)len);
	if (k < 0)
		return -1;
	pt->got += (zip_uint64_t)k;
	return (int)k;
}

static int
part_close(void *ctx)
{
	(void)ctx;
	return 0;
}

/* libxml2 says nothing on stderr: the first error is kept. */
static void
xml_error(void *arg, const char *msg, xmlParserSeverities sev,
    xmlTextReaderLocatorPtr loc)
{
	struct book *b = arg;
	char m[200];
	size_t n;

	(void)loc;
	if (sev != XML_PARSER_SEVERITY_ERROR &&
	    sev != XML_PARSER_SEVERITY_VALIDITY_ERROR)
		return;
	snprintf(m, sizeof(m), "%s", msg);
	n = strlen(m);
	while (n > 0 && (m[n - 1] == '\n' || m[n - 1] == ' '))
		m[--n] = '\0';
	fail(b, "damaged XML: %s", m);
}

/* An xmlReader over the part NAME, or NULL (MUST: say so). */
static xmlTextReaderPtr
open_part(struct book *b, const char *name, struct part *pt, int must)
{
	xmlTextReaderPtr r;

	pt->got = 0;
	pt->zf = zip_fopen(b->za, name, 0);
	if (pt->zf == NULL) {
		if (must)
			fail(b, "no %s in the workbook", name);
		return NULL;
	}
	r = xmlReaderForIO(part_read, part_close, pt, name, NULL,
	    XML_PARSE_NONET | XML_PARSE_NOWARNING | XML_PARSE_NOERROR);
	if (r == NULL) {
		zip_fclose(pt->zf);
		fail(b, "cannot read %s", name);
		return NULL;
	}
	xmlTextReaderSetErrorHandler(r, xml_error, b);
	return r;
}

static void
close_part(xmlTextReaderPtr r, struct part *pt)
{
	xmlFreeTextReader(r);
	zip_fclose(pt->zf);
}

static int
is(xmlTextReaderPtr r, const char *name)
{
	const xmlChar *n = xmlTextReaderConstLocalName(r);

	return n != NULL && strcmp((const char *)n, name) == 0;
}

/* An attribute's value (its local name, any prefix), or NULL; free it. */
static char *
attr(xmlTextReaderPtr r, const char *name)
{
	char *v = NULL;

	if (xmlTextReaderMoveToFirstAttribute(r) != 1)
		return NULL;
	do {
		if (is(r, name)) {
			xmlChar *x = xmlTextReaderValue(r);
			if (x != NULL) {
				v = xstrdup((const char *)x);
				xmlFree(x);
			}
			break;
		}
	} while (xmlTextReaderMoveToNextAttribute(r) == 1);
	xmlTextReaderMoveToElement(r);
	return v;
}

static int
text_node(int type)
{
	return type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_CDATA ||
	    type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE ||
	    type == XML_READER_TYPE_WHITESPACE;
}

/* ---- the workbook: which part is the sheet ---- */

/* The sheet's part (xl/worksheets/sheet1.xml), or NULL. */
static char *
sheet_part(struct book *b, const char *want)
{
	struct part pt;
	xmlTextReaderPtr r;
	char *rid = NULL, *target = NULL, *path;
	char names[512] = "";
	size_t no = 0;

	if ((r = open_part(b, "xl/workbook.xml", &pt, 1)) == NULL)
		return NULL;
	while (rid == NULL && xmlTextReaderRead(r) == 1) {
		if (xmlTextReaderNodeType(r) != XML_READER_TYPE_ELEMENT)
			continue;
		if (is(r, "workbookPr")) {
			char *d = attr(r, "date1904");
			b->date1904 = d != NULL && (strcmp(d, "1") == 0 ||
			    strcmp(d, "true") == 0);
			free(d);
		} else if (is(r, "sheet")) {
			char *name = attr(r, "name");
			if (name != NULL && no < sizeof(names) - 80)
				no += (size_t)snprintf(names + no, sizeof(names) - no,
				    "%s\"%.60s\"", no ? ", " : "", name);
			if (want == NULL || (name != NULL && strcmp(name, want) == 0))
				rid = attr(r, "id");
			free(name);
		}
	}
	close_part(r, &pt);
	if (rid == NULL) {
		if (want != NULL)
			fail(b, "no sheet \"%.60s\" (it has: %s)", want, names);
		else
			fail(b, "no sheet in the workbook");
		return NULL;
	}
	if ((r = open_part(b, "xl/_rels/workbook.xml.rels", &pt, 1)) == NULL) {
		free(rid);
		return NULL;
	}
	while (target == NULL && xmlTextReaderRead(r) == 1) {
		char *id;
		if (xmlTextReaderNodeType(r) != XML_READER_TYPE_ELEMENT ||
		    !is(r, "Relationship"))
			continue;
		id = attr(r, "Id");
		if (id != NULL && strcmp(id, rid) == 0)
			target = attr(r, "Target");
		free(id);
	}
	close_part(r, &pt);
	free(rid);
	if (target == NULL) {
		fail(b, "the sheet's part is not named in the workbook");
		return NULL;
	}
	/* relative to xl/, or absolute in the package */
	path = xmalloc(strlen(target) + 4);
	if (target[0] == '/')
		strcpy(path, target + 1);
	else
		sprintf(path, "xl/%s", target);
	free(target);
	return path;
}

/* ---- shared strings and styles ---- */

static void
sst_add(struct book *b, const struct buf *t)
{
	if (b->nsst == b->capsst) {
		b->capsst = b->capsst ? 2 * b->capsst : 256;
		b->sst = xrealloc(b->sst, b->capsst * sizeof(*b->sst));
		b->sstlen = xrealloc(b->sstlen, b->capsst * sizeof(*b->sstlen));
	}
	b->sst[b->nsst] = xmalloc(t->n + 1);
	if (t->n > 0)
		memcpy(b->sst[b->nsst], t->p, t->n);
	b->sst[b->nsst][t->n] = '\0';
	b->sstlen[b->nsst] = t->n;
	b->nsst++;
}

/* <si><t>text</t></si>, or rich text <si><r><t>a</t></r>...</si>; the
 * phonetic runs (<rPh>) are no part of the text. */
static void
read_sst(struct book *b)
{
	struct part pt;
	xmlTextReaderPtr r;
	struct buf t = { NULL, 0, 0 };
	int in_si = 0, in_t = 0, in_ph = 0;

	if ((r = open_part(b, "xl/sharedStrings.xml", &pt, 0)) == NULL)
		return;
	while (xmlTextReaderRead(r) == 1) {
		int type = xmlTextReaderNodeType(r);
		if (type == XML_READER_TYPE_ELEMENT) {
			int empty = xmlTextReaderIsEmptyElement(r);
			if (is(r, "si")) {
				in_si = 1;
				t.n = 0;
				if (empty) {
					sst_add(b, &t);
					in_si = 0;
				}
			} else if (is(r, "rPh") && !empty)
				in_ph = 1;
			else if (is(r, "t") && in_si && !in_ph && !empty)
				in_t = 1;
		} else if (type == XML_READER_TYPE_END_ELEMENT) {
			if (is(r, "si") && in_si) {
				sst_add(b, &t);
				in_si = 0;
			} else if (is(r, "rPh"))
				in_ph = 0;
			else if (is(r, "t"))
				in_t = 0;
		} else if (in_t && text_node(type)) {
			const xmlChar *v = xmlTextReaderConstValue(r);
			if (v != NULL)
				buf_add(&t, (const char *)v, strlen((const char *)v));
		}
	}
	close_part(r, &pt);
	free(t.p);
}

/* Excel's built-in date formats: 14-17, 22, and the East Asian ones. */
static int
builtin_date(long id)
{
	return (id >= 14 && id <= 17) || id == 22 || (id >= 27 && id <= 36) ||
	    (id >= 50 && id <= 58);
}

/* A custom number format shows a date when it has d or y outside quotes,
 * brackets ([Red], [$-409]) and escapes. */
static int
format_is_date(const char *f)
{
	int q = 0, br = 0;

	for (; *f; f++) {
		if (*f == '\\' && f[1]) {
			f++;
			continue;
		}
		if (*f == '"')
			q = !q;
		else if (!q && *f == '[')
			br = 1;
		else if (!q && *f == ']')
			br = 0;
		else if (!q && !br && (*f == 'd' || *f == 'D' || *f == 'y' ||
		    *f == 'Y'))
			return 1;
	}
	return 0;
}

#define MAXFMT 512

static void
read_styles(struct book *b)
{
	struct part pt;
	xmlTextReaderPtr r;
	long custom[MAXFMT];
	unsigned char cdate[MAXFMT];
	size_t ncustom = 0, capxf = 0;
	int in_xfs = 0;

	if ((r = open_part(b, "xl/styles.xml", &pt, 0)) == NULL)
		return;
	while (xmlTextReaderRead(r) == 1) {
		int type = xmlTextReaderNodeType(r);
		if (type == XML_READER_TYPE_END_ELEMENT && is(r, "cellXfs"))
			in_xfs = 0;
		if (type != XML_READER_TYPE_ELEMENT)
			continue;
		if (is(r, "numFmt") && ncustom < MAXFMT) {
			char *id = attr(r, "numFmtId"), *code = attr(r, "formatCode");
			if (id != NULL && code != NULL) {
				custom[ncustom] = strtol(id, NULL, 10);
				cdate[ncustom++] = (unsigned char)format_is_date(code);
			}
			free(id);
			free(code);
		} else if (is(r, "cellXfs"))
			in_xfs = !xmlTextReaderIsEmptyElement(r);
		else if (is(r, "xf") && in_xfs) {
			char *id = attr(r, "numFmtId");
			long n = id ? strtol(id, NULL, 10) : 0;
			int date = builtin_date(n);
			for (size_t i = 0; i < ncustom; i++)
				if (custom[i] == n)
					date = cdate[i];
			free(id);
			if (b->nxf == capxf) {
				capxf = capxf ? 2 * capxf : 64;
				b->datexf = xrealloc(b->datexf, capxf);
			}
			b->datexf[b->nxf++] = (unsigned char)date;
		}
	}
	close_part(r, &pt);
}

/* ---- values ---- */

/* A number's text made plain: no exponent, at most 15 significant digits
 * (what Excel shows: 0.30000000000000004 is 0.3), by decimal digits alone.
 * OUT holds 400 bytes. Returns 0, or -1 for no number (then it is kept). */
static int
plain_number(const char *s, char *out)
{
	char dig[320];
	int nd = 0, ip = 0, point = 0, neg = 0, k;
	const char *p = s;
	char *o = out;

	/* the value is 0.DIG x 10^IP */
	if (*p == '-' || *p == '+')
		neg = *p++ == '-';
	for (; (*p >= '0' && *p <= '9') || (*p == '.' && !point); p++) {
		if (*p == '.') {
			point = 1;
			continue;
		}
		if (nd == (int)sizeof(dig))
			return -1;
		dig[nd++] = *p;
		ip += !point;
	}
	if (nd == 0)
		return -1;
	if (*p == 'e' || *p == 'E') {
		char *e;
		long x = strtol(p + 1, &e, 10);
		if (e == p + 1 || *e || x > 300 || x < -300)
			return -1;
		ip += (int)x;
	} else if (*p)
		return -1;
	for (k = 0; k < nd && dig[k] == '0'; k++)
		ip--;
	memmove(dig, dig + k, (size_t)(nd - k));
	nd -= k;
	if (nd > 15) {	/* half up, on the sixteenth digit */
		int carry = dig[15] >= '5';
		nd = 15;
		for (int i = 14; i >= 0 && carry; i--) {
			if (dig[i] == '9')
				dig[i] = '0';
			else {
				dig[i]++;
				carry = 0;
			}
		}
		if (carry) {
			dig[0] = '1';
			for (int i = 1; i < 15; i++)
				dig[i] = '0';
			ip++;
		}
	}
	while (nd > 0 && dig[nd - 1] == '0')
		nd--;
	if (nd == 0) {
		strcpy(out, "0");
		return 0;
	}
	if (ip > 40 || ip < -40)
		return -1;
	if (neg)
		*o++ = '-';
	if (ip <= 0) {
		*o++ = '0';
		*o++ = '.';
		for (int i = 0; i < -ip; i++)
			*o++ = '0';
		memcpy(o, dig, (size_t)nd);
		o += nd;
	} else {
		for (int i = 0; i < ip; i++)
			*o++ = i < nd ? dig[i] : '0';
		if (nd > ip) {
			*o++ = '.';
			memcpy(o, dig + ip, (size_t)(nd - ip));
			o += nd - ip;
		}
	}
	*o = '\0';
	return 0;
}

/* A serial day (its integer part) as YYYY-MM-DD: 1 is 1900-01-01, 60
 * Lotus's phantom 1900-02-29; 1904 workbooks count from 1904-01-01. */
static int
serial_date(struct book *b, const char *s, char *out)
{
	long v = 0;
	const char *p = s;

	if (*p < '0' || *p > '9')
		return -1;
	while (*p >= '0' && *p <= '9') {
		v = v * 10 + (*p++ - '0');
		if (v > 2958465)
			return -1;
	}
	if (*p == '.') {
		p++;
		while (*p >= '0' && *p <= '9')
			p++;
	}
	if (*p || (!b->date1904 && (v < 1 || v == 60)))
		return -1;
	{
		int32_t d = b->date1904 ? date_from_civil(1904, 1, 1) + (int32_t)v :
		    date_from_civil(1899, 12, v < 60 ? 31 : 30) + (int32_t)v;
		size_t n = date_format(out, d);
		out[n] = '\0';
	}
	return 0;
}

/* ---- the output: TSV (\t \n \r \\ escaped) ---- */

static void
out_flush(struct book *b)
{
	const char *p = b->obuf;

	while (b->on > 0 && !b->failed) {
		ssize_t k = write(b->out, p, b->on);
		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0) {
			fail(b, "temporary file: %s", strerror(errno));
			break;
		}
		p += k;
		b->on -= (size_t)k;
	}
	b->on = 0;
}

static void
out_bytes(struct book *b, const char *s, size_t n)
{
	while (n > 0) {
		size_t k = sizeof(b->obuf) - b->on;
		if (k > n)
			k = n;
		memcpy(b->obuf + b->on, s, k);
		b->on += k;
		s += k;
		n -= k;
		if (b->on == sizeof(b->obuf))
			out_flush(b);
	}
}

static void
out_cell(struct book *b, const char *s, size_t n)
{
	size_t start = 0;

	for (size_t i = 0; i < n; i++) {
		const char *e = s[i] == '\t' ? "\\t" : s[i] == '\n' ? "\\n" :
		    s[i] == '\r' ? "\\r" : s[i] == '\\' ? "\\\\" : NULL;
		if (e == NULL)
			continue;
		out_bytes(b, s + start, i - start);
		out_bytes(b, e, 2);
		start = i + 1;
	}
	out_bytes(b, s + start, n - start);
}

/* ---- the sheet ---- */

/* "BC12": the column (0-based) of a cell reference; -1 when none. */
static long
ref_col(const char *ref)
{
	long c = 0;
	int k = 0;

	for (; *ref >= 'A' && *ref <= 'Z'; ref++) {
		if (++k > 3)
			return -1;
		c = c * 26 + (*ref - 'A' + 1);
	}
	return k == 0 ? -1 : c - 1;
}

struct cell {
	char t[16];		/* its type attribute */
	long style;
	struct buf v;		/* <v> or <is><t> text */
};

static void
emit_cell(struct book *b, struct cell *c)
{
	char tmp[400];
	const char *s = c->v.p ? c->v.p : "";
	size_t n = c->v.n;

	if (strcmp(c->t, "s") == 0) {
		char *e;
		unsigned long i = strtoul(s, &e, 10);
		if (e == s || *e || i >= b->nsst) {
			fail(b, "a cell names shared string %.20s, of %zu", s,
			    b->nsst);
			return;
		}
		out_cell(b, b->sst[i], b->sstlen[i]);
	} else if (strcmp(c->t, "b") == 0)
		out_cell(b, strcmp(s, "1") == 0 ? "TRUE" : "FALSE",
		    strcmp(s, "1") == 0 ? 4 : 5);
	else if (strcmp(c->t, "inlineStr") == 0 || strcmp(c->t, "str") == 0 ||
	    strcmp(c->t, "e") == 0 || strcmp(c->t, "d") == 0 || n == 0 ||
	    n > 300)
		out_cell(b, s, n);
	else if (c->style >= 0 && (size_t)c->style < b->nxf &&
	    b->datexf[c->style] && serial_date(b, s, tmp) == 0)
		out_cell(b, tmp, strlen(tmp));
	else if (plain_number(s, tmp) == 0)
		out_cell(b, tmp, strlen(tmp));
	else
		out_cell(b, s, n);
}

static void
read_sheet(struct book *b, const char *path)
{
	struct part pt;
	xmlTextReaderPtr r;
	struct cell c;
	long row = 0, col = 0, lines = 0;
	int in_row = 0, in_c = 0, in_v = 0, in_t = 0, in_ph = 0;

	memset(&c, 0, sizeof(c));
	if ((r = open_part(b, path, &pt, 1)) == NULL)
		return;
	while (!b->failed && xmlTextReaderRead(r) == 1) {
		int type = xmlTextReaderNodeType(r);
		if (type == XML_READER_TYPE_ELEMENT) {
			int empty = xmlTextReaderIsEmptyElement(r);
			if (is(r, "row") && !in_row) {
				char *rs = attr(r, "r");
				long want = rs ? strtol(rs, NULL, 10) : row + 1;
				free(rs);
				if (want <= row || want > MAX_ROWS) {
					fail(b, "row %ld after row %ld", want, row);
					break;
				}
				row = want;
				while (lines < row - 1) {	/* rows not written */
					out_bytes(b, "\n", 1);
					lines++;
				}
				col = 0;
				in_row = 1;
				if (empty) {
					out_bytes(b, "\n", 1);
					lines++;
					in_row = 0;
				}
			} else if (is(r, "c") && in_row && !in_c) {
				char *ref = attr(r, "r"), *t = attr(r, "t"),
				    *s = attr(r, "s");
				long want = ref ? ref_col(ref) : col;
				free(ref);
				snprintf(c.t, sizeof(c.t), "%s", t ? t : "n");
				c.style = s ? strtol(s, NULL, 10) : -1;
				free(t);
				free(s);
				c.v.n = 0;
				if (want < col || want >= MAX_COLS) {
					fail(b, "row %ld: cell out of order or past "
					    "column XFD", row);
					break;
				}
				/* WANT tabs before it on the line in all */
				for (long k = col > 0 ? col - 1 : 0; k < want; k++)
					out_bytes(b, "\t", 1);
				col = want;
				in_c = 1;
				if (empty) {
					col++;
					in_c = 0;
				}
			} else if (in_c && is(r, "v") && !empty)
				in_v = 1;
			else if (in_c && is(r, "rPh") && !empty)
				in_ph = 1;
			else if (in_c && is(r, "t") && !in_ph && !empty)
				in_t = 1;
		} else if (type == XML_READER_TYPE_END_ELEMENT) {
			if (is(r, "v"))
				in_v = 0;
			else if (is(r, "t"))
				in_t = 0;
			else if (is(r, "rPh"))
				in_ph = 0;
			else if (is(r, "c") && in_c) {
				emit_cell(b, &c);
				col++;
				in_c = 0;
			} else if (is(r, "row") && in_row) {
				out_bytes(b, "\n", 1);
				lines++;
				in_row = 0;
			}
		} else if ((in_v || in_t) && text_node(type)) {
			const xmlChar *v = xmlTextReaderConstValue(r);
			if (v != NULL)
				buf_add(&c.v, (const char *)v,
				    strlen((const char *)v));
		}
	}
	close_part(r, &pt);
	free(c.v.p);
	out_flush(b);
}

/* ---- the two doors ---- */

static int
convert(zip_t *za, const char *sheet, int out, char *err, size_t errlen)
{
	struct book b;
	char *path;

	memset(&b, 0, sizeof(b));
	b.za = za;
	b.out = out;
	b.err = err;
	b.errlen = errlen;
	err[0] = '\0';
	if ((path = sheet_part(&b, sheet)) != NULL) {
		read_sst(&b);
		read_styles(&b);
		read_sheet(&b, path);
		free(path);
	}
	for (size_t i = 0; i < b.nsst; i++)
		free(b.sst[i]);
	free(b.sst);
	free(b.sstlen);
	free(b.datexf);
	return b.failed ? -1 : 0;
}

/* Is it an OpenDocument spreadsheet (its first part, "mimetype")? */
static int
is_ods(zip_t *za)
{
	zip_file_t *f = zip_fopen(za, "mimetype", 0);
	char m[128];
	zip_int64_t k;

	if (f == NULL)
		return 0;
	k = zip_fread(f, m, sizeof(m) - 1);
	zip_fclose(f);
	m[k > 0 ? k : 0] = '\0';
	return strstr(m, "opendocument.spreadsheet") != NULL;
}

/* Is it an Excel binary workbook (.xlsb: a zip like .xlsx, its parts in
 * BIFF12, xl/workbook.bin)? */
static int
is_xlsb(zip_t *za)
{
	return zip_name_locate(za, "xl/workbook.bin", 0) >= 0 &&
	    zip_name_locate(za, "xl/workbook.xml", 0) < 0;
}

int
xlsx_to_tsv(const void *buf, size_t len, const char *sheet, int out,
    char *err, size_t errlen)
{
	zip_error_t ze;
	zip_source_t *src;
	zip_t *za;
	int rc;

	zip_error_init(&ze);
	if ((src = zip_source_buffer_create(buf, len, 0, &ze)) == NULL ||
	    (za = zip_open_from_source(src, ZIP_RDONLY, &ze)) == NULL) {
		snprintf(err, errlen, "not a zip archive: %s",
		    zip_error_strerror(&ze));
		if (src != NULL)
			zip_source_free(src);
		zip_error_fini(&ze);
		return -1;
	}
	zip_error_fini(&ze);
	if (is_ods(za) || is_xlsb(za)) {
		snprintf(err, errlen, is_ods(za) ? "an OpenDocument spreadsheet" :
		    "an Excel binary workbook");
		zip_discard(za);
		return -1;
	}
	rc = convert(za, sheet, out, err, errlen);
	zip_discard(za);
	return rc;
}

static const char convert_how[] = "convert it to CSV first: xlsx2csv, "
    "ssconvert FILE out.csv, or libreoffice --headless --convert-to csv FILE";

/* The whole of a pipe, after the bytes already read. */
static char *
slurp(int fd, const char *head, size_t n, size_t *len)
{
	size_t cap = n + 65536, got = n;
	char *p = xmalloc(cap);

	memcpy(p, head, n);
	for (;;) {
		ssize_t k;
		if (got == cap)
			p = xrealloc(p, cap *= 2);
		k = read(fd, p + got, cap - got);
		if (k < 0 && errno == EINTR)
			continue;
		if (k < 0)
			die(EXIT_FATAL, "read error: %s", strerror(errno));
		if (k == 0)
			break;
		got += (size_t)k;
	}
	*len = got;
	return p;
}

static int
tmpfd(void)
{
	const char *dir = getenv("TMPDIR");
	char path[4096];
	int fd;

	snprintf(path, sizeof(path), "%s/arkit-xlsx.XXXXXX", dir && *dir ? dir :
	    "/tmp");
	if ((fd = mkstemp(path)) < 0)
		die(EXIT_FATAL, "cannot create a temporary file: %s",
		    strerror(errno));
	unlink(path);
	return fd;
}

int
xlsx_convert(const char *name, int fd, int seekable, const char *head,
    size_t n)
{
	static const char ole2[] = "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1";
	char err[512];
	zip_error_t ze;
	zip_t *za;
	char *mem = NULL;
	int out, rc;

	if (n >= 8 && memcmp(head, ole2, 8) == 0)
		die(EXIT_FATAL, "%s: an Excel 97-2003 workbook (.xls) or another "
		    "OLE2 file, which ar-norm does not read: save it as .xlsx, or "
		    "%s", name, convert_how);
	if (n < 4 || memcmp(head, "PK\x03\x04", 4) != 0)
		return -1;
	zip_error_init(&ze);
	if (seekable) {
		int dfd = dup(fd);
		if (dfd < 0)
			die(EXIT_FATAL, "%s: %s", name, strerror(errno));
		za = zip_fdopen(dfd, ZIP_RDONLY, &rc);
		if (za == NULL) {
			close(dfd);
			zip_error_init_with_code(&ze, rc);
		}
	} else {
		size_t len;
		zip_source_t *src;
		mem = slurp(fd, head, n, &len);
		src = zip_source_buffer_create(mem, len, 0, &ze);
		za = src ? zip_open_from_source(src, ZIP_RDONLY, &ze) : NULL;
		if (za == NULL && src != NULL)
			zip_source_free(src);
	}
	if (za == NULL)
		die(EXIT_FATAL, "%s: a zip archive libzip cannot read (%s): is it "
		    "a whole .xlsx?", name, zip_error_strerror(&ze));
	zip_error_fini(&ze);
	if (is_ods(za))
		die(EXIT_FATAL, "%s: an OpenDocument spreadsheet (.ods), which "
		    "ar-norm does not read: save it as .xlsx, or %s", name,
		    convert_how);
	if (is_xlsb(za))
		die(EXIT_FATAL, "%s: an Excel binary workbook (.xlsb), which "
		    "ar-norm does not read: save it as .xlsx, or %s", name,
		    convert_how);
	if (zip_name_locate(za, "xl/workbook.xml", 0) < 0)
		die(EXIT_FATAL, "%s: a zip archive, but no .xlsx workbook (no "
		    "xl/workbook.xml in it)", name);
	out = tmpfd();
	rc = convert(za, xlsx_sheet, out, err, sizeof(err));
	zip_discard(za);
	free(mem);
	if (rc != 0)
		die(EXIT_FATAL, "%s: %s", name, err);
	if (lseek(out, 0, SEEK_SET) != 0)
		die(EXIT_FATAL, "temporary file: %s", strerror(errno));
	xlsx_seen = 1;
	return out;
}
