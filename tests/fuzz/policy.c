/* fuzz target: the policy-file reader (credit-grade, dun-plan): every
 * kind of key, then the broken line of points at many places. */
#include <stdlib.h>

#include "fuzz.h"
#include "policy.h"

static int n_int;
static int64_t n_num;
static char word[32];
static struct points pts;

static const struct pol table[] = {
	{ "lead", "7", PK_INT, &n_int, 0, 3650, "an int" },
	{ "weight", "0.5", PK_NUM, &n_num, 0, 1000000, "a number" },
	{ "grade", "N", PK_WORD, word, 0, 0, "a word" },
	{ "points", "-30:100, 0:80, 30:50, 180:1", PK_POINTS, &pts, 0, 0,
	  "points" },
	{ NULL, NULL, 0, NULL, 0, 0, NULL }
};

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *path = fuzz_file(data, size);

	if (path == NULL)
		return 0;
	if (setjmp(fuzz_jmp) != 0) {
		fuzz_close_fds();
		return 0;
	}
	policy_load(table, path);
	if (n_int < 0 || n_int > 3650 || n_num < 0 || n_num > 1000000 ||
	    memchr(word, '\0', sizeof(word)) == NULL || pts.n < 1 ||
	    pts.n > POINTS_MAX)
		abort();
	for (int32_t x = -400; x <= 400; x += 7)
		(void)points_at(&pts, x);
	return 0;
}
