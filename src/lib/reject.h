/* reject.h - the --reject file's safety (SPEC 1.5): never one of the
 * inputs, locked against a second writer, and every rejected record that
 * stderr reported in it, whatever way the tool ends. */
#ifndef REJECT_H
#define REJECT_H

#include "out.h"

/* Before anything is opened for writing: PATH must not be the same file (device and inode) as any
 * of WORDS[0..N) but SKIP (the command line's words: the inputs and the
 * files options name) or as standard input when STDIN_READ. Exit 2 naming
 * it. */
void reject_check(const char *path, char *const *words, int n,
    const char *skip, int stdin_read);
/* Opens PATH for writing, takes an advisory lock (flock, not waiting: a
 * file another arkit tool is writing is exit 2), then truncates it.
 * Returns the descriptor. */
int reject_open(const char *path);
/* The reject buffer O is written out at every exit from now on (exit,
 * die, a closed pipe), without a half-written line; NULL: no more. */
void reject_guard(struct obuf *o);
/* Around the bytes of one rejected record. */
void reject_line_begin(void);
void reject_line_end(void);

#endif
