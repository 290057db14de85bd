/* credit-grade - customer credit rating, limit and terms (客户信誉度管理表),
 * SPEC 4. */
#include <stdio.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "apply.h"
#include "date.h"
#include "err.h"
#include "gby.h"
#include "ledger.h"
#include "money.h"
#include "opts.h"
#include "out.h"
#include "partial.h"
#include "policy.h"
#include "rates.h"
#include "rec.h"

/* ---- the policy: every number of SPEC 4 ---- */

static struct {
	int window_days, min_items, new_overdue_days, exposure_grace;
	int exposure_full_days;
	int tenure_full_months, cap_c_days, cap_e_days, limit_months_max;
	int64_t w_timeliness, w_exposure, w_tenure;	/* x 10000 */
	int64_t grade_a, grade_b, grade_c, grade_d, a_min_timeliness;
	int64_t cap_min_amount, cap_min_percent, limit_round, new_limit;
	int64_t factor[5];
	char terms[6][32];	/* A..E, then N */
	struct points points;
} pol;

static const struct pol policy[] = {
	{ "window_days", "365", PK_INT, &pol.window_days, 1, 36500,
	  "invoices due in the last so many days count" },
	{ "min_items", "3", PK_INT, &pol.min_items, 1, 100000,
	  "fewer counted invoices: grade N ..." },
	{ "new_overdue_days", "30", PK_INT, &pol.new_overdue_days, 0, 36500,
	  "... unless an undisputed item is more overdue: graded" },
	{ "points", "-30:100, -20:90, 0:80, 15:70, 22:60, 30:50, 60:40, 90:30, "
	  "120:20, 180:1", PK_POINTS, &pol.points, 0, 0,
	  "days beyond terms : points (PAYDEX-style), linear between" },
	{ "exposure_grace", "15", PK_INT, &pol.exposure_grace, 0, 36500,
	  "items overdue more than this weigh on exposure" },
	{ "exposure_full_days", "90", PK_INT, &pol.exposure_full_days, 1, 36500,
	  "an item this late weighs in full" },
	{ "tenure_full_months", "36", PK_INT, &pol.tenure_full_months, 1, 1200,
	  "tenure reaches 100 after so many months" },
	{ "weight_timeliness", "0.6", PK_NUM, &pol.w_timeliness, 0, 10000,
	  "score = weights x timeliness, exposure, tenure" },
	{ "weight_exposure", "0.3", PK_NUM, &pol.w_exposure, 0, 10000, "" },
	{ "weight_tenure", "0.1", PK_NUM, &pol.w_tenure, 0, 10000, "" },
	{ "grade_a", "80", PK_NUM, &pol.grade_a, 0, 1000000, "lowest score of A" },
	{ "grade_b", "70", PK_NUM, &pol.grade_b, 0, 1000000, "of B" },
	{ "grade_c", "60", PK_NUM, &pol.grade_c, 0, 1000000, "of C" },
	{ "grade_d", "50", PK_NUM, &pol.grade_d, 0, 1000000, "of D; below: E" },
	{ "a_min_timeliness", "75", PK_NUM, &pol.a_min_timeliness, 0, 1000000,
	  "an A also needs this timeliness" },
	{ "cap_c_days", "90", PK_INT, &pol.cap_c_days, 1, 36500,
	  "an item more overdue caps the grade at C" },
	{ "cap_e_days", "180", PK_INT, &pol.cap_e_days, 1, 36500,
	  "... and this overdue at E" },
	{ "cap_min_amount", "1000", PK_NUM, &pol.cap_min_amount, 0,
	  (int64_t)1 << 50, "such an item's open is at least this" },
	{ "cap_min_percent", "2", PK_NUM, &pol.cap_min_percent, 0, 1000000,
	  "... and this percentage of the customer's open" },
	{ "factor_a", "1", PK_NUM, &pol.factor[0], 0, 1000000,
	  "credit limit = monthly billing x (terms_days + 30) / 30 x factor" },
	{ "factor_b", "0.8", PK_NUM, &pol.factor[1], 0, 1000000, "" },
	{ "factor_c", "0.5", PK_NUM, &pol.factor[2], 0, 1000000, "" },
	{ "factor_d", "0", PK_NUM, &pol.factor[3], 0, 1000000, "" },
	{ "factor_e", "0", PK_NUM, &pol.factor[4], 0, 1000000, "" },
	{ "limit_round", "1000", PK_NUM, &pol.limit_round, 1, (int64_t)1 << 50,
	  "limits are rounded down to this" },
	{ "limit_months_max", "12", PK_INT, &pol.limit_months_max, 1, 1200,
	  "monthly billing: billed / months active, at most this many" },
	{ "terms_a", "goods-first", PK_WORD, pol.terms[0],  0, 0,
	  "先货后款: goods first, net terms" },
	{ "terms_b", "final-with-goods", PK_WORD, pol.terms[1], 0, 0,
	  "尾款尾货: the last shipment waits for the balance" },
	{ "terms_c", "pay-on-delivery", PK_WORD, pol.terms[2], 0, 0,
	  "同款同货: pay on each delivery" },
	{ "terms_d", "prepay", PK_WORD, pol.terms[3], 0, 0, "先款后货: prepayment" },
	{ "terms_e", "prepay", PK_WORD, pol.terms[4], 0, 0, "... and credit stops" },
	{ "terms_new", "pay-on-delivery", PK_WORD, pol.terms[5], 0, 0,
	  "grade N: too little history" },
	{ "new_limit", "0", PK_NUM, &pol.new_limit, 0, (int64_t)1 << 50,
	  "credit limit of grade N" },
	{ NULL, NULL, 0, NULL, 0, 0, NULL }
};

/* The terms, in the words of the course (应收账款预案, 分级设定). */
static const struct {
	const char *code, *en, *zh;
} termnames[] = {
	{ "goods-first", "goods first, net terms", "先货后款" },
	{ "final-with-goods", "last shipment with the balance", "尾款尾货" },
	{ "pay-on-delivery", "pay on each delivery", "同款同货" },
	{ "prepay", "prepayment", "先款后货" },
};

enum { OPT_RATES = OPT_TOOL, OPT_BASE };

static struct {
	struct common c;
	const char *rates, *base;
} opt;
static struct rates *rates;	/* --rates: one row per customer */
static int base_dec;

/* ---- one customer and currency ---- */

struct cust {
	i128 tw, tp, tdays;	/* timeliness: sum w, w * points, w * days */
	i128 expo;		/* sum open * min(days, full) */
	i128 terms_num;		/* sum amount * (due - invoice date) */
	int64_t billed, terms_den, open, overdue, open_pos;
	int64_t cap_c, cap_e;	/* largest open of the items past the caps */
	int32_t first, first_window, max_days, max_undisputed;
	uint32_t invoices, counted, undated;
	int8_t dec, has_paid, has_first, has_window, has_due, has_undisputed;
	int8_t currencies;	/* 2: several (without --rates) */
};

struct upd {			/* what one document adds */
	int64_t w[2], pts[2];	/* the paid part, the open part */
	int32_t days[2];
	int64_t billed, terms_days, open, overdue, open_pos, expo_open, cap_open;
	int32_t first, expo_days, cap_days, days_overdue;
	int8_t counted, undated, in_window, dec, paid, is_invoice;
};

static void
cust_update(void *payload, const void *data, void *ctx)
{
	struct cust *g = payload;
	const struct upd *u = data;

	(void)ctx;
	g->dec = u->dec;
	if (u->first != DATE_NONE && (!g->has_first || u->first < g->first)) {
		g->first = u->first;
		g->has_first = 1;
	}
	if (u->in_window) {
		g->invoices++;
		if (money_add(&g->billed, u->billed) != 0)
			die(EXIT_FATAL, "a customer's billing is too large to sum");
		if (u->terms_days >= 0) {
			g->terms_num += (i128)u->billed * u->terms_days;
			if (money_add(&g->terms_den, u->billed) != 0)
				die(EXIT_FATAL, "a customer's billing is too large to sum");
		}
		if (!g->has_window || u->first < g->first_window)
			g->first_window = u->first;
		g->has_window = 1;
	}
	for (int k = 0; k < 2; k++)
		if (u->w[k] > 0) {
			g->tw += u->w[k];
			g->tp += (i128)u->w[k] * u->pts[k];
			g->tdays += (i128)u->w[k] * u->days[k];
		}
	g->counted += u->counted;
	g->undated += u->undated;
	g->has_paid |= u->paid;
	if (money_add(&g->open, u->open) != 0 ||
	    money_add(&g->overdue, u->overdue) != 0 ||
	    money_add(&g->open_pos, u->open_pos) != 0)
		die(EXIT_FATAL, "a customer's open amount is too large to sum");
	g->expo += (i128)u->expo_open * u->expo_days;
	if (u->open_pos > 0) {
		if (!g->has_due || u->days_overdue > g->max_days)
			g->max_days = u->days_overdue;
		g->has_due = 1;
	}
	if (u->cap_open > 0 && (!g->has_undisputed ||
	    u->cap_days > g->max_undisputed)) {
		g->max_undisputed = u->cap_days;
		g->has_undisputed = 1;
	}
	if (u->cap_days > pol.cap_c_days && u->cap_open > g->cap_c)
		g->cap_c = u->cap_open;
	if (u->cap_days > pol.cap_e_days && u->cap_open > g->cap_e)
		g->cap_e = u->cap_open;
}

static void
cust_merge(void *into, const void *from, void *ctx)
{
	struct cust *t = into;
	const struct cust *g = from;

	(void)ctx;
	t->dec = g->dec;
	t->tw += g->tw, t->tp += g->tp, t->tdays += g->tdays;
	t->expo += g->expo, t->terms_num += g->terms_num;
	if (money_add(&t->billed, g->billed) != 0 ||
	    money_add(&t->terms_den, g->terms_den) != 0)
		die(EXIT_FATAL, "a customer's billing is too large to sum");
	if (money_add(&t->open, g->open) != 0 ||
	    money_add(&t->overdue, g->overdue) != 0 ||
	    money_add(&t->open_pos, g->open_pos) != 0)
		die(EXIT_FATAL, "a customer's open amount is too large to sum");
	if (g->cap_c > t->cap_c)
		t->cap_c = g->cap_c;
	if (g->cap_e > t->cap_e)
		t->cap_e = g->cap_e;
	if (g->has_first && (!t->has_first || g->first < t->first))
		t->first = g->first, t->has_first = 1;
	if (g->has_window && (!t->has_window || g->first_window < t->first_window))
		t->first_window = g->first_window, t->has_window = 1;
	if (g->has_due && (!t->has_due || g->max_days > t->max_days))
		t->max_days = g->max_days, t->has_due = 1;
	if (g->has_undisputed && (!t->has_undisputed ||
	    g->max_undisputed > t->max_undisputed))
		t->max_undisputed = g->max_undisputed, t->has_undisputed = 1;
	t->invoices += g->invoices, t->counted += g->counted;
	t->undated += g->undated;
	t->has_paid |= g->has_paid;
}

static const struct gby_ops cust_ops = {
	sizeof(struct cust), sizeof(struct upd), cust_update, cust_merge, NULL
};

/* ---- reading ---- */

struct run {
	struct rec_reader *rd;
	struct ledger led;
	struct gby *groups;
	struct key key;
	int since;		/* customer_since column */
};

static struct run run0;
static struct apply *ap;
static unsigned long any_paid;

/* --rates: the money of U in the base currency, each amount converted
 * and rounded on its own (SPEC 4); -1 when the currency has no rate. */
static int
pool(struct upd *u, const struct doc *d)
{
	const struct decimal *r = rates_find(rates, d->currency.p,
	    d->currency.n);
	int64_t *m[] = { &u->w[0], &u->w[1], &u->billed, &u->open, &u->overdue,
	    &u->open_pos, &u->expo_open, &u->cap_open };

	if (r == NULL)
		return -1;
	for (size_t i = 0; i < sizeof(m) / sizeof(m[0]); i++)
		if (rates_convert(r, *m[i], d->dec, base_dec, m[i]) != 0)
			die(EXIT_FATAL, "an amount in %.*s is too large to convert",
			    (int)d->currency.n, d->currency.p);
	u->dec = (int8_t)base_dec;
	return 0;
}

/* What one document adds to its customer (SPEC 4). */
static void
process(struct run *w, struct rec *x, uint64_t seq)
{
	struct doc d;
	struct upd u;
	int32_t as_of = opt.c.as_of, since;
	int64_t open;

	if (ledger_read(&w->led, x, &d) != 0)
		return;
	if (apply_reject_duplicate(ap, w->rd, x, seq) != 0)
		return;
	if (field_date(w->rd, x, w->since, &since, 0) != 0)
		return;
	if (!apply_in_time(ap, &d)) {
		rec_filtered(w->rd, x);
		return;
	}
	memset(&u, 0, sizeof(u));
	u.dec = (int8_t)d.dec;
	u.first = since != DATE_NONE ? since : DATE_NONE;
	if (apply_is_item(ap, &d, seq)) {
		int32_t due = d.due_date != DATE_NONE ? d.due_date : d.invoice_date;
		open = apply_open(ap, &d, seq);
		u.open = open;
		if (d.type == DOC_INVOICE && d.amount > 0) {
			if (d.invoice_date != DATE_NONE && (u.first == DATE_NONE ||
			    d.invoice_date < u.first))
				u.first = d.invoice_date;
			if (d.invoice_date != DATE_NONE &&
			    d.invoice_date > as_of - pol.window_days) {
				u.in_window = 1;
				u.billed = d.amount;
				u.terms_days = d.due_date != DATE_NONE ?
				    d.due_date - d.invoice_date : -1;
			}
			if (due != DATE_NONE && due > as_of - pol.window_days &&
			    due <= as_of) {
				/* timeliness: the paid part when it was paid, the
				 * open part past due as of now */
				int64_t paid = d.amount - (open > 0 ? open : 0);
				if (paid > 0) {
					int unknown;
					int32_t last = apply_last_receipt(ap, &d, as_of,
					    &unknown);
					if (last != DATE_NONE) {
						u.w[0] = paid;
						u.days[0] = last - due;
						u.pts[0] = points_at(&pol.points, u.days[0]);
						u.paid = 1;
					} else
						u.undated = 1;
				}
				if (open > 0 && as_of > due) {
					u.w[1] = open;
					u.days[1] = as_of - due;
					u.pts[1] = points_at(&pol.points, u.days[1]);
				}
				u.counted = u.w[0] > 0 || u.w[1] > 0;
			}
		}
		if (open > 0 && due != DATE_NONE) {
			int32_t days = as_of - due;
			u.open_pos = open;
			u.days_overdue = days;
			if (days > 0)
				u.overdue = open;
			if (!d.disputed) {
				if (days > pol.exposure_grace) {
					u.expo_open = open;
					u.expo_days = days < pol.exposure_full_days ? days :
					    pol.exposure_full_days;
				}
				u.cap_open = open;
				u.cap_days = days;
			}
		}
	} else {
		int64_t left;
		if (apply_is_applied(ap, &d, seq, &left)) {
			rec_filtered(w->rd, x);	/* in its invoice's open */
			return;
		}
		u.open = left;		/* unapplied cash lowers the balance */
	}
	key_reset(&w->key);
	key_add(&w->key, d.customer.p, d.customer.n);
	if (rates != NULL) {
		/* a customer graded without part of its money would be wrong */
		if (pool(&u, &d) != 0)
			die_at(EXIT_FATAL, x->file, x->line, "%s has no rate for %.*s",
			    opt.rates, (int)d.currency.n, d.currency.p);
		key_add(&w->key, rates_base(rates), strlen(rates_base(rates)));
	} else
		key_add(&w->key, d.currency.p, d.currency.n);
	gby_push(w->groups, w->key.p, w->key.n, &u);
	rec_written(w->rd, x);
}

static void
run_init(void *run, struct rec_reader *rd)
{
	struct run *w = run;

	memset(w, 0, sizeof(*w));
	w->rd = rd;
	ledger_init(&w->led, rd, opt.c.currency, 0);
	w->since = rec_col(rd, "customer_since");
	w->groups = gby_new(&cust_ops, NULL);
}

static void
run_free(void *run)
{
	struct run *w = run;

	gby_free(w->groups);
	free(w->key.p);
}

/* rec_reduce: each range of the file gets a run of its own. */
static void
range_map(void *w, struct rec *x)
{
	process(w, x, 0);
}

static struct gby_runs runs = {
	sizeof(struct run), offsetof(struct run, groups), run_init, run_free,
	NULL
};
static const struct rec_reduce ranges = GBY_REDUCE(range_map);

/* ---- grading ---- */

enum { COL_CUSTOMER, COL_CURRENCY, COL_INVOICES, COL_BILLED, COL_OPEN,
	COL_OVERDUE, COL_MAXDAYS, COL_TIMELINESS, COL_EXPOSURE, COL_TENURE,
	COL_SCORE, COL_GRADE, COL_LIMIT, COL_AVAILABLE, COL_OVER, COL_TERMS,
	COL_TERMS_TEXT, NCOLS,
	/* --explain */
	COL_COUNTED = NCOLS, COL_UNDATED, COL_DAYS_BEYOND, COL_MONTHLY,
	COL_TERMS_DAYS, COL_FACTOR, COL_CAP, NCOLS_EXPLAIN };

static const struct ocol ocols[NCOLS_EXPLAIN] = {
	{ "customer", 0 }, { "currency", 0 },
	{ "invoices", 1 }, { "billed", 1 },
	{ "open", 1 }, { "overdue", 1 },
	{ "max_days_overdue", 1 },
	{ "timeliness", 1 },
	{ "exposure", 1 }, { "tenure", 1 },
	{ "score", 1 }, { "grade", 0 },
	{ "credit_limit", 1 },
	{ "available", 1 },
	{ "over_limit", 0 }, { "terms", 0 },
	{ "terms_text", 0 },
	{ "counted_items", 1 },
	{ "paid_undated", 1 },
	{ "days_beyond_terms", 1 },
	{ "monthly_billing", 1 },
	{ "terms_days", 1 },
	{ "limit_factor", 1 },
	{ "cap", 0 },
};

static struct writer *wr;
static enum lang lang;

/* Whole months from A to B (a month counts when its day is reached). */
static int
months_between(int32_t a, int32_t b)
{
	int ya, ma, da, yb, mb, db, m;

	date_to_civil(a, &ya, &ma, &da);
	date_to_civil(b, &yb, &mb, &db);
	m = (yb - ya) * 12 + (mb - ma) - (db < da);
	return m < 0 ? 0 : m;
}

/* x / y rounded half away from zero to 1 decimal, as a C_FIXED cell value */
static int64_t
tenth(i128 x, i128 y)
{
	int64_t v;

	return div128_round(x, y, &v) == 0 ? v : 0;
}

static const char *
terms_text(const char *code)
{
	for (size_t i = 0; i < sizeof(termnames) / sizeof(termnames[0]); i++)
		if (strcmp(termnames[i].code, code) == 0)
			return lang == LANG_ZH ? termnames[i].zh : termnames[i].en;
	return code;
}

/* The customers with several currencies, without --rates: the rows
 * come sorted, so such a customer's rows are next to each other. */
static struct {
	char *prev;
	size_t nprev, count;
	int counted;		/* prev is counted already */
	char first[64];
} sev;

static void
several(const char *name, size_t n)
{
	if (sev.prev != NULL && sev.nprev == n && memcmp(sev.prev, name, n) == 0) {
		if (!sev.counted && sev.count++ == 0)
			snprintf(sev.first, sizeof(sev.first), "%.*s", (int)n, name);
		sev.counted = 1;
		return;
	}
	free(sev.prev);
	sev.prev = xstrndup(name, n);
	sev.nprev = n;
	sev.counted = 0;
}

static void
grade_row(const char *key, size_t n, const void *payload, void *arg)
{
	const struct cust *g = payload;
	const char *f[2];
	size_t fn[2];
	struct cell c[NCOLS_EXPLAIN];
	int64_t scale = 1, t = 0, e, ten, score = 0, limit, thr, monthly = 0;
	int64_t factor = 0, terms_days = 0;
	int gi, known = g->tw > 0, new_cust;
	char capbuf[128] = "", gr[2] = "N";
	const char *terms;

	(void)arg;
	key_split(key, n, f, fn, 2);
	several(f[0], fn[0]);
	for (int i = 0; i < g->dec; i++)
		scale *= 10;
	for (int i = 0; i < NCOLS_EXPLAIN; i++)
		c[i] = cell_null();
	/* components, in points x 10 (one decimal) */
	if (known)
		t = tenth(g->tp, g->tw * (i128)1000);
	e = g->open_pos > 0 ? 1000 - tenth((i128)g->expo * 1000,
	    (i128)g->open_pos * pol.exposure_full_days) : 1000;
	ten = g->has_first ? tenth((i128)months_between(g->first, opt.c.as_of) *
	    1000, pol.tenure_full_months) : 0;
	if (ten > 1000)
		ten = 1000;
	/* too little history is N, unless an undisputed item is already
	 * long overdue: then it is graded on what there is (SPEC 4) */
	new_cust = (int)g->counted < pol.min_items && !(g->has_undisputed &&
	    g->max_undisputed > pol.new_overdue_days);
	if (!new_cust) {
		/* grade on the score as printed */
		score = tenth((i128)pol.w_timeliness * t + (i128)pol.w_exposure * e +
		    (i128)pol.w_tenure * ten, 10000);
		gi = score * 1000 >= pol.grade_a ? 0 : score * 1000 >= pol.grade_b ?
		    1 : score * 1000 >= pol.grade_c ? 2 : score * 1000 >=
		    pol.grade_d ? 3 : 4;
		if (gi == 0 && t * 1000 < pol.a_min_timeliness)
			gi = 1;
		/* caps: an old item of weight, undisputed (SPEC 4) */
		thr = pol.cap_min_amount * scale / 10000;
		{
			i128 pct = (i128)g->open_pos * pol.cap_min_percent / 1000000;
			if (pct > thr)
				thr = (int64_t)pct;
		}
		if ((int)g->counted < pol.min_items)
			snprintf(capbuf, sizeof(capbuf), "%u counted, but an item %d "
			    "days overdue: graded; ", g->counted, g->max_undisputed);
		if (g->cap_e >= thr && g->cap_e > 0 && gi < 4) {
			gi = 4;
			snprintf(capbuf + strlen(capbuf), sizeof(capbuf) -
			    strlen(capbuf), "an item over %d days: E", pol.cap_e_days);
		} else if (g->cap_c >= thr && g->cap_c > 0 && gi < 2) {
			gi = 2;
			snprintf(capbuf + strlen(capbuf), sizeof(capbuf) -
			    strlen(capbuf), "an item over %d days: C", pol.cap_c_days);
		}
		if (*capbuf && capbuf[strlen(capbuf) - 1] == ' ')
			capbuf[strlen(capbuf) - 2] = '\0';	/* no cap after all */
		gr[0] = (char)('A' + gi);
		terms = pol.terms[gi];
		factor = pol.factor[gi];
		/* limit = monthly billing x (terms + 30) / 30 x factor, down */
		if (g->has_window) {
			int months = months_between(g->first_window, opt.c.as_of) + 1;
			if (months > pol.limit_months_max)
				months = pol.limit_months_max;
			monthly = g->billed / months;
			if (g->terms_den > 0)
				terms_days = tenth((i128)g->terms_num * 10, g->terms_den) /
				    10;
		}
		{
			i128 round = (i128)pol.limit_round * scale / 10000;
			i128 l = (i128)g->billed * (terms_days + 30) * factor;
			int months = g->has_window ? months_between(g->first_window,
			    opt.c.as_of) + 1 : 1;
			if (months > pol.limit_months_max)
				months = pol.limit_months_max;
			l /= (i128)months * 30 * 10000;
			if (round > 0)
				l = l / round * round;
			limit = (int64_t)l;
		}
	} else {
		terms = pol.terms[5];
		limit = pol.new_limit * scale / 10000;
	}
	c[COL_CUSTOMER] = cell_text(f[0], fn[0]);
	c[COL_CURRENCY] = cell_text(f[1], fn[1]);
	c[COL_INVOICES] = cell_int(g->invoices);
	c[COL_BILLED] = cell_money(g->billed, g->dec);
	c[COL_OPEN] = cell_money(g->open, g->dec);
	c[COL_OVERDUE] = cell_money(g->overdue, g->dec);
	if (g->has_due && g->max_days > 0)
		c[COL_MAXDAYS] = cell_int(g->max_days);
	else if (g->has_due)
		c[COL_MAXDAYS] = cell_int(0);
	if (known)
		c[COL_TIMELINESS] = cell_fixed(t, 1);
	c[COL_EXPOSURE] = cell_fixed(e, 1);
	c[COL_TENURE] = cell_fixed(ten, 1);
	if (!new_cust)
		c[COL_SCORE] = cell_fixed(score, 1);
	c[COL_GRADE] = cell_text(gr[0] == 'N' ? "N" : gr, 1);
	c[COL_LIMIT] = cell_money(limit, g->dec);
	c[COL_AVAILABLE] = cell_money(limit - g->open, g->dec);
	c[COL_OVER] = g->open > limit ? cell_text("yes", 3) : cell_text("no", 2);
	c[COL_TERMS] = cell_text(terms, strlen(terms));
	c[COL_TERMS_TEXT] = cell_text(terms_text(terms), strlen(terms_text(terms)));
	if (opt.c.explain) {
		c[COL_COUNTED] = cell_int(g->counted);
		c[COL_UNDATED] = cell_int(g->undated);
		if (known)
			c[COL_DAYS_BEYOND] = cell_fixed(tenth(g->tdays * 10, g->tw), 1);
		if (!new_cust) {
			c[COL_MONTHLY] = cell_money(monthly, g->dec);
			c[COL_TERMS_DAYS] = cell_int(terms_days);
			c[COL_FACTOR] = cell_fixed(factor, 4);
		}
		c[COL_CAP] = cell_text(capbuf, strlen(capbuf));
		if (!*capbuf)
			c[COL_CAP] = cell_null();
	}
	any_paid |= g->has_paid;
	w_row(wr, NULL, c);
}

/* The warnings after the grades (SPEC 4, 1.10). */
static void
warn_end(int has_open, unsigned long nread)
{
	if (sev.count > 0)
		note("%zu customer%s (the first: %s) %s several currencies: one "
		    "grade per currency; give --rates to grade each customer once",
		    sev.count, sev.count > 1 ? "s" : "", sev.first, sev.count > 1 ?
		    "have" : "has");
	free(sev.prev);
	if (has_open)	/* SPEC 1.10 */
		warnx("the input is an open-item list (it has open): the items "
		    "paid in full are not in it, so timeliness rests on what is "
		    "still open; give the ledger with its payment history");
	else if (!any_paid && nread > 0)
		warnx("no dated payment in the input: timeliness rests on open "
		    "items alone (an open-items export has no payment history, "
		    "and paid without paid_date cannot be timed)");
}

/* ---- partial results (SPEC 10) ---- */

static const struct part_field pfields[] = {
	{ "weight", offsetof(struct cust, tw), PT_I128 },
	{ "weight_points", offsetof(struct cust, tp), PT_I128 },
	{ "weight_days", offsetof(struct cust, tdays), PT_I128 },
	{ "exposure_days", offsetof(struct cust, expo), PT_I128 },
	{ "terms_amount_days", offsetof(struct cust, terms_num), PT_I128 },
	{ "billed", offsetof(struct cust, billed), PT_I64 },
	{ "terms_amount", offsetof(struct cust, terms_den), PT_I64 },
	{ "open", offsetof(struct cust, open), PT_I64 },
	{ "overdue", offsetof(struct cust, overdue), PT_I64 },
	{ "open_pos", offsetof(struct cust, open_pos), PT_I64 },
	{ "cap_c_open", offsetof(struct cust, cap_c), PT_I64 },
	{ "cap_e_open", offsetof(struct cust, cap_e), PT_I64 },
	{ "first", offsetof(struct cust, first), PT_I32 },
	{ "first_in_window", offsetof(struct cust, first_window), PT_I32 },
	{ "max_days_overdue", offsetof(struct cust, max_days), PT_I32 },
	{ "max_days_undisputed", offsetof(struct cust, max_undisputed), PT_I32 },
	{ "invoices", offsetof(struct cust, invoices), PT_U32 },
	{ "counted", offsetof(struct cust, counted), PT_U32 },
	{ "paid_undated", offsetof(struct cust, undated), PT_U32 },
	{ "decimals", offsetof(struct cust, dec), PT_I8 },
	{ "has_paid", offsetof(struct cust, has_paid), PT_I8 },
	{ "has_first", offsetof(struct cust, has_first), PT_I8 },
	{ "has_window", offsetof(struct cust, has_window), PT_I8 },
	{ "has_due", offsetof(struct cust, has_due), PT_I8 },
	{ "has_undisputed", offsetof(struct cust, has_undisputed), PT_I8 },
};
#define NPFIELDS (sizeof(pfields) / sizeof(pfields[0]))
static const char *const pkeys[] = { "customer", "currency" };

static void
partial_group(const char *key, size_t n, const void *payload, void *arg)
{
	const char *f[2];
	size_t fn[2];

	key_split(key, n, f, fn, 2);
	part_group(arg, f, fn, payload);
}

/* --merge: every partial's customers folded into one table; the number
 * of records read, and whether any input was an open-item list. */
static struct part_in *
merge_partials(struct rec_reader *prd)
{
	struct part_in *p = part_in_new(prd, pkeys, 2, pfields, NPFIELDS);
	const char *k[2];
	size_t kn[2];
	struct cust g;
	struct key key = { NULL, 0, 0 };

	while (part_next(p, k, kn, &g, sizeof(g))) {
		key_reset(&key);
		key_add(&key, k[0], kn[0]);
		key_add(&key, k[1], kn[1]);
		cust_merge(gby_get(run0.groups, key.p, key.n), &g, NULL);
	}
	free(key.p);
	return p;
}

/* ---- main ---- */

static const struct tool tool = {
	"credit-grade",
	"credit-grade [-hqVv] [-F delim] [-i fmt] [-o fmt] [-O file] [--as-of date]\n"
	"                    [--currency cur] [--explain] [--lang zh|en] "
	"[--policy file]\n"
	"                    [--policy-dump] [--rates file] [--base cur] "
	"[--reject file]\n"
	"                    [--strict] [--max-record bytes] [--partial | --merge]\n"
	"                    [--shard k/n] [--fields list] [file ...]",
	"Rate each customer from its own payment record: timeliness, exposure\n"
	"and tenure make a score and a grade A-E (N: too little history), with\n"
	"the terms and the credit limit that go with it. One row per customer\n"
	"and currency, or per customer with --rates.",
	"      --rates FILE       currency,rate lines (units of --base per unit):\n"
	"                         pool each customer's currencies, one grade\n"
	"      --base CUR         the currency of the rates and the limits\n",
	OG_AS_OF | OG_LANG | OG_EXPLAIN | OG_POLICY | OG_PARTIAL,
	OUT_RECORDS
};

static void
parse(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "rates", required_argument, NULL, OPT_RATES },
		{ "base", required_argument, NULL, OPT_BASE },
		{ NULL, 0, NULL, 0 }
	};
	int c;

	while ((c = opts_next(&opt.c, argc, argv, longopts, "")) != -1)
		switch (c) {
		case OPT_RATES:
			opt.rates = optarg;
			break;
		case OPT_BASE:
			if (!currency_is_code(optarg, strlen(optarg))) {
				warnx("--base %s: an ISO 4217 code such as CNY", optarg);
				usage();
			}
			opt.base = optarg;
			break;
		default:
			usage();
		}
}

int
main(int argc, char **argv)
{
	struct rec_reader *rd, *prd;
	struct rec *x;
	uint64_t seq = 0;
	int st, has_open;

	opts_init(&opt.c, &tool, argc, argv);
	parse(argc, argv);
	argc -= optind;
	argv += optind;
	if (opt.c.policy_dump) {
		policy_load(policy, NULL);
		policy_dump(policy, "credit-grade policy (SPEC 4): the defaults");
		return fshut(EXIT_OK);
	}
	prd = part_start(&opt.c, tool.name, argv, argc, parse);
	if (prd != NULL && part_nothing())
		return fshut(rec_close(prd, 0));
	policy_load(policy, opt.c.policy);
	opts_finish(&opt.c, NULL);
	lang = opt.c.lang;
	if (opt.base != NULL && opt.rates == NULL) {
		warnx("--base goes with --rates");
		usage();
	}
	if (opt.rates != NULL) {
		int known;
		rates = rates_load(opt.rates, opt.base);
		if (*rates_base(rates) == '\0')
			die(EXIT_FATAL, "%s: which currency are the rates in? Give "
			    "--base, or the base at rate 1 in the file", opt.rates);
		base_dec = currency_decimals(rates_base(rates),
		    strlen(rates_base(rates)), &known);
	}

	if (prd != NULL) {
		struct part_in *p;
		run0.groups = gby_new(&cust_ops, NULL);
		p = merge_partials(prd);
		wr = w_open(opts_outfmt(&opt.c, NULL), lang, NULL, ocols,
		    opt.c.explain ? NCOLS_EXPLAIN : NCOLS);
		gby_walk(run0.groups, grade_row, NULL);
		w_close(wr, 0);
		has_open = part_extra(p)[0] > 0;
		warn_end(has_open, part_nread(p));
		st = part_in_close(p, opt.c.verbose);
		run_free(&run0);
		rates_free(rates);
		return fshut(st);
	}
	rd = rec_open(argv, argc, &opt.c.in);
	part_shard(&opt.c, rd);
	run_init(&run0, rd);
	ap = apply_new(opt.c.as_of, 0, 1);
	if (rec_empty(rd))
		return fshut(rec_close(rd, opt.c.verbose));
	if (!opt.c.partial)
		wr = w_open(opts_outfmt(&opt.c, rd), lang, NULL, ocols,
		    opt.c.explain ? NCOLS_EXPLAIN : NCOLS);
	if (ledger_has_docs(&run0.led)) {
		rec_want_rewind(rd);
		apply_join(ap, &run0.led, rd, 0, 0);
		while ((x = rec_next(rd)) != NULL)
			process(&run0, x, seq++);
	} else
		rec_reduce(rd, &ranges, &runs, &run0);
	has_open = ledger_has_open(&run0.led);
	if (opt.c.partial) {
		uint64_t extra[PART_NEXTRA] = { (uint64_t)has_open, 0, 0, 0 };
		struct part_out *p = part_open(opts_outfmt(&opt.c, rd), pkeys, 2,
		    pfields, NPFIELDS);
		gby_walk(run0.groups, partial_group, p);
		part_close(p, rd, extra);
	} else {
		gby_walk(run0.groups, grade_row, NULL);
		w_close(wr, 0);
		warn_end(has_open, rec_nread(rd));
	}
	st = rec_close(rd, opt.c.verbose);
	apply_free(ap);
	run_free(&run0);
	rates_free(rates);
	return fshut(st);
}
