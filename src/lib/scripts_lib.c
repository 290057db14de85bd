/* scripts_lib.c - the built-in talk-track library (SPEC 5.3), as data: for
 * each of the course's ten styles (第二部分 四、3) and each language, a
 * reminder before the due date, and for an overdue item a call (spoken),
 * a letter (formal: the invoices, the amount, the dates, never a personal
 * plea) and a visit, so that a customer with a call, a notice and a visit
 * on one day hears three texts; the answer to each of the thirteen
 * excuses; the texts of a dispute (ask what is wrong, propose a date, no
 * demand), of a promise, of the actions that have their own letter, and
 * the instructions for our own staff.
 *
 * {amount_due} is the money the row may ask for, written as a collector
 * says it; {invoices} the invoices it is for; {deadline} the firm
 * notice's fixed date; {pay_by} ten days on; {period} and {period_end}
 * the month, quarter or year that ends. Any other {field} is the
 * record's. */
#include <stddef.h>

#include "scripts.h"
#include "scripts_lib.h"
#include "style.h"

#define T(st, zh, ex, when, ch, text) { st, zh, ex, when, ch, NULL, text, NULL }
#define A(zh, when, action, text) { -1, zh, EX_NONE, when, CH_ANY, action, \
	text, NULL }

const struct tmpl scripts_builtin[] = {
	/* ---- 同理式 fair deal: the contract, the proof of our work ---- */
	T(ST_FAIR_DEAL, 1, EX_NONE, W_BEFORE, CH_ANY,
	  "{customer}的各位好：我们一直严格按合同交付，验收单和满意度报告都在。"
	  "{invoices}的{amount_due}将于{due_date}到期，也请贵司按约定安排付款。"),
	T(ST_FAIR_DEAL, 1, EX_NONE, W_OVERDUE, CH_CALL,
	  "一直以来我们双方都守约守信，方案、交付、调试和验收都有书面记录，贵司"
	  "也签了字。{invoices}的{amount_due}已经逾期{days_overdue}天，按合同约定，"
	  "还请尽快安排支付。"),
	T(ST_FAIR_DEAL, 1, EX_NONE, W_OVERDUE, CH_LETTER,
	  "{customer}：\n根据双方签订的合同，我方已按约完成交付并经贵司验收确认。"
	  "截至今日，贵司尚有发票{invoices}共计{amount_due}未付，原定到期日为"
	  "{due_date}，已逾期{days_overdue}天。请贵司于{pay_by}前按合同约定付清"
	  "上述款项。如已付款，请提供付款凭证，以便我方核对。"),
	T(ST_FAIR_DEAL, 1, EX_NONE, W_OVERDUE, CH_VISIT,
	  "今天专程过来，把验收单、检测报告和服务记录都带来了，请您过目。我们的"
	  "工作都按合同做到了位，{invoices}这{amount_due}也请您按合同帮忙推进，"
	  "看看今天能不能定下付款时间。"),
	T(ST_FAIR_DEAL, 0, EX_NONE, W_BEFORE, CH_ANY,
	  "We have delivered exactly what the contract asks, and the signed "
	  "acceptance and satisfaction report show it. {invoices} ({amount_due})"
	  " falls due on {due_date}; we ask you to pay it as agreed."),
	T(ST_FAIR_DEAL, 0, EX_NONE, W_OVERDUE, CH_CALL,
	  "We have kept every term of our agreement, and each milestone was "
	  "signed off in writing. {invoices} ({amount_due}) is now "
	  "{days_overdue} days overdue; under the contract we ask that it be "
	  "paid without further delay."),
	T(ST_FAIR_DEAL, 0, EX_NONE, W_OVERDUE, CH_LETTER,
	  "Dear {customer},\nUnder our contract we completed delivery, and you "
	  "accepted it in writing. Invoices {invoices}, {amount_due} in all, "
	  "were due on {due_date} and have been unpaid for {days_overdue} days. "
	  "Please pay them in full by {pay_by}, as the contract provides. If you "
	  "have already paid, please send us the remittance advice so that we "
	  "can match it."),
	T(ST_FAIR_DEAL, 0, EX_NONE, W_OVERDUE, CH_VISIT,
	  "I have brought the acceptance, the test report and the service log "
	  "for you to see: our side of the contract is done. Can we agree today "
	  "when {invoices} ({amount_due}) will be paid?"),
	T(ST_FAIR_DEAL, 1, EX_QUALITY, W_OVERDUE, CH_ANY,
	  "关于您提到的质量问题：验收时双方都签了字，检测数据也都在报告里，完全"
	  "满足合同要求。如果还有具体问题，我们的工程师随时到现场处理；但按合同"
	  "付款这件事，也请贵司同样守约，安排{invoices}的{amount_due}。"),
	T(ST_FAIR_DEAL, 0, EX_QUALITY, W_OVERDUE, CH_ANY,
	  "About the quality you mentioned: both sides signed the acceptance, "
	  "and the test results are in the report; the goods met the contract "
	  "in full. If something specific is wrong, our engineers will come and "
	  "fix it, but the contract's payment terms stand too: please arrange "
	  "{invoices} ({amount_due})."),
	T(ST_FAIR_DEAL, 1, EX_SERVICE, W_OVERDUE, CH_ANY,
	  "关于服务：每一次上门和响应都有记录，贵司的满意度评价也在这里。哪里还做"
	  "得不够，请您直说，我们马上改进；同时也请贵司按合同安排{invoices}的"
	  "{amount_due}。"),
	T(ST_FAIR_DEAL, 0, EX_SERVICE, W_OVERDUE, CH_ANY,
	  "About our service: every visit and response is on record, with your "
	  "own satisfaction ratings. Tell us plainly where we fell short and we "
	  "will put it right; and please keep your side of the contract with "
	  "{invoices} ({amount_due})."),
	T(ST_FAIR_DEAL, 1, EX_ACCUSE_DISTRUST, W_OVERDUE, CH_ANY,
	  "不是不信任贵司，而是按合同办事对双方都是保护。合同、验收单和发票都在，"
	  "{invoices}的{amount_due}请按约定安排，我们对每家客户都是同样的流程。"),
	T(ST_FAIR_DEAL, 0, EX_ACCUSE_DISTRUST, W_OVERDUE, CH_ANY,
	  "This is not a question of trust: keeping to the contract protects us "
	  "both. The contract, the acceptance and the invoices are here; please "
	  "arrange {invoices} ({amount_due}) as agreed. We ask the same of "
	  "every customer."),
	T(ST_FAIR_DEAL, 1, EX_BLAME, W_OVERDUE, CH_ANY,
	  "您说我们哪里做得不对，我们认真听。方案、交付、调试、验收每个节点都有"
	  "书面依据和贵司的签字，我们可以逐项过一遍；合同约定的{invoices}的"
	  "{amount_due}，也请同步安排。"),
	T(ST_FAIR_DEAL, 0, EX_BLAME, W_OVERDUE, CH_ANY,
	  "If you think we did something wrong, we want to hear it. Every "
	  "milestone, from proposal to acceptance, has a written record with "
	  "your signature, and we can go through it point by point; meanwhile "
	  "please arrange {invoices} ({amount_due}) as the contract says."),

	/* ---- 共情式 empathy: you have it hard, so do we ---- */
	T(ST_EMPATHY, 1, EX_NONE, W_BEFORE, CH_ANY,
	  "知道最近大家都不容易。{invoices}的{amount_due}{due_date}到期，如果资金"
	  "安排上有难处，请提前跟我说，我们一起想办法。"),
	T(ST_EMPATHY, 1, EX_NONE, W_OVERDUE, CH_CALL,
	  "我知道最近贵司资金也紧，你难，我也难。{invoices}的{amount_due}对我们"
	  "这样的团队压力很大，能不能请您帮忙先安排一部分，剩下的我们一起商量个"
	  "时间表？"),
	T(ST_EMPATHY, 1, EX_NONE, W_OVERDUE, CH_LETTER,
	  "{customer}：\n我们理解贵司当前经营上的压力，也一直希望与贵司共渡难关。"
	  "发票{invoices}共计{amount_due}已于{due_date}到期，至今逾期"
	  "{days_overdue}天。如一次付清有困难，请于{pay_by}前与我们联系，共同商定"
	  "付款计划。"),
	T(ST_EMPATHY, 1, EX_NONE, W_OVERDUE, CH_VISIT,
	  "今天当面来，是想听听您那边的真实情况。我们也要给工人发工资、给上游付"
	  "货款。{invoices}的{amount_due}，咱们看看怎么安排：先付多少，余下的什么"
	  "时候。"),
	T(ST_EMPATHY, 0, EX_NONE, W_BEFORE, CH_ANY,
	  "I know times are hard for everyone. {invoices} ({amount_due}) "
	  "falls due on {due_date}; if paying on time will be difficult, tell me "
	  "early and we will find a way together."),
	T(ST_EMPATHY, 0, EX_NONE, W_OVERDUE, CH_CALL,
	  "I know cash is tight on your side too: it is hard for you, and it is "
	  "hard for us. {invoices} ({amount_due}) weighs heavily on a team "
	  "like ours; could you help us with part of it now, and we agree a "
	  "schedule for the rest together?"),
	T(ST_EMPATHY, 0, EX_NONE, W_OVERDUE, CH_LETTER,
	  "Dear {customer},\nWe understand the pressure your business is under, "
	  "and we want to see it through with you. Invoices {invoices}, "
	  "{amount_due} in all, were due on {due_date} and have been unpaid for "
	  "{days_overdue} days. If paying in one sum is difficult, please "
	  "contact us by {pay_by} to agree a payment plan."),
	T(ST_EMPATHY, 0, EX_NONE, W_OVERDUE, CH_VISIT,
	  "I came in person to understand where things stand for you. We have "
	  "wages and suppliers to pay as well. Let us work out {invoices} "
	  "({amount_due}) together: how much now, and when the rest."),
	T(ST_EMPATHY, 1, EX_CLIMATE, W_OVERDUE, CH_ANY,
	  "整个行业都在过冬，这个我们感同身受。正因为这样，更要互相撑一把："
	  "{invoices}的{amount_due}，能不能先安排一部分，余下的我们一起定个计划？"),
	T(ST_EMPATHY, 0, EX_CLIMATE, W_OVERDUE, CH_ANY,
	  "The whole industry is going through a hard winter, and we feel it "
	  "too. That is exactly why we should help each other: could part of "
	  "{invoices} ({amount_due}) be paid now, and we plan the rest "
	  "together?"),

	/* ---- 共赢式 win-win: the same goal ---- */
	T(ST_WIN_WIN, 1, EX_NONE, W_BEFORE, CH_ANY,
	  "{due_date}这笔{amount_due}（{invoices}）按时到位，我们下一阶段的排产和"
	  "技术支持就能全力跟上贵司的计划。咱们一起把这个项目做成标杆。"),
	T(ST_WIN_WIN, 1, EX_NONE, W_OVERDUE, CH_CALL,
	  "我们的目标是一致的：贵司的产品卖得好，我们才能把服务做得更好。把"
	  "{invoices}的{amount_due}结清，我们就能继续优先保障贵司的交期和备件。"
	  "我好，你也好。"),
	T(ST_WIN_WIN, 1, EX_NONE, W_OVERDUE, CH_LETTER,
	  "{customer}：\n感谢贵司一直以来的合作。为保障后续订单的排产与备件供应，"
	  "请贵司于{pay_by}前付清已于{due_date}到期的发票{invoices}，共计"
	  "{amount_due}（已逾期{days_overdue}天）。我们期待继续为贵司提供优先的"
	  "交付与服务。"),
	T(ST_WIN_WIN, 1, EX_NONE, W_OVERDUE, CH_VISIT,
	  "今天来一是汇报下一阶段的交付计划，二是把{invoices}的{amount_due}落实"
	  "一下。这笔款到位，新订单的排产我们马上可以锁定。"),
	T(ST_WIN_WIN, 0, EX_NONE, W_BEFORE, CH_ANY,
	  "With {invoices} ({amount_due}) in by {due_date}, our production "
	  "planning and technical support can keep full pace with your plans. "
	  "Let us make this project one we are both proud of."),
	T(ST_WIN_WIN, 0, EX_NONE, W_OVERDUE, CH_CALL,
	  "We want the same thing: when your products sell well, we can serve "
	  "you better. Settling {invoices} ({amount_due}) keeps your "
	  "deliveries and spare parts first in line. What is good for us is good "
	  "for you."),
	T(ST_WIN_WIN, 0, EX_NONE, W_OVERDUE, CH_LETTER,
	  "Dear {customer},\nThank you for our work together. So that we can "
	  "keep your next orders and spare parts first in line, please pay "
	  "invoices {invoices}, {amount_due} in all, due on {due_date} and "
	  "unpaid for {days_overdue} days, by {pay_by}."),
	T(ST_WIN_WIN, 0, EX_NONE, W_OVERDUE, CH_VISIT,
	  "I came to go through the plan for your next deliveries, and to settle "
	  "{invoices} ({amount_due}). With that paid, we can lock in the "
	  "production slots for your new order today."),
	T(ST_WIN_WIN, 1, EX_THREAT, W_OVERDUE, CH_ANY,
	  "换供应商对贵司也是成本：重新验证、重新磨合，交期和品质都有风险。我们"
	  "更愿意一起把事情做好：结清{invoices}的{amount_due}，后面的价格和服务"
	  "我们都可以坐下来谈。"),
	T(ST_WIN_WIN, 0, EX_THREAT, W_OVERDUE, CH_ANY,
	  "Changing suppliers costs you too: new trials, a new learning curve, "
	  "risks to delivery and quality. We would rather get this right "
	  "together: settle {invoices} ({amount_due}), and we will sit down "
	  "about price and service for what comes next."),

	/* ---- 求助式 asking for help ---- */
	T(ST_ASK_HELP, 1, EX_NONE, W_BEFORE, CH_ANY,
	  "想先拜托您一下：{invoices}的{amount_due}{due_date}到期，到时候能不能请"
	  "您帮忙盯一下流程？有什么需要我准备的，您尽管说。"),
	T(ST_ASK_HELP, 1, EX_NONE, W_OVERDUE, CH_CALL,
	  "这次真的要拜托您了：{invoices}的{amount_due}，能不能请您帮我加急处理"
	  "一下？您的帮忙我一定记在心里，也会向贵司领导说明您的支持。"),
	T(ST_ASK_HELP, 1, EX_NONE, W_OVERDUE, CH_LETTER,
	  "{customer}：\n发票{invoices}共计{amount_due}已于{due_date}到期，至今逾期"
	  "{days_overdue}天。恳请贵司协助加快审批，于{pay_by}前安排付款；如需我方"
	  "补充任何单据，请告知，我们将立即提供。"),
	T(ST_ASK_HELP, 1, EX_NONE, W_OVERDUE, CH_VISIT,
	  "今天当面来，就是想请您帮个忙：{invoices}的{amount_due}卡了挺久了，您看"
	  "走哪个环节最快，我陪您一起跑一趟？"),
	T(ST_ASK_HELP, 0, EX_NONE, W_BEFORE, CH_ANY,
	  "May I ask a favour in advance? {invoices} ({amount_due}) falls "
	  "due on {due_date}; could you keep an eye on it as it goes through "
	  "approval? Tell me anything I should prepare."),
	T(ST_ASK_HELP, 0, EX_NONE, W_OVERDUE, CH_CALL,
	  "I really need your help this time: could you push {invoices} ({amount_due})"
	  " through for me? I will not forget it, and I will make sure "
	  "your managers hear how much you helped."),
	T(ST_ASK_HELP, 0, EX_NONE, W_OVERDUE, CH_LETTER,
	  "Dear {customer},\nInvoices {invoices}, {amount_due} in all, were due "
	  "on {due_date} and have been unpaid for {days_overdue} days. We would "
	  "be grateful for your help in speeding up their approval so that they "
	  "are paid by {pay_by}; if you need any document from us, please tell "
	  "us and we will send it at once."),
	T(ST_ASK_HELP, 0, EX_NONE, W_OVERDUE, CH_VISIT,
	  "I came to ask for your help in person: {invoices} ({amount_due}) "
	  "has been stuck for a while. Which step would move it fastest? I can "
	  "walk it through with you."),
	T(ST_ASK_HELP, 1, EX_FINANCE_AWAY, W_OVERDUE, CH_ANY,
	  "知道财务同事这几天不在，拜托您帮我留意一下：发票和对账单我已经备好，"
	  "可以先发给您；财务一回来，能不能请您帮我加急处理{invoices}的"
	  "{amount_due}？"),
	T(ST_ASK_HELP, 0, EX_FINANCE_AWAY, W_OVERDUE, CH_ANY,
	  "I know your finance colleague is away. Could you keep an eye on this "
	  "for me? The invoice and the statement are ready and I can send them "
	  "to you now, so that {invoices} ({amount_due}) can be paid as soon "
	  "as they are back."),

	/* ---- 节点式 deadline: a date everyone knows ---- */
	T(ST_DEADLINE, 1, EX_NONE, W_BEFORE, CH_ANY,
	  "{period}结账在{period_end}，{invoices}的{amount_due}{due_date}到期，"
	  "麻烦您提前安排，别赶在节点上。"),
	T(ST_DEADLINE, 1, EX_NONE, W_OVERDUE, CH_CALL,
	  "{period_end}是我们{period}考核的节点，能不能评上优秀就靠您的支持了。"
	  "{invoices}的{amount_due}如果能在这之前到账，对我帮助特别大。"),
	T(ST_DEADLINE, 1, EX_NONE, W_OVERDUE, CH_LETTER,
	  "{customer}：\n我司{period}结账日为{period_end}。发票{invoices}共计"
	  "{amount_due}已于{due_date}到期，逾期{days_overdue}天。请贵司于{pay_by}"
	  "前付清，以便双方完成对账。"),
	T(ST_DEADLINE, 1, EX_NONE, W_OVERDUE, CH_VISIT,
	  "{period}结账就在{period_end}，财务要在那之前把账对清。今天过来就是想把"
	  "{invoices}的{amount_due}落实到具体日期。"),
	T(ST_DEADLINE, 0, EX_NONE, W_BEFORE, CH_ANY,
	  "Our books for the {period} close on {period_end}, and {invoices} "
	  "({amount_due}) falls due on {due_date}: could you arrange it in good "
	  "time, not at the last minute?"),
	T(ST_DEADLINE, 0, EX_NONE, W_OVERDUE, CH_CALL,
	  "{period_end} closes our books for the {period}, and whether I make my "
	  "target depends on your support. If {invoices} ({amount_due}) "
	  "arrives before then, it would help me enormously."),
	T(ST_DEADLINE, 0, EX_NONE, W_OVERDUE, CH_LETTER,
	  "Dear {customer},\nOur books for the {period} close on {period_end}. "
	  "Invoices {invoices}, {amount_due} in all, were due on {due_date} and "
	  "have been unpaid for {days_overdue} days. Please pay them by {pay_by} "
	  "so that both our books agree."),
	T(ST_DEADLINE, 0, EX_NONE, W_OVERDUE, CH_VISIT,
	  "Our books for the {period} close on {period_end}, and finance must "
	  "reconcile everything by then. I came to agree a date for "
	  "{invoices} ({amount_due})."),
	T(ST_DEADLINE, 1, EX_NO_RUSH, W_OVERDUE, CH_ANY,
	  "您说不急，可我们这边{period}结账就在{period_end}，过了这个节点，"
	  "{invoices}的{amount_due}就要按逾期上报了。能不能请您在这之前帮忙安排？"),
	T(ST_DEADLINE, 0, EX_NO_RUSH, W_OVERDUE, CH_ANY,
	  "You say there is no rush, but our books for the {period} close on "
	  "{period_end}; after that {invoices} ({amount_due}) must be "
	  "reported as overdue. Could you arrange it before then?"),

	/* ---- 求教式 asking for advice ---- */
	T(ST_ASK_ADVICE, 1, EX_NONE, W_BEFORE, CH_ANY,
	  "想请教您：{invoices}的{amount_due}{due_date}到期，贵司付款要走哪些环节？"
	  "我提前把材料备齐。"),
	T(ST_ASK_ADVICE, 1, EX_NONE, W_OVERDUE, CH_CALL,
	  "我经验不足，但压力很大，想请教您：我还需要做点什么，才能请财务或领导"
	  "更快批复{invoices}的{amount_due}？"),
	T(ST_ASK_ADVICE, 1, EX_NONE, W_OVERDUE, CH_LETTER,
	  "{customer}：\n发票{invoices}共计{amount_due}已于{due_date}到期，逾期"
	  "{days_overdue}天。为尽快完成付款，请告知贵司付款所需的审批环节与单据"
	  "要求，我方将于收到后立即补齐。请于{pay_by}前安排付款。"),
	T(ST_ASK_ADVICE, 1, EX_NONE, W_OVERDUE, CH_VISIT,
	  "您对贵司的流程最熟，想当面听听您的建议：{invoices}的{amount_due}，走哪个"
	  "审批环节最快？需要补什么材料，我今天就带回去准备。"),
	T(ST_ASK_ADVICE, 0, EX_NONE, W_BEFORE, CH_ANY,
	  "May I ask your advice? {invoices} ({amount_due}) falls due on "
	  "{due_date}: which approvals does it go through on your side? I will "
	  "have the paperwork ready in advance."),
	T(ST_ASK_ADVICE, 0, EX_NONE, W_OVERDUE, CH_CALL,
	  "I am under a lot of pressure, so I would value your advice: what else "
	  "can I do to get finance or your managers to approve {invoices} "
	  "({amount_due}) sooner?"),
	T(ST_ASK_ADVICE, 0, EX_NONE, W_OVERDUE, CH_LETTER,
	  "Dear {customer},\nInvoices {invoices}, {amount_due} in all, were due "
	  "on {due_date} and have been unpaid for {days_overdue} days. To "
	  "complete the payment quickly, please tell us which approvals and "
	  "documents your process requires; we will supply them at once. Please "
	  "arrange the payment by {pay_by}."),
	T(ST_ASK_ADVICE, 0, EX_NONE, W_OVERDUE, CH_VISIT,
	  "You know your company's process better than anyone. Which approval "
	  "step would move {invoices} ({amount_due}) fastest? Tell me what "
	  "paperwork you need and I will take it back with me today."),
	T(ST_ASK_ADVICE, 1, EX_PROCESS, W_OVERDUE, CH_ANY,
	  "想请教您：贵司付款的流程和标准是怎样的，每一步需要哪些单据？我把发票、"
	  "合同和验收单都按要求准备好，免得{invoices}的{amount_due}卡在流程里。"),
	T(ST_ASK_ADVICE, 0, EX_PROCESS, W_OVERDUE, CH_ANY,
	  "Could you walk me through your payment process and what each step "
	  "needs? I will prepare the invoice, the contract and the acceptance "
	  "exactly as required, so that {invoices} ({amount_due}) does not "
	  "get stuck."),
	T(ST_ASK_ADVICE, 1, EX_BOSS, W_OVERDUE, CH_ANY,
	  "听说领导对项目还有些想法，想请教您：领导最关心的是哪几点？我们可以专门"
	  "准备一份汇报；同时也请您帮忙推动{invoices}的{amount_due}。"),
	T(ST_ASK_ADVICE, 0, EX_BOSS, W_OVERDUE, CH_ANY,
	  "I hear your manager still has concerns about the project. What "
	  "matters most to them? We can prepare a briefing just for that; and "
	  "meanwhile could you help move {invoices} ({amount_due})?"),

	/* ---- 代价式 concession: a small gain for a large one ---- */
	T(ST_CONCESSION, 1, EX_NONE, W_BEFORE, CH_ANY,
	  "{invoices}的{amount_due}{due_date}到期。如果一次付清有困难，可以提前跟"
	  "我们商量分期，我们愿意给出诚意。"),
	T(ST_CONCESSION, 1, EX_NONE, W_OVERDUE, CH_CALL,
	  "为了支持贵司在特殊情况下的付款安排，我们愿意额外提供一次免费的设备巡检"
	  "服务，也请贵司在{period_end}前先支付{invoices}的{amount_due}。"),
	T(ST_CONCESSION, 1, EX_NONE, W_OVERDUE, CH_LETTER,
	  "{customer}：\n发票{invoices}共计{amount_due}已逾期{days_overdue}天。考虑"
	  "到贵司的实际困难，我方同意分两期付款：首期于{pay_by}前支付一半，余款于"
	  "下月底前付清。请于{pay_by}前书面确认该安排。"),
	T(ST_CONCESSION, 1, EX_NONE, W_OVERDUE, CH_VISIT,
	  "如果一次付清有困难，我们可以接受分期：本月先付一半，余款下月结清。这是"
	  "我们能给出的最大诚意，也希望贵司给予同样的支持，把{invoices}的"
	  "{amount_due}按计划付清。"),
	T(ST_CONCESSION, 0, EX_NONE, W_BEFORE, CH_ANY,
	  "{invoices} ({amount_due}) falls due on {due_date}. If one payment "
	  "would be hard, talk to us about instalments before then; we are ready "
	  "to meet you."),
	T(ST_CONCESSION, 0, EX_NONE, W_OVERDUE, CH_CALL,
	  "To support your payment in these special circumstances, we are "
	  "willing to add an extra service visit at no charge; in return we ask "
	  "that {invoices} ({amount_due}) be paid before {period_end}."),
	T(ST_CONCESSION, 0, EX_NONE, W_OVERDUE, CH_LETTER,
	  "Dear {customer},\nInvoices {invoices}, {amount_due} in all, have been "
	  "unpaid for {days_overdue} days. Given your circumstances, we agree to "
	  "two instalments: half by {pay_by}, the rest by the end of next month. "
	  "Please confirm this arrangement in writing by {pay_by}."),
	T(ST_CONCESSION, 0, EX_NONE, W_OVERDUE, CH_VISIT,
	  "If paying in one sum is difficult, we can accept instalments: half "
	  "this month, the rest next month. That is as far as we can go, and we "
	  "hope you will meet us there with {invoices} ({amount_due})."),

	/* ---- 例证式 precedent: like cases, treated alike ---- */
	T(ST_PRECEDENT, 1, EX_NONE, W_BEFORE, CH_ANY,
	  "同期的合作方都是按合同到期付款的。{invoices}的{amount_due}{due_date}"
	  "到期，也请贵司按同样的标准安排。"),
	T(ST_PRECEDENT, 1, EX_NONE, W_OVERDUE, CH_CALL,
	  "同样品质和服务的情况下，其它客户的款项都已经结清了，也请贵司给予同样的"
	  "支持，安排{invoices}的{amount_due}。"),
	T(ST_PRECEDENT, 1, EX_NONE, W_OVERDUE, CH_LETTER,
	  "{customer}：\n我方对所有客户执行同一付款标准。发票{invoices}共计"
	  "{amount_due}已于{due_date}到期，逾期{days_overdue}天。请贵司于{pay_by}"
	  "前按合同付清。"),
	T(ST_PRECEDENT, 1, EX_NONE, W_OVERDUE, CH_VISIT,
	  "这个项目同期的几家合作方都按合同付了款，我们对每家客户都一视同仁。今天"
	  "来，就是想把{invoices}的{amount_due}也按同样的标准落实下来。"),
	T(ST_PRECEDENT, 1, EX_NONE, W_OVERDUE, CH_ANY,
	  "和您情况相似的{case}他们也是按约付款的。{invoices}的{amount_due}，也请"
	  "按同样的标准处理。"),
	T(ST_PRECEDENT, 0, EX_NONE, W_BEFORE, CH_ANY,
	  "Our other partners on this project pay on their due dates. "
	  "{invoices} ({amount_due}) falls due on {due_date}; we ask you to "
	  "treat it the same way."),
	T(ST_PRECEDENT, 0, EX_NONE, W_OVERDUE, CH_CALL,
	  "For the same quality and service, our other customers have already "
	  "paid in full; we ask you for the same support with {invoices} "
	  "({amount_due})."),
	T(ST_PRECEDENT, 0, EX_NONE, W_OVERDUE, CH_LETTER,
	  "Dear {customer},\nWe apply the same payment terms to every customer. "
	  "Invoices {invoices}, {amount_due} in all, were due on {due_date} and "
	  "have been unpaid for {days_overdue} days. Please pay them by {pay_by} "
	  "as the contract provides."),
	T(ST_PRECEDENT, 0, EX_NONE, W_OVERDUE, CH_VISIT,
	  "The other partners on this project have paid as their contracts say, "
	  "and we treat every customer alike. I came to settle {invoices} "
	  "({amount_due}) the same way."),
	T(ST_PRECEDENT, 0, EX_NONE, W_OVERDUE, CH_ANY,
	  "A case like yours: {case} They paid as agreed; we ask the same for "
	  "{invoices} ({amount_due})."),
	T(ST_PRECEDENT, 1, EX_PRICE, W_OVERDUE, CH_ANY,
	  "价格是签合同时双方确认过的，同样的价格，其它客户都已经按期付款了。我们"
	  "对每家都一视同仁，也请贵司按合同支付{invoices}的{amount_due}。"),
	T(ST_PRECEDENT, 0, EX_PRICE, W_OVERDUE, CH_ANY,
	  "The price was agreed by both sides when the contract was signed, and "
	  "our other customers have paid the same price on time. We treat "
	  "everyone alike, so we ask you to pay {invoices} ({amount_due}) as "
	  "agreed."),

	/* ---- 愿景式 vision: beyond this job ---- */
	T(ST_VISION, 1, EX_NONE, W_BEFORE, CH_ANY,
	  "这个项目做成了，是您的业绩，也是我们的口碑。{invoices}的{amount_due}"
	  "{due_date}到期，按时到位，后面的合作会更顺。"),
	T(ST_VISION, 1, EX_NONE, W_OVERDUE, CH_CALL,
	  "尽管表面上看起来我只是您的供应商，但我一直是把您当朋友的。未来不管您到"
	  "哪个岗位，我都会一如既往地支持您的工作。{invoices}的{amount_due}，也请"
	  "您帮我把把关。"),
	T(ST_VISION, 1, EX_NONE, W_OVERDUE, CH_LETTER,
	  "{customer}：\n我们珍视与贵司的长期合作，也希望项目成果成为双方共同的"
	  "口碑。发票{invoices}共计{amount_due}已于{due_date}到期，逾期"
	  "{days_overdue}天，请于{pay_by}前付清，以便我们继续全力支持贵司的后续"
	  "规划。"),
	T(ST_VISION, 1, EX_NONE, W_OVERDUE, CH_VISIT,
	  "今天来，一是聊聊明年的规划，二是把{invoices}的{amount_due}收个尾。这件事"
	  "办好了，您在公司里推动后面的项目也更有分量。"),
	T(ST_VISION, 0, EX_NONE, W_BEFORE, CH_ANY,
	  "This project's success is your achievement and our reputation. "
	  "{invoices} ({amount_due}) falls due on {due_date}; paid on time, it "
	  "makes everything after it easier."),
	T(ST_VISION, 0, EX_NONE, W_OVERDUE, CH_CALL,
	  "On paper I am only your supplier, but I have always thought of you as "
	  "a friend. Wherever your career takes you, you will have my full "
	  "support. I would be grateful if you could see {invoices} ({amount_due})"
	  " through."),
	T(ST_VISION, 0, EX_NONE, W_OVERDUE, CH_LETTER,
	  "Dear {customer},\nWe value our long partnership and want this project "
	  "to be a success we share. Invoices {invoices}, {amount_due} in all, "
	  "were due on {due_date} and have been unpaid for {days_overdue} days; "
	  "please pay them by {pay_by} so that we can keep giving your plans our "
	  "full support."),
	T(ST_VISION, 0, EX_NONE, W_OVERDUE, CH_VISIT,
	  "I came to talk about next year's plans, and to close {invoices} "
	  "({amount_due}). With that done, you will carry more weight pushing the "
	  "next project inside your company."),
	T(ST_VISION, 1, EX_CHANGE, W_OVERDUE, CH_ANY,
	  "贵司最近有新的调整，我们很愿意配合新团队把事情理顺：合同、验收和对账单"
	  "都可以重新过一遍。也请把{invoices}的{amount_due}纳入交接，别让它在变动中"
	  "被搁下。"),
	T(ST_VISION, 0, EX_CHANGE, W_OVERDUE, CH_ANY,
	  "Your company is going through changes, and we are glad to help the "
	  "new team get settled: we can go through the contract, the acceptance "
	  "and the statement again. Please make {invoices} ({amount_due}) "
	  "part of the handover, so that it is not lost in the change."),
	T(ST_VISION, 1, EX_AGENDA, W_OVERDUE, CH_ANY,
	  "我们理解每个人在公司里都有自己的目标。这个项目做得好，就是您的业绩，"
	  "我们也愿意在贵司内部为您的成绩作证。请按合同把{invoices}的{amount_due}"
	  "安排好，这对双方都是加分。"),
	T(ST_VISION, 0, EX_AGENDA, W_OVERDUE, CH_ANY,
	  "We understand everyone has their own goals at work. This project done "
	  "well is your achievement, and we are glad to say so inside your "
	  "company. Arranging {invoices} ({amount_due}) as the contract says "
	  "counts in your favour too."),

	/* ---- 严肃式 firm: formal, the contract and the law ---- */
	T(ST_FIRM, 1, EX_NONE, W_OVERDUE, CH_CALL,
	  "根据具有法律效力的合同办事，是咱们双方都应该遵守的原则和底线。"
	  "{invoices}的{amount_due}已逾期{days_overdue}天，我方会认真考虑寻求法律"
	  "支持。真若如此，对贵司声誉带来的负面影响，实属非必要。"),
	T(ST_FIRM, 1, EX_NONE, W_OVERDUE, CH_LETTER,
	  "{customer}：\n我方正式通知：发票{invoices}共计{amount_due}已于{due_date}"
	  "到期，至今未付，逾期{days_overdue}天。请于{deadline}前付清，否则我方将按"
	  "合同约定收取逾期利息，并委托律师依法处理。本函作为书面催告，请妥善保存。"),
	T(ST_FIRM, 1, EX_NONE, W_OVERDUE, CH_LETTER,
	  "{customer}：\n我方正式通知：发票{invoices}共计{amount_due}已于{due_date}"
	  "到期，至今未付，逾期{days_overdue}天。请于{pay_by}前付清，否则我方将按"
	  "合同约定收取逾期利息，并委托律师依法处理。本函作为书面催告，请妥善保存。"),
	T(ST_FIRM, 1, EX_NONE, W_OVERDUE, CH_VISIT,
	  "今天当面把话说清楚：{invoices}的{amount_due}已经逾期{days_overdue}天，"
	  "我们不能再等。请今天给出明确的付款日期，否则我们只能走法律程序。"),
	T(ST_FIRM, 0, EX_NONE, W_OVERDUE, CH_CALL,
	  "Acting on a legally binding contract is the principle we both agreed "
	  "to. {invoices} ({amount_due}) is {days_overdue} days overdue; we "
	  "will seriously consider legal remedies, and the harm that would do to "
	  "your company's reputation is something neither of us needs."),
	T(ST_FIRM, 0, EX_NONE, W_OVERDUE, CH_LETTER,
	  "Dear {customer},\nThis is formal notice: invoices {invoices}, "
	  "{amount_due} in all, were due on {due_date} and have been unpaid for "
	  "{days_overdue} days. Please pay them in full by {deadline}; otherwise "
	  "we will charge the contractual late interest and instruct our "
	  "lawyers. Please keep this letter: it is our written demand."),
	T(ST_FIRM, 0, EX_NONE, W_OVERDUE, CH_LETTER,
	  "Dear {customer},\nThis is formal notice: invoices {invoices}, "
	  "{amount_due} in all, were due on {due_date} and have been unpaid for "
	  "{days_overdue} days. Please pay them in full by {pay_by}; otherwise "
	  "we will charge the contractual late interest and instruct our "
	  "lawyers. Please keep this letter: it is our written demand."),
	T(ST_FIRM, 0, EX_NONE, W_OVERDUE, CH_VISIT,
	  "I came to say it plainly: {invoices} ({amount_due}) is "
	  "{days_overdue} days overdue, and we cannot wait any longer. Please "
	  "give me a firm payment date today, or we will have to go to law."),

	/* ---- a whole account, not its invoices (a row of ar-age -g
	 * customer): said of the balance, the last choice of each style ---- */
	T(ST_FAIR_DEAL, 1, EX_NONE, W_ANY, CH_ANY,
	  "我们一直按合同交付，每个节点都有贵司的签字确认。贵司账上的{amount_due}，"
	  "也请按合同约定安排付款。"),
	T(ST_FAIR_DEAL, 0, EX_NONE, W_ANY, CH_ANY,
	  "We have delivered what the contract asks, and each milestone carries "
	  "your signature. Please arrange the {amount_due} on your account as the "
	  "contract provides."),
	T(ST_EMPATHY, 1, EX_NONE, W_ANY, CH_ANY,
	  "我知道最近大家都不容易，你难，我也难。贵司账上的{amount_due}，咱们一起"
	  "看看怎么安排，先定一个付款时间。"),
	T(ST_EMPATHY, 0, EX_NONE, W_ANY, CH_ANY,
	  "I know times are hard, for you and for us. Let us look together at the "
	  "{amount_due} on your account and agree a date for it."),
	T(ST_WIN_WIN, 1, EX_NONE, W_ANY, CH_ANY,
	  "我们希望和贵司长期合作、共同成长。账上的{amount_due}按时结清，我们就能"
	  "继续优先保障贵司的交付和服务。"),
	T(ST_WIN_WIN, 0, EX_NONE, W_ANY, CH_ANY,
	  "We want to grow with you for the long run. With the {amount_due} on "
	  "your account settled on time, we can keep your deliveries and service "
	  "first in line."),
	T(ST_ASK_HELP, 1, EX_NONE, W_ANY, CH_ANY,
	  "想拜托您帮个忙：贵司账上的{amount_due}，能不能请您帮我加急处理一下？"),
	T(ST_ASK_HELP, 0, EX_NONE, W_ANY, CH_ANY,
	  "May I ask for your help? Could you push the {amount_due} on your "
	  "account through for us?"),
	T(ST_DEADLINE, 1, EX_NONE, W_ANY, CH_ANY,
	  "我们{period}结账在{period_end}，贵司账上的{amount_due}如果能在这之前到账，"
	  "对我帮助特别大。"),
	T(ST_DEADLINE, 0, EX_NONE, W_ANY, CH_ANY,
	  "Our {period} closes on {period_end}. If the {amount_due} on your "
	  "account can arrive before then, it would help us a great deal."),
	T(ST_ASK_ADVICE, 1, EX_NONE, W_ANY, CH_ANY,
	  "想请教您：贵司账上的{amount_due}，走哪个流程、找哪位领导审批最快？"),
	T(ST_ASK_ADVICE, 0, EX_NONE, W_ANY, CH_ANY,
	  "May I ask your advice? For the {amount_due} on your account, which "
	  "approval step and which manager would move it fastest?"),
	T(ST_CONCESSION, 1, EX_NONE, W_ANY, CH_ANY,
	  "我们可以多安排一次现场服务，也可以分期；也希望贵司给予同样的支持，把账上"
	  "的{amount_due}落实到具体日期。"),
	T(ST_CONCESSION, 0, EX_NONE, W_ANY, CH_ANY,
	  "We can add a service visit, or spread the payment in instalments; in "
	  "return we ask you to fix a date for the {amount_due} on your account."),
	T(ST_PRECEDENT, 1, EX_NONE, W_ANY, CH_ANY,
	  "我们对每家客户执行同一付款标准，同期的合作方都是按合同付款的。贵司账上的"
	  "{amount_due}，也请按约定安排。"),
	T(ST_PRECEDENT, 0, EX_NONE, W_ANY, CH_ANY,
	  "We hold every customer to the same terms, and our other customers pay "
	  "on them. Please arrange the {amount_due} on your account as agreed."),
	T(ST_VISION, 1, EX_NONE, W_ANY, CH_ANY,
	  "我们看重的不只是这一单，而是和贵司更长远的合作。先把账上的{amount_due}"
	  "结清，后面的价格和服务我们一起规划。"),
	T(ST_VISION, 0, EX_NONE, W_ANY, CH_ANY,
	  "We care about more than this order: about the years ahead with you. "
	  "Settle the {amount_due} on your account, and we will plan prices and "
	  "service together."),
	T(ST_FIRM, 1, EX_NONE, W_OVERDUE, CH_ANY,
	  "{customer}：贵司账上逾期的{amount_due}未按合同约定支付。请于{pay_by}前"
	  "付清，否则我方将依照合同和法律追究。"),
	T(ST_FIRM, 0, EX_NONE, W_OVERDUE, CH_ANY,
	  "{customer}: the {amount_due} overdue on your account has not been paid "
	  "as the contract requires. Please pay it by {pay_by}, or we will act "
	  "under the contract and the law."),
	/* ---- a dispute: ask what is wrong, propose a date; no demand ---- */
	T(ST_FAIR_DEAL, 1, EX_NONE, W_DISPUTE, CH_ANY,
	  "关于{invoices}，贵司提出了异议，我们非常重视。请告诉我们具体是哪里不符合"
	  "合同：我们把验收单和检测记录带上，{pay_by}前约个时间一起逐项核对，把问题"
	  "解决在前面。"),
	T(ST_FAIR_DEAL, 0, EX_NONE, W_DISPUTE, CH_ANY,
	  "You have raised an objection to {invoices}, and we take it seriously. "
	  "Please tell us exactly where you find the work short of the contract: "
	  "we will bring the acceptance and the test records, and propose that "
	  "we go through them together before {pay_by}."),
	T(ST_EMPATHY, 1, EX_NONE, W_DISPUTE, CH_ANY,
	  "听说{invoices}让您那边不满意，换了我也会着急。能不能跟我说说具体情况？"
	  "我们{pay_by}前安排一次碰面，先把问题弄清楚。"),
	T(ST_EMPATHY, 0, EX_NONE, W_DISPUTE, CH_ANY,
	  "I hear {invoices} left you unhappy, and I would feel the same. Could "
	  "you tell me what went wrong? Let us meet before {pay_by} and get to "
	  "the bottom of it first."),
	T(ST_ASK_ADVICE, 1, EX_NONE, W_DISPUTE, CH_ANY,
	  "想请教您：{invoices}哪些地方没达到贵司的要求？您觉得怎样处理最合适？"
	  "我们{pay_by}前带上技术人员过来，按您的意见一起商量解决方案。"),
	T(ST_ASK_ADVICE, 0, EX_NONE, W_DISPUTE, CH_ANY,
	  "May I ask: where did {invoices} fall short of what you needed, and how "
	  "would you like it put right? We can come with our engineers before "
	  "{pay_by} and agree the fix with you."),
	T(ST_WIN_WIN, 1, EX_NONE, W_DISPUTE, CH_ANY,
	  "{invoices}的分歧，早解决对双方都好。请把您的意见列出来，我们{pay_by}前"
	  "一起开个会，定一个双方都认可的处理办法。"),
	T(ST_WIN_WIN, 0, EX_NONE, W_DISPUTE, CH_ANY,
	  "The sooner we resolve the disagreement over {invoices}, the better for "
	  "both of us. Please list your points, and let us meet before {pay_by} "
	  "to agree a way forward we can both accept."),
	T(-1, 1, EX_NONE, W_DISPUTE, CH_ANY,
	  "关于{invoices}的异议，我们想先把问题弄清楚：请告诉我们哪里有问题，我们"
	  "{pay_by}前约时间当面核对、商定处理办法。"),
	T(-1, 0, EX_NONE, W_DISPUTE, CH_ANY,
	  "About your objection to {invoices}: we want to understand it first. "
	  "Please tell us what is wrong, and let us meet before {pay_by} to check "
	  "it together and agree what to do."),

	/* ---- a promise due tomorrow ---- */
	T(-1, 1, EX_NONE, W_PROMISE, CH_ANY,
	  "提醒一下：您之前答应{promise_date}安排{invoices}的{amount_due}，明天就"
	  "到了。流程上有什么需要我配合的，随时说。"),
	T(-1, 0, EX_NONE, W_PROMISE, CH_ANY,
	  "A reminder: you kindly promised {invoices} ({amount_due}) for "
	  "{promise_date}, which is tomorrow. If anything is needed from our side "
	  "to get it through, just tell me."),

	/* ---- the actions with a letter of their own ---- */
	A(1, W_ANY, "apply-cash",
	  "{customer}：贵司的来款我们已经收到，非常感谢。为了准确核销，请告诉我们"
	  "这笔款项对应哪些发票：目前未结的有{invoices}。"),
	A(0, W_ANY, "apply-cash",
	  "Dear {customer}, thank you for your payment, which we have received. "
	  "So that we can apply it correctly, please tell us which invoices it "
	  "pays: those open are {invoices}."),
	A(1, W_ANY, "confirm-balance",
	  "{customer}：\n为核对往来账目，现将截至{date}贵司应付我方的款项列示如下："
	  "发票{invoices}，逾期未付{amount_due}。请核对后于{pay_by}前在回执上签章"
	  "确认（余额无误或余额不符并注明贵司所记金额）寄回我方。"),
	A(0, W_ANY, "confirm-balance",
	  "Dear {customer},\nTo reconcile our accounts, we list what your "
	  "company owes us as of {date}: invoices {invoices}, {amount_due} "
	  "overdue. Please check it and return the reply slip signed and stamped "
	  "by {pay_by}, confirming the balance or stating the amount your books "
	  "show."),
	A(1, W_ANY, "switch-to-prepay",
	  "{customer}：\n鉴于发票{invoices}共计{amount_due}逾期{days_overdue}天未付，"
	  "自即日起，我方对贵司的新订单改为先款后货。上述款项结清后，我方愿意重新"
	  "评估结算方式。"),
	A(0, W_ANY, "switch-to-prepay",
	  "Dear {customer},\nAs invoices {invoices}, {amount_due} in all, have "
	  "been unpaid for {days_overdue} days, we will from today supply new "
	  "orders against payment in advance. Once they are paid, we will gladly "
	  "review these terms."),
	A(1, W_ANY, "lawyer-letter",
	  "{customer}：\n受我方委托，现就发票{invoices}共计{amount_due}（到期日"
	  "{due_date}，已逾期{days_overdue}天）向贵司发出律师函。请于{pay_by}前付清"
	  "全部款项及合同约定的逾期利息；逾期未付，我方将依法提起诉讼或申请支付令，"
	  "由此产生的一切费用由贵司承担。"),
	A(0, W_ANY, "lawyer-letter",
	  "Dear {customer},\nOn our client's instructions we write about "
	  "invoices {invoices}, {amount_due} in all, due on {due_date} and unpaid "
	  "for {days_overdue} days. Unless they are paid in full, with the "
	  "contractual late interest, by {pay_by}, our client will apply for a "
	  "payment order or sue, and the costs will be yours."),

	/* ---- for our own staff ---- */
	A(1, W_INTERNAL, "prepare-documents",
	  "内部：{invoices}将于{due_date}到期，请在提醒客户前备齐发票、合同、"
	  "验收单和对账单。"),
	A(0, W_INTERNAL, "prepare-documents",
	  "Internal: {invoices} falls due on {due_date}; before the reminder, "
	  "have the invoice, contract, acceptance and statement ready."),
	A(1, W_INTERNAL, "stop-shipments",
	  "内部：{customer}的{invoices}净逾期{amount_due}。即日起暂停向其发货，"
	  "结清后再恢复；请通知仓储和交付。"),
	A(0, W_INTERNAL, "stop-shipments",
	  "Internal: {customer} owes {amount_due} net overdue ({invoices}). Stop "
	  "shipments to them from today until it is paid; tell the warehouse and "
	  "delivery."),
	A(1, W_INTERNAL, "legal-review",
	  "内部：{customer}的{invoices}净逾期{amount_due}，已过律师函阶段。请评估："
	  "申请支付令、起诉、仲裁或核销坏账，并核对诉讼时效。"),
	A(0, W_INTERNAL, "legal-review",
	  "Internal: {customer} owes {amount_due} net overdue ({invoices}), past "
	  "the lawyer's letter. Decide: a payment order, a lawsuit, arbitration "
	  "or a write-off, and check the limitation period."),
	A(1, W_INTERNAL, "statute-warning",
	  "内部：{customer}的{invoices}诉讼时效将于{statute_end}届满。届满前请发出"
	  "可留证的书面催告，或取得客户签章的对账函，以中断时效。"),
	A(0, W_INTERNAL, "statute-warning",
	  "Internal: the limitation period of {customer}'s {invoices} ends on "
	  "{statute_end}. Before then, send a written demand we can prove, or get "
	  "a signed balance confirmation, to restart it."),
	A(1, W_INTERNAL, "reconcile",
	  "内部：{customer}净额不欠，请对账并核销未结的收款与发票。"),
	A(0, W_INTERNAL, "reconcile",
	  "Internal: {customer} owes nothing net; reconcile and match their open "
	  "receipts and invoices."),
	A(1, W_INTERNAL, NULL,
	  "内部：{customer}，请按计划处理。"),
	A(0, W_INTERNAL, NULL,
	  "Internal: {customer}: handle as planned."),
};

const size_t scripts_nbuiltin = sizeof(scripts_builtin) /
    sizeof(scripts_builtin[0]);

/* The answers to the excuses (十不, 理由很XIN), said before a script that
 * is not the excuse's own; none of them asks for money. */
const struct excuse_answer scripts_answers[] = {
	{ EX_QUALITY, "关于您提到的质量问题，验收单和检测报告都在，我们愿意逐项"
	  "核对，哪里不符合合同，我们负责到底。", "About the quality you "
	  "mentioned: the acceptance and the test report are here, and we will "
	  "check them point by point; wherever we fell short of the contract, "
	  "we will put it right." },
	{ EX_SERVICE, "关于服务，每次上门和响应都有记录，哪里做得不够，请您直说，"
	  "我们马上改进。", "About our service: every visit and response is on "
	  "record; tell us where we fell short and we will improve at once." },
	{ EX_PRICE, "价格是签约时双方确认的，对每家客户都一样。", "The price was "
	  "agreed by both sides at signing, and it is the same for every "
	  "customer." },
	{ EX_BOSS, "如果领导对项目还有顾虑，我们很愿意专门做一次汇报。", "If your "
	  "manager still has concerns about the project, we would gladly brief "
	  "them in person." },
	{ EX_FINANCE_AWAY, "知道财务同事不在，发票和对账单我们已经备好，可以先发给"
	  "您。", "We know your finance colleague is away; the invoice and the "
	  "statement are ready, and we can send them to you now." },
	{ EX_PROCESS, "流程上需要哪些单据，请告诉我们，我们一次备齐。", "Tell us "
	  "which documents your process needs, and we will provide them all at "
	  "once." },
	{ EX_NO_RUSH, "您说不急，可账期是合同定的，对双方都有约束。", "You say "
	  "there is no rush, but the terms are set by the contract, and they "
	  "bind us both." },
	{ EX_ACCUSE_DISTRUST, "这不是不信任，按合同办事对双方都是保护。", "This is "
	  "not a question of trust: keeping to the contract protects us both." },
	{ EX_THREAT, "换供应商对贵司也有成本和风险，我们更愿意一起把事情做好。",
	  "Changing suppliers has its costs and risks for you too; we would "
	  "rather get this right together." },
	{ EX_BLAME, "您觉得我们哪里做得不对，我们认真听，每个节点都有书面依据可以"
	  "一起核对。", "If you think we did something wrong, we want to hear "
	  "it; every milestone has a written record we can check together." },
	{ EX_CLIMATE, "大环境不容易，我们感同身受，更要互相支持。", "Times are "
	  "hard for everyone, and we feel it too; all the more reason to support "
	  "each other." },
	{ EX_CHANGE, "贵司最近有调整，我们很愿意配合新团队把事情理顺。", "Your "
	  "company is going through changes, and we are glad to help the new "
	  "team get settled." },
	{ EX_AGENDA, "我们理解每个人都有自己的目标，项目做好了也是您的业绩。", "We "
	  "understand everyone has their own goals; this project done well is "
	  "your achievement too." },
};

const size_t scripts_nanswers = sizeof(scripts_answers) /
    sizeof(scripts_answers[0]);
