/* fuzz target: pick-script's talk-track library reader (--library), and
 * the placeholder check on the bytes themselves. */
#include <stdlib.h>

#include "fuzz.h"
#include "scripts_load.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *path;
	const struct tmpl *lib;
	size_t n;
	char *t = malloc(size + 1);

	if (t == NULL)
		return 0;
	memcpy(t, data, size);
	t[size] = '\0';
	(void)tmpl_check(t);
	free(t);
	if ((path = fuzz_file(data, size)) == NULL)
		return 0;
	if (setjmp(fuzz_jmp) != 0) {
		fuzz_close_fds();
		return 0;
	}
	scripts_load(path, &lib, &n);
	for (size_t i = 0; i < n; i++)
		if (tmpl_check(lib[i].text) != NULL)
			abort();
	return 0;
}
