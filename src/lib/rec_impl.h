/* rec_impl.h - the record reader's rooms, private to src/lib/rec.c,
 * src.c, csv.c, json.c, reject.c and reduce.c. Tools include rec.h.
 *
 * rec.c     slots, rec_open, rec_next's dispatch, accounting, rec_close
 * src.c     an input's bytes: open, read, iconv, BOM, fallback, spool, rewind
 * csv.c     delimited text: sniffing, the header, the fast path and libcsv
 *           (the only file that includes csv.h)
 * json.c    the framer and jansson (the only file that includes jansson.h)
 * reject.c  rec_reject and the --reject file, on out.h's buffers
 * reduce.c  rec_reduce: a regular file's byte ranges on threads */
#ifndef REC_IMPL_H
#define REC_IMPL_H

#include <iconv.h>
#include <stdint.h>
#include <sys/types.h>

#include "arena.h"
#include "rec.h"

struct csv_parser;
struct json_t;
struct obuf;

#define CHUNK (1u << 20)

#define DEFAULT_MAX_RECORD ((size_t)64 << 20)

struct src {
	const char *name;	/* for messages */
	const char *path;	/* NULL: standard input */
	int fd;
	int seekable;
	int eof;		/* no more bytes will come */
	int raw_eof;		/* read(2) returned 0 */
	iconv_t cd;		/* (iconv_t)-1: no conversion */
	char *ib;		/* bytes read, not yet converted */
	size_t ilen, icap;
	int spool;		/* copy of what was read, for rec_rewind */
	int spooling, from_spool;
	enum rec_fmt fmt;
	unsigned char delim, special;
	int cr_eol;		/* CR-only line ends: a bare CR ends a line */
	unsigned ncols;		/* header fields */
	int *perm;		/* header field -> slot, -1 dropped */
	char *buf;		/* data; SCAN_PAD readable bytes beyond cap */
	size_t cap, pos, end;
	unsigned long line;	/* line number at pos */
	unsigned long data_line;
	int empty;		/* nothing but white space */
	int fell_back;		/* not UTF-8: read as o.fallback_code */
	int in_array;		/* JSON: inside the top-level array */
	/* split reading (rec_reduce): pread from OFF, end of input at LIMIT */
	int use_pread;
	off_t off, limit;	/* limit 0: the end of the file */
	off_t base;		/* file offset of buf[0] (uncoverted input only) */
};

struct rec_reader {
	struct rec_opts o;
	struct src *srcs;
	int nsrc, cur;
	/* schema: slot names */
	char **names;
	unsigned char *present;
	int *order;		/* slots in the order the input brought them */
	size_t norder;
	size_t nslots, slotcap;
	int *hash;		/* open addressing, -1 empty */
	size_t hcap;
	size_t nhdr;		/* slots that are header columns of input 1 */
	int frozen;		/* JSON keys fixed (fixed_schema) */
	/* the current record */
	struct rec rec;
	int active;
	struct val *fv;		/* fields in file order */
	size_t nfv, fvcap;
	uint32_t *dpos;
	unsigned maxd;
	struct arena arena;
	struct csv_parser *csv;	/* csv.c's */
	int rowdone;
	struct json_t *json;	/* json.c's: the current record */
	const char *raw;	/* raw text of the current record */
	size_t rawlen;
	enum rec_fmt rfmt;	/* its format */
	int parsed;		/* fv holds its fields (else only raw) */
	int mapped;		/* rec.v holds them by slot (CSV, TSV) */
	char errbuf[512];	/* why the reader rejects the current record */
	char quiet_err[600];	/* the first rejection of a quiet pass */
	size_t vcap;		/* slots allocated in rec.v */
	size_t vclean;		/* == nslots: rec.v is clean but for the header
				 * columns, which every CSV record overwrites */
	/* rec_reduce */
	off_t rec_off;		/* file offset of the current record */
	int range;		/* reads one range of the file (reduce.c) */
	int overran;		/* its last record went on past the range's end */
	off_t range_from;	/* where the range starts */
	off_t range_end;	/* where its last record ended */
	unsigned long line_base; /* lines before range_from, once counted */
	int line_known;
	int is_object;		/* JSON: raw is an object */
	/* accounting */
	unsigned long nread, nwritten, nfiltered, nrejected;
	int quiet, want_rewind;
	int status;
	/* raw mode: the header the tool found (for the reject file) */
	char **rawhdr;
	size_t nrawhdr;
	/* reject file */
	struct obuf *rj;	/* reject.c's; NULL: no --reject */
	int rj_header;
	/* rec_keep (--shard) */
	int (*keep)(const struct rec *x, void *arg);
	void *keep_arg;
	enum rec_fmt rj_fmt;
};

/* what a reader of one record returns */
enum { GOT = 1, END = 0, BAD = -1 };

static inline int
json_ws(int c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* rec.c */
int slot_find(const struct rec_reader *r, const char *name);
int slot_add(struct rec_reader *r, const char *name, size_t n);
void set_present(struct rec_reader *r, int slot);
void vals_reset(struct rec_reader *r, int hdr_only);
int dropped_name(const char *p, size_t n);

/* src.c */
void src_open(struct rec_reader *r, struct src *s, const char *path);
size_t src_more(struct rec_reader *r, struct src *s, size_t keep);
void skip_bom(struct rec_reader *r, struct src *s);

/* csv.c */
void csv_start(struct rec_reader *r);
void csv_end(struct rec_reader *r);
void csv_reset(struct rec_reader *r, unsigned char delim);
void detect(struct rec_reader *r, struct src *s);
void read_header(struct rec_reader *r, struct src *s, int first);
int read_delim(struct rec_reader *r, struct src *s, int force_slow);

/* json.c */
int read_json(struct rec_reader *r, struct src *s);
void json_drop(struct rec_reader *r);

/* reject.c */
void reject_start(struct rec_reader *r);
void reject_end(struct rec_reader *r);
/* The reject file's header, if it needs one and has none yet. */
void reject_header(struct rec_reader *r);

/* reduce.c: the absolute number of a range reader's line LINE (R's own
 * LINE when R reads the whole input). */
unsigned long range_line(struct rec_reader *r, unsigned long line);

#endif
