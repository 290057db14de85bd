/* deal.c - the numbers of a negotiation plan (SPEC 6): pure functions and
 * the rule tables they read, in the course's words (seed/course-outline,
 * 第一部分 商务谈判). Money is exact: minor units, margins as exact
 * decimals, products on 128 bits, rounding half away from zero. */
#include <stdio.h>
#include <string.h>

#include "date.h"
#include "deal.h"
#include "norm.h"

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

/* ---- the vocabularies ---- */

const struct deal_label deal_reasons[NREASONS] = {
	{ "risk", "客户顾虑风险", "the customer's worry about risk" },
	{ "competitor", "竞品低价竞争", "a competitor's low price" },
	{ "budget", "超出客户预算", "a price over the customer's budget" },
	{ "kpi", "客户绩效要求", "the customer's performance targets" },
	{ "personal", "个人利益诉求", "the buyer's personal interests" },
	{ "casual", "客户随口一说", "a casual remark by the customer" },
};

const struct deal_label deal_strategies[NREASONS] = {
	{ "case-evidence", "案例佐证", "proof by cases" },
	{ "risk-forecast", "风险预测", "risk forecast" },
	{ "plan-adjust", "方案调整", "plan adjustment" },
	{ "added-value", "附加价值", "added value" },
	{ "lawful-satisfaction", "合理满足", "reasonable satisfaction, within "
	  "the law" },
	{ "precise-judgement", "精准判断", "precise judgement" },
};

const struct deal_label deal_roles[NROLES] = {
	{ "eagle", "鹰", "eagle" },
	{ "sheep", "羊", "sheep" },
	{ "fox", "狐", "fox" },
	{ "donkey", "驴", "donkey" },
};
const struct deal_label deal_role_names[NROLES] = {
	{ "leader", "领导者", "the leader" },
	{ "tech-expert", "技术专家", "the technical expert" },
	{ "procurement", "采购总", "the procurement head" },
	{ "users", "使用部门", "the user department" },
};
const struct deal_label deal_team[NTEAM] = {
	{ "account-manager", "客户经理", "account manager" },
	{ "executive", "高管", "executive" },
	{ "tech-expert", "技术专家", "technical expert" },
	{ "commercial-manager", "商务经理", "commercial manager" },
	{ "delivery-manager", "交付经理", "delivery manager" },
};
/* who of ours meets each counterpart (组建团队) */
const int deal_role_team[NROLES] = {
	TEAM_EXECUTIVE, TEAM_TECH, TEAM_COMMERCIAL, TEAM_DELIVERY
};

const struct deal_label deal_gets[NGETS] = {
	{ "prepayment", "预付款", "prepayment" },
	{ "shorter-terms", "缩短账期", "shorter payment terms" },
	{ "volume", "增加采购量", "a larger volume" },
	{ "longer-contract", "延长合同期", "a longer contract" },
	{ "reference-case", "成功案例授权", "the right to cite them as a "
	  "reference case" },
};

const struct deal_label deal_values[NVALUES] = {
	{ "lifecycle", "引导客户长效周期考量",
	  "lead the customer to weigh the whole life cycle" },
	{ "pain-value", "针对痛点呈现综合价值",
	  "show the overall value against their pain points" },
	{ "tech-bar", "引导客户提高技术门槛",
	  "lead the customer to raise the technical bar" },
	{ "price-weight", "引导客户降低条款评分",
	  "lead the customer to lower the weight of price in the scoring" },
	{ "addon", "提供高附加值配套服务", "offer high-value supporting services" },
	{ "partnership", "提供长期合作价值分析",
	  "offer an analysis of the value of a long partnership" },
	{ "cheaper-solution", "提供更低成本解决方案",
	  "offer a lower-cost solution" },
	{ "bundle", "提供产品组合模式方案", "offer a product bundle" },
};

const struct deal_label deal_rungs[NRUNGS] = {
	{ "unique", "人无我有", "they lack it, we have it" },
	{ "better", "人有我优", "they have it, ours is better" },
	{ "cheaper", "人优我廉", "theirs is better, ours costs less" },
	{ "complete", "人廉我全", "theirs costs less, ours is complete" },
	{ "good", "人全我好", "theirs is complete, ours is good" },
	{ "solid", "人好我硬", "theirs is good, ours is solid" },
};

const struct deal_label deal_bounds[NBOUNDS] = {
	{ "target", "目标利润", "our target margin" },
	{ "list", "标价", "the list price" },
	{ "budget", "客户预算", "the customer's budget" },
	{ "competitor", "竞品报价", "the competitor's price" },
	{ "walk-away", "底线", "our walk-away" },
};

/* (the zh is the word a table shows; the plan says more, dealdoc.c) */
const struct deal_label deal_flags[NFLAGS] = {
	{ "plan-adjust", "方案调整", "the budget is below the walk-away: plan "
	  "adjustment (方案调整): less scope, not less margin" },
	{ "value-only", "只谈价值", "the competitor is below our cost: sell on "
	  "value only, no price ladder" },
	{ "list-below-walk-away", "标价低于底线",
	  "the list price is below the walk-away: add scope or re-price" },
	{ "competitor-below-walk-away", "竞品低于底线",
	  "the competitor's price is below our walk-away" },
	{ "ladder-short", "阶梯提前停止",
	  "the ladder stops early: no get is worth the next step" },
	{ "close-above-optimal", "收于最优型之上",
	  "the ladder closes above the optimal price: the gap must be won on "
	  "value" },
};

const struct deal_label deal_timings[NTIMINGS] = {
	{ "unknown", "未知", "not known" },
	{ "not-yet", "时机未到", "not yet" },
	{ "ready", "时机成熟", "ready" },
	{ "late", "决策日已过", "the decision date has passed" },
};

const struct deal_label deal_ratings[NRATINGS] = {
	{ "reputation", "口碑—好信誉", "reputation: a good name" },
	{ "service", "服务—好感受", "service: a good experience" },
	{ "profit", "利润—好政策", "profit: a good policy" },
	{ "product", "产品—性价比", "product: value for money" },
	{ "company", "公司—硬实力", "company: hard strength" },
	{ "people", "人员—够专业", "people: competent" },
};

const char *const deal_missing[NMISSING] = {
	"reason", "competitor_price", "ratings", "budget", "conditions",
	"objections", "roles"
};
const struct deal_element deal_elements[NELEMENTS] = {
	{ "分析三方", "analyse the three parties",
	  1u << MISS_REASON | 1u << MISS_COMPETITOR | 1u << MISS_RATINGS },
	{ "确定目标", "set the goal", 1u << MISS_BUDGET },
	{ "准备方案", "prepare the offers", 0 },
	{ "组合方案", "combine the offers",
	  1u << MISS_CONDITIONS | 1u << MISS_OBJECTIONS },
	{ "组建团队", "build the team", 1u << MISS_ROLES },
};

const struct deal_label deal_offers[NOFFERS] = {
	{ "basic", "基础型", "basic" },
	{ "optimal", "最优型", "optimal" },
	{ "reference", "参照型", "reference" },
};

/* The default scopes come from the value strategies: basic is the lower-
 * cost solution (the core alone), optimal adds the supporting services
 * (配套服务: installation, training), reference the lifecycle service
 * (长效周期: maintenance and a named engineer for the contract's life).
 * Their cost, when the deal does not say, is a share of cost. */
const struct deal_item_def deal_items[NITEMS] = {
	{ { "core", "核心方案", "core solution" }, 0 },
	{ { "addon", "配套服务", "supporting services" }, 10 },
	{ { "lifecycle", "全周期服务", "lifecycle service" }, 10 },
};

/* ---- rule tables ---- */

/* The ladder: shares of the gap, shrinking (SPEC 6). */
const int deal_ladder_pct[LADDER_STEPS] = { 50, 30, 20 };

/* The gets tried for each step, by the reason behind the demand: first
 * what costs this customer least and is worth most to us. */
static const int get_order[NREASONS + 1][NGETS] = {
	/* risk: no cash up front from a worried customer; the case once
	 * the project is accepted */
	{ GET_CASE, GET_VOLUME, GET_CONTRACT, GET_TERMS, GET_PREPAY },
	/* competitor: a commitment that keeps the competitor out */
	{ GET_CONTRACT, GET_VOLUME, GET_CASE, GET_TERMS, GET_PREPAY },
	/* budget: nothing that costs them cash now */
	{ GET_CONTRACT, GET_CASE, GET_VOLUME, GET_TERMS, GET_PREPAY },
	/* kpi: a bigger programme they can report */
	{ GET_VOLUME, GET_CONTRACT, GET_PREPAY, GET_TERMS, GET_CASE },
	/* personal: recognition, lawful: their project as our reference */
	{ GET_CASE, GET_TERMS, GET_PREPAY, GET_VOLUME, GET_CONTRACT },
	/* casual: what they give without a fight */
	{ GET_PREPAY, GET_TERMS, GET_VOLUME, GET_CONTRACT, GET_CASE },
	/* no reason given */
	{ GET_VOLUME, GET_CONTRACT, GET_PREPAY, GET_TERMS, GET_CASE },
};

const struct deal_label deal_dconds[NDCONDS] = {
	{ "always", "", "" },
	{ "life-win", "我方全周期成本更低", "our lifetime cost is lower" },
	{ "life-lose", "对方全周期成本更低", "their lifetime cost is lower" },
	{ "long", "合同期 3 年及以上", "a contract of 3 years or more" },
	{ "objections", "客户有歧义", "they raised objections" },
	{ "eagle", "领导者（鹰）拍板", "a leader (鹰) decides" },
	{ "sheep", "技术专家（羊）评估", "a technical expert (羊) evaluates" },
	{ "fox", "采购总（狐）评分", "procurement (狐) scores the offers" },
	{ "donkey", "使用部门（驴）感受痛点",
	  "the user department (驴) feels the pain" },
	{ "below-walk-away", "对方价格低于我方底线",
	  "their price is below our walk-away" },
	{ "small-gap", "对方价格与我方相差不到10%",
	  "their price is within 10% of ours" },
	{ "big-gap", "对方价格比我方低20%以上",
	  "their price is more than 20% below ours" },
	{ "rival-edge", "对比清单我方领先", "we lead the comparison" },
	{ "plan-adjust", "预算低于底线", "the budget is below our walk-away" },
	{ "risk", "客户顾虑风险", "they fear the risk" },
	{ "budget", "超出客户预算", "over their budget" },
	{ "kpi", "客户绩效要求", "their performance targets" },
	{ "value-only", "竞品低于我方成本", "the competitor is below our cost" },
};

/* The ranking: a strategy's score is the sum of the points of the rules
 * its deal meets; ties keep the order of the course. */
const struct deal_vrule deal_vrules[] = {
	{ VAL_LIFECYCLE, DC_ALWAYS, 3 }, { VAL_PAIN, DC_ALWAYS, 3 },
	{ VAL_ADDON, DC_ALWAYS, 2 }, { VAL_PARTNER, DC_ALWAYS, 2 },
	{ VAL_TECH, DC_ALWAYS, 1 }, { VAL_WEIGHT, DC_ALWAYS, 1 },
	{ VAL_CHEAPER, DC_ALWAYS, 1 }, { VAL_BUNDLE, DC_ALWAYS, 1 },
	{ VAL_LIFECYCLE, DC_LIFE_WIN, 5 }, { VAL_LIFECYCLE, DC_LIFE_LOSE, -4 },
	{ VAL_LIFECYCLE, DC_LONG, 2 }, { VAL_PARTNER, DC_LONG, 2 },
	{ VAL_PARTNER, DC_EAGLE, 3 },
	{ VAL_TECH, DC_SHEEP, 3 }, { VAL_TECH, DC_RIVAL_EDGE, 2 },
	{ VAL_TECH, DC_RISK, 1 },
	{ VAL_WEIGHT, DC_FOX, 3 }, { VAL_WEIGHT, DC_BIG_GAP, 2 },
	{ VAL_PAIN, DC_OBJECTIONS, 2 }, { VAL_PAIN, DC_DONKEY, 2 },
	{ VAL_PAIN, DC_RISK, 1 }, { VAL_PAIN, DC_VALUE_ONLY, 2 },
	{ VAL_ADDON, DC_SMALL_GAP, 2 }, { VAL_ADDON, DC_KPI, 2 },
	{ VAL_ADDON, DC_DONKEY, 1 },
	{ VAL_CHEAPER, DC_BELOW_WALK, 4 }, { VAL_CHEAPER, DC_PLAN_ADJUST, 2 },
	{ VAL_CHEAPER, DC_BUDGET, 2 }, { VAL_CHEAPER, DC_VALUE_ONLY, 2 },
	{ VAL_BUNDLE, DC_BUDGET, 1 }, { VAL_BUNDLE, DC_BIG_GAP, 1 },
};
const size_t deal_nvrules = NELEM(deal_vrules);

/* The timing check (谈判时机确认二条件): [conditions][objections], each
 * not known, no, yes. */
static const int timing[3][3] = {
	{ TIMING_UNKNOWN, TIMING_UNKNOWN, TIMING_READY },
	{ TIMING_UNKNOWN, TIMING_NOT_YET, TIMING_READY },
	{ TIMING_READY, TIMING_READY, TIMING_READY },
};

/* ---- words ---- */

static int
lookup(const struct deal_label *t, int n, const char *s, size_t len, int zh)
{
	char k[128];

	norm_trim(&s, &len);
	norm_header(s, len, k, sizeof(k));
	for (int i = 0; i < n; i++)
		if (strcmp(k, t[i].code) == 0 ||
		    (zh && strcmp(k, t[i].zh) == 0))
			return i;
	return -1;
}

int
deal_reason_parse(const char *s, size_t n)
{
	norm_trim(&s, &n);
	if (n == 0)
		return REASON_NONE;
	return lookup(deal_reasons, NREASONS, s, n, 1);
}

int
deal_role_parse(const char *s, size_t n)
{
	return lookup(deal_roles, NROLES, s, n, 1);
}

int
deal_roles_parse(const char *s, size_t n, unsigned *out)
{
	size_t i = 0;

	*out = 0;
	while (i < n) {
		size_t j = i;
		const char *w;
		size_t wn;
		int k;
		while (j < n && s[j] != ';')
			j++;
		w = s + i;
		wn = j - i;
		i = j + 1;
		norm_trim(&w, &wn);
		if (wn == 0)
			continue;
		if ((k = deal_role_parse(w, wn)) < 0)
			return -1;
		*out |= 1u << k;
	}
	return 0;
}

/* ---- scopes ---- */

static int64_t
pow10i(int n)
{
	int64_t p = 1;

	while (n-- > 0)
		p *= 10;
	return p;
}

int
deal_markup(int64_t cost, const struct decimal *m, int64_t *out)
{
	int64_t s = pow10i(m->scale);

	return muldiv_round(cost, (i128)s + m->num, s, out) != 0 ||
	    *out > MONEY_MAX ? -1 : 0;
}

static int
default_item(const char *p, size_t n)
{
	for (int i = 0; i < NITEMS; i++)
		if ((strlen(deal_items[i].l.code) == n &&
		    memcmp(deal_items[i].l.code, p, n) == 0) ||
		    (strlen(deal_items[i].l.zh) == n &&
		    memcmp(deal_items[i].l.zh, p, n) == 0))
			return i;
	return -1;
}

/* An item's cost: an amount, or a percentage (at most 100, 4 decimals)
 * of COST. */
static const char *
item_cost(const char *p, size_t n, int dec, int64_t cost, int64_t *out)
{
	char buf[32];
	struct decimal d;

	norm_trim(&p, &n);
	if (n > 0 && p[n - 1] == '%') {
		n--;
		if (n == 0 || n >= sizeof(buf))
			return "a share of cost is a percentage such as 10%";
		memcpy(buf, p, n);
		buf[n] = '\0';
		if (decimal_parse(buf, &d) != 0 || d.scale > 4 ||
		    d.num > 100 * pow10i(d.scale))
			return "a share of cost is a percentage from 0 to 100 "
			    "with at most 4 decimals";
		if (muldiv_round(cost, d.num, 100 * pow10i(d.scale), out) != 0)
			return "the share of cost is too large";
		return NULL;
	}
	switch (money_parse(p, n, dec, out)) {
	case MONEY_OK:
		return *out < 0 ? "an item's cost is zero or more" : NULL;
	case MONEY_DECIMALS:
		return "an item's cost has more decimals than its currency";
	case MONEY_RANGE:
		return "an item's cost is too large";
	default:
		return "an item is name, name=AMOUNT or name=PCT% (its cost)";
	}
}

const char *
scope_parse(const char *s, size_t n, int dec, int64_t cost, struct scope *out)
{
	size_t i = 0;

	out->n = 0;
	while (i < n) {
		size_t j = i, nn, eq;
		const char *w;
		struct scope_item *it;
		const char *why;
		while (j < n && s[j] != ';')
			j++;
		w = s + i;
		nn = j - i;
		i = j + 1;
		norm_trim(&w, &nn);
		if (nn == 0)
			continue;
		if (out->n == SCOPE_MAX)
			return "more than 24 items";
		it = &out->it[out->n++];
		it->plus = w[0] == '+';
		if (it->plus) {
			w++;
			nn--;
		}
		for (eq = 0; eq < nn && w[eq] != '='; eq++)
			;
		it->p = w;
		it->n = eq;
		norm_trim(&it->p, &it->n);
		it->cost = -1;
		it->added = 0;
		if (it->n == 0)
			return "an item without a name";
		if (it->n > SCOPE_NAME_MAX)
			return "an item's name is longer than 120 bytes";
		why = eq < nn ? item_cost(w + eq + 1, nn - eq - 1, dec, cost,
		    &it->cost) : NULL;
		if (why != NULL)
			return why;
		it->item = default_item(it->p, it->n);
	}
	return NULL;
}

static int
same(const struct scope_item *a, const struct scope_item *b)
{
	return a->n == b->n && memcmp(a->p, b->p, a->n) == 0;
}

static int
find(const struct scope *s, const struct scope_item *x)
{
	for (int i = 0; i < s->n; i++)
		if (same(&s->it[i], x))
			return i;
	return -1;
}

static void
add_default(struct scope *s, int item, int plus, int64_t cost)
{
	struct scope_item *it = &s->it[s->n++];

	it->p = deal_items[item].l.code;
	it->n = strlen(it->p);
	it->plus = plus;
	it->added = 0;
	it->item = item;
	it->cost = -1;
	if (deal_items[item].pct > 0)
		muldiv_round(cost, deal_items[item].pct, 100, &it->cost);
}

/* Blank scopes get their defaults: optimal the core and the supporting
 * services, basic the first item of the list scope, reference optimal and
 * the lifecycle service. */
static void
scope_defaults(struct scope s[NOFFERS], int64_t cost)
{
	struct scope *b = &s[OFFER_BASIC], *o = &s[OFFER_OPTIMAL],
	    *r = &s[OFFER_REFERENCE];

	if (o->n == 0) {
		add_default(o, ITEM_CORE, 0, cost);
		add_default(o, ITEM_ADDON, 0, cost);
	}
	if (b->n == 0)
		for (int i = 0; i < o->n; i++)
			if (!o->it[i].plus) {
				b->it[b->n++] = o->it[i];
				break;
			}
	if (r->n == 0) {
		struct scope_item lc = { NULL, 0, -1, 0, 0, ITEM_LIFECYCLE };
		*r = *o;
		lc.p = deal_items[ITEM_LIFECYCLE].l.code;
		lc.n = strlen(lc.p);
		if (find(r, &lc) < 0 && r->n < SCOPE_MAX)
			add_default(r, ITEM_LIFECYCLE, 1, cost);
	}
}

/* Cost every item can have: the one written with its name in any scope,
 * else a default item's share of cost. */
static const char *
unify_costs(struct scope s[NOFFERS], int64_t cost, int *field,
    const struct scope_item **item)
{
	for (int k = 0; k < NOFFERS; k++)
		for (int i = 0; i < s[k].n; i++) {
			struct scope_item *x = &s[k].it[i];
			*field = k;
			*item = x;
			if (find(&s[k], x) != i)
				return "is in the scope twice";
			for (int m = 0; m < NOFFERS; m++)
				for (int j = 0; j < s[m].n; j++) {
					const struct scope_item *y;
					y = &s[m].it[j];
					if (!same(x, y) || y->cost < 0)
						continue;
					if (x->cost >= 0 && x->cost != y->cost)
						return "has two costs";
					x->cost = y->cost;
				}
		}
	for (int k = 0; k < NOFFERS; k++)
		for (int i = 0; i < s[k].n; i++) {
			struct scope_item *x = &s[k].it[i];
			int pct = x->item >= 0 ? deal_items[x->item].pct : 0;
			if (x->cost < 0 && pct > 0)
				muldiv_round(cost, pct, 100, &x->cost);
		}
	*item = NULL;
	return NULL;
}

/* One offer's cost: the list scope's, less what it leaves out, plus what
 * it adds. */
static const char *
offer_cost(const struct scope *o, const struct scope *s, int64_t cost,
    struct offer_cost *c, const struct scope_item **item)
{
	i128 removed = 0, added = 0, total;

	c->adds = 0;
	for (int i = 0; i < o->n; i++) {
		const struct scope_item *x = &o->it[i];
		if (x->added || find(s, x) >= 0)
			continue;
		*item = x;
		if (x->cost < 0)
			return "needs its cost (name=AMOUNT or name=PCT%) "
			    "to be left out";
		removed += x->cost;
	}
	for (int i = 0; i < s->n; i++) {
		const struct scope_item *x = &s->it[i];
		if (!x->added)
			continue;
		*item = x;
		if (x->cost < 0)
			return "adds to the list scope and needs its cost "
			    "(name=AMOUNT or name=PCT%)";
		added += x->cost;
		c->adds = 1;
	}
	*item = NULL;
	if (removed >= cost)
		return "the items it leaves out cost as much as cost or more";
	total = (i128)cost - removed + added;
	if (added > MONEY_MAX || total > MONEY_MAX)
		return "the cost of its items is too large";
	c->cost = (int64_t)total;
	c->removed = (int64_t)removed;
	c->added = (int64_t)added;
	return NULL;
}

const char *
scopes_resolve(struct scope s[NOFFERS], int64_t cost,
    struct offer_cost c[NOFFERS], int *field, const struct scope_item **item)
{
	const struct scope *o = &s[OFFER_OPTIMAL];
	const char *why;
	i128 listed = 0;

	*field = OFFER_OPTIMAL;
	*item = NULL;
	scope_defaults(s, cost);
	if (s[OFFER_BASIC].n == 0)
		return "every item is marked '+': the list price covers none";
	if ((why = unify_costs(s, cost, field, item)) != NULL)
		return why;
	/* the list scope is optimal's items without '+'; the others add */
	for (int k = 0; k < NOFFERS; k++)
		for (int i = 0; i < s[k].n; i++) {
			struct scope_item *x = &s[k].it[i];
			int j = find(o, x);
			x->added = j < 0 || o->it[j].plus;
		}
	/* basic within optimal within reference */
	*field = OFFER_BASIC;
	for (int i = 0; i < s[OFFER_BASIC].n; i++)
		if (find(o, &s[OFFER_BASIC].it[i]) < 0) {
			*item = &s[OFFER_BASIC].it[i];
			return "is not in scope_optimal: basic is a part of "
			    "optimal";
		}
	*field = OFFER_REFERENCE;
	for (int i = 0; i < o->n; i++)
		if (find(&s[OFFER_REFERENCE], &o->it[i]) < 0) {
			*item = &o->it[i];
			return "of scope_optimal is missing: reference holds "
			    "all of optimal";
		}
	*field = OFFER_OPTIMAL;
	for (int i = 0; i < o->n; i++)
		if (!o->it[i].added && o->it[i].cost >= 0)
			listed += o->it[i].cost;
	if (listed > cost)
		return "the items of the list scope cost more than cost";
	for (int k = 0; k < NOFFERS; k++) {
		*field = k;
		if ((why = offer_cost(o, &s[k], cost, &c[k], item)) != NULL)
			return why;
	}
	*field = -1;
	return NULL;
}

size_t
scope_format(const struct scope *s, int dec, char *buf, size_t cap)
{
	size_t n = 0;

	if (cap == 0)
		return 0;
	buf[0] = '\0';
	for (int i = 0; i < s->n; i++) {
		const struct scope_item *x = &s->it[i];
		char m[MONEY_BUFSZ] = "";
		int k;
		if (x->cost >= 0)
			money_format(m, x->cost, dec, 0);
		k = snprintf(buf + n, cap - n, "%s%s%.*s%s%s", i ? ";" : "",
		    x->added ? "+" : "", (int)x->n, x->p,
		    x->cost >= 0 ? "=" : "", m);
		if (k < 0 || (size_t)k >= cap - n)
			return n;
		n += (size_t)k;
	}
	return n;
}

/* ---- the comparison ---- */

int
rival_score(const struct rival_attr *a, int n, struct rival *r)
{
	memset(r, 0, sizeof(*r));
	r->n = n;
	for (int i = 0; i < n; i++) {
		r->sum_w += a[i].weight;
		r->sum_ours += (i128)a[i].weight * a[i].ours;
		r->sum_theirs += (i128)a[i].weight * a[i].theirs;
		if (a[i].weight == 0)
			continue;
		r->lead += a[i].ours > a[i].theirs;
		r->lag += a[i].ours < a[i].theirs;
		r->unique |= a[i].theirs == 0 && a[i].ours > 0;
	}
	if (r->sum_w == 0)
		return -1;
	div128_round(r->sum_ours, r->sum_w * (RIVAL_SCALE / 100),
	    &r->score_ours);
	div128_round(r->sum_theirs, r->sum_w * (RIVAL_SCALE / 100),
	    &r->score_theirs);
	return 0;
}

/* ---- the plan ---- */

static int64_t
min64(int64_t a, int64_t b)
{
	return a < b ? a : b;
}

static int64_t
max64(int64_t a, int64_t b)
{
	return a > b ? a : b;
}

/* ceil(a / b), a >= 0, b > 0 */
static i128
ceil128(i128 a, i128 b)
{
	return (a + b - 1) / b;
}

/* Each offer: its floor, target, book price and cap. "No price above the
 * list price unless its scope adds to the list scope": a scope that adds
 * nothing is capped at the list price; one that adds is capped at its
 * book price (the list, less what it leaves out at the list's markup,
 * plus what it adds at target margin), or at cost-plus target when the
 * list is too thin to carry it. */
static int
offers(const struct deal *d, struct deal_plan *pl)
{
	for (int k = 0; k < NOFFERS; k++) {
		const struct offer_cost *c = &d->offer[k];
		int64_t share, add;
		if (deal_markup(c->cost, &d->min_margin, &pl->floor[k]) != 0 ||
		    deal_markup(c->cost, &d->target_margin,
		    &pl->target[k]) != 0 ||
		    muldiv_round(c->removed, d->list, d->cost, &share) != 0 ||
		    deal_markup(c->added, &d->target_margin, &add) != 0)
			return -1;
		pl->book[k] = d->list - share + add;
		if (pl->book[k] > MONEY_MAX)
			return -1;
		pl->cap[k] = c->adds ? max64(pl->book[k], pl->target[k]) :
		    d->list;
	}
	return 0;
}

/* The competitor's price plus the premium our value supports: the larger
 * of what the customer saves with us over the contract's life and what
 * the weighted comparison is worth at their price (value parity:
 * competitor x ours / theirs). */
static int
ceiling(const struct deal *d, struct deal_plan *pl)
{
	int any = 0;
	i128 c;

	if (!d->has_competitor_price)
		return 0;
	if (d->years > 0 && d->has_opex && d->has_competitor_opex) {
		i128 v = ((i128)d->competitor_opex - d->opex) * d->years;
		if (v > MONEY_MAX || v < -MONEY_MAX)
			return -1;
		pl->life_premium = (int64_t)v;
		pl->has_life_premium = any = 1;
		pl->premium = pl->life_premium;
	}
	if (d->rival != NULL) {
		if (d->rival->score_theirs <= 0) {
			pl->rival_unbounded = 1;
			return 0;
		}
		if (muldiv_round(d->competitor, (i128)d->rival->score_ours -
		    d->rival->score_theirs, d->rival->score_theirs,
		    &pl->rival_premium) != 0)
			return -1;
		pl->has_rival_premium = 1;
		if (!any || pl->rival_premium > pl->premium)
			pl->premium = pl->rival_premium;
	}
	c = (i128)d->competitor + pl->premium;
	pl->ceiling = c < 0 ? 0 : c > MONEY_MAX ? MONEY_MAX : (int64_t)c;
	pl->has_ceiling = 1;
	return 0;
}

/* What the deal makes winnable: the budget and the competitor's ceiling,
 * the lower; with neither known, cost-plus target. */
static void
aim(const struct deal *d, struct deal_plan *pl)
{
	pl->aim = pl->target[OFFER_OPTIMAL];
	pl->aim_from = BOUND_TARGET;
	if (d->has_budget) {
		pl->aim = d->budget;
		pl->aim_from = BOUND_BUDGET;
	}
	if (pl->has_ceiling && (!d->has_budget || pl->ceiling < d->budget)) {
		pl->aim = pl->ceiling;
		pl->aim_from = BOUND_COMPETITOR;
	}
}

/* The three prices, the walk-away and what held optimal. */
static void
prices(const struct deal *d, struct deal_plan *pl)
{
	enum { B = OFFER_BASIC, O = OFFER_OPTIMAL, R = OFFER_REFERENCE };
	int64_t b, o;

	/* basic: its book price at most cost-plus target, held to what is
	 * winnable, never below its own floor, never above its cap */
	b = min64(pl->book[B], pl->target[B]);
	if (pl->aim_from != BOUND_TARGET)
		b = min64(b, pl->aim);
	b = min64(max64(b, pl->floor[B]), pl->cap[B]);
	pl->price[B] = b;
	pl->walk_away = max64(pl->floor[O], b);
	o = min64(max64(pl->walk_away, pl->aim), pl->cap[O]);
	pl->price[O] = o;
	if (pl->walk_away > pl->cap[O]) {
		pl->bound_by = BOUND_LIST;
		pl->flags |= 1u << FLAG_LIST_LOW;
	} else if (pl->aim < pl->walk_away)
		pl->bound_by = BOUND_WALK_AWAY;
	else if (pl->aim <= pl->cap[O])
		pl->bound_by = pl->aim_from;
	else
		pl->bound_by = BOUND_LIST;
	pl->price[R] = max64(pl->cap[R], o);
	if (d->has_budget && d->budget < pl->walk_away)
		pl->flags |= 1u << FLAG_PLAN_ADJUST;
	if (d->has_competitor_price && d->competitor < d->offer[O].cost)
		pl->flags |= 1u << FLAG_VALUE_ONLY;
	else if (pl->has_ceiling && pl->ceiling < pl->walk_away)
		pl->flags |= 1u << FLAG_COMP_LOW;
}

/* Can GET pay for GIVE at PRICE? Sizes the ask so that its value is at
 * least the give: 1 and S filled, or 0. */
static int
size_get(const struct deal *d, const struct deal_policy *p, int get,
    int64_t give, int64_t price, struct deal_step *s)
{
	int64_t m = price - d->offer[OFFER_OPTIMAL].cost;
	i128 k, sc = pow10i(p->cost_rate.scale);

	s->get = get;
	switch (get) {
	case GET_VOLUME:	/* pct more of the same, at its margin */
		if (m <= 0)
			return 0;
		k = ceil128((i128)give * 100, m);
		if (k > DEAL_VOLUME_MAX)
			return 0;
		s->ask = (int)(k < 1 ? 1 : k);
		return muldiv_round(m, s->ask, 100, &s->value) == 0;
	case GET_CONTRACT:	/* k more years, each at the margin of a year */
		if (m <= 0 || d->years <= 0 || d->years >= DEAL_YEARS_MAX)
			return 0;
		k = ceil128((i128)give * d->years, m);
		if (d->years + k > DEAL_YEARS_MAX)
			return 0;
		s->ask = (int)(k < 1 ? 1 : k);
		return muldiv_round(m, s->ask, d->years, &s->value) == 0;
	case GET_PREPAY:	/* pct of the price at signing, not on terms */
		if (!p->has_cost_rate || d->terms_days <= 0 || price <= 0 ||
		    p->cost_rate.num == 0)
			return 0;
		k = ceil128((i128)give * 10000 * sc * 365,
		    (i128)price * p->cost_rate.num * d->terms_days);
		if (k > 100)
			return 0;
		s->ask = (int)(k < 1 ? 1 : k);
		return div128_round((i128)price * s->ask * p->cost_rate.num *
		    d->terms_days, (i128)10000 * sc * 365, &s->value) == 0;
	case GET_TERMS:		/* the whole price days sooner */
		if (!p->has_cost_rate || d->terms_days <= 0 || price <= 0 ||
		    p->cost_rate.num == 0)
			return 0;
		k = ceil128((i128)give * 100 * sc * 365,
		    (i128)price * p->cost_rate.num);
		if (k > d->terms_days)
			return 0;
		s->ask = (int)(k < 1 ? 1 : k);
		return div128_round((i128)price * p->cost_rate.num * s->ask,
		    (i128)100 * sc * 365, &s->value) == 0;
	case GET_CASE:		/* the right to cite them, at case_value */
		if (!d->has_case_value || d->is_reference ||
		    d->case_value < give)
			return 0;
		s->ask = 0;
		s->value = d->case_value;
		return 1;
	}
	return 0;
}

/* The gets the deal already has, and those it lacks the inputs to value. */
static void
gets_known(const struct deal *d, const struct deal_policy *p,
    struct deal_plan *pl)
{
	if (d->years >= DEAL_YEARS_MAX)
		pl->gets_had |= 1u << GET_CONTRACT;
	else if (d->years <= 0)
		pl->gets_unknown |= 1u << GET_CONTRACT;
	if (d->terms_days == 0)
		pl->gets_had |= 1u << GET_PREPAY | 1u << GET_TERMS;
	else if (d->terms_days < 0 || !p->has_cost_rate)
		pl->gets_unknown |= 1u << GET_PREPAY | 1u << GET_TERMS;
	if (d->is_reference)
		pl->gets_had |= 1u << GET_CASE;
	else if (!d->has_case_value)
		pl->gets_unknown |= 1u << GET_CASE;
}

/* The concession ladder: from the opening price (the optimal scope at its
 * cap) down to the close: the optimal price, or the budget when it is
 * higher: never further than the customer needs. The gap in shrinking
 * shares, rounded half away from zero, the last taking the remainder; a
 * share not smaller than the one before (tiny gaps) joins the first. Each
 * step is traded for the first get, in the reason's order, not used yet
 * and worth at least the step; with none, the ladder stops there. */
static void
ladder(const struct deal *d, const struct deal_policy *p, struct deal_plan *pl)
{
	int64_t gap, left, price;
	int64_t s[LADDER_STEPS] = { 0 }, give[LADDER_STEPS] = { 0 };
	int n = 0;
	unsigned used = 0;

	pl->opening = pl->cap[OFFER_OPTIMAL];
	pl->close = pl->price[OFFER_OPTIMAL];
	if (d->has_budget && d->budget > pl->close)
		pl->close = min64(d->budget, pl->opening);
	pl->end = pl->opening;
	if (pl->flags & (1u << FLAG_VALUE_ONLY))
		return;
	/* the budget pays more than the competitor lets us win: both stand
	 * (SPEC 6), and the plan says the gap is to be won on value */
	if (pl->close > pl->price[OFFER_OPTIMAL])
		pl->flags |= 1u << FLAG_CLOSE_ABOVE;
	if (pl->close >= pl->opening)
		return;
	gap = left = pl->opening - pl->close;
	for (int i = 0; i < LADDER_STEPS; i++) {
		if (i + 1 == LADDER_STEPS)
			s[i] = left;
		else
			muldiv_round(gap, deal_ladder_pct[i], 100, &s[i]);
		left -= s[i];
	}
	for (int i = 0; i < LADDER_STEPS; i++) {
		if (s[i] <= 0)
			continue;
		if (n > 0 && s[i] >= give[n - 1])
			give[0] += s[i];
		else
			give[n++] = s[i];
	}
	price = pl->opening;
	for (int i = 0; i < n; i++) {
		struct deal_step *st = &pl->step[pl->nsteps];
		int k;
		for (k = 0; k < NGETS; k++) {
			int g = get_order[d->reason][k];
			if (!(used & (1u << g)) &&
			    size_get(d, p, g, give[i], price - give[i], st))
				break;
		}
		if (k == NGETS) {
			pl->flags |= 1u << FLAG_LADDER_SHORT;
			pl->short_give = give[i];
			break;
		}
		used |= 1u << st->get;
		price -= give[i];
		st->give = give[i];
		st->price = price;
		pl->nsteps++;
	}
	pl->end = price;
}

/* What the deal shows, for the value-strategy rules. */
static unsigned
dconds(const struct deal *d, const struct deal_plan *pl)
{
	unsigned k = 1u << DC_ALWAYS;
	i128 c = d->competitor, o = pl->price[OFFER_OPTIMAL];

	if (pl->has_life)
		k |= 1u << (pl->life_ours <= pl->life_theirs ? DC_LIFE_WIN :
		    DC_LIFE_LOSE);
	if (d->years >= 3)
		k |= 1u << DC_LONG;
	if (d->objections == 1)
		k |= 1u << DC_OBJECTIONS;
	for (int i = 0; i < NROLES; i++)
		if (d->roles & (1u << i))
			k |= 1u << (DC_EAGLE + i);
	if (d->has_competitor_price && d->competitor < pl->walk_away)
		k |= 1u << DC_BELOW_WALK;
	if (d->has_competitor_price && c < o && c * 10 >= o * 9)
		k |= 1u << DC_SMALL_GAP;
	if (d->has_competitor_price && c * 10 < o * 8)
		k |= 1u << DC_BIG_GAP;
	if (pl->rung == RUNG_UNIQUE || pl->rung == RUNG_BETTER)
		k |= 1u << DC_RIVAL_EDGE;
	if (pl->flags & (1u << FLAG_PLAN_ADJUST))
		k |= 1u << DC_PLAN_ADJUST;
	if (pl->flags & (1u << FLAG_VALUE_ONLY))
		k |= 1u << DC_VALUE_ONLY;
	if (d->reason == REASON_RISK)
		k |= 1u << DC_RISK;
	if (d->reason == REASON_BUDGET)
		k |= 1u << DC_BUDGET;
	if (d->reason == REASON_KPI)
		k |= 1u << DC_KPI;
	return k;
}

static void
rank_values(struct deal_plan *pl)
{
	for (size_t i = 0; i < deal_nvrules; i++)
		if (pl->conds & (1u << deal_vrules[i].cond))
			pl->vscore[deal_vrules[i].value] +=
			    deal_vrules[i].points;
	for (int i = 0; i < NVALUES; i++) {
		int j = i;
		while (j > 0 && pl->vscore[pl->vrank[j - 1]] < pl->vscore[i]) {
			pl->vrank[j] = pl->vrank[j - 1];
			j--;
		}
		pl->vrank[j] = i;
	}
}

/* The rung to sell on: the first of the ladder that holds. */
static int
rung_of(const struct deal *d, const struct deal_plan *pl)
{
	const struct rival *r = d->rival;
	const int holds[NRUNGS] = {
		r->unique,
		r->sum_ours > r->sum_theirs,
		d->has_competitor_price &&
		    pl->price[OFFER_OPTIMAL] < d->competitor,
		r->lead > r->lag,
		r->lead > 0,
		1,
	};
	int i = 0;

	while (!holds[i])
		i++;
	return i;
}

/* Mean of the ratings FROM .. FROM + 2 given, x 10; -1 when none. */
static int64_t
mean_rating(const struct deal *d, int from)
{
	int sum = 0, n = 0;
	int64_t m;

	for (int i = from; i < from + 3; i++)
		if (d->rating[i])
			sum += d->rating[i], n++;
	if (n == 0)
		return -1;
	div128_round((i128)sum * 10, n, &m);
	return m;
}

static void
readiness(const struct deal *d, const struct deal_policy *p,
    struct deal_plan *pl)
{
	pl->timing = timing[d->conditions + 1][d->objections + 1];
	if (d->decision_date != DATE_NONE && p->as_of != DATE_NONE) {
		pl->has_days = 1;
		pl->days_to_decision = d->decision_date - p->as_of;
		if (pl->days_to_decision < 0)
			pl->timing = TIMING_LATE;
	}
	pl->confidence = mean_rating(d, 0);
	pl->trust = mean_rating(d, 3);
	pl->weakest = -1;
	for (int i = 0; i < NRATINGS; i++)
		if (d->rating[i] && (pl->weakest < 0 ||
		    d->rating[i] < d->rating[pl->weakest]))
			pl->weakest = i;
	if (d->reason == REASON_NONE)
		pl->missing |= 1u << MISS_REASON;
	if (!d->has_competitor_price && d->rival == NULL)
		pl->missing |= 1u << MISS_COMPETITOR;
	if (pl->weakest < 0)
		pl->missing |= 1u << MISS_RATINGS;
	if (!d->has_budget)
		pl->missing |= 1u << MISS_BUDGET;
	if (d->conditions < 0)
		pl->missing |= 1u << MISS_CONDITIONS;
	if (d->objections < 0)
		pl->missing |= 1u << MISS_OBJECTIONS;
	if (!d->roles)
		pl->missing |= 1u << MISS_ROLES;
}

const char *
deal_plan(const struct deal *d, const struct deal_policy *p,
    struct deal_plan *pl)
{
	memset(pl, 0, sizeof(*pl));
	pl->rung = -1;
	if (offers(d, pl) != 0)
		return "the prices are too large: cost x (1 + margin) does "
		    "not fit in an amount";
	if (ceiling(d, pl) != 0)
		return "the competitor's premium is too large for an amount";
	aim(d, pl);
	prices(d, pl);
	if (d->years > 0 && d->has_competitor_price && d->has_opex &&
	    d->has_competitor_opex) {
		i128 o = (i128)d->opex * d->years + pl->price[OFFER_OPTIMAL];
		i128 t = (i128)d->competitor_opex * d->years + d->competitor;
		if (o > MONEY_MAX || t > MONEY_MAX)
			return "the lifetime cost is too large for an amount";
		pl->life_ours = (int64_t)o;
		pl->life_theirs = (int64_t)t;
		pl->has_life = 1;
	}
	gets_known(d, p, pl);
	ladder(d, p, pl);
	/* a competitor below the price we would close at: the ladder's end,
	 * which is never below optimal */
	pl->cheaper = (d->has_competitor_price && d->competitor < pl->end) ||
	    d->reason == REASON_COMPETITOR ||
	    (pl->flags & (1u << FLAG_VALUE_ONLY));
	if (d->rival != NULL)
		pl->rung = rung_of(d, pl);
	pl->conds = dconds(d, pl);
	rank_values(pl);
	readiness(d, p, pl);
	return NULL;
}
