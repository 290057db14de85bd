/* ar-kpi - how well collection works (考核, 复盘), SPEC 5.2. */
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
#include "ledger.h"
#include "money.h"
#include "opts.h"
#include "out.h"
#include "rec.h"

#define MAXBY 16
#define NMONTHS 24		/* dso_countback looks back at most this far */

enum { OPT_GRACE = OPT_TOOL, OPT_COST_RATE };

static struct {
	struct common c;
	char *by[MAXBY];
	int nby;
	int32_t from, to;	/* the period, inclusive */
	int grace;		/* days an on-time payment may be late */
	struct interest cost;	/* --cost-rate: a year, no grace */
	int have_cost;
} opt;

/* The calendar months back from --to: month k starts on mstart[k] and has
 * mlen[k] days (the month of --to counts up to --to only). */
static int32_t mstart[NMONTHS], mlen[NMONTHS];
static int32_t period_days;

/* ---- the state of one run ---- */

/* One group: money sums (and the billing of each month back from --to, for
 * dso_countback), and counts of the items due in the period. */
enum { S_BILLED, S_COLLECTED, S_OPENING, S_CLOSING, S_CURRENT, S_OVERDUE,
	S_DISPUTED, S_COST, S_DUE_AMT, S_ONTIME_AMT, S_LATE_DAYS, S_MONTH,
	NSUMS = S_MONTH + NMONTHS };
enum { N_DUE, N_ONTIME, N_LATE, NCOUNTS };
struct agg {
	int64_t s[NSUMS];
	uint32_t n[NCOUNTS];
	int8_t dec, active;	/* active: more than billing looked back at */
};

/* What one record adds to its group. */
enum { F_ACTIVE = 1, F_BILLED = 2, F_ITEM = 4, F_OVERDUE = 8, F_DISPUTED = 16 };
struct upd {
	int64_t amount;		/* billed (F_BILLED), in month MI, or due */
	int64_t collected, opening, closing, cost;
	int32_t late;		/* days late, when DUE == 2 */
	int8_t mi;		/* month back from --to of AMOUNT, or -1 */
	int8_t due;		/* due in the period: 1 on time, 2 late */
	int8_t dec, flags;
};

struct run {			/* what one reader (one thread) works with */
	struct rec_reader *rd;
	struct ledger led;
	struct gby *groups;
	struct key gkey;
};

static struct run run0;
static struct apply *ap;
static struct writer *wr;
static int by_slot[MAXBY], by_month[MAXBY], any_month;

static void
add(int64_t *acc, int64_t v)
{
	if (money_add(acc, v) != 0)
		die(EXIT_FATAL, "a sum of amounts is too large (over %lld minor "
		    "units)", (long long)INT64_MAX);
}

static void
count(struct agg *g, int i, uint32_t n)
{
	if (g->n[i] + n < g->n[i])
		die(EXIT_FATAL, "more than %u items in one group", UINT32_MAX);
	g->n[i] += n;
}

static int
in_period(int32_t date)
{
	return date != DATE_NONE && date >= opt.from && date <= opt.to;
}

/* Which month back from --to DATE is in, or -1. */
static int
month_index(int32_t date)
{
	if (date == DATE_NONE || date > opt.to || date < mstart[NMONTHS - 1])
		return -1;
	for (int k = 0;; k++)
		if (date >= mstart[k])
			return k;
}

static void
update(void *payload, const void *data, void *ctx)
{
	struct agg *g = payload;
	const struct upd *u = data;

	(void)ctx;
	g->dec = u->dec;
	g->active |= u->flags & F_ACTIVE;
	if (u->flags & F_BILLED)
		add(&g->s[S_BILLED], u->amount);
	if (u->mi >= 0)
		add(&g->s[S_MONTH + u->mi], u->amount);
	add(&g->s[S_COLLECTED], u->collected);
	add(&g->s[S_OPENING], u->opening);
	add(&g->s[S_CLOSING], u->closing);
	if (u->flags & F_ITEM)
		add(&g->s[u->flags & F_OVERDUE ? S_OVERDUE : S_CURRENT],
		    u->closing);
	if (u->flags & F_DISPUTED)
		add(&g->s[S_DISPUTED], u->closing);
	add(&g->s[S_COST], u->cost);
	if (u->due) {
		count(g, N_DUE, 1);
		add(&g->s[S_DUE_AMT], u->amount);
		count(g, u->due == 1 ? N_ONTIME : N_LATE, 1);
		add(&g->s[u->due == 1 ? S_ONTIME_AMT : S_LATE_DAYS],
		    u->due == 1 ? u->amount : u->late);
	}
}

/* To the group of record X; a month field takes the month of MDATE. */
static void
push(struct run *w, struct rec *x, const struct doc *d, int32_t mdate,
    const struct upd *u)
{
	struct key *k = &w->gkey;

	key_reset(k);
	for (int i = 0; i < opt.nby; i++) {
		if (by_month[i]) {
			if (mdate == DATE_NONE)
				key_add(k, "", 0);
			else {
				char ym[16];
				date_format(ym, mdate);
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

/* The day invoice D was settled: receipts and the dated paid shorthand in
 * date order (apply_settled). */
static int32_t
settled(const struct doc *d, int *unknown)
{
	return apply_settled(ap, d, unknown);
}

/* On time: settled by the due date + --grace. Judged as of --to: what was
 * settled later is still open then, late once the grace has run out, and
 * not judged yet (left out) before that. */
static void
on_time(const struct doc *d, struct upd *u)
{
	int unknown;
	int32_t due = d->due_date, paid;

	if (d->amount <= 0 || !in_period(due))
		return;
	paid = settled(d, &unknown);
	if (paid == DATE_NONE && unknown)
		u->due = 1;	/* settled by a receipt before any date */
	else if (paid != DATE_NONE && paid <= opt.to) {
		u->due = paid - due <= opt.grace ? 1 : 2;
		u->late = paid - due;
	} else if (opt.to - due > opt.grace) {
		u->due = 2;
		u->late = opt.to - due;
	}
}

/* An invoice, or an adjustment aged on its own. */
static int
item(struct run *w, struct rec *x, const struct doc *d, struct upd *u)
{
	int32_t base = d->due_date != DATE_NONE ? d->due_date : d->invoice_date;

	if (base == DATE_NONE) {
		rec_reject(w->rd, x, "field 'due_date' is empty");
		return -1;
	}
	u->flags |= F_ITEM | (opt.to > base ? F_OVERDUE : 0) |
	    (d->disputed ? F_DISPUTED : 0);
	u->closing = apply_open_at(ap, d, opt.to);
	u->opening = apply_open_at(ap, d, opt.from - 1);
	/* not issued yet on the day before the period: only what was received
	 * before it counts (a blank paid_date: when it was issued) */
	if (d->invoice_date != DATE_NONE && d->invoice_date >= opt.from)
		add(&u->opening, -(d->amount - (d->paid_date == DATE_NONE ?
		    d->paid : 0)));
	if (opt.have_cost && interest_of(&opt.cost, u->closing, opt.to - base,
	    &u->cost) != 0)
		die(EXIT_FATAL, "overdue cost too large to compute");
	if (d->paid != 0 && in_period(d->paid_date))
		u->collected = d->paid;
	if (d->type == DOC_INVOICE) {
		u->amount = d->amount;
		u->flags |= in_period(d->invoice_date) ? F_BILLED : 0;
		u->mi = (int8_t)month_index(d->invoice_date);
		on_time(d, u);
	}
	return 0;
}

/* A receipt, a credit note, or an adjustment applied to an invoice. */
static void
receipt(const struct doc *d, struct upd *u)
{
	int64_t v;

	if (!apply_is_applied(ap, d, 0, &v)) {
		/* unapplied: the customer's credit from its date on */
		u->closing = v;
		if (d->invoice_date == DATE_NONE || d->invoice_date < opt.from)
			u->opening = v;
	} else {
		/* applied: in its invoice's open; what it is worth, whole,
		 * is what apply.c counts when it applies to nothing */
		struct doc own = *d;
		own.ref.n = 0;
		apply_is_applied(ap, &own, 0, &v);
	}
	if (d->type == DOC_CREDIT_NOTE) {
		u->amount = v;
		u->flags |= in_period(d->invoice_date) ? F_BILLED : 0;
		u->mi = (int8_t)month_index(d->invoice_date);
	} else if (d->type == DOC_PAYMENT && in_period(d->invoice_date))
		u->collected = -v;
}

/* One record (rec_reduce's map). Without FIFO, apply.c needs no record
 * numbers. */
static void
process(void *state, struct rec *x)
{
	struct run *w = state;
	struct doc d;
	struct upd u, c;
	int32_t pm = DATE_NONE;

	if (ledger_read(&w->led, x, &d) != 0)
		return;
	if (!apply_in_time(ap, &d)) {
		rec_filtered(w->rd, x);	/* dated after --to */
		return;
	}
	u = (struct upd){ .mi = -1, .dec = (int8_t)d.dec };
	if (apply_is_item(ap, &d)) {
		if (item(w, x, &d, &u) != 0)
			return;
	} else
		receipt(&d, &u);
	if ((u.flags & F_BILLED) || u.collected || u.opening || u.closing || u.due)
		u.flags |= F_ACTIVE;
	if (u.amount == 0)
		u.mi = -1;
	if (!(u.flags & F_ACTIVE) && u.mi < 0) {
		rec_filtered(w->rd, x);	/* closed before the period */
		return;
	}
	/* with -g month the paid shorthand counts in the month it was paid */
	if (any_month && u.collected && d.type != DOC_PAYMENT &&
	    (d.invoice_date == DATE_NONE || date_month_start(d.paid_date) !=
	    date_month_start(d.invoice_date))) {
		c = (struct upd){ .collected = u.collected, .mi = -1,
		    .dec = u.dec, .flags = F_ACTIVE };
		u.collected = 0;
		pm = d.paid_date;
		if (!((u.flags & F_BILLED) || u.opening || u.closing || u.due))
			u.flags &= ~F_ACTIVE;
	}
	push(w, x, &d, d.invoice_date, &u);
	if (pm != DATE_NONE)
		push(w, x, &d, pm, &c);
	if ((u.flags & F_ACTIVE) || pm != DATE_NONE)
		rec_written(w->rd, x);
	else
		rec_filtered(w->rd, x);	/* only looked back at */
}

/* The other half's group (the same key) into this one's. */
static void
merge(void *into, const void *from, void *ctx)
{
	struct agg *t = into;
	const struct agg *g = from;

	(void)ctx;
	for (int i = 0; i < NSUMS; i++)
		add(&t->s[i], g->s[i]);
	for (int i = 0; i < NCOUNTS; i++)
		count(t, i, g->n[i]);
	t->active |= g->active;
}

static const struct gby_ops agg_ops = {
	sizeof(struct agg), sizeof(struct upd), update, merge
};

static void
run_init(struct run *w, struct rec_reader *rd)
{
	memset(w, 0, sizeof(*w));
	w->rd = rd;
	ledger_init(&w->led, rd, opt.c.currency, LD_DUE | LD_INVOICE_DATE);
	w->groups = gby_new(&agg_ops, NULL);
}

static void
run_free(struct run *w)
{
	gby_free(w->groups);
	free(w->gkey.p);
}

/* rec_reduce: the second half of a file gets a run of its own. */
static void *
half_state(void *ctx, struct rec_reader *rd)
{
	struct run *w = xmalloc(sizeof(*w));

	(void)ctx;
	run_init(w, rd);
	return w;
}

static void
half_release(void *state)
{
	run_free(state);
	free(state);
}

static struct gby_halves gby_halves = {
	offsetof(struct run, groups), half_release
};

static const struct rec_reduce halves = {
	half_state, process, gby_half_finish, gby_half_merge, gby_half_free
};

/* ---- output ---- */

static const struct ocol figures[] = {
	{ "currency", 0 },
	{ "billed", 1 },
	{ "collected", 1 },
	{ "opening_ar", 1 },
	{ "closing_ar", 1 },
	{ "current_ar", 1 },
	{ "overdue", 1 },
	{ "dso", 1 },
	{ "dso_avg", 1 },
	{ "dso_countback", 1 },
	{ "bpdso", 1 },
	{ "add", 1 },
	{ "cei", 1 },
	{ "on_time_rate", 1 },
	{ "on_time_rate_amount", 1 },
	{ "overdue_ratio", 1 },
	{ "avg_days_late", 1 },
	{ "disputed_open", 1 },
	{ "overdue_cost", 1 },
};
#define NFIGURES (sizeof(figures) / sizeof(figures[0]))
static struct ocol ocols[MAXBY + NFIGURES];
static struct cell cells[MAXBY + NFIGURES];
static size_t nocols;

static void
setup_output(enum rec_fmt fmt)
{
	for (int i = 0; i < opt.nby; i++)
		ocols[nocols++].name = opt.by[i];
	for (size_t i = 0; i < NFIGURES - !opt.have_cost; i++)
		ocols[nocols++] = figures[i];
	wr = w_open(fmt, opt.c.lang, NULL, ocols, nocols);
}

/* NUM / DEN with SCALE decimals, rounded half away from zero; null when
 * undefined (DEN = 0) or too large. */
static struct cell
ratio(i128 num, i128 den, int scale)
{
	int64_t v;

	for (int i = 0; i < scale; i++)
		num *= 10;
	if (den == 0 || div128_round(num, den, &v) != 0)
		return cell_null();
	return cell_fixed(v, scale);
}

/* Countback DSO: closing AR less each month's billing, from the month of
 * --to back, adding each month's days; the month that covers what is left
 * counts pro rata. A month billing nothing (or less) adds its days whole. */
static struct cell
countback(const struct agg *g)
{
	i128 rest = g->s[S_CLOSING], days = 0;

	if (rest <= 0)
		return cell_fixed(0, 1);
	for (int k = 0; k < NMONTHS; k++) {
		int64_t b = g->s[S_MONTH + k];
		if (b > 0 && rest <= b)
			return ratio(days * b + rest * mlen[k], b, 1);
		if (b > 0)
			rest -= b;
		days += mlen[k];
	}
	return cell_fixed((int64_t)days * 10, 1);	/* 24 months and more */
}

static void
summary_row(const char **f, const size_t *fn, const struct agg *g)
{
	const int64_t *s = g->s;
	size_t k = 0;
	i128 d = period_days, ob = (i128)s[S_OPENING] + s[S_BILLED];
	struct cell dso, bp;

	for (int i = 0; i <= opt.nby; i++)	/* the group fields, currency */
		cells[k++] = cell_text(f[i], fn[i]);
	for (int i = S_BILLED; i <= S_OVERDUE; i++)
		cells[k++] = cell_money(s[i], g->dec);
	cells[k++] = dso = ratio(s[S_CLOSING] * d, s[S_BILLED], 1);
	cells[k++] = ratio(((i128)s[S_OPENING] + s[S_CLOSING]) * d,
	    (i128)s[S_BILLED] * 2, 1);
	cells[k++] = countback(g);
	cells[k++] = bp = ratio(s[S_CURRENT] * d, s[S_BILLED], 1);
	/* from the rounded figures, so that add = dso - bpdso as printed */
	cells[k++] = dso.kind == C_NULL || bp.kind == C_NULL ? cell_null() :
	    cell_fixed(dso.i - bp.i, 1);
	cells[k++] = ratio((ob - s[S_CLOSING]) * 100, ob - s[S_CURRENT], 1);
	cells[k++] = ratio(g->n[N_ONTIME], g->n[N_DUE], 4);
	cells[k++] = ratio(s[S_ONTIME_AMT], s[S_DUE_AMT], 4);
	cells[k++] = ratio(s[S_OVERDUE], s[S_CLOSING], 4);
	cells[k++] = ratio(s[S_LATE_DAYS], g->n[N_LATE], 1);
	cells[k++] = cell_money(s[S_DISPUTED], g->dec);
	if (opt.have_cost)
		cells[k++] = cell_money(s[S_COST], g->dec);
	w_row(wr, NULL, cells);
}

/* One row per group, in key order. Groups that only billed before the
 * period (looked back at by dso_countback) have no row. */
static void
summary_group(const char *key, size_t n, const void *payload, void *arg)
{
	const struct agg *g = payload;
	const char *f[MAXBY + 1];
	size_t fn[MAXBY + 1];

	(void)arg;
	if (!g->active)
		return;
	key_split(key, n, f, fn, MAXBY + 1);
	summary_row(f, fn, g);
}

/* ---- main ---- */

static const struct tool tool = {
	"ar-kpi",
	"ar-kpi [-hVv] [-F delim] [-g field,...] [-i fmt] [-o fmt] [--as-of date]\n"
	"              [--from date --to date] [--grace days] [--cost-rate pct]\n"
	"              [--currency cur] [--reject file] [--strict] "
	"[--max-record bytes]\n"
	"              [--lang zh|en] [file ...]",
	"Collection KPIs for a period (--from and --to, not after --as-of; default:\n"
	"the calendar month before --as-of), one row per group and currency:\n"
	"billed, collected, opening and closing AR, DSO (simple, average, countback,\n"
	"best possible), ADD, CEI, on-time rates, overdue ratio and days late.",
	"  -g, --by LIST          group fields, comma-separated; month is the month\n"
	"                         of the document (of paid_date for the paid\n"
	"                         shorthand); currency is always added\n"
	"      --grace DAYS       a payment up to DAYS after the due date is on time\n"
	"      --cost-rate PCT    add overdue_cost: open * PCT/100/365 a day overdue\n",
	OG_AS_OF | OG_LANG | OG_PERIOD,
	OUT_RECORDS
};

static void
parse_by(char *arg)
{
	char *p, *save = NULL;

	if (*arg == '\0') {
		warnx("-g: no field names");
		usage();
	}
	for (p = strtok_r(arg, ",", &save); p; p = strtok_r(NULL, ",", &save)) {
		if (opt.nby == MAXBY) {
			warnx("-g: at most %d fields", MAXBY);
			usage();
		}
		if (strcmp(p, "currency") == 0)
			continue;	/* always in the group */
		opt.by[opt.nby++] = p;
	}
}

/* --from and --to, or the calendar month before --as-of; then the months
 * dso_countback walks back through. */
static void
period(void)
{
	const char *f = opt.c.from_arg, *t = opt.c.to_arg;

	if ((f == NULL) != (t == NULL)) {
		warnx("%s needs %s too", f ? "--from" : "--to", f ? "--to" : "--from");
		usage();
	}
	if (f) {
		opt.from = opts_date("--from", f);
		opt.to = opts_date("--to", t);
	} else {
		opt.to = date_month_start(opt.c.as_of) - 1;
		opt.from = date_month_start(opt.to);
	}
	if (opt.from > opt.to) {
		warnx("--from %s is after --to %s", f, t);
		usage();
	}
	if (opt.to > opt.c.as_of) {
		warnx("--to %s is after --as-of %s: the period has not ended", t,
		    opt.c.as_of_arg ? opt.c.as_of_arg : "today");
		usage();
	}
	period_days = opt.to - opt.from + 1;
	mstart[0] = date_month_start(opt.to);
	mlen[0] = opt.to - mstart[0] + 1;
	for (int k = 1; k < NMONTHS; k++) {
		mstart[k] = date_month_start(mstart[k - 1] - 1);
		mlen[k] = mstart[k - 1] - mstart[k];
	}
}

int
main(int argc, char **argv)
{
	static const struct option own[] = {
		{ "by", required_argument, NULL, 'g' },
		{ "grace", required_argument, NULL, OPT_GRACE },
		{ "cost-rate", required_argument, NULL, OPT_COST_RATE },
		{ NULL, 0, NULL, 0 }
	};
	struct rec_reader *rd;
	int ch, st;

	opts_init(&opt.c, &tool, argc, argv);
	while ((ch = opts_next(&opt.c, argc, argv, own, "g:")) != -1) {
		switch (ch) {
		case 'g':
			parse_by(optarg);
			break;
		case OPT_GRACE:
			opt.grace = (int)opts_int("--grace", optarg, 0, 100000);
			break;
		case OPT_COST_RATE:
			if (decimal_parse(optarg, &opt.cost.pct) != 0) {
				warnx("--cost-rate: \"%s\" is not a percentage such "
				    "as 6 or 4.35", optarg);
				usage();
			}
			opt.have_cost = 1;
			break;
		default:
			usage();
		}
	}
	argc -= optind;
	argv += optind;
	opts_finish(&opt.c, NULL);
	period();

	rd = rec_open(argv, argc, &opt.c.in);
	for (int i = 0; i < opt.nby; i++) {
		by_month[i] = strcmp(opt.by[i], "month") == 0;
		any_month |= by_month[i];
		if (!by_month[i]) {
			by_slot[i] = rec_col(rd, opt.by[i]);
			rec_require(rd, by_slot[i]);
		}
	}
	run_init(&run0, rd);
	/* dated: open on two days, and the day each invoice was settled */
	ap = apply_new(opt.to, 0, 1);
	if (rec_empty(rd))
		return fshut(rec_close(rd, opt.c.verbose));
	setup_output(opts_outfmt(&opt.c, rd));
	if (ledger_has_docs(&run0.led)) {
		struct rec *x;

		rec_want_rewind(rd);
		apply_join(ap, &run0.led, rd, 0, 0);
		while ((x = rec_next(rd)) != NULL)
			process(&run0, x);
	} else
		rec_reduce(rd, &halves, &gby_halves, &run0);
	gby_walk(run0.groups, summary_group, NULL);
	w_close(wr, 0);
	st = rec_close(rd, opt.c.verbose);
	apply_free(ap);
	run_free(&run0);
	return fshut(st);
}
