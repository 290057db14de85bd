/* err.h - the one error module: every message is "tool: FILE:LINE: what". */
#ifndef ERR_H
#define ERR_H

#include <stddef.h>
#include <stdio.h>
#include <stdnoreturn.h>

extern const char *progname;
/* The name of standard output in messages: -O's file, if given. */
extern const char *out_name;
/* -q: note() says nothing. */
extern int err_quiet;

void err_init(const char *argv0);
/* "tool: message" on stderr */
void warnx(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Fuzz targets set this to leave a die() by longjmp instead of exiting
 * (it must not return). */
extern void (*err_exit_hook)(int status);
/* The one stop hook: the output writer sets it to write out what it holds
 * when a tool stops early on purpose (--strict); err_stop() calls it,
 * then ends the tool with STATUS. */
extern void (*err_stop_hook)(void);
noreturn void err_stop(int status);
/* A note, not a warning (what was skipped, what was assumed): "tool:
 * message" on stderr unless -q, so that cron mails only when something is
 * wrong. */
void note(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* "tool: message" on stderr, then exit(status) after flushing stdout */
noreturn void die(int status, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* "tool: FILE:LINE: message" */
void warn_at(const char *file, unsigned long line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
noreturn void die_at(int status, const char *file, unsigned long line,
    const char *fmt, ...) __attribute__((format(printf, 4, 5)));
/* Print a warning only the first time KEY is seen (KEY is copied). */
void warn_once(const char *key, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* rec_reduce's threads: this thread's messages go into F (a temporary
 * file) rather than to stderr, but for die()'s, and the line numbers of
 * messages through LINE(arg, n); F NULL: stderr again. */
void err_thread(FILE *f, unsigned long (*line)(void *arg, unsigned long n),
    void *arg);
/* A thread's messages onto stderr, in order, warn_once's only if not yet
 * said. */
void err_replay(FILE *f);

/* Quote a value for a message: printable ASCII and valid UTF-8 as is,
 * other bytes as \xNN, cut to about 60 bytes with "...". Returns BUF. */
#define ERR_QUOTE_MAX 256
char *err_quote(char *buf, const char *s, size_t n);

/* Exit status, SPEC 1.5 */
enum { EXIT_OK = 0, EXIT_DATA = 1, EXIT_FATAL = 2 };
/* The status reached so far (1 once a record was rejected): a closed pipe
 * ends the tool quietly with it. */
extern int exit_status;

/* Check and close stdout: a write error is exit 2, EPIPE a quiet exit
 * with the status reached so far. Returns STATUS or EXIT_FATAL. */
int fshut(int status);

/* Memory: die on exhaustion. */
void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t m);
void *xrealloc(void *p, size_t n);
/* A hint: the pages of [P, P + N) are about to be written, so take them
 * in one system call (MADV_POPULATE_WRITE) rather than a fault each (on
 * this VM's kind of machine a fault costs microseconds: 24,000 of them
 * were an eighth of dun-plan's time). Only for large spans; an older
 * kernel declines and nothing changes. */
void xprefault(void *p, size_t n);
void *xgrow_huge(void *p, size_t old, size_t new);
void xfree_huge(void *p, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);

#endif
