/* rec-cat [-v] [-F c] [-f field,...] [-i fmt] [-o fmt] [file ...]: the
 * record layer alone, for conformance tests: every record out as it was
 * read, or only the fields named by -f (empty when a record has none). */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "out.h"
#include "rec.h"

int
main(int argc, char **argv)
{
	struct rec_opts o;
	struct rec_reader *r;
	struct writer *w;
	struct rec *x;
	enum rec_fmt out = FMT_JSON;
	int c, verbose = 0;
	char *fields = NULL;

	err_init("rec-cat");
	memset(&o, 0, sizeof(o));
	while ((c = getopt(argc, argv, "F:f:i:o:v")) != -1) {
		switch (c) {
		case 'f':
			fields = optarg;
			break;
		case 'v':
			verbose = 1;
			break;
		case 'F':
			o.delim = strcmp(optarg, "tab") == 0 ? '\t' : optarg[0];
			break;
		case 'i':
			o.fmt = strcmp(optarg, "tsv") == 0 ? FMT_TSV :
			    strcmp(optarg, "json") == 0 ? FMT_JSON : FMT_CSV;
			break;
		case 'o':
			out = strcmp(optarg, "csv") == 0 ? FMT_CSV :
			    strcmp(optarg, "tsv") == 0 ? FMT_TSV : FMT_JSON;
			break;
		default:
			return 2;
		}
	}
	r = rec_open(argv + optind, argc - optind, &o);
	if (fields == NULL) {
		w = w_open(out, LANG_EN, r, NULL, 0);
		while ((x = rec_next(r)) != NULL) {
			w_row(w, x, NULL);
			rec_written(r, x);
		}
	} else {
		struct ocol cols[64];
		struct cell cells[64];
		int slot[64], n = 0;
		for (char *p = strtok(fields, ","); p && n < 64; p = strtok(NULL, ",")) {
			memset(&cols[n], 0, sizeof(cols[n]));
			cols[n].name = p;
			slot[n++] = rec_col(r, p);
		}
		w = w_open(out, LANG_EN, NULL, cols, (size_t)n);
		while ((x = rec_next(r)) != NULL) {
			for (int i = 0; i < n; i++) {
				size_t len;
				const char *t = val_text(rec_val(x, slot[i]), &len);
				cells[i] = cell_text(t ? t : "", t ? len : 0);
			}
			w_row(w, NULL, cells);
			rec_written(r, x);
		}
	}
	w_close(w, rec_empty(r));
	return fshut(rec_close(r, verbose));
}
