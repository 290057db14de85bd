/* scripts.c - the talk-track library of pick-script (SPEC 5.3): the
 * built-in templates, at least two per style and language in the course's
 * words, and the reader of a team's own (话术共创). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "ledger.h"
#include "rec.h"
#include "scripts.h"
#include "style.h"

const char *const script_whens[] = { "", "before", "overdue" };

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
const char *
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
		if (strlen(script_whens[i]) == n && memcmp(script_whens[i], s, n) == 0)
			return i;
	return n == 3 && memcmp(s, "any", 3) == 0 ? W_ANY : -1;
}

void
scripts_load(const char *path, const struct tmpl **out, size_t *nout)
{
	struct rec_opts o;
	struct rec_reader *r;
	struct rec *x;
	char *files[] = { (char *)path };
	int cs, cl, ce, cw, ct;
	struct tmpl *add = NULL, *lib;
	size_t nlib;
	size_t nadd = 0;
	unsigned char has[NSTYLES][2];

	if (path == NULL) {
		*out = builtin;
		*nout = sizeof(builtin) / sizeof(builtin[0]);
		return;
	}
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
		die(EXIT_FATAL, "%s: rejected lines", path);
	lib = xrealloc(NULL, (sizeof(builtin) / sizeof(builtin[0]) + nadd + 1) *
	    sizeof(*lib));
	nlib = 0;
	for (size_t i = 0; i < sizeof(builtin) / sizeof(builtin[0]); i++)
		if (!has[builtin[i].style][builtin[i].zh])
			lib[nlib++] = builtin[i];
	for (size_t i = 0; i < nadd; i++)
		lib[nlib++] = add[i];
	free(add);
	*out = lib;
	*nout = nlib;
}
