/* fuzz target: the record reader on JSON (a stream of objects or an
 * array), with and without a fixed schema. */
#include <stdlib.h>

#include "fuzz.h"
#include "rec.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct rec_opts o;
	struct rec_reader *r;
	struct rec *x;
	const char *path;
	char *files[1];
	unsigned mode = size ? data[0] : 0;

	if ((path = fuzz_file(data + (size > 0), size - (size > 0))) == NULL)
		return 0;
	memset(&o, 0, sizeof(o));
	o.fmt = mode & 1 ? FMT_JSON : FMT_AUTO;
	o.fixed_schema = (mode & 2) != 0;
	o.max_record = mode & 4 ? 64 : 0;
	files[0] = (char *)path;
	rec_chunk = (mode & 0xe0) == 0xe0 ? 7 : 4096;	/* some small reads */
	if (setjmp(fuzz_jmp) != 0) {
		fuzz_close_fds();
		return 0;
	}
	r = rec_open(files, 1, &o);
	(void)rec_col(r, "customer");
	while ((x = rec_next(r)) != NULL) {
		size_t n;
		for (size_t i = 0; i < x->nv; i++)
			(void)val_text(&x->v[i], &n);
		rec_filtered(r, x);
	}
	rec_close(r, 0);
	return 0;
}
