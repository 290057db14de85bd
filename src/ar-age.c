/* ar-age - accounts-receivable ageing (账龄分析), SPEC 3. */
#include <stdio.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "aging.h"
#include "apply.h"
#include "date.h"
#include "err.h"
#include "gby.h"
#include "grp.h"
#include "interest.h"
#include "ledger.h"
#include "money.h"
#include "opts.h"
#include "out.h"
#include "partial.h"
#include "provision.h"
#include "rec.h"

#define MAXBY 16

enum { OPT_FUTURE = OPT_TOOL, OPT_BASIS, OPT_TOTAL, OPT_RATE, OPT_DAILY_RATE,
	OPT_GRACE, OPT_GRACE_MODE, OPT_APPLY, OPT_PROVISION };

static struct {
	struct common c;
	int edges[AGING_MAXEDGES], nedges;
	int future[AGING_MAXEDGES], nfuture;
	int by_invoice_date;		/* --basis invoice */
	char *by[MAXBY];
	int nby;
	int total;
	struct interest rate;
	int have_rate;
	int fifo;
	int grouped;		/* -g */
	int edges_set;		/* -b given */
	const char *provision;	/* --provision: a file, or "default" */
} opt;

static struct buckets bk;
static struct apply *ap;
static struct provision prov;

/* Late interest by balance segment (SPEC 3): the paid shorthand and every
 * receipt or credit applied by ref end a segment. Never on a disputed
 * item; an open-item list has no history: its open for every day. */
static int64_t
interest(struct balmoves *m, const struct doc *d, int64_t open)
{
	struct claim c;
	int64_t v;

	if (d->disputed || d->due_date == DATE_NONE)
		return 0;
	if (d->has_open) {
		if (interest_of(&opt.rate, open, opt.c.as_of - d->due_date,
		    &v) != 0)
			die(EXIT_FATAL, "interest too large to compute");
		return v;
	}
	apply_moves(ap, d, m);
	if (interest_claim(&opt.rate, d->amount, d->due_date, opt.c.as_of,
	    m->v, m->n, &c, NULL, NULL) != 0)
		die(EXIT_FATAL, "interest too large to compute");
	return c.interest;
}

/* ---- the state of one run ---- */

/* One summary group: 96 bytes for five buckets. Unapplied, disputed and
 * interest sums (struct extra) follow the buckets only when the input or
 * the options can make them other than zero. */
struct agg {
	i128 sum_days;		/* sum of open * days over open > 0 */
	int64_t open, sum_pos;
	uint32_t count;
	int32_t oldest;
	int8_t has_pos, dec;
	int64_t b[];		/* bk.n buckets */
};
struct extra {
	int64_t unapplied, disputed, interest, provision;
};
static int with_extra;
static size_t agg_size;

static struct extra *
extra(const struct agg *g)
{
	static struct extra zero;

	return with_extra ? (struct extra *)(uintptr_t)&g->b[bk.n] : &zero;
}

struct upd {			/* one item or unapplied amount, for a group */
	int64_t open, intr, prov;
	int32_t days;
	int16_t bucket, dec;
	int8_t disputed, unapplied;
};

struct run {			/* what one reader (one thread) works with */
	struct rec_reader *rd;
	struct ledger led;
	struct gby *groups;	/* NULL: detail mode */
	struct key gkey;
	struct balmoves mv;
};

static struct run run0;
static struct writer *wr;
static int by_slot[MAXBY], by_month[MAXBY];
static struct cell *cells;
static struct ocol *ocols;
static size_t nocols;

static void
update(void *payload, const void *data, void *ctx)
{
	struct agg *g = payload;
	const struct upd *u = data;

	(void)ctx;
	g->dec = (int8_t)u->dec;
	if (u->unapplied) {
		money_sum(&extra(g)->unapplied, u->open);
		return;
	}
	if (++g->count == 0)
		die(EXIT_FATAL, "more than %u items in one group", UINT32_MAX);
	money_sum(&g->open, u->open);
	money_sum(&g->b[u->bucket], u->open);
	if (u->disputed)
		money_sum(&extra(g)->disputed, u->open);
	if (u->intr)
		money_sum(&extra(g)->interest, u->intr);
	if (u->prov)
		money_sum(&extra(g)->provision, u->prov);
	if (u->open > 0) {
		money_sum(&g->sum_pos, u->open);
		g->sum_days += (i128)u->open * u->days;
		if (!g->has_pos || u->days > g->oldest)
			g->oldest = u->days;
		g->has_pos = 1;
	}
}

static void
push(struct run *w, struct rec *x, const struct doc *d, const struct upd *u)
{
	struct key *k = &w->gkey;

	key_reset(k);
	for (int i = 0; i < opt.nby; i++) {
		if (by_month[i]) {
			char ym[16];
			if (d->invoice_date == DATE_NONE)
				key_add(k, "", 0);
			else {
				date_format(ym, d->invoice_date);
				key_add(k, ym, 7);
			}
		} else {
			size_t n;
			const struct val *v = rec_val(x, by_slot[i]);
			const char *p = val_text(v, &n);
			key_add(k, p ? p : v->p, n);
		}
	}
	key_add(k, d->currency.p, d->currency.n);
	gby_push(w->groups, k->p, k->n, u);
}

/* An open item: DAYS overdue (or old, --basis invoice). */
static void
item(struct run *w, struct rec *x, const struct doc *d, int64_t open,
    int32_t days)
{
	int b = bucket_of(&bk, days);
	int64_t intr = opt.have_rate ? interest(&w->mv, d, open) : 0;
	int64_t pv = opt.provision ? provision_of(&prov, b, d->disputed,
	    open) : 0;

	if (w->groups == NULL) {
		size_t k = 0;
		cells[k++] = cell_money(open, d->dec);
		cells[k++] = cell_int(days);
		cells[k++] = cell_text(bk.b[b].label, strlen(bk.b[b].label));
		if (opt.have_rate)
			cells[k++] = cell_money(intr, d->dec);
		if (opt.provision)
			cells[k++] = cell_money(pv, d->dec);
		w_row(wr, x, cells);
	} else {
		struct upd u = { open, intr, pv, days, (int16_t)b,
		    (int16_t)d->dec, (int8_t)d->disputed, 0 };
		push(w, x, d, &u);
	}
	rec_written(w->rd, x);
}

/* Unapplied cash or credit: not aged, shown apart (SPEC 1.3). */
static void
unapplied(struct run *w, struct rec *x, const struct doc *d, int64_t amt)
{
	if (w->groups == NULL) {
		size_t k = 0;
		cells[k++] = cell_money(amt, d->dec);
		cells[k++] = cell_null();
		cells[k++] = cell_text("unapplied", 9);
		if (opt.have_rate)
			cells[k++] = cell_null();
		if (opt.provision)
			cells[k++] = cell_null();
		w_row(wr, x, cells);
	} else {
		struct upd u = { amt, 0, 0, 0, 0, (int16_t)d->dec, 0, 1 };
		push(w, x, d, &u);
	}
	rec_written(w->rd, x);
}

static void
process(struct run *w, struct rec *x, uint64_t seq)
{
	struct doc d;
	int64_t open;
	int32_t base, as_of = opt.c.as_of;

	if (ledger_read(&w->led, x, &d) != 0)
		return;
	if (apply_reject_duplicate(ap, w->rd, x, seq) != 0)
		return;
	if (!apply_in_time(ap, &d)) {
		rec_filtered(w->rd, x);	/* dated after --as-of */
		return;
	}
	if (!apply_is_item(ap, &d, seq)) {
		int64_t left;
		if (apply_is_applied(ap, &d, seq, &left) || left == 0)
			rec_filtered(w->rd, x);	/* in its invoice's open */
		else
			unapplied(w, x, &d, left);
		return;
	}
	base = opt.by_invoice_date ? d.invoice_date :
	    d.due_date != DATE_NONE ? d.due_date : d.invoice_date;
	if (base == DATE_NONE) {
		rec_reject(w->rd, x, "field '%s' is empty",
		    opt.by_invoice_date ? "invoice_date" : "due_date");
		return;
	}
	open = apply_open(ap, &d, seq);
	if (open == 0) {
		rec_filtered(w->rd, x);	/* closed */
		return;
	}
	item(w, x, &d, open, as_of - base);
}

static void update(void *payload, const void *data, void *ctx);
static void merge(void *into, const void *from, void *ctx);
static struct gby_ops agg_ops = { 0, sizeof(struct upd), update, merge, NULL };

static void
run_init(struct run *w, struct rec_reader *rd, int grouped)
{
	memset(w, 0, sizeof(*w));
	w->rd = rd;
	ledger_init(&w->led, rd, opt.c.currency, opt.by_invoice_date ?
	    LD_INVOICE_DATE : LD_DUE);
	if (grouped)
		w->groups = gby_new(&agg_ops, NULL);
}

static void
run_free(void *run)
{
	struct run *w = run;

	gby_free(w->groups);
	free(w->gkey.p);
	free(w->mv.v);
}

/* rec_reduce: each range of the file gets a run of its own. */
static void
range_init(void *w, struct rec_reader *rd)
{
	run_init(w, rd, 1);
}

static void
range_map(void *w, struct rec *x)
{
	process(w, x, 0);
}

static struct gby_runs runs = {
	sizeof(struct run), offsetof(struct run, groups), range_init, run_free,
	NULL
};
static const struct rec_reduce ranges = GBY_REDUCE(range_map);

/* ---- output ---- */

static void
add_col(const char *name, int numeric)
{
	ocols[nocols].name = name;
	ocols[nocols].numeric = numeric;
	nocols++;
}

static void
setup_output(enum rec_fmt fmt, int grouped)
{
	ocols = xcalloc(MAXBY + 2 * AGING_MAXEDGES + 16, sizeof(*ocols));
	cells = xcalloc(MAXBY + 2 * AGING_MAXEDGES + 16, sizeof(*cells));
	if (!grouped) {
		add_col("open", 1);
		if (opt.by_invoice_date)
			add_col("age_days", 1);
		else
			add_col("days_overdue", 1);
		add_col("bucket", 0);
		if (opt.have_rate)
			add_col("interest", 1);
		if (opt.provision)
			add_col("provision", 1);
		wr = w_open(fmt, opt.c.lang, run0.rd, ocols, nocols);
		return;
	}
	for (int i = 0; i < opt.nby; i++)
		add_col(opt.by[i], 0);
	add_col("currency", 0);
	add_col("count", 1);
	add_col("open", 1);
	for (int b = 0; b < bk.n; b++)
		add_col(bk.b[b].name, 1);
	add_col("unapplied", 1);
	add_col("balance", 1);
	add_col("disputed_open", 1);
	add_col("oldest_days", 1);
	add_col("avg_days", 1);
	if (opt.have_rate)
		add_col("interest", 1);
	if (opt.provision)
		add_col("provision", 1);
	wr = w_open(fmt, opt.c.lang, NULL, ocols, nocols);
}

static void
summary_row(const char **f, const size_t *fn, const char *cur, size_t curn,
    const struct agg *g)
{
	size_t k = 0;
	int64_t balance = g->open, avg;

	for (int i = 0; i < opt.nby; i++)	/* NULL: a --total row */
		cells[k++] = f ? cell_text(f[i], fn[i]) : cell_null();
	cells[k++] = cell_text(cur, curn);
	cells[k++] = cell_int(g->count);
	cells[k++] = cell_money(g->open, g->dec);
	for (int b = 0; b < bk.n; b++)
		cells[k++] = cell_money(g->b[b], g->dec);
	cells[k++] = cell_money(extra(g)->unapplied, g->dec);
	money_sum(&balance, extra(g)->unapplied);
	cells[k++] = cell_money(balance, g->dec);
	cells[k++] = cell_money(extra(g)->disputed, g->dec);
	cells[k++] = g->has_pos ? cell_int(g->oldest) : cell_null();
	if (g->has_pos && div128_round(g->sum_days * 10, g->sum_pos, &avg) == 0)
		cells[k++] = cell_fixed(avg, 1);
	else
		cells[k++] = cell_null();
	if (opt.have_rate)
		cells[k++] = cell_money(extra(g)->interest, g->dec);
	if (opt.provision)
		cells[k++] = cell_money(extra(g)->provision, g->dec);
	w_row(wr, NULL, cells);
}

static void
merge(void *into, const void *from, void *ctx)
{
	struct agg *t = into;
	const struct agg *g = from;

	(void)ctx;
	t->dec = g->dec;
	if (t->count + g->count < t->count)
		die(EXIT_FATAL, "more than %u items in one group", UINT32_MAX);
	t->count += g->count;
	money_sum(&t->open, g->open);
	money_sum(&extra(t)->unapplied, extra(g)->unapplied);
	money_sum(&extra(t)->disputed, extra(g)->disputed);
	money_sum(&extra(t)->interest, extra(g)->interest);
	money_sum(&extra(t)->provision, extra(g)->provision);
	money_sum(&t->sum_pos, g->sum_pos);
	t->sum_days += g->sum_days;
	for (int b = 0; b < bk.n; b++)
		money_sum(&t->b[b], g->b[b]);
	if (g->has_pos && (!t->has_pos || g->oldest > t->oldest))
		t->oldest = g->oldest;
	t->has_pos |= g->has_pos;
}

/* One row per group, in key order: the groups of the two halves (when the
 * input was split) are merged here, as both are sorted. */
static struct grp *totals;

static void
summary_group(const char *key, size_t n, const void *payload, void *arg)
{
	const char *f[MAXBY + 1];
	size_t fn[MAXBY + 1];

	(void)arg;
	key_split(key, n, f, fn, MAXBY + 1);
	summary_row(f, fn, f[opt.nby], fn[opt.nby], payload);
	if (opt.total)
		merge(grp_get(totals, f[opt.nby], fn[opt.nby],
		    grp_hash(f[opt.nby], fn[opt.nby])), payload, NULL);
}

static void
summary(void)
{
	void **v;
	const char *key;
	size_t n;

	totals = grp_new(agg_size);
	gby_walk(run0.groups, summary_group, NULL);
	/* --total: one row per currency, group fields empty (SPEC 1.9) */
	v = grp_sorted(totals);
	for (size_t k = 0; k < grp_len(totals); k++) {
		key = grp_key(v[k], &n);
		summary_row(NULL, NULL, key, n, v[k]);
	}
	free(v);
	grp_free(totals);
}

/* ---- partial results (SPEC 10) ---- */

/* The state of a group as a partial's fields: every sum, count, minimum
 * and maximum of struct agg, the buckets by their summary names. */
static struct part_field *pfields;
static size_t npfields;
static const char *pkeys[MAXBY + 1];

static void
part_layout(void)
{
	static const struct part_field fixed[] = {
		{ "count", offsetof(struct agg, count), PT_U32 },
		{ "open", offsetof(struct agg, open), PT_I64 },
		{ "open_pos", offsetof(struct agg, sum_pos), PT_I64 },
		{ "open_days", offsetof(struct agg, sum_days), PT_I128 },
		{ "oldest_days", offsetof(struct agg, oldest), PT_I32 },
		{ "has_pos", offsetof(struct agg, has_pos), PT_I8 },
		{ "decimals", offsetof(struct agg, dec), PT_I8 },
	};
	static const char *const ext[] = { "unapplied", "disputed_open",
	    "interest", "provision" };
	size_t n = 0, b0 = offsetof(struct agg, b);

	pfields = xcalloc(sizeof(fixed) / sizeof(fixed[0]) + (size_t)bk.n + 4,
	    sizeof(*pfields));
	for (size_t i = 0; i < sizeof(fixed) / sizeof(fixed[0]); i++)
		pfields[n++] = fixed[i];
	for (int b = 0; b < bk.n; b++) {
		pfields[n] = part_field(bk.b[b].name,
		    b0 + (size_t)b * sizeof(int64_t), PT_I64);
		n++;
	}
	for (size_t i = 0; i < 4; i++) {	/* struct extra, after the buckets */
		pfields[n] = part_field(ext[i], b0 + (size_t)bk.n *
		    sizeof(int64_t) + i * sizeof(int64_t), PT_I64);
		n++;
	}
	npfields = n;
	for (int i = 0; i < opt.nby; i++)
		pkeys[i] = opt.by[i];
	pkeys[opt.nby] = "currency";
}

static void
partial_group(const char *key, size_t n, const void *payload, void *arg)
{
	const char *f[MAXBY + 1];
	size_t fn[MAXBY + 1];

	key_split(key, n, f, fn, MAXBY + 1);
	part_group(arg, f, fn, payload);
}

static void
write_partial(enum rec_fmt fmt)
{
	struct part_out *p = part_open(fmt, pkeys, (size_t)opt.nby + 1, pfields,
	    npfields);

	gby_walk(run0.groups, partial_group, p);
	part_close(p, run0.rd, NULL);
}

/* --merge: every partial's groups folded into one table. */
static struct part_in *
merge_partials(struct rec_reader *prd)
{
	struct part_in *p = part_in_new(prd, pkeys, (size_t)opt.nby + 1,
	    pfields, npfields);
	const char *k[MAXBY + 1];
	size_t kn[MAXBY + 1];
	struct agg *g = xcalloc(1, agg_size);
	struct key key = { NULL, 0, 0 };

	while (part_next(p, k, kn, g, agg_size)) {
		key_reset(&key);
		for (int i = 0; i <= opt.nby; i++)
			key_add(&key, k[i], kn[i]);
		merge(gby_get(run0.groups, key.p, key.n), g, NULL);
	}
	free(g);
	free(key.p);
	return p;
}

/* ---- main ---- */

static const struct tool tool = {
	"ar-age",
	"ar-age [-hqVv] [-b days,...] [-F delim] [-g field,...] [-i fmt] [-o fmt]\n"
	"              [-O file] [--as-of date] [--basis due|invoice]\n"
	"              [--future days,...] [--total]\n"
	"              [--rate pct | --daily-rate pct] [--grace days] "
	"[--grace-mode waive|deduct]\n"
	"              [--apply fifo] [--provision file|default|dump] [--currency cur]\n"
	"              [--reject file] [--strict] [--max-record bytes] [--lang zh|en]\n"
	"              [--partial | --merge] [--shard k/n] [--fields list] [file ...]",
	"Age open receivables: every open item with open, days_overdue and bucket,\n"
	"or with -g one row per group and currency with the bucket totals.",
	"  -b, --buckets LIST     bucket edges in days (default 30,60,90,120)\n"
	"  -g, --by LIST          summary per group: fields, comma-separated; month\n"
	"                         is the month of invoice_date; currency is always added\n"
	"      --basis due|invoice  age from the due date (default) or invoice date\n"
	"      --future LIST      also split items not yet due by days until due\n"
	"      --total            add a total row per currency\n"
	"      --rate PCT         late interest, PCT a year (open * PCT/100/365 a day)\n"
	"      --daily-rate PCT   late interest, PCT a day (日万分之五 = 0.05)\n"
	"      --grace DAYS       no interest until more than DAYS overdue\n"
	"      --grace-mode MODE  waive: then from the due date (default);\n"
	"                         deduct: only the days beyond the grace\n"
	"      --apply fifo       net unapplied cash and credits against the oldest items\n"
	"      --provision FILE   bad-debt provision per bucket (bucket = PCT lines), or\n"
	"                         default: 5/10/30/50/80/100% by years past due, with\n"
	"                         -b 365,730,1095,1460,1825 unless -b is given;\n"
	"                         dump: print the keys and their defaults\n",
	OG_AS_OF | OG_LANG | OG_PARTIAL,
	OUT_RECORDS
};

static void
parse(int argc, char **argv)
{
	static const struct option own[] = {
		{ "buckets", required_argument, NULL, 'b' },
		{ "by", required_argument, NULL, 'g' },
		{ "future", required_argument, NULL, OPT_FUTURE },
		{ "basis", required_argument, NULL, OPT_BASIS },
		{ "total", no_argument, NULL, OPT_TOTAL },
		{ "rate", required_argument, NULL, OPT_RATE },
		{ "daily-rate", required_argument, NULL, OPT_DAILY_RATE },
		{ "grace", required_argument, NULL, OPT_GRACE },
		{ "grace-mode", required_argument, NULL, OPT_GRACE_MODE },
		{ "apply", required_argument, NULL, OPT_APPLY },
		{ "provision", required_argument, NULL, OPT_PROVISION },
		{ NULL, 0, NULL, 0 }
	};
	int ch;

	while ((ch = opts_next(&opt.c, argc, argv, own, "b:g:")) != -1) {
		switch (ch) {
		case 'b':
			opt.nedges = opts_intlist("-b", optarg, opt.edges,
			    AGING_MAXEDGES);
			opt.edges_set = 1;
			break;
		case 'g':
			opt.grouped = 1;
			opt.nby = opts_by(optarg, opt.by, opt.nby, MAXBY);
			break;
		case OPT_FUTURE:
			opt.nfuture = opts_intlist("--future", optarg, opt.future,
			    AGING_MAXEDGES);
			break;
		case OPT_BASIS:
			opt.by_invoice_date = opts_pick("--basis", optarg, "due",
			    "invoice");
			break;
		case OPT_TOTAL:
			opt.total = 1;
			break;
		case OPT_RATE:
		case OPT_DAILY_RATE:
			if (opt.have_rate) {
				warnx("--rate and --daily-rate: give one");
				usage();
			}
			if (decimal_parse(optarg, &opt.rate.pct) != 0) {
				warnx("%s: \"%s\" is not a percentage such as 6 or 0.05",
				    ch == OPT_RATE ? "--rate" : "--daily-rate", optarg);
				usage();
			}
			opt.have_rate = 1;
			opt.rate.daily = ch == OPT_DAILY_RATE;
			break;
		case OPT_GRACE:
			opt.rate.grace = (int)opts_int("--grace", optarg, 0, 100000);
			break;
		case OPT_GRACE_MODE:
			opt.rate.deduct = opts_pick("--grace-mode", optarg, "waive",
			    "deduct");
			break;
		case OPT_APPLY:
			opt.fifo = opts_pick("--apply", optarg, "fifo", "none") == 0;
			break;
		case OPT_PROVISION:
			opt.provision = optarg;
			break;
		default:
			usage();
		}
	}
}

int
main(int argc, char **argv)
{
	struct rec_reader *rd, *prd;
	struct rec *x;
	uint64_t seq = 0;
	int grouped, st;

	opts_init(&opt.c, &tool, argc, argv);
	opt.edges[0] = 30, opt.edges[1] = 60, opt.edges[2] = 90, opt.edges[3] = 120;
	opt.nedges = 4;
	parse(argc, argv);
	argc -= optind;
	argv += optind;
	if (opt.by_invoice_date && opt.nfuture > 0) {
		warnx("--future splits items not yet due: it needs --basis due");
		usage();
	}
	prd = part_start(&opt.c, tool.name, argv, argc, parse);
	if (prd != NULL && part_nothing())
		return fshut(rec_close(prd, 0));
	grouped = opt.grouped;
	if (opt.total && !grouped) {
		warnx("--total needs -g");
		usage();
	}
	if ((opt.c.partial || opt.c.merge) && !grouped) {
		warnx("--partial and --merge need -g: the detail is one row per "
		    "item, and its parts are simply put together");
		usage();
	}
	opts_finish(&opt.c, NULL);
	if (opt.provision && !opt.edges_set) {	/* the years of 账龄分析法 */
		static const int years[] = PROVISION_EDGES;
		memcpy(opt.edges, years, sizeof(years));
		opt.nedges = PROVISION_NEDGES;
	}
	buckets_make(&bk, opt.edges, opt.nedges, opt.future, opt.nfuture,
	    opt.by_invoice_date);
	if (opt.provision && strcmp(opt.provision, "dump") == 0) {
		provision_dump(&prov, &bk);	/* the keys, for a file */
		return fshut(0);
	}
	if (opt.provision)
		provision_load(&prov, &bk, strcmp(opt.provision, "default") ==
		    0 ? NULL : opt.provision);

	if (prd != NULL) {
		struct part_in *p;
		with_extra = 1;
		agg_size = sizeof(struct agg) + (size_t)bk.n * sizeof(int64_t) +
		    sizeof(struct extra);
		agg_ops.payload = agg_size;
		part_layout();
		run0.groups = gby_new(&agg_ops, NULL);
		p = merge_partials(prd);
		setup_output(opts_outfmt(&opt.c, NULL), 1);
		summary();
		w_close(wr, 0);
		run_free(&run0);
		free(ocols);
		free(cells);
		free(pfields);
		return fshut(part_in_close(p, opt.c.verbose));
	}
	rd = rec_open(argv, argc, &opt.c.in);
	part_shard(&opt.c, rd);
	for (int i = 0; i < opt.nby; i++) {
		by_month[i] = strcmp(opt.by[i], "month") == 0;
		if (!by_month[i]) {
			by_slot[i] = rec_col(rd, opt.by[i]);
			rec_require(rd, by_slot[i]);
		}
	}
	/* the group entry: buckets, and the rarer sums only when needed */
	with_extra = opt.have_rate || opt.provision || rec_format(rd) == FMT_JSON ||
	    rec_has(rd, rec_col(rd, "disputed")) || rec_has(rd, rec_col(rd,
	    "doc_type")) || rec_has(rd, rec_col(rd, "ref")) || opt.fifo ||
	    opt.c.partial;
	agg_size = sizeof(struct agg) + (size_t)bk.n * sizeof(int64_t) +
	    (with_extra ? sizeof(struct extra) : 0);
	agg_ops.payload = agg_size;
	run_init(&run0, rd, grouped);
	ap = apply_new(opt.c.as_of, opt.fifo, opt.have_rate);
	if (rec_empty(rd))
		return fshut(rec_close(rd, opt.c.verbose));
	if (opt.c.partial)
		part_layout();
	else
		setup_output(opts_outfmt(&opt.c, rd), grouped);
	if (ledger_has_docs(&run0.led) || opt.fifo) {
		rec_want_rewind(rd);
		apply_join(ap, &run0.led, rd, opt.by_invoice_date, 0);
		while ((x = rec_next(rd)) != NULL)
			process(&run0, x, seq++);
	} else if (grouped)
		rec_reduce(rd, &ranges, &runs, &run0);
	else
		while ((x = rec_next(rd)) != NULL)
			process(&run0, x, 0);
	if (opt.c.partial)
		write_partial(opts_outfmt(&opt.c, rd));
	else {
		if (grouped)
			summary();
		w_close(wr, 0);
	}
	st = rec_close(rd, opt.c.verbose);
	apply_free(ap);
	run_free(&run0);
	free(ocols);
	free(cells);
	free(pfields);
	return fshut(st);
}
