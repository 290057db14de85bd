/* scripts_load.h - reading a team's talk-track library (pick-script
 * --library) through the record layer, beside the reader; the rules are
 * scripts.c's. */
#ifndef SCRIPTS_LOAD_H
#define SCRIPTS_LOAD_H

#include <stddef.h>

#include "scripts.h"

/* The library: the built-in one (PATH NULL), or with the templates of
 * PATH (CSV, TSV or JSON: style, lang, excuse, when, channel, action,
 * template; style blank only for promise, dispute, internal texts and an
 * action's own). A wrong line is fatal, naming its file and line. */
void scripts_load(const char *path, const struct tmpl **lib, size_t *n);

#endif
