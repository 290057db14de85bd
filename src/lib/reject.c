/* reject.c - the --reject file's safety (SPEC 1.5). The record layer
 * writes the rejected records; this decides where they may go and makes
 * sure they get there. */
#include <sys/file.h>
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "err.h"
#include "reject.h"

static struct obuf *guarded;
static int in_line;		/* inside a record's bytes */
static size_t line_mark;	/* guarded->n where that record began */

void
reject_check(const char *path, char *const *words, int n, const char *skip,
    int stdin_read)
{
	struct stat rs, st;

	/* only a regular file can be emptied by opening it */
	if (stat(path, &rs) != 0 || !S_ISREG(rs.st_mode))
		return;
	for (int i = 0; i < n; i++)
		if (words[i] != skip && words[i] != path &&
		    strcmp(words[i], "-") != 0 &&
		    stat(words[i], &st) == 0 && st.st_dev == rs.st_dev &&
		    st.st_ino == rs.st_ino)
			die(EXIT_FATAL, "--reject %s is also an input (%s): it would "
			    "be emptied", path, words[i]);
	if (stdin_read && fstat(0, &st) == 0 && st.st_dev == rs.st_dev &&
	    st.st_ino == rs.st_ino)
		die(EXIT_FATAL, "--reject %s is also the standard input: it would "
		    "be emptied", path);
}

int
reject_open(const char *path)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_CLOEXEC, 0666);
	struct stat st;

	if (fd < 0)
		die(EXIT_FATAL, "%s: %s", path, strerror(errno));
	if (flock(fd, LOCK_EX | LOCK_NB) != 0 && errno == EWOULDBLOCK)
		die(EXIT_FATAL, "--reject %s: another process is writing it",
		    path);
	/* truncated only once it is ours (SPEC 1.5: always truncated) */
	if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && ftruncate(fd, 0) != 0)
		die(EXIT_FATAL, "%s: %s", path, strerror(errno));
	return fd;
}

/* At exit: what is buffered goes out, up to the last whole record. */
static void
flush_at_exit(void)
{
	struct obuf *o = guarded;
	size_t n, off = 0;

	if (o == NULL || o->b == NULL)
		return;
	guarded = NULL;
	n = in_line && line_mark <= o->n ? line_mark : o->n;
	while (off < n) {
		ssize_t k = write(o->fd, o->b + off, n - off);
		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0) {
			fprintf(stderr, "%s: write error on %s: %s\n", progname,
			    o->name, strerror(k < 0 ? errno : EIO));
			_exit(EXIT_FATAL);
		}
		off += (size_t)k;
	}
	o->n = 0;
}

void
reject_guard(struct obuf *o)
{
	static int registered;

	if (o != NULL && !registered) {
		registered = 1;
		atexit(flush_at_exit);
	}
	guarded = o;
	in_line = 0;
}

void
reject_line_begin(void)
{
	if (guarded != NULL) {
		in_line = 1;
		line_mark = guarded->n;
	}
}

void
reject_line_end(void)
{
	in_line = 0;
}
