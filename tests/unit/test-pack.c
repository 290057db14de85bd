/* Unit tests: pack_put and pack_get give back every field as it was (type,
 * absent or text, bytes and length, NULs inside included), known strings by
 * reference, lengths across the 7-bit steps; pack_size is what is written. */
#include <stdlib.h>
#include <string.h>

#include "pack.h"
#include "unit.h"

#define MAXF 12
#define CANARY 0xa5

static char text[MAXF][20000];

/* a field: absent, empty, short, a known string, or long (over 127 and
 * over 16383 bytes: two- and three-byte lengths) */
static void
some_field(struct val *v, int k, const struct val *known)
{
	int r = rand() % 7;
	size_t n = r == 5 ? 128 + (size_t)rand() % 300 :
	    r == 6 ? 16384 + (size_t)rand() % 3000 : (size_t)rand() % 40;

	v->type = rand() % (V_RAW + 1);
	if (r == 0) {
		*v = (struct val){ NULL, 0, V_ABSENT };
		return;
	}
	if (r == 1) {
		*v = (struct val){ text[k], 0, V_STR };
		return;
	}
	if (r == 2) {
		*v = known[rand() % PACK_KNOWN];
		v->p = memcpy(text[k], v->p, v->n);	/* equal, not the same */
		return;
	}
	for (size_t i = 0; i < n; i++)
		text[k][i] = (char)(rand() % 256);	/* NULs too */
	v->p = text[k];
	v->n = n;
}

int
main(void)
{
	static const char *ks[PACK_KNOWN] = { "INV00000001", "C010611", "USD" };
	struct val known[PACK_KNOWN], in[MAXF], *out = NULL;
	size_t cap = 0, refs = 0, longs = 0;

	for (int i = 0; i < PACK_KNOWN; i++)
		known[i] = (struct val){ ks[i], strlen(ks[i]), V_STR };
	srand(17);
	for (int round = 0; round < 20000; round++) {
		size_t n = (size_t)rand() % MAXF, sz, got;
		int nk = rand() % (PACK_KNOWN + 1);
		unsigned char *b;
		for (size_t k = 0; k < n; k++)
			some_field(&in[k], (int)k, known);
		sz = pack_size(in, n, known, nk);
		b = malloc(sz + 1);
		CHECK(b != NULL);
		if (b == NULL)
			break;
		b[sz] = CANARY;
		pack_put(b, in, n, known, nk);
		CHECK(b[sz] == CANARY);	/* no byte past what pack_size said */
		got = pack_get(b, &out, &cap, known, nk);
		CHECK_INT(got, n);
		for (size_t k = 0; k < n && k < got; k++) {
			CHECK_INT(out[k].type, in[k].type);
			CHECK((out[k].p == NULL) == (in[k].p == NULL));
			CHECK_INT(out[k].n, in[k].n);
			if (in[k].p != NULL && out[k].p != NULL)
				CHECK(memcmp(out[k].p, in[k].p, in[k].n) == 0);
			/* a known string comes back as the known one */
			for (int j = 0; j < nk; j++)
				if (in[k].p != NULL && in[k].n == known[j].n &&
				    memcmp(in[k].p, known[j].p, in[k].n) == 0) {
					CHECK(out[k].p == known[j].p);
					refs++;
					break;
				}
			/* text is kept with a NUL after it */
			if (out[k].p != NULL && (unsigned char *)out[k].p >= b &&
			    (unsigned char *)out[k].p < b + sz)
				CHECK(out[k].p[out[k].n] == '\0');
			longs += in[k].n >= 16384;
		}
		free(b);
	}
	/* the rounds saw what they are there for */
	CHECK(refs > 1000);
	CHECK(longs > 1000);
	/* a CSV record of seven fields packs in its text and three bytes a
	 * field (the known customer and currency: one byte each) */
	{
		static const char *f[] = { "C010611", "INV00000002", "2026-01-18",
		    "2026-04-18", "39022.41", "9005.10", "USD" };
		struct val v[7];
		size_t bytes = 0;
		for (int i = 0; i < 7; i++) {
			v[i] = (struct val){ f[i], strlen(f[i]), V_STR };
			bytes += strlen(f[i]);
		}
		bytes -= strlen(f[0]) + strlen(f[6]);
		CHECK_INT(pack_size(v, 7, known, 3), 1 + 7 + bytes + 5 * 2);
	}
	free(out);
	return unit_done("test-pack");
}
