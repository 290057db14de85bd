/* deal-plan - a negotiation plan per deal (谈判策划), SPEC 6.
 *
 * Every rule of the plan is a table below, in the course's words
 * (seed/course-outline.zh.txt, 第一部分 商务谈判): the three price systems,
 * the concession ladder and what each step is traded for (利益交换), the six
 * reasons for a price demand and their strategies, the eight value
 * strategies against a cheaper competitor, 鹰羊狐驴, the timing check, the
 * five planning elements, the four principles, the four ways to settle a
 * disagreement, 信心 and 信任, the customer's needs, the ladder 人无我有 …
 * 人好我硬 with 三看法 and the four methods, and 三度一感. Money is exact:
 * minor units, margins as exact decimals, rounding half away from zero. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "ledger.h"
#include "money.h"
#include "opts.h"
#include "out.h"
#include "rec.h"

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))
/* the text of the plan in the language of --lang */
#define T(en, zh) (lang == LANG_ZH ? (zh) : (en))

enum { OPT_RIVAL = OPT_TOOL };

static struct {
	struct common c;
	const char *rival;
} opt;

static enum lang lang;

/* ---- the rules, as tables ---- */

/* A label in both languages: the course's word, and a faithful English. */
struct label {
	const char *code, *zh, *en;
};

/* The gets a concession is traded for (利益交换). */
enum { G_PREPAY, G_TERMS, G_VOLUME, G_CONTRACT, G_CASE, NGETS };
static const struct label gets[NGETS] = {
	{ "prepayment", "预付款", "prepayment" },
	{ "shorter-terms", "缩短账期", "shorter payment terms" },
	{ "volume", "增加采购量", "a larger volume" },
	{ "longer-contract", "延长合同期", "a longer contract" },
	{ "reference-case", "成功案例授权", "the right to cite them as a reference case" },
};

/* The concession ladder: shares of reference - basic, shrinking (SPEC 6). */
static const int ladder_pct[] = { 50, 30, 20 };
#define NSTEPS NELEM(ladder_pct)

/* The six reasons for a price demand and their strategies (冷静应对客户要求
 * 降价: 六个常见原因, 六种策略), what each step of the ladder asks for given
 * the reason (the biggest step for what is worth most to us and costs the
 * customer least under that reason), and the talking points. */
enum { R_RISK, R_COMPETITOR, R_BUDGET, R_KPI, R_PERSONAL, R_CASUAL, NREASONS,
	R_NONE = NREASONS };
static const struct reason {
	struct label r, s;	/* the reason, the strategy */
	int get[NSTEPS];
	const char *en[3], *zh[3];
} reasons[NREASONS + 1] = {
	{ { "risk", "客户顾虑风险", "the customer's worry about risk" },
	  { "case-evidence", "案例佐证", "proof by cases" },
	  { G_VOLUME, G_TERMS, G_CASE },
	  { "Show two or three cases of peers in their industry, from the case "
	    "library (一客一例一报: one customer, one case, one report).",
	    "Offer a pilot or staged acceptance: the risk is ours to prove, "
	    "not theirs to price.",
	    "Write the commitments into the contract: service levels and "
	    "acceptance criteria." },
	  { "拿出同行业两到三个成功案例（谈判场景案例库：一客一例一报）。",
	    "提出试点或分阶段验收：风险由我方证明，而不是由降价承担。",
	    "把承诺写进合同：服务水平与验收标准。" } },
	{ { "competitor", "竞品低价竞争", "a competitor's low price" },
	  { "risk-forecast", "风险预测", "risk forecast" },
	  { G_CONTRACT, G_VOLUME, G_CASE },
	  { "Forecast the risks of the cheaper offer: hidden costs, delivery, "
	    "quality, service, the cost of switching later.",
	    "Compare the cost over the whole life, not the price on the day.",
	    "Lead with the value strategies ranked below." },
	  { "预测低价方案的风险：隐性成本、交付、质量、服务、日后更换的代价。",
	    "比较全周期成本，而不是当下的价格。",
	    "按下文排序的价值策略逐一展开。" } },
	{ { "budget", "超出客户预算", "a price over the customer's budget" },
	  { "plan-adjust", "方案调整", "plan adjustment" },
	  { G_CONTRACT, G_CASE, G_TERMS },
	  { "Adjust the scope, not the unit price: the basic system fits a "
	    "smaller budget.",
	    "Phase the project: a first part now, the rest in the next budget "
	    "period.",
	    "Spread the payments within the contract, never below the floor." },
	  { "调整范围而不是单价：基础型方案适配较小的预算。",
	    "分期实施：先做第一期，其余放入下一个预算周期。",
	    "在合同内分期付款，价格不破底线。" } },
	{ { "kpi", "客户绩效要求", "the customer's performance targets" },
	  { "added-value", "附加价值", "added value" },
	  { G_PREPAY, G_VOLUME, G_CONTRACT },
	  { "Give them a result they can report: extra service, training or a "
	    "longer warranty instead of a price cut.",
	    "Quantify the value in the figures their targets use: savings, "
	    "efficiency, growth.",
	    "If a price figure is a must, move down the ladder, a get for each "
	    "step." },
	  { "给对方可汇报的成果：增值服务、培训或延长质保，而不是降价。",
	    "用对方考核所用的指标量化价值：节省、效率、增长。",
	    "如必须体现降价数字，沿让步阶梯逐级交换。" } },
	{ { "personal", "个人利益诉求", "the buyer's personal interests" },
	  { "lawful-satisfaction", "合理满足", "reasonable satisfaction, "
	    "within the law" },
	  { G_PREPAY, G_TERMS, G_CASE },
	  { "Recognition: credit them by name in the project review and in the "
	    "reference case; a letter of thanks to their management.",
	    "Training and certification for them and their team.",
	    "Lawful only, within both companies' rules: recognition, training, "
	    "references; what helps them at work (a result their management "
	    "sees, a problem taken off their hands)." },
	  { "认可：在项目复盘和成功案例中署名致谢；向其管理层致感谢函。",
	    "为其本人及团队提供培训与认证。",
	    "仅限合法合规、符合双方公司制度：认可、培训、推荐；"
	    "帮其把工作做好（领导看得见的成果，替其解决工作难题）。" } },
	{ { "casual", "客户随口一说", "a casual remark by the customer" },
	  { "precise-judgement", "精准判断", "precise judgement" },
	  { G_PREPAY, G_TERMS, G_VOLUME },
	  { "Judge whether it is a real demand: ask what the price is compared "
	    "with, and who decides.",
	    "Hold the price politely and restate the value; concede nothing "
	    "unasked.",
	    "If it comes back, answer with the ladder: a concession only for a "
	    "get." },
	  { "判断是否真实诉求：问清与什么比较、由谁决定。",
	    "礼貌守价并重申价值；不主动让步。",
	    "如再次提出，按让步阶梯回应：有所得才有所让。" } },
	{ { "", "", "" }, { "", "", "" }, { G_PREPAY, G_VOLUME, G_CASE },
	  { NULL, NULL, NULL }, { NULL, NULL, NULL } },
};

/* Counterpart styles (精准分析谈判对象风格) and who of ours meets them. */
enum { ROLE_EAGLE, ROLE_SHEEP, ROLE_FOX, ROLE_DONKEY, NROLES };
static const struct role {
	const char *code, *animal, *zh, *en, *tactic_en, *tactic_zh;
	int team;
} roles[NROLES] = {
	{ "eagle", "鹰", "领导者", "the leader",
	  "Speak of results and strategy, briefly; our executive meets them as "
	  "a peer; ask for the decision.",
	  "谈结果与战略，简明扼要；我方高管对等沟通；请其拍板。", 1 },
	{ "sheep", "羊", "技术专家", "the technical expert",
	  "Win with facts: specifications, tests, data; hold a technical "
	  "exchange; help them raise the technical bar.",
	  "用事实说话：参数、测试、数据；安排技术交流；引导提高技术门槛。", 2 },
	{ "fox", "狐", "采购总", "the procurement head",
	  "Expect pressure on price and terms: open at the reference price, "
	  "concede only down the ladder and only for a get; hold to objective "
	  "criteria.",
	  "预期在价格和条款上施压：以参照型报价开场，只沿让步阶梯、"
	  "以利益交换让步；坚持客观标准。", 3 },
	{ "donkey", "驴", "使用部门", "the user department",
	  "They live with the product: show how it eases their daily work, "
	  "gather their requirements and objections, bring the delivery people.",
	  "他们天天使用：展示如何减轻日常工作，收集需求与异议，交付人员参与。",
	  4 },
};
static const struct label team[] = {
	{ "account-manager", "客户经理", "account manager" },
	{ "executive", "高管", "executive" },
	{ "tech-expert", "技术专家", "technical expert" },
	{ "commercial-manager", "商务经理", "commercial manager" },
	{ "delivery-manager", "交付经理", "delivery manager" },
};

/* The eight value strategies (从容应对低价比较: 八种价值策略). */
enum { V_LIFECYCLE, V_PAIN, V_TECH, V_WEIGHT, V_ADDON, V_PARTNER, V_CHEAPER,
	V_BUNDLE, NVALUES };
static const struct label values[NVALUES] = {
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
	{ "cheaper-solution", "提供更低成本解决方案", "offer a lower-cost solution" },
	{ "bundle", "提供产品组合模式方案", "offer a product bundle" },
};

/* What a deal shows, for the value-strategy rules. */
enum { K_ALWAYS, K_LIFE_WIN, K_LIFE_LOSE, K_LONG, K_OBJECTIONS, K_EAGLE,
	K_SHEEP, K_FOX, K_DONKEY, K_BELOW_FLOOR, K_SMALL_GAP, K_BIG_GAP,
	K_RIVAL_EDGE, K_PLAN_ADJUST, K_RISK, K_BUDGET, K_KPI, NCONDS };
static const struct {
	const char *en, *zh;
} conds[NCONDS] = {
	{ "", "" },
	{ "our lifetime cost is lower", "我方全周期成本更低" },
	{ "their lifetime cost is lower", "对方全周期成本更低" },
	{ "a contract of 3 years or more", "合同期三年及以上" },
	{ "they raised objections", "客户有歧义" },
	{ "a leader (鹰) decides", "领导者（鹰）拍板" },
	{ "a technical expert (羊) evaluates", "技术专家（羊）评估" },
	{ "procurement (狐) scores the offers", "采购总（狐）评分" },
	{ "the user department (驴) feels the pain", "使用部门（驴）感受痛点" },
	{ "their price is below our floor", "对方价格低于我方底线" },
	{ "their price is within 10% of ours", "对方价格与我方相差不到10%" },
	{ "their price is more than 20% below ours", "对方价格比我方低20%以上" },
	{ "we lead the comparison", "对比清单我方领先" },
	{ "the budget is below our floor", "预算低于我方底线" },
	{ "they fear the risk", "客户顾虑风险" },
	{ "over their budget", "超出客户预算" },
	{ "their performance targets", "客户绩效要求" },
};
/* The ranking: a strategy's score is the sum of the points of the rules its
 * deal meets; ties keep the order of the course. */
static const struct {
	int value, cond, points;
} vrules[] = {
	{ V_LIFECYCLE, K_ALWAYS, 3 }, { V_PAIN, K_ALWAYS, 3 },
	{ V_ADDON, K_ALWAYS, 2 }, { V_PARTNER, K_ALWAYS, 2 },
	{ V_TECH, K_ALWAYS, 1 }, { V_WEIGHT, K_ALWAYS, 1 },
	{ V_CHEAPER, K_ALWAYS, 1 }, { V_BUNDLE, K_ALWAYS, 1 },
	{ V_LIFECYCLE, K_LIFE_WIN, 5 }, { V_LIFECYCLE, K_LIFE_LOSE, -4 },
	{ V_LIFECYCLE, K_LONG, 2 }, { V_PARTNER, K_LONG, 2 },
	{ V_PARTNER, K_EAGLE, 3 },
	{ V_TECH, K_SHEEP, 3 }, { V_TECH, K_RIVAL_EDGE, 2 }, { V_TECH, K_RISK, 1 },
	{ V_WEIGHT, K_FOX, 3 }, { V_WEIGHT, K_BIG_GAP, 2 },
	{ V_PAIN, K_OBJECTIONS, 2 }, { V_PAIN, K_DONKEY, 2 }, { V_PAIN, K_RISK, 1 },
	{ V_ADDON, K_SMALL_GAP, 2 }, { V_ADDON, K_KPI, 2 }, { V_ADDON, K_DONKEY, 1 },
	{ V_CHEAPER, K_BELOW_FLOOR, 4 }, { V_CHEAPER, K_PLAN_ADJUST, 2 },
	{ V_CHEAPER, K_BUDGET, 2 },
	{ V_BUNDLE, K_BUDGET, 1 }, { V_BUNDLE, K_BIG_GAP, 1 },
};

/* The flags of a deal. */
enum { F_PLAN_ADJUST, F_LIST_LOW, F_CAPPED, F_COMP_FLOOR, NFLAGS };
static const struct label flags[NFLAGS] = {
	{ "plan-adjust", "预算低于底线：方案调整",
	  "the budget is below the floor: plan adjustment (方案调整)" },
	{ "list-below-optimal", "标价低于最优型：参照型 = 最优型 × 1.1",
	  "the list price is below the optimal price: reference = optimal × 1.1" },
	{ "optimal-capped", "目标利润价高于标价：最优型取标价",
	  "cost × (1 + target margin) is above the list price: optimal = list" },
	{ "competitor-below-floor", "竞品价格低于我方底线",
	  "the competitor's price is below our floor" },
};

/* The timing check (谈判时机确认二条件): [conditions][objections], each
 * unknown, no, yes. */
enum { TM_UNKNOWN, TM_NOT_YET, TM_READY };
static const char *const timing_code[] = { "unknown", "not-yet", "ready" };
static const int timing[3][3] = {
	{ TM_UNKNOWN, TM_UNKNOWN, TM_READY },
	{ TM_UNKNOWN, TM_NOT_YET, TM_READY },
	{ TM_READY, TM_READY, TM_READY },
};

/* Readiness (洞察大客户成交的根因): 信心 and 信任, rated 1 to 5. */
enum { NRATINGS = 6 };
static const struct rating {
	const char *field, *zh, *en, *do_en, *do_zh;
} ratings[NRATINGS] = {
	{ "reputation", "口碑—好信誉", "reputation: a good name",
	  "Bring references and peers' cases; invite them to a customer we "
	  "serve.", "提供客户证言与同行案例；邀请参观标杆客户。" },
	{ "service", "服务—好感受", "service: a good experience",
	  "Show the service plan: response times, one named contact, the "
	  "escalation path.", "展示服务方案：响应时限、专人对接、升级路径。" },
	{ "profit", "利润—好政策", "profit: a good policy",
	  "Show their gain in figures: savings, return, a clear and stable "
	  "price policy.", "用数据展示客户收益：节省、回报、清晰稳定的价格政策。" },
	{ "product", "产品—性价比", "product: value for money",
	  "Prove value for money: a trial, a test, the lifetime cost.",
	  "证明性价比：试用、测试、全周期成本。" },
	{ "company", "公司—硬实力", "company: hard strength",
	  "Show hard strength: a visit to our company, qualifications, "
	  "financial standing, delivery record.",
	  "展示硬实力：考察公司、资质、财务状况、交付记录。" },
	{ "people", "人员—够专业", "people: competent",
	  "Field competent people: the expert in the meeting, certificates, "
	  "one stable team.", "派出专业人员：专家参会、资质证书、稳定团队。" },
};

/* The five planning elements (谈判策划五要素) and the fields each needs. */
enum { M_REASON, M_COMPETITOR, M_RATINGS, M_BUDGET, M_CONDITIONS,
	M_OBJECTIONS, M_ROLES, NMISSING };
static const char *const missing_code[NMISSING] = {
	"reason", "competitor_price", "ratings", "budget", "conditions",
	"objections", "roles"
};
static const struct {
	const char *zh, *en;
	unsigned needs;		/* 1 << M_x */
} elements[] = {
	{ "分析三方", "analyse the three parties",
	  1u << M_REASON | 1u << M_COMPETITOR | 1u << M_RATINGS },
	{ "确定目标", "set the goal", 1u << M_BUDGET },
	{ "准备方案", "prepare the plans", 0 },
	{ "组合方案", "combine the plans", 1u << M_CONDITIONS | 1u << M_OBJECTIONS },
	{ "组建团队", "build the team", 1u << M_ROLES },
};

/* The ladder against the competitor (预判竞争对手差异挑战: 思路). */
enum { RG_UNIQUE, RG_BETTER, RG_CHEAPER, RG_COMPLETE, RG_GOOD, RG_SOLID,
	NRUNGS };
static const struct label rungs[NRUNGS] = {
	{ "unique", "人无我有", "they lack it, we have it" },
	{ "better", "人有我优", "they have it, ours is better" },
	{ "cheaper", "人优我廉", "theirs is better, ours costs less" },
	{ "complete", "人廉我全", "theirs costs less, ours is complete" },
	{ "good", "人全我好", "theirs is complete, ours is good" },
	{ "solid", "人好我硬", "theirs is good, ours is solid" },
};

/* ---- one deal ---- */

struct deal {
	struct text customer, deal, currency;
	int dec;
	int64_t list, cost, competitor, budget, opex, competitor_opex;
	int has_competitor, has_budget, has_opex, has_competitor_opex;
	struct decimal min_margin, target_margin;
	int reason, years, conditions, objections;	/* -1 unknown */
	unsigned roles;				/* 1 << ROLE_x */
	int rating[NRATINGS];			/* 0: not given */
	/* the plan */
	int64_t basic, optimal, reference, target;
	int64_t step[NSTEPS];
	int get[NSTEPS], nsteps;
	unsigned flags, conds, missing;
	int64_t life_ours, life_theirs;
	int has_life, cheaper, timing, rung;
	int vrank[NVALUES], vscore[NVALUES];
	int64_t confidence, trust;		/* x 10; -1: no rating */
	int weakest;				/* -1: no rating */
};

struct cols {
	int customer, deal, list, cost, currency, competitor, budget, min_margin,
	    target_margin, reason, roles, years, opex, competitor_opex,
	    conditions, objections, rating[NRATINGS];
};

static struct rec_reader *rd;
static struct cols col;

/* ---- the --rival file: attribute, weight, ours, theirs ---- */

static void trim(struct text *t);

#define RIVAL_SCALE 10000	/* weights and scores kept with 4 decimals */
#define RIVAL_MAX 1000

struct attr {
	char *name, *weight_s, *ours_s, *theirs_s;
	int64_t weight, ours, theirs;
};

static struct {
	struct attr *a;
	size_t n;
	i128 sum_w, sum_ours, sum_theirs;	/* sum w, w x ours, w x theirs */
	int lead, lag;			/* attributes we lead, they lead */
	int unique;			/* an attribute they lack, we have */
	int64_t score_ours, score_theirs;	/* weighted, x 100 */
} rival;

static int64_t
pow10i(int n)
{
	int64_t p = 1;

	while (n-- > 0)
		p *= 10;
	return p;
}

/* A number of the rival file: at most 4 decimals, below 10^9. */
static int
rival_number(const char *p, size_t n, int64_t *out)
{
	char buf[32];
	struct decimal d;
	i128 v;

	if (n == 0 || n >= sizeof(buf))
		return -1;
	memcpy(buf, p, n);
	buf[n] = '\0';
	if (decimal_parse(buf, &d) != 0 || d.scale > 4)
		return -1;
	v = (i128)d.num * pow10i(4 - d.scale);
	if (v >= (i128)1000000000 * RIVAL_SCALE)
		return -1;
	*out = (int64_t)v;
	return 0;
}

static void
read_rival(const char *path)
{
	struct rec_opts o;
	struct rec_reader *r;
	struct rec *x;
	char *files[] = { (char *)path };
	int ca, cw, co, ct;
	size_t cap = 0;

	memset(&o, 0, sizeof(o));
	o.fmt = FMT_AUTO;
	r = rec_open(files, 1, &o);
	ca = rec_col(r, "attribute");
	cw = rec_col(r, "weight");
	co = rec_col(r, "ours");
	ct = rec_col(r, "theirs");
	rec_require(r, ca);
	rec_require(r, cw);
	rec_require(r, co);
	rec_require(r, ct);
	while ((x = rec_next(r)) != NULL) {
		struct text t[4];
		struct attr *a;
		int slot[4] = { ca, cw, co, ct };
		int64_t v[4] = { 0, 0, 0, 0 };
		if (field_text(r, x, ca, &t[0], 1) != 0 ||
		    field_text(r, x, cw, &t[1], 1) != 0 ||
		    field_text(r, x, co, &t[2], 1) != 0 ||
		    field_text(r, x, ct, &t[3], 1) != 0)
			continue;
		for (int k = 0; k < 4; k++)
			trim(&t[k]);
		if (t[0].n == 0)
			die_at(EXIT_FATAL, x->file, x->line, "field 'attribute' is "
			    "blank");
		for (int k = 1; k < 4; k++)
			if (rival_number(t[k].p, t[k].n, &v[k]) != 0) {
				char q[ERR_QUOTE_MAX];
				die_at(EXIT_FATAL, x->file, x->line, "field '%s': "
				    "expected a number from 0 to 999999999 with at most 4 "
				    "decimals, got \"%s\"", rec_colname(r, slot[k]),
				    err_quote(q, t[k].p, t[k].n));
			}
		for (size_t i = 0; i < rival.n; i++)
			if (strlen(rival.a[i].name) == t[0].n &&
			    memcmp(rival.a[i].name, t[0].p, t[0].n) == 0) {
				char q[ERR_QUOTE_MAX];
				die_at(EXIT_FATAL, x->file, x->line, "attribute \"%s\" is "
				    "in the file twice", err_quote(q, t[0].p, t[0].n));
			}
		if (rival.n == RIVAL_MAX)
			die_at(EXIT_FATAL, x->file, x->line, "more than %d attributes",
			    RIVAL_MAX);
		if (rival.n == cap) {
			cap = cap ? 2 * cap : 16;
			rival.a = xrealloc(rival.a, cap * sizeof(*rival.a));
		}
		a = &rival.a[rival.n++];
		a->name = xstrndup(t[0].p, t[0].n);
		a->weight_s = xstrndup(t[1].p, t[1].n);
		a->ours_s = xstrndup(t[2].p, t[2].n);
		a->theirs_s = xstrndup(t[3].p, t[3].n);
		a->weight = v[1], a->ours = v[2], a->theirs = v[3];
		rec_written(r, x);
	}
	if (rec_status(r) != 0)	/* the line was named above */
		die(EXIT_FATAL, "%s: a bad line in the --rival file", path);
	rec_close(r, 0);
	for (size_t i = 0; i < rival.n; i++) {
		const struct attr *a = &rival.a[i];
		rival.sum_w += a->weight;
		rival.sum_ours += (i128)a->weight * a->ours;
		rival.sum_theirs += (i128)a->weight * a->theirs;
		if (a->weight == 0)
			continue;
		rival.lead += a->ours > a->theirs;
		rival.lag += a->ours < a->theirs;
		rival.unique |= a->theirs == 0 && a->ours > 0;
	}
	if (rival.sum_w == 0)
		die(EXIT_FATAL, "%s: no attribute with a weight above zero", path);
	div128_round(rival.sum_ours, rival.sum_w * (RIVAL_SCALE / 100),
	    &rival.score_ours);
	div128_round(rival.sum_theirs, rival.sum_w * (RIVAL_SCALE / 100),
	    &rival.score_theirs);
}

/* The rung to sell on: the first of the ladder that holds. */
static int
rung_of(const struct deal *d)
{
	const int holds[NRUNGS] = {
		rival.unique,
		rival.sum_ours > rival.sum_theirs,
		d->has_competitor && d->optimal < d->competitor,
		rival.lead > rival.lag,
		rival.lead > 0,
		1,
	};
	int i = 0;

	while (!holds[i])
		i++;
	return i;
}

/* ---- reading a deal ---- */

static void
trim(struct text *t)
{
	while (t->n > 0 && (t->p[0] == ' ' || t->p[0] == '\t'))
		t->p++, t->n--;
	while (t->n > 0 && (t->p[t->n - 1] == ' ' || t->p[t->n - 1] == '\t'))
		t->n--;
}

/* Is T the word S (ASCII letters in any case)? */
static int
text_is(const struct text *t, const char *s)
{
	if (t->n != strlen(s))
		return 0;
	for (size_t i = 0; i < t->n; i++) {
		char c = t->p[i];
		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		if (c != s[i])
			return 0;
	}
	return 1;
}

/* A money field that must be above zero (REQUIRED) or zero or more. */
static int
read_money(struct rec *x, int slot, int dec, int64_t *out, int *has,
    int required)
{
	const struct val *v = rec_val(x, slot);

	*has = !val_blank(v);
	if (field_money(rd, x, slot, dec, out, required) != 0)
		return -1;
	if (*out < 0 || (required && *out == 0)) {
		rec_reject_field(rd, x, slot, required ? "expected an amount above "
		    "zero, got" : "expected an amount of zero or more, got");
		return -1;
	}
	return 0;
}

/* A margin: a fraction, 0.10 = 10%, below 10 (1000%). */
static int
read_margin(struct rec *x, int slot, const char *dflt, struct decimal *d)
{
	struct text t;
	char buf[32];

	if (field_text(rd, x, slot, &t, 0) != 0)
		return -1;
	trim(&t);
	if (t.n == 0) {
		decimal_parse(dflt, d);
		return 0;
	}
	if (t.n < sizeof(buf)) {
		memcpy(buf, t.p, t.n);
		buf[t.n] = '\0';
		if (decimal_parse(buf, d) == 0 && d->scale <= 6 &&
		    d->num < 10 * pow10i(d->scale))
			return 0;
	}
	rec_reject_field(rd, x, slot, "expected a fraction below 10 such as 0.10 "
	    "(= 10%), got");
	return -1;
}

/* A whole number from LO to HI; 0 when blank. */
static int
read_int(struct rec *x, int slot, int lo, int hi, const char *what, int *out)
{
	struct text t;
	int v = 0;

	*out = 0;
	if (field_text(rd, x, slot, &t, 0) != 0)
		return -1;
	trim(&t);
	if (t.n == 0)
		return 0;
	for (size_t i = 0; i < t.n; i++) {
		if (t.p[i] < '0' || t.p[i] > '9' || v > hi) {
			v = -1;
			break;
		}
		v = v * 10 + (t.p[i] - '0');
	}
	if (v < lo || v > hi) {
		rec_reject_field(rd, x, slot, what);
		return -1;
	}
	*out = v;
	return 0;
}

static int
read_reason(struct rec *x, int *out)
{
	struct text t;

	*out = R_NONE;
	if (field_text(rd, x, col.reason, &t, 0) != 0)
		return -1;
	trim(&t);
	if (t.n == 0)
		return 0;
	for (int i = 0; i < NREASONS; i++)
		if (text_is(&t, reasons[i].r.code) || text_is(&t, reasons[i].r.zh)) {
			*out = i;
			return 0;
		}
	rec_reject_field(rd, x, col.reason, "expected risk, competitor, budget, "
	    "kpi, personal or casual, got");
	return -1;
}

/* roles: eagle;fox (or 鹰;狐), ';'-separated. */
static int
read_roles(struct rec *x, unsigned *out)
{
	struct text t, w;
	size_t i = 0;

	*out = 0;
	if (field_text(rd, x, col.roles, &t, 0) != 0)
		return -1;
	while (i <= t.n) {
		size_t j = i;
		int k;
		while (j < t.n && t.p[j] != ';')
			j++;
		w.p = t.p + i;
		w.n = j - i;
		trim(&w);
		i = j + 1;
		if (w.n == 0)
			continue;
		for (k = 0; k < NROLES; k++)
			if (text_is(&w, roles[k].code) || text_is(&w, roles[k].animal))
				break;
		if (k == NROLES) {
			rec_reject_field(rd, x, col.roles, "expected eagle, sheep, fox "
			    "or donkey, ';'-separated, got");
			return -1;
		}
		*out |= 1u << k;
	}
	return 0;
}

static int
read_currency(struct rec *x, struct deal *d)
{
	int known;

	if (field_text(rd, x, col.currency, &d->currency, 0) != 0)
		return -1;
	trim(&d->currency);
	if (d->currency.n == 0 && opt.c.currency) {
		d->currency.p = opt.c.currency;
		d->currency.n = strlen(opt.c.currency);
	}
	d->dec = currency_decimals(d->currency.p, d->currency.n, &known);
	if (!known) {
		char q[ERR_QUOTE_MAX], key[ERR_QUOTE_MAX + 16];
		err_quote(q, d->currency.p, d->currency.n);
		snprintf(key, sizeof(key), "currency:%s", q);
		warn_once(key, "unknown currency code \"%s\": 2 decimals assumed", q);
	}
	return 0;
}

static int
read_deal(struct rec *x, struct deal *d)
{
	int b;

	memset(d, 0, sizeof(*d));
	if (field_text(rd, x, col.customer, &d->customer, 1) != 0 ||
	    field_text(rd, x, col.deal, &d->deal, 1) != 0 ||
	    read_currency(x, d) != 0 ||
	    read_money(x, col.list, d->dec, &d->list, &b, 1) != 0 ||
	    read_money(x, col.cost, d->dec, &d->cost, &b, 1) != 0 ||
	    read_money(x, col.competitor, d->dec, &d->competitor,
	    &d->has_competitor, 0) != 0 ||
	    read_money(x, col.budget, d->dec, &d->budget, &d->has_budget, 0) != 0 ||
	    read_margin(x, col.min_margin, "0.10", &d->min_margin) != 0 ||
	    read_margin(x, col.target_margin, "0.25", &d->target_margin) != 0 ||
	    read_reason(x, &d->reason) != 0 ||
	    read_roles(x, &d->roles) != 0 ||
	    read_int(x, col.years, 1, 100, "expected a whole number of years "
	    "from 1 to 100, got", &d->years) != 0 ||
	    read_money(x, col.opex, d->dec, &d->opex, &d->has_opex, 0) != 0 ||
	    read_money(x, col.competitor_opex, d->dec, &d->competitor_opex,
	    &d->has_competitor_opex, 0) != 0 ||
	    field_bool(rd, x, col.conditions, &d->conditions, -1) != 0 ||
	    field_bool(rd, x, col.objections, &d->objections, -1) != 0)
		return -1;
	for (int i = 0; i < NRATINGS; i++)
		if (read_int(x, col.rating[i], 1, 5, "expected a rating from 1 to 5, "
		    "got", &d->rating[i]) != 0)
			return -1;
	return 0;
}

/* ---- the plan ---- */

/* cost x (1 + margin), half away from zero; -1 when too large. */
static int
marked_up(int64_t cost, const struct decimal *m, int64_t *out)
{
	int64_t s = pow10i(m->scale);

	return muldiv_round(cost, (i128)s + m->num, s, out) != 0 ||
	    *out > MONEY_MAX ? -1 : 0;
}

/* The three price systems (三套服务价格体系), SPEC 6. */
static int
prices(struct deal *d)
{
	if (marked_up(d->cost, &d->min_margin, &d->basic) != 0)
		return -1;
	if (marked_up(d->cost, &d->target_margin, &d->target) != 0)
		d->target = INT64_MAX;	/* above any list price */
	d->optimal = d->target < d->list ? d->target : d->list;
	if (d->optimal < d->basic)
		d->optimal = d->basic;
	if (d->list >= d->optimal)
		d->reference = d->list;
	else if (muldiv_round(d->optimal, 11, 10, &d->reference) != 0 ||
	    d->reference > MONEY_MAX)
		return -1;
	if (d->has_budget && d->budget < d->basic)
		d->flags |= 1u << F_PLAN_ADJUST;
	if (d->list < d->optimal)
		d->flags |= 1u << F_LIST_LOW;
	else if (d->target > d->list)
		d->flags |= 1u << F_CAPPED;
	if (d->has_competitor && d->competitor < d->basic)
		d->flags |= 1u << F_COMP_FLOOR;
	return 0;
}

/* The concession ladder: reference - basic in shrinking shares, rounded
 * half away from zero, the last step taking the remainder. A step no
 * smaller than the one before (tiny gaps) is merged into the first, so the
 * steps always shrink and add up to the gap exactly. */
static void
ladder(struct deal *d)
{
	int64_t gap = d->reference - d->basic, left = gap, s[NSTEPS];
	int n = 0;

	for (size_t i = 0; i < NSTEPS; i++) {
		if (i + 1 == NSTEPS)
			s[i] = left;
		else
			muldiv_round(gap, ladder_pct[i], 100, &s[i]);
		left -= s[i];
	}
	for (size_t i = 0; i < NSTEPS; i++) {
		if (s[i] <= 0)
			continue;
		if (n > 0 && s[i] >= d->step[n - 1])
			d->step[0] += s[i];
		else
			d->step[n++] = s[i];
	}
	d->nsteps = n;
	for (int i = 0; i < n; i++)
		d->get[i] = reasons[d->reason].get[i];
}

/* What the deal shows, as K_x bits, for the value-strategy rules. */
static unsigned
deal_conds(const struct deal *d)
{
	unsigned k = 1u << K_ALWAYS;
	i128 c = d->competitor, o = d->optimal;

	if (d->has_life)
		k |= 1u << (d->life_ours <= d->life_theirs ? K_LIFE_WIN : K_LIFE_LOSE);
	if (d->years >= 3)
		k |= 1u << K_LONG;
	if (d->objections == 1)
		k |= 1u << K_OBJECTIONS;
	for (int i = 0; i < NROLES; i++)
		if (d->roles & (1u << i))
			k |= 1u << (K_EAGLE + i);
	if (d->has_competitor && d->competitor < d->basic)
		k |= 1u << K_BELOW_FLOOR;
	if (d->has_competitor && c < o && c * 10 >= o * 9)
		k |= 1u << K_SMALL_GAP;
	if (d->has_competitor && c * 10 < o * 8)
		k |= 1u << K_BIG_GAP;
	if (opt.rival && (d->rung == RG_UNIQUE || d->rung == RG_BETTER))
		k |= 1u << K_RIVAL_EDGE;
	if (d->flags & (1u << F_PLAN_ADJUST))
		k |= 1u << K_PLAN_ADJUST;
	if (d->reason == R_RISK)
		k |= 1u << K_RISK;
	if (d->reason == R_BUDGET)
		k |= 1u << K_BUDGET;
	if (d->reason == R_KPI)
		k |= 1u << K_KPI;
	return k;
}

static void
rank_values(struct deal *d)
{
	memset(d->vscore, 0, sizeof(d->vscore));
	for (size_t i = 0; i < NELEM(vrules); i++)
		if (d->conds & (1u << vrules[i].cond))
			d->vscore[vrules[i].value] += vrules[i].points;
	for (int i = 0; i < NVALUES; i++) {
		int j = i;
		while (j > 0 && d->vscore[d->vrank[j - 1]] < d->vscore[i]) {
			d->vrank[j] = d->vrank[j - 1];
			j--;
		}
		d->vrank[j] = i;
	}
}

/* Mean of the given ratings FROM .. FROM + 3, x 10; -1 when none. */
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

/* The whole plan of D; NULL, or what is too large to plan. */
static const char *
plan(struct deal *d)
{
	if (prices(d) != 0)
		return "the prices are too large: cost × (1 + margin) does not fit "
		    "in an amount";
	ladder(d);
	if (d->years && d->has_competitor && d->has_opex &&
	    d->has_competitor_opex) {
		i128 o = (i128)d->opex * d->years + d->optimal;
		i128 t = (i128)d->competitor_opex * d->years + d->competitor;
		if (o > MONEY_MAX || t > MONEY_MAX)
			return "the lifetime cost is too large for an amount";
		d->life_ours = (int64_t)o;
		d->life_theirs = (int64_t)t;
		d->has_life = 1;
	}
	d->cheaper = (d->has_competitor && d->competitor < d->optimal) ||
	    d->reason == R_COMPETITOR;
	d->rung = opt.rival ? rung_of(d) : -1;
	d->conds = deal_conds(d);
	rank_values(d);
	d->timing = timing[d->conditions + 1][d->objections + 1];
	d->confidence = mean_rating(d, 0);
	d->trust = mean_rating(d, 3);
	d->weakest = -1;
	for (int i = 0; i < NRATINGS; i++)
		if (d->rating[i] && (d->weakest < 0 ||
		    d->rating[i] < d->rating[d->weakest]))
			d->weakest = i;
	if (d->reason == R_NONE)
		d->missing |= 1u << M_REASON;
	if (!d->has_competitor && !opt.rival)
		d->missing |= 1u << M_COMPETITOR;
	if (d->weakest < 0)
		d->missing |= 1u << M_RATINGS;
	if (!d->has_budget)
		d->missing |= 1u << M_BUDGET;
	if (d->conditions < 0)
		d->missing |= 1u << M_CONDITIONS;
	if (d->objections < 0)
		d->missing |= 1u << M_OBJECTIONS;
	if (!d->roles)
		d->missing |= 1u << M_ROLES;
	return NULL;
}

/* ---- records out ---- */

enum { O_CURRENCY, O_BASIC, O_OPTIMAL, O_REFERENCE, O_FLAGS, O_STEP1, O_GET1,
	O_STEP2, O_GET2, O_STEP3, O_GET3, O_STRATEGY, O_VALUES, O_LIFE_OURS,
	O_LIFE_THEIRS, O_TEAM, O_TIMING, O_MISSING, O_CONFIDENCE, O_TRUST,
	O_WEAKEST, NOUT,
	O_RIVAL_OURS = NOUT, O_RIVAL_THEIRS, O_RUNG, NOUT_RIVAL };

static const struct ocol ocols[NOUT_RIVAL] = {
	{ "currency", 0 },
	{ "basic", 1 },
	{ "optimal", 1 },
	{ "reference", 1 },
	{ "flags", 0 },
	{ "step1", 1 }, { "get1", 0 },
	{ "step2", 1 }, { "get2", 0 },
	{ "step3", 1 }, { "get3", 0 },
	{ "strategy", 0 },
	{ "value_strategies", 0 },
	{ "lifetime_ours", 1 },
	{ "lifetime_theirs", 1 },
	{ "team", 0 },
	{ "timing", 0 },
	{ "missing", 0 },
	{ "confidence", 1 },
	{ "trust", 1 },
	{ "weakest", 0 },
	{ "rival_ours", 1 },
	{ "rival_theirs", 1 },
	{ "rung", 0 },
};

/* A ';'-separated list into BUF. */
static void
list_add(char *buf, size_t cap, const char *item)
{
	size_t n = strlen(buf);

	snprintf(buf + n, cap - n, "%s%s", n ? ";" : "", item);
}

static struct cell
cell_str(const char *s)
{
	return *s ? cell_text(s, strlen(s)) : cell_null();
}

static void
write_record(struct writer *w, const struct rec *x, const struct deal *d)
{
	struct cell c[NOUT_RIVAL];
	char fl[256] = "", vs[256] = "", tm[256] = "", ms[256] = "";

	for (int i = 0; i < NOUT_RIVAL; i++)
		c[i] = cell_null();
	c[O_CURRENCY] = d->currency.n ? cell_text(d->currency.p, d->currency.n) :
	    cell_null();
	c[O_BASIC] = cell_money(d->basic, d->dec);
	c[O_OPTIMAL] = cell_money(d->optimal, d->dec);
	c[O_REFERENCE] = cell_money(d->reference, d->dec);
	for (int i = 0; i < NFLAGS; i++)
		if (d->flags & (1u << i))
			list_add(fl, sizeof(fl), flags[i].code);
	c[O_FLAGS] = cell_str(fl);
	for (int i = 0; i < d->nsteps; i++) {
		c[O_STEP1 + 2 * i] = cell_money(d->step[i], d->dec);
		c[O_GET1 + 2 * i] = cell_str(gets[d->get[i]].code);
	}
	c[O_STRATEGY] = cell_str(reasons[d->reason].s.code);
	if (d->cheaper)
		for (int i = 0; i < NVALUES; i++)
			list_add(vs, sizeof(vs), values[d->vrank[i]].code);
	c[O_VALUES] = cell_str(vs);
	if (d->has_life) {
		c[O_LIFE_OURS] = cell_money(d->life_ours, d->dec);
		c[O_LIFE_THEIRS] = cell_money(d->life_theirs, d->dec);
	}
	list_add(tm, sizeof(tm), team[0].code);
	for (int i = 0; i < NROLES; i++)
		if (d->roles & (1u << i))
			list_add(tm, sizeof(tm), team[roles[i].team].code);
	c[O_TEAM] = cell_str(tm);
	c[O_TIMING] = cell_str(timing_code[d->timing]);
	for (int i = 0; i < NMISSING; i++)
		if (d->missing & (1u << i))
			list_add(ms, sizeof(ms), missing_code[i]);
	c[O_MISSING] = cell_str(ms);
	if (d->confidence >= 0)
		c[O_CONFIDENCE] = cell_fixed(d->confidence, 1);
	if (d->trust >= 0)
		c[O_TRUST] = cell_fixed(d->trust, 1);
	if (d->weakest >= 0)
		c[O_WEAKEST] = cell_str(ratings[d->weakest].field);
	if (opt.rival) {
		c[O_RIVAL_OURS] = cell_fixed(rival.score_ours, 2);
		c[O_RIVAL_THEIRS] = cell_fixed(rival.score_theirs, 2);
		c[O_RUNG] = cell_str(rungs[d->rung].code);
	}
	w_row(w, x, c);
}

/* ---- the plan a person reads (-o md) ---- */

static struct obuf md;

static char *mdbuf;
static size_t mdcap;

static void __attribute__((format(printf, 1, 2)))
mdf(const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(mdbuf, mdcap, fmt, ap);
	va_end(ap);
	if (n >= 0 && (size_t)n >= mdcap) {
		mdcap = (size_t)n + 256;
		mdbuf = xrealloc(mdbuf, mdcap);
		va_start(ap, fmt);
		n = vsnprintf(mdbuf, mdcap, fmt, ap);
		va_end(ap);
	}
	if (n > 0)
		ob_write(&md, mdbuf, (size_t)n);
}

/* Strings for one plan: freed when the plan is written. */
static char **pool;
static size_t npool, cappool;

static const char *
keep(char *s)
{
	if (npool == cappool) {
		cappool = cappool ? 2 * cappool : 64;
		pool = xrealloc(pool, cappool * sizeof(*pool));
	}
	return pool[npool++] = s;
}

/* User text for markdown: on one line, the characters markdown would read
 * escaped (a '|' would split a table cell). */
static const char *
esc(const char *p, size_t n)
{
	char *s = xmalloc(2 * n + 1), *o = s;

	for (size_t i = 0; i < n; i++) {
		char c = p[i];
		if (c == '\n' || c == '\r' || c == '\t')
			c = ' ';
		if (strchr("\\`*_[]<>|#~", c) && c != '\0')
			*o++ = '\\';
		*o++ = c;
	}
	*o = '\0';
	return keep(s);
}

static const char *
escs(const char *s)
{
	return esc(s, strlen(s));
}

/* Money with thousands separators. */
static const char *
mon(const struct deal *d, int64_t v)
{
	char buf[MONEY_BUFSZ];

	money_format(buf, v, d->dec, 1);
	return keep(xstrdup(buf));
}

/* NUM / DEN as a percentage with 1 decimal. */
static const char *
pct(i128 num, i128 den)
{
	char buf[32];
	int64_t v = 0;

	div128_round(num * 1000, den, &v);
	fixed_format(buf, v, 1, 0);
	return keep(xstrdup(buf));
}

static const char *
margin_text(const struct decimal *m)
{
	char buf[32];

	fixed_format(buf, m->num, m->scale, 0);
	return keep(xstrdup(buf));
}

static const char *
lbl(const struct label *l)
{
	return T(l->en, l->zh);
}

/* "中文 english" in English, "中文" in Chinese: the course's word first. */
static const char *
term(const char *zh, const char *en)
{
	char buf[512];

	if (lang == LANG_ZH)
		return zh;
	snprintf(buf, sizeof(buf), "%s %s", zh, en);
	return keep(xstrdup(buf));
}

static void
md_head(const struct deal *d)
{
	mdf(T("# Negotiation plan: %s · %s\n\n", "# 谈判策划：%s · %s\n\n"),
	    esc(d->customer.p, d->customer.n), esc(d->deal.p, d->deal.n));
	if (d->currency.n)
		mdf(T("Currency %s · ", "币种 %s · "),
		    esc(d->currency.p, d->currency.n));
	mdf(T("list price %s · cost %s", "标价 %s · 成本 %s"), mon(d, d->list),
	    mon(d, d->cost));
	if (d->has_budget)
		mdf(T(" · budget %s", " · 预算 %s"), mon(d, d->budget));
	if (d->has_competitor)
		mdf(T(" · competitor %s", " · 竞品报价 %s"), mon(d, d->competitor));
	mdf("\n\n");
	if (d->flags) {
		mdf(T("**Flags:**\n\n", "**提示：**\n\n"));
		for (int i = 0; i < NFLAGS; i++)
			if (d->flags & (1u << i))
				mdf(T("- `%s`: %s\n", "- `%s`：%s\n"), flags[i].code,
				    lbl(&flags[i]));
		mdf("\n");
	}
}

/* 1. 三套服务价格体系 */
static void
md_prices(const struct deal *d)
{
	const struct {
		const struct label l;
		int64_t price;
		const char *en, *zh;
	} rows[] = {
		{ { "reference", "参照型", "reference" }, d->reference,
		  "full scope: the anchor we open with", "完整范围：开场的锚定价" },
		{ { "optimal", "最优型", "optimal" }, d->optimal,
		  "the target we aim to sign at", "争取成交的目标价" },
		{ { "basic", "基础型", "basic" }, d->basic,
		  "reduced scope: the floor", "精简范围：底线价" },
	};

	mdf(T("## 1. Three price systems (三套服务价格体系)\n\n",
	    "## 一、三套服务价格体系\n\n"));
	mdf(T("| System | Price | Margin on cost | Scope |\n",
	    "| 方案 | 价格 | 成本加成 | 范围 |\n"));
	mdf("|---|---:|---:|---|\n");
	for (size_t i = 0; i < NELEM(rows); i++)
		mdf("| %s | %s | %s%% | %s |\n", term(rows[i].l.zh, rows[i].l.en),
		    mon(d, rows[i].price), pct((i128)rows[i].price - d->cost, d->cost),
		    T(rows[i].en, rows[i].zh));
	mdf(T("\nThe floor is cost × (1 + %s) = %s; no price goes below it. "
	    "The optimal price is cost × (1 + %s), at most the list price and "
	    "never below the floor.\n\n",
	    "\n底线 = 成本 × (1 + %s) = %s，任何报价不低于底线。"
	    "最优型 = 成本 × (1 + %s)，不高于标价，不低于底线。\n\n"),
	    margin_text(&d->min_margin), mon(d, d->basic),
	    margin_text(&d->target_margin));
	if (!d->has_budget)
		mdf(T("Budget not known: ask for it (确定目标).\n\n",
		    "预算未知：先问清预算（确定目标）。\n\n"));
	else if (d->flags & (1u << F_PLAN_ADJUST))
		mdf(T("The budget %s is below the floor: 方案调整 (plan "
		    "adjustment). Take scope out of the basic system until it "
		    "fits; the price stays at or above the floor.\n\n",
		    "预算 %s 低于底线：方案调整。从基础型中削减范围直至适配预算；"
		    "价格不破底线。\n\n"), mon(d, d->budget));
	else if (d->budget >= d->reference)
		mdf(T("The budget %s covers the reference price.\n\n",
		    "预算 %s 足以覆盖参照型报价。\n\n"), mon(d, d->budget));
	else {
		int64_t p = d->reference;
		int k = 0;
		while (p > d->budget && k < d->nsteps)
			p -= d->step[k++];
		mdf(T("The budget %s is reached at step %d of the ladder (price "
		    "%s).\n\n", "预算 %s 在让步阶梯第 %d 步达到（价格 %s）。\n\n"),
		    mon(d, d->budget), k, mon(d, p));
	}
}

/* 2. the concession ladder, 利益交换 */
static void
md_ladder(const struct deal *d)
{
	int64_t p = d->reference;
	int used[NGETS] = { 0 }, first = 1;

	mdf(T("## 2. Concession ladder (利益交换)\n\n",
	    "## 二、让步阶梯（利益交换）\n\n"));
	if (d->nsteps == 0) {
		mdf(T("Reference and basic are equal: there is no room to concede "
		    "on price; trade value instead.\n\n",
		    "参照型与基础型相同：价格上没有让步空间，改以价值交换。\n\n"));
		return;
	}
	mdf(T("Each step down is traded for something in return: never a "
	    "concession without a get.\n\n",
	    "每一步让步都要换回对等的利益：没有交换，就没有让步。\n\n"));
	mdf(T("| Step | Concession | Price after | In exchange for |\n",
	    "| 步骤 | 让步 | 让步后价格 | 交换条件 |\n"));
	mdf("|---:|---:|---:|---|\n");
	for (int i = 0; i < d->nsteps; i++) {
		p -= d->step[i];
		used[d->get[i]] = 1;
		mdf("| %d | %s | %s | %s |\n", i + 1, mon(d, d->step[i]), mon(d, p),
		    term(gets[d->get[i]].zh, gets[d->get[i]].en));
	}
	mdf(T("\nOther gets to trade: ", "\n其他可交换的条件："));
	for (int i = 0; i < NGETS; i++)
		if (!used[i]) {
			mdf("%s%s", first ? "" : T(", ", "、"),
			    term(gets[i].zh, gets[i].en));
			first = 0;
		}
	mdf(T(".\n\n", "。\n\n"));
}

/* 3. the six reasons and strategies */
static void
md_reason(const struct deal *d)
{
	const struct reason *r = &reasons[d->reason];

	mdf(T("## 3. Why they ask for a lower price (冷静应对客户要求降价)\n\n",
	    "## 三、冷静应对客户要求降价\n\n"));
	mdf(T("| Reason | Strategy | This deal |\n", "| 原因 | 策略 | 本单 |\n"));
	mdf("|---|---|---|\n");
	for (int i = 0; i < NREASONS; i++)
		mdf("| %s | %s | %s |\n",
		    term(reasons[i].r.zh, reasons[i].r.en),
		    term(reasons[i].s.zh, reasons[i].s.en),
		    i == d->reason ? T("**yes**", "**是**") : "—");
	if (d->reason == R_NONE) {
		mdf(T("\nReason not known: find it first (精准判断) — ask what the "
		    "price is compared with, who decides, and what else matters to "
		    "them.\n\n",
		    "\n原因未知：先做精准判断——问清与什么比较、由谁决定、还看重什么。"
		    "\n\n"));
		return;
	}
	mdf(T("\nStrategy: **%s** (%s). Talking points:\n\n",
	    "\n策略：**%s**（%s）。要点：\n\n"), r->s.zh, T(r->s.en, r->s.code));
	for (int i = 0; i < 3; i++)
		mdf("- %s\n", T(r->en[i], r->zh[i]));
	mdf("\n");
}

/* 4. the eight value strategies and the lifetime cost */
static void
md_values(const struct deal *d)
{
	mdf(T("## 4. Against a cheaper competitor (从容应对低价比较)\n\n",
	    "## 四、从容应对低价比较\n\n"));
	if (d->has_competitor && d->competitor < d->optimal)
		mdf(T("The competitor's %s is %s%% below our optimal price: the "
		    "eight value strategies (八种价值策略), ranked for this deal.\n\n",
		    "竞品报价 %s 比我方最优型低 %s%%：八种价值策略按本单排序如下。\n\n"),
		    mon(d, d->competitor), pct((i128)d->optimal - d->competitor,
		    d->optimal));
	else if (d->cheaper && !d->has_competitor)
		mdf(T("A cheaper competitor (its price not given): the eight value "
		    "strategies (八种价值策略), ranked for this deal.\n\n",
		    "存在低价竞品（未给出报价）：八种价值策略按本单排序如下。\n\n"));
	else if (d->cheaper)
		mdf(T("The customer cites a cheaper competitor, yet the price given, "
		    "%s, is not below our optimal price: check the comparison "
		    "(精准判断). The eight value strategies (八种价值策略), ranked "
		    "for this deal.\n\n", "客户称竞品更便宜，但所给报价 %s 并不低于"
		    "我方最优型：先核实对比（精准判断）。八种价值策略按本单排序如下。"
		    "\n\n"), mon(d, d->competitor));
	else
		mdf(T("No cheaper competitor is known. Should one appear, the eight "
		    "value strategies (八种价值策略) in this order:\n\n",
		    "目前没有已知的低价竞品。如出现，八种价值策略按此顺序：\n\n"));
	mdf(T("| Rank | Strategy | Score | Why |\n",
	    "| 排序 | 策略 | 得分 | 依据 |\n"));
	mdf("|---:|---|---:|---|\n");
	for (int i = 0; i < NVALUES; i++) {
		int v = d->vrank[i], first = 1;
		mdf("| %d | %s | %d | ", i + 1, term(values[v].zh, values[v].en),
		    d->vscore[v]);
		for (size_t k = 0; k < NELEM(vrules); k++)
			if (vrules[k].value == v && vrules[k].cond != K_ALWAYS &&
			    (d->conds & (1u << vrules[k].cond))) {
				mdf("%s%s %+d", first ? "" : T("; ", "；"),
				    T(conds[vrules[k].cond].en, conds[vrules[k].cond].zh),
				    vrules[k].points);
				first = 0;
			}
		mdf("%s |\n", first ? "—" : "");
	}
	mdf("\n");
	if (!d->has_life) {
		mdf(T("Lifetime cost: give years, opex, competitor_price and "
		    "competitor_opex to compare it.\n\n",
		    "全周期成本：给出 years、opex、competitor_price 和 "
		    "competitor_opex 即可比较。\n\n"));
		return;
	}
	mdf(T("Lifetime cost over %d years (price + opex × years):\n\n",
	    "%d 年全周期成本（价格 + 年运营成本 × 年数）：\n\n"), d->years);
	mdf(T("| | Price | Opex a year | Lifetime |\n",
	    "| | 价格 | 年运营成本 | 全周期成本 |\n"));
	mdf("|---|---:|---:|---:|\n");
	mdf(T("| Ours | %s | %s | %s |\n", "| 我方 | %s | %s | %s |\n"),
	    mon(d, d->optimal), mon(d, d->opex), mon(d, d->life_ours));
	mdf(T("| Theirs | %s | %s | %s |\n", "| 对方 | %s | %s | %s |\n"),
	    mon(d, d->competitor), mon(d, d->competitor_opex),
	    mon(d, d->life_theirs));
	if (d->life_ours <= d->life_theirs)
		mdf(T("\nOver the life of the contract ours costs %s less: lead "
		    "with it.\n\n", "\n全周期我方少花 %s：以此开场。\n\n"),
		    mon(d, d->life_theirs - d->life_ours));
	else
		mdf(T("\nOver the life of the contract theirs costs %s less: do "
		    "not lead with the lifetime cost.\n\n",
		    "\n全周期对方少花 %s：不要以全周期成本开场。\n\n"),
		    mon(d, d->life_ours - d->life_theirs));
}

/* 5. 鹰羊狐驴 and the team */
static void
md_roles(const struct deal *d)
{
	mdf(T("## 5. Counterparts and team (精准分析谈判对象风格)\n\n",
	    "## 五、精准分析谈判对象风格\n\n"));
	mdf(T("| Style | Who | In this deal | What to do | We bring |\n",
	    "| 风格 | 角色 | 本单 | 应对 | 我方人员 |\n"));
	mdf("|---|---|---|---|---|\n");
	for (int i = 0; i < NROLES; i++) {
		const struct role *r = &roles[i];
		mdf("| %s | %s | %s | %s | %s |\n", term(r->animal, r->code),
		    term(r->zh, r->en), d->roles & (1u << i) ? T("**yes**", "**是**")
		    : "—", T(r->tactic_en, r->tactic_zh),
		    term(team[r->team].zh, team[r->team].en));
	}
	mdf(T("\nThe team to bring (组建团队): %s", "\n组建团队：%s"),
	    term(team[0].zh, team[0].en));
	for (int i = 0; i < NROLES; i++)
		if (d->roles & (1u << i))
			mdf("%s%s", T(", ", "、"),
			    term(team[roles[i].team].zh, team[roles[i].team].en));
	mdf(T(".%s\n\n", "。%s\n\n"), d->roles ? "" : T(" Counterparts not "
	    "known: name them in roles (eagle, sheep, fox, donkey).",
	    "谈判对象未知：在 roles 中填写（eagle、sheep、fox、donkey）。"));
}

/* 6. 谈判时机确认二条件 */
static void
md_timing(const struct deal *d)
{
	const char *yn[3];
	const int v[2] = { d->conditions, d->objections };
	const char *bring[2] = { T("a proposal (提案)", "提案"),
		T("an improvement (改善)", "改善") };
	const char *cond[2] = { T("客户给条件 the customer gave conditions",
		"客户给条件"), T("客户有歧义 the customer has objections",
		"客户有歧义") };

	yn[0] = T("not known", "未知");
	yn[1] = T("no", "否");
	yn[2] = T("yes", "是");
	mdf(T("## 6. Timing (谈判时机确认二条件)\n\n",
	    "## 六、谈判时机确认二条件\n\n"));
	mdf(T("| Condition | This deal | We bring |\n", "| 条件 | 本单 | 我方带去 |\n"));
	mdf("|---|---|---|\n");
	for (int i = 0; i < 2; i++)
		mdf("| %s | %s | %s |\n", cond[i], yn[v[i] + 1],
		    v[i] == 1 ? bring[i] : "—");
	switch (d->timing) {
	case TM_READY:
		mdf(T("\nThe time is right (`ready`): go with what the table says "
		    "to bring.\n\n", "\n时机成熟（`ready`）：按上表准备好再谈。\n\n"));
		break;
	case TM_NOT_YET:
		mdf(T("\nNot yet (`not-yet`): no conditions and no objections. "
		    "Keep finding out what they need before talking price.\n\n",
		    "\n时机未到（`not-yet`）：客户既未给条件也无歧义。先了解需求，"
		    "再谈价格。\n\n"));
		break;
	default:
		mdf(T("\nNot known (`unknown`): find out whether they gave "
		    "conditions or have objections.\n\n",
		    "\n未知（`unknown`）：先确认客户是否给了条件、是否有歧义。\n\n"));
	}
}

/* 7. 谈判策划五要素 */
static void
md_elements(const struct deal *d)
{
	mdf(T("## 7. Five planning elements (谈判策划五要素)\n\n",
	    "## 七、谈判策划五要素\n\n"));
	mdf(T("| Element | Status | Missing |\n", "| 要素 | 状态 | 缺少 |\n"));
	mdf("|---|---|---|\n");
	for (size_t i = 0; i < NELEM(elements); i++) {
		unsigned m = elements[i].needs & d->missing;
		int first = 1;
		mdf("| %s | %s | ", term(elements[i].zh, elements[i].en),
		    m ? T("to do", "待补") : T("ready", "就绪"));
		for (int k = 0; k < NMISSING; k++)
			if (m & (1u << k)) {
				mdf("%s`%s`", first ? "" : ", ", missing_code[k]);
				first = 0;
			}
		mdf("%s |\n", first ? "—" : "");
	}
	mdf("\n");
}

/* 8. the four principles, as the checklist */
static void
md_principles(const struct deal *d)
{
	mdf(T("## 8. Four principles (谈判原则): the checklist\n\n",
	    "## 八、谈判原则：检查清单\n\n"));
	mdf(T("- [ ] 把人与问题分开 — separate the people from the problem: "
	    "discuss the scope and the price, not the persons; meet each style "
	    "as section 5 says.\n",
	    "- [ ] 把人与问题分开：讨论范围与价格，不针对个人；按第五节应对各类"
	    "风格。\n"));
	if (d->reason != R_NONE)
		mdf(T("- [ ] 着眼利益而非立场 — focus on interests, not positions: "
		    "behind the demand: %s; answer that.\n",
		    "- [ ] 着眼利益而非立场：降价要求背后是“%s”，针对它回应。\n"),
		    T(reasons[d->reason].r.en, reasons[d->reason].r.zh));
	else
		mdf(T("- [ ] 着眼利益而非立场 — focus on interests, not positions: "
		    "find the reason behind the demand first.\n",
		    "- [ ] 着眼利益而非立场：先找出降价要求背后的原因。\n"));
	mdf(T("- [ ] 提出多处解决方案 — offer several options: the three price "
	    "systems and the ladder.\n",
	    "- [ ] 提出多处解决方案：三套价格体系与让步阶梯。\n"));
	mdf(T("- [ ] 坚持客观标准 — insist on objective criteria: the list "
	    "price, the floor from cost%s%s.\n\n",
	    "- [ ] 坚持客观标准：标价、由成本算出的底线%s%s。\n\n"),
	    d->has_life ? T(", the lifetime cost", "、全周期成本") : "",
	    opt.rival ? T(", the weighted comparison", "、加权对比清单") : "");
}

/* 9. the four ways to settle a disagreement, in order */
static void
md_settle(const struct deal *d)
{
	int top = d->vrank[0];

	mdf(T("## 9. Settling a disagreement (合理解决客户分歧), in order of "
	    "preference\n\n", "## 九、合理解决客户分歧（按优先顺序）\n\n"));
	mdf(T("1. 利益交换 — exchange of interests: the ladder of section 2, a "
	    "get for every give.\n", "1. 利益交换：按第二节的让步阶梯，"
	    "有所让必有所得。\n"));
	mdf(T("2. 价值附加 — added value: %s (%s).\n", "2. 价值附加：%s（%s）。\n"),
	    values[top].zh, T(values[top].en, values[top].code));
	if (d->has_budget && d->budget >= d->optimal)
		mdf(T("3. 双方折中 — meet halfway: not needed, the budget covers the "
		    "optimal price.\n", "3. 双方折中：无需折中，预算已覆盖最优型。\n"));
	else if (d->has_budget && d->budget >= d->basic) {
		int64_t mid;
		div128_round((i128)d->optimal + d->budget, 2, &mid);
		mdf(T("3. 双方折中 — meet halfway between our optimal %s and their "
		    "budget %s: %s.\n", "3. 双方折中：在最优型 %s 与预算 %s 之间折中："
		    "%s。\n"), mon(d, d->optimal), mon(d, d->budget), mon(d, mid));
	} else
		mdf(T("3. 双方折中 — meet halfway between the last two offers, never "
		    "below the floor %s.\n", "3. 双方折中：在双方最近两次报价之间折中，"
		    "不低于底线 %s。\n"), mon(d, d->basic));
	mdf(T("4. 单方妥协 — one-sided concession: the last resort, once, said "
	    "to be an exception, never below the floor %s.\n\n",
	    "4. 单方妥协：最后手段，仅此一次并说明是特例，不低于底线 %s。\n\n"),
	    mon(d, d->basic));
}

/* 10. 信心 and 信任, weakest first */
static void
md_readiness(const struct deal *d)
{
	int order[NRATINGS] = { 0 }, n = 0;

	mdf(T("## 10. Customer readiness (信心 · 信任)\n\n",
	    "## 十、客户成交根因：信心与信任\n\n"));
	for (int r = 1; r <= 6; r++)	/* weakest first, not rated last */
		for (int i = 0; i < NRATINGS; i++)
			if ((d->rating[i] ? d->rating[i] : 6) == r)
				order[n++] = i;
	mdf(T("| Root | Rating (1–5) | What to do |\n",
	    "| 根因 | 评分（1–5） | 应对 |\n"));
	mdf("|---|---:|---|\n");
	for (int k = 0; k < n; k++) {
		const struct rating *r = &ratings[order[k]];
		char v[8] = "—";
		if (d->rating[order[k]])
			snprintf(v, sizeof(v), "%d", d->rating[order[k]]);
		mdf("| %s%s | %s | %s |\n", order[k] < 3 ? T("信心 confidence: ",
		    "信心：") : T("信任 trust: ", "信任："), term(r->zh, r->en), v,
		    T(r->do_en, r->do_zh));
	}
	if (d->weakest < 0) {
		mdf(T("\nNo ratings given: rate reputation, service, profit, "
		    "product, company and people from 1 to 5.\n\n",
		    "\n未评分：请为 reputation、service、profit、product、company、"
		    "people 打 1–5 分。\n\n"));
		return;
	}
	mdf("\n");
	if (d->confidence >= 0)
		mdf(T("Confidence (信心) %lld.%lld / 5. ", "信心 %lld.%lld / 5。"),
		    (long long)d->confidence / 10, (long long)d->confidence % 10);
	if (d->trust >= 0)
		mdf(T("Trust (信任) %lld.%lld / 5. ", "信任 %lld.%lld / 5。"),
		    (long long)d->trust / 10, (long long)d->trust % 10);
	mdf(T("Weakest: **%s** — %s\n\n", "最弱项：**%s**——%s\n\n"),
	    ratings[d->weakest].zh, T(ratings[d->weakest].do_en,
	    ratings[d->weakest].do_zh));
}

/* 11. 公司诉求 and 个体诉求, as prompts (lawful only, SPEC 5.3) */
static void
md_needs(void)
{
	mdf(T("## 11. What the customer needs (明晰大客户成交诉求): prompts\n\n",
	    "## 十一、明晰大客户成交诉求：提示\n\n"));
	mdf(T("- 公司诉求——同频同行 (the company: in step with us)\n"
	    "  - 理念一致 (shared values: customer first, social value): how does "
	    "this deal serve their customers?\n"
	    "  - 降本增效 (lower cost, higher efficiency: growth, efficiency, "
	    "cost, capability): which of these does it move, and by how much?\n"
	    "- 个体诉求——安全安逸 (the person: safe and at ease), within the law "
	    "and both companies' rules\n"
	    "  - 物质满足 (practical needs): a result they can report (帮升职), "
	    "gains for their unit (助收益), a problem taken off their hands "
	    "(解困扰), sincerity in the terms (够诚意): the best outcome at a "
	    "risk they control.\n"
	    "  - 精神愉悦 (peace of mind): thoughtful, new, visibly worked for, "
	    "warm (有心意、具新意、显辛意、达馨意), with nothing owed.\n\n",
	    "- 公司诉求——同频同行\n"
	    "  - 理念一致（以客户为中心、创造社会价值）：本单如何服务其客户？\n"
	    "  - 降本增效（抓增长、提效率、降成本、赋能力）：本单推动哪一项，"
	    "幅度多大？\n"
	    "- 个体诉求——安全安逸（合法合规，符合双方公司制度）\n"
	    "  - 物质满足：帮升职（可汇报的成果）、助收益（为其部门创造收益）、"
	    "解困扰（替其解决工作难题）、够诚意（条款有诚意）——可控风险情况下的"
	    "最佳收益。\n"
	    "  - 精神愉悦：有心意、具新意、显辛意、达馨意——不欠人情基础上的"
	    "心安理得。\n\n"));
}

/* Print the attributes (of weight above zero) where we lead (WHICH 1),
 * they lead (-1), or they have nothing and we have (2); "nothing" if none. */
static void
md_attrs(int which)
{
	int n = 0;

	for (size_t i = 0; i < rival.n; i++) {
		const struct attr *a = &rival.a[i];
		int lead = a->ours > a->theirs ? 1 : a->ours < a->theirs ? -1 : 0;
		if (a->weight == 0 || (which == 2 ? !(a->theirs == 0 &&
		    a->ours > 0) : lead != which))
			continue;
		mdf("%s%s", n++ ? T(", ", "、") : "", escs(a->name));
	}
	if (n == 0)
		mdf("%s", T("nothing", "无"));
}

/* Why the rung holds, in figures. */
static void
md_rung_why(const struct deal *d)
{
	switch (d->rung) {
	case RG_UNIQUE:
		mdf(T("Only we have: ", "只有我方具备："));
		md_attrs(2);
		break;
	case RG_BETTER:
		mdf(T("Our weighted score is the higher.",
		    "我方加权得分更高。"));
		return;
	case RG_CHEAPER:
		mdf(T("Our optimal price %s is below theirs, %s.",
		    "我方最优型 %s 低于对方报价 %s。"), mon(d, d->optimal),
		    mon(d, d->competitor));
		return;
	case RG_COMPLETE:
		mdf(T("We lead on %d attributes, they on %d: ",
		    "我方领先 %d 项，对方领先 %d 项："), rival.lead, rival.lag);
		md_attrs(1);
		break;
	case RG_GOOD:
		mdf(T("Where we lead: ", "我方领先之处："));
		md_attrs(1);
		break;
	default:
		mdf(T("They are as good or better everywhere: sell on hard "
		    "strength, the company, its guarantees, the contract "
		    "(公司—硬实力).", "对方处处不弱：以硬实力取胜——"
		    "公司实力、保障、合同条款（公司—硬实力）。"));
		return;
	}
	mdf(T(".", "。"));
}

static void md_looks(const struct deal *d);

/* 12. the ladder 人无我有 … 人好我硬, then 三看法 and the four methods */
static void
md_rival(const struct deal *d)
{
	mdf(T("## 12. Where to sell against the competitor (预判竞争对手差异挑战)"
	    "\n\n", "## 十二、预判竞争对手差异挑战\n\n"));
	mdf(T("The ladder: ", "思路："));
	for (int i = 0; i < NRUNGS; i++)
		mdf(i == d->rung ? "%s**%s**" : "%s%s", i ? " → " : "", rungs[i].zh);
	mdf("\n\n");
	if (!opt.rival) {
		mdf(T("No comparison given: with --rival FILE (attribute, weight, "
		    "ours, theirs: the 优劣式对比清单) the rung to sell on is "
		    "judged.\n\n", "未提供对比清单：用 --rival FILE（attribute、"
		    "weight、ours、theirs：优劣式对比清单）判断卖点所在的阶梯。\n\n"));
	} else {
		mdf(T("| Attribute | Weight | Ours | Theirs | Lead |\n",
		    "| 维度 | 权重 | 我方 | 对方 | 领先 |\n"));
		mdf("|---|---:|---:|---:|---|\n");
		for (size_t i = 0; i < rival.n; i++) {
			const struct attr *a = &rival.a[i];
			mdf("| %s | %s | %s | %s | %s |\n", escs(a->name),
			    escs(a->weight_s), escs(a->ours_s), escs(a->theirs_s),
			    a->weight == 0 ? T("not weighed", "不计") :
			    a->ours > a->theirs ? T("ours", "我方") :
			    a->ours < a->theirs ? T("theirs", "对方") : "—");
		}
		mdf(T("\nWeighted: ours %lld.%02lld, theirs %lld.%02lld. Sell on "
		    "**%s** (%s). ", "\n加权得分：我方 %lld.%02lld，对方 "
		    "%lld.%02lld。卖点：**%s**（%s）。"),
		    (long long)rival.score_ours / 100,
		    (long long)rival.score_ours % 100,
		    (long long)rival.score_theirs / 100,
		    (long long)rival.score_theirs % 100, rungs[d->rung].zh,
		    T(rungs[d->rung].en, rungs[d->rung].code));
		md_rung_why(d);
		mdf("\n\n");
	}
	md_looks(d);
}

/* 三看法 and the four methods */
static void
md_looks(const struct deal *d)
{
	mdf(T("三看法 (three looks):\n\n", "三看法：\n\n"));
	if (opt.rival) {
		int order[RIVAL_MAX] = { 0 };
		for (size_t i = 0; i < rival.n; i++) {	/* by weight, stable */
			size_t j = i;
			while (j > 0 && rival.a[order[j - 1]].weight <
			    rival.a[i].weight) {
				order[j] = order[j - 1];
				j--;
			}
			order[j] = (int)i;
		}
		mdf(T("1. 看客户关注点排序 — the customer's priorities: ",
		    "1. 看客户关注点排序："));
		for (size_t i = 0; i < rival.n; i++)
			mdf("%s%s", i ? " > " : "", escs(rival.a[order[i]].name));
		mdf(T(".\n2. 看自身目标和优劣势 — our goal and strengths: optimal "
		    "%s; we lead on ", "。\n2. 看自身目标和优劣势：目标最优型 %s；"
		    "我方领先："), mon(d, d->optimal));
		md_attrs(1);
		mdf(T(".\n3. 看对手底层逻辑 — the competitor's logic: they lead on ",
		    "。\n3. 看对手底层逻辑：对方领先："));
		md_attrs(-1);
	} else
		mdf(T("1. 看客户关注点排序 — the customer's priorities: rank what "
		    "they weigh.\n2. 看自身目标和优劣势 — our goal (optimal %s), our "
		    "strengths and weaknesses.\n3. 看对手底层逻辑 — the competitor's "
		    "logic: what they sell on", "1. 看客户关注点排序：客户看重什么，"
		    "依次排列。\n2. 看自身目标和优劣势：目标最优型 %s，我方优势与劣势。"
		    "\n3. 看对手底层逻辑：对方靠什么卖"), mon(d, d->optimal));
	if (d->has_competitor)
		mdf(T("; their price %s", "；对方报价 %s"), mon(d, d->competitor));
	mdf(T(".\n\nThe four methods (方法):\n\n", "。\n\n方法：\n\n"));
	mdf(T("- 主动高频 — proactive and frequent: raise the comparison first, "
	    "at every meeting.\n"
	    "- 数据量化 — in figures: %s.\n"
	    "- 感性类比 — by analogy: make it tangible with an example from "
	    "their own work.\n"
	    "- 共同分析 — together: fill in the comparison with the customer, "
	    "with their weights.\n\n",
	    "- 主动高频：主动、反复地提出对比。\n"
	    "- 数据量化：%s。\n"
	    "- 感性类比：用客户自己工作中的例子打比方。\n"
	    "- 共同分析：与客户一起、按客户的权重填写对比清单。\n\n"),
	    opt.rival ? (d->has_life ? T("the weighted scores and the lifetime "
	    "cost", "加权得分与全周期成本") : T("the weighted scores", "加权得分")) :
	    d->has_life ? T("the lifetime cost", "全周期成本") :
	    T("scores, costs, savings", "得分、成本、节省"));
}

/* 13. 三度一感 */
static void
md_selfcheck(void)
{
	mdf(T("## 13. Self-check (三度一感)\n\n", "## 十三、自检：三度一感\n\n"));
	mdf(T("- [ ] 有温度 — warmth: we understand the company's pain points "
	    "and respect the people's needs.\n"
	    "- [ ] 有速度 — speed: quick to respond, to propose, to solve.\n"
	    "- [ ] 有力度 — weight: a good price, high quality, short delivery, "
	    "enough sincerity.\n"
	    "- [ ] 有好感 — goodwill: satisfaction raised on every side.\n",
	    "- [ ] 有温度：理解企业痛点，尊重个体需求。\n"
	    "- [ ] 有速度：响应快、方案快、解决快。\n"
	    "- [ ] 有力度：价格好、品质高、交期短、诚意够。\n"
	    "- [ ] 有好感：多维度提升满意度。\n"));
}

static void
write_md(const struct deal *d, int first)
{
	if (!first)
		mdf("\n---\n\n");
	md_head(d);
	md_prices(d);
	md_ladder(d);
	md_reason(d);
	md_values(d);
	md_roles(d);
	md_timing(d);
	md_elements(d);
	md_principles(d);
	md_settle(d);
	md_readiness(d);
	md_needs();
	md_rival(d);
	md_selfcheck();
	for (size_t i = 0; i < npool; i++)
		free(pool[i]);
	npool = 0;
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
	struct deal d;
	const char *why;

	if (read_deal(x, &d) != 0)
		return;
	if ((why = plan(&d)) != NULL) {
		rec_reject(rd, x, "%s", why);
		return;
	}
	if (fmt == FMT_MD) {
		static unsigned long plans;
		write_md(&d, plans++ == 0);
	} else
		write_record(w, x, &d);
	rec_written(rd, x);
}

static const struct tool tool = {
	"deal-plan",
	"deal-plan [-hVv] [-F delim] [-i fmt] [-o fmt] [--currency cur]\n"
	"                 [--lang zh|en] [--rival file] [--reject file] "
	"[--strict]\n"
	"                 [--max-record bytes] [file ...]",
	"A negotiation plan per deal: the three price systems, the concession\n"
	"ladder, the strategy for the reason behind a price demand, the value\n"
	"strategies against a cheaper competitor, tactics per counterpart, the\n"
	"timing check and the planning elements; as records, or with -o md as\n"
	"a plan to read.",
	"      --rival FILE       the comparison with the competitor: columns\n"
	"                         attribute, weight, ours, theirs\n",
	OG_LANG,
	OUT_RECORDS
};

static void
columns(void)
{
	col.customer = rec_col(rd, "customer");
	col.deal = rec_col(rd, "deal");
	col.list = rec_col(rd, "list_price");
	col.cost = rec_col(rd, "cost");
	col.currency = rec_col(rd, "currency");
	col.competitor = rec_col(rd, "competitor_price");
	col.budget = rec_col(rd, "budget");
	col.min_margin = rec_col(rd, "min_margin");
	col.target_margin = rec_col(rd, "target_margin");
	col.reason = rec_col(rd, "reason");
	col.roles = rec_col(rd, "roles");
	col.years = rec_col(rd, "years");
	col.opex = rec_col(rd, "opex");
	col.competitor_opex = rec_col(rd, "competitor_opex");
	col.conditions = rec_col(rd, "conditions");
	col.objections = rec_col(rd, "objections");
	for (int i = 0; i < NRATINGS; i++)
		col.rating[i] = rec_col(rd, ratings[i].field);
	rec_require(rd, col.customer);
	rec_require(rd, col.deal);
	rec_require(rd, col.list);
	rec_require(rd, col.cost);
}

int
main(int argc, char **argv)
{
	static const struct option own[] = {
		{ "rival", required_argument, NULL, OPT_RIVAL },
		{ NULL, 0, NULL, 0 }
	};
	struct writer *w = NULL;
	struct rec *x;
	enum rec_fmt fmt;
	int ch, st;

	opts_init(&opt.c, &tool, argc, argv);
	while ((ch = opts_next(&opt.c, argc, argv, own, "")) != -1) {
		if (ch != OPT_RIVAL)
			usage();
		opt.rival = optarg;
	}
	argc -= optind;
	argv += optind;
	opts_finish(&opt.c, NULL);
	lang = opt.c.lang;
	if (opt.rival)
		read_rival(opt.rival);

	rd = rec_open(argv, argc, &opt.c.in);
	columns();
	if (rec_empty(rd))
		return fshut(rec_close(rd, opt.c.verbose));
	fmt = opts_outfmt(&opt.c, rd);
	if (fmt == FMT_MD) {
		ob_init(&md, 1, out_name);
		rec_on_stop = md_flush_on_stop;
	} else
		w = w_open(fmt, lang, rd, ocols, opt.rival ? NOUT_RIVAL : NOUT);
	while ((x = rec_next(rd)) != NULL)
		process(x, fmt, w);
	if (fmt == FMT_MD) {
		ob_flush(&md);
		free(md.b);
		free(mdbuf);
		free(pool);
	} else
		w_close(w, 0);
	st = rec_close(rd, opt.c.verbose);
	for (size_t i = 0; i < rival.n; i++) {
		free(rival.a[i].name);
		free(rival.a[i].weight_s);
		free(rival.a[i].ours_s);
		free(rival.a[i].theirs_s);
	}
	free(rival.a);
	return fshut(st);
}
