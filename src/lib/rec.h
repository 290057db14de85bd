/* rec.h - records in: the one reader every tool uses (SPEC 1.2, 1.5).
 *
 * Tools see records, never bytes: rec_open() reads every input's header,
 * rec_col() names a field once, rec_next() hands out one record at a time
 * as field views, and each record is then accounted exactly once, as
 * written, filtered or rejected (read = written + filtered + rejected).
 * Only csv.c includes libcsv, only json.c jansson (the rooms of the reader
 * are listed in rec_impl.h). */
#ifndef REC_H
#define REC_H

#include <stddef.h>
#include <stdint.h>

enum rec_fmt { FMT_AUTO, FMT_CSV, FMT_TSV, FMT_JSON, FMT_TABLE, FMT_MD, FMT_ICS,
	FMT_HTML, FMT_XLSX };

enum val_type {
	V_ABSENT = 0,	/* no such key in this JSON record (or column) */
	V_STR,		/* text; CSV and TSV fields are always text */
	V_NUM,		/* JSON number, as its shortest round-trip text */
	V_TRUE, V_FALSE, V_NULL,
	V_RAW		/* nested JSON object or array, compact text */
};

struct val {
	const char *p;
	size_t n;
	int type;
};

struct rec {
	struct val *v;		/* v[slot], slot from rec_col() */
	size_t nv;
	const char *file;	/* for messages */
	unsigned long line;	/* first line of the record */
	int done;		/* accounted (private) */
};

struct rec_opts {
	enum rec_fmt fmt;	/* FMT_AUTO, FMT_CSV, FMT_TSV, FMT_JSON */
	int delim;		/* -F: input delimiter byte, 0 = sniff */
	size_t max_record;	/* bytes; 0 = 64 MiB */
	const char *reject_path;
	int reject_fd;		/* > 0: reject_path already opened (opts.c) */
	int strict;
	const char *from_code;	/* iconv source encoding, NULL = UTF-8 */
	const char *fallback_code; /* the encoding of an input whose first
				 * bytes are not UTF-8 (ar-norm's profiles) */
	int fixed_schema;	/* output has one header: reject JSON records
				 * bringing keys the first record lacked */
	int raw;		/* no header: every row is a record, its fields
				 * v[0..nv) in file order, any number of them
				 * (ar-norm finds the header itself) */
	const char *fields;	/* --fields: comma-separated names of a
				 * headerless CSV or TSV input's columns */
};

struct rec_reader;

/* Opens every input (NULL or "-" is stdin) and reads every header; an
 * unreadable file or a bad header is fatal (exit 2). */
struct rec_reader *rec_open(char **files, int nfiles, const struct rec_opts *o);
/* The next record, or NULL at the end. The previous one must have been
 * accounted. Field views stay valid until the next call. */
struct rec *rec_next(struct rec_reader *r);

/* Slot of a field name, created when the input has not (yet) got it. */
int rec_col(struct rec_reader *r, const char *name);
/* Is the field in the input (a CSV header column, or a key seen in JSON)? */
int rec_has(const struct rec_reader *r, int slot);
/* A required column missing from a header is fatal (exit 2), naming the
 * columns the header has; JSON records are checked one by one instead. */
void rec_require(struct rec_reader *r, int slot);
size_t rec_ncols(const struct rec_reader *r);
/* The input's fields in input order (JSON: order of first appearance):
 * rec_field(r, i) is the slot of the i-th, i < rec_nfields(r). */
size_t rec_nfields(const struct rec_reader *r);
int rec_field(const struct rec_reader *r, size_t i);
const char *rec_colname(const struct rec_reader *r, int slot);
/* The format of the first input (after auto-detection); FMT_CSV when empty. */
enum rec_fmt rec_format(const struct rec_reader *r);
/* The delimiter of the first (non-empty) input. */
int rec_delimiter(const struct rec_reader *r);
/* No input at all (every file 0 bytes or blank): tools print nothing. */
int rec_empty(const struct rec_reader *r);

/* Accounting (SPEC 1.5): exactly one per record. */
void rec_written(struct rec_reader *r, struct rec *x);
void rec_filtered(struct rec_reader *r, struct rec *x);
/* Reject: "tool: FILE:LINE: message" on stderr, the record verbatim plus
 * _error and _source in the --reject file; --strict stops (exit 1). */
void rec_reject(struct rec_reader *r, struct rec *x, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* The usual "field 'NAME': WHAT "VALUE"" rejection. */
void rec_reject_field(struct rec_reader *r, struct rec *x, int slot,
    const char *what);

/* Did an input turn out not to be UTF-8, and is read as fallback_code? */
int rec_fell_back(const struct rec_reader *r);

/* Raw mode: the header the tool found, for the --reject file's header. */
void rec_set_header(struct rec_reader *r, const struct val *names, size_t n);
/* Raw mode: a row that is no record (a title row, the header the tool
 * found): accounted, and not counted as read (SPEC 2.1). */
void rec_uncount(struct rec_reader *r, struct rec *x);

/* A tool that reads workbooks sets this before rec_open(): called with the
 * first bytes of each input (at least 8 when there are so many); it
 * returns -1 for an input to read as it is, or a descriptor of the rows as
 * TSV, which then replaces the input (its lines are the rows' numbers). */
extern int (*rec_convert)(const char *name, int fd, int seekable,
    const char *head, size_t n);

/* Read everything again from the start (tools that join receipts to invoices
 * make two passes). Call rec_want_rewind() before the first rec_next(): a
 * pipe is then copied to a temporary file as it is read. During a pass
 * started with quiet = 1 nothing is counted or reported. */
void rec_want_rewind(struct rec_reader *r);
void rec_rewind(struct rec_reader *r, int quiet);
int rec_quiet(const struct rec_reader *r);
/* "FILE:LINE: message" of the first record a quiet pass rejected, or NULL. */
const char *rec_quiet_error(const struct rec_reader *r);

/* Group-by tools: MAP(state, record) for every record. A regular file
 * may be read in byte ranges on threads (ARKIT_THREADS, default the
 * cores), each range with its own state from STATE(ctx, reader) and its
 * messages held back; FINISH(state, ctx) runs in the range's thread after
 * its last record (to sort, say); then, in input order, the messages come
 * out and MERGE(into, from, ctx) hands each range's state to STATE0 (MERGE
 * owns it from then on; FREE gets it instead when the range must be read
 * again). MAP uses the reader it is given and the state alone: it may
 * warn and reject as anywhere else. */
struct rec_reduce {
	void *(*state)(void *ctx, struct rec_reader *r);
	void (*map)(void *state, struct rec *x);
	void (*finish)(void *state, void *ctx);
	void (*merge)(void *into, void *from, void *ctx);
	void (*free)(void *state, void *ctx);
};
void rec_reduce(struct rec_reader *r, const struct rec_reduce *ops, void *ctx,
    void *state0);

/* Keep only the records for which KEEP(x, arg) is true (--shard, SPEC
 * 10): the others are skipped before anyone sees them, not counted as
 * read. */
void rec_keep(struct rec_reader *r, int (*keep)(const struct rec *x,
    void *arg), void *arg);
/* The four counts: read, written, filtered, rejected. */
void rec_counts(const struct rec_reader *r, unsigned long c[4]);

/* End: "tool: N of M records rejected", with -v the four counts; checks
 * the conservation invariant. Returns the exit status so far (0 or 1). */
int rec_close(struct rec_reader *r, int verbose);
/* Worst status so far: 1 once anything was rejected. */
int rec_status(const struct rec_reader *r);
unsigned long rec_nread(const struct rec_reader *r);

/* The value of SLOT in X (absent when X has no such slot). */
static inline const struct val *
rec_val(const struct rec *x, int slot)
{
	static const struct val absent = { "", 0, V_ABSENT };

	return (slot >= 0 && (size_t)slot < x->nv) ? &x->v[slot] : &absent;
}

/* Tests only: read input this many bytes at a time (0: 1 MiB). */
extern size_t rec_chunk;

/* Helpers for typed access. */
static inline int
val_blank(const struct val *v)
{
	return v->type == V_ABSENT || v->type == V_NULL ||
	    (v->type == V_STR && v->n == 0);
}
/* The value as text; NULL for a nested value. Booleans give "true"/"false". */
const char *val_text(const struct val *v, size_t *n);

#endif
