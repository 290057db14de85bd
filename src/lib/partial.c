/* partial.c - partial results that merge exactly (SPEC 10); see partial.h. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "date.h"
#include "err.h"
#include "grp.h"
#include "money.h"
#include "out.h"
#include "partial.h"

#define PART_VERSION "1"
#define MAXNOTES 128
#define FILE_MAX ((size_t)1 << 20)

/* ---- the options that shape the result ---- */

static struct note {
	const char *name, *arg;
} notes[MAXNOTES];
static size_t nnotes;
static int shaping_given;	/* before --merge read the partials' options */

/* Options that say how to read, write or report, not what the figures
 * are: never carried, never compared. (-o is carried apart: the partial
 * says the format one run would have written, --merge's own -o wins.) */
static const char *const not_shaping[] = {
	"help", "version", "verbose", "quiet", "input", "output", "delimiter",
	"reject", "strict", "max-record", "lang", "partial", "merge", "shard",
	"fields", "policy-dump", "as-of"
};

void
part_note(const char *longname, int ch, const char *arg)
{
	(void)ch;
	if (longname == NULL)
		return;		/* -O */
	for (size_t i = 0; i < sizeof(not_shaping) / sizeof(not_shaping[0]); i++)
		if (strcmp(longname, not_shaping[i]) == 0) {
			if (strcmp(longname, "as-of") == 0)
				shaping_given = 1;
			return;
		}
	shaping_given = 1;
	if (nnotes == MAXNOTES)
		die(EXIT_FATAL, "more than %d options", MAXNOTES);
	notes[nnotes].name = longname;
	/* a copy: a tool may cut its value up (strtok_r) */
	notes[nnotes++].arg = arg ? xstrndup(arg, strlen(arg)) : NULL;
}

void
part_shard_arg(const char *arg, uint32_t *k, uint32_t *n)
{
	char *end;
	unsigned long a, b;

	errno = 0;
	a = strtoul(arg, &end, 10);
	if (end == arg || *end != '/' || arg[0] == '-' || end[1] == '-')
		goto bad;
	arg = end + 1;
	b = strtoul(arg, &end, 10);
	if (end == arg || *end != '\0' || errno == ERANGE || b == 0 ||
	    b > 1000000 || a >= b)
		goto bad;
	*k = (uint32_t)a;
	*n = (uint32_t)b;
	return;
bad:
	warnx("--shard: K/N with 0 <= K < N <= 1000000, such as 0/4");
	usage();
}

uint64_t
part_fnv1a(const char *p, size_t n)
{
	uint64_t h = 14695981039346656037ULL;

	for (size_t i = 0; i < n; i++) {
		h ^= (unsigned char)p[i];
		h *= 1099511628211ULL;
	}
	return h;
}

/* Bytes onto a growing string (a key without its separators). */
static void
put(struct key *b, const char *p, size_t n)
{
	key_add(b, p, n);
	b->n--;
}

/* Percent-encoding: a word of the options never holds a space or a comma. */
static void
enc(struct key *b, const char *p, size_t n)
{
	static const char hex[] = "0123456789ABCDEF";

	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)p[i];
		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9') || (c != 0 && strchr("_.:/+=-", c)))
			put(b, p + i, 1);
		else {
			char e[3] = { '%', hex[c >> 4], hex[c & 15] };
			put(b, e, 3);
		}
	}
}

static int
unhex(int c)
{
	return c >= '0' && c <= '9' ? c - '0' : c >= 'A' && c <= 'F' ?
	    c - 'A' + 10 : -1;
}

/* Decode P[0..N) into a new string (LEN bytes); NULL on a bad escape. */
static char *
dec(const char *p, size_t n, size_t *len)
{
	char *s = xmalloc(n + 1);
	size_t k = 0;

	for (size_t i = 0; i < n; i++) {
		if (p[i] != '%') {
			s[k++] = p[i];
			continue;
		}
		if (i + 2 >= n) {
			free(s);
			return NULL;
		}
		if (unhex(p[i + 1]) < 0 || unhex(p[i + 2]) < 0) {
			free(s);
			return NULL;
		}
		s[k++] = (char)(unhex(p[i + 1]) << 4 | unhex(p[i + 2]));
		i += 2;
	}
	s[k] = '\0';
	*len = k;
	return s;
}

/* Options whose value is a file: the partial carries its bytes
 * (--provision's words default and dump are not files). */
static int
is_file_option(const char *name, const char *value)
{
	if (strcmp(name, "provision") == 0)
		return strcmp(value, "default") != 0 && strcmp(value, "dump") != 0;
	return strcmp(name, "policy") == 0 || strcmp(name, "rates") == 0;
}

static char *
slurp(const char *path, size_t *n)
{
	FILE *f = fopen(path, "rb");
	char *b = xmalloc(FILE_MAX + 1);

	if (f == NULL)
		die(EXIT_FATAL, "%s: %s", path, strerror(errno));
	*n = fread(b, 1, FILE_MAX + 1, f);
	if (ferror(f) || *n > FILE_MAX)
		die(EXIT_FATAL, "%s: %s", path, ferror(f) ? "read error" :
		    "too large to carry in a partial (over 1 MiB)");
	fclose(f);
	return b;
}

static const char *const fmtnames[] = {
	"auto", "csv", "tsv", "json", "table", "md", "ics", "html", "xlsx"
};

static struct common *cm;
static const char *toolname;
static char *options;		/* the canonical options, NUL-terminated */

static int
note_cmp(const void *a, const void *b)
{
	const struct note *x = a, *y = b;
	int c = strcmp(x->name, y->name);

	/* stable: a repeated option keeps its order */
	return c ? c : x < y ? -1 : x > y;
}

/* "TOOL/1 --as-of=DATE --name=value ... --output=FMT": sorted by name, so
 * that the same options in another order are the same options. */
static void
make_options(enum rec_fmt outfmt)
{
	struct key b = { NULL, 0, 0 };
	char day[16];
	const char *t = toolname;

	put(&b, t, strlen(t));
	put(&b, "/" PART_VERSION, 2);
	date_format(day, cm->as_of);
	put(&b, " --as-of=", 9);
	put(&b, day, strlen(day));
	qsort(notes, nnotes, sizeof(notes[0]), note_cmp);
	for (size_t i = 0; i < nnotes; i++) {
		put(&b, " --", 3);
		put(&b, notes[i].name, strlen(notes[i].name));
		if (notes[i].arg == NULL)
			continue;
		put(&b, "=", 1);
		if (is_file_option(notes[i].name, notes[i].arg)) {
			size_t n;
			char *f = slurp(notes[i].arg, &n);
			enc(&b, f, n);
			free(f);
		} else
			enc(&b, notes[i].arg, strlen(notes[i].arg));
	}
	put(&b, " --output=", 10);
	put(&b, fmtnames[outfmt], strlen(fmtnames[outfmt]));
	key_add(&b, "", 0);	/* the NUL */
	options = b.p;
}

/* A file option's bytes as a file again: unlinked at once, read through
 * /dev/fd (its descriptor stays open until the tool ends). */
static char *
as_file(const char *bytes, size_t n)
{
	char tmpl[] = "/tmp/arkit-part.XXXXXX", path[32];
	const char *dir = getenv("TMPDIR");
	char *t;
	int fd;

	if (dir && *dir) {
		t = xmalloc(strlen(dir) + 24);
		sprintf(t, "%s/arkit-part.XXXXXX", dir);
	} else
		t = xstrndup(tmpl, strlen(tmpl));
	if ((fd = mkstemp(t)) < 0)
		die(EXIT_FATAL, "%s: %s", t, strerror(errno));
	unlink(t);
	free(t);
	if (write(fd, bytes, n) != (ssize_t)n)
		die(EXIT_FATAL, "a temporary file: %s", strerror(errno));
	snprintf(path, sizeof(path), "/dev/fd/%d", fd);
	return xstrndup(path, strlen(path));
}

/* ---- starting: the combinations, and --merge's options ---- */

struct part_in {
	struct rec_reader *rd;
	struct rec *pending;	/* the first row, read by part_start */
	int s_kind, s_opt, s_run;
	int s_key[PART_MAXKEYS];
	int *s_field;
	size_t nkeys, nfields;
	const struct part_field *fields;
	unsigned long counts[4];
	uint64_t extra[PART_NEXTRA];
	int nothing;		/* no partial had a row: nothing to write */
};

static struct part_in pin;
static char **margv;		/* the options read back (kept: the tool's
				 * option values point into them) */

static void
reparse(const char *o, size_t n, const struct rec *x,
    void (*parse)(int argc, char **argv))
{
	size_t cap = 8, argc = 0, len;
	const char *p = o, *e = o + n, *w;
	enum rec_fmt out = cm->out;
	enum lang lang = cm->lang;
	int lang_set = cm->lang_set;

	margv = xcalloc(cap, sizeof(char *));
	margv[argc++] = (char *)toolname;
	w = memchr(p, ' ', n);
	if (w == NULL)
		w = e;
	if ((size_t)(w - p) != strlen(toolname) + 2 ||
	    memcmp(p, toolname, strlen(toolname)) != 0 ||
	    strncmp(p + strlen(toolname), "/" PART_VERSION, 2) != 0)
		die_at(EXIT_FATAL, x->file, x->line, "not a partial of %s "
		    "version %s (field '_options')", toolname, PART_VERSION);
	for (p = w; p < e; p = w) {
		char *word;
		const char *eq;
		p++;
		w = memchr(p, ' ', (size_t)(e - p));
		if (w == NULL)
			w = e;
		if (w - p < 3 || p[0] != '-' || p[1] != '-')
			die_at(EXIT_FATAL, x->file, x->line, "field '_options': "
			    "a word is not an option");
		word = dec(p, (size_t)(w - p), &len);
		if (word == NULL)
			die_at(EXIT_FATAL, x->file, x->line, "field '_options': "
			    "a bad %%-escape");
		eq = strchr(word, '=');
		if (eq && (size_t)(eq - word) > 2) {
			char name[64];
			snprintf(name, sizeof(name), "%.*s", (int)(eq - word - 2),
			    word + 2);
			if (is_file_option(name, eq + 1)) {
				/* the value: the bytes of the file */
				size_t off = (size_t)(eq - word) + 1;
				char *path = as_file(word + off, len - off), *nw;
				nw = xmalloc(strlen(name) + strlen(path) + 4);
				sprintf(nw, "--%s=%s", name, path);
				free(path);
				free(word);
				word = nw;
			}
		}
		if (argc + 2 > cap) {
			cap *= 2;
			margv = xrealloc(margv, cap * sizeof(char *));
		}
		margv[argc++] = word;
	}
	margv[argc] = NULL;
	optind = 0;		/* getopt starts afresh */
	parse((int)argc, margv);
	if (out != FMT_AUTO)	/* --merge's own -o and --lang win */
		cm->out = out;
	if (lang_set)
		cm->lang = lang, cm->lang_set = 1;
}

struct rec_reader *
part_start(struct common *c, const char *tool, char **files, int nfiles,
    void (*parse)(int argc, char **argv))
{
	struct rec_opts in;
	struct rec *x;
	const struct val *v;

	cm = c;
	toolname = tool;
	if (c->partial && c->merge) {
		warnx("--partial and --merge: give one");
		usage();
	}
	if (c->in.fields && c->in.fmt == FMT_JSON) {
		warnx("--fields names the columns of a CSV or TSV input with no "
		    "header");
		usage();
	}
	if (!c->merge)
		return NULL;
	if (shaping_given || c->shard_n || c->in.fields || c->in.reject_path ||
	    c->in.strict || c->in.fmt != FMT_AUTO || c->in.delim) {
		warnx("--merge takes its options from the partials: give it only "
		    "-o, -O, -q, -v, --lang and the partials");
		usage();
	}
	memset(&in, 0, sizeof(in));
	in.fmt = FMT_CSV;
	in.delim = ',';
	in.max_record = c->in.max_record;
	pin.rd = rec_open(files, nfiles, &in);
	if (rec_empty(pin.rd)) {
		pin.nothing = 1;
		return pin.rd;
	}
	pin.s_kind = rec_col(pin.rd, "_partial");
	pin.s_opt = rec_col(pin.rd, "_options");
	pin.s_run = rec_col(pin.rd, "_run");
	rec_require(pin.rd, pin.s_kind);
	rec_require(pin.rd, pin.s_opt);
	rec_require(pin.rd, pin.s_run);
	while ((x = rec_next(pin.rd)) != NULL) {
		v = rec_val(x, pin.s_kind);
		if (v->n == 8 && memcmp(v->p, "_partial", 8) == 0) {
			rec_uncount(pin.rd, x);	/* a header again (cat) */
			continue;
		}
		break;
	}
	if (x == NULL) {
		pin.nothing = 1;
		return pin.rd;
	}
	pin.pending = x;
	v = rec_val(x, pin.s_opt);
	options = xstrndup(v->p, v->n);
	reparse(v->p, v->n, x, parse);
	return pin.rd;
}

int
part_nothing(void)
{
	return pin.nothing;
}

/* ---- --shard ---- */

static struct {
	int slot;
	uint32_t k, n;
} shard;

static int
keep(const struct rec *x, void *arg)
{
	const struct val *v = rec_val(x, shard.slot);
	size_t n = v->n;
	const char *p = val_text(v, &n);

	(void)arg;
	if (p == NULL)
		p = v->p, n = v->n;
	return part_fnv1a(p, n) % shard.n == shard.k;
}

void
part_shard(struct common *c, struct rec_reader *rd)
{
	if (c->shard_n == 0)
		return;
	shard.slot = rec_col(rd, "customer");
	shard.k = c->shard_k;
	shard.n = c->shard_n;
	rec_require(rd, shard.slot);
	rec_keep(rd, keep, NULL);
}

/* ---- writing ---- */

struct part_out {
	struct writer *w;
	struct ocol *cols;
	struct cell *cells;
	size_t nkeys, nfields;
	const struct part_field *fields;
	char (*num)[48];	/* the 128-bit sums as text */
};

struct part_out *
part_open(enum rec_fmt outfmt, const char *const *keys, size_t nkeys,
    const struct part_field *fields, size_t nfields)
{
	struct part_out *p = xcalloc(1, sizeof(*p));
	size_t n = 0;

	make_options(outfmt);
	p->cols = xcalloc(nkeys + nfields + 3, sizeof(*p->cols));
	p->cells = xcalloc(nkeys + nfields + 3, sizeof(*p->cells));
	p->num = xcalloc(nfields + 1, sizeof(*p->num));
	p->nkeys = nkeys;
	p->nfields = nfields;
	p->fields = fields;
	p->cols[n++].name = "_partial";
	p->cols[n++].name = "_options";
	for (size_t i = 0; i < nkeys; i++)
		p->cols[n++].name = keys[i];
	for (size_t i = 0; i < nfields; i++)
		p->cols[n++].name = fields[i].name;
	p->cols[n++].name = "_run";
	p->w = w_open(FMT_CSV, LANG_EN, NULL, p->cols, n);
	return p;
}

static size_t
i128_text(char *buf, i128 v)
{
	char t[48];
	size_t n = 0, k = 0;
	int neg = v < 0;

	do {
		int d = (int)(v % 10);
		t[n++] = (char)('0' + (d < 0 ? -d : d));
		v /= 10;
	} while (v != 0);
	if (neg)
		buf[k++] = '-';
	while (n > 0)
		buf[k++] = t[--n];
	buf[k] = '\0';
	return k;
}

void
part_group(struct part_out *p, const char *const *k, const size_t *kn,
    const void *state)
{
	const char *s = state;
	size_t n = 0;

	p->cells[n++] = cell_text("group", 5);
	p->cells[n++] = cell_text(options, strlen(options));
	for (size_t i = 0; i < p->nkeys; i++)
		p->cells[n++] = cell_text(k[i], kn[i]);
	for (size_t i = 0; i < p->nfields; i++) {
		const char *f = s + p->fields[i].off;
		switch (p->fields[i].type) {
		case PT_I128: {
			i128 v;
			memcpy(&v, f, sizeof(v));
			p->cells[n++] = cell_text(p->num[i], i128_text(p->num[i], v));
			break;
		}
		case PT_I64: {
			int64_t v;
			memcpy(&v, f, sizeof(v));
			p->cells[n++] = cell_int(v);
			break;
		}
		case PT_I32: {
			int32_t v;
			memcpy(&v, f, sizeof(v));
			p->cells[n++] = cell_int(v);
			break;
		}
		case PT_U32: {
			uint32_t v;
			memcpy(&v, f, sizeof(v));
			p->cells[n++] = cell_int(v);
			break;
		}
		case PT_I8:
			p->cells[n++] = cell_int(*(const int8_t *)f);
			break;
		}
	}
	p->cells[n++] = cell_null();
	w_row(p->w, NULL, p->cells);
}

void
part_close(struct part_out *p, struct rec_reader *rd, const uint64_t *extra)
{
	unsigned long c[4];
	char run[200];
	size_t n = 0;

	rec_counts(rd, c);
	snprintf(run, sizeof(run), "%lu %lu %lu %lu %llu %llu %llu %llu", c[0],
	    c[1], c[2], c[3], (unsigned long long)(extra ? extra[0] : 0),
	    (unsigned long long)(extra ? extra[1] : 0),
	    (unsigned long long)(extra ? extra[2] : 0),
	    (unsigned long long)(extra ? extra[3] : 0));
	p->cells[n++] = cell_text("run", 3);
	p->cells[n++] = cell_text(options, strlen(options));
	for (size_t i = 0; i < p->nkeys + p->nfields; i++)
		p->cells[n++] = cell_null();
	p->cells[n++] = cell_text(run, strlen(run));
	w_row(p->w, NULL, p->cells);
	w_close(p->w, 0);
	free(p->cols);
	free(p->cells);
	free(p->num);
	free(p);
}

/* ---- merging ---- */

struct part_in *
part_in_new(struct rec_reader *rd, const char *const *keys, size_t nkeys,
    const struct part_field *fields, size_t nfields)
{
	struct part_in *p = &pin;

	if (nkeys > PART_MAXKEYS)
		die(EXIT_FATAL, "more than %d group fields", PART_MAXKEYS);
	p->rd = rd;
	p->nkeys = nkeys;
	p->nfields = nfields;
	p->fields = fields;
	p->s_field = xcalloc(nfields + 1, sizeof(int));
	for (size_t i = 0; i < nkeys; i++) {
		p->s_key[i] = rec_col(rd, keys[i]);
		rec_require(rd, p->s_key[i]);
	}
	for (size_t i = 0; i < nfields; i++) {
		p->s_field[i] = rec_col(rd, fields[i].name);
		rec_require(rd, p->s_field[i]);
	}
	return p;
}

static int
parse_i128(const char *s, size_t n, i128 *out)
{
	i128 v = 0;
	size_t i = 0;
	int neg = 0;
	const i128 lim = ((i128)1 << 120);

	if (n > 0 && s[0] == '-')
		neg = 1, i = 1;
	if (i == n)
		return -1;
	for (; i < n; i++) {
		if (s[i] < '0' || s[i] > '9' || v > lim)
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	*out = neg ? -v : v;
	return 0;
}

static void
bad_field(const struct rec *x, const char *name)
{
	die_at(EXIT_FATAL, x->file, x->line, "field '%s': not a partial's "
	    "whole number", name);
}

static void
decode(struct part_in *p, const struct rec *x, char *s)
{
	for (size_t i = 0; i < p->nfields; i++) {
		const struct val *v = rec_val(x, p->s_field[i]);
		char *f = s + p->fields[i].off;
		i128 w;
		if (parse_i128(v->p, v->n, &w) != 0)
			bad_field(x, p->fields[i].name);
		switch (p->fields[i].type) {
		case PT_I128:
			memcpy(f, &w, sizeof(w));
			break;
		case PT_I64: {
			int64_t t = (int64_t)w;
			if (w != t)
				bad_field(x, p->fields[i].name);
			memcpy(f, &t, sizeof(t));
			break;
		}
		case PT_I32: {
			int32_t t = (int32_t)w;
			if (w != t)
				bad_field(x, p->fields[i].name);
			memcpy(f, &t, sizeof(t));
			break;
		}
		case PT_U32: {
			uint32_t t = (uint32_t)w;
			if (w != t)
				bad_field(x, p->fields[i].name);
			memcpy(f, &t, sizeof(t));
			break;
		}
		case PT_I8: {
			int8_t t = (int8_t)w;
			if (w != t)
				bad_field(x, p->fields[i].name);
			memcpy(f, &t, sizeof(t));
			break;
		}
		}
	}
}

static void
run_row(struct part_in *p, const struct rec *x)
{
	const struct val *v = rec_val(x, p->s_run);
	char buf[256], *s = buf, *end;
	unsigned long long a[4 + PART_NEXTRA];

	if (v->n >= sizeof(buf))
		die_at(EXIT_FATAL, x->file, x->line, "field '_run': too long");
	memcpy(buf, v->p, v->n);
	buf[v->n] = '\0';
	for (int i = 0; i < 4 + PART_NEXTRA; i++) {
		errno = 0;
		a[i] = strtoull(s, &end, 10);
		if (end == s || errno == ERANGE || *s == '-' || *s == ' ' ||
		    (*end != ' ' && *end != '\0') || (i < 4 + PART_NEXTRA - 1 &&
		    *end != ' ') || (i == 4 + PART_NEXTRA - 1 && *end != '\0'))
			die_at(EXIT_FATAL, x->file, x->line, "field '_run': not "
			    "the run's counts");
		s = end + (*end == ' ');
	}
	for (int i = 0; i < 4; i++)
		p->counts[i] += (unsigned long)a[i];
	for (int i = 0; i < PART_NEXTRA; i++)
		p->extra[i] += a[4 + i];
}

int
part_next(struct part_in *p, const char **k, size_t *kn, void *state,
    size_t statesize)
{
	struct rec *x;

	for (;;) {
		const struct val *kind, *o;
		if (p->pending)
			x = p->pending, p->pending = NULL;
		else if ((x = rec_next(p->rd)) == NULL)
			return 0;
		kind = rec_val(x, p->s_kind);
		if (kind->n == 8 && memcmp(kind->p, "_partial", 8) == 0) {
			rec_uncount(p->rd, x);
			continue;
		}
		o = rec_val(x, p->s_opt);
		if (o->n != strlen(options) || memcmp(o->p, options, o->n) != 0)
			die_at(EXIT_FATAL, x->file, x->line, "this partial was made "
			    "with other options than the first: they cannot be "
			    "merged (field '_options')");
		if (kind->n == 3 && memcmp(kind->p, "run", 3) == 0) {
			run_row(p, x);
			rec_written(p->rd, x);
			continue;
		}
		if (kind->n != 5 || memcmp(kind->p, "group", 5) != 0)
			die_at(EXIT_FATAL, x->file, x->line, "field '_partial': "
			    "group or run");
		memset(state, 0, statesize);
		decode(p, x, state);
		for (size_t i = 0; i < p->nkeys; i++) {
			const struct val *v = rec_val(x, p->s_key[i]);
			k[i] = v->p;
			kn[i] = v->n;
		}
		rec_written(p->rd, x);
		return 1;
	}
}

unsigned long
part_nread(const struct part_in *p)
{
	return p->counts[0];
}

const uint64_t *
part_extra(const struct part_in *p)
{
	return p->extra;
}

int
part_in_close(struct part_in *p, int verbose)
{
	int st;

	if (p->counts[3] > 0)
		warnx("%lu of %lu records rejected", p->counts[3], p->counts[0]);
	if (verbose)
		warnx("%lu read, %lu written, %lu filtered, %lu rejected",
		    p->counts[0], p->counts[1], p->counts[2], p->counts[3]);
	st = rec_close(p->rd, 0);
	free(p->s_field);
	return p->counts[3] > 0 && st == 0 ? 1 : st;
}
