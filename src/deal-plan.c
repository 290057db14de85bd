/* deal-plan - a negotiation plan per deal (谈判策划), SPEC 6.
 *
 * This file reads deals, the comparison (--rival) and the case library
 * (--cases), and writes one plan per deal: a record, or with -o md the
 * plan to read. The numbers are src/lib/deal.c's (three offers, walk-away,
 * the ladder of gives and gets, value strategies, rung, timing); the
 * words are src/lib/dealdoc.c's tables; the cases src/lib/cases.c's. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cases.h"
#include "date.h"
#include "deal.h"
#include "dealdoc.h"
#include "dealrec.h"
#include "err.h"
#include "ledger.h"
#include "money.h"
#include "norm.h"
#include "opts.h"
#include "out.h"
#include "rec.h"
#include "rival.h"

enum { OPT_RIVAL = OPT_TOOL, OPT_CASES, OPT_COST_RATE };

static struct {
	struct common c;
	const char *rival, *cases;
	struct deal_policy policy;
} opt;

/* ---- the comparison and the case library ---- */

static struct rivals rivals;
static struct cases cases;

/* ---- one deal ---- */

static struct rec_reader *rd;
static struct deal_reader dr;

/* A deal, its comparison and its closest cases. */
struct input {
	struct deal_input di;
	const struct rival_attr *attr;
	int nattr;
	struct rival rival;
	size_t best[3];
	int ncases;
};

/* The comparison and the cases that belong to the deal. */
static void
join(struct input *in)
{
	struct deal *d = &in->di.d;
	struct case_query q;
	struct text id = in->di.deal;

	in->ncases = 0;
	norm_trim(&id.p, &id.n);
	d->has_competitor = d->has_competitor_price || in->di.competitor.n > 0 ||
	    d->reason == REASON_COMPETITOR;
	in->attr = rivals_for(&rivals, id.p, id.n, d->has_competitor,
	    &in->nattr);
	if (in->nattr > 0 && rival_score(in->attr, in->nattr, &in->rival) == 0) {
		d->rival = &in->rival;
		d->has_competitor = 1;
	} else
		in->nattr = 0;
	if (cases.n == 0)
		return;
	memset(&q, 0, sizeof(q));
	q.customer = in->di.customer.p;
	q.customer_n = in->di.customer.n;
	q.industry = in->di.industry.p;
	q.industry_n = in->di.industry.n;
	q.reason = d->reason;
	q.roles = d->roles;
	in->ncases = (int)cases_match(&cases, &q, in->best, 3);
	d->is_reference = cases_is_reference(&cases, in->di.customer.p,
	    in->di.customer.n);
}

/* ---- records out ---- */

enum { O_CURRENCY, O_SCOPE_BASIC, O_SCOPE_OPTIMAL, O_SCOPE_REFERENCE,
	O_BASIC, O_OPTIMAL, O_REFERENCE, O_WALK_AWAY, O_OPENING, O_BOUND_BY,
	O_FLAGS,
	O_STEP1, O_STEPS_END = O_STEP1 + 4 * LADDER_STEPS, O_STRATEGY =
	O_STEPS_END, O_VALUES, O_LIFE_OURS, O_LIFE_THEIRS, O_TEAM, O_TIMING,
	O_DAYS, O_MISSING, O_CONFIDENCE, O_TRUST, O_WEAKEST, O_RIVAL_OURS,
	O_RIVAL_THEIRS, O_RUNG, O_CASES, NOUT };

static const struct ocol ocols[NOUT] = {
	{ "currency", 0 },
	{ "scope_basic", 0 },
	{ "scope_optimal", 0 },
	{ "scope_reference", 0 },
	{ "basic", 1 },
	{ "optimal", 1 },
	{ "reference", 1 },
	{ "walk_away", 1 },
	{ "opening", 1 },
	{ "bound_by", 0 },
	{ "flags", 0 },
	{ "step1", 1 }, { "get1", 0 },
	{ "get1_ask", 1 },
	{ "get1_value", 1 },
	{ "step2", 1 }, { "get2", 0 },
	{ "get2_ask", 1 },
	{ "get2_value", 1 },
	{ "step3", 1 }, { "get3", 0 },
	{ "get3_ask", 1 },
	{ "get3_value", 1 },
	{ "strategy", 0 },
	{ "value_strategies", 0 },
	{ "lifetime_ours", 1 },
	{ "lifetime_theirs", 1 },
	{ "team", 0 },
	{ "timing", 0 },
	{ "days_to_decision", 1 },
	{ "missing", 0 },
	{ "confidence", 1 },
	{ "trust", 1 },
	{ "weakest", 0 },
	{ "rival_ours", 1 },
	{ "rival_theirs", 1 },
	{ "rung", 0 },
	{ "cases", 0 },
};

/* A ';'-separated list, in a buffer the cell points into. */
struct list {
	char b[1024];
	size_t n;
};

static void
list_add(struct list *l, const char *s, size_t n)
{
	if (l->n + n + 2 > sizeof(l->b))
		return;
	if (l->n)
		l->b[l->n++] = ';';
	memcpy(l->b + l->n, s, n);
	l->n += n;
}

static struct cell
cell_list(const struct list *l)
{
	return l->n ? cell_text(l->b, l->n) : cell_null();
}

static struct cell
cell_word(const char *s)
{
	return cell_text(s, strlen(s));
}

static void
write_record(struct writer *w, const struct rec *x, const struct input *in,
    const struct deal_plan *pl)
{
	const struct deal *d = &in->di.d;
	struct cell c[NOUT];
	struct list fl = { "", 0 }, vs = { "", 0 }, tm = { "", 0 },
	    ms = { "", 0 }, cs = { "", 0 };
	char scope[NOFFERS][SCOPE_MAX * (SCOPE_NAME_MAX + MONEY_BUFSZ + 4)];

	for (int i = 0; i < NOUT; i++)
		c[i] = cell_null();
	if (in->di.currency.n)
		c[O_CURRENCY] = cell_text(in->di.currency.p, in->di.currency.n);
	for (int k = 0; k < NOFFERS; k++) {
		size_t n = scope_format(&in->di.scope[k], d->dec, scope[k],
		    sizeof(scope[k]));
		c[O_SCOPE_BASIC + k] = cell_text(scope[k], n);
		c[O_BASIC + k] = cell_money(pl->price[k], d->dec);
	}
	c[O_WALK_AWAY] = cell_money(pl->walk_away, d->dec);
	c[O_OPENING] = cell_money(pl->opening, d->dec);
	c[O_BOUND_BY] = cell_word(deal_bounds[pl->bound_by].code);
	for (int i = 0; i < NFLAGS; i++)
		if (pl->flags & (1u << i))
			list_add(&fl, deal_flags[i].code, strlen(deal_flags[i].code));
	c[O_FLAGS] = cell_list(&fl);
	for (int i = 0; i < pl->nsteps; i++) {
		const struct deal_step *s = &pl->step[i];
		c[O_STEP1 + 4 * i] = cell_money(s->give, d->dec);
		c[O_STEP1 + 4 * i + 1] = cell_word(deal_gets[s->get].code);
		if (s->get != GET_CASE)
			c[O_STEP1 + 4 * i + 2] = cell_int(s->ask);
		c[O_STEP1 + 4 * i + 3] = cell_money(s->value, d->dec);
	}
	if (d->reason != REASON_NONE)
		c[O_STRATEGY] = cell_word(deal_strategies[d->reason].code);
	if (pl->cheaper)
		for (int i = 0; i < NVALUES; i++)
			list_add(&vs, deal_values[pl->vrank[i]].code,
			    strlen(deal_values[pl->vrank[i]].code));
	c[O_VALUES] = cell_list(&vs);
	if (pl->has_life) {
		c[O_LIFE_OURS] = cell_money(pl->life_ours, d->dec);
		c[O_LIFE_THEIRS] = cell_money(pl->life_theirs, d->dec);
	}
	list_add(&tm, deal_team[TEAM_ACCOUNT].code,
	    strlen(deal_team[TEAM_ACCOUNT].code));
	for (int i = 0; i < NROLES; i++)
		if (d->roles & (1u << i))
			list_add(&tm, deal_team[deal_role_team[i]].code,
			    strlen(deal_team[deal_role_team[i]].code));
	c[O_TEAM] = cell_list(&tm);
	c[O_TIMING] = cell_word(deal_timings[pl->timing].code);
	if (pl->has_days)
		c[O_DAYS] = cell_int(pl->days_to_decision);
	for (int i = 0; i < NMISSING; i++)
		if (pl->missing & (1u << i))
			list_add(&ms, deal_missing[i], strlen(deal_missing[i]));
	c[O_MISSING] = cell_list(&ms);
	if (pl->confidence >= 0)
		c[O_CONFIDENCE] = cell_fixed(pl->confidence, 1);
	if (pl->trust >= 0)
		c[O_TRUST] = cell_fixed(pl->trust, 1);
	if (pl->weakest >= 0)
		c[O_WEAKEST] = cell_word(deal_ratings[pl->weakest].code);
	if (d->rival != NULL) {
		c[O_RIVAL_OURS] = cell_fixed(d->rival->score_ours, 2);
		c[O_RIVAL_THEIRS] = cell_fixed(d->rival->score_theirs, 2);
		c[O_RUNG] = cell_word(deal_rungs[pl->rung].code);
	}
	for (int i = 0; i < in->ncases; i++) {	/* named, or #line */
		const struct case_rec *k = &cases.v[in->best[i]];
		char num[32];
		if (k->reference_ok)
			list_add(&cs, k->customer, strlen(k->customer));
		else
			list_add(&cs, num, (size_t)snprintf(num, sizeof(num), "#%lu",
			    k->line));
	}
	c[O_CASES] = cell_list(&cs);
	w_row(w, x, c);
}

/* ---- the plan to read (-o md) ---- */

static struct obuf md;
static struct prose_out text;
static unsigned long plans;

static void
write_md(const struct input *in, const struct deal_plan *pl)
{
	struct deal_doc doc;

	memset(&doc, 0, sizeof(doc));
	doc.d = &in->di.d;
	doc.pl = pl;
	doc.scope = in->di.scope;
	doc.customer = in->di.customer;
	doc.deal = in->di.deal;
	doc.currency = in->di.currency;
	doc.competitor = in->di.competitor;
	doc.industry = in->di.industry;
	doc.attr = in->attr;
	doc.nattr = in->nattr;
	for (int i = 0; i < in->ncases; i++)
		doc.cases[i] = &cases.v[in->best[i]];
	doc.ncases = in->ncases;
	doc.as_of = opt.policy.as_of;
	doc.has_cost_rate = opt.policy.has_cost_rate;
	doc.zh = opt.c.lang == LANG_ZH;
	text.n = 0;
	if (plans++ > 0)
		prose_put(&text, "---\n\n", 5);
	deal_doc_md(&text, &doc);
	ob_write(&md, text.p, text.n);
}

static void
md_flush_on_stop(void)
{
	ob_flush(&md);
}

/* ---- main ---- */

/* One deal: read, plan, write (one record or one plan), account. */
static void
process(struct rec *x, enum rec_fmt fmt, struct writer *w)
{
	static struct input in;
	struct deal_plan pl;
	const char *why;

	if (deal_read(&dr, x, &in.di) != 0)
		return;
	join(&in);
	if ((why = deal_plan(&in.di.d, &opt.policy, &pl)) != NULL) {
		rec_reject(rd, x, "%s", why);
		return;
	}
	if (fmt == FMT_MD)
		write_md(&in, &pl);
	else
		write_record(w, x, &in, &pl);
	rec_written(rd, x);
}

static const struct tool tool = {
	"deal-plan",
	"deal-plan [-hqVv] [-F delim] [-i fmt] [-o fmt] [-O file] [--as-of date]\n"
	"                 [--currency cur] [--lang zh|en] [--cost-rate pct]\n"
	"                 [--rival file] [--cases file] [--reject file] "
	"[--strict]\n"
	"                 [--max-record bytes] [file ...]",
	"A negotiation plan per deal: three offers of scope and price, the\n"
	"walk-away, a concession ladder where every give is traded for a get\n"
	"worth as much, the strategy for the reason behind a price demand, the\n"
	"value strategies against a cheaper competitor, the comparison and the\n"
	"rung to sell on, proof from the case library, what each counterpart\n"
	"loves and fears, timing and readiness; as records, or with -o md as a\n"
	"plan to read.",
	"      --cost-rate PCT    our cost of money a year, in percent: values\n"
	"                         prepayment and shorter terms as gets\n"
	"      --rival FILE       the comparison with the competitor: columns\n"
	"                         attribute, weight, ours, theirs, and deal\n"
	"                         (blank: every deal with a competitor)\n"
	"      --cases FILE       the case library: columns customer, industry,\n"
	"                         problem, solution, result, reference_ok\n",
	OG_AS_OF | OG_LANG,
	OUT_RECORDS
};

static void
cost_rate(const char *s)
{
	struct decimal *r = &opt.policy.cost_rate;

	if (decimal_parse(s, r) != 0 || r->scale > 4 || r->num > 100 *
	    (r->scale == 0 ? 1 : r->scale == 1 ? 10 : r->scale == 2 ? 100 :
	    r->scale == 3 ? 1000 : 10000)) {
		warnx("--cost-rate: \"%s\" is not a percentage from 0 to 100 such "
		    "as 8 or 4.35", s);
		usage();
	}
	opt.policy.has_cost_rate = 1;
}

int
main(int argc, char **argv)
{
	static const struct option own[] = {
		{ "rival", required_argument, NULL, OPT_RIVAL },
		{ "cases", required_argument, NULL, OPT_CASES },
		{ "cost-rate", required_argument, NULL, OPT_COST_RATE },
		{ NULL, 0, NULL, 0 }
	};
	struct writer *w = NULL;
	struct rec *x;
	enum rec_fmt fmt;
	int ch, st;

	opts_init(&opt.c, &tool, argc, argv);
	while ((ch = opts_next(&opt.c, argc, argv, own, "")) != -1) {
		if (ch == OPT_RIVAL)
			opt.rival = optarg;
		else if (ch == OPT_CASES)
			opt.cases = optarg;
		else if (ch == OPT_COST_RATE)
			cost_rate(optarg);
		else
			usage();
	}
	argc -= optind;
	argv += optind;
	opts_finish(&opt.c, NULL);
	opt.policy.as_of = opt.c.as_of;
	if (opt.rival)
		rivals_load(opt.rival, &rivals);
	if (opt.cases)
		cases_load(opt.cases, &cases);

	rd = rec_open(argv, argc, &opt.c.in);
	deal_reader_init(&dr, rd, opt.c.currency);
	if (rec_empty(rd))
		return fshut(rec_close(rd, opt.c.verbose));
	fmt = opts_outfmt(&opt.c, rd);
	if (fmt == FMT_MD) {
		ob_init(&md, 1, out_name);
		err_stop_hook = md_flush_on_stop;
	} else
		w = w_open(fmt, opt.c.lang, rd, ocols, NOUT);
	while ((x = rec_next(rd)) != NULL)
		process(x, fmt, w);
	if (fmt == FMT_MD) {
		ob_flush(&md);
		free(md.b);
		prose_free(&text);
	} else
		w_close(w, 0);
	st = rec_close(rd, opt.c.verbose);
	rivals_free(&rivals);
	cases_free(&cases);
	return fshut(st);
}
