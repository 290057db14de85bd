/* fuzz target: the company file (ar-statement --company): every line read
 * or a die() naming it; what is read is UTF-8 with no control character
 * but tab, and a demand letter's check either passes or dies. */
#include <stdlib.h>

#include "company.h"
#include "fuzz.h"
#include "utf8.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct company co;
	const char *path;

	if ((path = fuzz_file(data, size)) == NULL)
		return 0;
	if (setjmp(fuzz_jmp) != 0) {
		fuzz_close_fds();
		return 0;
	}
	company_load(&co, path);
	for (int i = 0; i < CO_NKEYS; i++) {
		const char *v = co.v[i];
		size_t n;
		if (v == NULL)
			continue;
		n = strlen(v);
		if (n == 0 || n > 1000 || utf8_check(v, n) != n)
			abort();
		for (size_t j = 0; j < n; j++)
			if ((unsigned char)v[j] < 0x20 && v[j] != '\t')
				abort();
	}
	if (setjmp(fuzz_jmp) == 0)
		company_require(&co, 1);
	company_free(&co);
	return 0;
}
