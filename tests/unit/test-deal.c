/* Unit tests: deal.c, the numbers of a negotiation plan (SPEC 6). The
 * expected figures are worked by hand in the comments (and in
 * man/deal-plan.1 for the example deals), not taken from the code. */
#include <stdint.h>
#include <stdlib.h>

#include "date.h"
#include "deal.h"
#include "unit.h"

static struct decimal
dec(const char *s)
{
	struct decimal d;

	CHECK(decimal_parse(s, &d) == 0);
	return d;
}

/* A deal with no optional input: amounts in minor units. */
static void
deal_init(struct deal *d, int dp, int64_t list, int64_t cost)
{
	memset(d, 0, sizeof(*d));
	d->dec = dp;
	d->list = list;
	d->cost = cost;
	d->min_margin = dec("0.10");
	d->target_margin = dec("0.25");
	d->reason = REASON_NONE;
	d->terms_days = -1;
	d->conditions = d->objections = -1;
	d->decision_date = DATE_NONE;
}

/* Resolve the scopes written in B, O, R (NULL: blank) into D. */
static const char *
scopes(struct deal *d, const char *b, const char *o, const char *r,
    struct scope s[NOFFERS])
{
	const char *t[NOFFERS] = { b, o, r }, *why;
	const struct scope_item *it;
	int field;

	for (int k = 0; k < NOFFERS; k++) {
		s[k].n = 0;
		if (t[k] == NULL)
			continue;
		why = scope_parse(t[k], strlen(t[k]), d->dec, d->cost, &s[k]);
		if (why != NULL)
			return why;
	}
	return scopes_resolve(s, d->cost, d->offer, &field, &it);
}

static struct deal_policy
policy(const char *rate)
{
	struct deal_policy p;

	memset(&p, 0, sizeof(p));
	p.as_of = date_from_civil(2026, 11, 30);
	if (rate) {
		p.cost_rate = dec(rate);
		p.has_cost_rate = 1;
	}
	return p;
}

static void
test_scopes(void)
{
	struct deal d;
	struct scope s[NOFFERS];
	char buf[512];

	/* the defaults: core; addon (10% of cost); + lifecycle (10%) */
	deal_init(&d, 2, 15000000, 10000000);
	CHECK(scopes(&d, NULL, NULL, NULL, s) == NULL);
	CHECK_INT(s[OFFER_BASIC].n, 1);
	CHECK_INT(s[OFFER_OPTIMAL].n, 2);
	CHECK_INT(s[OFFER_REFERENCE].n, 3);
	CHECK_INT(d.offer[OFFER_BASIC].cost, 9000000);
	CHECK_INT(d.offer[OFFER_BASIC].removed, 1000000);
	CHECK_INT(d.offer[OFFER_OPTIMAL].cost, 10000000);
	CHECK_INT(d.offer[OFFER_REFERENCE].cost, 11000000);
	CHECK_INT(d.offer[OFFER_REFERENCE].adds, 1);
	CHECK_INT(d.offer[OFFER_OPTIMAL].adds, 0);
	scope_format(&s[OFFER_REFERENCE], 2, buf, sizeof(buf));
	CHECK_STR(buf, "core;addon=10000.00;+lifecycle=10000.00");
	scope_format(&s[OFFER_BASIC], 2, buf, sizeof(buf));
	CHECK_STR(buf, "core");

	/* written: the list scope is optimal without '+'; costs by name */
	CHECK(scopes(&d, "arm", " arm ; install=6000.00 ;+ kpi = 5% ",
	    "arm;install;kpi;support=12000", s) == NULL);
	CHECK_INT(d.offer[OFFER_BASIC].cost, 9400000);
	CHECK_INT(d.offer[OFFER_OPTIMAL].cost, 10500000);
	CHECK_INT(d.offer[OFFER_OPTIMAL].added, 500000);
	CHECK_INT(d.offer[OFFER_REFERENCE].cost, 11700000);
	scope_format(&s[OFFER_OPTIMAL], 2, buf, sizeof(buf));
	CHECK_STR(buf, "arm;install=6000.00;+kpi=5000.00");

	/* what is wrong, said */
	CHECK(scopes(&d, "arm", "arm;inst", NULL, s) != NULL);	/* cost */
	CHECK(scopes(&d, "arm;x", "arm;inst=1", NULL, s) != NULL);	/* nest */
	CHECK(scopes(&d, NULL, "arm;inst=1", "arm", s) != NULL);	/* nest */
	CHECK(scopes(&d, NULL, "arm;arm", NULL, s) != NULL);	/* twice */
	CHECK(scopes(&d, NULL, "arm;i=1;+x", "arm;i=2;x=1", s) != NULL);
	CHECK(scopes(&d, NULL, "+arm=1", NULL, s) != NULL);	/* no list */
	CHECK(scopes(&d, NULL, "arm;i=100000.00", NULL, s) != NULL);
	CHECK(scopes(&d, NULL, "arm;i=120000.00", NULL, s) != NULL);
	CHECK(scopes(&d, NULL, "arm;i=12.345", NULL, s) != NULL);
	CHECK(scopes(&d, NULL, "arm;i=-1", NULL, s) != NULL);
	CHECK(scopes(&d, NULL, "arm;i=101%", NULL, s) != NULL);
	CHECK(scopes(&d, NULL, "arm;=5", NULL, s) != NULL);
	CHECK(scopes(&d, NULL, "arm;i=%", NULL, s) != NULL);
	CHECK(scopes(&d, NULL, " ; ;", NULL, s) == NULL);	/* blank */
}

static void
test_words(void)
{
	unsigned r;

	CHECK_INT(deal_reason_parse("risk", 4), REASON_RISK);
	CHECK_INT(deal_reason_parse(" Budget ", 8), REASON_BUDGET);
	CHECK_INT(deal_reason_parse("客户绩效要求", strlen("客户绩效要求")),
	    REASON_KPI);
	CHECK_INT(deal_reason_parse("", 0), REASON_NONE);
	CHECK_INT(deal_reason_parse("greed", 5), -1);
	CHECK_INT(deal_roles_parse("eagle; 狐 ;;FOX", strlen("eagle; 狐 ;;FOX"),
	    &r), 0);
	CHECK_INT(r, 1u << ROLE_EAGLE | 1u << ROLE_FOX);
	CHECK_INT(deal_roles_parse("wolf", 4, &r), -1);
}

/* Acme Robotics (man/deal-plan.1): list 150,000, cost 100,000, margins
 * 0.12 and 0.30, budget 140,000, competitor 118,000, 5 years, opex 6,000
 * against 11,000; basic leaves out installation (6,000) and training
 * (4,000), reference adds 5-year service (12,000). */
static void
test_acme(void)
{
	struct deal d;
	struct scope s[NOFFERS];
	struct deal_plan pl;
	struct deal_policy p = policy("8");

	deal_init(&d, 2, 15000000, 10000000);
	d.min_margin = dec("0.12");
	d.target_margin = dec("0.30");
	d.budget = 14000000;
	d.has_budget = 1;
	d.competitor = 11800000;
	d.has_competitor_price = d.has_competitor = 1;
	d.years = 5;
	d.opex = 600000;
	d.competitor_opex = 1100000;
	d.has_opex = d.has_competitor_opex = 1;
	d.reason = REASON_COMPETITOR;
	d.terms_days = 90;
	d.case_value = 400000;
	d.has_case_value = 1;
	CHECK(scopes(&d, "arm cell", "arm cell;installation=6000.00;"
	    "training=4000.00", "arm cell;installation;training;"
	    "+service=12000.00", s) == NULL);
	CHECK(deal_plan(&d, &p, &pl) == NULL);
	/* floors 90,000 x 1.12, 100,000 x 1.12; targets x 1.30 */
	CHECK_INT(pl.floor[OFFER_BASIC], 10080000);
	CHECK_INT(pl.floor[OFFER_OPTIMAL], 11200000);
	CHECK_INT(pl.target[OFFER_BASIC], 11700000);
	/* basic's book: 150,000 - 10,000 x 150/100 = 135,000 */
	CHECK_INT(pl.book[OFFER_BASIC], 13500000);
	/* reference's book: 150,000 + 12,000 x 1.30 = 165,600 */
	CHECK_INT(pl.book[OFFER_REFERENCE], 16560000);
	/* the ceiling: 118,000 + (11,000 - 6,000) x 5 = 143,000 */
	CHECK_INT(pl.life_premium, 2500000);
	CHECK_INT(pl.ceiling, 14300000);
	/* basic min(135,000, 117,000, 140,000); walk-away max(112,000,
	 * 117,000); optimal the budget, under the ceiling and the list */
	CHECK_INT(pl.price[OFFER_BASIC], 11700000);
	CHECK_INT(pl.walk_away, 11700000);
	CHECK_INT(pl.price[OFFER_OPTIMAL], 14000000);
	CHECK_INT(pl.bound_by, BOUND_BUDGET);
	CHECK_INT(pl.price[OFFER_REFERENCE], 16560000);
	CHECK_INT(pl.flags, 0);
	/* ladder 150,000 -> 140,000: 5,000, 3,000, 2,000 */
	CHECK_INT(pl.opening, 15000000);
	CHECK_INT(pl.nsteps, 3);
	CHECK_INT(pl.step[0].give, 500000);
	CHECK_INT(pl.step[1].give, 300000);
	CHECK_INT(pl.step[2].give, 200000);
	CHECK_INT(pl.end, 14000000);
	/* 5 years already: no longer contract; 12% volume at 145,000 -
	 * 100,000 = 5,400; the case at 4,000; 66 days sooner of 140,000 at
	 * 8%: 140,000 x 0.08 x 66 / 365 = 2,025.21 */
	CHECK_INT(pl.step[0].get, GET_VOLUME);
	CHECK_INT(pl.step[0].ask, 12);
	CHECK_INT(pl.step[0].value, 540000);
	CHECK_INT(pl.step[1].get, GET_CASE);
	CHECK_INT(pl.step[1].value, 400000);
	CHECK_INT(pl.step[2].get, GET_TERMS);
	CHECK_INT(pl.step[2].ask, 66);
	CHECK_INT(pl.step[2].value, 202521);
	CHECK(pl.gets_had & (1u << GET_CONTRACT));
	/* lifetime 140,000 + 30,000 against 118,000 + 55,000 */
	CHECK_INT(pl.life_ours, 17000000);
	CHECK_INT(pl.life_theirs, 17300000);
	CHECK_INT(pl.timing, TIMING_UNKNOWN);

	/* terms of 60 days: 66 days sooner is not to be had, nor 109%
	 * prepaid: the ladder stops at 142,000 */
	d.terms_days = 60;
	CHECK(deal_plan(&d, &p, &pl) == NULL);
	CHECK_INT(pl.nsteps, 2);
	CHECK_INT(pl.end, 14200000);
	CHECK(pl.flags & (1u << FLAG_LADDER_SHORT));
	CHECK_INT(pl.short_give, 200000);
}

/* 北京远景科技 (JPY): list 5,000,000, cost 3,500,000, margins 0.08 and
 * 0.25, budget 4,800,000, competitor 4,200,000, 4 years, opex 300,000
 * against 250,000; the default scopes. */
static void
test_beijing(void)
{
	struct deal d;
	struct scope s[NOFFERS];
	struct deal_plan pl;
	struct deal_policy p = policy("8");
	struct rival_attr a[] = {	/* examples/rivals.csv */
		{ "quality", 3000, 45000, 35000 },
		{ "delivery", 2000, 40000, 40000 },
		{ "service", 2500, 50000, 30000 },
		{ "local", 1000, 30000, 0 },
		{ "price", 1500, 30000, 50000 },
	};
	struct rival r;

	deal_init(&d, 0, 5000000, 3500000);
	d.min_margin = dec("0.08");
	d.budget = 4800000;
	d.has_budget = 1;
	d.competitor = 4200000;
	d.has_competitor_price = d.has_competitor = 1;
	d.years = 4;
	d.opex = 300000;
	d.competitor_opex = 250000;
	d.has_opex = d.has_competitor_opex = 1;
	d.terms_days = 90;
	d.roles = 1u << ROLE_FOX | 1u << ROLE_SHEEP | 1u << ROLE_EAGLE;
	CHECK(scopes(&d, NULL, NULL, NULL, s) == NULL);
	CHECK(deal_plan(&d, &p, &pl) == NULL);
	/* basic: 3,150,000 x 1.25 = 3,937,500 (its book: 5,000,000 -
	 * 350,000 x 5/3.5 = 4,500,000) */
	CHECK_INT(pl.book[OFFER_BASIC], 4500000);
	CHECK_INT(pl.price[OFFER_BASIC], 3937500);
	CHECK_INT(pl.walk_away, 3937500);
	/* they cost 50,000 a year less to run: 4,200,000 - 200,000 */
	CHECK_INT(pl.ceiling, 4000000);
	CHECK_INT(pl.price[OFFER_OPTIMAL], 4000000);
	CHECK_INT(pl.bound_by, BOUND_COMPETITOR);
	/* reference: 5,000,000 + 350,000 x 1.25 */
	CHECK_INT(pl.price[OFFER_REFERENCE], 5437500);
	/* the ladder stops at the budget: 5,000,000 -> 4,800,000 */
	CHECK_INT(pl.close, 4800000);
	CHECK_INT(pl.nsteps, 3);
	CHECK_INT(pl.step[0].give, 100000);
	CHECK_INT(pl.step[1].give, 60000);
	CHECK_INT(pl.step[2].give, 40000);
	/* 8% volume of 1,400,000; a fifth year of 1,340,000 / 4; 43%
	 * prepaid 90 days early at 8%: 4,800,000 x 0.43 x 0.08 x 90 / 365 */
	CHECK_INT(pl.step[0].get, GET_VOLUME);
	CHECK_INT(pl.step[0].ask, 8);
	CHECK_INT(pl.step[0].value, 112000);
	CHECK_INT(pl.step[1].get, GET_CONTRACT);
	CHECK_INT(pl.step[1].ask, 1);
	CHECK_INT(pl.step[1].value, 335000);
	CHECK_INT(pl.step[2].get, GET_PREPAY);
	CHECK_INT(pl.step[2].ask, 43);
	CHECK_INT(pl.step[2].value, 40715);
	CHECK_INT(pl.timing, TIMING_UNKNOWN);
	/* the budget lets the ladder close 800,000 above what the
	 * competitor lets us win: said, and the value strategies with it */
	CHECK(pl.flags & (1u << FLAG_CLOSE_ABOVE));
	CHECK(pl.cheaper);
	/* without --cost-rate it stops at 4,840,000, still above */
	p = policy(NULL);
	CHECK(deal_plan(&d, &p, &pl) == NULL);
	CHECK_INT(pl.end, 4840000);
	CHECK(pl.flags & (1u << FLAG_CLOSE_ABOVE));
	CHECK(pl.flags & (1u << FLAG_LADDER_SHORT));
	CHECK(pl.cheaper);
	p = policy("8");

	/* with the comparison, 4.15 against 3.35: 4,200,000 x 0.80 / 3.35 */
	CHECK(rival_score(a, 5, &r) == 0);
	CHECK_INT(r.score_ours, 415);
	CHECK_INT(r.score_theirs, 335);
	CHECK(r.unique);
	d.rival = &r;
	CHECK(deal_plan(&d, &p, &pl) == NULL);
	CHECK_INT(pl.rival_premium, 1002985);
	CHECK_INT(pl.premium, 1002985);
	CHECK_INT(pl.price[OFFER_OPTIMAL], 4800000);
	CHECK_INT(pl.bound_by, BOUND_BUDGET);
	CHECK_INT(pl.rung, RUNG_UNIQUE);
	CHECK(!(pl.flags & (1u << FLAG_CLOSE_ABOVE)));
}

/* Globex: list 90,000, cost 60,000, competitor 95,000: hold the list. */
static void
test_globex(void)
{
	struct deal d;
	struct scope s[NOFFERS];
	struct deal_plan pl;
	struct deal_policy p = policy(NULL);

	deal_init(&d, 2, 9000000, 6000000);
	d.competitor = 9500000;
	d.has_competitor_price = d.has_competitor = 1;
	d.reason = REASON_CASUAL;
	CHECK(scopes(&d, NULL, NULL, NULL, s) == NULL);
	CHECK(deal_plan(&d, &p, &pl) == NULL);
	CHECK_INT(pl.price[OFFER_BASIC], 6750000);
	CHECK_INT(pl.walk_away, 6750000);
	CHECK_INT(pl.price[OFFER_OPTIMAL], 9000000);
	CHECK_INT(pl.bound_by, BOUND_LIST);
	CHECK_INT(pl.price[OFFER_REFERENCE], 9750000);
	CHECK_INT(pl.nsteps, 0);
	CHECK_INT(pl.flags, 0);
	CHECK(!pl.cheaper);
}

/* Northwind Traders: list 105,000, cost 100,000, margins 0.10 and 0.20,
 * budget 120,000: the list is below the walk-away of its own scope; the
 * optimal offer adds a KPI dashboard (4,000). */
static void
test_northwind(void)
{
	struct deal d;
	struct scope s[NOFFERS];
	struct deal_plan pl;
	struct deal_policy p = policy(NULL);

	deal_init(&d, 2, 10500000, 10000000);
	d.target_margin = dec("0.20");
	d.budget = 12000000;
	d.has_budget = 1;
	d.reason = REASON_KPI;
	d.years = 3;
	d.case_value = 150000;
	d.has_case_value = 1;
	d.conditions = 0;
	d.objections = 1;
	d.decision_date = date_from_civil(2026, 12, 18);
	CHECK(scopes(&d, "equipment", "equipment;commissioning=8000.00;"
	    "+KPI dashboard=4000.00", "equipment;commissioning;KPI dashboard;"
	    "resident engineer=6000.00", s) == NULL);
	CHECK(deal_plan(&d, &p, &pl) == NULL);
	/* basic: 92,000 x 1.10 = 101,200, above its book 96,600 */
	CHECK_INT(pl.book[OFFER_BASIC], 9660000);
	CHECK_INT(pl.price[OFFER_BASIC], 10120000);
	/* walk-away 104,000 x 1.10; optimal may pass the list: it adds */
	CHECK_INT(pl.walk_away, 11440000);
	CHECK_INT(pl.cap[OFFER_OPTIMAL], 12480000);
	CHECK_INT(pl.price[OFFER_OPTIMAL], 12000000);
	CHECK_INT(pl.bound_by, BOUND_BUDGET);
	/* reference: 110,000 x 1.20 (its book, 117,000, is lower) */
	CHECK_INT(pl.price[OFFER_REFERENCE], 13200000);
	/* 124,800 -> 120,000: 2,400, 1,440, 960 */
	CHECK_INT(pl.nsteps, 3);
	CHECK_INT(pl.step[0].give, 240000);
	CHECK_INT(pl.step[0].get, GET_VOLUME);
	CHECK_INT(pl.step[0].ask, 14);
	CHECK_INT(pl.step[0].value, 257600);
	CHECK_INT(pl.step[1].get, GET_CONTRACT);
	CHECK_INT(pl.step[1].value, 565333);
	CHECK_INT(pl.step[2].give, 96000);
	CHECK_INT(pl.step[2].get, GET_CASE);
	CHECK_INT(pl.timing, TIMING_READY);
	CHECK_INT(pl.days_to_decision, 18);

	/* the same list scope, nothing added: optimal cannot pass the list */
	CHECK(scopes(&d, NULL, NULL, NULL, s) == NULL);
	CHECK(deal_plan(&d, &p, &pl) == NULL);
	CHECK_INT(pl.price[OFFER_OPTIMAL], 10500000);
	CHECK_INT(pl.bound_by, BOUND_LIST);
	CHECK(pl.flags & (1u << FLAG_LIST_LOW));
	CHECK_INT(pl.nsteps, 0);
	CHECK(pl.price[OFFER_BASIC] <= pl.price[OFFER_OPTIMAL]);
	/* the decision date passed */
	d.decision_date = date_from_civil(2026, 11, 1);
	CHECK(deal_plan(&d, &p, &pl) == NULL);
	CHECK_INT(pl.timing, TIMING_LATE);
	CHECK_INT(pl.days_to_decision, -29);
}

/* A budget below the walk-away; a competitor below our cost. */
static void
test_flags(void)
{
	struct deal d;
	struct scope s[NOFFERS];
	struct deal_plan pl;
	struct deal_policy p = policy(NULL);

	/* 华东: list 1,200,000, cost 800,000, budget 850,000: basic at the
	 * budget, walk-away 880,000 */
	deal_init(&d, 2, 120000000, 80000000);
	d.budget = 85000000;
	d.has_budget = 1;
	d.reason = REASON_BUDGET;
	CHECK(scopes(&d, NULL, NULL, NULL, s) == NULL);
	CHECK(deal_plan(&d, &p, &pl) == NULL);
	CHECK_INT(pl.price[OFFER_BASIC], 85000000);
	CHECK_INT(pl.walk_away, 88000000);
	CHECK_INT(pl.price[OFFER_OPTIMAL], 88000000);
	CHECK_INT(pl.bound_by, BOUND_WALK_AWAY);
	CHECK(pl.flags & (1u << FLAG_PLAN_ADJUST));
	/* no get can pay for 160,000: 67% more volume is too much */
	CHECK_INT(pl.nsteps, 0);
	CHECK(pl.flags & (1u << FLAG_LADDER_SHORT));
	CHECK(pl.gets_unknown & (1u << GET_CONTRACT));

	/* a competitor at 79,000 against our cost 80,000: value only */
	d.competitor = 79000000;
	d.has_competitor_price = d.has_competitor = 1;
	d.has_budget = 0;
	CHECK(deal_plan(&d, &p, &pl) == NULL);
	CHECK(pl.flags & (1u << FLAG_VALUE_ONLY));
	CHECK_INT(pl.nsteps, 0);
	CHECK_INT(pl.price[OFFER_OPTIMAL], pl.walk_away);
	CHECK(pl.cheaper);
	CHECK_INT(pl.vrank[0], VAL_CHEAPER);	/* 1 + 4 + 2 + 2 */
}

/* Tiny gaps: the steps shrink and add up. */
static void
test_tiny(void)
{
	struct deal d;
	struct scope s[NOFFERS];
	struct deal_plan pl;
	struct deal_policy p = policy(NULL);

	/* cost 1.00, list 1.18, target 0.10 (1.10): gap 8 cents: 4, 2 + 2
	 * (2 is not smaller than 2: it joins the first): 6, 2 */
	deal_init(&d, 2, 118, 100);
	d.target_margin = dec("0.10");
	d.min_margin = dec("0.05");
	CHECK(scopes(&d, NULL, "core", NULL, s) == NULL);
	d.case_value = 100;
	d.has_case_value = 1;
	CHECK(deal_plan(&d, &p, &pl) == NULL);
	CHECK_INT(pl.price[OFFER_OPTIMAL], 110);
	CHECK_INT(pl.nsteps, 2);
	CHECK_INT(pl.step[0].give, 6);
	CHECK_INT(pl.step[1].give, 2);
	CHECK_INT(pl.end, 110);
	/* half away from zero: 0.05 x 1.10 = 0.055 -> 0.06 */
	{
		int64_t v;
		struct decimal m = dec("0.10");
		CHECK(deal_markup(5, &m, &v) == 0);
		CHECK_INT(v, 6);
		CHECK(deal_markup(MONEY_MAX, &m, &v) != 0);
	}
}

static void
test_rival(void)
{
	struct rival_attr a[] = { { "q", 0, 10000, 20000 } };
	struct rival_attr b[] = { { "q", 30000, 30000, 50000 },
		{ "s", 20000, 50000, 30000 } };
	struct rival r;

	CHECK(rival_score(a, 1, &r) != 0);	/* no weight */
	/* (3 x 3 + 2 x 5) / 5 = 3.80; (3 x 5 + 2 x 3) / 5 = 4.20 */
	CHECK(rival_score(b, 2, &r) == 0);
	CHECK_INT(r.score_ours, 380);
	CHECK_INT(r.score_theirs, 420);
	CHECK_INT(r.lead, 1);
	CHECK_INT(r.lag, 1);
	CHECK(!r.unique);
}

int
main(void)
{
	test_scopes();
	test_words();
	test_acme();
	test_beijing();
	test_globex();
	test_northwind();
	test_flags();
	test_tiny();
	test_rival();
	return unit_done("test-deal");
}
