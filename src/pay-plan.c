/* pay-plan - an instalment plan with interest (分期付款, for 有心无力),
 * SPEC 9.
 *
 * Reads what a customer owes (ar-age or dun-plan output, or one line typed
 * by hand) and writes, per customer and currency, the schedule: a down
 * payment and N instalments, annuity or equal principal, exact to the
 * cent (src/lib/payplan.c). The rows are a canonical ledger, so
 * `pay-plan | dun-plan` reminds each instalment; -o md|html writes the
 * agreement (src/lib/payplan_doc.c's tables). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "docw.h"
#include "err.h"
#include "grp.h"
#include "ledger.h"
#include "money.h"
#include "opts.h"
#include "out.h"
#include "payplan.h"
#include "payplan_doc.h"
#include "prose.h"
#include "rec.h"

enum { OPT_EVERY = OPT_TOOL, OPT_START, OPT_DOWN, OPT_RATE, OPT_DAILY_RATE,
	OPT_METHOD };

static struct {
	struct common c;
	struct pp_terms t;
	const char *start_arg;
	int have_rate;
} opt;

/* ---- the balances: one per customer and currency, in input order ---- */

/* Where a customer's debt comes from, by the first column the input has
 * (SPEC 9; 1.10: an upstream figure is taken as it is, never re-derived
 * from amount - paid). */
enum src {
	SRC_NET_OVERDUE,	/* dun-plan rows: max(0, overdue + unapplied),
				 * the customer's, repeated on every row */
	SRC_BALANCE,		/* ar-age -g: balance - disputed_open per group */
	SRC_OPEN		/* an open-item list: Σ open of undisputed rows */
};

struct owed {
	int64_t balance;
	int dec, has;
};

static struct grp *owed;
static struct rec_reader *rd;
static int src = -1;		/* enum src; -1: JSON, known at its first record */
static int s_customer, s_currency, s_amount[3], s_disputed, s_less,
    s_overdue, s_unapplied;
static struct key gkey;

/* Does X have the field (a CSV column, a key of this JSON record)? */
static int
has(struct rec *x, int slot)
{
	return rec_val(x, slot)->type != V_ABSENT;
}

/* The source of the amounts: the first of net_overdue, balance and open
 * that X has (in CSV, the header's). */
static void
pick_source(struct rec *x)
{
	for (int i = 0; i < 3 && src < 0; i++)
		if (x != NULL ? has(x, s_amount[i]) : rec_has(rd, s_amount[i]))
			src = i;
}

/* What X says its customer owes, undisputed; -1 when X is rejected. */
static int
amount(struct rec *x, int dec, int64_t *v)
{
	int64_t a = 0, b = 0;

	if (src == SRC_NET_OVERDUE && has(x, s_overdue) && has(x, s_unapplied)) {
		/* the customer's figure, also on dun-plan --per invoice rows
		 * (whose net_overdue is the item's share) */
		if (field_money(rd, x, s_overdue, dec, &a, 1) != 0 ||
		    field_money(rd, x, s_unapplied, dec, &b, 1) != 0)
			return -1;
		money_sum(&a, b);
		*v = a > 0 ? a : 0;
		return 0;
	}
	if (field_money(rd, x, s_amount[src], dec, v, 1) != 0)
		return -1;
	if (src == SRC_BALANCE) {
		/* no plan for the part in dispute */
		if (field_money(rd, x, s_less, dec, &b, 0) != 0)
			return -1;
		money_sum(v, -b);
	}
	return 0;
}

/* One record: what its customer owes in its currency. */
static void
process(struct rec *x)
{
	struct text cust, cur = { NULL, 0 };
	struct owed *o;
	int64_t v;
	int dec, known, disputed = 0;

	if (field_text(rd, x, s_customer, &cust, src != SRC_BALANCE) != 0)
		return;
	if (cust.n == 0) {
		rec_filtered(rd, x);	/* ar-age --total: no customer's */
		return;
	}
	if (src < 0)
		pick_source(x);
	if (src < 0)
		src = SRC_OPEN;	/* and the record is rejected: no open */
	if (field_text(rd, x, s_currency, &cur, 0) != 0)
		return;
	if (cur.n == 0 && opt.c.currency)
		cur.p = opt.c.currency, cur.n = strlen(opt.c.currency);
	dec = currency_decimals(cur.p ? cur.p : "", cur.n, &known);
	if (!known && cur.n > 0) {
		char q[ERR_QUOTE_MAX], key[ERR_QUOTE_MAX + 16];
		err_quote(q, cur.p, cur.n);
		snprintf(key, sizeof(key), "currency:%s", q);
		warn_once(key, "unknown currency code \"%s\": 2 decimals "
		    "assumed", q);	/* SPEC 1.4 */
	}
	if (amount(x, dec, &v) != 0)
		return;
	if (field_bool(rd, x, s_disputed, &disputed, 0) != 0)
		return;
	if (disputed && src == SRC_OPEN) {
		rec_filtered(rd, x);	/* no plan for a debt in dispute */
		return;
	}
	key_reset(&gkey);
	key_add(&gkey, cust.p, cust.n);
	key_add(&gkey, cur.p ? cur.p : "", cur.n);
	o = grp_get(owed, gkey.p, gkey.n, grp_hash(gkey.p, gkey.n));
	if (!o->has) {
		o->has = 1;
		o->dec = dec;
	}
	if (src == SRC_NET_OVERDUE)
		o->balance = v;	/* the same figure on every action row; over
				 * several days, the last day's */
	else
		money_sum(&o->balance, v);
	rec_written(rd, x);
}

/* ---- output ---- */

/* SPEC 9's columns, then those that make each row a ledger invoice
 * (SPEC 1.3) that dun-plan reads: amount is the payment. */
enum { NCOLS = 14 };
static const struct ocol ocols[NCOLS] = {
	{ "customer", 0 }, { "contract", 0 }, { "stage", 0 },
	{ "instalment", 1 }, { "due_date", 0 }, { "principal", 1 },
	{ "interest", 1 }, { "payment", 1 }, { "remaining", 1 },
	{ "currency", 0 }, { "invoice", 0 }, { "doc_type", 0 },
	{ "invoice_date", 0 }, { "amount", 1 }
};

/* 首款, 中款, 尾款: dun-plan's reminders before each (SPEC 5.1) */
static const char *
stage(int i, int n)
{
	if (i == 0)
		return "first";
	return i == n - 1 ? "final" : "middle";
}

static void
write_rows(struct writer *w, const char *cust, size_t cn, const char *cur,
    size_t curn, const char *contract, const struct instalment *r, int n,
    int dec)
{
	struct cell c[NCOLS];
	char inv[96];

	for (int i = 0; i < n; i++) {
		size_t k = 0;
		snprintf(inv, sizeof(inv), "%s-%02d", contract, r[i].k);
		c[k++] = cell_text(cust, cn);
		c[k++] = cell_text(contract, strlen(contract));
		c[k++] = cell_text(stage(i, n), strlen(stage(i, n)));
		c[k++] = cell_int(r[i].k);
		c[k++] = cell_date(r[i].due);
		c[k++] = cell_money(r[i].principal, dec);
		c[k++] = cell_money(r[i].interest, dec);
		c[k++] = cell_money(r[i].payment, dec);
		c[k++] = cell_money(r[i].remaining, dec);
		c[k++] = cell_text(cur, curn);
		c[k++] = cell_text(inv, strlen(inv));
		c[k++] = cell_text("invoice", 7);
		c[k++] = cell_date(opt.t.as_of);
		c[k++] = cell_money(r[i].payment, dec);
		w_row(w, NULL, c);
	}
}

static struct docw doc;

static void
doc_flush_on_stop(void)
{
	docw_flush(&doc);
}

/* Every plan, by customer and currency, bytewise (SPEC 1.9). */
static void
plans(enum rec_fmt fmt)
{
	void **all = grp_sorted(owed);
	size_t n = grp_len(owed);
	struct instalment *rows = xcalloc(PAYPLAN_MAXN + 1, sizeof(*rows));
	struct writer *w = NULL;
	int people = fmt == FMT_MD || fmt == FMT_HTML;
	char contract[PAYPLAN_IDLEN], q[ERR_QUOTE_MAX];

	if (people)
		docw_open(&doc, fmt == FMT_HTML, opt.c.lang == LANG_ZH,
		    opt.c.lang == LANG_ZH ? "分期还款协议" : "Instalment agreements");
	else
		w = w_open(fmt, opt.c.lang, NULL, ocols, NCOLS);
	for (size_t i = 0; i < n; i++) {
		struct owed *o = all[i];
		const char *f[2];
		size_t fn[2], kn;
		const char *key = grp_key(o, &kn), *why;
		int nrows;
		key_split(key, kn, f, fn, 2);
		err_quote(q, f[0], fn[0]);	/* (stderr: SPEC 1.9) */
		if (o->balance <= 0) {
			if (!opt.c.quiet)
				warnx("customer \"%s\" %.*s: owes nothing: no "
				    "plan", q, (int)fn[1], f[1]);
			continue;
		}
		if ((why = payplan_make(&opt.t, o->balance, rows, &nrows)))
			die(EXIT_FATAL, "customer \"%s\": %s", q, why);
		payplan_id(contract, opt.t.as_of, key, kn);
		if (!people) {
			write_rows(w, f[0], fn[0], f[1], fn[1], contract, rows,
			    nrows, o->dec);
			continue;
		}
		{
			/* the data as Markdown text, never markup */
			struct prose_out t = { NULL, 0, 0 };
			char *cust = docw_md_escape(f[0], fn[0]),
			    *cur = docw_md_escape(f[1], fn[1]);
			struct pp_doc d = { cust, contract, cur, NULL, o->dec,
			    o->balance, &opt.t, rows, nrows };
			if (payplan_doc(&t, &d, opt.c.lang == LANG_ZH) != 0)
				die(EXIT_FATAL, "internal error: a placeholder "
				    "of the agreement is unknown");
			docw_page(&doc, t.p, t.n);
			prose_free(&t);
			free(cust);
			free(cur);
		}
	}
	if (people)
		docw_close(&doc);
	else
		w_close(w, 0);
	free(rows);
	free(all);
}

/* ---- main ---- */

static const struct tool tool = {
	"pay-plan",
	"pay-plan [-hqVv] [-F delim] [-i fmt] [-n count] [-o fmt] [-O file]\n"
	"                [--as-of date] [--every month|2w|week] [--start date]\n"
	"                [--down pct] [--rate pct | --daily-rate pct]\n"
	"                [--method annuity|equal-principal] [--currency cur]\n"
	"                [--lang zh|en] [--reject file] [--strict]\n"
	"                [--max-record bytes] [file ...]",
	"An instalment plan per customer and currency, from what it owes\n"
	"(net_overdue, balance or open: ar-age or dun-plan output, or a line\n"
	"typed by hand): the schedule as a ledger dun-plan reads, or with\n"
	"-o md|html the agreement (分期还款协议).",
	"  -n COUNT               instalments after the down payment (default 6)\n"
	"      --every PERIOD     month (default), 2w or week\n"
	"      --start DATE       the first instalment's due date (default: one\n"
	"                         period after --as-of, the agreement's date)\n"
	"      --down PCT         a down payment of PCT (below 100) of the balance,\n"
	"                         due on --as-of\n"
	"      --rate PCT         interest, PCT a year: / 12, / 26 or / 52 a period\n"
	"      --daily-rate PCT   interest, PCT a day (x 365 a year)\n"
	"      --method METHOD    annuity (level payments, default) or\n"
	"                         equal-principal\n",
	OG_AS_OF | OG_LANG,
	OUT_RECORDS | (1u << FMT_HTML)
};

/* Is D below V? */
static int
below(const struct decimal *d, int64_t v)
{
	for (int i = 0; i < d->scale; i++)
		v *= 10;
	return d->num < v;
}

static void
percent(const char *name, const char *s, struct decimal *d, int64_t max)
{
	int64_t limit = max;

	if (decimal_parse(s, d) != 0) {
		warnx("%s: \"%s\" is not a percentage such as 6 or 0.05", name, s);
		usage();
	}
	for (int i = 0; i < d->scale; i++)
		limit *= 10;
	if (d->num > limit) {
		warnx("%s: \"%s\" is more than %lld", name, s, (long long)max);
		usage();
	}
}

static enum pp_every
every(const char *s)
{
	if (strcmp(s, "month") == 0)
		return PP_MONTH;
	if (strcmp(s, "2w") == 0)
		return PP_2W;
	if (strcmp(s, "week") == 0)
		return PP_WEEK;
	warnx("--every: month, 2w or week, not \"%s\"", s);
	usage();
}

int
main(int argc, char **argv)
{
	static const struct option own[] = {
		{ "every", required_argument, NULL, OPT_EVERY },
		{ "start", required_argument, NULL, OPT_START },
		{ "down", required_argument, NULL, OPT_DOWN },
		{ "rate", required_argument, NULL, OPT_RATE },
		{ "daily-rate", required_argument, NULL, OPT_DAILY_RATE },
		{ "method", required_argument, NULL, OPT_METHOD },
		{ NULL, 0, NULL, 0 }
	};
	static const char *const amounts[] = { "net_overdue", "balance",
		"open" };	/* enum src */
	struct rec *x;
	enum rec_fmt fmt;
	int ch, st;

	opts_init(&opt.c, &tool, argc, argv);
	opt.t.n = 6;
	while ((ch = opts_next(&opt.c, argc, argv, own, "n:")) != -1) {
		switch (ch) {
		case 'n':
			opt.t.n = (int)opts_int("-n", optarg, 1, PAYPLAN_MAXN);
			break;
		case OPT_EVERY:
			opt.t.every = every(optarg);
			break;
		case OPT_START:
			opt.start_arg = optarg;
			break;
		case OPT_DOWN:
			percent("--down", optarg, &opt.t.down, 100);
			if (below(&opt.t.down, 100) == 0) {
				warnx("--down: %s%% is payment in full, not an "
				    "instalment plan", optarg);
				usage();
			}
			break;
		case OPT_RATE:
		case OPT_DAILY_RATE:
			if (opt.have_rate) {
				warnx("--rate and --daily-rate: give one");
				usage();
			}
			opt.have_rate = 1;
			opt.t.daily = ch == OPT_DAILY_RATE;
			percent(ch == OPT_RATE ? "--rate" : "--daily-rate",
			    optarg, &opt.t.rate, ch == OPT_RATE ? 1000 : 10);
			break;
		case OPT_METHOD:
			opt.t.equal_principal = opts_pick("--method", optarg,
			    "annuity", "equal-principal");
			break;
		default:
			usage();
		}
	}
	argc -= optind;
	argv += optind;
	opts_finish(&opt.c, NULL);
	opt.t.as_of = opt.c.as_of;
	if (opt.start_arg) {
		opt.t.start = opts_date("--start", opt.start_arg);
		if (opt.t.start <= opt.t.as_of) {
			char d[16];
			date_format(d, opt.t.as_of);
			warnx("--start: %s is not after the agreement's date "
			    "(--as-of %s)", opt.start_arg, d);
			usage();
		}
	} else {
		opt.t.start = opt.t.as_of;
		opt.t.start = payplan_due(&opt.t, 2);	/* one period on */
	}

	rd = rec_open(argv, argc, &opt.c.in);
	s_customer = rec_col(rd, "customer");
	rec_require(rd, s_customer);
	for (int i = 0; i < 3; i++)
		s_amount[i] = rec_col(rd, amounts[i]);
	if (rec_format(rd) != FMT_JSON) {
		pick_source(NULL);
		if (src < 0 && !rec_empty(rd))
			die(EXIT_FATAL, "no net_overdue, balance or open column: "
			    "what does each customer owe? (a ledger goes through "
			    "ar-age first)");
	}
	s_currency = rec_col(rd, "currency");
	s_disputed = rec_col(rd, "disputed");
	s_less = rec_col(rd, "disputed_open");
	s_overdue = rec_col(rd, "overdue");
	s_unapplied = rec_col(rd, "unapplied");
	if (rec_empty(rd))
		return fshut(rec_close(rd, opt.c.verbose));
	owed = grp_new(sizeof(struct owed));
	err_stop_hook = doc_flush_on_stop;
	fmt = opts_outfmt(&opt.c, rd);
	while ((x = rec_next(rd)) != NULL)
		process(x);
	plans(fmt);
	st = rec_close(rd, opt.c.verbose);
	grp_free(owed);
	free(gkey.p);
	return fshut(st);
}
