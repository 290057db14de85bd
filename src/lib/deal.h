/* deal.h - the numbers of a negotiation plan (SPEC 6), as pure functions
 * over one deal: the three offers of scope and price (三套服务价格体系), the
 * walk-away, the concession ladder where every give is traded for a get
 * worth at least as much (利益交换), the ranking of the eight value
 * strategies, the comparison with the competitor and its rung, the timing
 * check, readiness. No reader, no writer, no text beyond labels: deal-plan
 * reads the deal and writes the plan; dealdoc.c renders it for people. */
#ifndef DEAL_H
#define DEAL_H

#include <stddef.h>
#include <stdint.h>

#include "money.h"

/* A word of a vocabulary: the code (an API), the course's word, English. */
struct deal_label {
	const char *code, *zh, *en;
};

/* The six reasons behind a demand for a lower price (六个常见原因); the
 * strategy of each is deal_strategies[reason] (六种策略). */
enum { REASON_RISK, REASON_COMPETITOR, REASON_BUDGET, REASON_KPI,
	REASON_PERSONAL, REASON_CASUAL, NREASONS, REASON_NONE = NREASONS };
extern const struct deal_label deal_reasons[NREASONS];
extern const struct deal_label deal_strategies[NREASONS];

/* Counterpart styles (鹰羊狐驴) and who of ours meets each. */
enum { ROLE_EAGLE, ROLE_SHEEP, ROLE_FOX, ROLE_DONKEY, NROLES };
extern const struct deal_label deal_roles[NROLES];	/* zh: 鹰 .. 驴 */
extern const struct deal_label deal_role_names[NROLES];	/* 领导者 .. */
enum { TEAM_ACCOUNT, TEAM_EXECUTIVE, TEAM_TECH, TEAM_COMMERCIAL,
	TEAM_DELIVERY, NTEAM };
extern const struct deal_label deal_team[NTEAM];
extern const int deal_role_team[NROLES];

/* The gets a concession is traded for (利益交换). */
enum { GET_PREPAY, GET_TERMS, GET_VOLUME, GET_CONTRACT, GET_CASE, NGETS };
extern const struct deal_label deal_gets[NGETS];

/* The eight value strategies (八种价值策略). */
enum { VAL_LIFECYCLE, VAL_PAIN, VAL_TECH, VAL_WEIGHT, VAL_ADDON, VAL_PARTNER,
	VAL_CHEAPER, VAL_BUNDLE, NVALUES };
extern const struct deal_label deal_values[NVALUES];

/* The ladder against the competitor (人无我有 … 人好我硬). */
enum { RUNG_UNIQUE, RUNG_BETTER, RUNG_CHEAPER, RUNG_COMPLETE, RUNG_GOOD,
	RUNG_SOLID, NRUNGS };
extern const struct deal_label deal_rungs[NRUNGS];

/* What held the optimal price (bound_by). */
enum { BOUND_TARGET, BOUND_LIST, BOUND_BUDGET, BOUND_COMPETITOR,
	BOUND_WALK_AWAY, NBOUNDS };
extern const struct deal_label deal_bounds[NBOUNDS];

/* The flags of a plan. */
enum { FLAG_PLAN_ADJUST, FLAG_VALUE_ONLY, FLAG_LIST_LOW, FLAG_COMP_LOW,
	FLAG_LADDER_SHORT, FLAG_CLOSE_ABOVE, NFLAGS };
extern const struct deal_label deal_flags[NFLAGS];

/* The timing check (谈判时机确认二条件), and the decision date. */
enum { TIMING_UNKNOWN, TIMING_NOT_YET, TIMING_READY, TIMING_LATE, NTIMINGS };
extern const struct deal_label deal_timings[NTIMINGS];

/* Readiness (信心: reputation, service, profit; 信任: product, company,
 * people), rated 1 to 5. code = the field name. */
enum { NRATINGS = 6 };
extern const struct deal_label deal_ratings[NRATINGS];

/* The five planning elements (谈判策划五要素) and the inputs they need. */
enum { MISS_REASON, MISS_COMPETITOR, MISS_RATINGS, MISS_BUDGET,
	MISS_CONDITIONS, MISS_OBJECTIONS, MISS_ROLES, NMISSING };
extern const char *const deal_missing[NMISSING];	/* field names */
enum { NELEMENTS = 5 };
extern const struct deal_element {
	const char *zh, *en;
	unsigned needs;		/* 1u << MISS_x */
} deal_elements[NELEMENTS];

/* Default scope items (from the value strategies): the core solution,
 * the supporting services that basic leaves out, and the lifecycle
 * service that reference adds; PCT: their cost as a share of cost. */
enum { ITEM_CORE, ITEM_ADDON, ITEM_LIFECYCLE, NITEMS };
extern const struct deal_item_def {
	struct deal_label l;
	int pct;
} deal_items[NITEMS];

/* Words of the vocabularies: the code or the Chinese word, any case,
 * spaces trimmed. -1 when unknown; a blank reason is REASON_NONE. */
int deal_reason_parse(const char *s, size_t n);
int deal_role_parse(const char *s, size_t n);
/* "eagle;狐": a set of roles, 1u << ROLE_x; -1 when a word is unknown. */
int deal_roles_parse(const char *s, size_t n, unsigned *out);

/* ---- scopes ---- */

/* An item of a scope: "name", "name=AMOUNT" (our cost) or "name=PCT%"
 * (a share of the deal's cost); in scope_optimal, a leading '+' marks
 * an item the list price does not cover. */
#define SCOPE_MAX 24
#define SCOPE_NAME_MAX 120
struct scope_item {
	const char *p;		/* the name, in the caller's text */
	size_t n;
	int64_t cost;		/* minor units; -1 when not given */
	int plus;		/* written with '+' */
	int added;		/* not in the list scope (scopes_resolve) */
	int item;		/* ITEM_x of a default item, else -1 */
};
struct scope {
	struct scope_item it[SCOPE_MAX];
	int n;
};
/* Parse S (N bytes) into OUT: DEC decimals for amounts, percentages of
 * COST. Blank is an empty scope. NULL, or what is wrong. */
const char *scope_parse(const char *s, size_t n, int dec, int64_t cost,
    struct scope *out);

/* The three offers' scopes, resolved: defaults for the blank ones, the
 * list scope (scope_optimal's items without '+'), one cost per item
 * name, basic within optimal within reference. */
enum { OFFER_BASIC, OFFER_OPTIMAL, OFFER_REFERENCE, NOFFERS };
extern const struct deal_label deal_offers[NOFFERS];
struct offer_cost {
	int64_t cost;		/* our cost of the offer's scope */
	int64_t removed;	/* cost of the list scope items it lacks */
	int64_t added;		/* cost of the items it adds to it */
	int adds;		/* it has an item the list scope lacks */
};
/* NULL, or what is wrong, in which scope (*field = OFFER_x) and with
 * which item (*item, or NULL; the text then follows the item's name:
 * "has two costs"). */
const char *scopes_resolve(struct scope s[NOFFERS], int64_t cost,
    struct offer_cost c[NOFFERS], int *field, const struct scope_item **item);
/* The scope as a field value: "core;addon=1000.00;+lifecycle=1000.00"
 * (added items marked '+', costs with DEC decimals). */
size_t scope_format(const struct scope *s, int dec, char *buf, size_t cap);

/* ---- the comparison with the competitor (优劣式对比清单) ---- */

#define RIVAL_SCALE 10000	/* weights and scores with 4 decimals */
struct rival_attr {
	const char *name;
	int64_t weight, ours, theirs;	/* x RIVAL_SCALE */
};
struct rival {
	int n;			/* attributes */
	int lead, lag;		/* attributes (weight > 0) we lead, they lead */
	int unique;		/* an attribute they lack and we have */
	i128 sum_w, sum_ours, sum_theirs;
	int64_t score_ours, score_theirs;	/* weighted means x 100 */
};
/* Weighted scores of N attributes; -1 when no weight is above zero. */
int rival_score(const struct rival_attr *a, int n, struct rival *out);

/* ---- one deal ---- */

struct deal {
	int dec;			/* the currency's decimals */
	int64_t list, cost;		/* the list scope's price, our cost */
	int64_t competitor, budget, opex, competitor_opex, case_value;
	int has_competitor_price, has_budget, has_opex, has_competitor_opex,
	    has_case_value;
	int has_competitor;		/* a price, name, reason or rows */
	struct decimal min_margin, target_margin;
	int reason;			/* REASON_x */
	int years;			/* of the contract, 0: not known */
	int terms_days;			/* payment terms, -1: not known */
	int conditions, objections;	/* 1 yes, 0 no, -1 not known */
	unsigned roles;			/* 1u << ROLE_x */
	int rating[NRATINGS];		/* 1..5, 0: not rated */
	int32_t decision_date;		/* DATE_NONE: not known */
	int is_reference;		/* already a reference case of ours */
	struct offer_cost offer[NOFFERS];
	const struct rival *rival;	/* NULL: no comparison for this deal */
};

struct deal_policy {
	struct decimal cost_rate;	/* a year, in percent */
	int has_cost_rate;
	int32_t as_of;
};

/* Rule numbers of the plan (the tables in deal.c). */
#define LADDER_STEPS 3
extern const int deal_ladder_pct[LADDER_STEPS];	/* 50, 30, 20 */
#define DEAL_VOLUME_MAX 30	/* the largest volume ask, in percent */
#define DEAL_YEARS_MAX 5	/* the longest contract we ask for */

struct deal_step {
	int64_t give;		/* the concession */
	int64_t price;		/* the price after it */
	int get;		/* GET_x */
	int64_t value;		/* what the get is worth to us, >= give */
	int ask;		/* the get's size: % volume, years, % prepaid,
				 * days sooner; 0 for a reference case */
};

struct deal_plan {
	int64_t price[NOFFERS];		/* basic, optimal, reference */
	int64_t floor[NOFFERS];		/* cost x (1 + min_margin) */
	int64_t target[NOFFERS];	/* cost x (1 + target_margin) */
	int64_t book[NOFFERS];		/* list less what it leaves out, plus
					 * what it adds at target margin */
	int64_t cap[NOFFERS];		/* the most we may ask for the scope */
	int64_t walk_away;
	int64_t aim;			/* what the deal makes winnable */
	int aim_from;			/* BOUND_TARGET, _BUDGET, _COMPETITOR */
	int bound_by;			/* BOUND_x */
	unsigned flags;			/* 1u << FLAG_x */
	/* the competitor, and the premium our value supports over it */
	int has_ceiling;
	int64_t ceiling;		/* competitor + premium */
	int has_life_premium, has_rival_premium, rival_unbounded;
	int64_t life_premium, rival_premium, premium;
	int has_life;
	int64_t life_ours, life_theirs;	/* price + opex x years */
	/* the ladder: from opening, down to close at the lowest */
	int64_t opening, close, end;	/* end: where the ladder stops */
	struct deal_step step[LADDER_STEPS];
	int nsteps;
	int64_t short_give;		/* the step no get was worth */
	unsigned gets_had;		/* 1u << GET_x the deal already has */
	unsigned gets_unknown;		/* 1u << GET_x without the inputs to
					 * value them */
	/* value strategies */
	int cheaper;			/* a cheaper competitor is in play */
	unsigned conds;			/* 1u << DC_x */
	int vrank[NVALUES], vscore[NVALUES];
	int rung;			/* RUNG_x, -1: no comparison */
	int timing;			/* TIMING_x */
	int has_days, days_to_decision;
	int64_t confidence, trust;	/* x 10; -1: not rated */
	int weakest;			/* -1: not rated */
	unsigned missing;		/* 1u << MISS_x */
};

/* The plan of D; NULL, or why it cannot be planned (amounts too large). */
const char *deal_plan(const struct deal *d, const struct deal_policy *p,
    struct deal_plan *out);

/* The conditions the value-strategy rules look at (the plan shows them). */
enum { DC_ALWAYS, DC_LIFE_WIN, DC_LIFE_LOSE, DC_LONG, DC_OBJECTIONS,
	DC_EAGLE, DC_SHEEP, DC_FOX, DC_DONKEY, DC_BELOW_WALK, DC_SMALL_GAP,
	DC_BIG_GAP, DC_RIVAL_EDGE, DC_PLAN_ADJUST, DC_RISK, DC_BUDGET, DC_KPI,
	DC_VALUE_ONLY, NDCONDS };
extern const struct deal_label deal_dconds[NDCONDS];
extern const struct deal_vrule {
	int value, cond, points;
} deal_vrules[];
extern const size_t deal_nvrules;

/* cost x (1 + m), half away from zero; -1 when above MONEY_MAX. */
int deal_markup(int64_t cost, const struct decimal *m, int64_t *out);

#endif
