/* scripts.c - the talk-track library of pick-script (SPEC 5.3): the
 * reader of a team's own (话术共创), the checks every template passes, and
 * the answers to the excuses. The built-in library is data, in
 * scripts_lib.c. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "norm.h"
#include "scripts.h"
#include "scripts_lib.h"
#include "style.h"

const char *const script_whens[NWHENS] = {
	"", "before-due", "overdue", "dispute", "promise", "internal"
};
const char *const script_channels[NCHANNELS] = {
	"", "call", "letter", "visit"
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

int
when_parse(const char *s, size_t n)
{
	norm_trim(&s, &n);
	for (int i = 0; i < NWHENS; i++)
		if (strlen(script_whens[i]) == n && memcmp(script_whens[i], s, n) == 0)
			return i;
	if (n == 3 && memcmp(s, "any", 3) == 0)
		return W_ANY;
	if (n == 6 && memcmp(s, "before", 6) == 0)
		return W_BEFORE;	/* the word of earlier libraries */
	return -1;
}

int
channel_parse(const char *s, size_t n)
{
	norm_trim(&s, &n);
	for (int i = 0; i < NCHANNELS; i++)
		if (strlen(script_channels[i]) == n &&
		    memcmp(script_channels[i], s, n) == 0)
			return i;
	if (n == 3 && memcmp(s, "any", 3) == 0)
		return CH_ANY;
	return -1;
}

/* What a template must not say where (SPEC 5.3, 5.1): a dispute, a
 * reminder before the due date and an instruction to our staff carry no
 * days-overdue figure; a dispute no demand; a letter no personal plea. */
static const char *const pleas[] = {
	"考核", "评优", "评上", "优秀", "我很难交代", "my target",
	"hard time explaining", "help me", "for me",
};
static const char *const demands[] = {
	"{amount_due}", "{net_overdue}", "{open}", "付款", "支付", "付清",
	"结清", "到账", "逾期", "pay", "overdue", "settle",
};

int
tmpl_contains(const char *t, const char *w)
{
	char low[8192];
	size_t n = strlen(t) < sizeof(low) - 1 ? strlen(t) : sizeof(low) - 1;

	for (size_t i = 0; i < n; i++)
		low[i] = (char)(t[i] >= 'A' && t[i] <= 'Z' ? t[i] + 32 : t[i]);
	low[n] = '\0';
	return strstr(low, w) != NULL;
}

const char *
tmpl_fit(const char *t, enum when w, enum channel ch)
{
	if ((w == W_DISPUTE || w == W_BEFORE || w == W_INTERNAL) &&
	    tmpl_contains(t, "{days_overdue}"))
		return "a dispute, a reminder or an instruction states no days "
		    "overdue";
	if (w == W_DISPUTE) {
		/* the words of the text, not of its placeholders ({pay_by} is a
		 * date), but for the money ones */
		char words[8192];
		size_t o = 0;
		for (const char *p = t; *p && o + 16 < sizeof(words); p++) {
			const char *e;
			if (*p == '{' && (e = strchr(p, '}')) != NULL &&
			    strncmp(p, "{amount_due}", 12) != 0 &&
			    strncmp(p, "{net_overdue}", 13) != 0 &&
			    strncmp(p, "{open}", 6) != 0) {
				p = e;
				continue;
			}
			words[o++] = *p;
		}
		words[o] = '\0';
		for (size_t i = 0; i < sizeof(demands) / sizeof(demands[0]); i++)
			if (tmpl_contains(words, demands[i]))
				return "a dispute's text asks what is wrong, never for "
				    "money";
	}
	if (ch == CH_LETTER)
		for (size_t i = 0; i < sizeof(pleas) / sizeof(pleas[0]); i++)
			if (tmpl_contains(t, pleas[i]))
				return "a letter carries no personal plea (评优, 考核)";
	return NULL;
}

const char *
excuse_answer(int excuse, int zh)
{
	for (size_t i = 0; i < scripts_nanswers; i++)
		if (scripts_answers[i].excuse == excuse)
			return zh ? scripts_answers[i].zh : scripts_answers[i].en;
	return "";
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

/* What is wrong, in BUF, or NULL with *M made. */
const char *
tmpl_make(const struct tmpl_words *w, struct tmpl *m, char *buf, size_t cap)
{
	int b;
	const char *bad;

	memset(m, 0, sizeof(*m));
	if (w->lang.n == 0 || w->text.n == 0)
		return "a library line needs lang and template";
	if ((b = when_parse(w->when.p, w->when.n)) < 0) {
		snprintf(buf, cap, "when is before-due, overdue, dispute, promise, "
		    "internal or blank, not \"%.*s\"", (int)w->when.n, w->when.p);
		return buf;
	}
	m->when = (enum when)b;
	if (w->style.n == 0 && m->when != W_DISPUTE && m->when != W_PROMISE &&
	    m->when != W_INTERNAL && w->action.n == 0)
		return "a style is needed (blank only for an action's own text, a "
		    "dispute, a promise and an internal one)";
	if (w->style.n == 0)
		m->style = -1;
	else if ((m->style = style_parse(w->style.p, w->style.n)) < 0) {
		snprintf(buf, cap, "unknown style \"%.*s\"", (int)w->style.n,
		    w->style.p);
		return buf;
	}
	if ((m->zh = lang_parse(w->lang.p, w->lang.n)) < 0) {
		snprintf(buf, cap, "unknown language \"%.*s\" (zh or en)",
		    (int)w->lang.n, w->lang.p);
		return buf;
	}
	if ((m->excuse = excuse_parse(w->excuse.p, w->excuse.n)) < 0) {
		snprintf(buf, cap, "unknown excuse \"%.*s\"", (int)w->excuse.n,
		    w->excuse.p);
		return buf;
	}
	if ((b = channel_parse(w->channel.p, w->channel.n)) < 0) {
		snprintf(buf, cap, "channel is call, letter, visit or blank, not "
		    "\"%.*s\"", (int)w->channel.n, w->channel.p);
		return buf;
	}
	m->channel = (enum channel)b;
	m->text = xstrndup(w->text.p, w->text.n);
	if ((bad = tmpl_check(m->text)) != NULL ||
	    (bad = tmpl_fit(m->text, m->when, m->channel)) != NULL) {
		snprintf(buf, cap, "%s", bad);
		free((char *)m->text);
		return buf;
	}
	if ((b = is_banned(m->text)) != 0) {
		snprintf(buf, cap, "\"%s\": no gifts, personal payments or favours "
		    "to the customer's staff (SPEC 5.3)", banned[b - 1]);
		free((char *)m->text);
		return buf;
	}
	m->action = w->action.n ? xstrndup(w->action.p, w->action.n) : NULL;
	return NULL;
}

void
scripts_with(const struct tmpl *add, size_t nadd, const struct tmpl **out,
    size_t *nout)
{
	unsigned char has[NSTYLES + 1][2];
	struct tmpl *lib;
	size_t nlib = 0;

	memset(has, 0, sizeof(has));
	for (size_t i = 0; i < nadd; i++)
		has[add[i].style + 1][add[i].zh] = 1;
	lib = xrealloc(NULL, (scripts_nbuiltin + nadd + 1) * sizeof(*lib));
	for (size_t i = 0; i < scripts_nbuiltin; i++)
		if (!has[scripts_builtin[i].style + 1][scripts_builtin[i].zh])
			lib[nlib++] = scripts_builtin[i];
	for (size_t i = 0; i < nadd; i++)
		lib[nlib++] = add[i];
	*out = lib;
	*nout = nlib;
}
