/* pick-script - the talk-track for a collection call (话术), SPEC 5.3.
 * Scores the ten styles of the course for each record (src/lib/style.c
 * holds the table), picks a template of the best one for the record's
 * situation (before the due date, overdue, a dispute, a promise, an
 * instruction to our staff) and channel (a call, a letter, a visit) from
 * the library (src/lib/scripts_lib.c), answers the customer's excuse, and
 * fills it from the record. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cases.h"
#include "deal.h"
#include "date.h"
#include "err.h"
#include "grp.h"
#include "ledger.h"
#include "money.h"
#include "norm.h"
#include "opts.h"
#include "out.h"
#include "rec.h"
#include "scripts_load.h"
#include "style.h"

enum { OPT_LIBRARY = OPT_TOOL, OPT_LIST, OPT_CASES };

static struct {
	struct common c;
	int top;
	const char *library, *cases;
	int list;
} opt;

static const struct tmpl *lib;
static size_t nlib;
static struct cases cases;

/* --list: the library as records, each style's name in both languages. */
static int
list_library(enum rec_fmt fmt)
{
	static const struct ocol cols[] = {
		{ "style", 0 }, { "name_zh", 0 }, { "name_en", 0 }, { "lang", 0 },
		{ "excuse", 0 }, { "when", 0 }, { "channel", 0 }, { "action", 0 },
		{ "template", 0 },
	};
	struct writer *w = w_open(fmt, opt.c.lang, NULL, cols, 9);

	for (size_t i = 0; i < nlib; i++) {
		const struct tmpl *t = &lib[i];
		const char *ex = excuses[t->excuse].code;
		struct cell c[9];
		if (t->style >= 0) {
			const struct style_def *sd = &styles[t->style];
			c[0] = cell_text(sd->code, strlen(sd->code));
			c[1] = cell_text(sd->zh, strlen(sd->zh));
			c[2] = cell_text(sd->en, strlen(sd->en));
		} else
			c[0] = c[1] = c[2] = cell_null();
		c[3] = cell_text(t->zh ? "zh" : "en", 2);
		c[4] = *ex ? cell_text(ex, strlen(ex)) : cell_null();
		c[5] = t->when ? cell_text(script_whens[t->when],
		    strlen(script_whens[t->when])) : cell_null();
		c[6] = t->channel ? cell_text(script_channels[t->channel],
		    strlen(script_channels[t->channel])) : cell_null();
		c[7] = t->action ? cell_text(t->action, strlen(t->action)) :
		    cell_null();
		c[8] = cell_text(t->text, strlen(t->text));
		w_row(w, NULL, c);
	}
	w_close(w, 0);
	return fshut(EXIT_OK);
}

/* ---- one record's situation ---- */

static struct rec_reader *rd;
static int c_excuse, c_power, c_days, c_grade, c_disputed, c_date, c_due,
    c_currency, c_customer, c_invoice, c_invoices, c_open, c_net, c_action,
    c_channel, c_audience, c_deadline, c_industry, c_promise_amount;

/* The actions whose customer text is their own letter (apply-cash asks
 * which invoices a receipt pays; a balance confirmation asks for a
 * signature; the others are notices of their own kind). */
static const char *const own_letters[] = {
	"apply-cash", "confirm-balance", "switch-to-prepay", "lawyer-letter"
};
/* dun-plan's actions for our own staff, when the input has no audience */
static const char *const internal_acts[] = {
	"prepare-documents", "stop-shipments", "legal-review", "statute-warning",
	"reconcile"
};

#define PAY_BY_DAYS 10		/* {pay_by}: ten days from the call (每旬) */

struct ctx {
	struct rec *x;
	int32_t day, due;
	int days, has_days, zh, dec;
	enum when when;
	enum channel channel;
	char action[32];
	int own_letter;		/* the action has its own letter */
	int64_t amount_due;
	int has_amount;
	struct text cur;
	char casetext[1024];
	int has_case;
};

static int
word_in(const char *w, size_t n, const char *const *list, size_t nl)
{
	for (size_t i = 0; i < nl; i++)
		if (strlen(list[i]) == n && memcmp(list[i], w, n) == 0)
			return 1;
	return 0;
}

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

/* Money as a collector says it (SPEC 5.3): 205,000.00元, 3,000.00美元;
 * CNY 205,000.00. */
static void
money_words(char *buf, size_t cap, int64_t v, const struct ctx *c)
{
	static const struct {
		const char *code, *zh;
	} names[] = {
		{ "CNY", "元" }, { "RMB", "元" }, { "USD", "美元" }, { "EUR", "欧元" },
		{ "JPY", "日元" }, { "HKD", "港元" }, { "GBP", "英镑" },
		{ "TWD", "新台币" }, { "KRW", "韩元" }, { "SGD", "新加坡元" },
		{ "AUD", "澳元" }, { "CAD", "加元" }, { "CHF", "瑞士法郎" },
	};
	char m[MONEY_BUFSZ];
	const char *zh = NULL;

	money_format(m, v, c->dec, 1);
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (c->cur.n == 3 && memcmp(c->cur.p, names[i].code, 3) == 0)
			zh = names[i].zh;
	if (c->zh && (zh || c->cur.n == 0))
		snprintf(buf, cap, "%s%s", m, zh ? zh : "元");
	else if (c->zh)
		snprintf(buf, cap, "%s %.*s", m, (int)c->cur.n, c->cur.p);
	else if (c->cur.n)
		snprintf(buf, cap, "%.*s %s", (int)c->cur.n, c->cur.p, m);
	else
		snprintf(buf, cap, "%s", m);
}

/* Fields that hold money (formatted with the currency's decimals and
 * thousands separators) and dates (written the language's way). */
static const char *const money_fields[] = {
	"open", "amount", "paid", "promise_amount", "credit_limit", "overdue",
	"balance", "current", "available", "billed", "not_due", "unapplied",
	"net_overdue",
};

static int
is_date_field(const char *name)
{
	size_t n = strlen(name);

	return strcmp(name, "date") == 0 || strcmp(name, "deadline") == 0 ||
	    strcmp(name, "statute_end") == 0 || strcmp(name, "hold_until") == 0 ||
	    strcmp(name, "last_contact") == 0 || strcmp(name, "last_demand") == 0 ||
	    (n > 5 && strcmp(name + n - 5, "_date") == 0);
}

/* The text of a field of the record; NULL when blank or absent. */
static const char *
field_of(const struct ctx *c, const char *name, size_t *n)
{
	int slot = rec_col(rd, name);
	const char *v;

	if (val_blank(rec_val(c->x, slot)) ||
	    (v = val_text(rec_val(c->x, slot), n)) == NULL)
		return NULL;
	norm_trim(&v, n);
	return *n ? v : NULL;
}

/* The text of placeholder NAME for the record; NULL when it has none. */
static const char *
value_of(const char *name, const struct ctx *c, char *buf, size_t cap)
{
	const char *v;
	size_t n;
	int32_t d;
	int64_t m;

	if (strcmp(name, "amount_due") == 0) {
		if (!c->has_amount)
			return NULL;
		money_words(buf, cap, c->amount_due, c);
		return buf;
	}
	if (strcmp(name, "days_overdue") == 0) {
		if (!c->has_days || c->days <= 0)
			return NULL;
		snprintf(buf, cap, "%d", c->days);
		return buf;
	}
	if (strcmp(name, "invoices") == 0) {
		if ((v = field_of(c, "invoices", &n)) == NULL &&
		    (v = field_of(c, "invoice", &n)) == NULL)
			return NULL;
		snprintf(buf, cap, "%.*s", (int)n, v);
		for (char *p = buf; c->zh && *p; p++)
			if (*p == ';')
				*p = ',';
		return buf;
	}
	if (strcmp(name, "case") == 0)
		return c->has_case ? c->casetext : NULL;
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
	if ((v = field_of(c, name, &n)) == NULL)
		return NULL;
	for (size_t i = 0; i < sizeof(money_fields) / sizeof(money_fields[0]);
	    i++)
		if (strcmp(name, money_fields[i]) == 0 && money_parse(v, n, c->dec,
		    &m) == MONEY_OK) {
			money_words(buf, cap, m, c);
			return buf;
		}
	n = n < cap - 1 ? n : cap - 1;
	if (is_date_field(name) && date_parse(v, n, &d) == 0) {
		date_words(buf, cap, d, c->zh);
		return buf;
	}
	memcpy(buf, v, n);
	buf[n] = '\0';
	return buf;
}

/* Fill T into OUT; NULL, or the name of a placeholder the record has no
 * value for. */
static const char *
render(const char *t, const struct ctx *c, char *out, size_t cap,
    char *missing, size_t mcap)
{
	size_t o = 0;
	char name[64], val[2048];

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

/* Can template T speak for style ST in the record's situation? */
static int
fits(const struct tmpl *t, int st, int excuse, const struct ctx *c)
{
	if (t->zh != c->zh)
		return 0;
	if (c->when == W_INTERNAL)
		return t->when == W_INTERNAL && (t->action == NULL ||
		    strcmp(t->action, c->action) == 0);
	if (t->when == W_INTERNAL)
		return 0;
	if (c->own_letter)	/* only the action's own letter */
		return t->action != NULL && strcmp(t->action, c->action) == 0;
	if (t->action != NULL)
		return 0;
	if (t->style != st && !(t->style < 0 && (t->when == W_DISPUTE ||
	    t->when == W_PROMISE)))
		return 0;
	if (t->excuse != EX_NONE && t->excuse != excuse)
		return 0;
	if (t->channel != CH_ANY && t->channel != c->channel)
		return 0;
	switch (c->when) {
	case W_DISPUTE:
	case W_PROMISE:
		return t->when == c->when;
	default:
		return t->when == W_ANY || t->when == c->when;
	}
}

/* The template of style ST for the record: its own style before any style,
 * its channel before any, its excuse before none, its situation before
 * any; among equals, one chosen by the record (so customers do not all
 * hear the same line, and a rerun says the same). NULL when none can be
 * filled; MISSING then names what was missing. */
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
		if (!fits(t, st, excuse, c) ||
		    render(t->text, c, out, cap, miss, sizeof(miss)) != NULL)
			continue;
		rank = (t->action != NULL) * 32 + (t->style == st) * 16 +
		    (t->channel != CH_ANY) * 8 + (t->excuse != EX_NONE) * 4 +
		    (t->when != W_ANY) * 2;
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
	{ "rank", 1 }, { "style", 0 }, { "principle", 0 }, { "next_step", 0 },
	{ "script", 0 }, { "style_scores", 0 },
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

/* An amount field of the record into *V (0 when blank); -1 rejected. */
static int
money_of(struct rec *x, int slot, int dec, int64_t *v, int *has)
{
	*has = !val_blank(rec_val(x, slot));
	return field_money(rd, x, slot, dec, v, 0);
}

/* When, channel and action: from dun-plan's columns, or from the days
 * overdue for a record of another kind. */
static int
where_of(struct rec *x, struct ctx *c, int disputed)
{
	struct text t;

	c->action[0] = '\0';
	if (field_text(rd, x, c_action, &t, 0) != 0)
		return -1;
	if (t.n < sizeof(c->action))
		snprintf(c->action, sizeof(c->action), "%.*s", (int)t.n, t.p);
	c->own_letter = word_in(t.p, t.n, own_letters, sizeof(own_letters) /
	    sizeof(own_letters[0]));
	if (field_text(rd, x, c_audience, &t, 0) != 0)
		return -1;
	if ((t.n == 8 && memcmp(t.p, "internal", 8) == 0) || (t.n == 0 &&
	    word_in(c->action, strlen(c->action), internal_acts,
	    sizeof(internal_acts) / sizeof(internal_acts[0]))))
		c->when = W_INTERNAL;
	else if (disputed || strcmp(c->action, "resolve-dispute") == 0)
		c->when = W_DISPUTE;
	else if (strcmp(c->action, "promise-reminder") == 0)
		c->when = W_PROMISE;
	else if ((c->has_days && c->days <= 0) || strcmp(c->action, "remind") == 0)
		c->when = W_BEFORE;
	else
		c->when = W_OVERDUE;
	if (field_text(rd, x, c_channel, &t, 0) != 0)
		return -1;
	/* dun-plan's channel to a register: a message and a letter are
	 * written, a meeting is face to face */
	c->channel = CH_CALL;
	if ((t.n == 6 && memcmp(t.p, "letter", 6) == 0) ||
	    (t.n == 7 && memcmp(t.p, "message", 7) == 0))
		c->channel = CH_LETTER;
	else if ((t.n == 5 && memcmp(t.p, "visit", 5) == 0) ||
	    (t.n == 7 && memcmp(t.p, "meeting", 7) == 0))
		c->channel = CH_VISIT;
	return 0;
}

/* The money the row may ask for (SPEC 5.3, 1.10): what falls due before
 * the due date or on a promise, the net overdue on a dun-plan row, else
 * the open amount. */
static int
amount_of(struct rec *x, struct ctx *c)
{
	int64_t open = 0, net = 0, promised = 0;
	int has_open, has_net, has_promised;

	if (money_of(x, c_open, c->dec, &open, &has_open) != 0 ||
	    money_of(x, c_net, c->dec, &net, &has_net) != 0 ||
	    money_of(x, c_promise_amount, c->dec, &promised, &has_promised) != 0)
		return -1;
	c->has_amount = 1;
	if (c->when == W_PROMISE && has_promised && promised > 0)
		c->amount_due = promised;
	else if (c->when == W_BEFORE || c->when == W_PROMISE)
		c->amount_due = open, c->has_amount = has_open;
	else if (has_net)
		c->amount_due = net;
	else
		c->amount_due = open, c->has_amount = has_open;
	/* nothing to ask for is no demand (a dun-plan row never has one) */
	if (c->has_amount && c->amount_due <= 0 && c->when == W_OVERDUE &&
	    !c->own_letter)
		c->has_amount = 0;
	return 0;
}

/* The case of our library closest to the record (its industry), for
 * {case} (例证式, SPEC 6). */
static void
case_of(struct ctx *c)
{
	struct case_query q;
	size_t best[1];
	const char *v;
	size_t n;

	c->has_case = 0;
	if (cases.n == 0)
		return;
	memset(&q, 0, sizeof(q));
	q.customer = field_of(c, "customer", &q.customer_n);
	q.industry = (v = field_of(c, "industry", &n)) ? v : NULL;
	q.industry_n = v ? n : 0;
	q.reason = REASON_NONE;
	if (cases_match(&cases, &q, best, 1) == 1) {
		case_text(&cases.v[best[0]], c->zh, c->casetext,
		    sizeof(c->casetext));
		c->has_case = 1;
	}
}

/* The record's situation; -1 when it was rejected. */
static int
situation_of(struct rec *x, struct situation *s, struct ctx *c)
{
	struct text t;
	int disputed, y, m, d, known;

	memset(s, 0, sizeof(*s));
	memset(c, 0, sizeof(*c));
	c->x = x;
	c->zh = opt.c.lang == LANG_ZH;
	c->day = opt.c.as_of;
	if (field_date(rd, x, c_date, &c->day, 0) != 0 ||
	    field_date(rd, x, c_due, &c->due, 0) != 0 ||
	    field_bool(rd, x, c_disputed, &disputed, 0) != 0)
		return -1;
	if (c->day == DATE_NONE)
		c->day = opt.c.as_of;
	if (field_enum(rd, x, c_excuse, excuse_parse,
	    "unknown excuse (" EXCUSE_WORDS ")", &s->excuse) != 0 ||
	    field_enum(rd, x, c_power, power_parse,
	    "unknown power (strong-weak, peer, unable)", &s->power) != 0)
		return -1;
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
	if (field_text(rd, x, c_currency, &c->cur, 0) != 0)
		return -1;
	if (c->cur.n == 0 && opt.c.currency) {
		c->cur.p = opt.c.currency;
		c->cur.n = strlen(c->cur.p);
	}
	c->dec = currency_decimals(c->cur.p, c->cur.n, &known);
	/* the money a script may say: an amount, or the record is rejected
	 * (never "1e309" in a letter) */
	for (size_t i = 0; i < sizeof(money_fields) / sizeof(money_fields[0]);
	    i++) {
		int64_t v;
		int slot = rec_col(rd, money_fields[i]);
		if (rec_has(rd, slot) && field_money(rd, x, slot, c->dec, &v, 0))
			return -1;
	}
	if (where_of(x, c, disputed) != 0 || amount_of(x, c) != 0)
		return -1;
	case_of(c);
	s->days_overdue = c->has_days ? c->days : 0;
	s->disputed = c->when == W_DISPUTE;
	s->days_to_period_end = date_month_end(c->day) - c->day;
	date_to_civil(c->day, &y, &m, &d);
	s->quarter_end = m % 3 == 0;
	return 0;
}

/* An open of zero or less on a row that is not for our staff (a credit
 * balance) is no call to make. */
static int
nothing_owed(struct rec *x, const struct ctx *c)
{
	const char *v;
	size_t n;
	int64_t m;

	if (c->when == W_INTERNAL || c->own_letter ||
	    val_blank(rec_val(x, c_open)) ||
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
	int slots[] = { c_customer, c_invoice, c_date, c_action };

	for (size_t i = 0; i < 4; i++) {
		p = val_text(rec_val(x, slots[i]), &n);
		key_add(&k, p ? p : "", p ? n : 0);
	}
	key_add(&k, st >= 0 ? styles[st].code : "", st >= 0 ?
	    strlen(styles[st].code) : 0);
	h = grp_hash(k.p, k.n);
	free(k.p);
	return h;
}

/* The excuse answered before a script that is not its own (SPEC 5.3). */
static char *
answered(const struct tmpl *t, int excuse, const struct ctx *c,
    const char *script)
{
	const char *a = excuse_answer(excuse, c->zh), *nl;
	size_t n;
	char *s;

	if (excuse == EX_NONE || t->excuse == excuse || c->when == W_INTERNAL ||
	    c->own_letter || *a == '\0')
		return xstrdup(script);
	n = strlen(a) + strlen(script) + 3;
	s = xmalloc(n);
	/* a letter begins with its salutation: the answer comes after it */
	nl = t->channel == CH_LETTER ? strchr(script, '\n') : NULL;
	if (nl != NULL)
		snprintf(s, n, "%.*s%s%s%s", (int)(nl - script + 1), script, a,
		    c->zh ? "" : " ", nl + 1);
	else
		snprintf(s, n, "%s%s%s", a, c->zh ? "" : " ", script);
	return s;
}

static void
internal_row(struct writer *w, struct rec *x, const struct ctx *c)
{
	struct cell cells[NOUT];
	char script[8192], missing[64];
	const struct tmpl *t = choose(-1, EX_NONE, c, record_hash(x, -1), script,
	    sizeof(script), missing, sizeof(missing));

	if (t == NULL) {
		rec_reject(rd, x, "the library has no %s instruction for %s",
		    c->zh ? "zh" : "en", *c->action ? c->action : "this row");
		return;
	}
	for (int i = 0; i < NOUT; i++)
		if (opos[i] >= 0)
			cells[opos[i]] = cell_null();
	cells[opos[O_SCRIPT]] = cell_text(script, strlen(script));
	w_row(w, x, cells);
	rec_written(rd, x);
}

static void
pick(struct writer *w, struct rec *x)
{
	struct situation s;
	struct ctx c;
	struct style_score sc[NSTYLES];
	enum style order[NSTYLES];
	struct cell cells[NOUT];
	char script[8192], missing[64] = "", principle[1024], step[1024];
	char scores[2048];
	size_t n, k, written = 0;
	int zh = opt.c.lang == LANG_ZH;
	struct {
		enum style st;
		char *script;
	} picked[NSTYLES];
	int firstmiss = -1;

	if (situation_of(x, &s, &c) != 0)
		return;
	if (nothing_owed(x, &c)) {
		rec_filtered(rd, x);	/* a credit balance: no call to make */
		return;
	}
	if (c.when == W_INTERNAL) {
		internal_row(w, x, &c);
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
		picked[written].st = order[k];
		picked[written].script = answered(t, s.excuse, &c, script);
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
	"pick-script [-hqVv] [-F delim] [-i fmt] [-o fmt] [-O file] [-n k]\n"
	"                   [--as-of date] [--library file] [--cases file] "
	"[--list]\n"
	"                   [--currency cur] [--explain] [--lang zh|en]\n"
	"                   [--reject file] [--strict] [--max-record bytes] "
	"[file ...]",
	"The talk-track for each collection call: the best of the course's ten\n"
	"styles for the customer's excuse, power, lateness, grade and the\n"
	"calendar, with its principle, what to do first, and the script filled\n"
	"from the record: said for a call, written for a letter, answering the\n"
	"excuse, asking only for the money that is due; an instruction on the\n"
	"rows for our own staff.",
	"  -n, --top K            the K best styles, one row each, with a rank\n"
	"      --library FILE     templates (style,lang,excuse,when,channel,\n"
	"                         action,template) that replace the built-in\n"
	"                         ones of their style and language, and add to\n"
	"                         the rest\n"
	"      --cases FILE       the case library, for {case} (例证式)\n"
	"      --list             print the library as records and exit\n",
	OG_AS_OF | OG_LANG | OG_EXPLAIN,
	OUT_RECORDS
};

int
main(int argc, char **argv)
{
	static const struct option own[] = {
		{ "top", required_argument, NULL, 'n' },
		{ "library", required_argument, NULL, OPT_LIBRARY },
		{ "cases", required_argument, NULL, OPT_CASES },
		{ "list", no_argument, NULL, OPT_LIST },
		{ NULL, 0, NULL, 0 }
	};
	struct writer *w;
	struct rec *x;
	int ch, st;

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
		case OPT_CASES:
			opt.cases = optarg;
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
	scripts_load(opt.library, &lib, &nlib);
	if (opt.list)
		return list_library(opt.c.out == FMT_AUTO ? FMT_CSV : opt.c.out);
	if (opt.cases)
		cases_load(opt.cases, &cases);

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
	c_invoices = rec_col(rd, "invoices");
	c_open = rec_col(rd, "open");
	c_net = rec_col(rd, "net_overdue");
	c_action = rec_col(rd, "action");
	c_channel = rec_col(rd, "channel");
	c_audience = rec_col(rd, "audience");
	c_deadline = rec_col(rd, "deadline");
	c_industry = rec_col(rd, "industry");
	c_promise_amount = rec_col(rd, "promise_amount");
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
	st = rec_close(rd, opt.c.verbose);
	cases_free(&cases);
	return fshut(st);
}
