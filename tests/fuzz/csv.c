/* fuzz target: the record reader on CSV, TSV, raw rows (ar-norm) and
 * sniffed input; the first byte picks the mode and a small record limit. */
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
	o.fmt = (mode & 3) == 0 ? FMT_AUTO : (mode & 3) == 1 ? FMT_CSV :
	    (mode & 3) == 2 ? FMT_TSV : FMT_CSV;
	o.raw = (mode & 3) == 3;
	o.max_record = mode & 4 ? 64 : 0;
	o.delim = mode & 8 ? ';' : 0;
	o.fallback_code = mode & 16 ? "GB18030" : NULL;
	files[0] = (char *)path;
	rec_chunk = (mode & 0xe0) == 0xe0 ? 7 : 4096;	/* some small reads */
	if (setjmp(fuzz_jmp) != 0) {
		fuzz_close_fds();
		return 0;
	}
	r = rec_open(files, 1, &o);
	(void)rec_col(r, "customer");
	(void)rec_col(r, "amount");
	while ((x = rec_next(r)) != NULL) {
		size_t n, total = 0;
		for (size_t i = 0; i < x->nv; i++) {
			const char *p = val_text(&x->v[i], &n);
			if (p != NULL)
				for (size_t k = 0; k < n; k++)
					total += (unsigned char)p[k];
		}
		if (total == 1)	/* read every byte */
			rec_reject(r, x, "odd");
		else
			rec_filtered(r, x);
	}
	rec_close(r, 0);
	return 0;
}
