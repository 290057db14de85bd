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
#include "scripts.h"
#include "style.h"

enum { OPT_LIBRARY = OPT_TOOL, OPT_LIST };

static struct {
	struct common c;
	int top;
	const char *library;
	int list;
} opt;

/* ---- the library (src/lib/scripts.c) ---- */

static const struct tmpl *lib;
static size_t nlib;

/* --list: the library as records. */
static int
list_library(enum rec_fmt fmt)
{
	static const struct ocol cols[] = {
		{ "style", 0 }, { "lang", 0 },
		{ "excuse", 0 }, { "when", 0 },
		{ "template", 0 },
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
		c[3] = t->when ? cell_text(script_whens[t->when],
		    strlen(script_whens[t->when])) :
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

static int
slot_of(const char *name)
{
	for (size_t i = 0; i < nnames; i++)
		if (strcmp(names[i].name, name) == 0)
			return names[i].slot;
	return -1;
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
	{ "rank", 1 },
	{ "style", 0 },
	{ "principle", 0 },
	{ "next_step", 0 },
	{ "script", 0 },
	{ "style_scores", 0 },
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
	if (field_enum(rd, x, c_excuse, excuse_parse,
	    "unknown excuse (" EXCUSE_WORDS ")",
	    &s->excuse) != 0 || field_enum(rd, x, c_power, power_parse,
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
	if (field_text(rd, x, c_currency, &t, 0) != 0)
		return -1;
	if (t.n == 0 && opt.c.currency) {
		t.p = opt.c.currency;
		t.n = strlen(t.p);
	}
	{
		int known;
		int64_t amt;
		c->dec = currency_decimals(t.p, t.n, &known);
		/* the money a script may say: an amount, or the record is
		 * rejected (never "1e309" in a letter) */
		for (size_t i = 0; i < sizeof(money_fields) /
		    sizeof(money_fields[0]); i++) {
			int slot = slot_of(money_fields[i]);
			if (slot >= 0 && field_money(rd, x, slot, c->dec, &amt, 0) != 0)
				return -1;
		}
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
	char script[8192], missing[64] = "", principle[1024], step[1024];
	char scores[2048];
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
	"pick-script [-hqVv] [-F delim] [-i fmt] [-o fmt] [-O file] [-n k]\n"
	"                   [--as-of date]\n"
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
	OUT_RECORDS
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
	scripts_load(opt.library, &lib, &nlib);
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
