/* payplan_doc.c - the instalment agreement: the debt acknowledged (which
 * restarts limitation, 民法典 §195), the schedule, acceleration on a
 * missed instalment (加速到期), late interest, signatures. Prose is data:
 * (section, condition, en, zh) rows and prose.c's renderer. */
#include <stdio.h>
#include <string.h>

#include "date.h"
#include "payplan_doc.h"

enum { S_TITLE = 1, S_DEBT, S_PLAN, S_SCHED, S_LATE, S_ACCEL, S_OTHER,
	S_SIGN };
enum { C_DOWN = 1, C_NODOWN, C_RATE, C_NORATE };
enum { L_ROWS = 1 };

static const struct prose_section sections[] = {
	{ S_TITLE, 0, "# Instalment agreement {contract}\n\n",
	  "# 分期还款协议 {contract}\n\n" },
	{ S_DEBT, 0, "## {n}. The debt acknowledged\n\n",
	  "## {n}、债务确认\n\n" },
	{ S_PLAN, 0, "## {n}. Terms of payment\n\n", "## {n}、还款方式\n\n" },
	{ S_SCHED, 0, "## {n}. Schedule\n\n", "## {n}、还款计划\n\n" },
	{ S_LATE, 0, "## {n}. Late payment\n\n", "## {n}、逾期付款\n\n" },
	{ S_ACCEL, 0, "## {n}. Acceleration\n\n", "## {n}、加速到期\n\n" },
	{ S_OTHER, 0, "## {n}. Other terms\n\n", "## {n}、其他约定\n\n" },
	{ S_SIGN, 0, "## Signatures\n\n", "## 签署\n\n" },
};

static const struct prose_row rows[] = {
	{ S_TITLE, 0, 0, "Creditor: {creditor}\n"
	  "Debtor: {customer}\n"
	  "Date: {date}\n\n",
	  "债权人（甲方）：{creditor}\n"
	  "债务人（乙方）：{customer}\n"
	  "签订日期：{date}\n\n" },
	{ S_DEBT, 0, 0, "The Debtor acknowledges that as of {date} it owes the "
	  "Creditor **{currency} {balance}** for goods and services delivered "
	  "and invoiced, and that this debt is not in dispute. This "
	  "acknowledgement is a written confirmation of the debt.\n\n",
	  "乙方确认：截至 {date}，乙方尚欠甲方已交付并开具发票的货款及服务款共计 "
	  "**{currency} {balance}**，该款项无争议。本确认为对该债务的书面"
	  "认可。\n\n" },
	{ S_PLAN, C_DOWN, 0, "- A down payment of {down}% of the debt, "
	  "{currency} {down_amount}, on signing ({date}).\n",
	  "- 首付：债务的 {down}%，即 {currency} {down_amount}，于签署之日"
	  "（{date}）支付。\n" },
	{ S_PLAN, C_DOWN, 0, "- The rest, {currency} {financed}, in {count} "
	  "instalments, {every}, the first due on {start}.\n",
	  "- 余款 {currency} {financed} 分 {count} 期支付，{every}，首期于 {start} "
	  "到期。\n" },
	{ S_PLAN, C_NODOWN, 0, "- The debt, {currency} {financed}, in {count} "
	  "instalments, {every}, the first due on {start}.\n",
	  "- 上述债务 {currency} {financed} 分 {count} 期支付，{every}，首期于 "
	  "{start} 到期。\n" },
	{ S_PLAN, C_RATE, 0, "- Interest on the remaining principal at {rate} "
	  "({period_rate} a period); {method}.\n",
	  "- 按剩余本金计息，{rate}（每期 {period_rate}）；{method}。\n" },
	{ S_PLAN, C_NORATE, 0, "- No interest is charged on instalments paid on "
	  "time.\n",
	  "- 按期付款，不计利息。\n" },
	{ S_PLAN, 0, 0, "- Total to pay: {currency} {total_payment} "
	  "(principal {balance}, interest {total_interest}).\n\n",
	  "- 应付合计：{currency} {total_payment}（本金 {balance}，利息 "
	  "{total_interest}）。\n\n" },
	{ S_SCHED, 0, 0, "| No. | Due date | Principal | Interest | Payment | "
	  "Remaining |\n|---:|---|---:|---:|---:|---:|\n",
	  "| 期次 | 到期日 | 本金 | 利息 | 应付 | 剩余本金 |\n"
	  "|---:|---|---:|---:|---:|---:|\n" },
	{ S_SCHED, 0, L_ROWS, "| {k} | {due} | {principal} | {interest} | "
	  "{payment} | {remaining} |\n",
	  "| {k} | {due} | {principal} | {interest} | {payment} | "
	  "{remaining} |\n" },
	{ S_SCHED, 0, 0, "| | **Total** | **{balance}** | **{total_interest}** | "
	  "**{total_payment}** | |\n\n",
	  "| | **合计** | **{balance}** | **{total_interest}** | "
	  "**{total_payment}** | |\n\n" },
	{ S_LATE, C_RATE, 0, "An instalment not paid on its due date bears late "
	  "interest on the amount overdue at {rate} from the due date until "
	  "paid.\n\n",
	  "任何一期未按期支付的，就逾期金额自到期日起至实际付清之日止按{rate}"
	  "计收逾期利息。\n\n" },
	{ S_LATE, C_NORATE, 0, "An instalment not paid on its due date bears "
	  "late interest on the amount overdue at the rate of the original "
	  "contract from the due date until paid.\n\n",
	  "任何一期未按期支付的，就逾期金额自到期日起至实际付清之日止按原合同约定"
	  "的利率计收逾期利息。\n\n" },
	{ S_ACCEL, 0, 0, "If an instalment is more than 10 days overdue, the "
	  "whole remaining debt falls due at once and the Creditor may claim it "
	  "in full, with late interest, and stop further deliveries.\n\n",
	  "任何一期逾期超过 10 日的，剩余全部债务立即到期，甲方有权一次性主张全部"
	  "欠款及逾期利息，并停止后续供货。\n\n" },
	{ S_OTHER, 0, 0, "Payments go first to late interest, then to "
	  "interest, then to the oldest principal. This agreement does not "
	  "waive any right under the original contracts; it ends when every "
	  "instalment is paid.\n\n",
	  "乙方的付款依次冲抵逾期利息、利息和最早到期的本金。本协议不放弃原合同项下"
	  "的任何权利；全部分期付清后本协议履行完毕。\n\n" },
	{ S_SIGN, 0, 0, "| Creditor (seal) | Debtor (seal) |\n|---|---|\n"
	  "| {creditor} | {customer} |\n"
	  "| Signature: | Signature: |\n"
	  "| Date: | Date: |\n",
	  "| 甲方（盖章） | 乙方（盖章） |\n|---|---|\n"
	  "| {creditor} | {customer} |\n"
	  "| 授权代表签字： | 授权代表签字： |\n"
	  "| 日期： | 日期： |\n" },
};

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

struct ctx {
	const struct pp_doc *d;
	int zh;
	char buf[128];
};

static int
holds(void *arg, int cond, int each, int i)
{
	const struct ctx *c = arg;
	const struct pp_terms *t = c->d->t;

	(void)each, (void)i;
	switch (cond) {
	case C_DOWN:
		return t->down.num > 0;
	case C_NODOWN:
		return t->down.num == 0;
	case C_RATE:
		return t->rate.num > 0;
	case C_NORATE:
		return t->rate.num == 0;
	}
	return 0;
}

static int
count(void *arg, int each)
{
	const struct ctx *c = arg;

	return each == L_ROWS ? c->d->nrows : 0;
}

static const char *
money(struct ctx *c, int64_t v)
{
	money_format(c->buf, v, c->d->dec, 1);
	return c->buf;
}

static const char *
decimal(struct ctx *c, const struct decimal *d)
{
	int64_t p = 1;

	for (int i = 0; i < d->scale; i++)
		p *= 10;
	if (d->scale == 0)
		snprintf(c->buf, sizeof(c->buf), "%lld", (long long)d->num);
	else
		snprintf(c->buf, sizeof(c->buf), "%lld.%0*lld",
		    (long long)(d->num / p), d->scale, (long long)(d->num % p));
	return c->buf;
}

/* Σ interest (WHAT 0) or Σ payment: payplan_make has checked that they
 * fit; the check is kept, so that no sum of money goes unchecked. */
static int64_t
sum(const struct pp_doc *d, int what)
{
	int64_t s = 0;

	for (int i = 0; i < d->nrows; i++)
		if (money_add(&s, what == 0 ? d->rows[i].interest :
		    d->rows[i].payment) != 0)
			return INT64_MAX;
	return s;
}

#define IS(s) (strcmp(key, s) == 0)

static const char *
var(void *arg, const char *key, int each, int i)
{
	struct ctx *c = arg;
	const struct pp_doc *d = c->d;
	const struct pp_terms *t = d->t;
	static const char *const every_en[] = { "monthly", "every two weeks",
		"weekly" };
	static const char *const every_zh[] = { "按月支付", "每两周支付",
		"每周支付" };
	static const int per_year[] = { 12, 26, 52 };

	if (each == L_ROWS && i >= 0) {
		const struct instalment *r = &d->rows[i];
		if (IS("k")) {
			snprintf(c->buf, sizeof(c->buf), "%d", r->k);
			if (r->k == 0)
				snprintf(c->buf, sizeof(c->buf), "%s", c->zh ?
				    "首付" : "down");
			return c->buf;
		}
		if (IS("due")) {
			date_format(c->buf, r->due);
			return c->buf;
		}
		if (IS("principal"))
			return money(c, r->principal);
		if (IS("interest"))
			return money(c, r->interest);
		if (IS("payment"))
			return money(c, r->payment);
		if (IS("remaining"))
			return money(c, r->remaining);
	}
	if (IS("customer"))
		return d->customer;
	if (IS("contract"))
		return d->contract;
	if (IS("currency"))
		return d->currency;
	if (IS("creditor"))
		return d->creditor && *d->creditor ? d->creditor :
		    "________________";
	if (IS("date")) {
		date_format(c->buf, t->as_of);
		return c->buf;
	}
	if (IS("start")) {
		date_format(c->buf, payplan_due(t, 1));
		return c->buf;
	}
	if (IS("balance"))
		return money(c, d->balance);
	if (IS("down"))
		return decimal(c, &t->down);
	if (IS("down_amount"))
		return money(c, d->nrows > 0 && d->rows[0].k == 0 ?
		    d->rows[0].principal : 0);
	if (IS("financed"))
		return money(c, d->balance - (d->nrows > 0 && d->rows[0].k ==
		    0 ? d->rows[0].principal : 0));
	if (IS("count")) {
		snprintf(c->buf, sizeof(c->buf), "%d", d->nrows -
		    (d->nrows > 0 && d->rows[0].k == 0));
		return c->buf;
	}
	if (IS("every"))
		return c->zh ? every_zh[t->every] : every_en[t->every];
	if (IS("rate")) {
		char r[128];
		decimal(c, &t->rate);
		memcpy(r, c->buf, sizeof(r));
		r[40] = '\0';	/* (a decimal is at most 26 bytes) */
		snprintf(c->buf, sizeof(c->buf), c->zh ? (t->daily ?
		    "日利率 %s%%" : "年利率 %s%%") : (t->daily ? "%s%% a day" :
		    "%s%% a year"), r);
		return c->buf;
	}
	if (IS("period_rate")) {
		/* the rate of a period, to 4 decimals of a percent */
		i128 num = (i128)t->rate.num * (t->daily ? 365 : 1) * 10000,
		    den = per_year[t->every];
		int64_t v;
		for (int k = 0; k < t->rate.scale; k++)
			den *= 10;
		if (div128_round(num, den, &v) != 0)
			return "?";
		snprintf(c->buf, sizeof(c->buf), "%lld.%04lld%%",
		    (long long)(v / 10000), (long long)(v % 10000));
		return c->buf;
	}
	if (IS("method"))
		return t->equal_principal ? (c->zh ? "等额本金" :
		    "equal principal") : (c->zh ? "等额本息" :
		    "level payments (annuity)");
	if (IS("total_interest"))
		return money(c, sum(d, 0));
	if (IS("total_payment"))
		return money(c, sum(d, 1));
	return NULL;
}

int
payplan_doc(struct prose_out *o, const struct pp_doc *d, int zh)
{
	struct ctx c;
	struct prose_ctx pc = { holds, count, var, NULL, &c, zh };

	memset(&c, 0, sizeof(c));
	c.d = d;
	c.zh = zh;
	return prose_render(o, sections, NELEM(sections), rows, NELEM(rows),
	    &pc);
}
