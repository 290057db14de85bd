/* partial.h - partial results that merge exactly (SPEC 10).
 *
 * A group-by tool (ar-age -g, ar-kpi, credit-grade) gives its state per
 * group as a struct, a table of its fields (part_field) and a merge
 * function. With --partial it writes that state as CSV instead of its
 * rows; with --merge it reads any number of partials, in any order, folds
 * them with its merge function and finishes as one run would have, byte
 * for byte. --shard K/N keeps the customers whose FNV-1a hash mod N is K,
 * so that the records that must meet (an invoice and its receipts, a
 * customer's items) reach the same worker.
 *
 * The partial format: a header, then one row per group and one "run" row:
 *   _partial   "group" or "run"
 *   _options   the tool, the format version and every option that shapes
 *              the result, e.g. "ar-age/1 --as-of=2026-06-30 --by=customer";
 *              words percent-encoded; a file option (--policy, --rates)
 *              carries the file's bytes, so --merge needs none of them
 *   KEYS...    the group's fields (currency last), as the tool names them
 *   FIELDS...  the state: exact integers (sums in minor units, counts,
 *              minima, maxima, 128-bit sums as decimal text)
 *   _run       on the run row: read written filtered rejected and the
 *              tool's own counts (summed at the merge)
 * A row whose _partial is "_partial" (a header repeated by cat) is skipped.
 * Partials whose _options differ are refused (exit 2). */
#ifndef PARTIAL_H
#define PARTIAL_H

#include <stddef.h>
#include <stdint.h>

#include "opts.h"
#include "rec.h"

enum part_type { PT_I128, PT_I64, PT_I32, PT_U32, PT_I8 };

struct part_field {
	const char *name;
	size_t off;		/* offsetof(the state, the field) */
	enum part_type type;
};

static inline struct part_field
part_field(const char *name, size_t off, enum part_type type)
{
	struct part_field f = { name, off, type };
	return f;
}

#define PART_MAXKEYS 20
#define PART_NEXTRA 4

/* opts.c: every option parsed, so that a partial can carry the ones that
 * shape the result (LONGNAME NULL: an option with no long name). */
void part_note(const char *longname, int ch, const char *arg);
/* --shard K/N: 0 <= K < N. */
void part_shard_arg(const char *arg, uint32_t *k, uint32_t *n);
/* FNV-1a, 64 bits, of P[0..N). */
uint64_t part_fnv1a(const char *p, size_t n);

/* After the tool's options: checks the combinations (exit 2). With
 * --merge, opens the partials named by FILES, reads the options that the
 * first one carries and parses them again with PARSE (which must run the
 * tool's getopt loop over argc, argv); returns the partials' reader, or
 * NULL when not merging. TOOL is the tool's name. */
struct rec_reader *part_start(struct common *c, const char *tool,
    char **files, int nfiles, void (*parse)(int argc, char **argv));
/* --merge read no partial row at all (empty inputs): like one run over
 * an empty ledger, the tool writes nothing (rec_close the reader, exit). */
int part_nothing(void);
/* --shard: install the filter on the ledger's reader. */
void part_shard(struct common *c, struct rec_reader *rd);

/* Writing a partial: OUTFMT is what one run would write (it travels
 * with the options), KEYS are the names of the group's fields, FIELDS the
 * state's. */
struct part_out;
struct part_out *part_open(enum rec_fmt outfmt, const char *const *keys,
    size_t nkeys, const struct part_field *fields, size_t nfields);
void part_group(struct part_out *p, const char *const *k, const size_t *kn,
    const void *state);
/* The run row (the ledger reader's counts and the tool's EXTRA counts,
 * PART_NEXTRA of them or NULL), then close the writer. */
void part_close(struct part_out *p, struct rec_reader *rd,
    const uint64_t *extra);

/* Merging: the next group of the partials (its key fields in K, KN, its
 * state decoded into STATE, which is zeroed first; STATESIZE bytes);
 * 0 at the end. The run rows are summed as they pass. */
struct part_in;
struct part_in *part_in_new(struct rec_reader *rd, const char *const *keys,
    size_t nkeys, const struct part_field *fields, size_t nfields);
int part_next(struct part_in *p, const char **k, size_t *kn, void *state,
    size_t statesize);
/* The records the partials' runs read. */
unsigned long part_nread(const struct part_in *p);
/* The tool's EXTRA counts summed over the partials. */
const uint64_t *part_extra(const struct part_in *p);
/* End: the counts of the ledger records as one run reports them ("N of M
 * records rejected", -v), and the status (1 when any was rejected). */
int part_in_close(struct part_in *p, int verbose);

#endif
