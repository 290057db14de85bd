/* reject.h - the --reject file's safety (SPEC 1.5), for opts.c: never one
 * of the inputs, locked against a second writer. The record layer writes
 * the file (reject.c) and makes sure that every rejected record stderr
 * reported is in it, whatever way the tool ends. */
#ifndef REJECT_H
#define REJECT_H

/* Before anything is opened for writing: PATH must not be the same file
 * (device and inode) as any of WORDS[0..N) but SKIP (the command line's
 * words: the inputs and the files options name) or as standard input when
 * STDIN_READ. Exit 2 naming it. */
void reject_check(const char *path, char *const *words, int n,
    const char *skip, int stdin_read);
/* Opens PATH for writing, takes an advisory lock (flock, not waiting: a
 * file another arkit tool is writing is exit 2), then truncates it.
 * Returns the descriptor. */
int reject_open(const char *path);

#endif
