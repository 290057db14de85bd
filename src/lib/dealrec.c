/* dealrec.c - a deal from a record (dealrec.h): one checked parser per
 * field kind, one rejection message, as ledger.c reads documents. */
#include <stdio.h>
#include <string.h>

#include "date.h"
#include "dealrec.h"
#include "err.h"
#include "money.h"
#include "norm.h"

static const char *const field_name[F_RATING] = {
	"customer", "deal", "list_price", "cost", "currency", "competitor_price",
	"competitor", "budget", "min_margin", "target_margin", "reason", "roles",
	"years", "opex", "competitor_opex", "conditions", "objections",
	"industry", "scope_basic", "scope_optimal", "scope_reference",
	"terms_days", "case_value", "decision_date",
};

/* A money field that must be above zero (REQUIRED) or zero or more. */
static int
read_money(struct deal_reader *dr, struct rec *x, int f, int dec,
    int64_t *out, int *has, int required)
{
	int dummy;

	if (has == NULL)
		has = &dummy;
	*has = !val_blank(rec_val(x, dr->col[f]));
	if (field_money(dr->r, x, dr->col[f], dec, out, required) != 0)
		return -1;
	if (*out < 0 || (required && *out == 0)) {
		rec_reject_field(dr->r, x, dr->col[f], required ? "expected an "
		    "amount above zero, got" : "expected an amount of zero or more, "
		    "got");
		return -1;
	}
	return 0;
}

/* A margin: a fraction, 0.10 = 10%, below 10 (1000%), 6 decimals. */
static int
read_margin(struct deal_reader *dr, struct rec *x, int f, const char *dflt,
    struct decimal *d)
{
	struct text t;
	char buf[32];

	if (field_text(dr->r, x, dr->col[f], &t, 0) != 0)
		return -1;
	norm_trim(&t.p, &t.n);
	if (t.n == 0)
		return decimal_parse(dflt, d);
	if (t.n < sizeof(buf)) {
		int64_t ten = 10;
		memcpy(buf, t.p, t.n);
		buf[t.n] = '\0';
		if (decimal_parse(buf, d) == 0 && d->scale <= 6) {
			for (int k = 0; k < d->scale; k++)
				ten *= 10;
			if (d->num < ten)
				return 0;
		}
	}
	rec_reject_field(dr->r, x, dr->col[f], "expected a fraction below 10 such as "
	    "0.10 (= 10%), got");
	return -1;
}

/* A whole number from LO to HI; DFLT when blank. */
static int
read_int(struct deal_reader *dr, struct rec *x, int f, int lo, int hi, int dflt, const char *what,
    int *out)
{
	struct text t;
	long v = 0;

	*out = dflt;
	if (field_text(dr->r, x, dr->col[f], &t, 0) != 0)
		return -1;
	norm_trim(&t.p, &t.n);
	if (t.n == 0)
		return 0;
	for (size_t i = 0; i < t.n && v <= hi; i++)
		v = t.p[i] < '0' || t.p[i] > '9' ? hi + 1L : v * 10 + (t.p[i] - '0');
	if (v < lo || v > hi) {
		rec_reject_field(dr->r, x, dr->col[f], what);
		return -1;
	}
	*out = (int)v;
	return 0;
}

static int
read_words(struct deal_reader *dr, struct rec *x, struct deal_input *in)
{
	struct deal *d = &in->d;
	struct text t;

	if (field_text(dr->r, x, dr->col[F_REASON], &t, 0) != 0)
		return -1;
	if ((d->reason = deal_reason_parse(t.p, t.n)) < 0) {
		rec_reject_field(dr->r, x, dr->col[F_REASON], "expected risk, competitor, "
		    "budget, kpi, personal or casual, got");
		return -1;
	}
	if (field_text(dr->r, x, dr->col[F_ROLES], &t, 0) != 0)
		return -1;
	if (deal_roles_parse(t.p, t.n, &d->roles) != 0) {
		rec_reject_field(dr->r, x, dr->col[F_ROLES], "expected eagle, sheep, fox or "
		    "donkey, ';'-separated, got");
		return -1;
	}
	return 0;
}

static int
read_currency(struct deal_reader *dr, struct rec *x, struct deal_input *in)
{
	int known;

	if (field_text(dr->r, x, dr->col[F_CURRENCY], &in->currency, 0) != 0)
		return -1;
	norm_trim(&in->currency.p, &in->currency.n);
	if (in->currency.n == 0 && dr->currency) {
		in->currency.p = dr->currency;
		in->currency.n = strlen(dr->currency);
	}
	in->d.dec = currency_decimals(in->currency.p, in->currency.n, &known);
	if (!known) {
		char q[ERR_QUOTE_MAX], key[ERR_QUOTE_MAX + 16];
		err_quote(q, in->currency.p, in->currency.n);
		snprintf(key, sizeof(key), "currency:%s", q);
		warn_once(key, "unknown currency code \"%s\": 2 decimals assumed", q);
	}
	return 0;
}

/* The three scopes, parsed and resolved into the offers' costs. */
static int
read_scopes(struct deal_reader *dr, struct rec *x, struct deal_input *in)
{
	const struct scope_item *it;
	const char *why, *name;
	char q[ERR_QUOTE_MAX];
	int f, blank[NOFFERS];

	for (int k = 0; k < NOFFERS; k++) {
		struct text t;
		if (field_text(dr->r, x, dr->col[F_SCOPE_BASIC + k], &t, 0) != 0)
			return -1;
		why = scope_parse(t.p, t.n, in->d.dec, in->d.cost, &in->scope[k]);
		if (why != NULL) {
			rec_reject(dr->r, x, "field '%s': %s",
			    field_name[F_SCOPE_BASIC + k], why);
			return -1;
		}
		blank[k] = in->scope[k].n == 0;
	}
	why = scopes_resolve(in->scope, in->d.cost, in->d.offer, &f, &it);
	if (why == NULL)
		return 0;
	name = field_name[F_SCOPE_BASIC + f];
	if (it != NULL)
		rec_reject(dr->r, x, "field '%s'%s: item \"%s\" %s", name,
		    blank[f] ? " (blank: its default)" : "",
		    err_quote(q, it->p, it->n), why);
	else
		rec_reject(dr->r, x, "field '%s'%s: %s", name, blank[f] ?
		    " (blank: its default)" : "", why);
	return -1;
}

int
deal_read(struct deal_reader *dr, struct rec *x, struct deal_input *in)
{
	struct deal *d = &in->d;

	memset(in, 0, sizeof(*in));
	if (field_text(dr->r, x, dr->col[F_CUSTOMER], &in->customer, 1) != 0 ||
	    field_text(dr->r, x, dr->col[F_DEAL], &in->deal, 1) != 0 ||
	    field_text(dr->r, x, dr->col[F_COMPETITOR], &in->competitor, 0) != 0 ||
	    field_text(dr->r, x, dr->col[F_INDUSTRY], &in->industry, 0) != 0 ||
	    read_currency(dr, x, in) != 0 ||
	    read_money(dr, x, F_LIST, d->dec, &d->list, NULL, 1) != 0 ||
	    read_money(dr, x, F_COST, d->dec, &d->cost, NULL, 1) != 0 ||
	    read_money(dr, x, F_COMPETITOR_PRICE, d->dec, &d->competitor,
	    &d->has_competitor_price, 0) != 0 ||
	    read_money(dr, x, F_BUDGET, d->dec, &d->budget, &d->has_budget, 0) != 0 ||
	    read_money(dr, x, F_OPEX, d->dec, &d->opex, &d->has_opex, 0) != 0 ||
	    read_money(dr, x, F_COMPETITOR_OPEX, d->dec, &d->competitor_opex,
	    &d->has_competitor_opex, 0) != 0 ||
	    read_money(dr, x, F_CASE_VALUE, d->dec, &d->case_value,
	    &d->has_case_value, 0) != 0 ||
	    read_margin(dr, x, F_MIN_MARGIN, "0.10", &d->min_margin) != 0 ||
	    read_margin(dr, x, F_TARGET_MARGIN, "0.25", &d->target_margin) != 0 ||
	    read_words(dr, x, in) != 0 ||
	    read_int(dr, x, F_YEARS, 1, 100, 0, "expected a whole number of years "
	    "from 1 to 100, got", &d->years) != 0 ||
	    read_int(dr, x, F_TERMS_DAYS, 0, 3650, -1, "expected payment terms in "
	    "days from 0 to 3650, got", &d->terms_days) != 0 ||
	    field_bool(dr->r, x, dr->col[F_CONDITIONS], &d->conditions, -1) != 0 ||
	    field_bool(dr->r, x, dr->col[F_OBJECTIONS], &d->objections, -1) != 0 ||
	    field_date(dr->r, x, dr->col[F_DECISION_DATE], &d->decision_date, 0) != 0)
		return -1;
	for (int i = 0; i < NRATINGS; i++)
		if (read_int(dr, x, F_RATING + i, 1, 5, 0, "expected a rating from 1 to "
		    "5, got", &d->rating[i]) != 0)
			return -1;
	norm_trim(&in->competitor.p, &in->competitor.n);
	norm_trim(&in->industry.p, &in->industry.n);
	return read_scopes(dr, x, in);
}

void
deal_reader_init(struct deal_reader *dr, struct rec_reader *r,
    const char *currency)
{
	dr->r = r;
	dr->currency = currency;
	for (int f = 0; f < F_RATING; f++)
		dr->col[f] = rec_col(r, field_name[f]);
	for (int i = 0; i < NRATINGS; i++)
		dr->col[F_RATING + i] = rec_col(r, deal_ratings[i].code);
	rec_require(r, dr->col[F_CUSTOMER]);
	rec_require(r, dr->col[F_DEAL]);
	rec_require(r, dr->col[F_LIST]);
	rec_require(r, dr->col[F_COST]);
}
