/* dun-plan - what to do today for each open item (分级触发, 分级措施),
 * SPEC 5.1. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "apply.h"
#include "arena.h"
#include "date.h"
#include "err.h"
#include "grp.h"
#include "ics.h"
#include "ledger.h"
#include "money.h"
#include "norm.h"
#include "opts.h"
#include "out.h"
#include "policy.h"
#include "rec.h"
#include "style.h"
#include "vocab.h"

#define MAXMIN 16
#define MAXDAYS 366

enum { OPT_GRADES = OPT_TOOL, OPT_PER, OPT_WORKDAYS, OPT_HOLIDAYS,
	OPT_MIN_AMOUNT, OPT_MIN_PERCENT };

struct minamt {		/* --min-amount CUR=N */
	char cur[8];
	int dec;
	int64_t min;
};

static struct {
	struct common c;
	int per_invoice;
	const char *grades;
	int workdays;
	const char *holidays;
	struct minamt minamt[MAXMIN];
	int nminamt;
	struct decimal min_percent;
	int32_t from, to;
} opt;

/* ---- the policy: every number of SPEC 5.1 ---- */

static struct {
	int lead[4];		/* first, middle, final, unknown */
	int phone_first, phone_every, written_every, visit_every;
	int rung[4];		/* sales .. finance: the last day of each */
	int64_t scale[6];	/* A..E, N: x 10000 */
	int stop_days, prepay_days, lawyer_days, confirm_days;
	int statute_years, statute_warn, min_gap, reconcile_every;
	char default_grade[32];
	int64_t weight[6];	/* priority by grade, x 10000 */
	int64_t f_dispute, f_promise, f_broken, f_over, f_notice;
	int notice_max;
} pol;

static const struct pol policy[] = {
	{ "lead_first", "7", PK_INT, &pol.lead[0], 0, 3650,
	  "remind this many days before a first instalment is due (首款一周)" },
	{ "lead_middle", "3", PK_INT, &pol.lead[1], 0, 3650, "middle (中款三天)" },
	{ "lead_final", "10", PK_INT, &pol.lead[2], 0, 3650, "final (尾款一旬)" },
	{ "lead_unknown", "3", PK_INT, &pol.lead[3], 0, 3650, "no stage" },
	{ "phone_first", "1", PK_INT, &pol.phone_first, 1, 3650,
	  "first call, days overdue (每周口头)" },
	{ "phone_every", "7", PK_INT, &pol.phone_every, 1, 3650, "then every" },
	{ "written_every", "10", PK_INT, &pol.written_every, 1, 3650,
	  "a written notice every so many days (每旬书面)" },
	{ "visit_every", "30", PK_INT, &pol.visit_every, 1, 3650,
	  "a visit every so many days (每月当面)" },
	{ "rung_sales", "30", PK_INT, &pol.rung[0], 1, 36500,
	  "days overdue the salesperson collects alone (换人催收)" },
	{ "rung_delivery", "60", PK_INT, &pol.rung[1], 1, 36500,
	  "then delivery joins, up to this" },
	{ "rung_assistant", "90", PK_INT, &pol.rung[2], 1, 36500,
	  "then the sales assistant" },
	{ "rung_finance", "120", PK_INT, &pol.rung[3], 1, 36500,
	  "then finance; beyond it an executive" },
	{ "scale_a", "1.5", PK_NUM, &pol.scale[0], 1, 1000000,
	  "grade A: the thresholds in days times this" },
	{ "scale_b", "1", PK_NUM, &pol.scale[1], 1, 1000000, "" },
	{ "scale_c", "1", PK_NUM, &pol.scale[2], 1, 1000000, "" },
	{ "scale_d", "0.75", PK_NUM, &pol.scale[3], 1, 1000000, "" },
	{ "scale_e", "0.5", PK_NUM, &pol.scale[4], 1, 1000000, "" },
	{ "scale_n", "1", PK_NUM, &pol.scale[5], 1, 1000000, "" },
	{ "stop_shipments_days", "60", PK_INT, &pol.stop_days, 1, 36500,
	  "measures on the day these are crossed: stop shipments" },
	{ "prepay_days", "90", PK_INT, &pol.prepay_days, 1, 36500,
	  "switch to 先款后货" },
	{ "lawyer_days", "120", PK_INT, &pol.lawyer_days, 1, 36500,
	  "a lawyer's letter" },
	{ "confirm_balance_days", "90", PK_INT, &pol.confirm_days, 1, 36500,
	  "a signed 对账函 each quarter for items older than this" },
	{ "statute_years", "3", PK_INT, &pol.statute_years, 1, 100,
	  "limitation period (民法典 §188)" },
	{ "statute_warning_days", "90", PK_INT, &pol.statute_warn, 0, 36500,
	  "warn this long before it runs out" },
	{ "min_gap", "3", PK_INT, &pol.min_gap, 0, 3650,
	  "no call or notice within so many days of the last contact" },
	{ "reconcile_every", "7", PK_INT, &pol.reconcile_every, 1, 3650,
	  "a plan over several days repeats 对账 this often" },
	{ "default_grade", "N", PK_WORD, pol.default_grade, 0, 0,
	  "grade of a customer the grades file lacks" },
	{ "weight_a", "0.5", PK_NUM, &pol.weight[0], 0, 1000000,
	  "priority = overdue x days x grade weight x factors" },
	{ "weight_b", "0.8", PK_NUM, &pol.weight[1], 0, 1000000, "" },
	{ "weight_c", "1", PK_NUM, &pol.weight[2], 0, 1000000, "" },
	{ "weight_d", "1.5", PK_NUM, &pol.weight[3], 0, 1000000, "" },
	{ "weight_e", "2", PK_NUM, &pol.weight[4], 0, 1000000, "" },
	{ "weight_n", "1", PK_NUM, &pol.weight[5], 0, 1000000, "" },
	{ "factor_dispute", "0.1", PK_NUM, &pol.f_dispute, 0, 1000000,
	  "a disputed item" },
	{ "factor_promise", "0.5", PK_NUM, &pol.f_promise, 0, 1000000,
	  "a promise to pay not yet due" },
	{ "factor_broken", "2", PK_NUM, &pol.f_broken, 0, 1000000,
	  "a broken promise" },
	{ "factor_over_limit", "1.5", PK_NUM, &pol.f_over, 0, 1000000,
	  "over the credit limit" },
	{ "factor_notice", "0.1", PK_NUM, &pol.f_notice, 0, 1000000,
	  "plus this for each written notice sent so far" },
	{ "factor_notice_max", "10", PK_INT, &pol.notice_max, 0, 1000,
	  "counting at most this many notices" },
	{ NULL, NULL, 0, NULL, 0, 0, NULL }
};

static int
grade_index(char g)
{
	return g >= 'A' && g <= 'E' ? g - 'A' : 5;
}

/* ---- the actions (the course's cadence and measures) ---- */

enum act {
	A_REMIND, A_PREPARE, A_PHONE, A_WRITTEN, A_VISIT, A_STOP_SHIP, A_PREPAY,
	A_LAWYER, A_CONFIRM, A_STATUTE, A_PROMISE, A_DISPUTE, A_RECONCILE, NACTS
};

static const struct {
	const char *code, *channel, *en, *zh;
} acts[NACTS] = {
	{ "remind", "message", "reminder before the due date",
	  "到期前提醒（首款一周、中款三天、尾款一旬）" },
	{ "prepare-documents", "internal", "have the invoice and documents "
	  "ready", "备好文件与发票" },
	{ "phone", "phone", "weekly call", "每周口头提醒" },
	{ "written-notice", "letter", "written notice: keep the proof, it "
	  "interrupts the limitation period", "每旬书面提醒（留存凭证，可中断诉讼时效）" },
	{ "visit", "visit", "monthly visit", "每月当面提醒" },
	{ "stop-shipments", "internal", "stop shipments", "暂停发货" },
	{ "switch-to-prepay", "letter", "switch to prepayment",
	  "改为先款后货" },
	{ "lawyer-letter", "letter", "lawyer's letter", "发律师函" },
	{ "confirm-balance", "letter", "signed balance confirmation",
	  "寄送对账函并取得签章" },
	{ "statute-warning", "internal", "the limitation period runs out",
	  "诉讼时效即将届满（民法典第188条）：书面催收或对账以中断时效" },
	{ "promise-reminder", "phone", "the promise to pay is due tomorrow",
	  "明天是承诺付款日" },
	{ "resolve-dispute", "meeting", "resolve the dispute first",
	  "先解决争议，不催收" },
	{ "reconcile", "internal", "nothing owed net: reconcile and match",
	  "净额不欠：对账、核销" },
};

/* The collectors (换人催收, 多维协同: people are added, not replaced), and
 * who is copied when each one owns the item: the rungs below. */
static const char *const rungs[] = {
	"sales", "delivery", "assistant", "finance", "executive"
};
static const char *const ccs[] = {
	"", "sales", "sales;delivery", "sales;delivery;assistant",
	"sales;delivery;assistant;finance"
};

/* ---- the calendar ---- */

static struct grp *holidays;	/* date -> 'o'ff or 'w'ork */

static int
workday(int32_t d)
{
	const char *h;

	if (holidays && (h = grp_find(holidays, &d, sizeof(d), grp_hash(&d,
	    sizeof(d)))) != NULL)
		return *h == 'w';
	return !opt.workdays || date_weekday(d) < 5;
}

static int32_t
prev_work(int32_t d)
{
	for (int i = 0; i < 366 && !workday(d); i++)
		d--;
	return d;
}

static int32_t
next_work(int32_t d)
{
	for (int i = 0; i < 366 && !workday(d); i++)
		d++;
	return d;
}

static void
read_holidays(const char *path)
{
	char line[256];
	unsigned long ln = 0;
	FILE *f = fopen(path, "r");

	if (f == NULL)
		die(EXIT_FATAL, "%s: %s", path, strerror(errno));
	holidays = grp_new(1);
	while (fgets(line, sizeof(line), f) != NULL) {
		char *s = line, word[16];
		int32_t d;
		size_t n;
		ln++;
		while (*s == ' ' || *s == '\t')
			s++;
		if (*s == '#' || *s == '\n' || *s == '\r' || *s == '\0')
			continue;
		if (strlen(s) < 10 || date_parse(s, 10, &d) != 0 ||
		    sscanf(s + 10, " %15s", word) != 1 ||
		    (strcmp(word, "off") != 0 && strcmp(word, "work") != 0))
			die_at(EXIT_FATAL, path, ln, "expected \"YYYY-MM-DD off\" or "
			    "\"YYYY-MM-DD work\"");
		n = sizeof(d);
		*(char *)grp_get(holidays, &d, n, grp_hash(&d, n)) = word[0];
	}
	fclose(f);
}

/* ---- the grades file (credit-grade's output) ---- */

struct gent {
	char grade;
	int has_limit;
	int64_t limit;
};

static struct grp *gmap;
static int gmap_cur;		/* keyed by currency too */
static struct grp *ungraded;	/* customers the grades file lacks */
static char ungraded_first[128];

static void
read_grades(const char *path)
{
	struct rec_opts o;
	struct rec_reader *r;
	struct rec *x;
	struct key k = { NULL, 0, 0 };
	char *files[] = { (char *)path };
	int cc, ccur, cg, cl;

	memset(&o, 0, sizeof(o));
	o.fmt = FMT_AUTO;
	r = rec_open(files, 1, &o);
	cc = rec_col(r, "customer");
	cg = rec_col(r, "grade");
	ccur = rec_col(r, "currency");
	cl = rec_col(r, "credit_limit");
	rec_require(r, cc);
	rec_require(r, cg);
	gmap_cur = rec_has(r, ccur);
	gmap = grp_new(sizeof(struct gent));
	while ((x = rec_next(r)) != NULL) {
		struct text cust, cur, g;
		struct gent *e;
		int known, dec;
		if (field_text(r, x, cc, &cust, 1) != 0 ||
		    field_text(r, x, ccur, &cur, 0) != 0 ||
		    field_text(r, x, cg, &g, 1) != 0)
			continue;
		if (g.n != 1 || !strchr("ABCDEN", g.p[0])) {
			rec_reject_field(r, x, cg, "a grade is A to E or N, not");
			continue;
		}
		key_reset(&k);
		key_add(&k, cust.p, cust.n);
		if (gmap_cur)
			key_add(&k, cur.p, cur.n);
		if (grp_find(gmap, k.p, k.n, grp_hash(k.p, k.n)) != NULL)
			die_at(EXIT_FATAL, x->file, x->line, "customer \"%.*s\" is in "
			    "the grades file twice", (int)cust.n, cust.p);
		e = grp_get(gmap, k.p, k.n, grp_hash(k.p, k.n));
		e->grade = g.p[0];
		dec = currency_decimals(cur.p, cur.n, &known);
		if (!val_blank(rec_val(x, cl)) &&
		    field_money(r, x, cl, dec, &e->limit, 0) == 0)
			e->has_limit = 1;
		rec_written(r, x);
	}
	if (rec_close(r, 0) != 0)
		die(EXIT_FATAL, "%s: rejected records in the grades file", path);
	free(k.p);
}

/* ---- one open item, as of a day ---- */

struct item {
	struct doc d;
	uint64_t seq;
	int32_t promise, hold, contact, due;
	int64_t promise_amount;
	int excuse, power, lead, is_item, small;
	char grade;
	int64_t limit;
	int has_limit;
	/* as of the day */
	int64_t open;
	int32_t days;
	int held, pending, broken;
};

static struct rec_reader *rd;
static struct arena keep;	/* the fields of the records rows print */
static int direct;		/* --per invoice without receipts: one pass */
static struct ledger led;
static struct apply *ap;
static int c_stage, c_grade, c_excuse, c_power, c_promise, c_promise_amount,
    c_contact, c_hold;
static struct key gk;

static int
stage_lead(const struct text *t)
{
	static const struct {
		const char *name;
		int i;
	} st[] = { { "first", 0 }, { "首款", 0 }, { "middle", 1 }, { "中款", 1 },
	    { "final", 2 }, { "尾款", 2 } };
	char k[64];

	norm_header(t->p, t->n, k, sizeof(k));
	for (size_t i = 0; i < sizeof(st) / sizeof(st[0]); i++)
		if (strcmp(k, st[i].name) == 0)
			return pol.lead[st[i].i];
	return pol.lead[3];
}

/* Read what dunning needs of a record; -1 when it was rejected. */
static int
read_item(struct rec *x, struct item *it, uint64_t seq)
{
	struct text t;
	char g = 0;

	memset(it, 0, sizeof(*it));
	it->seq = seq;
	if (ledger_read(&led, x, &it->d) != 0)
		return -1;
	if (apply_reject_duplicate(ap, rd, x, seq) != 0)
		return -1;
	if (field_date(rd, x, c_promise, &it->promise, 0) != 0 ||
	    field_date(rd, x, c_contact, &it->contact, 0) != 0 ||
	    field_date(rd, x, c_hold, &it->hold, 0) != 0 ||
	    field_money(rd, x, c_promise_amount, it->d.dec, &it->promise_amount,
	    0) != 0)
		return -1;
	if (field_text(rd, x, c_stage, &t, 0) != 0)
		return -1;
	it->lead = stage_lead(&t);
	if (field_enum(rd, x, c_excuse, excuse_parse,
	    "unknown excuse (" EXCUSE_WORDS ")",
	    &it->excuse) != 0 || field_enum(rd, x, c_power, power_parse,
	    "unknown power (strong-weak, peer, unable)", &it->power) != 0)
		return -1;
	if (field_text(rd, x, c_grade, &t, 0) != 0)
		return -1;
	if (t.n > 0) {
		if (t.n != 1 || !strchr("ABCDEN", t.p[0])) {
			rec_reject_field(rd, x, c_grade, "a grade is A to E or N, not");
			return -1;
		}
		g = t.p[0];
	}
	if (gmap != NULL) {
		struct gent *e;
		key_reset(&gk);
		key_add(&gk, it->d.customer.p, it->d.customer.n);
		if (gmap_cur)
			key_add(&gk, it->d.currency.p, it->d.currency.n);
		e = grp_find(gmap, gk.p, gk.n, grp_hash(gk.p, gk.n));
		if (e != NULL) {
			g = e->grade;
			it->limit = e->limit;
			it->has_limit = e->has_limit;
		} else if (!g) {
			const char *cp = it->d.customer.p;
			size_t cn = it->d.customer.n;
			if (ungraded == NULL) {
				ungraded = grp_new(1);
				snprintf(ungraded_first, sizeof(ungraded_first), "%.*s",
				    (int)cn, cp);
			}
			grp_get(ungraded, cp, cn, grp_hash(cp, cn));
		}
	}
	it->grade = g ? g : pol.default_grade[0];
	it->is_item = apply_is_item(ap, &it->d, seq);
	it->due = it->d.due_date != DATE_NONE ? it->d.due_date :
	    it->d.invoice_date;
	if (it->is_item && it->due == DATE_NONE) {
		rec_reject(rd, x, "field 'due_date' is empty");
		return -1;
	}
	return 0;
}

/* The item on day D: its open, its days overdue, its promise and hold. */
static void
item_on(struct item *it, int32_t d)
{
	it->open = apply_open_at(ap, &it->d, d);
	it->days = it->due != DATE_NONE ? d - it->due : 0;
	it->held = it->hold != DATE_NONE && it->hold >= d;
	it->pending = it->promise != DATE_NONE && it->promise >= d;
	it->broken = it->promise != DATE_NONE && it->promise < d && it->open > 0;
	it->small = 0;
	if (opt.min_percent.num > 0 && it->d.amount > 0) {
		i128 lhs = (i128)it->open * 100;
		i128 rhs = (i128)it->d.amount * opt.min_percent.num;
		for (int i = 0; i < opt.min_percent.scale; i++)
			lhs *= 10;
		it->small = lhs < rhs;
	}
}

/* A threshold in days, scaled by the grade (SPEC 5.1). */
static int32_t
scaled(int days, char grade)
{
	int64_t v;

	muldiv_round(days, pol.scale[grade_index(grade)], 10000, &v);
	return (int32_t)v;
}

/* Which rung collects: by days overdue, raised by the excuse (质量, 服务 ->
 * delivery; 财务, 流程 -> finance; 领导, 吓你 -> executive) and by a broken
 * promise. */
static int
rung_of(int32_t days, char grade, int excuse, int broken)
{
	int r = 0;

	while (r < 4 && days > scaled(pol.rung[r], grade))
		r++;
	if ((excuse == EX_QUALITY || excuse == EX_SERVICE) && r < 1)
		r = 1;
	if ((excuse == EX_FINANCE_AWAY || excuse == EX_PROCESS) && r < 3)
		r = 3;
	if ((excuse == EX_BOSS || excuse == EX_THREAT) && r < 4)
		r = 4;
	if (broken && r < 4)
		r++;
	return r;
}

/* What holds dunning back on a day: not a working day, a hold, a pending
 * promise, a contact less than min_gap days ago (SPEC 5.1). */
struct gate {
	int32_t hold, promise, contact;		/* DATE_NONE when absent */
};

static int
blocked(const struct gate *g, int32_t n)
{
	if (!workday(n))
		return 1;
	if (g == NULL)
		return 0;
	if (g->hold != DATE_NONE && g->hold >= n)
		return 1;
	if (g->promise != DATE_NONE && g->promise >= n)
		return 1;
	return g->contact != DATE_NONE && n >= g->contact &&
	    n - g->contact < pol.min_gap;
}

#define CONTACT ((1u << A_PHONE) | (1u << A_WRITTEN) | (1u << A_VISIT))
#define DUNNING (CONTACT | (1u << A_STOP_SHIP) | (1u << A_PREPAY) | \
	(1u << A_LAWYER))

/* The routine actions for something DAYS overdue on D: a bit per action.
 * With --workdays the nominal days since the last working day land on D;
 * a blocked day drops its calls, notices and visits (the next ones come). */
static unsigned
cadence(int32_t d, int32_t days, const struct gate *g)
{
	unsigned mask = 0;
	int32_t from = prev_work(d - 1) + 1;

	if (!workday(d))
		return 0;
	for (int32_t n = from; n <= d; n++) {
		int32_t k = days - (d - n);
		int y, m, dd;
		if (k < 1)
			continue;
		if (k >= pol.phone_first && (k - pol.phone_first) %
		    pol.phone_every == 0)
			mask |= 1u << A_PHONE;
		if (k % pol.written_every == 0)
			mask |= 1u << A_WRITTEN;
		if (k % pol.visit_every == 0)
			mask |= 1u << A_VISIT;
		date_to_civil(n, &y, &m, &dd);
		if (dd == 1 && (m - 1) % 3 == 0 && k > pol.confirm_days)
			mask |= 1u << A_CONFIRM;
	}
	if (blocked(g, d))
		mask &= ~CONTACT;
	return mask;
}

/* A measure is due the day its threshold is crossed, or, when that day is
 * blocked, the first day after it that is not: a hold or a promise delays
 * stopping shipments, it does not cancel it. */
static int
measure_due(int32_t d, int32_t t, const struct gate *g)
{
	if (t > d || blocked(g, d))
		return 0;
	for (int32_t n = d - 1; n >= t; n--)
		if (!blocked(g, n))
			return 0;
	return 1;
}

static unsigned
measures(int32_t d, int32_t days, char grade, const struct gate *g)
{
	static const int act[] = { A_STOP_SHIP, A_PREPAY, A_LAWYER };
	const int *th[] = { &pol.stop_days, &pol.prepay_days, &pol.lawyer_days };
	unsigned mask = 0;

	for (int i = 0; i < 3; i++)
		if (measure_due(d, d - days + scaled(*th[i], grade), g))
			mask |= 1u << act[i];
	return mask;
}

/* The day the limitation period runs out: statute_years from the due date
 * or the last contact, whichever is later (民法典 §188, §195). */
static int32_t
statute_end(const struct item *it)
{
	int32_t start = it->due;
	int y, m, d;

	if (it->contact != DATE_NONE && it->contact > start)
		start = it->contact;
	date_to_civil(start, &y, &m, &d);
	y += pol.statute_years;
	if (m == 2 && d == 29 && date_days_in_month(y, 2) == 28)
		d = 28;
	return date_from_civil(y, m, d);
}

/* The day of the warning, moved to a working day. */
static int32_t
statute_day(const struct item *it)
{
	return next_work(statute_end(it) - pol.statute_warn);
}

/* The reminder before the due date: moved to an earlier working day,
 * never before the invoice date. */
static int32_t
remind_day(const struct item *it)
{
	int32_t r = prev_work(it->due - it->lead);

	if (it->d.invoice_date != DATE_NONE && r < it->d.invoice_date)
		r = it->d.invoice_date;
	return r;
}

/* ---- the rows of the plan ---- */

enum { F_DISPUTE = 1, F_PENDING = 2, F_BROKEN = 4, F_OVER = 8 };
#define NOSEQ UINT64_MAX	/* a row of no one record */

struct cday;

struct row {
	int32_t date, days, oldest, extra_date;
	int act, owner, dec, excuse, power, notices;
	unsigned factors;
	uint32_t items;
	int64_t open, priority, extra_amount;
	uint64_t seq;		/* the record printed with the row */
	char grade;
	char cur[8];
	struct val *vals;	/* that record's fields, filled in pass B */
	size_t nv;
	struct cday *cd;	/* --per invoice: the customer's day */
};

static struct row *rows;
static size_t nrows, rowcap;

/* priority = overdue x days x grade weight x factors (SPEC 5.1), in the
 * currency's major units */
static int64_t
priority(const struct row *r)
{
	i128 p = (i128)(r->open > 0 ? r->open : 0) * (r->days > 1 ? r->days : 1) *
	    pol.weight[grade_index(r->grade)];
	i128 den = 10000;
	int64_t v;

	for (int i = 0; i < r->dec; i++)
		den *= 10;
	if (r->factors & F_DISPUTE)
		p *= pol.f_dispute, den *= 10000;
	if (r->factors & F_PENDING)
		p *= pol.f_promise, den *= 10000;
	if (r->factors & F_BROKEN)
		p *= pol.f_broken, den *= 10000;
	if (r->factors & F_OVER)
		p *= pol.f_over, den *= 10000;
	if (r->notices > 0) {
		p *= 10000 + pol.f_notice * r->notices;
		den *= 10000;
	}
	return div128_round(p, den, &v) == 0 ? v : INT64_MAX;
}

/* A currency code into an 8-byte buffer (codes are 3 letters; longer
 * ones are cut, as they are everywhere the code is a key). */
static void
curcpy(char dst[8], const char *p, size_t n)
{
	if (n > 7)
		n = 7;
	memcpy(dst, p, n);
	dst[n] = '\0';
}

static struct row *
add_row(int act, int32_t date, uint64_t seq, char grade, const struct text *cur)
{
	struct row *r;

	if (nrows == rowcap) {
		rowcap = rowcap ? 2 * rowcap : 256;
		rows = xrealloc(rows, rowcap * sizeof(*rows));
	}
	r = &rows[nrows++];
	memset(r, 0, sizeof(*r));
	r->act = act;
	r->date = date;
	r->seq = seq;
	r->grade = grade;
	curcpy(r->cur, cur->p, cur->n);
	return r;
}

static void
finish_row(struct row *r, const struct item *it, int broken)
{
	r->owner = rung_of(r->days, r->grade, r->excuse, broken);
	if (r->act == A_DISPUTE)
		r->owner = 1;	/* delivery resolves disputes */
	if (r->act == A_RECONCILE)
		r->owner = 3;	/* finance matches (核销) */
	if (r->days > 0)
		r->notices = r->days / pol.written_every;
	if (r->notices > pol.notice_max)
		r->notices = pol.notice_max;
	if (it && it->has_limit && r->open > it->limit &&
	    r->act != A_RECONCILE)
		r->factors |= F_OVER;
	r->priority = priority(r);
}

/* Below --min-amount for its currency? */
static int
below_min(int64_t open, const char *cur, int dec)
{
	for (int i = 0; i < opt.nminamt; i++)
		if (strcmp(opt.minamt[i].cur, cur) == 0) {
			int64_t min = opt.minamt[i].min;
			/* the ledger's decimals for the code, if not the usual */
			for (int k = opt.minamt[i].dec; k < dec; k++)
				min *= 10;
			for (int k = dec; k < opt.minamt[i].dec; k++)
				min /= 10;
			return open < min;
		}
	return 0;
}

/* ---- per invoice: every item has its own ladder ---- */

static void
item_rows(const struct item *it, int32_t d, struct cday *cd)
{
	struct row *r;
	unsigned mask = 0;
	int k;
	char cur[8];

	if (it->open <= 0)
		return;
	curcpy(cur, it->d.currency.p, it->d.currency.n);
	if (it->d.disputed) {
		/* one resolve-dispute on the days dunning would come */
		if (cadence(d, it->days, NULL) & CONTACT)
			mask |= 1u << A_DISPUTE;
	} else if (!it->small && !below_min(it->open, cur, it->d.dec)) {
		struct gate g = { it->hold, it->promise, it->contact };
		mask = cadence(d, it->days, &g) | measures(d, it->days, it->grade,
		    &g);
	}
	if (it->days < 0 && remind_day(it) == d)
		mask |= (1u << A_REMIND) | (1u << A_PREPARE);
	if (statute_day(it) == d)
		mask |= 1u << A_STATUTE;
	if (it->pending && prev_work(it->promise - 1) == d)
		mask |= 1u << A_PROMISE;
	for (k = 0; k < NACTS; k++) {
		if (!(mask & (1u << k)))
			continue;
		r = add_row(k, d, it->seq, it->grade, &it->d.currency);
		r->cd = cd;
		r->days = it->days;
		r->oldest = it->days;
		r->open = it->open;
		r->items = 1;
		r->dec = it->d.dec;
		r->excuse = it->excuse;
		r->power = it->power;
		r->factors = (it->d.disputed ? F_DISPUTE : 0) |
		    (it->pending ? F_PENDING : 0) | (it->broken ? F_BROKEN : 0);
		if (k == A_STATUTE)
			r->extra_date = statute_end(it);
		if (k == A_PROMISE) {
			r->extra_date = it->promise;
			r->extra_amount = it->promise_amount;
		}
		finish_row(r, it, it->broken);
	}
}

/* ---- per customer: the ladder follows the oldest undisputed item ---- */

struct cday {			/* a customer and currency on a day */
	uint64_t driver_seq;
	int64_t und_open, net;
	int32_t driver_days, driver_inv, oldest, contact, promise;
	uint32_t und_items;
	unsigned char has_first, has_driver, has_contact, has_promise, broken;
	unsigned char unmatched;	/* something is open, or unapplied */
	unsigned char excuse, power;	/* enum excuse, enum power */
	char grade;
};

struct gact {			/* the items of one grouped action */
	uint64_t seq;
	uint32_t items;
	int64_t open, extra_amount;
	int32_t days, extra_date;
	int dec, excuse, power;
	unsigned factors;
	char grade;
};

/* A customer and currency, and its days of the plan (in the same entry:
 * one lookup, one cache line for a plan of one day). */
struct cust {
	int64_t limit;
	int dec, has_first, has_limit;
	struct cday day[];	/* opt.to - opt.from + 1 of them */
};

static struct grp *custs, *gacts;
static struct key ck;

static struct cust *
cust_of(const struct item *it)
{
	key_reset(&ck);
	key_add(&ck, it->d.customer.p, it->d.customer.n);
	key_add(&ck, it->d.currency.p, it->d.currency.n);
	return grp_get(custs, ck.p, ck.n, grp_hash(ck.p, ck.n));
}

static void
day_key(struct key *k, const struct item *it, int32_t d, int act)
{
	char ds[16];

	key_reset(k);
	key_add(k, it->d.customer.p, it->d.customer.n);
	key_add(k, it->d.currency.p, it->d.currency.n);
	date_format(ds, d);
	key_add(k, ds, 10);
	if (act >= 0) {
		ds[0] = (char)('a' + act);
		key_add(k, ds, 1);
	}
}

static void
group_act(const struct item *it, int32_t d, int act)
{
	struct gact *g;

	day_key(&ck, it, d, act);
	g = grp_get(gacts, ck.p, ck.n, grp_hash(ck.p, ck.n));
	if (g->items++ == 0) {
		g->seq = it->seq;
		g->grade = it->grade;
		g->excuse = it->excuse;
		g->power = it->power;
		g->dec = it->d.dec;
		g->days = it->days;
	}
	g->open += it->open;
	if (it->days > g->days)
		g->days = it->days;
	if (act == A_PROMISE) {
		g->extra_date = it->promise;
		g->extra_amount += it->promise_amount;
	}
	if (act == A_STATUTE)
		g->extra_date = statute_end(it);
	if (it->pending)
		g->factors |= F_PENDING;
	if (it->d.disputed)
		g->factors |= F_DISPUTE;
}

/* Count an item (or unapplied cash) in its customer's net for the day. */
static struct cday *
cday_net(struct cust *cu, const struct item *it, int32_t d)
{
	struct cday *c = &cu->day[d - opt.from];

	if (!cu->has_first) {
		cu->has_first = 1;
		cu->dec = it->d.dec;
	}
	if (!c->has_first) {
		c->has_first = 1;
		c->grade = it->grade;
	}
	c->net += it->open;
	c->unmatched |= it->open != 0;
	if (it->has_limit) {
		cu->has_limit = 1;
		cu->limit = it->limit;
	}
	return c;
}

/* Fold an item into its customer's day. */
static void
customer_item(struct cust *cu, const struct item *it, int32_t d)
{
	struct cday *c = cday_net(cu, it, d);

	if (it->open <= 0)
		return;
	if (it->d.disputed) {
		if (cadence(d, it->days, NULL) & CONTACT)
			group_act(it, d, A_DISPUTE);
	} else if (!it->held && !it->small) {
		c->und_open += it->open;
		c->und_items++;
		if (!c->has_driver || it->days > c->driver_days ||
		    (it->days == c->driver_days && it->d.invoice_date <
		    c->driver_inv)) {
			c->has_driver = 1;
			c->driver_seq = it->seq;
			c->driver_days = it->days;
			c->driver_inv = it->d.invoice_date;
			c->grade = it->grade;
			c->excuse = it->excuse;
			c->power = it->power;
		}
		if (it->days > c->oldest || c->und_items == 1)
			c->oldest = it->days;
		c->broken |= it->broken;
		if (it->promise != DATE_NONE && (!c->has_promise ||
		    it->promise > c->promise)) {
			c->has_promise = 1;
			c->promise = it->promise;
		}
		if (it->contact != DATE_NONE && (!c->has_contact ||
		    it->contact > c->contact)) {
			c->has_contact = 1;
			c->contact = it->contact;
		}
	}
	if (it->days < 0 && remind_day(it) == d) {
		group_act(it, d, A_REMIND);
		group_act(it, d, A_PREPARE);
	}
	if (statute_day(it) == d)
		group_act(it, d, A_STATUTE);
	if (it->pending && prev_work(it->promise - 1) == d)
		group_act(it, d, A_PROMISE);
}

/* A plan over several days repeats 对账 every reconcile_every days from its
 * first working day, each moved to the next working day. */
static int
reconcile_day(int32_t d)
{
	int32_t r0 = next_work(opt.from);

	if (!workday(d) || d < r0)
		return 0;
	for (int32_t n = prev_work(d - 1) + 1; n <= d; n++)
		if (n >= r0 && (n - r0) % pol.reconcile_every == 0)
			return 1;
	return 0;
}

/* A reconcile row is about the customer, not one of its records: only the
 * customer and currency fields are filled. */
static struct val *
customer_fields(const char **f, const size_t *fn, size_t *nv)
{
	size_t n = (size_t)(led.customer > led.currency ? led.customer :
	    led.currency) + 1;
	struct val *v = arena_alloc(&keep, n * sizeof(*v));

	for (size_t i = 0; i < n; i++)
		v[i] = (struct val){ "", 0, V_ABSENT };
	v[led.customer] = (struct val){ f[0], fn[0], V_STR };
	if (led.currency >= 0)
		v[led.currency] = (struct val){ f[1], fn[1], V_STR };
	*nv = n;
	return v;
}

static void
customer_rows(void)
{
	void **v = grp_all(custs);

	/* every customer's every day: CD runs over both */
	size_t ndays = (size_t)(opt.to - opt.from + 1);

	for (size_t cd = 0; cd < grp_len(custs) * ndays; cd++) {
		int32_t d = opt.from + (int32_t)(cd % ndays);
		struct cust *cu = v[cd / ndays];
		struct cday *c = &cu->day[d - opt.from];
		size_t n;
		const char *key = grp_key(cu, &n);
		const char *f[2];
		size_t fn[2];
		struct text cur;
		unsigned mask = 0;
		if (!c->has_first)
			continue;
		key_split(key, n, f, fn, 2);
		cur.p = f[1];
		cur.n = fn[1];
		if (c->net <= 0 && c->unmatched && reconcile_day(d)) {
			struct row *r = add_row(A_RECONCILE, d, NOSEQ, c->grade, &cur);
			r->vals = customer_fields(f, fn, &r->nv);
			r->open = c->net;
			r->dec = cu->dec;
			finish_row(r, NULL, 0);
		}
		if (!c->has_driver || c->net <= 0)
			continue;	/* nothing to press for */
		{
			char cs[8];
			curcpy(cs, cur.p, cur.n);
			if (below_min(c->und_open, cs, cu->dec))
				continue;
		}
		{
			struct gate g = { DATE_NONE, c->has_promise ? c->promise :
			    DATE_NONE, c->has_contact ? c->contact : DATE_NONE };
			mask = cadence(d, c->driver_days, &g) | measures(d,
			    c->driver_days, c->grade, &g);
		}
		for (int k = 0; k < NACTS; k++) {
			struct row *r;
			struct item lim;
			if (!(mask & (1u << k)))
				continue;
			r = add_row(k, d, c->driver_seq, c->grade, &cur);
			r->days = c->driver_days;
			r->oldest = c->oldest;
			r->open = c->und_open;
			r->items = c->und_items;
			r->dec = cu->dec;
			r->excuse = c->excuse;
			r->power = c->power;
			r->factors = (c->broken ? F_BROKEN : 0);
			memset(&lim, 0, sizeof(lim));
			lim.has_limit = cu->has_limit;
			lim.limit = cu->limit;
			finish_row(r, &lim, c->broken);
		}
	}
	free(v);
	v = grp_all(gacts);
	for (size_t i = 0; i < grp_len(gacts); i++) {
		struct gact *g = v[i];
		size_t n;
		const char *key = grp_key(g, &n);
		const char *f[5];
		size_t fn[5];
		struct text cur;
		struct row *r;
		int32_t d;
		key_split(key, n, f, fn, 5);
		cur.p = f[1];
		cur.n = fn[1];
		date_parse(f[2], 10, &d);
		r = add_row(f[3][0] - 'a', d, g->seq, g->grade, &cur);
		r->days = g->days;
		r->oldest = g->days;
		r->open = g->open;
		r->items = g->items;
		r->dec = g->dec;
		r->excuse = g->excuse;
		r->power = g->power;
		r->factors = g->factors;
		r->extra_date = g->extra_date;
		r->extra_amount = g->extra_amount;
		finish_row(r, NULL, 0);
	}
	free(v);
}

/* ---- the passes ---- */

static uint64_t
credit_left(struct item *it)
{
	int64_t left;

	if (apply_is_applied(ap, &it->d, it->seq, &left))
		return 0;
	it->open = left;
	return 1;
}

static uint64_t *bad;		/* the records pass A rejected */
static size_t nbad, badcap;

/* A copy of the input's fields of X (not the slots the tool asked for that
 * the input lacks), in one piece. */
static struct val *
copy_fields(struct arena *a, const struct rec *x, size_t *nv)
{
	size_t nf = rec_nfields(rd), n = 0, bytes = 0;
	struct val *v;
	char *b;

	for (size_t i = 0; i < nf; i++) {
		size_t slot = (size_t)rec_field(rd, i);
		if (slot < x->nv && slot + 1 > n)
			n = slot + 1;
	}
	for (size_t k = 0; k < n; k++)
		bytes += x->v[k].p ? x->v[k].n + 1 : 0;
	v = arena_alloc(a, n * sizeof(*v) + bytes + 1);
	b = (char *)(v + n);
	for (size_t k = 0; k < n; k++) {
		v[k] = x->v[k];
		if (v[k].p) {
			memcpy(b, v[k].p, v[k].n);
			b[v[k].n] = '\0';
			v[k].p = b;
			b += v[k].n + 1;
		}
	}
	*nv = n;
	return v;
}

/* An item (or unapplied cash) on day D of the plan, its state for the day
 * set by item_on(). */
static void
plan_item(struct cust *cu, struct item *it, int32_t d)
{
	if (!it->is_item)
		cday_net(cu, it, d);	/* unapplied cash */
	else if (opt.per_invoice)
		item_rows(it, d, cday_net(cu, it, d));
	else
		customer_item(cu, it, d);
}

/* What waits in the pipe: the item, and with --per invoice the rows made
 * for it, which learn their customer's day when it leaves. */
struct pdata {
	struct item it;
	size_t r0, r1;
};

/* The pipe's end (a plan of one day): the record is gone, so the item's
 * customer and currency are taken from the table's key. */
static void
plan_apply(void *payload, const void *data, void *ctx)
{
	struct cust *cu = payload;
	const struct pdata *pd = data;
	struct item it = pd->it;
	const char *f[2];
	size_t fn[2], n;
	const char *k = grp_key(cu, &n);

	(void)ctx;
	key_split(k, n, f, fn, 2);
	it.d.customer.p = f[0];
	it.d.customer.n = fn[0];
	it.d.currency.p = f[1];
	it.d.currency.n = fn[1];
	if (opt.per_invoice) {
		struct cday *c = cday_net(cu, &it, opt.from);
		for (size_t i = pd->r0; i < pd->r1; i++)
			rows[i].cd = c;
	} else
		plan_item(cu, &it, opt.from);
}

/* Pass A (quiet): every record, every day of the plan. A plan of one day
 * goes through a grp_pipe, which hides the table's cache misses. */
static void
plan(void)
{
	struct rec *x;
	struct item it;
	uint64_t seq = 0;
	struct grp_pipe *pipe = NULL;
	struct key pk = { NULL, 0, 0 };

	if (opt.from == opt.to)
		pipe = grp_pipe_new(custs, sizeof(struct pdata), plan_apply, NULL);
	for (; (x = rec_next(rd)) != NULL; seq++) {
		size_t before = nrows;
		if (read_item(x, &it, seq) != 0) {
			if (direct)
				continue;	/* rejected, and counted */
			if (nbad == badcap) {
				badcap = badcap ? 2 * badcap : 64;
				bad = xrealloc(bad, badcap * sizeof(*bad));
			}
			bad[nbad++] = seq;
			continue;
		}
		it.seq = seq;
		if (!it.is_item && !credit_left(&it))
			;	/* applied: counted where it applies */
		else if (pipe != NULL) {
			if (it.d.invoice_date == DATE_NONE || it.d.invoice_date <= opt.to) {
				struct pdata pd;
				if (it.is_item)
					item_on(&it, opt.to);
				pd.r0 = nrows;
				if (opt.per_invoice && it.is_item)
					item_rows(&it, opt.to, NULL);
				pd.r1 = nrows;
				key_reset(&pk);	/* not ck: the pipe's updates use it */
				key_add(&pk, it.d.customer.p, it.d.customer.n);
				key_add(&pk, it.d.currency.p, it.d.currency.n);
				it.d.invoice.p = it.d.ref.p = it.d.company.p = NULL;
				pd.it = it;
				grp_pipe_push(pipe, pk.p, pk.n, &pd);
			}
		} else {
			struct cust *cu = cust_of(&it);
			for (int32_t d = opt.from; d <= opt.to; d++) {
				if (it.d.invoice_date != DATE_NONE && it.d.invoice_date > d)
					continue;	/* not there yet */
				if (it.is_item)
					item_on(&it, d);
				plan_item(cu, &it, d);
			}
		}
		if (direct && nrows > before) {
			size_t nv;
			struct val *v = copy_fields(&keep, x, &nv);
			for (size_t i = before; i < nrows; i++) {
				rows[i].vals = v;
				rows[i].nv = nv;
			}
			rec_written(rd, x);	/* its fields are on a row */
		} else
			rec_filtered(rd, x);
	}
	if (pipe != NULL) {
		grp_pipe_flush(pipe);
		grp_pipe_free(pipe);
	}
	free(pk.p);
}

static size_t *byseq;		/* the rows in the order of their records */

static int
cmp_seq(const void *x, const void *y)
{
	const struct row *a = &rows[*(const size_t *)x];
	const struct row *b = &rows[*(const size_t *)y];

	return (a->seq > b->seq) - (a->seq < b->seq);
}

static void
index_rows(void)
{
	size_t n = 0;

	/* --per invoice: no dunning of a customer who owes nothing net */
	for (size_t i = 0; i < nrows; i++)
		if (!(rows[i].cd != NULL && rows[i].cd->net <= 0 &&
		    ((1u << rows[i].act) & DUNNING)))
			rows[n++] = rows[i];
	nrows = n;
	byseq = xcalloc(nrows + 1, sizeof(*byseq));
	for (size_t i = 0; i < nrows; i++)
		byseq[i] = i;
	qsort(byseq, nrows, sizeof(*byseq), cmp_seq);
}

/* Pass B (counted): keep the fields of the records the rows print; the
 * records pass A rejected are read again, to report them. */
static void
collect(void)
{
	struct rec *x;
	struct item it;
	uint64_t seq = 0;
	size_t next = 0, nextbad = 0;

	for (; (x = rec_next(rd)) != NULL; seq++) {
		if (nextbad < nbad && bad[nextbad] == seq) {
			nextbad++;
			if (read_item(x, &it, seq) != 0) {
				while (next < nrows && rows[byseq[next]].seq == seq)
					next++;
				continue;
			}
		}
		if (next == nrows || rows[byseq[next]].seq != seq) {
			rec_filtered(rd, x);
			continue;
		}
		size_t nv;
		struct val *v = copy_fields(&keep, x, &nv);
		for (; next < nrows && rows[byseq[next]].seq == seq; next++) {
			rows[byseq[next]].vals = v;
			rows[byseq[next]].nv = nv;
		}
		rec_written(rd, x);	/* its fields are on a row */
	}
}

/* ---- output ---- */

static int
cmp_row(const void *x, const void *y)
{
	const struct row *a = *(const struct row *const *)x;
	const struct row *b = *(const struct row *const *)y;

	if (a->date != b->date)
		return a->date < b->date ? -1 : 1;
	if (a->priority != b->priority)
		return a->priority > b->priority ? -1 : 1;	/* highest first */
	if (a->seq != b->seq)
		return a->seq < b->seq ? -1 : 1;
	return (a->act > b->act) - (a->act < b->act);
}

enum { O_DATE, O_DAYS, O_ACTION, O_CHANNEL, O_OWNER, O_CC, O_STYLE,
	O_PRIORITY, O_ITEMS, O_OPEN, O_OLDEST, O_NOTE, O_WHY, O_STYLES, NOUT };

static const struct ocol ocols_all[NOUT] = {
	{ "date", 0 }, { "days_overdue", 1 },
	{ "action", 0 }, { "channel", 0 },
	{ "owner", 0 }, { "cc", 0 },
	{ "style", 0 }, { "priority", 1 },
	{ "items", 1 }, { "open", 1 },
	{ "oldest_days", 1 }, { "note", 0 },
	{ "priority_factors", 0 },
	{ "style_scores", 0 },
};

static struct ocol ocols[NOUT];
static int opos[NOUT];
static size_t nocols;

static void
plan_columns(void)
{
	for (int i = 0; i < NOUT; i++) {
		opos[i] = -1;
		if (opt.per_invoice && (i == O_ITEMS || i == O_OLDEST))
			continue;
		if (!opt.c.explain && (i == O_WHY || i == O_STYLES))
			continue;
		opos[i] = (int)nocols;
		ocols[nocols++] = ocols_all[i];
	}
}

static const char *
note_of(const struct row *r, char *buf, size_t cap)
{
	int zh = opt.c.lang == LANG_ZH;
	char d[16], m[MONEY_BUFSZ];
	const char *base = zh ? acts[r->act].zh : acts[r->act].en;

	if (r->act != A_STATUTE && r->act != A_PROMISE && r->act != A_DISPUTE)
		return base;
	snprintf(buf, cap, "%s", base);
	if (r->act == A_STATUTE && r->extra_date != 0) {
		date_format(d, r->extra_date);
		snprintf(buf + strlen(buf), cap - strlen(buf), zh ? "（%s届满）" :
		    " on %s", d);
	}
	if (r->act == A_PROMISE) {
		date_format(d, r->extra_date);
		snprintf(buf + strlen(buf), cap - strlen(buf), zh ? "：%s" : ": %s",
		    d);
		if (r->extra_amount > 0) {	/* the amount promised, if given */
			money_format(m, r->extra_amount, r->dec, 0);
			snprintf(buf + strlen(buf), cap - strlen(buf), " %s %s", m,
			    r->cur);
		}
	}
	if (r->act == A_DISPUTE)
		snprintf(buf + strlen(buf), cap - strlen(buf), "%s", zh ?
		    "（交付负责）" : " (delivery leads)");
	return buf;
}

static void
why_of(const struct row *r, char *buf, size_t cap)
{
	char m[MONEY_BUFSZ], w[32];
	size_t o;

	money_format(m, r->open > 0 ? r->open : 0, r->dec, 0);
	fixed_format(w, pol.weight[grade_index(r->grade)], 4, 0);
	o = (size_t)snprintf(buf, cap, "open %s x %d days x grade %c %s", m,
	    r->days > 1 ? r->days : 1, r->grade, w);
#define F(bit, name, v) if ((r->factors & bit) && o < cap) { \
	fixed_format(w, v, 4, 0); o += (size_t)snprintf(buf + o, cap - o, \
	    " x %s %s", name, w); }
	F(F_DISPUTE, "disputed", pol.f_dispute);
	F(F_PENDING, "promise pending", pol.f_promise);
	F(F_BROKEN, "promise broken", pol.f_broken);
	F(F_OVER, "over limit", pol.f_over);
#undef F
	if (r->notices > 0 && o < cap) {
		fixed_format(w, 10000 + pol.f_notice * r->notices, 4, 0);
		snprintf(buf + o, cap - o, " x %d notices %s", r->notices, w);
	}
}

static enum style
style_of(const struct row *r, char *scores, size_t cap)
{
	struct situation s;
	struct style_score sc[NSTYLES];
	enum style best, order[NSTYLES];
	int y, m, d;
	size_t n, o = 0;

	date_to_civil(r->date, &y, &m, &d);
	s.excuse = r->excuse;
	s.power = r->power;
	s.days_overdue = r->days;
	s.grade = r->grade;
	s.days_to_period_end = date_month_end(r->date) - r->date;
	s.quarter_end = m % 3 == 0;
	s.disputed = r->act == A_DISPUTE;
	best = style_pick(&s, sc);
	if (scores != NULL) {
		n = style_rank(sc, order);
		scores[0] = '\0';
		for (size_t i = 0; i < n && i < 3 && o < cap; i++)
			o += (size_t)snprintf(scores + o, cap - o, "%s%s %d",
			    i ? "; " : "", styles[order[i]].code, sc[order[i]].score);
	}
	return best;
}

/* A code in the words of --lang (vocab.h); as it is in English. */
static const char *
zh_word(const char *field, const char *code, char *buf, size_t cap)
{
	if (vocab_value(field, code, strlen(code), opt.c.lang, buf, cap) ==
	    (size_t)-1)
		return code;
	return buf;
}

static void
write_rows(enum rec_fmt fmt)
{
	struct writer *w = NULL;
	struct obuf ob;
	struct cell c[NOUT];
	char date[16], note[512], why[512], scores[256];
	struct row **order;

	/* NOLINTNEXTLINE(bugprone-sizeof-expression): pointers, sorted */
	order = xcalloc(nrows + 1, sizeof(*order));
	for (size_t i = 0; i < nrows; i++)
		order[i] = &rows[i];
	/* NOLINTNEXTLINE(bugprone-sizeof-expression): pointers, sorted */
	qsort(order, nrows, sizeof(*order), cmp_row);
	if (fmt == FMT_ICS) {
		ob_init(&ob, 1, out_name);
		ics_begin(&ob, "-//arkit//dun-plan " ARKIT_VERSION "//EN");
	} else
		w = w_open(fmt, opt.c.lang, rd, ocols, nocols);
	for (size_t i = 0; i < nrows; i++) {
		struct row *r = order[i];
		struct rec fake = { r->vals, r->nv, "", 0, 1 };
		enum style st = style_of(r, opt.c.explain ? scores : NULL,
		    sizeof(scores));
		const char *cc = ccs[r->owner];
		const char *nt = note_of(r, note, sizeof(note));
		date_format(date, r->date);
		if (fmt == FMT_ICS) {
			size_t cn, in;
			const char *cust = val_text(rec_val(&fake, led.customer), &cn);
			const char *inv = val_text(rec_val(&fake, led.invoice), &in);
			char uid[96], sum[512], desc[1024], m[MONEY_BUFSZ];
			char w1[128], w2[256];
			uint64_t h;
			struct key u = { NULL, 0, 0 };
			key_add(&u, cust ? cust : "", cust ? cn : 0);
			key_add(&u, opt.per_invoice && inv ? inv : "", opt.per_invoice &&
			    inv ? in : 0);
			key_add(&u, r->cur, strlen(r->cur));
			key_add(&u, acts[r->act].code, strlen(acts[r->act].code));
			key_add(&u, date, 10);
			h = grp_hash(u.p, u.n);
			free(u.p);
			snprintf(uid, sizeof(uid), "%016llx-%s@arkit.dun-plan",
			    (unsigned long long)h, date);
			money_format(m, r->open, r->dec, 0);
			snprintf(sum, sizeof(sum), "%s: %.*s %s %s", zh_word("action",
			    acts[r->act].code, w1, sizeof(w1)), (int)(cust ? cn : 0),
			    cust ? cust : "", m, r->cur);
			if (opt.c.lang == LANG_ZH)
				snprintf(desc, sizeof(desc), "%s\n负责人：%s%s%s\n话术：%s"
				    "\n逾期 %d 天，优先级 %lld", nt, zh_word("owner",
				    rungs[r->owner], w1, sizeof(w1)), *cc ? "，协同：" : "",
				    *cc ? zh_word("cc", cc, w2, sizeof(w2)) : "",
				    styles[st].zh, r->days, (long long)r->priority);
			else
				snprintf(desc, sizeof(desc), "%s\nowner: %s%s%s\nstyle: %s\n"
				    "days overdue: %d, priority %lld", nt, rungs[r->owner],
				    *cc ? ", cc " : "", cc, styles[st].code, r->days,
				    (long long)r->priority);
			ics_event(&ob, uid, r->date, opt.to, sum, desc,
			    acts[r->act].channel);
			continue;
		}
		c[opos[O_DATE]] = cell_text(date, 10);
		c[opos[O_DAYS]] = r->act == A_RECONCILE ? cell_null() :
		    cell_int(r->days);
		c[opos[O_ACTION]] = cell_text(acts[r->act].code,
		    strlen(acts[r->act].code));
		c[opos[O_CHANNEL]] = cell_text(acts[r->act].channel,
		    strlen(acts[r->act].channel));
		c[opos[O_OWNER]] = cell_text(rungs[r->owner], strlen(rungs[r->owner]));
		c[opos[O_CC]] = *cc ? cell_text(cc, strlen(cc)) : cell_null();
		c[opos[O_STYLE]] = cell_text(styles[st].code, strlen(styles[st].code));
		c[opos[O_PRIORITY]] = cell_int(r->priority);
		if (opos[O_ITEMS] >= 0)
			c[opos[O_ITEMS]] = cell_int(r->items);
		c[opos[O_OPEN]] = cell_money(r->open, r->dec);
		if (opos[O_OLDEST] >= 0)
			c[opos[O_OLDEST]] = r->act == A_RECONCILE ? cell_null() :
			    cell_int(r->oldest);
		c[opos[O_NOTE]] = cell_text(nt, strlen(nt));
		if (opt.c.explain) {
			why_of(r, why, sizeof(why));
			c[opos[O_WHY]] = cell_text(why, strlen(why));
			c[opos[O_STYLES]] = cell_text(scores, strlen(scores));
		}
		w_row(w, &fake, c);
	}
	if (fmt == FMT_ICS) {
		ics_end(&ob);
		ob_flush(&ob);
		free(ob.b);
	} else
		w_close(w, 0);
	free(order);
}

/* ---- main ---- */

static const struct tool tool = {
	"dun-plan",
	"dun-plan [-hqVv] [-F delim] [-i fmt] [-o fmt] [-O file]\n"
	"                [--as-of date | --from date --to date]\n"
	"                [--per customer|invoice] [--grades file] [--workdays]\n"
	"                [--holidays file] [--min-amount cur=n] [--min-percent pct]\n"
	"                [--currency cur] [--explain] [--lang zh|en] [--policy file]\n"
	"                [--policy-dump] [--reject file] [--strict] "
	"[--max-record bytes]\n"
	"                [file ...]",
	"The day's collection worklist: reminders before the due date, calls,\n"
	"written notices and visits after it, the collector for the day and the\n"
	"measures when a threshold is crossed, sorted by priority.",
	"      --per WHAT         customer (default): one ladder per customer;\n"
	"                         invoice: one per item\n"
	"      --grades FILE      grades (credit-grade output) by customer\n"
	"      --workdays         no actions on weekends: earlier before the due\n"
	"                         date, later after it\n"
	"      --holidays FILE    lines \"YYYY-MM-DD off\" or \"YYYY-MM-DD work\" "
	"(调休)\n"
	"      --min-amount CUR=N skip customers owing less than N in CUR\n"
	"      --min-percent P    skip items with less than P% of their amount open\n",
	OG_AS_OF | OG_LANG | OG_EXPLAIN | OG_POLICY | OG_PERIOD,
	OUT_RECORDS | (1u << FMT_ICS)
};

static void
min_amount(const char *arg)
{
	const char *eq = strchr(arg, '=');
	int known;
	struct minamt *m;

	if (eq == NULL || eq - arg >= 8 || eq == arg || opt.nminamt == MAXMIN) {
		warnx("--min-amount: CUR=AMOUNT, e.g. CNY=500, not \"%s\"", arg);
		usage();
	}
	m = &opt.minamt[opt.nminamt++];
	memcpy(m->cur, arg, (size_t)(eq - arg));
	m->cur[eq - arg] = '\0';
	m->dec = currency_decimals(m->cur, strlen(m->cur), &known);
	if (money_parse(eq + 1, strlen(eq + 1), m->dec, &m->min) != MONEY_OK ||
	    m->min < 0) {
		warnx("--min-amount: \"%s\" is not an amount in %s", eq + 1,
		    m->cur);
		usage();
	}
}

int
main(int argc, char **argv)
{
	static const struct option own[] = {
		{ "grades", required_argument, NULL, OPT_GRADES },
		{ "per", required_argument, NULL, OPT_PER },
		{ "workdays", no_argument, NULL, OPT_WORKDAYS },
		{ "holidays", required_argument, NULL, OPT_HOLIDAYS },
		{ "min-amount", required_argument, NULL, OPT_MIN_AMOUNT },
		{ "min-percent", required_argument, NULL, OPT_MIN_PERCENT },
		{ NULL, 0, NULL, 0 }
	};
	enum rec_fmt fmt;
	int ch, st;

	opts_init(&opt.c, &tool, argc, argv);
	while ((ch = opts_next(&opt.c, argc, argv, own, "")) != -1) {
		switch (ch) {
		case OPT_GRADES:
			opt.grades = optarg;
			break;
		case OPT_PER:
			opt.per_invoice = opts_pick("--per", optarg, "customer",
			    "invoice");
			break;
		case OPT_WORKDAYS:
			opt.workdays = 1;
			break;
		case OPT_HOLIDAYS:
			opt.holidays = optarg;
			break;
		case OPT_MIN_AMOUNT:
			min_amount(optarg);
			break;
		case OPT_MIN_PERCENT:
			if (decimal_parse(optarg, &opt.min_percent) != 0) {
				warnx("--min-percent: \"%s\" is not a percentage", optarg);
				usage();
			}
			break;
		default:
			usage();
		}
	}
	argc -= optind;
	argv += optind;
	if (opt.c.policy_dump) {
		policy_load(policy, NULL);
		policy_dump(policy, "dun-plan policy (SPEC 5.1): the defaults");
		return fshut(EXIT_OK);
	}
	policy_load(policy, opt.c.policy);
	if (!strchr("ABCDEN", pol.default_grade[0]) || pol.default_grade[1])
		die(EXIT_FATAL, "%s: default_grade: A to E or N", opt.c.policy);
	if ((opt.c.from_arg == NULL) != (opt.c.to_arg == NULL)) {
		warnx("--from and --to go together");
		usage();
	}
	if (opt.c.from_arg && opt.c.as_of_arg) {
		warnx("--as-of or --from and --to, not both");
		usage();
	}
	opts_finish(&opt.c, NULL);
	if (opt.c.from_arg) {
		opt.from = opts_date("--from", opt.c.from_arg);
		opt.to = opts_date("--to", opt.c.to_arg);
		if (opt.from > opt.to || opt.to - opt.from >= MAXDAYS) {
			warnx("--from and --to: a period of 1 to %d days", MAXDAYS);
			usage();
		}
	} else
		opt.from = opt.to = opt.c.as_of;
	if (opt.holidays)
		read_holidays(opt.holidays);
	if (opt.grades)
		read_grades(opt.grades);

	rd = rec_open(argv, argc, &opt.c.in);
	ledger_init(&led, rd, opt.c.currency, LD_DUE);
	c_stage = rec_col(rd, "stage");
	c_grade = rec_col(rd, "grade");
	c_excuse = rec_col(rd, "excuse");
	c_power = rec_col(rd, "power");
	c_promise = rec_col(rd, "promise_date");
	c_promise_amount = rec_col(rd, "promise_amount");
	c_contact = rec_col(rd, "last_contact");
	c_hold = rec_col(rd, "hold_until");
	ap = apply_new(opt.to, 0, 1);
	if (rec_empty(rd))
		return fshut(rec_close(rd, opt.c.verbose));
	fmt = opts_outfmt(&opt.c, rd);
	plan_columns();
	custs = grp_new(sizeof(struct cust) + (size_t)(opt.to - opt.from + 1) *
	    sizeof(struct cday));
	gacts = grp_new(sizeof(struct gact));
	direct = opt.per_invoice;
	if (!direct || ledger_has_docs(&led))
		rec_want_rewind(rd);
	if (ledger_has_docs(&led))
		apply_join(ap, &led, rd, 0, !direct);	/* counted next when direct */
	plan();
	customer_rows();
	index_rows();
	if (!direct) {
		rec_rewind(rd, 0);
		collect();
	}
	if (ungraded != NULL)
		warnx("%s: %zu customer%s not in it (the first: %s) get%s grade %s",
		    opt.grades, grp_len(ungraded), grp_len(ungraded) > 1 ? "s" : "",
		    ungraded_first, grp_len(ungraded) > 1 ? "" : "s",
		    pol.default_grade);
	write_rows(fmt);
	st = rec_close(rd, opt.c.verbose);
	return fshut(st);
}
