/* style.c - the ten talk-tracks and the table that scores them (SPEC 5.3).
 * The table is data: each row adds points to one style when its condition
 * holds, or forbids it. The course's rules, in rows:
 *   有心无力 favours 共情式 and 代价式, and rules out 严肃式 before 120 days;
 *   客强我弱 favours 求助式 and 求教式 (吃软不吃硬);
 *   客强我强 favours the rule-based 同理式 and 例证式;
 *   节点式 rises near a month's and more near a quarter's end;
 *   严肃式 needs long overdue and a weak grade;
 *   each excuse (十不, 理由很XIN) has the tracks that answer it. */
#include <stdio.h>
#include <string.h>

#include "norm.h"
#include "style.h"

const struct style_def styles[NSTYLES] = {
	{ "fair-deal", "同理式", "fair deal",
	  "基于尊重原则和规矩，提倡诚信履约，强调我方工作精准到位及书面式服务满意度报告",
	  "respect for the rules: keep faith with the contract; show that our work "
	  "was exact, with the written satisfaction report" },
	{ "empathy", "共情式", "empathy",
	  "基于感性认同，获取客户情感认同，强调理解和共情的同时，请其帮忙和关照",
	  "feeling: win their sympathy, show that we understand, and ask for their "
	  "help and care" },
	{ "win-win", "共赢式", "win-win",
	  "基于双赢与多赢的考量，强调共同为客户产品品质和销售的大目标努力",
	  "both gain: we work together for the quality and the sales of the "
	  "customer's products" },
	{ "ask-help", "求助式", "asking for help",
	  "基于“吃软不吃硬”的普遍心性规律，提出求援和关照，以真诚的认可表达感谢",
	  "people yield to a request, not to pressure: ask for help and care, and "
	  "thank them with sincere recognition" },
	{ "deadline", "节点式", "deadline",
	  "基于普遍认知的时间或事件节点，强调自身考核指标与影响，获取支持",
	  "a date everyone knows (month, quarter, year end): our targets depend "
	  "on it; ask for support" },
	{ "ask-advice", "求教式", "asking for advice",
	  "基于非直接压力和好为人师的心理，请教其给予指点和助力",
	  "no direct pressure: people like to advise, so ask what it takes to get "
	  "the payment approved" },
	{ "concession", "代价式", "concession",
	  "基于“以小利换大益”的思路，主动做出一定让步，以达成目的",
	  "a small gain for a large one: offer a concession to get the payment" },
	{ "precedent", "例证式", "precedent",
	  "基于已有事实和同类型案例，强调一视同仁原则",
	  "facts and like cases: every customer is treated alike, and the others "
	  "have paid" },
	{ "vision", "愿景式", "vision",
	  "基于职业经理人职业生涯成长与未来变化的考虑，引导其“利他”精神",
	  "their career and future: appeal to their generosity, a relationship "
	  "beyond this job" },
	{ "firm", "严肃式", "firm",
	  "基于事件的不良性和严重性，在做好放弃后续合作的准备后，提出严肃交涉",
	  "the matter is serious: ready to give up the business, negotiate "
	  "formally, with the contract and the law" },
};

const struct name_def excuses[NEXCUSES] = {
	{ "", "", "" },
	{ "quality", "质量不好", "the quality was poor" },
	{ "service", "服务不周", "the service fell short" },
	{ "price", "价格不优", "the price is too high" },
	{ "boss", "领导不满", "the boss is unhappy" },
	{ "finance-away", "财务不在", "finance is away" },
	{ "process", "流程不通", "the approval process is stuck" },
	{ "no-rush", "劝你不急", "there is no rush" },
	{ "accuse-distrust", "怪你不信", "you do not trust us" },
	{ "threat", "吓你不做", "we will stop buying" },
	{ "blame", "责你不会", "you did it wrong" },
	{ "climate", "新形势", "the times are hard" },
	{ "change", "新变化", "things have changed here" },
	{ "agenda", "心诉求", "a personal agenda" },
};

const struct name_def powers[NPOWERS] = {
	{ "", "", "" },
	{ "strong-weak", "客强我弱", "they are strong, we are weak" },
	{ "peer", "客强我强", "both strong" },
	{ "unable", "有心无力", "willing but unable" },
};

static int
lookup(const struct name_def *t, int n, const char *s, size_t len)
{
	char k[128];

	norm_trim(&s, &len);
	if (len == 0)
		return 0;
	norm_header(s, len, k, sizeof(k));
	for (int i = 1; i < n; i++)
		if (strcmp(k, t[i].code) == 0 || strcmp(k, t[i].zh) == 0)
			return i;
	return -1;
}

int
excuse_parse(const char *s, size_t n)
{
	/* 理由很XIN: their longer names too */
	static const struct { const char *name; int ex; } more[] = {
		{ "finance_away", EX_FINANCE_AWAY }, { "accuse_distrust",
		  EX_ACCUSE_DISTRUST }, { "no_rush", EX_NO_RUSH },
		{ "新形势", EX_CLIMATE }, { "新变化", EX_CHANGE }, { "心诉求", EX_AGENDA },
	};
	int e = lookup(excuses, NEXCUSES, s, n);
	char k[128];

	if (e >= 0)
		return e;
	norm_trim(&s, &n);
	norm_header(s, n, k, sizeof(k));
	for (size_t i = 0; i < sizeof(more) / sizeof(more[0]); i++)
		if (strcmp(k, more[i].name) == 0)
			return more[i].ex;
	return -1;
}

int
power_parse(const char *s, size_t n)
{
	return lookup(powers, NPOWERS, s, n);
}

int
style_parse(const char *s, size_t n)
{
	char k[128];

	norm_trim(&s, &n);
	norm_header(s, n, k, sizeof(k));
	for (int i = 0; i < NSTYLES; i++)
		if (strcmp(k, styles[i].code) == 0 || strcmp(k, styles[i].zh) == 0)
			return i;
	return -1;
}

/* ---- the scoring table ---- */

enum cond {
	ALWAYS, EXCUSE, POWER, DAYS_LT, DAYS_GE, GRADE, PERIOD_END, QUARTER_END,
	NOT_YET_DUE, DISPUTED
};
#define FORBID (-1000)

struct row {
	enum cond cond;
	int arg;		/* the excuse, power, days, or grade letters */
	const char *grades;
	enum style style;
	int delta;		/* FORBID: the style is out */
	const char *why;
};

static const struct row table[] = {
	/* every style starts somewhere */
	{ ALWAYS, 0, NULL, ST_WIN_WIN, 15, "base" },
	{ ALWAYS, 0, NULL, ST_FAIR_DEAL, 12, "base" },
	{ ALWAYS, 0, NULL, ST_ASK_HELP, 10, "base" },
	{ ALWAYS, 0, NULL, ST_PRECEDENT, 8, "base" },
	{ ALWAYS, 0, NULL, ST_EMPATHY, 6, "base" },
	{ ALWAYS, 0, NULL, ST_ASK_ADVICE, 6, "base" },
	{ ALWAYS, 0, NULL, ST_DEADLINE, 5, "base" },
	{ ALWAYS, 0, NULL, ST_VISION, 5, "base" },
	{ ALWAYS, 0, NULL, ST_CONCESSION, 3, "base" },
	{ ALWAYS, 0, NULL, ST_FIRM, 0, "base" },
	/* 十不: the answers to each excuse */
	{ EXCUSE, EX_QUALITY, NULL, ST_FAIR_DEAL, 40, "excuse quality" },
	{ EXCUSE, EX_QUALITY, NULL, ST_PRECEDENT, 10, "excuse quality" },
	{ EXCUSE, EX_SERVICE, NULL, ST_FAIR_DEAL, 40, "excuse service" },
	{ EXCUSE, EX_SERVICE, NULL, ST_CONCESSION, 15, "excuse service" },
	{ EXCUSE, EX_PRICE, NULL, ST_PRECEDENT, 30, "excuse price" },
	{ EXCUSE, EX_PRICE, NULL, ST_WIN_WIN, 20, "excuse price" },
	{ EXCUSE, EX_PRICE, NULL, ST_CONCESSION, 15, "excuse price" },
	{ EXCUSE, EX_BOSS, NULL, ST_ASK_ADVICE, 30, "excuse boss" },
	{ EXCUSE, EX_BOSS, NULL, ST_VISION, 20, "excuse boss" },
	{ EXCUSE, EX_FINANCE_AWAY, NULL, ST_ASK_HELP, 35, "excuse finance-away" },
	{ EXCUSE, EX_FINANCE_AWAY, NULL, ST_DEADLINE, 15, "excuse finance-away" },
	{ EXCUSE, EX_PROCESS, NULL, ST_ASK_ADVICE, 35, "excuse process" },
	{ EXCUSE, EX_PROCESS, NULL, ST_ASK_HELP, 20, "excuse process" },
	{ EXCUSE, EX_NO_RUSH, NULL, ST_DEADLINE, 35, "excuse no-rush" },
	{ EXCUSE, EX_NO_RUSH, NULL, ST_PRECEDENT, 20, "excuse no-rush" },
	{ EXCUSE, EX_ACCUSE_DISTRUST, NULL, ST_FAIR_DEAL, 30, "excuse accuse-distrust" },
	{ EXCUSE, EX_ACCUSE_DISTRUST, NULL, ST_PRECEDENT, 25, "excuse accuse-distrust" },
	{ EXCUSE, EX_THREAT, NULL, ST_WIN_WIN, 30, "excuse threat" },
	{ EXCUSE, EX_THREAT, NULL, ST_VISION, 20, "excuse threat" },
	{ EXCUSE, EX_THREAT, NULL, ST_FIRM, 10, "excuse threat" },
	{ EXCUSE, EX_BLAME, NULL, ST_FAIR_DEAL, 35, "excuse blame" },
	{ EXCUSE, EX_BLAME, NULL, ST_ASK_ADVICE, 15, "excuse blame" },
	/* 理由很XIN */
	{ EXCUSE, EX_CLIMATE, NULL, ST_EMPATHY, 30, "excuse climate" },
	{ EXCUSE, EX_CLIMATE, NULL, ST_WIN_WIN, 15, "excuse climate" },
	{ EXCUSE, EX_CHANGE, NULL, ST_VISION, 30, "excuse change" },
	{ EXCUSE, EX_CHANGE, NULL, ST_ASK_ADVICE, 20, "excuse change" },
	{ EXCUSE, EX_AGENDA, NULL, ST_VISION, 30, "excuse agenda" },
	{ EXCUSE, EX_AGENDA, NULL, ST_DEADLINE, 15, "excuse agenda" },
	/* 客强我弱, 客强我强, 有心无力 */
	{ POWER, PW_STRONG_WEAK, NULL, ST_ASK_HELP, 30, "power strong-weak" },
	{ POWER, PW_STRONG_WEAK, NULL, ST_ASK_ADVICE, 25, "power strong-weak" },
	{ POWER, PW_PEER, NULL, ST_FAIR_DEAL, 20, "power peer" },
	{ POWER, PW_PEER, NULL, ST_PRECEDENT, 20, "power peer" },
	{ POWER, PW_PEER, NULL, ST_WIN_WIN, 10, "power peer" },
	{ POWER, PW_UNABLE, NULL, ST_EMPATHY, 40, "power unable" },
	{ POWER, PW_UNABLE, NULL, ST_CONCESSION, 35, "power unable" },
	/* how late */
	{ NOT_YET_DUE, 0, NULL, ST_WIN_WIN, 15, "not yet due" },
	{ DAYS_GE, 31, NULL, ST_DEADLINE, 10, "31+ days" },
	{ DAYS_GE, 31, NULL, ST_PRECEDENT, 10, "31+ days" },
	{ DAYS_GE, 61, NULL, ST_ASK_ADVICE, 10, "61+ days" },
	{ DAYS_GE, 61, NULL, ST_CONCESSION, 10, "61+ days" },
	{ DAYS_GE, 91, NULL, ST_FIRM, 30, "91+ days" },
	{ DAYS_GE, 121, NULL, ST_FIRM, 20, "121+ days" },
	{ DAYS_GE, 91, NULL, ST_WIN_WIN, -15, "91+ days" },
	/* the grade */
	{ GRADE, 0, "AB", ST_WIN_WIN, 10, "grade A-B" },
	{ GRADE, 0, "AB", ST_VISION, 10, "grade A-B" },
	{ GRADE, 0, "DE", ST_PRECEDENT, 10, "grade D-E" },
	{ GRADE, 0, "DE", ST_FIRM, 20, "grade D-E" },
	/* the calendar: 月度/季度 ends */
	{ PERIOD_END, 7, NULL, ST_DEADLINE, 20, "month end near" },
	{ QUARTER_END, 7, NULL, ST_DEADLINE, 15, "quarter end near" },
	/* a dispute is settled with the proof of performance, not pressed */
	{ DISPUTED, 0, NULL, ST_FAIR_DEAL, 50, "disputed" },
	{ DISPUTED, 0, NULL, ST_FIRM, FORBID, "firm: not on a disputed item" },
	{ DISPUTED, 0, NULL, ST_DEADLINE, FORBID, "deadline: not on a dispute" },
	/* what the course rules out */
	{ DAYS_LT, 91, NULL, ST_FIRM, FORBID, "firm: not before 91 days" },
	{ GRADE, 0, "AB", ST_FIRM, FORBID, "firm: not with grade A-B" },
	{ POWER, PW_UNABLE, NULL, ST_FIRM, FORBID, "firm: unable, before 120 days" },
};

static int
holds(const struct row *r, const struct situation *s)
{
	switch (r->cond) {
	case ALWAYS:
		return 1;
	case EXCUSE:
		return s->excuse == r->arg;
	case POWER:
		/* the unable rule forbids firm only before 120 days */
		if (r->delta == FORBID && s->days_overdue >= 120)
			return 0;
		return s->power == r->arg;
	case DAYS_LT:
		return s->days_overdue < r->arg;
	case DAYS_GE:
		return s->days_overdue >= r->arg;
	case NOT_YET_DUE:
		return s->days_overdue <= 0;
	case DISPUTED:
		return s->disputed;
	case GRADE:
		return s->grade && strchr(r->grades, s->grade) != NULL;
	case PERIOD_END:
		return s->days_to_period_end >= 0 &&
		    s->days_to_period_end <= r->arg;
	case QUARTER_END:
		return s->quarter_end && s->days_to_period_end >= 0 &&
		    s->days_to_period_end <= r->arg;
	}
	return 0;
}

enum style
style_pick(const struct situation *s, struct style_score out[NSTYLES])
{
	int best = -1;

	for (int i = 0; i < NSTYLES; i++) {
		out[i].score = 0;
		out[i].allowed = 1;
		out[i].nwhy = 0;
	}
	for (size_t i = 0; i < sizeof(table) / sizeof(table[0]); i++) {
		const struct row *r = &table[i];
		struct style_score *o = &out[r->style];
		if (!holds(r, s))
			continue;
		if (r->delta == FORBID)
			o->allowed = 0;
		else
			o->score += r->delta;
		if (o->nwhy < STYLE_WHY && r->cond != ALWAYS)
			o->why[o->nwhy++] = r->why;
	}
	for (int i = 0; i < NSTYLES; i++)
		if (out[i].allowed && (best < 0 || out[i].score > out[best].score))
			best = i;
	return (enum style)(best < 0 ? ST_WIN_WIN : best);
}

size_t
style_rank(const struct style_score sc[NSTYLES], enum style *order)
{
	size_t n = 0;

	for (int i = 0; i < NSTYLES; i++)
		if (sc[i].allowed)
			order[n++] = (enum style)i;
	/* insertion sort: stable, ten items */
	for (size_t i = 1; i < n; i++)
		for (size_t j = i; j > 0 && sc[order[j]].score > sc[order[j - 1]].score;
		    j--) {
			enum style t = order[j];
			order[j] = order[j - 1];
			order[j - 1] = t;
		}
	return n;
}

/* The course's preconditions (应收账款策略: 未病先防, 准备充分控制“理由”,
 * 了解关键人物; 有心无力: 没钱不能付、流动资金难周转). */
static const struct {
	int excuse, power;	/* -1: any */
	const char *zh, *en;
} steps[] = {
	{ EX_QUALITY, -1, "带上签字的验收单和客户满意度记录",
	  "bring the signed acceptance and the satisfaction record" },
	{ EX_SERVICE, -1, "带上签字的验收单和客户满意度记录",
	  "bring the signed acceptance and the satisfaction record" },
	{ EX_BLAME, -1, "带上方案、交付、调试、验收各节点的书面依据",
	  "bring the written record of each milestone: proposal, delivery, "
	  "commissioning, acceptance" },
	{ EX_FINANCE_AWAY, -1, "掌握客户付款流程与标准，备好文件与发票，提供多种支付方式",
	  "know their payment process; have the documents and invoices ready; "
	  "offer several ways to pay" },
	{ EX_PROCESS, -1, "掌握客户付款流程与标准，备好文件与发票，提供多种支付方式",
	  "know their payment process; have the documents and invoices ready; "
	  "offer several ways to pay" },
	{ EX_BOSS, -1, "了解关键人物的想法与动向",
	  "find out what the key people think and do" },
	{ EX_CHANGE, -1, "了解关键人物的想法与动向",
	  "find out what the key people think and do" },
	{ EX_PRICE, -1, "带上合同的价格与付款条款",
	  "bring the contract's price and payment terms" },
	{ -1, PW_UNABLE, "提出分期付款方案",
	  "propose an instalment plan" },
};

const char *
next_step(int excuse, int power, int zh, char *buf, size_t cap)
{
	size_t o = 0;

	buf[0] = '\0';
	for (size_t i = 0; i < sizeof(steps) / sizeof(steps[0]); i++) {
		if ((steps[i].excuse >= 0 && steps[i].excuse != excuse) ||
		    (steps[i].power >= 0 && steps[i].power != power))
			continue;
		if (o < cap)
			o += (size_t)snprintf(buf + o, cap - o, "%s%s", o ? (zh ?
			    "；" : "; ") : "", zh ? steps[i].zh : steps[i].en);
	}
	return buf;
}
