/* dunning.c - the collection plan's rules (SPEC 5.1), pure functions over
 * an item, a day and the policy. The cadence and the ladder are the
 * course's: 预先提醒 (首款一周、中款三天、尾款一旬), 每周口头、每旬书面、
 * 每月当面, 换人催收 (销售 → 交付 → 助理 → 财务 → 高管), 分级措施. */
#include <string.h>

#include "date.h"
#include "dunning.h"
#include "norm.h"

struct dun_policy dun_pol;

const struct pol dun_policy_keys[] = {
	{ "lead_first", "7", PK_INT, &dun_pol.lead[0], 0, 3650,
	  "remind this many days before a first instalment is due (首款一周)" },
	{ "lead_middle", "3", PK_INT, &dun_pol.lead[1], 0, 3650,
	  "middle (中款三天)" },
	{ "lead_final", "10", PK_INT, &dun_pol.lead[2], 0, 3650,
	  "final (尾款一旬)" },
	{ "lead_unknown", "3", PK_INT, &dun_pol.lead[3], 0, 3650, "no stage" },
	{ "phone_first", "1", PK_INT, &dun_pol.phone_first, 1, 3650,
	  "first call, days overdue (每周口头)" },
	{ "phone_every", "7", PK_INT, &dun_pol.phone_every, 1, 3650,
	  "then every" },
	{ "written_every", "10", PK_INT, &dun_pol.written_every, 1, 3650,
	  "a written notice every so many days (每旬书面)" },
	{ "visit_every", "30", PK_INT, &dun_pol.visit_every, 1, 3650,
	  "a visit every so many days (每月当面)" },
	{ "rung_sales", "30", PK_INT, &dun_pol.rung[0], 1, 36500,
	  "days overdue the salesperson collects alone (换人催收)" },
	{ "rung_delivery", "60", PK_INT, &dun_pol.rung[1], 1, 36500,
	  "then delivery joins, up to this" },
	{ "rung_assistant", "90", PK_INT, &dun_pol.rung[2], 1, 36500,
	  "then the sales assistant" },
	{ "rung_finance", "120", PK_INT, &dun_pol.rung[3], 1, 36500,
	  "then finance; beyond it an executive" },
	{ "scale_a", "1.5", PK_NUM, &dun_pol.scale[0], 1, 1000000,
	  "grade A: the thresholds in days times this" },
	{ "scale_b", "1", PK_NUM, &dun_pol.scale[1], 1, 1000000, "" },
	{ "scale_c", "1", PK_NUM, &dun_pol.scale[2], 1, 1000000, "" },
	{ "scale_d", "0.75", PK_NUM, &dun_pol.scale[3], 1, 1000000, "" },
	{ "scale_e", "0.5", PK_NUM, &dun_pol.scale[4], 1, 1000000, "" },
	{ "scale_n", "1", PK_NUM, &dun_pol.scale[5], 1, 1000000, "" },
	{ "stop_shipments_days", "60", PK_INT, &dun_pol.stop_days, 1, 36500,
	  "measures on the day these are crossed: stop shipments" },
	{ "prepay_days", "90", PK_INT, &dun_pol.prepay_days, 1, 36500,
	  "switch to 先款后货" },
	{ "lawyer_days", "120", PK_INT, &dun_pol.lawyer_days, 1, 36500,
	  "a lawyer's letter: the end of calls, notices and visits" },
	{ "legal_every", "30", PK_INT, &dun_pol.legal_every, 1, 3650,
	  "then a legal review (支付令, 诉讼, 仲裁 or write-off) this often" },
	{ "firm_days", "10", PK_INT, &dun_pol.firm_days, 1, 3650,
	  "a firm notice's deadline, from the first firm notice, never moved" },
	{ "dispute_every", "14", PK_INT, &dun_pol.dispute_every, 1, 3650,
	  "a disputed item: resolve-dispute this often" },
	{ "confirm_balance_days", "90", PK_INT, &dun_pol.confirm_days, 1, 36500,
	  "a signed 对账函 each quarter for items older than this" },
	{ "statute_years", "3", PK_INT, &dun_pol.statute_years, 1, 100,
	  "limitation period (民法典 §188)" },
	{ "statute_warning_days", "90", PK_INT, &dun_pol.statute_warn, 0, 36500,
	  "warn this long before it runs out" },
	{ "min_gap", "3", PK_INT, &dun_pol.min_gap, 0, 3650,
	  "no call or notice within so many days of the last contact" },
	{ "reconcile_every", "7", PK_INT, &dun_pol.reconcile_every, 1, 3650,
	  "a plan over several days repeats 对账 this often" },
	{ "default_grade", "N", PK_WORD, dun_pol.default_grade, 0, 0,
	  "grade of a customer the grades file lacks" },
	{ "weight_a", "0.5", PK_NUM, &dun_pol.weight[0], 0, 1000000,
	  "priority = net overdue x days x grade weight x factors" },
	{ "weight_b", "0.8", PK_NUM, &dun_pol.weight[1], 0, 1000000, "" },
	{ "weight_c", "1", PK_NUM, &dun_pol.weight[2], 0, 1000000, "" },
	{ "weight_d", "1.5", PK_NUM, &dun_pol.weight[3], 0, 1000000, "" },
	{ "weight_e", "2", PK_NUM, &dun_pol.weight[4], 0, 1000000, "" },
	{ "weight_n", "1", PK_NUM, &dun_pol.weight[5], 0, 1000000, "" },
	{ "factor_dispute", "0.1", PK_NUM, &dun_pol.f_dispute, 0, 1000000,
	  "a disputed item" },
	{ "factor_promise", "0.5", PK_NUM, &dun_pol.f_promise, 0, 1000000,
	  "a promise to pay not yet due" },
	{ "factor_broken", "2", PK_NUM, &dun_pol.f_broken, 0, 1000000,
	  "a broken promise" },
	{ "factor_over_limit", "1.5", PK_NUM, &dun_pol.f_over, 0, 1000000,
	  "over the credit limit" },
	{ "factor_notice", "0.1", PK_NUM, &dun_pol.f_notice, 0, 1000000,
	  "plus this for each written notice sent so far" },
	{ "factor_notice_max", "10", PK_INT, &dun_pol.notice_max, 0, 1000,
	  "counting at most this many notices" },
	{ NULL, NULL, 0, NULL, 0, 0, NULL }
};

/* The actions: a channel, whom they are for, whether they ask for money,
 * and the note (SPEC 5.1). */
const struct dun_action dun_acts[NACTS] = {
	{ "remind", "message", 0, 0, "reminder before the due date",
	  "到期前提醒（首款一周、中款三天、尾款一旬）" },
	{ "prepare-documents", "internal", 1, 0, "have the invoice and "
	  "documents ready", "备好文件与发票" },
	{ "phone", "phone", 0, 1, "weekly call", "每周口头提醒" },
	{ "written-notice", "letter", 0, 1, "written notice: keep the proof, it "
	  "interrupts the limitation period", "每旬书面提醒（留存凭证，可中断诉讼时效）" },
	{ "visit", "visit", 0, 1, "monthly visit", "每月当面提醒" },
	{ "apply-cash", "phone", 0, 0, "their unapplied receipt covers what is "
	  "overdue: ask which invoices it pays", "未核销来款足以覆盖逾期款："
	  "请客户确认核销哪些发票" },
	{ "stop-shipments", "internal", 1, 0, "stop shipments", "暂停发货" },
	{ "switch-to-prepay", "letter", 0, 1, "switch to prepayment",
	  "改为先款后货" },
	{ "lawyer-letter", "letter", 0, 1, "lawyer's letter: the end of calls, "
	  "notices and visits", "发律师函（此后不再电话、书面、上门催收）" },
	{ "legal-review", "internal", 1, 0, "decide: payment order, lawsuit, "
	  "arbitration or write-off", "法律评估：支付令、诉讼、仲裁或核销" },
	{ "confirm-balance", "letter", 0, 0, "signed balance confirmation: it "
	  "restarts the limitation period", "寄送对账函并取得签章（可中断诉讼时效）" },
	{ "statute-warning", "internal", 1, 0, "the limitation period runs out: "
	  "a written demand or a signed confirmation restarts it",
	  "诉讼时效即将届满（民法典第188条）：书面催告或对账以中断时效" },
	{ "promise-reminder", "phone", 0, 0, "the promise to pay is due tomorrow",
	  "明天是承诺付款日" },
	{ "resolve-dispute", "meeting", 0, 0, "resolve the dispute first: no "
	  "dunning", "先解决争议，不催收" },
	{ "reconcile", "internal", 1, 0, "nothing owed net: reconcile and match",
	  "净额不欠：对账、核销" },
};

const char *const dun_rungs[NRUNGS] = {
	"sales", "delivery", "assistant", "finance", "executive"
};
const char *const dun_ccs[NRUNGS] = {
	"", "sales", "sales;delivery", "sales;delivery;assistant",
	"sales;delivery;assistant;finance"
};

/* ---- the calendar ---- */

int
dun_workday(const struct dun_cal *c, int32_t d)
{
	const char *h;

	if (c->holidays && (h = grp_find(c->holidays, &d, sizeof(d),
	    grp_hash(&d, sizeof(d)))) != NULL)
		return *h == 'w';
	return !c->workdays || date_weekday(d) < 5;
}

int32_t
dun_prev_work(const struct dun_cal *c, int32_t d)
{
	for (int i = 0; i < 366 && !dun_workday(c, d); i++)
		d--;
	return d;
}

int32_t
dun_next_work(const struct dun_cal *c, int32_t d)
{
	for (int i = 0; i < 366 && !dun_workday(c, d); i++)
		d++;
	return d;
}

int
dun_blocked(const struct dun_policy *p, const struct dun_cal *c,
    const struct dun_gate *g, int32_t d)
{
	if (!dun_workday(c, d))
		return 1;
	if (g == NULL)
		return 0;
	if (g->hold != DATE_NONE && g->hold >= d)
		return 1;
	if (g->promise != DATE_NONE && g->promise >= d)
		return 1;
	return g->contact != DATE_NONE && d >= g->contact &&
	    d - g->contact < p->min_gap;
}

/* ---- the ladder ---- */

int
dun_grade_index(char grade)
{
	return grade >= 'A' && grade <= 'E' ? grade - 'A' : 5;
}

int32_t
dun_scaled(const struct dun_policy *p, int days, char grade)
{
	int64_t v, k = p->scale[dun_grade_index(grade)];

	/* (the usual sizes in 64 bits, half up; the rest in muldiv_round) */
	if (days >= 0 && days <= 1000000 && k >= 0 && k <= 1000000000000LL)
		v = ((int64_t)days * k + 5000) / 10000;
	else if (muldiv_round(days, k, 10000, &v) != 0)
		return 1000000;
	return v > 1000000 ? 1000000 : (int32_t)v;
}

/* the excuses of SPEC 5.4 that move an item up at once (style.h's order) */
enum { EXC_QUALITY = 1, EXC_SERVICE, EXC_PRICE, EXC_BOSS, EXC_FINANCE_AWAY,
	EXC_PROCESS, EXC_NO_RUSH, EXC_ACCUSE, EXC_THREAT };

int
dun_rung(const struct dun_policy *p, int32_t days, char grade, int excuse,
    int broken)
{
	int r = 0;

	while (r < 4 && days > dun_scaled(p, p->rung[r], grade))
		r++;
	if ((excuse == EXC_QUALITY || excuse == EXC_SERVICE) && r < 1)
		r = 1;
	if ((excuse == EXC_FINANCE_AWAY || excuse == EXC_PROCESS) && r < 3)
		r = 3;
	if ((excuse == EXC_BOSS || excuse == EXC_THREAT) && r < 4)
		r = 4;
	if (broken && r < 4)
		r++;
	return r;
}

int
dun_in_legal(const struct dun_policy *p, int32_t days, char grade)
{
	return days >= dun_scaled(p, p->lawyer_days, grade);
}

unsigned
dun_cadence(const struct dun_policy *p, const struct dun_cal *c, int32_t d,
    int32_t days, char grade, const struct dun_gate *g)
{
	unsigned mask = 0;
	int32_t from = dun_prev_work(c, d - 1) + 1, legal = dun_scaled(p,
	    p->lawyer_days, grade);

	if (!dun_workday(c, d))
		return 0;
	for (int32_t n = from; n <= d; n++) {
		int32_t k = days - (d - n);
		int y, m, dd;
		if (k < 1)
			continue;
		/* from the lawyer's letter on, the law, not calls (SPEC 5.1) */
		if (k < legal) {
			if (k >= p->phone_first && (k - p->phone_first) %
			    p->phone_every == 0)
				mask |= DUN_BIT(A_PHONE);
			if (k % p->written_every == 0)
				mask |= DUN_BIT(A_WRITTEN);
			if (k % p->visit_every == 0)
				mask |= DUN_BIT(A_VISIT);
		}
		date_to_civil(n, &y, &m, &dd);
		if (dd == 1 && (m - 1) % 3 == 0 && k > p->confirm_days)
			mask |= DUN_BIT(A_CONFIRM);
	}
	if (dun_blocked(p, c, g, d))
		mask &= ~DUN_CONTACT;
	return mask;
}

/* A measure is due the day its threshold T is crossed, or, when that day
 * is blocked, the first day after it that is not: a hold or a promise
 * delays stopping shipments, it does not cancel it. */
static int
measure_due(const struct dun_policy *p, const struct dun_cal *c, int32_t d,
    int32_t t, const struct dun_gate *g)
{
	if (t > d || dun_blocked(p, c, g, d))
		return 0;
	for (int32_t n = d - 1; n >= t; n--)
		if (!dun_blocked(p, c, g, n))
			return 0;
	return 1;
}

unsigned
dun_measures(const struct dun_policy *p, const struct dun_cal *c, int32_t d,
    int32_t days, char grade, const struct dun_gate *g)
{
	static const int act[] = { A_STOP_SHIP, A_PREPAY, A_LAWYER };
	const int th[] = { p->stop_days, p->prepay_days, p->lawyer_days };
	unsigned mask = 0;
	int32_t legal;

	for (int i = 0; i < 3; i++)
		if (measure_due(p, c, d, d - days + dun_scaled(p, th[i], grade), g))
			mask |= DUN_BIT(act[i]);
	/* legal-review on the lawyer's day and every legal_every after, each
	 * on its first free day */
	legal = d - days + dun_scaled(p, p->lawyer_days, grade);
	if (d >= legal) {
		int32_t k = legal + (d - legal) / p->legal_every * p->legal_every;
		if (measure_due(p, c, d, k, g))
			mask |= DUN_BIT(A_LEGAL);
	}
	return mask;
}

int
dun_dispute_day(const struct dun_policy *p, const struct dun_cal *c, int32_t d,
    int32_t days)
{
	int32_t from;

	if (!dun_workday(c, d) || days < 1)
		return 0;
	/* the nominal days since the last working day land on D */
	from = dun_prev_work(c, d - 1) + 1;
	for (int32_t n = from; n <= d; n++) {
		int32_t k = days - (d - n);
		if (k >= 1 && (k - 1) % p->dispute_every == 0)
			return 1;
	}
	return 0;
}

int32_t
dun_remind_day(const struct dun_policy *p, const struct dun_cal *c,
    int32_t due, int lead, int32_t invoice_date)
{
	int32_t r = dun_prev_work(c, due - lead);

	(void)p;
	if (invoice_date != DATE_NONE && r < invoice_date)
		r = invoice_date;
	return r;
}

int
dun_stage_lead(const struct dun_policy *p, const char *s, size_t n)
{
	static const struct {
		const char *name;
		int i;
	} st[] = { { "first", 0 }, { "首款", 0 }, { "middle", 1 }, { "中款", 1 },
	    { "final", 2 }, { "尾款", 2 } };
	char k[64];

	if (n == 0)	/* (no stage: most ledgers, every record) */
		return p->lead[3];
	norm_header(s, n, k, sizeof(k));
	for (size_t i = 0; i < sizeof(st) / sizeof(st[0]); i++)
		if (strcmp(k, st[i].name) == 0)
			return p->lead[st[i].i];
	return p->lead[3];
}

/* ---- limitation ---- */

int32_t
dun_statute_end(const struct dun_policy *p, int32_t due, int32_t last_receipt,
    int32_t ack, int32_t demand)
{
	int32_t start = due;
	int y, m, d;

	if (last_receipt != DATE_NONE && last_receipt > start)
		start = last_receipt;
	if (ack != DATE_NONE && ack > start)
		start = ack;
	if (demand != DATE_NONE && demand > start)
		start = demand;
	date_to_civil(start, &y, &m, &d);
	y += p->statute_years;
	if (m == 2 && d == 29 && date_days_in_month(y, 2) == 28)
		d = 28;
	return date_from_civil(y, m, d);
}

int32_t
dun_statute_day(const struct dun_policy *p, const struct dun_cal *c,
    int32_t end)
{
	return dun_next_work(c, end - p->statute_warn);
}

int
dun_statute_warns(const struct dun_policy *p, const struct dun_cal *c,
    int32_t due, int32_t last_receipt, int32_t ack, int32_t demand,
    int32_t d)
{
	int32_t start = due;

	if (last_receipt != DATE_NONE && last_receipt > start)
		start = last_receipt;
	if (ack != DATE_NONE && ack > start)
		start = ack;
	if (demand != DATE_NONE && demand > start)
		start = demand;
	/* N years on is at least 365 N - 1 days on (29 February to 28
	 * February), and the warning never comes before end - warn */
	if (p->statute_years > 0 && (int64_t)d < (int64_t)start +
	    365 * (int64_t)p->statute_years - 1 - p->statute_warn)
		return 0;
	return dun_statute_day(p, c, dun_statute_end(p, due, last_receipt, ack,
	    demand)) == d;
}

/* ---- the firm deadline ---- */

int32_t
dun_deadline(const struct dun_policy *p, const struct dun_cal *c, int32_t d,
    int32_t days, int (*firm_on)(int32_t day, int32_t days, void *arg),
    void *arg)
{
	int32_t due = d - days;

	/* the written notices so far, oldest first: the first in the firm
	 * style sets the deadline (a notice on a day that is not a working
	 * day comes on the next one) */
	for (int32_t k = p->written_every; k <= days; k += p->written_every) {
		int32_t n = dun_next_work(c, due + k);
		if (n > d)
			break;
		if (firm_on(n, n - due, arg))
			return n + p->firm_days;
	}
	return DATE_NONE;
}

/* ---- priority ---- */

int
dun_notices(const struct dun_policy *p, int32_t days)
{
	int n = days > 0 ? days / p->written_every : 0;

	return n > p->notice_max ? p->notice_max : n;
}

/* V *= X, DEN *= Y, or 0 when either would overflow. */
static int
scale(i128 *v, i128 x, i128 *den, i128 y)
{
	return !__builtin_mul_overflow(*v, x, v) &&
	    !__builtin_mul_overflow(*den, y, den);
}

int64_t
dun_priority(const struct dun_policy *p, int64_t amount, int dec,
    const struct decimal *rate, int32_t days, char grade, unsigned factors,
    int notices)
{
	i128 v = amount > 0 ? amount : 0, den = 1;
	int64_t out;
	int ok = scale(&v, days > 1 ? days : 1, &den, 1) &&
	    scale(&v, p->weight[dun_grade_index(grade)], &den, 10000);

	for (int i = 0; ok && i < dec; i++)
		ok = scale(&v, 1, &den, 10);
	if (ok && rate != NULL) {
		ok = scale(&v, rate->num, &den, 1);
		for (int i = 0; ok && i < rate->scale; i++)
			ok = scale(&v, 1, &den, 10);
	}
	if (ok && (factors & PF_DISPUTE))
		ok = scale(&v, p->f_dispute, &den, 10000);
	if (ok && (factors & PF_PENDING))
		ok = scale(&v, p->f_promise, &den, 10000);
	if (ok && (factors & PF_BROKEN))
		ok = scale(&v, p->f_broken, &den, 10000);
	if (ok && (factors & PF_OVER))
		ok = scale(&v, p->f_over, &den, 10000);
	if (ok && notices > 0)
		ok = scale(&v, 10000 + p->f_notice * notices, &den, 10000);
	if (!ok || div128_round(v, den, &out) != 0)
		return INT64_MAX;
	return out;
}
