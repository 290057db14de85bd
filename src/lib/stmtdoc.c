/* stmtdoc.c - the letters of ar-statement (stmtdoc.h). The wording is the
 * tables below: rows of (section, condition, list, en, zh) with {name}
 * placeholders, rendered by prose.c; the code after them only says which
 * conditions hold and what each placeholder stands for. A demand states
 * only money that is due: the overdue undisputed invoices, net of
 * unapplied cash (SPEC 1.10); a disputed item is never demanded. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "date.h"
#include "ledger.h"
#include "money.h"
#include "stmtdoc.h"

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

enum { S_HEAD = 1, S_LINES, S_OPEN, S_AGED, S_MATCH, S_OVERDUE, S_INTEREST,
	S_PAY, S_CLOSE, S_SLIP, S_SENT };

enum {
	C_STATEMENT = 1, C_CONFIRM, C_REMINDER, C_FINAL, C_DEMAND, C_LETTER,
	C_NAME, C_ADDRESS, C_PHONE, C_EMAIL, C_TAX_ID, C_BANK, C_SEAL, C_NOSEAL,
	C_LINES, C_NOLINES, C_OWE, C_OWED, C_ZERO, C_AGED, C_CREDITS,
	C_MATCHED, C_UNMATCHED, C_INTR, C_INTR_OPEN, C_CAP, C_OVER_CAP,
	C_DISPUTED, C_NOT_CONFIRM, C_PAY_TO, C_MATCHES, C_CREDIT, C_NOAGED
};

enum { L_LINES = 1, L_ITEMS, L_CREDITS, L_AGED, L_MATCH, L_OVERDUE, L_INTR };

static const struct prose_section sections[] = {
	{ S_HEAD, 0, "", "" },
	{ S_LINES, C_STATEMENT, "## Your account from {from} to {to}\n\n",
	  "## {from}至{to}往来明细\n\n" },
	{ S_OPEN, C_CONFIRM, "## Open items at {to}\n\n",
	  "## 截至{to}未结清款项\n\n" },
	{ S_AGED, C_AGED, "", "" },
	{ S_MATCH, C_MATCHES, "**Receipts and credits not yet matched to an "
	  "invoice.** ", "**尚未核销的收款及红字发票：**" },
	{ S_OVERDUE, C_DEMAND, "", "" },
	{ S_INTEREST, C_INTR, "**Late interest.** ", "**逾期利息：**" },
	{ S_PAY, C_LETTER, "", "" },
	{ S_CLOSE, 0, "", "" },
	{ S_SLIP, C_CONFIRM, "---\n\n## Reply slip (please return)\n\n",
	  "---\n\n## 回执（请填写后寄回）\n\n" },
	{ S_SENT, C_FINAL, "", "" },
};

static const struct prose_row rows[] = {
	/* the head: title, us, them, the date */
	{ S_HEAD, C_STATEMENT, 0, "# Statement of account\n\n", "# 对账单\n\n" },
	{ S_HEAD, C_CONFIRM, 0, "# Balance confirmation\n\n",
	  "# 对账函（往来余额确认函）\n\n" },
	{ S_HEAD, C_REMINDER, 0, "# Payment reminder\n\n", "# 催款函\n\n" },
	{ S_HEAD, C_FINAL, 0, "# Final demand for payment\n\n",
	  "# 最后催告函\n\n" },
	{ S_HEAD, C_NAME, 0, "**{name}**  \n", "**{name}**  \n" },
	{ S_HEAD, 0, 0, "{contact}\n", "{contact}\n" },
	{ S_HEAD, 0, 0, "\nTo: **{customer}** · Date: {as_of} · Currency: "
	  "{currency}\n\n", "\n致：**{customer}** · 日期：{as_of} · "
	  "币种：{currency}\n\n" },

	/* the statement: every document of the period, the running balance */
	{ S_LINES, 0, 0, "| Date | Document | Type | Ref | Due | Debit | "
	  "Credit | Balance |\n|---|---|---|---|---|---:|---:|---:|\n"
	  "| {from} | | Opening balance | | | | | {opening} |\n",
	  "| 日期 | 单据号 | 类型 | 核销对象 | 到期日 | 借方 | 贷方 | 余额 |\n"
	  "|---|---|---|---|---|---:|---:|---:|\n"
	  "| {from} | | 期初余额 | | | | | {opening} |\n" },
	{ S_LINES, 0, L_LINES, "| {l_date} | {l_inv} | {l_type} | {l_ref} | "
	  "{l_due} | {l_debit} | {l_credit} | {l_balance} |\n",
	  "| {l_date} | {l_inv} | {l_type} | {l_ref} | {l_due} | {l_debit} | "
	  "{l_credit} | {l_balance} |\n" },
	{ S_LINES, C_NOLINES, 0, "| | | No transactions in the period | | | | "
	  "| |\n", "| | | 本期无发生额 | | | | | |\n" },
	{ S_LINES, 0, 0, "| {to} | | Closing balance | | | {debits} | "
	  "{credits} | **{closing}** |\n\n",
	  "| {to} | | 期末余额 | | | {debits} | {credits} | **{closing}** |\n\n" },
	{ S_LINES, C_OWE, 0, "The balance you owe us at {to} is "
	  "**{closing_words}**", "截至{to}，贵公司尚欠我公司"
	  "**{closing_words}**" },
	{ S_LINES, C_OWED, 0, "At {to} your account is in credit: we owe you "
	  "**{closing_words}**", "截至{to}，贵公司账户为贷方余额，我公司"
	  "应付贵公司**{closing_words}**" },
	{ S_LINES, C_ZERO, 0, "At {to} your account is settled: nothing is "
	  "owed either way", "截至{to}，双方往来已结清，余额为零" },
	{ S_LINES, C_AGED, 0, ". By age:\n\n", "。账龄如下：\n\n" },
	{ S_LINES, C_NOAGED, 0, ".\n\n", "。\n\n" },

	/* the confirmation: what makes up the balance */
	{ S_OPEN, 0, 0, "For our annual reconciliation, please confirm the "
	  "balance of your account with us. According to our books, at {to} ",
	  "为核对双方往来账目，特函请贵公司确认。根据我公司账簿记录，截至{to}，" },
	{ S_OPEN, C_OWE, 0, "you owe us **{closing_words}**, made up as "
	  "follows:\n\n", "贵公司尚欠我公司**{closing_words}**，明细如下：\n\n" },
	{ S_OPEN, C_OWED, 0, "we owe you **{closing_words}** (a credit "
	  "balance), made up as follows:\n\n", "我公司应付贵公司"
	  "**{closing_words}**（贷方余额），明细如下：\n\n" },
	{ S_OPEN, C_ZERO, 0, "nothing is owed either way.\n\n",
	  "双方往来余额为零。\n\n" },
	{ S_OPEN, C_NOT_CONFIRM, 0, "| Document | Date | Due | Amount | Open |\n"
	  "|---|---|---|---:|---:|\n", "| 单据号 | 日期 | 到期日 | 金额 | "
	  "未结金额 |\n|---|---|---|---:|---:|\n" },
	{ S_OPEN, 0, L_ITEMS, "| {i_inv}{i_disputed} | {i_date} | {i_due} | "
	  "{i_billed} | {i_open} |\n", "| {i_inv}{i_disputed} | {i_date} | "
	  "{i_due} | {i_billed} | {i_open} |\n" },
	{ S_OPEN, 0, L_CREDITS, "| {c_inv} ({c_type}) | {c_date} | | | "
	  "{c_left} |\n", "| {c_inv}（{c_type}） | {c_date} | | | {c_left} |\n" },
	{ S_OPEN, C_NOT_CONFIRM, 0, "| **Balance** | | | | **{closing}** |\n\n",
	  "| **余额** | | | | **{closing}** |\n\n" },
	{ S_OPEN, C_DISPUTED, 0, "(An item marked \"queried\" is one you have "
	  "disputed: it is in the balance, and not asked for.)\n\n",
	  "（标注“有争议”的款项仅列入余额，不作催收。）\n\n" },

	/* the closing balance by age (as ar-age) */
	{ S_AGED, 0, 0, "{aged_table}\n", "{aged_table}\n" },

	/* unapplied cash: a proposal, oldest invoice first */
	{ S_MATCH, 0, 0, "We hold {unapplied_words} from you that no invoice "
	  "names yet. Unless you tell us otherwise, we will apply it to your "
	  "oldest invoices, as follows:\n\n| Receipt or credit | Date | Amount | "
	  "Applied to | Applied | Left |\n|---|---|---:|---|---:|---:|\n",
	  "我公司收到贵公司款项（或开具红字发票）合计{unapplied_words}，尚未"
	  "指明所付发票。如无异议，我公司将按账龄从早到晚核销如下：\n\n"
	  "| 收款/红字发票 | 日期 | 金额 | 核销发票 | 核销金额 | 剩余 |\n"
	  "|---|---|---:|---|---:|---:|\n" },
	{ S_MATCH, C_MATCHED, L_MATCH, "| {m_credit} | {m_date} | "
	  "{m_amount} | {m_inv} | {m_take} | {m_left} |\n",
	  "| {m_credit} | {m_date} | {m_amount} | {m_inv} | {m_take} | "
	  "{m_left} |\n" },
	{ S_MATCH, C_UNMATCHED, L_MATCH, "| {m_credit} | {m_date} | {m_amount} "
	  "| (no open invoice) | | {m_left} |\n",
	  "| {m_credit} | {m_date} | {m_amount} | （无未结发票） | | {m_left} |\n" },
	{ S_MATCH, 0, 0, "\n", "\n" },

	/* a demand: the overdue undisputed invoices, net of unapplied cash */
	{ S_OVERDUE, C_REMINDER, 0, "Dear Sir or Madam,\n\nAccording to our books, the "
	  "following invoices were due and are still unpaid at {to}:\n\n",
	  "{customer}：\n\n经核对，截至{to}，贵公司下列发票已到期，款项尚未支付：\n\n" },
	{ S_OVERDUE, C_FINAL, 0, "Dear Sir or Madam,\n\nDespite our earlier reminders, "
	  "the following invoices are still unpaid at {to}:\n\n",
	  "{customer}：\n\n我公司此前已多次催告，但截至{to}，贵公司下列发票款项"
	  "仍未支付：\n\n" },
	{ S_OVERDUE, 0, 0, "| Invoice | Date | Amount | Paid or credited | Open "
	  "| Due date | Days overdue |\n|---|---|---:|---:|---:|---|---:|\n",
	  "| 发票号 | 开票日期 | 金额 | 已付或冲减 | 未付 | 到期日 | 逾期天数 |\n"
	  "|---|---|---:|---:|---:|---|---:|\n" },
	{ S_OVERDUE, 0, L_OVERDUE, "| {i_inv} | {i_date} | {i_billed} | "
	  "{i_paid} | {i_open} | {i_due} | {i_days} |\n",
	  "| {i_inv} | {i_date} | {i_billed} | {i_paid} | {i_open} | {i_due} | "
	  "{i_days} |\n" },
	{ S_OVERDUE, 0, 0, "| **Overdue** | | | | **{overdue}** | | |\n\n",
	  "| **逾期合计** | | | | **{overdue}** | | |\n\n" },
	{ S_OVERDUE, C_CREDIT, 0, "Less your credit with us that is not yet set "
	  "against an invoice ({credit_list}): {credit_words}.\n\n",
	  "扣除贵公司尚未核销的贷方款项（{credit_list}）：{credit_words}。\n\n" },
	{ S_OVERDUE, 0, 0, "**Amount due: {due_words}.**\n\n",
	  "**应付金额：{due_words}。**\n\n" },
	{ S_OVERDUE, C_DISPUTED, 0, "Items you have queried are not included "
	  "here: we are settling them with you separately.\n\n",
	  "贵公司提出异议的款项未列入本函，双方另行协商解决。\n\n" },

	/* late interest, by balance segment */
	{ S_INTEREST, C_STATEMENT, 0, "Under our contract ({rate}), up to {to} "
	  "or the day each invoice was paid",
	  "根据合同逾期付款条款（{rate}），计至{to}或付清之日" },
	{ S_INTEREST, C_DEMAND, 0, "Under our contract ({rate}), on the overdue "
	  "invoices up to {to} (it accrues until payment; we reserve the right "
	  "to claim it)", "根据合同逾期付款条款（{rate}），上述逾期发票计至{to}"
	  "（利息计至实际付款之日，我公司保留追索权利）" },
	{ S_INTEREST, 0, 0, ", on each balance for the days it stayed "
	  "unpaid:\n\n"
	  "| Invoice | Due date | Charged to | Balance × days | Interest |\n"
	  "|---|---|---|---|---:|\n",
	  "，按未付余额分段计息：\n\n"
	  "| 发票号 | 到期日 | 计至 | 计息余额×天数 | 利息 |\n"
	  "|---|---|---|---|---:|\n" },
	{ S_INTEREST, 0, L_INTR, "| {t_inv} | {t_due} | {t_last} | {t_segs} | "
	  "{t_claim}{t_capped} |\n", "| {t_inv} | {t_due} | {t_last} | "
	  "{t_segs} | {t_claim}{t_capped} |\n" },
	{ S_INTEREST, 0, 0, "| **Total** | | | | **{interest_total}** |\n\n",
	  "| **合计** | | | | **{interest_total}** |\n\n" },
	{ S_INTEREST, C_OVER_CAP, 0, "(A claim marked \"capped\" is held to "
	  "{cap}% of its invoice.)\n\n", "（标注“封顶”的利息按发票金额的{cap}%"
	  "计收。）\n\n" },

	/* how to pay */
	{ S_PAY, C_CONFIRM, 0, "This letter confirms the balance only; it is "
	  "not a demand for payment. Please tick one box on the slip below, sign "
	  "and seal it, and return it to us within 10 days. If the figures "
	  "differ from your books, please give your figure and the documents "
	  "that make the difference.\n\n", "本函仅为核对账目，并非催款。请在"
	  "下方回执中勾选，签字盖章后于10日内寄回我公司。如与贵公司记录不符，"
	  "请注明贵公司账面金额及差异明细。\n\n" },
	{ S_PAY, C_STATEMENT, 0, "Please check this statement and tell us of "
	  "any difference within 10 days. A payment made after {to} is not "
	  "shown.  \n", "请核对本对账单，如有不符，请于10日内告知。{to}之后的"
	  "付款未列入本单。  \n" },
	{ S_PAY, C_DEMAND, 0, "Please pay **{due_words}** by **{pay_by}** to "
	  "our account:\n\n", "请于**{pay_by}**前将**{due_words}**汇入我公司"
	  "账户：\n\n" },
	{ S_PAY, C_PAY_TO, 0, "Beneficiary: {name} · Bank: {bank} · Account: "
	  "**{account}**\n\n", "户名：{name} · 开户行：{bank} · 账号："
	  "**{account}**\n\n" },
	{ S_PAY, C_REMINDER, 0, "If you have paid in the meantime, please send "
	  "us the remittance details and disregard this letter. If you dispute "
	  "an item, please tell us which and why before {pay_by}.\n\n",
	  "如贵公司已付款，请将付款凭证发送我公司，并请忽略本函。如对上述款项"
	  "有异议，请于{pay_by}前书面告知具体发票及原因。\n\n" },
	{ S_PAY, C_FINAL, 0, "If payment is not received by {pay_by}, we will, "
	  "without further notice:\n\n- stop all further shipments to you;\n- "
	  "take legal action to recover the debt, the late interest and our "
	  "costs: an application for a payment order (支付令), a lawsuit, or "
	  "arbitration under the contract.\n\n", "如贵公司未能于{pay_by}前付清"
	  "上述款项，我公司将不再另行通知：\n\n- 暂停向贵公司发货；\n- 依法"
	  "追偿欠款、逾期利息及相关费用：申请支付令、提起诉讼或依合同约定申请"
	  "仲裁。\n\n" },

	/* signature */
	{ S_CLOSE, C_NAME, 0, "{name} · ", "{name} · " },
	{ S_CLOSE, C_SEAL, 0, "{as_of} · (seal: {seal})\n\n",
	  "{as_of} ·（盖章：{seal}）\n\n" },
	{ S_CLOSE, C_NOSEAL, 0, "{as_of} · (seal)\n\n", "{as_of} ·（盖章）\n\n" },

	/* the reply slip: a returned one is the customer's acknowledgement */
	{ S_SLIP, 0, 0, "To {name}: according to your letter, at {to} "
	  "{slip_balance}.\n\n□ The balance is correct.  \n□ The balance is "
	  "not correct. Our books show {currency} ________________; the "
	  "difference is explained below or attached.\n\n"
	  "Signature: ________________ Company seal: ________________ "
	  "Date: ____________\n",
	  "{name}：贵公司来函所列截至{to}的往来余额为：{slip_balance}。\n\n"
	  "□ 以上余额无误。  \n□ 以上余额不符。我公司账面"
	  "余额为（{currency}）________________，差异说明如下或见附件。\n\n"
	  "经办人签字：________________ 单位盖章：________________ "
	  "日期：____年__月__日\n" },

	/* the evidence of a written demand (民法典 §195) */
	{ S_SENT, 0, 0, "This letter is a written demand for payment: it is "
	  "sent by EMS and by email, and we keep the proof of delivery.\n\n"
	  "Sent by EMS no. ________________ on ____________; by email to "
	  "________________ on ____________.\n",
	  "本函为书面催告，以EMS及电子邮件方式送达，我公司保留送达凭证。\n\n"
	  "EMS单号：________________ 寄出日期：____________；电子邮件："
	  "________________ 发送日期：____________\n" },
};

/* ---- what the conditions and placeholders stand for ---- */

struct ctx {
	const struct stmt_doc *d;
	const struct stmt *s;
	struct arena a;
	size_t *aged;		/* the buckets with money, and their count */
	size_t naged;
	size_t *intr;		/* the claims shown */
	size_t nintr;
	size_t *overdue;	/* the overdue undisputed items */
	size_t noverdue;
	int disputed, over_cap;
};

static const char *
dup(struct ctx *c, const char *s, size_t n)
{
	return arena_dup(&c->a, s, n);
}

static const char *
money(struct ctx *c, int64_t v)
{
	char b[MONEY_BUFSZ];

	return dup(c, b, money_format(b, v, c->s->dec, 1));
}

/* zh 205,000.00元 for CNY, else 3,000.00 USD; en CNY 205,000.00 */
static const char *
money_words(struct ctx *c, int64_t v)
{
	char b[MONEY_BUFSZ], w[MONEY_BUFSZ + 64];
	const struct stmt_text *cur = &c->s->currency;
	int n;

	money_format(b, v < 0 ? -v : v, c->s->dec, 1);
	if (c->d->zh && cur->n == 3 && memcmp(cur->p, "CNY", 3) == 0)
		n = snprintf(w, sizeof(w), "%s元", b);
	else if (c->d->zh)
		n = snprintf(w, sizeof(w), "%s %.*s", b, (int)cur->n, cur->p);
	else
		n = snprintf(w, sizeof(w), "%.*s%s%s", (int)cur->n, cur->p,
		    cur->n ? " " : "", b);
	return dup(c, w, (size_t)n);
}

static const char *
date(struct ctx *c, int32_t d)
{
	char b[16];

	if (d == DATE_NONE)
		return "";
	return dup(c, b, date_format(b, d));
}

static const char *
integer(struct ctx *c, long long v)
{
	char b[32];

	return dup(c, b, (size_t)snprintf(b, sizeof(b), "%lld", v));
}

/* Data in a page: a '|' would end a table cell and "**" start bold
 * text, so they are shown as U+00A6 and U+2217; a line end as a space.
 * (Control characters are escaped by docw.) */
static const char *
cell(struct ctx *c, const struct stmt_text *t)
{
	char *p = arena_alloc(&c->a, 3 * t->n + 1), *q = p;

	for (size_t i = 0; i < t->n; i++) {
		if (t->p[i] == '|') {
			memcpy(q, "\xC2\xA6", 2);
			q += 2;
		} else if (t->p[i] == '*') {
			memcpy(q, "\xE2\x88\x97", 3);
			q += 3;
		} else
			*q++ = t->p[i] == '\n' || t->p[i] == '\r' ? ' ' : t->p[i];
	}
	*q = '\0';
	return p;
}

static const char *
type_word(const struct ctx *c, int type)
{
	static const char *const en[] = { "invoice", "credit note", "receipt",
		"adjustment" };
	static const char *const zh[] = { "发票", "红字发票", "收款", "调整" };

	if (type < 0 || type > 3)
		return "";
	return c->d->zh ? zh[type] : en[type];
}

static int
holds(void *arg, int cond, int each, int i)
{
	struct ctx *c = arg;
	const struct stmt *s = c->s;
	const struct company *co = c->d->co;
	enum stmt_kind k = c->d->kind;

	switch (cond) {
	case C_STATEMENT: return k == SK_STATEMENT;
	case C_CONFIRM: return k == SK_CONFIRM;
	case C_REMINDER: return k == SK_REMINDER;
	case C_FINAL: return k == SK_FINAL;
	case C_DEMAND: return k == SK_REMINDER || k == SK_FINAL;
	case C_LETTER: return 1;
	case C_NAME: return co->v[CO_NAME] != NULL;
	case C_ADDRESS: return co->v[CO_ADDRESS] != NULL;
	case C_PHONE: return co->v[CO_PHONE] != NULL;
	case C_EMAIL: return co->v[CO_EMAIL] != NULL;
	case C_TAX_ID: return co->v[CO_TAX_ID] != NULL;
	case C_BANK: return co->v[CO_BANK] != NULL && co->v[CO_ACCOUNT] != NULL;
	case C_SEAL: return co->v[CO_SEAL] != NULL;
	case C_NOSEAL: return co->v[CO_SEAL] == NULL;
	case C_LINES: return s->nlines > 0;
	case C_NOLINES: return s->nlines == 0;
	case C_OWE: return s->closing > 0;
	case C_OWED: return s->closing < 0;
	case C_ZERO: return s->closing == 0;
	case C_NOT_CONFIRM: return s->nitems + s->ncredits > 0;
	case C_AGED: return k == SK_STATEMENT && s->nitems + s->ncredits > 0;
	case C_NOAGED: return !holds(arg, C_AGED, each, i);
	case C_CREDITS: return s->ncredits > 0 && k != SK_CONFIRM;
	case C_PAY_TO: return k != SK_CONFIRM && co->v[CO_BANK] != NULL &&
		    co->v[CO_ACCOUNT] != NULL;
	case C_MATCHES: return s->ncredits > 0 && k == SK_STATEMENT;
	case C_CREDIT: return s->credit != 0;
	case C_MATCHED: return each == L_MATCH && s->matches[i].item >= 0;
	case C_UNMATCHED: return each == L_MATCH && s->matches[i].item < 0;
	case C_INTR: return c->d->rate != NULL && k != SK_CONFIRM &&
		    c->nintr > 0;
	case C_OVER_CAP: return c->over_cap;
	case C_DISPUTED: return c->disputed;
	}
	return 0;
}

static int
count(void *arg, int each)
{
	struct ctx *c = arg;

	switch (each) {
	case L_LINES: return (int)c->s->nlines;
	case L_ITEMS: return (int)c->s->nitems;
	case L_CREDITS: return (int)c->s->ncredits;
	case L_AGED: return (int)c->naged;
	case L_MATCH: return (int)c->s->nmatches;
	case L_OVERDUE: return (int)c->noverdue;
	case L_INTR: return (int)c->nintr;
	}
	return 0;
}

static const char *
line_var(struct ctx *c, const char *k, const struct stmt_line *l)
{
	if (strcmp(k, "l_date") == 0)
		return date(c, l->date);
	if (strcmp(k, "l_inv") == 0)
		return l->shorthand ? "" : cell(c, &l->inv);
	if (strcmp(k, "l_type") == 0)
		return type_word(c, l->shorthand ? DOC_PAYMENT : l->type);
	if (strcmp(k, "l_ref") == 0)
		return cell(c, l->shorthand ? &l->inv : &l->ref);
	if (strcmp(k, "l_due") == 0)
		return l->shorthand ? "" : date(c, l->due);
	if (strcmp(k, "l_debit") == 0)
		return l->amount > 0 ? money(c, l->amount) : "";
	if (strcmp(k, "l_credit") == 0)
		return l->amount < 0 ? money(c, -l->amount) : "";
	if (strcmp(k, "l_balance") == 0)
		return money(c, l->running);
	return NULL;
}

static const char *
item_var(struct ctx *c, const char *k, const struct stmt_item *t)
{
	if (strcmp(k, "i_inv") == 0)
		return cell(c, &t->inv);
	if (strcmp(k, "i_disputed") == 0)
		return t->disputed ? (c->d->zh ? "（有争议）" : " (queried)") : "";
	if (strcmp(k, "i_date") == 0)
		return date(c, t->date);
	if (strcmp(k, "i_due") == 0)
		return date(c, t->due);
	if (strcmp(k, "i_billed") == 0) {
		/* the amount as billed, and what adjustments added: 900.00 +
		 * 15.50 (both within the checked sums) */
		char b[2 * MONEY_BUFSZ + 8];
		size_t n = money_format(b, t->amount, c->s->dec, 1);
		if (t->adjusted != 0) {
			memcpy(b + n, t->adjusted > 0 ? " + " : " \xE2\x88\x92 ",
			    t->adjusted > 0 ? 3 : 5);
			n += t->adjusted > 0 ? 3 : 5;
			n += money_format(b + n, t->adjusted > 0 ? t->adjusted :
			    -t->adjusted, c->s->dec, 1);
		}
		return dup(c, b, n);
	}
	if (strcmp(k, "i_paid") == 0)
		return money(c, t->amount + t->adjusted - t->open);
	if (strcmp(k, "i_open") == 0)
		return money(c, t->open);
	if (strcmp(k, "i_days") == 0)
		return integer(c, t->days);
	return NULL;
}

static const char *
credit_var(struct ctx *c, const char *k, const struct stmt_credit *t)
{
	if (strcmp(k, "c_inv") == 0 || strcmp(k, "m_credit") == 0)
		return cell(c, &t->inv);
	if (strcmp(k, "c_type") == 0)
		return type_word(c, t->type);
	if (strcmp(k, "c_date") == 0 || strcmp(k, "m_date") == 0)
		return date(c, t->date);
	if (strcmp(k, "c_left") == 0)
		return money(c, t->left);
	if (strcmp(k, "m_amount") == 0)
		return money(c, -t->left);
	return NULL;
}

static const char *
match_var(struct ctx *c, const char *k, const struct stmt_match *m)
{
	if (strcmp(k, "m_inv") == 0)
		return m->item >= 0 ? cell(c, &c->s->items[m->item].inv) : "";
	if (strcmp(k, "m_take") == 0)
		return money(c, -m->take);
	if (strcmp(k, "m_left") == 0)
		return money(c, -m->left);
	return credit_var(c, k, &c->s->credits[m->credit]);
}

/* The segments of a claim as text: "1,000.00 × 1 (from 2026-08-31);
 * 900.00 × 30 (from 2026-09-01)". */
static const char *
segments(struct ctx *c, const struct stmt_interest *t)
{
	struct prose_out o = { NULL, 0, 0 };
	const char *r;

	for (size_t i = 0; i < t->nseg; i++) {
		const struct stmt_seg *g = &c->s->segs[t->seg0 + i];
		char b[MONEY_BUFSZ + 80], m[MONEY_BUFSZ], d[16];
		int n;
		money_format(m, g->bal, c->s->dec, 1);
		date_format(d, g->from);
		/* (the first segment starts on the due date, shown apart) */
		if (i == 0 && g->from == t->due)
			n = snprintf(b, sizeof(b), c->d->zh ? "%s×%ld天" :
			    "%s × %ld", m, (long)g->to - g->from);
		else if (i == 0)	/* (--grace-mode deduct) */
			n = snprintf(b, sizeof(b), c->d->zh ? "%s起%s×%ld天" :
			    "from %s %s × %ld", d, m, (long)g->to - g->from);
		else
			n = snprintf(b, sizeof(b), c->d->zh ? "；%s起%s×%ld天" :
			    "; from %s %s × %ld", d, m, (long)g->to - g->from);
		prose_put(&o, b, (size_t)n);
	}
	r = o.p ? dup(c, o.p, o.n) : "";
	prose_free(&o);
	return r;
}

static const char *
intr_var(struct ctx *c, const char *k, const struct stmt_interest *t)
{
	if (strcmp(k, "t_inv") == 0)
		return cell(c, &t->inv);
	if (strcmp(k, "t_due") == 0)
		return date(c, t->due);
	if (strcmp(k, "t_last") == 0)
		return date(c, t->last);
	if (strcmp(k, "t_days") == 0)
		return integer(c, t->last - t->due);
	if (strcmp(k, "t_claim") == 0)
		return money(c, t->claim);
	if (strcmp(k, "t_segs") == 0)
		return segments(c, t);
	if (strcmp(k, "t_capped") == 0)
		return t->over_cap > 0 ? (c->d->zh ? "（封顶）" : " (capped)") : "";
	return NULL;
}

/* "1-30 days" */
static const char *
days_label(struct ctx *c, const char *label)
{
	char b[64];
	int n = snprintf(b, sizeof(b), "%s days", label);

	return dup(c, b, n < 0 ? 0 : (size_t)n < sizeof(b) ? (size_t)n :
	    sizeof(b) - 1);
}

static const char *
each_var(void *arg, const char *k, int each, int i)
{
	struct ctx *c = arg;
	const struct stmt *s = c->s;

	switch (each) {
	case L_LINES: return line_var(c, k, &s->lines[i]);
	case L_ITEMS: return item_var(c, k, &s->items[i]);
	case L_OVERDUE: return item_var(c, k, &s->items[c->overdue[i]]);
	case L_CREDITS: return credit_var(c, k, &s->credits[i]);
	case L_MATCH: return match_var(c, k, &s->matches[i]);
	case L_INTR: return intr_var(c, k, &s->intr[c->intr[i]]);
	case L_AGED:
		if (strcmp(k, "a_label") == 0) {
			size_t b = c->aged[i];
			if (b == (size_t)c->d->bk->n)
				return c->d->zh ? "未核销" : "unapplied";
			if (c->d->zh)
				return c->d->bk->b[b].zh;
			if (b == 0)
				return "not yet due";
			return days_label(c, c->d->bk->b[b].label);
		}
		if (strcmp(k, "a_amount") == 0)
			return money(c, c->aged[i] == (size_t)c->d->bk->n ?
			    s->unapplied : s->aged[c->aged[i]]);
	}
	return NULL;
}

/* "receipt SZ-R07 of 2026-11-18" or "I471 paid over" (TYPE -1) */
static void
credit_item(struct ctx *c, struct prose_out *o, const struct stmt_text *t,
    int type, int32_t d)
{
	const char *inv = cell(c, t);
	char b[256];
	int n;

	if (o->n > 0)
		prose_put(o, c->d->zh ? "；" : ", ", c->d->zh ? 3 : 2);
	if (type < 0)
		n = snprintf(b, sizeof(b), c->d->zh ? "%s多付" : "%s paid over",
		    inv);
	else if (d == DATE_NONE)
		n = snprintf(b, sizeof(b), c->d->zh ? "%s%s" : "%s %s",
		    type_word(c, type), inv);
	else
		n = snprintf(b, sizeof(b), c->d->zh ? "%s%s，%s" : "%s %s of %s",
		    type_word(c, type), inv, date(c, d));
	prose_put(o, b, n < 0 ? 0 : (size_t)n < sizeof(b) ? (size_t)n :
	    sizeof(b) - 1);
}

/* The customer's credit: unapplied receipts and credits, then items paid
 * over: "SZ-R07 of 2026-11-18, ..." */
static const char *
credit_list(struct ctx *c)
{
	struct prose_out o = { NULL, 0, 0 };
	const char *r;

	for (size_t i = 0; i < c->s->ncredits; i++)
		credit_item(c, &o, &c->s->credits[i].inv, c->s->credits[i].type,
		    c->s->credits[i].date);
	for (size_t i = 0; i < c->s->nitems; i++)
		if (c->s->items[i].open < 0)
			credit_item(c, &o, &c->s->items[i].inv, -1, DATE_NONE);
	r = o.p ? dup(c, o.p, o.n) : "";
	prose_free(&o);
	return r;
}

/* Our address, phone, email and tax id on one line. */
static const char *
contact(struct ctx *c)
{
	static const int keys[] = { CO_ADDRESS, CO_PHONE, CO_EMAIL, CO_TAX_ID };
	static const char *const en[] = { "", "Tel. ", "", "Tax ID " };
	static const char *const zh[] = { "地址：", "电话：", "电子邮件：",
		"纳税人识别号：" };
	struct prose_out o = { NULL, 0, 0 };
	const char *r;

	for (size_t i = 0; i < sizeof(keys) / sizeof(keys[0]); i++) {
		const char *v = c->d->co->v[keys[i]], *w = c->d->zh ? zh[i] : en[i];
		if (v == NULL)
			continue;
		if (o.n > 0)
			prose_put(&o, " · ", strlen(" · "));
		prose_put(&o, w, strlen(w));
		prose_put(&o, v, strlen(v));
	}
	r = o.p ? dup(c, o.p, o.n) : "";
	prose_free(&o);
	return r;
}

/* The closing balance by age, across: a column per bucket with money. */
static const char *
aged_table(struct ctx *c)
{
	struct prose_out o = { NULL, 0, 0 };
	const char *r;

	for (int row = 0; row < 3; row++) {
		for (size_t i = 0; i < c->naged; i++) {
			const char *v = row == 0 ? each_var(c, "a_label", L_AGED,
			    (int)i) : row == 1 ? "---:" : each_var(c, "a_amount",
			    L_AGED, (int)i);
			/* (docw reads "|---:|" as the alignment row) */
			prose_put(&o, row == 1 ? "|" : "| ", row == 1 ? 1 : 2);
			prose_put(&o, v, strlen(v));
			prose_put(&o, " ", row == 1 ? 0 : 1);
		}
		r = row == 0 ? (c->d->zh ? "**余额**" : "**Balance**") : row == 1 ?
		    "---:" : money(c, c->s->closing);
		prose_put(&o, row == 1 ? "|" : "| ", row == 1 ? 1 : 2);
		if (row == 2)
			prose_put(&o, "**", 2);
		prose_put(&o, r, strlen(r));
		if (row == 2)
			prose_put(&o, "**", 2);
		prose_put(&o, row == 1 ? "|\n" : " |\n", row == 1 ? 2 : 3);
	}
	r = dup(c, o.p, o.n);
	prose_free(&o);
	return r;
}

static const char *
doc_var(void *arg, const char *k, int each, int i)
{
	struct ctx *c = arg;
	const struct stmt_doc *d = c->d;
	const struct stmt *s = c->s;

	(void)each, (void)i;	/* (each_var has the lists) */
	for (int f = 0; f < CO_NKEYS; f++)
		if (strcmp(k, company_keys[f]) == 0)
			return d->co->v[f] ? d->co->v[f] : "";
	if (strcmp(k, "customer") == 0)
		return cell(c, &s->customer);
	if (strcmp(k, "currency") == 0)
		return cell(c, &s->currency);
	if (strcmp(k, "from") == 0)
		return date(c, d->from);
	if (strcmp(k, "to") == 0)
		return date(c, d->to);
	if (strcmp(k, "as_of") == 0)
		return date(c, d->as_of);
	if (strcmp(k, "pay_by") == 0)
		return date(c, d->pay_by);
	if (strcmp(k, "opening") == 0)
		return money(c, s->opening);
	if (strcmp(k, "closing") == 0)
		return money(c, s->closing);
	if (strcmp(k, "closing_words") == 0)
		return money_words(c, s->closing);
	if (strcmp(k, "unapplied_words") == 0)
		return money_words(c, s->unapplied);
	if (strcmp(k, "credit_words") == 0)
		return money_words(c, s->credit);
	if (strcmp(k, "overdue") == 0)
		return money(c, s->overdue);
	if (strcmp(k, "due_words") == 0)
		return money_words(c, s->net_overdue);
	if (strcmp(k, "contact") == 0)
		return contact(c);
	if (strcmp(k, "aged_table") == 0)
		return aged_table(c);
	if (strcmp(k, "slip_balance") == 0) {
		/* in the customer's words: they sign it */
		static const char *const w[2][3] = {
			{ "we, %.*s, owe you %s", "you owe us, %.*s, %s",
			  "nothing is owed either way%.*s%s" },
			{ "我公司（%.*s）欠贵公司%s", "贵公司欠我公司（%.*s）%s",
			  "双方余额为零%.*s%s" } };
		char b[512];
		int k3 = s->closing > 0 ? 0 : s->closing < 0 ? 1 : 2;
		const char *who = cell(c, &s->customer);
		int n = snprintf(b, sizeof(b), w[d->zh][k3], k3 == 2 ? 0 :
		    (int)strlen(who), who, k3 == 2 ? "" :
		    money_words(c, s->closing));
		return dup(c, b, n < 0 ? 0 : (size_t)n < sizeof(b) ? (size_t)n :
		    sizeof(b) - 1);
	}
	if (strcmp(k, "credit_list") == 0)
		return credit_list(c);
	if (strcmp(k, "rate") == 0) {
		char b[80];
		int n = snprintf(b, sizeof(b), d->zh ? "%s利率%s%%" : "%s%% a %s",
		    d->zh ? (d->daily ? "日" : "年") : d->rate ? d->rate : "",
		    d->zh ? (d->rate ? d->rate : "") : d->daily ? "day" : "year");
		return dup(c, b, (size_t)n);
	}
	if (strcmp(k, "cap") == 0)
		return d->cap ? d->cap : "";
	if (strcmp(k, "interest_total") == 0)
		return money(c, d->kind == SK_STATEMENT ? s->interest_all :
		    s->interest_open);
	if (strcmp(k, "debits") == 0)
		return money(c, s->sum_debit);
	if (strcmp(k, "credits") == 0)
		return money(c, s->sum_credit);
	return NULL;
}

int
stmtdoc_md(struct prose_out *o, const struct stmt_doc *d)
{
	struct ctx c;
	struct prose_ctx pc = { holds, count, doc_var, each_var, NULL, d->zh };
	const struct stmt *s = d->s;
	int unknown;

	memset(&c, 0, sizeof(c));
	c.d = d;
	c.s = s;
	pc.arg = &c;
	c.aged = arena_alloc(&c.a, (size_t)(d->bk->n + 1) * sizeof(size_t));
	for (int b = 0; b < d->bk->n; b++)
		if (s->aged[b] != 0)
			c.aged[c.naged++] = (size_t)b;
	if (s->unapplied != 0)
		c.aged[c.naged++] = (size_t)d->bk->n;
	c.overdue = arena_alloc(&c.a, (s->nitems + 1) * sizeof(size_t));
	for (size_t i = 0; i < s->nitems; i++) {
		const struct stmt_item *t = &s->items[i];
		if (t->disputed && t->open != 0)
			c.disputed = 1;
		if (!t->disputed && t->open > 0 && t->days > 0)
			c.overdue[c.noverdue++] = i;
	}
	/* a statement shows every claim; a demand those on the invoices
	 * it names (open), never one on an item paid in full */
	c.intr = arena_alloc(&c.a, (s->nintr + 1) * sizeof(size_t));
	for (size_t i = 0; i < s->nintr; i++) {
		const struct stmt_interest *t = &s->intr[i];
		if (d->kind != SK_STATEMENT && t->open <= 0)
			continue;
		c.intr[c.nintr++] = i;
		if (t->over_cap > 0)
			c.over_cap = 1;
	}
	unknown = prose_render(o, sections, NELEM(sections), rows, NELEM(rows),
	    &pc);
	arena_free(&c.a);
	return unknown;
}
