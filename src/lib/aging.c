/* aging.c - bucket edges to a bucket table. */
#include <stdio.h>

#include "aging.h"

static void
bucket_set(struct bucket *b, const char *name, const char *label,
    const char *zh)
{
	snprintf(b->name, sizeof(b->name), "%s", name);
	snprintf(b->label, sizeof(b->label), "%s", label);
	snprintf(b->zh, sizeof(b->zh), "%s", zh);
}

void
buckets_make(struct buckets *bs, const int *edges, int nedges,
    const int *future, int nfuture, int by_age)
{
	char name[32], label[32], zh[48];
	int lo = by_age ? 0 : 1;

	bs->n = 0;
	bs->by_age = by_age;
	bs->nedges = nedges;
	bs->nfuture = by_age ? 0 : nfuture;
	for (int i = 0; i < nedges; i++)
		bs->edges[i] = edges[i];
	for (int i = 0; i < bs->nfuture; i++)
		bs->future[i] = future[i];
	if (!by_age) {
		bucket_set(&bs->b[bs->n++], "current", "current",
		    bs->nfuture ? "今日到期" : "未到期");
		for (int i = 0, f = 1; bs->nfuture > 0 && i <= bs->nfuture; i++) {
			if (i < bs->nfuture) {
				snprintf(name, sizeof(name), "f%d_%d", f, future[i]);
				snprintf(label, sizeof(label), "due %d-%d", f, future[i]);
				snprintf(zh, sizeof(zh), "%d-%d天后到期", f, future[i]);
				f = future[i] + 1;
			} else {
				snprintf(name, sizeof(name), "f%d_plus", f);
				snprintf(label, sizeof(label), "due %d+", f);
				snprintf(zh, sizeof(zh), "%d天以上到期", f);
			}
			bucket_set(&bs->b[bs->n++], name, label, zh);
		}
	}
	bs->first_overdue = bs->n;
	for (int i = 0; i <= nedges; i++) {
		if (i < nedges) {
			snprintf(name, sizeof(name), "d%d_%d", lo, edges[i]);
			snprintf(label, sizeof(label), "%d-%d", lo, edges[i]);
			snprintf(zh, sizeof(zh), "%d-%d天", lo, edges[i]);
			lo = edges[i] + 1;
		} else {
			snprintf(name, sizeof(name), "d%d_plus", lo);
			snprintf(label, sizeof(label), "%d+", lo);
			snprintf(zh, sizeof(zh), "%d天以上", lo);
		}
		bucket_set(&bs->b[bs->n++], name, label, zh);
	}
}

int
bucket_of(const struct buckets *bs, int32_t days)
{
	int i;

	if (!bs->by_age && days <= 0) {
		int32_t until = -days;
		if (bs->nfuture == 0 || until == 0)
			return 0;
		for (i = 0; i < bs->nfuture && until > bs->future[i]; i++)
			;
		return 1 + i;
	}
	for (i = 0; i < bs->nedges && days > bs->edges[i]; i++)
		;
	return bs->first_overdue + i;
}
