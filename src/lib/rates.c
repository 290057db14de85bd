/* rates.c - exchange rates for pooling currencies. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "grp.h"
#include "ledger.h"
#include "rates.h"
#include "rec.h"

struct rates {
	struct grp *map;	/* currency -> struct decimal */
	char base[16];
};

static struct decimal *
put(struct rates *r, const char *c, size_t n)
{
	return grp_get(r->map, c, n, grp_hash(c, n));
}

struct rates *
rates_load(const char *path, const char *base)
{
	struct rec_opts o;
	struct rec_reader *rd;
	struct rec *x;
	char *files[] = { (char *)path };
	struct rates *r = xcalloc(1, sizeof(*r));
	int cc, cr, ones = 0;
	char one[16] = "";

	memset(&o, 0, sizeof(o));
	rd = rec_open(files, 1, &o);
	cc = rec_col(rd, "currency");
	cr = rec_col(rd, "rate");
	rec_require(rd, cc);
	rec_require(rd, cr);
	r->map = grp_new(sizeof(struct decimal));
	while ((x = rec_next(rd)) != NULL) {
		struct text c, t;
		struct decimal *d;
		char buf[64];
		if (field_text(rd, x, cc, &c, 1) != 0 || field_text(rd, x, cr, &t, 1))
			die_at(EXIT_FATAL, x->file, x->line, "a rate needs currency and "
			    "rate");
		if (!currency_is_code(c.p, c.n))
			die_at(EXIT_FATAL, x->file, x->line, "currency \"%.*s\": an ISO "
			    "4217 code such as CNY", (int)c.n, c.p);
		if (grp_find(r->map, c.p, c.n, grp_hash(c.p, c.n)) != NULL)
			die_at(EXIT_FATAL, x->file, x->line, "currency \"%.*s\" twice",
			    (int)c.n, c.p);
		d = put(r, c.p, c.n);
		snprintf(buf, sizeof(buf), "%.*s", (int)t.n, t.p);
		if (t.n >= sizeof(buf) || decimal_parse(buf, d) != 0 || d->num == 0)
			die_at(EXIT_FATAL, x->file, x->line, "rate \"%.*s\": a positive "
			    "decimal such as 7.1", (int)t.n, t.p);
		if (d->num == 1 && d->scale == 0 && c.n < sizeof(one)) {
			ones++;
			snprintf(one, sizeof(one), "%.*s", (int)c.n, c.p);
		}
		rec_written(rd, x);
	}
	if (rec_close(rd, 0) != 0)
		die(EXIT_FATAL, "%s: rejected records in the rates file", path);
	if (base != NULL) {
		size_t n = strlen(base);
		if (grp_find(r->map, base, n, grp_hash(base, n)) == NULL) {
			struct decimal *d = put(r, base, n);
			d->num = 1;
			d->scale = 0;
		}
		snprintf(r->base, sizeof(r->base), "%s", base);
	} else if (ones == 1)
		snprintf(r->base, sizeof(r->base), "%s", one);
	return r;
}

void
rates_free(struct rates *r)
{
	if (r == NULL)
		return;
	grp_free(r->map);
	free(r);
}

const char *
rates_base(const struct rates *r)
{
	return r->base;
}

const struct decimal *
rates_find(const struct rates *r, const char *cur, size_t n)
{
	return grp_find(r->map, cur, n, grp_hash(cur, n));
}

int
rates_convert(const struct decimal *rate, int64_t amt, int dec, int bdec,
    int64_t *out)
{
	i128 num = rate->num, den = 1;

	for (int i = 0; i < bdec; i++)
		num *= 10;
	for (int i = 0; i < rate->scale + dec; i++)
		den *= 10;
	return muldiv_round(amt, num, den, out);
}
