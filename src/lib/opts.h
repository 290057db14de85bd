/* opts.h - the common options, defined once (SPEC 1.8, STYLE "Common options"). */
#ifndef OPTS_H
#define OPTS_H

#include <getopt.h>
#include <stdint.h>
#include <stdio.h>
#include <stdnoreturn.h>

#include "out.h"
#include "rec.h"

#define ARKIT_VERSION "0.1.0"

/* Long-only option codes. Tools number their own from OPT_TOOL. */
enum {
	OPT_AS_OF = 256, OPT_CURRENCY, OPT_REJECT, OPT_STRICT, OPT_MAX_RECORD,
	OPT_LANG, OPT_EXPLAIN, OPT_POLICY, OPT_POLICY_DUMP, OPT_FROM, OPT_TO,
	OPT_FIELDS, OPT_PARTIAL, OPT_MERGE, OPT_SHARD, OPT_EXCEL_SAFE,
	OPT_TOOL = 400
};

/* Groups of common options a tool takes (-h -V -v -q -i -o -O -F --as-of
 * --currency --lang --reject --strict --max-record --excel-safe are
 * always there: a
 * script passes them to every tool). OG_AS_OF and OG_LANG say that the
 * tool's figures or text depend on them (the --help wording). */
enum {
	OG_AS_OF = 1 << 0,
	OG_LANG = 1 << 1,
	OG_EXPLAIN = 1 << 2,
	OG_POLICY = 1 << 3,
	OG_PERIOD = 1 << 4,
	OG_PARTIAL = 1 << 5	/* --partial, --merge, --shard (SPEC 10) */
};

struct common {
	struct rec_opts in;
	enum rec_fmt out;	/* FMT_AUTO: the input's format */
	unsigned outfmts;	/* formats the tool can write: 1 << FMT_x */
	int verbose;
	int quiet;		/* -q: no notes, only warnings and errors */
	const char *out_path;	/* -O FILE, NULL = standard output */
	int32_t as_of;
	const char *as_of_arg;
	const char *currency;
	enum lang lang;
	int lang_set;
	int explain;
	const char *policy;
	int policy_dump;
	const char *from_arg, *to_arg;
	int partial, merge;	/* SPEC 10 */
	uint32_t shard_k, shard_n;	/* --shard K/N; N = 0: none */
};

/* What every tool that writes records can write (SPEC 1.2, 1.9). */
#define OUT_RECORDS ((1u << FMT_CSV) | (1u << FMT_TSV) | (1u << FMT_JSON) | \
	(1u << FMT_TABLE) | (1u << FMT_MD) | (1u << FMT_XLSX))

/* Tool description for usage and --help. */
struct tool {
	const char *name;
	const char *synopsis;	/* the short usage line = man SYNOPSIS */
	const char *summary;	/* one line */
	const char *help;	/* the tool's own options, already formatted */
	unsigned groups;	/* OG_* */
	unsigned outfmts;
};

void opts_init(struct common *c, const struct tool *t, int argc, char **argv);
/* getopt_long tables: the common options plus the tool's own (OWN ends
 * with a zero entry; OWNSHORT: its short letters). */
int opts_next(struct common *c, int argc, char **argv,
    const struct option *own, const char *ownshort);
/* After the loop: --as-of default (today), --lang default; -O opened as
 * standard output (never one of the inputs or the reject file). */
void opts_finish(struct common *c, struct rec_reader *r);
noreturn void usage(void);
/* Checked numbers from the command line (OpenBSD strtonum style). */
long long opts_int(const char *opt, const char *s, long long min, long long max);
int32_t opts_date(const char *opt, const char *s);
/* -g LIST: the field names of ARG (cut in place) after the N in BY, at
 * most MAX in all, but currency, which every group has; the new count. */
int opts_by(char *arg, char **by, int n, int max);
/* "30,60,90": strictly increasing positive integers, at most MAX. */
int opts_intlist(const char *opt, const char *s, int *out, int max);
/* An option that takes one of two words: 0 for A, 1 for B; anything else
 * is "OPT: A or B, not "S"" and the usage. */
int opts_pick(const char *opt, const char *s, const char *a, const char *b);
/* Output format for a rec_reader's input when -o was not given. */
enum rec_fmt opts_outfmt(const struct common *c, const struct rec_reader *r);

#endif
