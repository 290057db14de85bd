/* scripts_load.c - a team's talk-track library, read as records. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "ledger.h"
#include "rec.h"
#include "scripts_lib.h"
#include "scripts_load.h"

void
scripts_load(const char *path, const struct tmpl **out, size_t *nout)
{
	struct rec_opts o;
	struct rec_reader *r;
	struct rec *x;
	char *files[] = { (char *)path };
	int col[7];
	static const char *const names[7] = { "style", "lang", "excuse", "when",
	    "channel", "action", "template" };
	struct tmpl *add = NULL;
	size_t nadd = 0;

	if (path == NULL) {
		*out = scripts_builtin;
		*nout = scripts_nbuiltin;
		return;
	}
	memset(&o, 0, sizeof(o));
	o.fmt = FMT_AUTO;
	r = rec_open(files, 1, &o);
	for (int i = 0; i < 7; i++)
		col[i] = rec_col(r, names[i]);
	rec_require(r, col[0]);
	rec_require(r, col[1]);
	rec_require(r, col[6]);
	while ((x = rec_next(r)) != NULL) {
		struct tmpl_words w;
		struct text t[7];
		struct tmpl m;
		const char *bad;
		char buf[512], where[512];
		for (int i = 0; i < 7; i++)
			if (field_text(r, x, col[i], &t[i], 0) != 0)
				die_at(EXIT_FATAL, x->file, x->line, "a library line "
				    "needs lang and template");
		w.style.p = t[0].p, w.style.n = t[0].n;
		w.lang.p = t[1].p, w.lang.n = t[1].n;
		w.excuse.p = t[2].p, w.excuse.n = t[2].n;
		w.when.p = t[3].p, w.when.n = t[3].n;
		w.channel.p = t[4].p, w.channel.n = t[4].n;
		w.action.p = t[5].p, w.action.n = t[5].n;
		w.text.p = t[6].p, w.text.n = t[6].n;
		if ((bad = tmpl_make(&w, &m, buf, sizeof(buf))) != NULL)
			die_at(EXIT_FATAL, x->file, x->line, "%s", bad);
		snprintf(where, sizeof(where), "%s:%lu", x->file, x->line);
		m.from = xstrdup(where);
		add = xrealloc(add, (nadd + 1) * sizeof(*add));
		add[nadd++] = m;
		rec_written(r, x);
	}
	if (rec_close(r, 0) != 0)
		die(EXIT_FATAL, "%s: rejected lines", path);
	scripts_with(add, nadd, out, nout);
	free(add);
}
