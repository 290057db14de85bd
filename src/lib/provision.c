/* provision.c - the bad-debt provision by ageing bucket (SPEC 3). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "money.h"
#include "provision.h"

/* 账龄分析法: the usual rates by years past due (percent x 10000) */
static const struct {
	int32_t upto;		/* days past due, inclusive; 0: beyond */
	int64_t rate;
} matrix[] = {
	{ 365, 50000 }, { 730, 100000 }, { 1095, 300000 }, { 1460, 500000 },
	{ 1825, 800000 }, { 0, 1000000 }
};

int64_t
provision_default(int32_t days)
{
	size_t i;

	for (i = 0; matrix[i].upto != 0 && days > matrix[i].upto; i++)
		;
	return matrix[i].rate;
}

/* The first day of bucket B (days past due, or old with --basis invoice) */
static int32_t
first_day(const struct buckets *bs, int b)
{
	int k = b - bs->first_overdue;

	if (k < 0)
		return 0;	/* current and not yet due */
	if (k == 0)
		return bs->by_age ? 0 : 1;
	return bs->edges[k - 1] + 1;
}

static void
make_keys(struct provision *pv, const struct buckets *bs)
{
	int k = 0;

	memset(pv->keys, 0, sizeof(pv->keys));
	for (int b = 0; b < bs->n; b++, k++) {
		/* (the matrix holds whole percents) */
		snprintf(pv->dflt[b], sizeof(pv->dflt[b]), "%d",
		    (int)(provision_default(first_day(bs, b)) / 10000));
		pv->keys[k].key = bs->b[b].name;
		pv->keys[k].dflt = pv->dflt[b];
		pv->keys[k].kind = PK_NUM;
		pv->keys[k].val = &pv->rate[b];
		pv->keys[k].min = 0;
		pv->keys[k].max = 1000000;
		pv->keys[k].help = bs->b[b].label;
	}
	pv->keys[k].key = "disputed";
	pv->keys[k].dflt = "bucket";
	pv->keys[k].kind = PK_WORD;
	pv->keys[k].val = pv->dispword;
	pv->keys[k].help = "percent, or bucket: the rate of its bucket";
	pv->keys[k + 1].dflt = "ar-age --provision dump";
}

void
provision_load(struct provision *pv, const struct buckets *bs,
    const char *path)
{
	make_keys(pv, bs);
	policy_load(pv->keys, path);
	pv->disputed = -1;
	if (strcmp(pv->dispword, "bucket") != 0) {
		struct decimal dd;
		int64_t v;
		if (decimal_parse(pv->dispword, &dd) != 0 || dd.scale > 4)
			die(EXIT_FATAL, "%s: disputed: not a percentage with up "
			    "to 4 decimals, nor bucket", path ? path : "default");
		v = dd.num;
		for (int i = dd.scale; i < 4; i++)
			v *= 10;
		if (v > 1000000)
			die(EXIT_FATAL, "%s: disputed: out of range", path ?
			    path : "default");
		pv->disputed = v;
	}
}

void
provision_dump(struct provision *pv, const struct buckets *bs)
{
	make_keys(pv, bs);
	policy_dump(pv->keys, "ar-age --provision: percent per bucket");
}

int64_t
provision_of(const struct provision *pv, int b, int disputed, int64_t open)
{
	int64_t r = disputed && pv->disputed >= 0 ? pv->disputed : pv->rate[b];
	int64_t v;

	if (open <= 0)
		return 0;
	/* open x r / 1,000,000 fits: |open| < 2^63, r <= 10^6 */
	if (muldiv_round(open, r, 1000000, &v) != 0)
		die(EXIT_FATAL, "provision too large to compute");
	return v;
}
