/* pick-script - the talk-track for a collection call (话术), SPEC 5.3.
 * Scores the ten styles of the course for each record (src/lib/style.c
 * holds the table), picks a template of the best one from the library and
 * fills it from the record. */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "err.h"
#include "grp.h"
#include "ledger.h"
#include "money.h"
#include "norm.h"
#include "opts.h"
#include "out.h"
#include "rec.h"
#include "style.h"

enum { OPT_LIBRARY = OPT_TOOL, OPT_LIST };

static struct {
	struct common c;
	int top;
	const char *library;
	int list;
} opt;

/* ---- the library ---- */

enum when { W_ANY, W_BEFORE, W_OVERDUE };	/* not yet due / overdue */
static const char *const whens[] = { "", "before", "overdue" };

struct tmpl {
	int style, zh, excuse;	/* excuse EX_NONE: any */
	enum when when;
	const char *text;
	const char *from;	/* FILE:LINE of a library file's line */
};

/* The built-in library: at least two templates per style and language,
 * in the course's words (第二部分 四、3); some answer one excuse. {name}
 * is a field of the record; {{ and }} are braces. */
static const struct tmpl builtin[] = {
	/* 同理式 */
	{ ST_FAIR_DEAL, 1, EX_NONE, W_ANY, "{customer}的各位好：一直以来，我们都严格按"
	  "合同交付，验收单和满意度报告都在这里，100%满足了贵司的要求。所以也请贵司"
	  "按约定，把{due_date}到期的{open} {currency}尽快安排付款。", NULL },
	{ ST_FAIR_DEAL, 1, EX_NONE, W_OVERDUE, "一直以来我们双方都守约守信。这批货的"
	  "方案、交付、调试和验收都有书面记录，贵司也签了字。{open} {currency}已经"
	  "逾期{days_overdue}天，按合同约定，还请尽快安排支付。", NULL },
	{ ST_FAIR_DEAL, 1, EX_QUALITY, W_ANY, "关于您提到的质量问题：验收时双方都签了"
	  "字，检测数据也都在报告里，100%满足了合同要求。如果还有具体问题，我们的"
	  "工程师随时到现场处理；但按合同付款这件事，也请贵司同样守约，安排{open} "
	  "{currency}的付款。", NULL },
	{ ST_FAIR_DEAL, 1, EX_SERVICE, W_ANY, "关于服务：每一次上门和响应都有记录，"
	  "贵司的满意度评价也在这里。哪里还做得不够，请您直说，我们马上改进；同时也"
	  "请贵司按合同把{open} {currency}安排支付。", NULL },
	{ ST_FAIR_DEAL, 0, EX_NONE, W_ANY, "Throughout our work together we have "
	  "delivered exactly what the contract asks, and the signed acceptance and "
	  "the satisfaction report show it. On that basis we ask you to settle the "
	  "{open} {currency} due on {due_date}.", NULL },
	{ ST_FAIR_DEAL, 0, EX_NONE, W_OVERDUE, "We have kept every term of our "
	  "agreement, and each milestone was signed off in writing. The {open} "
	  "{currency} is now {days_overdue} days overdue; under the contract we ask "
	  "that it be paid without further delay.", NULL },
	{ ST_FAIR_DEAL, 0, EX_QUALITY, W_ANY, "About the quality you mentioned: "
	  "both sides signed the acceptance, and the test results are in the "
	  "report; the goods met the contract in full. If something specific is "
	  "wrong, our engineers will come and fix it, but the contract's payment "
	  "terms stand too: please arrange the {open} {currency}.", NULL },
	{ ST_FAIR_DEAL, 0, EX_SERVICE, W_ANY, "About our service: every visit "
	  "and response is on record, with your own satisfaction ratings. Tell us "
	  "plainly where we fell short and we will put it right; and please keep "
	  "your side of the contract by arranging the {open} {currency}.", NULL },
	/* 共情式 */
	{ ST_EMPATHY, 1, EX_NONE, W_ANY, "我知道最近贵司资金也紧，你难，我也难。这笔"
	  "{open} {currency}对我们这样的团队压力很大，能不能请您帮忙先安排一部分，"
	  "剩下的我们一起商量个时间表？", NULL },
	{ ST_EMPATHY, 1, EX_NONE, W_ANY, "理解您那边的难处，换了我也一样着急。可我们"
	  "这边也要给工人发工资、给上游付货款。您看{period_end}之前，能不能先帮我们"
	  "解决一部分？", NULL },
	{ ST_EMPATHY, 0, EX_NONE, W_ANY, "I know cash is tight on your side too: "
	  "it is hard for you, and it is hard for us. The {open} {currency} weighs "
	  "heavily on a team like ours; could you help us with part of it now, and "
	  "we agree a schedule for the rest together?", NULL },
	{ ST_EMPATHY, 0, EX_NONE, W_ANY, "I understand the pressure you are "
	  "under; in your place I would feel the same. We have wages and "
	  "suppliers to pay as well. Could you help us with part of it before "
	  "{period_end}?", NULL },
	/* 共赢式 */
	{ ST_WIN_WIN, 1, EX_NONE, W_ANY, "我们的目标是一致的：贵司的产品卖得好，我们"
	  "才能把服务做得更好。按时结清{open} {currency}，我们就能继续优先保障贵司的"
	  "交期和备件。我好，你也好。", NULL },
	{ ST_WIN_WIN, 1, EX_NONE, W_BEFORE, "{due_date}这笔{open} {currency}按时到位，"
	  "我们下一阶段的排产和技术支持就能全力跟上贵司的计划。咱们一起把这个项目"
	  "做成标杆。", NULL },
	{ ST_WIN_WIN, 1, EX_THREAT, W_ANY, "换供应商对贵司也是成本：重新验证、重新磨合，"
	  "交期和品质都有风险。我们更愿意一起把事情做好：结清这笔{open} {currency}，"
	  "后面的价格和服务我们都可以坐下来谈。我好，你也好。", NULL },
	{ ST_WIN_WIN, 0, EX_NONE, W_ANY, "We want the same thing: when your "
	  "products sell well, we can serve you better. Settling the {open} "
	  "{currency} on time keeps your deliveries and spare parts first in line. "
	  "What is good for us is good for you.", NULL },
	{ ST_WIN_WIN, 0, EX_NONE, W_BEFORE, "With the {open} {currency} in by "
	  "{due_date}, our production planning and technical support can keep "
	  "full pace with your plans. Let us make this project one we are both "
	  "proud of.", NULL },
	{ ST_WIN_WIN, 0, EX_THREAT, W_ANY, "Changing suppliers costs you too: "
	  "new trials, a new learning curve, risks to delivery and quality. We "
	  "would rather get this right together: settle the {open} {currency}, "
	  "and we will sit down about price and service for what comes next.",
	  NULL },
	/* 求助式 */
	{ ST_ASK_HELP, 1, EX_NONE, W_ANY, "这次真的要拜托您了：{open} {currency}这笔款，"
	  "能不能请您帮我加急处理一下？您的帮忙我一定记在心里，也会向贵司领导说明"
	  "您的支持。", NULL },
	{ ST_ASK_HELP, 1, EX_NONE, W_ANY, "我这边实在是遇到难处了，{period_end}前这笔"
	  "{open} {currency}如果还收不回来，我很难交代。拜托您帮我问一下进度，看能不能"
	  "尽快安排。", NULL },
	{ ST_ASK_HELP, 1, EX_FINANCE_AWAY, W_ANY, "知道财务同事这几天不在，拜托您帮我"
	  "留意一下：发票和对账单我已经备好，可以先发给您；财务一回来，能不能请您"
	  "帮我加急处理这笔{open} {currency}？", NULL },
	{ ST_ASK_HELP, 0, EX_NONE, W_ANY, "I really need your help this time: "
	  "could you push the {open} {currency} through for me? I will not forget "
	  "it, and I will make sure your managers hear how much you helped.",
	  NULL },
	{ ST_ASK_HELP, 0, EX_NONE, W_ANY, "I am in a difficult spot: if the "
	  "{open} {currency} is not in by {period_end}, I will have a hard time "
	  "explaining it. Could you check where it stands and help speed it up?",
	  NULL },
	{ ST_ASK_HELP, 0, EX_FINANCE_AWAY, W_ANY, "I know your finance "
	  "colleague is away. Could you keep an eye on this for me? The invoice "
	  "and the statement are ready and I can send them to you now, so that "
	  "the {open} {currency} can be paid as soon as they are back.", NULL },
	/* 节点式 */
	{ ST_DEADLINE, 1, EX_NONE, W_ANY, "{period_end}是我们{period}考核的节点，能不能"
	  "评上优秀就靠您的支持了。{open} {currency}如果能在这之前到账，对我帮助特别"
	  "大。", NULL },
	{ ST_DEADLINE, 1, EX_NONE, W_ANY, "{period}结账就在{period_end}，财务要在那之前"
	  "把账对清。这笔{open} {currency}，麻烦您这几天帮忙安排一下。", NULL },
	{ ST_DEADLINE, 1, EX_NO_RUSH, W_ANY, "您说不急，可我们这边{period}结账就在"
	  "{period_end}，过了这个节点，这笔{open} {currency}就要按逾期上报了。能不能"
	  "请您在这之前帮忙安排？", NULL },
	{ ST_DEADLINE, 0, EX_NONE, W_ANY, "{period_end} closes our {period}, and "
	  "whether I make my target depends on your support. If the {open} "
	  "{currency} arrives before then, it would help me enormously.", NULL },
	{ ST_DEADLINE, 0, EX_NONE, W_ANY, "Our books for the {period} close "
	  "on {period_end}, and finance needs everything reconciled by then. "
	  "Could you arrange the {open} {currency} in the next few days?", NULL },
	{ ST_DEADLINE, 0, EX_NO_RUSH, W_ANY, "You say there is no rush, but our "
	  "{period} closes on {period_end}; after that the {open} {currency} has "
	  "to be reported as overdue. Could you arrange it before then?", NULL },
	/* 求教式 */
	{ ST_ASK_ADVICE, 1, EX_NONE, W_ANY, "我经验不足，但压力很大，想请教您：我还需要"
	  "做点什么，才能请财务或领导更快批复这笔{open} {currency}的付款？", NULL },
	{ ST_ASK_ADVICE, 1, EX_NONE, W_ANY, "您对贵司的流程最熟，想听听您的建议：这笔"
	  "{due_date}到期的款，走哪个审批环节最快？需要我们补什么材料，我马上准备。",
	  NULL },
	{ ST_ASK_ADVICE, 1, EX_PROCESS, W_ANY, "想请教您：贵司付款的流程和标准是怎样"
	  "的，每一步需要哪些单据？我把发票、合同和验收单都按要求准备好，免得这笔"
	  "{open} {currency}卡在流程里。", NULL },
	{ ST_ASK_ADVICE, 0, EX_NONE, W_ANY, "I am new at this and under a lot of "
	  "pressure, so I would value your advice: what else can I do to get "
	  "finance or your managers to approve the {open} {currency} sooner?",
	  NULL },
	{ ST_ASK_ADVICE, 0, EX_NONE, W_ANY, "You know your company's process "
	  "better than anyone. Which approval step would move the payment due on "
	  "{due_date} fastest? Tell me what paperwork you need and I will have it "
	  "ready.", NULL },
	{ ST_ASK_ADVICE, 0, EX_PROCESS, W_ANY, "Could you walk me through your "
	  "payment process and what each step needs? I will prepare the invoice, "
	  "the contract and the acceptance exactly as required, so that the "
	  "{open} {currency} does not get stuck.", NULL },
	/* 代价式 */
	{ ST_CONCESSION, 1, EX_NONE, W_ANY, "为了支持贵司在特殊情况下的付款安排，我们"
	  "愿意考虑额外提供一次免费的设备巡检服务，也请贵司在{period_end}前先支付"
	  "{open} {currency}。", NULL },
	{ ST_CONCESSION, 1, EX_NONE, W_ANY, "如果一次付清有困难，我们可以接受分期："
	  "本月先付一半，余款下月结清。这是我们能给出的最大诚意，也希望贵司给予同样"
	  "的支持，把{open} {currency}按计划付清。", NULL },
	{ ST_CONCESSION, 0, EX_NONE, W_ANY, "To support your payment in these "
	  "special circumstances, we are willing to add an extra service visit at "
	  "no charge; in return we ask that the {open} {currency} be paid before "
	  "{period_end}.", NULL },
	{ ST_CONCESSION, 0, EX_NONE, W_ANY, "If paying in one sum is difficult, "
	  "we can accept instalments: half this month, the rest next month. That "
	  "is as far as we can go, and we hope you will meet us there with the "
	  "{open} {currency}.", NULL },
	/* 例证式 */
	{ ST_PRECEDENT, 1, EX_NONE, W_ANY, "同样品质和服务的情况下，其它客户的尾款都已经"
	  "结清了，也请贵司给予同样的支持，安排{open} {currency}的付款。", NULL },
	{ ST_PRECEDENT, 1, EX_NONE, W_ANY, "这个项目同期的几家合作方都按合同付了款，"
	  "我们对每家客户都一视同仁。{due_date}到期的这笔{open} {currency}，也请按同样"
	  "的标准处理。", NULL },
	{ ST_PRECEDENT, 1, EX_PRICE, W_ANY, "价格是签合同时双方确认过的，同样的价格，"
	  "其它客户都已经按期付款了。我们对每家都一视同仁，也请贵司按合同支付{open} "
	  "{currency}。", NULL },
	{ ST_PRECEDENT, 0, EX_NONE, W_ANY, "For the same quality and service, our "
	  "other customers have already paid their final instalments; we ask you "
	  "for the same support with the {open} {currency}.", NULL },
	{ ST_PRECEDENT, 0, EX_NONE, W_ANY, "The other partners on this project "
	  "have paid as their contracts say, and we treat every customer alike. "
	  "We ask that the {open} {currency} due on {due_date} be handled the same "
	  "way.", NULL },
	{ ST_PRECEDENT, 0, EX_PRICE, W_ANY, "The price was agreed by both sides "
	  "when the contract was signed, and our other customers have paid the "
	  "same price on time. We treat everyone alike, so we ask you to pay the "
	  "{open} {currency} as agreed.", NULL },
	/* 愿景式 */
	{ ST_VISION, 1, EX_NONE, W_ANY, "尽管表面上看起来我只是您的供应商，但我一直是"
	  "把您当朋友的。未来不管您到哪个岗位、哪家公司，我都会全力配合，一如既往地"
	  "支持您的工作。这笔{open} {currency}，也请您帮我把把关。", NULL },
	{ ST_VISION, 1, EX_NONE, W_ANY, "这个项目做成了，是您的业绩，也是我们的口碑。"
	  "把{open} {currency}按时结清，咱们后面的合作会更顺，您在公司里说话也更有"
	  "分量。", NULL },
	{ ST_VISION, 0, EX_NONE, W_ANY, "On paper I am only your supplier, but I "
	  "have always thought of you as a friend. Wherever your career takes you, "
	  "in this company or another, you will have my full support. I would be "
	  "grateful if you could see the {open} {currency} through.", NULL },
	{ ST_VISION, 0, EX_NONE, W_ANY, "This project's success is your "
	  "achievement and our reputation. Closing the {open} {currency} on time "
	  "makes everything after it easier, and it reflects well on you inside "
	  "your company.", NULL },
	/* 严肃式 */
	{ ST_FIRM, 1, EX_NONE, W_OVERDUE, "根据具有法律效力的合同办事，是咱们双方都"
	  "应该遵守的原则和底线。这笔{open} {currency}已逾期{days_overdue}天，在生存"
	  "压力面前，我方在特殊情况下，会充分考虑寻求法律支持。真若如此，对贵司社会"
	  "声誉带来的负面影响，实属非必要。", NULL },
	{ ST_FIRM, 1, EX_NONE, W_OVERDUE, "我们正式通知：{due_date}到期的{open} "
	  "{currency}至今未付，已逾期{days_overdue}天。请于{pay_by}前付清，否则我方"
	  "将按合同约定收取逾期利息，并委托律师处理。", NULL },
	{ ST_FIRM, 0, EX_NONE, W_OVERDUE, "Acting on a legally binding contract "
	  "is the principle and the bottom line we both agreed to. The {open} "
	  "{currency} is {days_overdue} days overdue; under this pressure we will "
	  "seriously consider legal remedies, and the harm that would do to your "
	  "company's reputation is something neither of us needs.", NULL },
	{ ST_FIRM, 0, EX_NONE, W_OVERDUE, "This is formal notice: the {open} "
	  "{currency} due on {due_date} is unpaid, {days_overdue} days overdue. "
	  "Please pay it in full by {pay_by}; otherwise we will charge the "
	  "contractual late interest and instruct our lawyers.", NULL },
};

static struct tmpl *lib;
static size_t nlib;

/* Words a script to a customer must never carry (SPEC 5.3: no gifts,
 * personal payments or favours to the customer's staff; 合理满足 is lawful
 * only). A library line with one of them is rejected. */
static const char *const banned[] = {
	"礼品", "礼物", "礼金", "红包", "回扣", "好处费", "馈赠", "送礼", "购物卡",
	"gift", "kickback", "bribe", "personal payment", "commission to you",
	"for yourself", "cash for you",
};

/* Check a template's braces: {name} with name [a-z][a-z0-9_]*, {{ and }}.
 * Returns NULL or what is wrong. */
static const char *
tmpl_check(const char *t)
{
	for (const char *p = t; *p; p++) {
		if ((*p == '{' && p[1] == '{') || (*p == '}' && p[1] == '}')) {
			p++;
			continue;
		}
		if (*p == '}')
			return "a '}' without its '{' (write }} for a brace)";
		if (*p != '{')
			continue;
		if (p[1] == '\0')
			return "a '{' without its '}' (write {{ for a brace)";
		if (!(p[1] >= 'a' && p[1] <= 'z'))
			return "a placeholder is {field}, a lower-case field name";
		for (p++; *p != '}'; p++)
			if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ||
			    *p == '_'))
				return *p ? "a placeholder is {field}, a lower-case field "
				    "name" : "a '{' without its '}'";
	}
	return NULL;
}

static int
is_banned(const char *t)
{
	char low[4096];
	size_t n = strlen(t) < sizeof(low) - 1 ? strlen(t) : sizeof(low) - 1;

	for (size_t i = 0; i < n; i++)
		low[i] = (char)(t[i] >= 'A' && t[i] <= 'Z' ? t[i] + 32 : t[i]);
	low[n] = '\0';
	for (size_t i = 0; i < sizeof(banned) / sizeof(banned[0]); i++)
		if (strstr(low, banned[i]) != NULL)
			return (int)i + 1;
	return 0;
}

static int
lang_parse(const char *s, size_t n)
{
	if (n == 2 && memcmp(s, "zh", 2) == 0)
		return 1;
	if (n == 2 && memcmp(s, "en", 2) == 0)
		return 0;
	return -1;
}

static int
when_parse(const char *s, size_t n)
{
	for (int i = 0; i < 3; i++)
		if (strlen(whens[i]) == n && memcmp(whens[i], s, n) == 0)
			return i;
	return n == 3 && memcmp(s, "any", 3) == 0 ? W_ANY : -1;
}

/* --library FILE: its templates replace the built-in ones of each style
 * and language it has, and add to the rest. A wrong line is fatal. */
static void
read_library(const char *path)
{
	struct rec_opts o;
	struct rec_reader *r;
	struct rec *x;
	char *files[] = { (char *)path };
	int cs, cl, ce, cw, ct;
	struct tmpl *add = NULL;
	size_t nadd = 0;
	unsigned char has[NSTYLES][2];

	memset(&o, 0, sizeof(o));
	o.fmt = FMT_AUTO;
	r = rec_open(files, 1, &o);
	cs = rec_col(r, "style");
	cl = rec_col(r, "lang");
	ce = rec_col(r, "excuse");
	cw = rec_col(r, "when");
	ct = rec_col(r, "template");
	rec_require(r, cs);
	rec_require(r, cl);
	rec_require(r, ct);
	memset(has, 0, sizeof(has));
	while ((x = rec_next(r)) != NULL) {
		struct text s, l, e, w, t;
		struct tmpl m;
		const char *bad;
		char where[512];
		int b;
		if (field_text(r, x, cs, &s, 1) != 0 || field_text(r, x, cl, &l, 1) ||
		    field_text(r, x, ce, &e, 0) != 0 || field_text(r, x, cw, &w, 0) ||
		    field_text(r, x, ct, &t, 1) != 0)
			die_at(EXIT_FATAL, x->file, x->line, "a library line needs "
			    "style, lang and template");
		if ((m.style = style_parse(s.p, s.n)) < 0)
			die_at(EXIT_FATAL, x->file, x->line, "unknown style \"%.*s\"",
			    (int)s.n, s.p);
		if ((m.zh = lang_parse(l.p, l.n)) < 0)
			die_at(EXIT_FATAL, x->file, x->line, "unknown language \"%.*s\" "
			    "(zh or en)", (int)l.n, l.p);
		if ((m.excuse = excuse_parse(e.p, e.n)) < 0)
			die_at(EXIT_FATAL, x->file, x->line, "unknown excuse \"%.*s\"",
			    (int)e.n, e.p);
		if ((b = when_parse(w.p, w.n)) < 0)
			die_at(EXIT_FATAL, x->file, x->line, "when is before, overdue "
			    "or blank, not \"%.*s\"", (int)w.n, w.p);
		m.when = (enum when)b;
		m.text = xstrndup(t.p, t.n);
		if ((bad = tmpl_check(m.text)) != NULL)
			die_at(EXIT_FATAL, x->file, x->line, "%s", bad);
		if ((b = is_banned(m.text)) != 0)
			die_at(EXIT_FATAL, x->file, x->line, "\"%s\": no gifts, personal "
			    "payments or favours to the customer's staff (SPEC 5.3)",
			    banned[b - 1]);
		snprintf(where, sizeof(where), "%s:%lu", x->file, x->line);
		m.from = xstrdup(where);
		has[m.style][m.zh] = 1;
		add = xrealloc(add, (nadd + 1) * sizeof(*add));
		add[nadd++] = m;
		rec_written(r, x);
	}
	if (rec_close(r, 0) != 0)
		exit(EXIT_FATAL);
	lib = xrealloc(NULL, (sizeof(builtin) / sizeof(builtin[0]) + nadd + 1) *
	    sizeof(*lib));
	nlib = 0;
	for (size_t i = 0; i < sizeof(builtin) / sizeof(builtin[0]); i++)
		if (!has[builtin[i].style][builtin[i].zh])
			lib[nlib++] = builtin[i];
	for (size_t i = 0; i < nadd; i++)
		lib[nlib++] = add[i];
	free(add);
}

/* --list: the library as records. */
static int
list_library(enum rec_fmt fmt)
{
	static const struct ocol cols[] = {
		{ "style", NULL, NULL, 0 }, { "lang", NULL, NULL, 0 },
		{ "excuse", NULL, NULL, 0 }, { "when", NULL, NULL, 0 },
		{ "template", NULL, NULL, 0 },
	};
	struct writer *w = w_open(fmt, opt.c.lang, NULL, cols, 5);

	for (size_t i = 0; i < nlib; i++) {
		const struct tmpl *t = &lib[i];
		const char *lang = t->zh ? "zh" : "en";
		const char *ex = excuses[t->excuse].code;
		struct cell c[5];
		c[0] = cell_text(styles[t->style].code, strlen(styles[t->style].code));
		c[1] = cell_text(lang, 2);
		c[2] = *ex ? cell_text(ex, strlen(ex)) : cell_null();
		c[3] = t->when ? cell_text(whens[t->when], strlen(whens[t->when])) :
		    cell_null();
		c[4] = cell_text(t->text, strlen(t->text));
		w_row(w, NULL, c);
	}
	w_close(w, 0);
	return fshut(EXIT_OK);
}

/* ---- filling a template ---- */

static struct rec_reader *rd;
static int c_excuse, c_power, c_days, c_grade, c_disputed, c_date, c_due,
    c_currency, c_customer, c_invoice, c_open;

/* The slots of every placeholder the library uses. */
static struct {
	char name[64];
	int slot;
} names[256];
static size_t nnames;

static void
collect_names(void)
{
	for (size_t i = 0; i < nlib; i++)
		for (const char *p = lib[i].text; *p; p++) {
			const char *e;
			size_t n, k;
			if (*p == '{' && p[1] == '{') {
				p++;
				continue;
			}
			if (*p != '{' || (e = strchr(p, '}')) == NULL)
				continue;
			n = (size_t)(e - p - 1);
			for (k = 0; k < nnames; k++)
				if (strlen(names[k].name) == n &&
				    memcmp(names[k].name, p + 1, n) == 0)
					break;
			if (k == nnames && n < sizeof(names[0].name) &&
			    nnames < sizeof(names) / sizeof(names[0])) {
				memcpy(names[nnames].name, p + 1, n);
				names[nnames].name[n] = '\0';
				names[nnames].slot = rec_col(rd, names[nnames].name);
				nnames++;
			}
			p = e;
		}
}

/* Fields that hold money, formatted with the currency's decimals and
 * thousands separators; and dates, written the language's way. */
static const char *const money_fields[] = {
	"open", "amount", "paid", "promise_amount", "credit_limit", "overdue",
	"balance", "current", "available", "billed",
};

#define PAY_BY_DAYS 10		/* {pay_by}: ten days from the call (每旬) */

struct ctx {			/* one record's situation */
	int32_t day, due;
	int days, has_days, zh, dec;
	struct rec *x;
};

static void
date_words(char *buf, size_t cap, int32_t d, int zh)
{
	static const char *const months[] = { "January", "February", "March",
	    "April", "May", "June", "July", "August", "September", "October",
	    "November", "December" };
	int y, m, dd;

	date_to_civil(d, &y, &m, &dd);
	if (zh)
		snprintf(buf, cap, "%d年%d月%d日", y, m, dd);
	else
		snprintf(buf, cap, "%d %s %d", dd, months[m - 1], y);
}

/* The text of placeholder NAME for the record; NULL when it has none. */
static const char *
value_of(const char *name, const struct ctx *c, char *buf, size_t cap)
{
	const char *v;
	size_t n;
	int32_t d;
	int64_t m;
	int slot = -1;

	if (strcmp(name, "days_overdue") == 0) {
		if (!c->has_days)
			return NULL;
		snprintf(buf, cap, "%d", c->days);
		return buf;
	}
	if (strcmp(name, "period_end") == 0) {
		date_words(buf, cap, date_month_end(c->day), c->zh);
		return buf;
	}
	if (strcmp(name, "pay_by") == 0) {	/* a written demand's term */
		date_words(buf, cap, c->day + PAY_BY_DAYS, c->zh);
		return buf;
	}
	if (strcmp(name, "period") == 0) {
		int y, mo, dd;
		date_to_civil(c->day, &y, &mo, &dd);
		snprintf(buf, cap, "%s", mo == 12 ? (c->zh ? "年度" : "year") :
		    mo % 3 == 0 ? (c->zh ? "季度" : "quarter") : (c->zh ? "月度" :
		    "month"));
		return buf;
	}
	for (size_t i = 0; i < nnames; i++)
		if (strcmp(names[i].name, name) == 0)
			slot = names[i].slot;
	if (slot < 0 || val_blank(rec_val(c->x, slot)) ||
	    (v = val_text(rec_val(c->x, slot), &n)) == NULL)
		return NULL;
	norm_trim(&v, &n);
	if (n == 0)
		return NULL;
	for (size_t i = 0; i < sizeof(money_fields) / sizeof(money_fields[0]);
	    i++)
		if (strcmp(name, money_fields[i]) == 0 && money_parse(v, n, c->dec,
		    &m) == MONEY_OK) {
			money_format(buf, m, c->dec, 1);
			return buf;
		}
	n = n < cap - 1 ? n : cap - 1;
	if ((strcmp(name, "date") == 0 || (strlen(name) > 5 &&
	    strcmp(name + strlen(name) - 5, "_date") == 0) ||
	    strcmp(name, "last_contact") == 0 || strcmp(name, "hold_until") == 0)
	    && date_parse(v, n, &d) == 0) {
		date_words(buf, cap, d, c->zh);
		return buf;
	}
	memcpy(buf, v, n);
	buf[n] = '\0';
	return buf;
}

/* Fill T into OUT; returns NULL, or the name of a placeholder the record
 * has no value for. */
static const char *
render(const char *t, const struct ctx *c, char *out, size_t cap,
    char *missing, size_t mcap)
{
	size_t o = 0;
	char name[64], val[1024];

	for (const char *p = t; *p; p++) {
		const char *v;
		if ((*p == '{' && p[1] == '{') || (*p == '}' && p[1] == '}')) {
			if (o + 1 < cap)
				out[o++] = *p;
			p++;
			continue;
		}
		if (*p != '{') {
			if (o + 1 < cap)
				out[o++] = *p;
			continue;
		}
		{
			const char *e = strchr(p, '}');
			size_t n = (size_t)(e - p - 1);
			if (n >= sizeof(name))
				n = sizeof(name) - 1;
			memcpy(name, p + 1, n);
			name[n] = '\0';
			p = e;
		}
		if ((v = value_of(name, c, val, sizeof(val))) == NULL) {
			snprintf(missing, mcap, "%s", name);
			return missing;
		}
		for (; *v && o + 1 < cap; v++)
			out[o++] = *v;
	}
	out[o] = '\0';
	return NULL;
}

/* The template of style ST for the record: one for its excuse before a
 * general one, one for its time (before or after the due date) before one
 * for any time; among equals, one chosen by the record (so customers do
 * not all hear the same line, and a rerun says the same). NULL when none
 * can be filled; MISSING then names what was missing. */
static const struct tmpl *
choose(int st, int excuse, const struct ctx *c, uint64_t h, char *out,
    size_t cap, char *missing, size_t mcap)
{
	const struct tmpl *best[64];
	size_t nb = 0;
	int bestrank = -1;
	char miss[64] = "";

	for (size_t i = 0; i < nlib; i++) {
		const struct tmpl *t = &lib[i];
		int rank;
		if (t->style != st || t->zh != c->zh)
			continue;
		if (t->excuse != EX_NONE && t->excuse != excuse)
			continue;
		if (t->when == W_BEFORE && !(c->has_days && c->days <= 0))
			continue;
		if (t->when == W_OVERDUE && !(c->has_days && c->days > 0))
			continue;
		if (render(t->text, c, out, cap, miss, sizeof(miss)) != NULL)
			continue;
		rank = (t->excuse != EX_NONE) * 2 + (t->when != W_ANY);
		if (rank > bestrank) {
			bestrank = rank;
			nb = 0;
		}
		if (rank == bestrank && nb < sizeof(best) / sizeof(best[0]))
			best[nb++] = t;
	}
	if (nb == 0) {
		snprintf(missing, mcap, "%s", *miss ? miss : "");
		return NULL;
	}
	render(best[h % nb]->text, c, out, cap, miss, sizeof(miss));
	return best[h % nb];
}

/* ---- the records ---- */

enum { O_RANK, O_STYLE, O_PRINCIPLE, O_STEP, O_SCRIPT, O_SCORES, NOUT };

static const struct ocol ocols_all[NOUT] = {
	{ "rank", "rank", "排名", 1 },
	{ "style", "style", "话术", 0 },
	{ "principle", "principle", "原则", 0 },
	{ "next_step", "next step", "先做", 0 },
	{ "script", "script", "话术内容", 0 },
	{ "style_scores", "style scores", "话术得分", 0 },
};
static struct ocol ocols[NOUT];
static int opos[NOUT];
static size_t nocols;

static int
read_int(const char *s, size_t n, int *out)
{
	long v = 0;
	int neg = 0;
	size_t i = 0;

	norm_trim(&s, &n);
	if (n > 0 && s[0] == '-') {
		neg = 1;
		i = 1;
	}
	if (i == n || n - i > 6)
		return -1;
	for (; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	*out = (int)(neg ? -v : v);
	return 0;
}

/* The record's situation; -1 when it was rejected. */
static int
situation_of(struct rec *x, struct situation *s, struct ctx *c)
{
	struct text t;
	int disputed;
	int y, m, d;

	memset(s, 0, sizeof(*s));
	c->x = x;
	c->zh = opt.c.lang == LANG_ZH;
	c->day = opt.c.as_of;
	c->has_days = 0;
	if (field_date(rd, x, c_date, &c->day, 0) != 0 ||
	    field_date(rd, x, c_due, &c->due, 0) != 0 ||
	    field_bool(rd, x, c_disputed, &disputed, 0) != 0)
		return -1;
	if (c->day == DATE_NONE)
		c->day = opt.c.as_of;
	if (field_text(rd, x, c_excuse, &t, 0) != 0)
		return -1;
	if ((s->excuse = excuse_parse(t.p, t.n)) < 0) {
		rec_reject_field(rd, x, c_excuse, "unknown excuse");
		return -1;
	}
	if (field_text(rd, x, c_power, &t, 0) != 0)
		return -1;
	if ((s->power = power_parse(t.p, t.n)) < 0) {
		rec_reject_field(rd, x, c_power, "unknown power (strong-weak, peer, "
		    "unable)");
		return -1;
	}
	if (field_text(rd, x, c_days, &t, 0) != 0)
		return -1;
	if (t.n > 0) {
		if (read_int(t.p, t.n, &c->days) != 0) {
			rec_reject_field(rd, x, c_days, "days_overdue is a whole number, "
			    "not");
			return -1;
		}
		c->has_days = 1;
	} else if (c->due != DATE_NONE) {
		c->days = c->day - c->due;
		c->has_days = 1;
	}
	if (field_text(rd, x, c_grade, &t, 0) != 0)
		return -1;
	if (t.n > 0) {
		if (t.n != 1 || !strchr("ABCDEN", t.p[0])) {
			rec_reject_field(rd, x, c_grade, "a grade is A to E or N, not");
			return -1;
		}
		s->grade = t.p[0];
	}
	if (field_text(rd, x, c_currency, &t, 0) != 0)
		return -1;
	if (t.n == 0 && opt.c.currency) {
		t.p = opt.c.currency;
		t.n = strlen(t.p);
	}
	{
		int known;
		c->dec = currency_decimals(t.p, t.n, &known);
	}
	s->days_overdue = c->has_days ? c->days : 0;
	s->disputed = disputed;
	s->days_to_period_end = date_month_end(c->day) - c->day;
	date_to_civil(c->day, &y, &m, &d);
	s->quarter_end = m % 3 == 0;
	return 0;
}

/* An open of zero or less (dun-plan's reconcile rows, a credit balance)
 * is no call to make. */
static int
nothing_owed(struct rec *x, const struct ctx *c)
{
	const char *v;
	size_t n;
	int64_t m;

	if (val_blank(rec_val(x, c_open)) ||
	    (v = val_text(rec_val(x, c_open), &n)) == NULL)
		return 0;
	norm_trim(&v, &n);
	return money_parse(v, n, c->dec, &m) == MONEY_OK && m <= 0;
}

static uint64_t
record_hash(struct rec *x, int st)
{
	struct key k = { NULL, 0, 0 };
	const char *p;
	size_t n;
	uint64_t h;
	int slots[] = { c_customer, c_invoice, c_date };

	for (size_t i = 0; i < 3; i++) {
		p = val_text(rec_val(x, slots[i]), &n);
		key_add(&k, p ? p : "", p ? n : 0);
	}
	key_add(&k, styles[st].code, strlen(styles[st].code));
	h = grp_hash(k.p, k.n);
	free(k.p);
	return h;
}

static void
pick(struct writer *w, struct rec *x)
{
	struct situation s;
	struct ctx c;
	struct style_score sc[NSTYLES];
	enum style order[NSTYLES];
	struct cell cells[NOUT];
	char script[8192], missing[64], principle[1024], step[1024], scores[2048];
	size_t n, k, written = 0;
	int zh = opt.c.lang == LANG_ZH;
	struct {
		const struct tmpl *t;
		enum style st;
		char *script;
	} picked[NSTYLES];
	int firstmiss = -1;

	if (situation_of(x, &s, &c) != 0)
		return;
	if (nothing_owed(x, &c)) {
		rec_filtered(rd, x);	/* a reconcile row: no call to make */
		return;
	}
	style_pick(&s, sc);
	n = style_rank(sc, order);
	/* the K best styles, each with a template the record fills: a
	 * style none of whose templates it can fill is an error, not a reason
	 * to say something else */
	for (k = 0; k < n && written < (size_t)opt.top; k++) {
		const struct tmpl *t = choose(order[k], s.excuse, &c,
		    record_hash(x, order[k]), script, sizeof(script), missing,
		    sizeof(missing));
		if (t == NULL) {
			firstmiss = order[k];
			break;
		}
		picked[written].t = t;
		picked[written].st = order[k];
		picked[written].script = xstrdup(script);
		written++;
	}
	if (firstmiss >= 0) {
		for (size_t i = 0; i < written; i++)
			free(picked[i].script);
		if (*missing)
			rec_reject(rd, x, "no %s template of style %s can be filled: "
			    "the record has no %s", zh ? "zh" : "en",
			    styles[firstmiss].code, missing);
		else
			rec_reject(rd, x, "the library has no %s template of style %s "
			    "for its situation", zh ? "zh" : "en", styles[firstmiss].code);
		return;
	}
	scores[0] = '\0';
	if (opt.c.explain) {
		size_t o = 0;
		for (size_t i = 0; i < n && o < sizeof(scores); i++) {
			o += (size_t)snprintf(scores + o, sizeof(scores) - o, "%s%s %d",
			    i ? "; " : "", styles[order[i]].code, sc[order[i]].score);
			for (int j = 0; j < sc[order[i]].nwhy && o < sizeof(scores); j++)
				o += (size_t)snprintf(scores + o, sizeof(scores) - o,
				    "%s%s", j ? ", " : " (", sc[order[i]].why[j]);
			if (sc[order[i]].nwhy > 0 && o < sizeof(scores))
				o += (size_t)snprintf(scores + o, sizeof(scores) - o, ")");
		}
	}
	next_step(s.excuse, s.power, zh, step, sizeof(step));
	for (size_t i = 0; i < written; i++) {
		enum style st = picked[i].st;
		snprintf(principle, sizeof(principle), "%s%s%s", zh ? styles[st].zh :
		    styles[st].en, zh ? "：" : ": ", zh ? styles[st].principle_zh :
		    styles[st].principle_en);
		if (opos[O_RANK] >= 0)
			cells[opos[O_RANK]] = cell_int((int64_t)i + 1);
		cells[opos[O_STYLE]] = cell_text(styles[st].code,
		    strlen(styles[st].code));
		cells[opos[O_PRINCIPLE]] = cell_text(principle, strlen(principle));
		cells[opos[O_STEP]] = *step ? cell_text(step, strlen(step)) :
		    cell_null();
		cells[opos[O_SCRIPT]] = cell_text(picked[i].script,
		    strlen(picked[i].script));
		if (opos[O_SCORES] >= 0)
			cells[opos[O_SCORES]] = cell_text(scores, strlen(scores));
		w_row(w, x, cells);
		free(picked[i].script);
	}
	rec_written(rd, x);
}

static const struct tool tool = {
	"pick-script",
	"pick-script [-hVv] [-F delim] [-i fmt] [-o fmt] [-n k] [--as-of date]\n"
	"                   [--library file] [--list] [--currency cur] "
	"[--explain]\n"
	"                   [--lang zh|en] [--reject file] [--strict]\n"
	"                   [--max-record bytes] [file ...]",
	"The talk-track for each collection call: the best of the course's ten\n"
	"styles for the customer's excuse, power, lateness, grade and the\n"
	"calendar, with its principle, what to do first, and the script filled\n"
	"from the record.",
	"  -n, --top K            the K best styles, one row each, with a rank\n"
	"      --library FILE     templates (style,lang,excuse,when,template) "
	"that\n"
	"                         replace the built-in ones of their style and\n"
	"                         language, and add to the rest\n"
	"      --list             print the library as records and exit\n",
	OG_AS_OF | OG_LANG | OG_EXPLAIN,
	(1u << FMT_CSV) | (1u << FMT_TSV) | (1u << FMT_JSON) | (1u << FMT_TABLE)
};

int
main(int argc, char **argv)
{
	static const struct option own[] = {
		{ "top", required_argument, NULL, 'n' },
		{ "library", required_argument, NULL, OPT_LIBRARY },
		{ "list", no_argument, NULL, OPT_LIST },
		{ NULL, 0, NULL, 0 }
	};
	struct writer *w;
	struct rec *x;
	int ch;

	opt.top = 1;
	opts_init(&opt.c, &tool, argc, argv);
	while ((ch = opts_next(&opt.c, argc, argv, own, "n:")) != -1) {
		switch (ch) {
		case 'n':
			if (read_int(optarg, strlen(optarg), &opt.top) != 0 ||
			    opt.top < 1 || opt.top > NSTYLES) {
				warnx("-n: 1 to %d, not \"%s\"", NSTYLES, optarg);
				usage();
			}
			break;
		case OPT_LIBRARY:
			opt.library = optarg;
			break;
		case OPT_LIST:
			opt.list = 1;
			break;
		default:
			usage();
		}
	}
	argc -= optind;
	argv += optind;
	opts_finish(&opt.c, NULL);
	if (opt.library)
		read_library(opt.library);
	else {
		lib = (struct tmpl *)builtin;
		nlib = sizeof(builtin) / sizeof(builtin[0]);
	}
	if (opt.list)
		return list_library(opt.c.out == FMT_AUTO ? FMT_CSV : opt.c.out);

	rd = rec_open(argv, argc, &opt.c.in);
	c_excuse = rec_col(rd, "excuse");
	c_power = rec_col(rd, "power");
	c_days = rec_col(rd, "days_overdue");
	c_grade = rec_col(rd, "grade");
	c_disputed = rec_col(rd, "disputed");
	c_date = rec_col(rd, "date");
	c_due = rec_col(rd, "due_date");
	c_currency = rec_col(rd, "currency");
	c_customer = rec_col(rd, "customer");
	c_invoice = rec_col(rd, "invoice");
	c_open = rec_col(rd, "open");
	collect_names();
	if (rec_empty(rd))
		return fshut(rec_close(rd, opt.c.verbose));
	for (int i = 0; i < NOUT; i++) {
		opos[i] = -1;
		if ((i == O_RANK && opt.top == 1) || (i == O_SCORES &&
		    !opt.c.explain))
			continue;
		opos[i] = (int)nocols;
		ocols[nocols++] = ocols_all[i];
	}
	w = w_open(opts_outfmt(&opt.c, rd), opt.c.lang, rd, ocols, nocols);
	while ((x = rec_next(rd)) != NULL)
		pick(w, x);
	w_close(w, 0);
	return fshut(rec_close(rd, opt.c.verbose));
}
