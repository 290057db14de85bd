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
#include "partial.h"
#include "rec.h"

#define MAXBY 16
#define NMONTHS 24		/* dso_countback looks back at most this far */
#define MAXPERIODS 1200		/* --every week over 23 years */
#define PKEY 127		/* a period in a key: two bytes in 1..127 */

enum { OPT_GRACE = OPT_TOOL, OPT_COST_RATE, OPT_EVERY };
enum every { EVERY_NONE, EVERY_MONTH, EVERY_QUARTER, EVERY_WEEK };

static struct {
	struct common c;
	char *by[MAXBY];
	int nby;
	int32_t from, to;	/* all the periods, inclusive */
	enum every every;
	int grace;		/* days an on-time payment may be late */
	struct interest cost;	/* --cost-rate: a year, no grace */
	int have_cost;
} opt;

/* The periods: [pstart[p], pend[p]], in order, covering --from .. --to. */
static int32_t pstart[MAXPERIODS], pend[MAXPERIODS];
static int nperiods;
/* The first day of each calendar month back from pend[p]: [0] is its own
 * month's, [k] k months before (for the countback, computed once). */
static int32_t pmonth[MAXPERIODS][NMONTHS + 1];

/* ---- the state of one run ---- */

/* One group of one period: money sums (and the billing of each month back
 * from the period's end, for dso_countback), and counts of the items due in
 * the period. */
enum { S_BILLED, S_COLLECTED, S_OPENING, S_CLOSING, S_CURRENT, S_OVERDUE,
	S_DISPUTED, S_COST, S_DUE_AMT, S_ONTIME_AMT, S_LATE_DAYS, S_MONTH,
	NSUMS = S_MONTH + NMONTHS };
enum { N_DUE, N_ONTIME, N_LATE, NCOUNTS };
struct agg {
	int64_t s[NSUMS];
	uint32_t n[NCOUNTS];
	int8_t dec, active;	/* active: more than billing looked back at */
};

/* What one record adds to its group in one period. */
enum { F_ACTIVE = 1, F_ITEM = 2, F_OVERDUE = 4, F_DISPUTED = 8 };
struct upd {
	int64_t billed, collected, opening, closing, cost;
	int64_t due_amt;	/* the amount of an item due in the period */
	int64_t month[4];	/* billing in month MI[i] back from the end */
	int32_t late;		/* days late, when DUE == 2 */
	int8_t mi[4];		/* -1: unused */
	int8_t due;		/* due in the period: 1 on time, 2 late */
	int8_t dec, flags;
};

struct run {			/* what one reader (one thread) works with */
	struct rec_reader *rd;
	struct ledger led;
	struct gby *groups;
	struct key gkey;
	unsigned long undated;	/* receipts with no date */
	uint64_t seq;		/* the record's number (with receipts: in order) */
};

static struct run run0;
static struct apply *ap;
static struct writer *wr;
static int by_slot[MAXBY], by_cohort[MAXBY];

static void
count(struct agg *g, int i, uint32_t n)
{
	if (g->n[i] + n < g->n[i])
		die(EXIT_FATAL, "more than %u items in one group", UINT32_MAX);
	g->n[i] += n;
}

static int
in_period(int p, int32_t date)
{
	return date != DATE_NONE && date >= pstart[p] && date <= pend[p];
}

/* The date a receipt counts from: its own, or with none the invoice's. */
static int32_t
when(int32_t date, int32_t issued)
{
	return date != DATE_NONE ? date : issued;
}

/* Which calendar month back from period P's end (0: the end's own) DATE
 * is in, or -1. */
static int
month_index(int32_t date, int p)
{
	const int32_t *ms = pmonth[p];
	int lo = 0, hi = NMONTHS;

	if (date == DATE_NONE || date > pend[p] || date < ms[NMONTHS - 1])
		return -1;
	while (lo < hi) {	/* the first k with ms[k] <= date */
		int mid = (lo + hi) / 2;
		if (ms[mid] <= date)
			hi = mid;
		else
			lo = mid + 1;
	}
	return lo;
}

/* Where a record's update goes: its group in period P. */
struct dest {
	struct run *w;
	struct rec *x;
	const struct doc *d;
	int p;
	struct upd *u;
};

static void push(struct run *w, struct rec *x, const struct doc *d, int p,
    int32_t mdate, const struct upd *u);

/* Billing AMOUNT dated DATE, for the countback of the period ending at
 * P's end; a record that bills in more months than an update holds sends
 * the months it has first. */
static void
bill_month(struct dest *to, int32_t date, int64_t amount)
{
	struct upd *u = to->u;
	int k = month_index(date, to->p);

	if (k < 0 || amount == 0)
		return;
	for (int i = 0; i < 4; i++) {
		if (u->mi[i] == k) {
			money_sum(&u->month[i], amount);
			return;
		}
		if (u->mi[i] < 0) {
			u->mi[i] = (int8_t)k;
			u->month[i] = amount;
			return;
		}
	}
	{
		struct upd m = { .mi = { -1, -1, -1, -1 }, .dec = u->dec };
		memcpy(m.mi, u->mi, sizeof(m.mi));
		memcpy(m.month, u->month, sizeof(m.month));
		push(to->w, to->x, to->d, to->p, to->d->invoice_date, &m);
		memset(u->mi, -1, sizeof(u->mi));
		u->mi[0] = (int8_t)k;
		u->month[0] = amount;
	}
}

static void
update(void *payload, const void *data, void *ctx)
{
	struct agg *g = payload;
	const struct upd *u = data;

	(void)ctx;
	g->dec = u->dec;
	g->active |= u->flags & F_ACTIVE;
	money_sum(&g->s[S_BILLED], u->billed);
	for (int i = 0; i < 4 && u->mi[i] >= 0; i++)
		money_sum(&g->s[S_MONTH + u->mi[i]], u->month[i]);
	money_sum(&g->s[S_COLLECTED], u->collected);
	money_sum(&g->s[S_OPENING], u->opening);
	money_sum(&g->s[S_CLOSING], u->closing);
	if (u->flags & F_ITEM)
		money_sum(&g->s[u->flags & F_OVERDUE ? S_OVERDUE : S_CURRENT],
		    u->closing);
	if (u->flags & F_DISPUTED)
		money_sum(&g->s[S_DISPUTED], u->closing);
	money_sum(&g->s[S_COST], u->cost);
	if (u->due) {
		count(g, N_DUE, 1);
		money_sum(&g->s[S_DUE_AMT], u->due_amt);
		count(g, u->due == 1 ? N_ONTIME : N_LATE, 1);
		money_sum(&g->s[u->due == 1 ? S_ONTIME_AMT : S_LATE_DAYS],
		    u->due == 1 ? u->due_amt : u->late);
	}
}

/* To the group of record X in period P; a cohort field takes the month of
 * MDATE. (Also a month of billing alone: no flag, counted nowhere else.) */
static void
push(struct run *w, struct rec *x, const struct doc *d, int p, int32_t mdate,
    const struct upd *u)
{
	struct key *k = &w->gkey;
	char buf[16];

	key_reset(k);
	/* the period's index in two bytes, never NUL: periods sort by their
	 * start, and the key of a customer stays short enough to be held
	 * inline in the group table */
	buf[0] = (char)(1 + p / PKEY), buf[1] = (char)(1 + p % PKEY);
	key_add(k, buf, 2);
	for (int i = 0; i < opt.nby; i++) {
		if (by_cohort[i]) {
			if (mdate == DATE_NONE)
				key_add(k, "", 0);
			else {
				date_format(buf, mdate);
				key_add(k, buf, 7);
			}
		} else {
			size_t n;
			const struct val *v = rec_val(x, by_slot[i]);
			const char *q = val_text(v, &n);
			key_add(k, q ? q : v->p, n);
		}
	}
	key_add(k, d->currency.p, d->currency.n);
	gby_push(w->groups, k->p, k->n, u);
}

/* On time: settled by the due date + --grace. Judged as of the period's
 * end: what was settled later is still open then, late once the grace has
 * run out, and not judged yet (left out) before that. */
static void
on_time(const struct doc *d, int p, struct upd *u)
{
	int unknown;
	int32_t due = d->due_date, paid, end = pend[p];

	if (d->type != DOC_INVOICE || d->amount <= 0 || !in_period(p, due))
		return;
	u->due_amt = d->amount;
	paid = apply_settled(ap, d, &unknown);
	if (paid == DATE_NONE && unknown)
		u->due = 1;	/* settled by a receipt before any date */
	else if (paid != DATE_NONE && paid <= end) {
		u->due = paid - due <= opt.grace ? 1 : 2;
		u->late = paid - due;
	} else if (end - due > opt.grace) {
		u->due = 2;
		u->late = end - due;
	}
}

/* What an invoice's applications do in a period: credit notes and
 * adjustments are billing, receipts collection (SPEC 5.2); one with no
 * date is before any period (balance_at). */
static void
flow(int32_t date, enum doc_type type, int64_t amt, void *arg)
{
	struct dest *to = arg;

	if (date == DATE_NONE)
		return;
	if (type != DOC_PAYMENT)
		bill_month(to, date, amt);
	if (!in_period(to->p, date))
		return;
	if (type == DOC_PAYMENT)
		money_sum(&to->u->collected, -amt);
	else
		money_sum(&to->u->billed, amt);
}

/* What an item is on day DATE of the balance: its amount once issued, less
 * what was received and credited by then. The paid shorthand with no date
 * counts from the invoice's date: never before the invoice exists, so that
 * every period is what its own run says (ar-age leaves out an invoice not
 * issued yet). A receipt, credit note or adjustment with no date counts
 * before any period (SPEC 5.2): on its own while the invoice it names is
 * not issued (unapplied()), then in the invoice's balance - so one
 * period's closing is the next one's opening. */
struct bal {
	int32_t date;
	int64_t v;
};

static void
bal_app(int32_t date, enum doc_type type, int64_t amt, void *arg)
{
	struct bal *b = arg;

	(void)type;
	if (date == DATE_NONE || date <= b->date)
		money_sum(&b->v, amt);
}

static int64_t
balance_at(const struct doc *d, int32_t date)
{
	struct bal b = { date, 0 };

	if (d->invoice_date <= date)
		b.v = d->amount;
	if (d->paid != 0 && when(d->paid_date, d->invoice_date) <= date)
		money_sum(&b.v, -d->paid);
	apply_each(ap, d, bal_app, &b);
	return b.v;
}

/* An invoice, or an adjustment aged on its own, in period P: the
 * balance moves by what is billed and collected, so opening + billed -
 * collected = closing for every item (SPEC 5.2). */
static void
item(struct dest *to, int32_t base)
{
	const struct doc *d = to->d;
	struct upd *u = to->u;
	int p = to->p;

	/* before it is issued, what was received for it is credit, not an
	 * item (as its own run of that period says) */
	if (d->invoice_date <= pend[p])
		u->flags |= F_ITEM | (pend[p] > base ? F_OVERDUE : 0) |
		    (d->disputed ? F_DISPUTED : 0);
	u->closing = balance_at(d, pend[p]);
	u->opening = balance_at(d, pstart[p] - 1);
	if ((u->flags & F_ITEM) && opt.have_cost && interest_of(&opt.cost, u->closing, pend[p] - base,
	    &u->cost) != 0)
		die(EXIT_FATAL, "overdue cost too large to compute");
	if (in_period(p, d->invoice_date))
		u->billed = d->amount;
	bill_month(to, d->invoice_date, d->amount);
	if (d->paid != 0 && in_period(p, when(d->paid_date, d->invoice_date)))
		u->collected = d->paid;
	apply_each(ap, d, flow, to);
	on_time(d, p, u);
}

/* A receipt, a credit note or an adjustment that no invoice takes: the
 * customer's credit from its date on; V what it takes off the balance. */
static void
unapplied(struct dest *to, int64_t v)
{
	const struct doc *d = to->d;
	struct upd *u = to->u;
	int p = to->p;
	int32_t date = d->invoice_date;

	if (date == DATE_NONE || date <= pend[p])
		u->closing = v;
	if (date == DATE_NONE || date < pstart[p])
		u->opening = v;
	if (d->type == DOC_PAYMENT) {
		if (in_period(p, date))
			u->collected = -v;
	} else {
		if (in_period(p, date))
			u->billed = v;
		bill_month(to, date, v);
	}
}

/* One record (rec_reduce's map): its share of every period. A receipt,
 * credit or adjustment that an invoice takes is counted with that invoice
 * (in its group: a cohort row holds its own receipts) in the periods that
 * end after the invoice is issued, and on its own before, as the run of
 * such a period alone sees it. Without FIFO, apply.c needs no record
 * numbers. */
static void
process(void *state, struct rec *x)
{
	struct run *w = state;
	struct doc d;
	int64_t v = 0;
	int32_t base = DATE_NONE, issued = DATE_NONE;
	int is_item, used = 0;
	uint64_t seq = w->seq++;

	if (ledger_read(&w->led, x, &d) != 0)
		return;
	if (apply_reject_duplicate(ap, w->rd, x, seq) != 0)
		return;
	if (!apply_in_time(ap, &d)) {
		rec_filtered(w->rd, x);	/* dated after --to */
		return;
	}
	is_item = apply_is_item(ap, &d, seq);
	if (!is_item && apply_is_applied(ap, &d, seq, &v)) {
		struct doc own = d;
		issued = apply_issued(ap, &d, seq);
		own.ref.n = 0;		/* what it is worth on its own */
		apply_is_applied(ap, &own, 0, &v);
		is_item = d.type == DOC_ADJUSTMENT;
	}
	if (is_item) {
		base = d.due_date != DATE_NONE ? d.due_date : d.invoice_date;
		if (base == DATE_NONE) {
			rec_reject(w->rd, x, "field 'due_date' is empty");
			return;
		}
	}
	if ((d.paid != 0 && d.paid_date == DATE_NONE) ||
	    (d.type == DOC_PAYMENT && d.invoice_date == DATE_NONE))
		w->undated++;
	for (int p = 0; p < nperiods; p++) {
		struct upd u = { .mi = { -1, -1, -1, -1 }, .dec = (int8_t)d.dec };
		struct dest to = { w, x, &d, p, &u };
		if (issued != DATE_NONE ? issued <= pend[p] :
		    d.type == DOC_INVOICE && d.invoice_date > pend[p])
			continue;	/* in its invoice's figures; not issued */
		if (is_item)
			item(&to, base);
		else
			unapplied(&to, v);
		if (u.billed || u.collected || u.opening || u.closing || u.due)
			u.flags |= F_ACTIVE;
		if (!(u.flags & F_ACTIVE) && u.mi[0] < 0)
			continue;
		used |= u.flags & F_ACTIVE;
		push(w, x, &d, p, d.invoice_date, &u);
	}
	if (used || issued != DATE_NONE)
		rec_written(w->rd, x);
	else
		rec_filtered(w->rd, x);	/* closed before the period */
}

/* Another range's group (the same key) into this one's. */
static void
merge(void *into, const void *from, void *ctx)
{
	struct agg *t = into;
	const struct agg *g = from;

	(void)ctx;
	t->dec = g->dec;
	for (int i = 0; i < NSUMS; i++)
		money_sum(&t->s[i], g->s[i]);
	for (int i = 0; i < NCOUNTS; i++)
		count(t, i, g->n[i]);
	t->active |= g->active;
}

static const struct gby_ops agg_ops = {
	sizeof(struct agg), sizeof(struct upd), update, merge, NULL
};

static void
run_init(void *run, struct rec_reader *rd)
{
	struct run *w = run;

	memset(w, 0, sizeof(*w));
	w->rd = rd;
	ledger_init(&w->led, rd, opt.c.currency, LD_DUE | LD_INVOICE_DATE);
	w->groups = gby_new(&agg_ops, NULL);
}

static void
run_free(void *run)
{
	struct run *w = run;

	gby_free(w->groups);
	free(w->gkey.p);
}

/* rec_reduce: each range of the file gets a run of its own; its count
 * of undated receipts adds up with its groups. */
static void
run_fold(void *into, const void *from)
{
	((struct run *)into)->undated += ((const struct run *)from)->undated;
}

static struct gby_runs runs = {
	sizeof(struct run), offsetof(struct run, groups), run_init, run_free,
	run_fold
};
static const struct rec_reduce ranges = GBY_REDUCE(process);

/* ---- output ---- */

static const struct ocol figures[] = {
	{ "currency", 0 },
	{ "days", 1 },
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
static struct ocol ocols[2 + MAXBY + NFIGURES];
static struct cell cells[2 + MAXBY + NFIGURES];
static size_t nocols;

static void
setup_output(enum rec_fmt fmt)
{
	ocols[nocols++] = (struct ocol){ "period_start", 0 };
	ocols[nocols++] = (struct ocol){ "period_end", 0 };
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
 * the period's end back, adding each month's days (the end's own month up
 * to the end only); the month that covers what is left counts pro rata. A
 * month billing nothing (or less) adds its days whole. */
static struct cell
countback(const struct agg *g, int p)
{
	i128 rest = g->s[S_CLOSING], days = 0;
	const int32_t *ms = pmonth[p];
	int32_t len = pend[p] - ms[0] + 1;

	if (rest <= 0)
		return cell_fixed(0, 1);
	for (int k = 0; k < NMONTHS; k++) {
		int64_t b = g->s[S_MONTH + k];
		if (b > 0 && rest <= b)
			return ratio(days * b + rest * len, b, 1);
		if (b > 0)
			rest -= b;
		days += len;
		len = ms[k] - ms[k + 1];
	}
	return cell_fixed((int64_t)days * 10, 1);	/* 24 months and more */
}

static void
summary_row(int p, const char **f, const size_t *fn, const struct agg *g)
{
	const int64_t *s = g->s;
	size_t k = 0;
	i128 d = pend[p] - pstart[p] + 1, ob = (i128)s[S_OPENING] + s[S_BILLED];
	struct cell dso, bp;

	cells[k++] = cell_date(pstart[p]);
	cells[k++] = cell_date(pend[p]);
	for (int i = 1; i <= opt.nby + 1; i++)	/* the group fields, currency */
		cells[k++] = cell_text(f[i], fn[i]);
	cells[k++] = cell_int(d);
	for (int i = S_BILLED; i <= S_OVERDUE; i++)
		cells[k++] = cell_money(s[i], g->dec);
	cells[k++] = dso = ratio(s[S_CLOSING] * d, s[S_BILLED], 1);
	cells[k++] = ratio(((i128)s[S_OPENING] + s[S_CLOSING]) * d,
	    (i128)s[S_BILLED] * 2, 1);
	cells[k++] = countback(g, p);
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

/* One row per period and group, in key order (the periods in date order).
 * Groups that only billed before a period (looked back at by
 * dso_countback) have no row in it. */
static void
summary_group(const char *key, size_t n, const void *payload, void *arg)
{
	const struct agg *g = payload;
	const char *f[MAXBY + 2];
	size_t fn[MAXBY + 2];
	int p;

	(void)arg;
	if (!g->active)
		return;
	key_split(key, n, f, fn, MAXBY + 2);
	if (fn[0] != 2 || (p = (f[0][0] - 1) * PKEY + (f[0][1] - 1)) < 0 ||
	    p >= nperiods)
		die(EXIT_FATAL, "a period key is damaged");
	summary_row(p, f, fn, g);
}

/* ---- partial results (SPEC 10) ---- */

/* Every sum (the billing of each month back too, for the countback walk)
 * and count of a group in a period. */
static struct part_field pfields[NSUMS + NCOUNTS + 2];
static size_t npfields;
static const char *pkeys[MAXBY + 2];
static char monthname[NMONTHS][16];

static void
part_layout(void)
{
	static const char *const sums[S_MONTH] = { "billed", "collected",
	    "opening_ar", "closing_ar", "current_ar", "overdue",
	    "disputed_open", "overdue_cost", "due_amount", "on_time_amount",
	    "late_days" };
	static const char *const counts[NCOUNTS] = { "due_items",
	    "on_time_items", "late_items" };
	size_t n = 0;

	for (int i = 0; i < NSUMS; i++) {
		const char *name = sums[i < S_MONTH ? i : 0];
		if (i >= S_MONTH) {
			snprintf(monthname[i - S_MONTH], sizeof(monthname[0]),
			    "billed_m%d", i - S_MONTH);
			name = monthname[i - S_MONTH];
		}
		pfields[n] = part_field(name, offsetof(struct agg, s) +
		    (size_t)i * sizeof(int64_t), PT_I64);
		n++;
	}
	for (int i = 0; i < NCOUNTS; i++) {
		pfields[n] = part_field(counts[i],
		    offsetof(struct agg, n) + (size_t)i * sizeof(uint32_t), PT_U32);
		n++;
	}
	pfields[n] = part_field("decimals", offsetof(struct agg, dec),
	    PT_I8);
	n++;
	pfields[n] = part_field("active", offsetof(struct agg, active),
	    PT_I8);
	n++;
	npfields = n;
	pkeys[0] = "_period";
	for (int i = 0; i < opt.nby; i++)
		pkeys[1 + i] = opt.by[i];
	pkeys[1 + opt.nby] = "currency";
}

static void
partial_group(const char *key, size_t n, const void *payload, void *arg)
{
	const char *f[MAXBY + 2];
	size_t fn[MAXBY + 2];
	char period[16];

	key_split(key, n, f, fn, MAXBY + 2);
	snprintf(period, sizeof(period), "%d", (f[0][0] - 1) * PKEY +
	    (f[0][1] - 1));
	f[0] = period;
	fn[0] = strlen(period);
	part_group(arg, f, fn, payload);
}

/* --merge: every partial's groups folded into one table. */
static struct part_in *
merge_partials(struct rec_reader *prd)
{
	struct part_in *p = part_in_new(prd, pkeys, (size_t)opt.nby + 2,
	    pfields, npfields);
	const char *k[MAXBY + 2];
	size_t kn[MAXBY + 2];
	struct agg g;
	struct key key = { NULL, 0, 0 };

	while (part_next(p, k, kn, &g, sizeof(g))) {
		char buf[2];
		long pi = 0;
		size_t i;
		for (i = 0; i < kn[0] && i < 6 && k[0][i] >= '0' && k[0][i] <= '9'; i++)
			pi = pi * 10 + (k[0][i] - '0');
		if (i == 0 || i != kn[0] || pi >= nperiods)
			die(EXIT_FATAL, "a partial's _period is not one of the "
			    "periods");
		buf[0] = (char)(1 + pi / PKEY), buf[1] = (char)(1 + pi % PKEY);
		key_reset(&key);
		key_add(&key, buf, 2);
		for (int f = 1; f <= opt.nby + 1; f++)
			key_add(&key, k[f], kn[f]);
		merge(gby_get(run0.groups, key.p, key.n), &g, NULL);
	}
	free(key.p);
	return p;
}

/* SPEC 1.10 and 5.2: said once, at the end. */
static void
warn_end(int has_open, unsigned long undated)
{
	/* SPEC 1.10: an open-item list has no paid items to measure */
	if (has_open)
		warnx("the input is an open-item list (it has open): the items "
		    "paid in full are not in it, so billed, collected, DSO and the "
		    "on-time rates leave them out; give the ledger with its "
		    "payment history");
	/* SPEC 5.2: reported once */
	if (undated > 0)
		note("%lu receipt%s no date: a paid amount counted as received "
		    "on the date of its invoice, a receipt before the first "
		    "period", undated, undated == 1 ? " has" : "s have");
}

/* ---- main ---- */

static const struct tool tool = {
	"ar-kpi",
	"ar-kpi [-hqVv] [-F delim] [-g field,...] [-i fmt] [-o fmt] [-O file]\n"
	"              [--as-of date] [--from date --to date]\n"
	"              [--every month|quarter|week] [--grace days] [--cost-rate pct]\n"
	"              [--currency cur] [--reject file] [--strict] "
	"[--max-record bytes]\n"
	"              [--lang zh|en] [--partial | --merge] [--shard k/n]\n"
	"              [--fields list] [file ...]",
	"Collection KPIs for a period (--from and --to, not after --as-of; default:\n"
	"the calendar month before --as-of), or for each month, quarter or week of\n"
	"it: one row per period, group and currency, with billed, collected,\n"
	"opening and closing AR (opening + billed - collected = closing), DSO\n"
	"(simple, average, countback, best possible), ADD, CEI, on-time rates,\n"
	"overdue ratio and days late.",
	"  -g, --by LIST          group fields, comma-separated; invoice_month is\n"
	"                         the month an invoice was issued (a cohort: its\n"
	"                         receipts count with it); currency is always added\n"
	"      --every UNIT       month, quarter or week (Monday to Sunday): each\n"
	"                         one of --from .. --to measured on its own (default\n"
	"                         without --from: the last 12 months, 4 quarters or\n"
	"                         13 weeks before --as-of)\n"
	"      --grace DAYS       a payment up to DAYS after the due date is on time\n"
	"      --cost-rate PCT    add overdue_cost: open * PCT/100/365 a day overdue\n",
	OG_AS_OF | OG_LANG | OG_PERIOD | OG_PARTIAL,
	OUT_RECORDS
};

static void
parse_by(char *arg)
{
	int n = opt.nby;

	opt.nby = opts_by(arg, opt.by, opt.nby, MAXBY);
	for (; n < opt.nby; n++)
		if (strcmp(opt.by[n], "month") == 0) {
			/* a cohort read as a trend misleads: say which is which */
			warnx("-g month: for a trend, one row per month, use --every "
			    "month; for the cohorts of invoices by the month they "
			    "were issued, -g invoice_month");
			usage();
		}
}

/* The first day of the period of UNIT that holds DATE. */
static int32_t
unit_start(enum every unit, int32_t date)
{
	int y, m, d;

	switch (unit) {
	case EVERY_WEEK:
		return date - date_weekday(date);
	case EVERY_QUARTER:
		date_to_civil(date, &y, &m, &d);
		return date_from_civil(y, m - (m - 1) % 3, 1);
	default:
		return date_month_start(date);
	}
}

/* The first day of the next period of UNIT after the one starting at S. */
static int32_t
unit_next(enum every unit, int32_t s)
{
	switch (unit) {
	case EVERY_WEEK:
		return s + 7;
	case EVERY_QUARTER:
		return date_month_end(date_month_end(date_month_end(s) + 1) + 1) + 1;
	default:
		return date_month_end(s) + 1;
	}
}

/* --from and --to, or by default the calendar month before --as-of (with
 * --every: the last 12 months, 4 quarters or 13 weeks before it); cut into
 * the periods of --every, the first and the last clipped to them. */
static void
periods(void)
{
	const char *f = opt.c.from_arg, *t = opt.c.to_arg;

	if ((f == NULL) != (t == NULL)) {
		warnx("%s needs %s too", f ? "--from" : "--to", f ? "--to" : "--from");
		usage();
	}
	if (f) {
		opt.from = opts_date("--from", f);
		opt.to = opts_date("--to", t);
	} else if (opt.every == EVERY_NONE || opt.every == EVERY_MONTH) {
		opt.to = date_month_start(opt.c.as_of) - 1;
		opt.from = date_month_start(opt.to);
		if (opt.every == EVERY_MONTH)
			for (int i = 1; i < 12; i++)
				opt.from = date_month_start(opt.from - 1);
	} else if (opt.every == EVERY_QUARTER) {
		opt.to = unit_start(EVERY_QUARTER, opt.c.as_of) - 1;
		opt.from = unit_start(EVERY_QUARTER, opt.to);
		for (int i = 1; i < 4; i++)
			opt.from = unit_start(EVERY_QUARTER, opt.from - 1);
	} else {
		opt.to = unit_start(EVERY_WEEK, opt.c.as_of) - 1;
		opt.from = opt.to - 13 * 7 + 1;
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
	if (opt.every == EVERY_NONE) {
		pstart[0] = opt.from;
		pend[0] = opt.to;
		nperiods = 1;
		return;
	}
	for (int32_t s = opt.from; s <= opt.to; nperiods++) {
		int32_t e = unit_next(opt.every, unit_start(opt.every, s)) - 1;
		if (nperiods == MAXPERIODS) {
			warnx("--every: more than %d periods from %s to %s",
			    MAXPERIODS, f ? f : "", t ? t : "");
			usage();
		}
		pstart[nperiods] = s;
		pend[nperiods] = e < opt.to ? e : opt.to;
		s = e + 1;
	}
}

static void
parse(int argc, char **argv)
{
	static const struct option own[] = {
		{ "by", required_argument, NULL, 'g' },
		{ "every", required_argument, NULL, OPT_EVERY },
		{ "grace", required_argument, NULL, OPT_GRACE },
		{ "cost-rate", required_argument, NULL, OPT_COST_RATE },
		{ NULL, 0, NULL, 0 }
	};
	int ch;

	while ((ch = opts_next(&opt.c, argc, argv, own, "g:")) != -1) {
		switch (ch) {
		case 'g':
			parse_by(optarg);
			break;
		case OPT_EVERY:
			if (strcmp(optarg, "month") == 0)
				opt.every = EVERY_MONTH;
			else if (strcmp(optarg, "quarter") == 0)
				opt.every = EVERY_QUARTER;
			else if (strcmp(optarg, "week") == 0)
				opt.every = EVERY_WEEK;
			else {
				warnx("--every: month, quarter or week, not \"%s\"",
				    optarg);
				usage();
			}
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
}

int
main(int argc, char **argv)
{
	struct rec_reader *rd, *prd;
	int st;

	opts_init(&opt.c, &tool, argc, argv);
	parse(argc, argv);
	argc -= optind;
	argv += optind;
	prd = part_start(&opt.c, tool.name, argv, argc, parse);
	if (prd != NULL && part_nothing())
		return fshut(rec_close(prd, 0));
	opts_finish(&opt.c, NULL);
	periods();
	for (int p = 0; p < nperiods; p++) {
		pmonth[p][0] = date_month_start(pend[p]);
		for (int k = 1; k <= NMONTHS; k++)
			pmonth[p][k] = date_month_start(pmonth[p][k - 1] - 1);
	}
	if (prd != NULL) {
		struct part_in *p;
		part_layout();
		run0.groups = gby_new(&agg_ops, NULL);
		p = merge_partials(prd);
		setup_output(opts_outfmt(&opt.c, NULL));
		gby_walk(run0.groups, summary_group, NULL);
		w_close(wr, 0);
		warn_end(part_extra(p)[0] > 0, (unsigned long)part_extra(p)[1]);
		st = part_in_close(p, opt.c.verbose);
		run_free(&run0);
		return fshut(st);
	}

	rd = rec_open(argv, argc, &opt.c.in);
	part_shard(&opt.c, rd);
	for (int i = 0; i < opt.nby; i++) {
		by_cohort[i] = strcmp(opt.by[i], "invoice_month") == 0;
		if (!by_cohort[i]) {
			by_slot[i] = rec_col(rd, opt.by[i]);
			rec_require(rd, by_slot[i]);
		}
	}
	run_init(&run0, rd);
	/* dated: open on any day, and the day each invoice was settled */
	ap = apply_new(opt.to, 0, 1);
	if (rec_empty(rd))
		return fshut(rec_close(rd, opt.c.verbose));
	if (!opt.c.partial)
		setup_output(opts_outfmt(&opt.c, rd));
	if (ledger_has_docs(&run0.led)) {
		struct rec *x;

		rec_want_rewind(rd);
		apply_join(ap, &run0.led, rd, 0, 0);
		while ((x = rec_next(rd)) != NULL)
			process(&run0, x);
	} else
		rec_reduce(rd, &ranges, &runs, &run0);
	if (opt.c.partial) {
		uint64_t extra[PART_NEXTRA] = { (uint64_t)ledger_has_open(&run0.led),
		    run0.undated, 0, 0 };
		struct part_out *p;
		part_layout();
		p = part_open(opts_outfmt(&opt.c, rd), pkeys, (size_t)opt.nby + 2,
		    pfields, npfields);
		gby_walk(run0.groups, partial_group, p);
		part_close(p, rd, extra);
	} else {
		gby_walk(run0.groups, summary_group, NULL);
		w_close(wr, 0);
		warn_end(ledger_has_open(&run0.led), run0.undated);
	}
	st = rec_close(rd, opt.c.verbose);
	apply_free(ap);
	run_free(&run0);
	return fshut(st);
}
