/* scripts_lib.h - the built-in talk-track library (scripts_lib.c). */
#ifndef SCRIPTS_LIB_H
#define SCRIPTS_LIB_H

#include <stddef.h>

#include "scripts.h"

extern const struct tmpl scripts_builtin[];
extern const size_t scripts_nbuiltin;

struct excuse_answer {
	int excuse;		/* enum excuse */
	const char *zh, *en;
};
extern const struct excuse_answer scripts_answers[];
extern const size_t scripts_nanswers;

#endif
