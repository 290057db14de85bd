/* fuzz target: the provision file (ar-age --provision): the key table
 * built from buckets, the rates read, then the provision of many amounts
 * in every bucket. The first byte picks the buckets. */
#include <stdlib.h>

#include "fuzz.h"
#include "provision.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const int years[] = PROVISION_EDGES, months[] = { 30, 60, 90 };
	static struct buckets bk;
	static struct provision pv;
	const char *path;
	int pick = size > 0 ? data[0] % 3 : 0;

	if (pick == 0)
		buckets_make(&bk, years, PROVISION_NEDGES, NULL, 0, 0);
	else
		buckets_make(&bk, months, 3, months, pick == 2 ? 2 : 0, 0);
	if ((path = fuzz_file(data, size)) == NULL)
		return 0;
	if (setjmp(fuzz_jmp) != 0) {
		fuzz_close_fds();
		return 0;
	}
	provision_load(&pv, &bk, path);
	for (int b = 0; b < bk.n; b++) {
		if (pv.rate[b] < 0 || pv.rate[b] > 1000000)
			abort();
		for (int dis = 0; dis < 2; dis++) {
			int64_t big = provision_of(&pv, b, dis, MONEY_MAX);
			int64_t one = provision_of(&pv, b, dis, 1);
			if (big < 0 || big > MONEY_MAX || one < 0 || one > 1 ||
			    provision_of(&pv, b, dis, -5) != 0)
				abort();
		}
	}
	if (pv.disputed < -1 || pv.disputed > 1000000)
		abort();
	return 0;
}
