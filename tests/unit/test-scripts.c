/* test-scripts.c - every template of the built-in talk-track library,
 * rendered with sample values, says nothing it must not where it is used
 * (SPEC 5.3): no demand and no days overdue in a dispute; no days overdue
 * and no "overdue" before the due date; nothing to the customer in an
 * instruction for our staff; no personal plea in a letter; every demand
 * names its invoices. And the library covers what the tools ask of it:
 * each style has a call, a letter and a visit for an overdue item in both
 * languages, and (but for firm) a reminder; each of the thirteen excuses
 * its own templates and its answer in both; a dispute text for every style
 * that may be chosen on one. */
#include <stdlib.h>
#include <string.h>

#include "scripts.h"
#include "scripts_lib.h"
#include "style.h"
#include "unit.h"

#define AMOUNT_ZH "123,456.78元"
#define AMOUNT_EN "CNY 123,456.78"
#define DAYS "77"

/* The template with every placeholder filled by a sample. */
static void
render(const struct tmpl *t, char *out, size_t cap)
{
	static const struct {
		const char *name, *zh, *en;
	} v[] = {
		{ "amount_due", AMOUNT_ZH, AMOUNT_EN },
		{ "days_overdue", DAYS, DAYS },
		{ "invoices", "INV-9", "INV-9" },
		{ "customer", "华东电气", "Acme" },
		{ "due_date", "2026年10月1日", "1 October 2026" },
		{ "pay_by", "2026年12月10日", "10 December 2026" },
		{ "deadline", "2026年12月12日", "12 December 2026" },
		{ "period", "月度", "month" },
		{ "period_end", "2026年11月30日", "30 November 2026" },
		{ "promise_date", "2026年12月1日", "1 December 2026" },
		{ "statute_end", "2027年3月1日", "1 March 2027" },
		{ "date", "2026年11月30日", "30 November 2026" },
		{ "case", "某电力客户：分阶段替换；零停机。", "A utility: staged; no "
		  "downtime." },
	};
	size_t o = 0;

	for (const char *p = t->text; *p && o + 64 < cap; p++) {
		if (*p == '{' && p[1] != '{') {
			const char *e = strchr(p, '}');
			size_t n = (size_t)(e - p - 1), i;
			for (i = 0; i < sizeof(v) / sizeof(v[0]); i++)
				if (strlen(v[i].name) == n && memcmp(v[i].name, p + 1, n) == 0)
					break;
			CHECK(i < sizeof(v) / sizeof(v[0]));	/* a known field */
			if (i < sizeof(v) / sizeof(v[0])) {
				const char *s = t->zh ? v[i].zh : v[i].en;
				memcpy(out + o, s, strlen(s));
				o += strlen(s);
			}
			p = e;
			continue;
		}
		out[o++] = *p;
	}
	out[o] = '\0';
}

static const char *const demand_words[] = {
	AMOUNT_ZH, AMOUNT_EN, "付款", "支付", "付清", "结清", "到账", "pay",
	"settle",
};
static const char *const late_words[] = { DAYS, "逾期", "overdue", "late" };
static const char *const plea_words[] = {
	"考核", "评优", "优秀", "交代", "my target", "help me", "for me",
	"hard time",
};
static const char *const customer_words[] = { "贵司", "您", "you", "dear" };

static void
check_template(const struct tmpl *t)
{
	char s[8192];
	int bad = 0;

	render(t, s, sizeof(s));
	if (t->when == W_DISPUTE)
		for (size_t i = 0; i < sizeof(demand_words) / sizeof(*demand_words);
		    i++)
			bad |= tmpl_contains(s, demand_words[i]);
	/* a text for any time may be said before the due date */
	if (t->when == W_DISPUTE || t->when == W_BEFORE || t->when == W_INTERNAL ||
	    (t->when == W_ANY && !t->action))
		for (size_t i = 0; i < sizeof(late_words) / sizeof(*late_words); i++)
			bad |= t->when != W_INTERNAL || i == 0 ? tmpl_contains(s,
			    late_words[i]) : 0;
	if (t->channel == CH_LETTER || t->when == W_INTERNAL || t->action)
		for (size_t i = 0; i < sizeof(plea_words) / sizeof(*plea_words); i++)
			bad |= tmpl_contains(s, plea_words[i]);
	if (t->when == W_INTERNAL)
		for (size_t i = 0; i < sizeof(customer_words) /
		    sizeof(*customer_words); i++)
			bad |= tmpl_contains(s, customer_words[i]);
	/* a demand names the invoices it is for, or the whole account */
	if (strstr(t->text, "{amount_due}") && !strstr(t->text, "{invoices}") &&
	    !strstr(t->text, "账上") && !strstr(t->text, "your account"))
		bad = 1;
	/* and the library's own check agrees */
	if (tmpl_fit(t->text, t->when, t->channel) != NULL)
		bad = 1;
	if (bad)
		fprintf(stderr, "template %s/%s/%s/%s: %s\n", t->style >= 0 ?
		    styles[t->style].code : "-", t->zh ? "zh" : "en",
		    script_whens[t->when], script_channels[t->channel], s);
	CHECK(!bad);
}

/* Is there a template of style ST (or any style), language ZH, for W, on
 * channel CH (or any), for excuse EX (or none)? */
static int
covered(int st, int zh, enum when w, enum channel ch, int ex)
{
	for (size_t i = 0; i < scripts_nbuiltin; i++) {
		const struct tmpl *t = &scripts_builtin[i];
		if ((t->style == st || t->style < 0) && t->zh == zh &&
		    t->when == w && t->action == NULL &&
		    (ch == CH_ANY || t->channel == ch) &&
		    (ex == EX_NONE ? t->excuse == EX_NONE : t->excuse == ex))
			return 1;
	}
	return 0;
}

int
main(void)
{
	for (size_t i = 0; i < scripts_nbuiltin; i++)
		check_template(&scripts_builtin[i]);
	for (int zh = 0; zh < 2; zh++) {
		for (int st = 0; st < NSTYLES; st++) {
			CHECK(covered(st, zh, W_OVERDUE, CH_CALL, EX_NONE));
			CHECK(covered(st, zh, W_OVERDUE, CH_LETTER, EX_NONE));
			CHECK(covered(st, zh, W_OVERDUE, CH_VISIT, EX_NONE));
			if (st != ST_FIRM)	/* firm never before 91 days */
				CHECK(covered(st, zh, W_BEFORE, CH_ANY, EX_NONE));
			if (st != ST_FIRM && st != ST_DEADLINE)	/* not on a dispute */
				CHECK(covered(st, zh, W_DISPUTE, CH_ANY, EX_NONE));
		}
		for (int ex = 1; ex < NEXCUSES; ex++) {
			int own = 0;
			for (int st = 0; st < NSTYLES; st++)
				own |= covered(st, zh, W_OVERDUE, CH_ANY, ex);
			CHECK(own);
			CHECK(*excuse_answer(ex, zh) != '\0');
		}
		CHECK(covered(-1, zh, W_PROMISE, CH_ANY, EX_NONE));
	}
	/* the reader's checks */
	CHECK(tmpl_fit("Please pay {amount_due}", W_DISPUTE, CH_ANY) != NULL);
	CHECK(tmpl_fit("{days_overdue} days", W_BEFORE, CH_ANY) != NULL);
	CHECK(tmpl_fit("能不能评上优秀就靠您了", W_OVERDUE, CH_LETTER) != NULL);
	CHECK(tmpl_fit("能不能评上优秀就靠您了", W_OVERDUE, CH_CALL) == NULL);
	CHECK(when_parse("before-due", 10) == W_BEFORE);
	CHECK(when_parse("before", 6) == W_BEFORE);
	CHECK(when_parse("later", 5) < 0);
	CHECK(channel_parse("letter", 6) == CH_LETTER);
	CHECK(channel_parse("fax", 3) < 0);
	return unit_done("test-scripts");
}
