/* Unit tests of the record reader: the fast path against libcsv on random
 * and corpus inputs at read sizes from 1 to 64 bytes (SPEC 1.6), and the
 * edge cases of SPEC 1.2 and 1.5. */
#include <csv.h>
#include <stdint.h>
#include <stdlib.h>
#include <unistd.h>

#include "err.h"
#include "rec.h"
#include "scan.h"
#include "unit.h"

/* ---- libcsv alone: the reference parse ---- */

struct row {
	char **f;
	size_t *n;
	size_t nf;
};
static struct row *rows;
static size_t nrows, rowcap;
static struct row cur;

static void
cb1(void *p, size_t n, void *data)
{
	(void)data;
	cur.f = realloc(cur.f, (cur.nf + 1) * sizeof(char *));
	cur.n = realloc(cur.n, (cur.nf + 1) * sizeof(size_t));
	cur.f[cur.nf] = malloc(n + 1);
	memcpy(cur.f[cur.nf], p ? p : "", n);
	cur.f[cur.nf][n] = '\0';
	cur.n[cur.nf++] = n;
}

static void
cb2(int c, void *data)
{
	(void)c;
	(void)data;
	if (nrows == rowcap) {
		void *p;
		rowcap = rowcap ? 2 * rowcap : 64;
		if ((p = realloc(rows, rowcap * sizeof(*rows))) == NULL)
			abort();
		rows = p;
	}
	rows[nrows++] = cur;
	memset(&cur, 0, sizeof(cur));
}

static int
no_space(unsigned char c)
{
	(void)c;
	return 0;
}

static void
free_rows(void)
{
	for (size_t i = 0; i < nrows; i++) {
		for (size_t k = 0; k < rows[i].nf; k++)
			free(rows[i].f[k]);
		free(rows[i].f);
		free(rows[i].n);
	}
	nrows = 0;
	/* (and a row a failed parse left half built) */
	for (size_t k = 0; k < cur.nf; k++)
		free(cur.f[k]);
	free(cur.f);
	free(cur.n);
	memset(&cur, 0, sizeof(cur));
}

static int
lf_only(unsigned char c)
{
	return c == '\n';
}

/* 0 when libcsv parses it all in strict mode. A file whose first line
 * ends in a bare CR has CR-only line ends (libcsv's default); any other
 * ends its lines at LF or CRLF only, and a bare CR is a byte of its field
 * (issue 13): the reference drops the CR of a CRLF, and a last CR, outside
 * quotes, and lets only LF end a row. */
static int
reference(const char *buf, size_t len)
{
	static char tmp[1 << 16];
	struct csv_parser p;
	size_t e = 0, n = 0;
	int bad, cr_eol, in_q = 0;

	while (e < len && buf[e] != '\r' && buf[e] != '\n')
		e++;
	cr_eol = e < len && buf[e] == '\r' && (e + 1 == len || buf[e + 1] != '\n');

	free_rows();
	csv_init(&p, CSV_STRICT | CSV_STRICT_FINI);
	csv_set_space_func(&p, no_space);
	if (!cr_eol) {
		for (size_t i = 0; i < len; i++) {
			if (buf[i] == '"')
				in_q = !in_q;
			else if (buf[i] == '\r' && !in_q && (i + 1 == len ||
			    buf[i + 1] == '\n'))
				continue;
			tmp[n++] = buf[i];
		}
		buf = tmp;
		len = n;
		csv_set_term_func(&p, lf_only);
	}
	bad = csv_parse(&p, buf, len, cb1, cb2, NULL) != len ||
	    csv_fini(&p, cb1, cb2, NULL) != 0;
	csv_free(&p);
	return bad;
}

/* ---- our reader ---- */

static char path[] = "/tmp/arkit-unit.XXXXXX";

static void
put(const char *buf, size_t len)
{
	FILE *f = fopen(path, "wb");

	fwrite(buf, 1, len, f);
	fclose(f);
}

/* Compare our records with the reference rows; returns mismatches. */
static int
compare(size_t chunk)
{
	struct rec_opts o;
	struct rec_reader *r;
	struct rec *x;
	char *files[] = { path };
	size_t i = 1, ncol, ragged = 0, bad = 0;

	memset(&o, 0, sizeof(o));
	o.fmt = FMT_CSV;
	rec_chunk = chunk;
	r = rec_open(files, 1, &o);
	ncol = rows[0].nf;
	if (rec_ncols(r) != ncol)
		bad++;
	for (size_t k = 0; k < ncol && k < rec_ncols(r); k++)
		if (strcmp(rec_colname(r, (int)k), rows[0].f[k]) != 0)
			bad++;
	while ((x = rec_next(r)) != NULL) {
		while (i < nrows && rows[i].nf != ncol) {
			i++;
			ragged++;
		}
		if (i >= nrows) {
			if (getenv("TEST_REC_VERBOSE"))
				printf("extra record at line %lu\n", x->line);
			bad++;
			rec_written(r, x);
			continue;
		}
		for (size_t k = 0; k < ncol; k++)
			if (x->v[k].n != rows[i].n[k] ||
			    memcmp(x->v[k].p, rows[i].f[k], rows[i].n[k]) != 0) {
				if (getenv("TEST_REC_VERBOSE"))
					printf("row %zu field %zu: [%.*s] != [%.*s]\n", i, k,
					    (int)x->v[k].n, x->v[k].p, (int)rows[i].n[k],
					    rows[i].f[k]);
				bad++;
			}
		i++;
		rec_written(r, x);
	}
	for (; i < nrows; i++)
		ragged += rows[i].nf != ncol;
	if (rec_status(r) != (ragged > 0))
		bad++;
	if (bad && getenv("TEST_REC_VERBOSE"))
		printf("chunk %zu: rows %zu, ragged %zu, status %d, bad %zu\n", chunk,
		    nrows, ragged, rec_status(r), bad);
	rec_close(r, 0);
	rec_chunk = 0;
	return (int)bad;
}

/* ---- random CSV ---- */

static unsigned long long rng = 88172645463325252ull;

static unsigned
rnd(unsigned n)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (unsigned)(rng % n);
}

static size_t
gen(char *buf, int ncol, int nrow)
{
	static const char *const atoms[] = {
		"a", "b", "7", "x y", " ", "é", "北京", ".", "-", "0"
	};
	static const char *const q_atoms[] = {
		",", "\"\"", "\n", "\r\n", "\r", " ", "a", "é", ";", "\t"
	};
	static const char *const eol[] = { "\n", "\r\n", "\r" };
	const char *nl = eol[rnd(3)];
	size_t n = 0;

	for (int r = 0; r <= nrow; r++) {
		int nc = (r > 0 && rnd(12) == 0) ? ncol + (int)rnd(3) - 1 : ncol;
		if (nc < 1)
			nc = 1;
		if (r > 0 && rnd(15) == 0)
			n += (size_t)sprintf(buf + n, "%s", nl);	/* blank line */
		for (int c = 0; c < nc; c++) {
			if (c > 0)
				buf[n++] = ',';
			if (r == 0)
				n += (size_t)sprintf(buf + n, "h%d", c);
			else if (rnd(4) == 0) {
				buf[n++] = '"';
				for (int k = (int)rnd(4); k > 0; k--)
					n += (size_t)sprintf(buf + n, "%s", q_atoms[rnd(10)]);
				buf[n++] = '"';
			} else
				for (int k = (int)rnd(4); k > 0; k--)
					n += (size_t)sprintf(buf + n, "%s", atoms[rnd(10)]);
		}
		if (r < nrow || rnd(2))
			n += (size_t)sprintf(buf + n, "%s", rnd(8) == 0 ? eol[rnd(3)] : nl);
	}
	return n;
}

static void
differential(void)
{
	static char buf[1 << 16];
	static const size_t sizes[] = { 1, 2, 3, 5, 7, 8, 13, 16, 17, 31, 32, 33,
	    63, 64, 0 };
	int cases = 0, fast = 0;

	for (int t = 0; t < 3000; t++) {
		size_t len = gen(buf, 1 + (int)rnd(6), (int)rnd(30));
		if (reference(buf, len) != 0 || nrows == 0)
			continue;
		/* a header the reader can use: no empty or duplicate names */
		put(buf, len);
		cases++;
		for (size_t s = 0; s < sizeof(sizes) / sizeof(sizes[0]); s++) {
			scan_force_scalar = (int)(s & 1);
			if (t % 10 != 0 && (sizes[s] == 0 || sizes[s] % 4 != 1))
				continue;	/* every size on every tenth case */
			if (compare(sizes[s]) != 0) {
				fprintf(stderr, "differential: case %d, read size %zu:\n"
				    "%.*s\n", t, sizes[s], (int)len, buf);
				CHECK(0);
				scan_force_scalar = 0;
				return;
			}
			fast++;
		}
	}
	scan_force_scalar = 0;
	CHECK(cases > 1000);
	printf("differential: %d random inputs, %d reads identical to libcsv\n",
	    cases, fast);
}

/* ---- corpus files through both paths ---- */

static void
corpus(const char *dir)
{
	static const char *const files[] = {
		"comma_in_quotes.csv", "empty.csv", "empty_crlf.csv",
		"escaped_quotes.csv", "json.csv", "newlines.csv", "newlines_crlf.csv",
		"quotes_and_newlines.csv", "simple.csv", "simple_crlf.csv", "utf8.csv"
	};
	static char buf[1 << 16];

	for (size_t i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
		char p[4096];
		FILE *f;
		size_t len;
		snprintf(p, sizeof(p), "%s/%s", dir, files[i]);
		if ((f = fopen(p, "rb")) == NULL) {
			fprintf(stderr, "cannot open %s\n", p);
			CHECK(0);
			continue;
		}
		len = fread(buf, 1, sizeof(buf), f);
		fclose(f);
		CHECK(reference(buf, len) == 0);
		put(buf, len);

		for (size_t s = 1; s <= 64; s++)
			CHECK_INT(compare(s), 0);
		CHECK_INT(compare(0), 0);
	}
}

/* ---- JSON framing at every read size ---- */

/* Every record as "line:key=value;..." text, to compare two reads. */
static size_t
dump(enum rec_fmt fmt, size_t chunk, char *out, size_t cap)
{
	struct rec_opts o;
	struct rec_reader *r;
	struct rec *x;
	char *files[] = { path };
	size_t n = 0;

	memset(&o, 0, sizeof(o));
	o.fmt = fmt;
	rec_chunk = chunk;
	r = rec_open(files, 1, &o);
	while ((x = rec_next(r)) != NULL) {
		n += (size_t)snprintf(out + n, cap - n, "%lu:", x->line);
		for (size_t s = 0; s < x->nv && n < cap; s++)
			if (x->v[s].type != V_ABSENT)
				n += (size_t)snprintf(out + n, cap - n, "%s=%d/%.*s;",
				    rec_colname(r, (int)s), x->v[s].type, (int)x->v[s].n,
				    x->v[s].p ? x->v[s].p : "");
		n += (size_t)snprintf(out + n, cap - n, "\n");
		rec_written(r, x);
	}
	n += (size_t)snprintf(out + n, cap - n, "status %d", rec_status(r));
	rec_close(r, 0);
	rec_chunk = 0;
	return n;
}

static void
json_chunks(void)
{
	static const char *const inputs[] = {
		"[{\"a\":1,\"b\":\"x,]}\\\"\"},\n {\"a\":[1,{\"c\":2}]} ,{\"b\":null}]\n",
		"{\"a\": \"\u5317\u4eac\"}\n\n{\"a\":\n  2.50,\n  \"b\": true}\n{\"a\":1}{\"a\":2}",
		"[1, \"s\", {\"a\":1}, [2], {\"a\": tru}, {\"a\":3}]",
		"{\"a\":1}\n{\"a\":\"unterminated",
		"  [  ]  [{\"a\":\"x\"}]",
	};
	static char want[8192], got[8192];

	for (size_t i = 0; i < sizeof(inputs) / sizeof(inputs[0]); i++) {
		size_t wn, gn;
		put(inputs[i], strlen(inputs[i]));
		wn = dump(FMT_JSON, 0, want, sizeof(want));
		for (size_t c = 1; c <= 64; c++) {
			gn = dump(FMT_JSON, c, got, sizeof(got));
			if (gn != wn || memcmp(want, got, wn) != 0) {
				fprintf(stderr, "JSON input %zu at read size %zu:\n%.*s\n"
				    "---\n%.*s\n", i, c, (int)wn, want, (int)gn, got);
				CHECK(0);
				break;
			}
		}
		CHECK(wn > 8);
	}
}

/* ---- edge cases ---- */

static struct rec_reader *
open_str(const char *s, size_t n, enum rec_fmt fmt)
{
	struct rec_opts o;
	char *files[] = { path };

	memset(&o, 0, sizeof(o));
	o.fmt = fmt;
	put(s, n);
	return rec_open(files, 1, &o);
}

static void
edges(void)
{
	struct rec_reader *r;
	struct rec *x;
	int c;

	/* unterminated quote: that line is rejected, the next is read */
	r = open_str("a,b\n1,\"x\n2,y\n", 13, FMT_AUTO);
	x = rec_next(r);
	CHECK(x != NULL && x->line == 3 && x->v[0].n == 1 && x->v[0].p[0] == '2');
	if (x)
		rec_written(r, x);
	CHECK(rec_next(r) == NULL);
	CHECK_INT(rec_status(r), 1);
	rec_close(r, 0);

	/* spaces are data, not trimmed */
	r = open_str("a,b\n x ,\"y \"\n", 12, FMT_AUTO);
	x = rec_next(r);
	CHECK(x != NULL && x->v[0].n == 3 && x->v[1].n == 2);
	if (x)
		rec_written(r, x);
	rec_close(r, 0);

	/* strict quoting: a quote after a space is rejected, not guessed at */
	r = open_str("a,b\nx, \"y\"\nz,w\n", 16, FMT_AUTO);
	x = rec_next(r);
	CHECK(x != NULL && x->line == 3);
	if (x)
		rec_written(r, x);
	CHECK_INT(rec_close(r, 0), 1);

	/* the delimiter is sniffed: ; */
	r = open_str("a;b\n1;2\n", 8, FMT_AUTO);
	CHECK_STR(rec_colname(r, 1), "b");
	rec_close(r, 0);

	/* JSON: array, stream, nested passes through, line numbers */
	r = open_str("[{\"a\":1},\n{\"a\":{\"b\":[1,2]}}]\n{\"a\":\"x\"}\n", 39,
	    FMT_AUTO);
	CHECK_INT(rec_format(r), FMT_JSON);
	c = rec_col(r, "a");
	x = rec_next(r);
	CHECK(x && x->v[c].type == V_NUM && x->line == 1);
	if (x)
		rec_written(r, x);
	x = rec_next(r);
	CHECK(x && x->v[c].type == V_RAW && x->line == 2 &&
	    x->v[c].n == 11 && memcmp(x->v[c].p, "{\"b\":[1,2]}", 11) == 0);
	rec_written(r, x);
	x = rec_next(r);
	CHECK(x && x->v[c].type == V_STR && x->line == 3);
	rec_written(r, x);
	CHECK(rec_next(r) == NULL);
	CHECK_INT(rec_close(r, 0), 0);

	/* UTF-16LE with a BOM is converted */
	r = open_str("\xff\xfe" "a\0,\0b\0\n\0" "1\0,\0" "2\0\n\0", 18, FMT_AUTO);
	x = rec_next(r);
	CHECK(x && x->v[1].n == 1 && x->v[1].p[0] == '2');
	if (x)
		rec_written(r, x);
	rec_close(r, 0);

	/* empty input */
	r = open_str("", 0, FMT_AUTO);
	CHECK(rec_empty(r));
	CHECK(rec_next(r) == NULL);
	rec_close(r, 0);
}

int
main(int argc, char **argv)
{
	const char *corpus_dir = argc > 1 ? argv[1] : "tests/data/csv-spectrum/csvs";
	int fd = mkstemp(path);

	err_init("test-rec");
	if (fd < 0)
		return 2;
	close(fd);
	if (!getenv("TEST_REC_VERBOSE"))
		(void)!freopen("/dev/null", "w", stderr);	/* reject messages */
	differential();
	corpus(corpus_dir);
	json_chunks();
	edges();
	unlink(path);
	free_rows();
	return unit_done("test-rec");
}
