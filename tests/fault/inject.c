/* tests/fault/inject.c - an LD_PRELOAD fault injector (SQLite's malloc
 * and I/O error tests): built as build/fault-inject.so, never in bin/.
 *
 *   FAULT_MALLOC=N   the N-th call of malloc, calloc or realloc (counted
 *                    together from the start of the process) returns NULL
 *                    with ENOMEM; the others succeed
 *   FAULT_WRITE=N    the N-th write(2) on a descriptor other than 2 fails
 *                    with ENOSPC (stderr is left alone: it carries the
 *                    message that names the fault)
 *   FAULT_SHORT=N    the N-th such write(2) writes half of what it was
 *                    given and says so (a short write, which is no error)
 *   FAULT_COUNT=1    at exit, "fault: M allocations, W writes" on stderr,
 *                    to find the range of N worth trying
 *
 * glibc's __libc_malloc and friends are the real allocator (dlsym would
 * allocate); write goes to the system call. */
#define _GNU_SOURCE
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

extern void *__libc_malloc(size_t);
extern void *__libc_calloc(size_t, size_t);
extern void *__libc_realloc(void *, size_t);

static unsigned long nalloc, nwrite, fail_alloc, fail_write, short_write;
static int ready, count;

static unsigned long
num(const char *name)
{
	const char *s = getenv(name);

	return s ? strtoul(s, NULL, 10) : 0;
}

static void
setup(void)
{
	if (ready)
		return;
	ready = 1;
	fail_alloc = num("FAULT_MALLOC");
	fail_write = num("FAULT_WRITE");
	short_write = num("FAULT_SHORT");
	count = getenv("FAULT_COUNT") != NULL;
}

static int
alloc_fails(void)
{
	setup();
	if (++nalloc == fail_alloc) {
		errno = ENOMEM;
		return 1;
	}
	return 0;
}

void *
malloc(size_t n)
{
	return alloc_fails() ? NULL : __libc_malloc(n);
}

void *
calloc(size_t n, size_t m)
{
	return alloc_fails() ? NULL : __libc_calloc(n, m);
}

void *
realloc(void *p, size_t n)
{
	return alloc_fails() ? NULL : __libc_realloc(p, n);
}

ssize_t
write(int fd, const void *b, size_t n)
{
	setup();
	if (fd != 2) {
		nwrite++;
		if (nwrite == fail_write) {
			errno = ENOSPC;
			return -1;
		}
		if (nwrite == short_write && n > 1)
			n /= 2;
	}
	return syscall(SYS_write, fd, b, n);
}

__attribute__((destructor)) static void
report(void)
{
	char buf[96], *p = buf + sizeof(buf);
	unsigned long v[2] = { nalloc, nwrite };
	const char *w[2] = { " allocations, ", " writes\n" };

	if (!count)
		return;
	/* "fault: M allocations, W writes" without stdio (it allocates) */
	for (int i = 1; i >= 0; i--) {
		size_t k = strlen(w[i]);
		unsigned long x = v[i];
		p -= k;
		memcpy(p, w[i], k);
		do
			*--p = (char)('0' + x % 10);
		while ((x /= 10) > 0);
	}
	p -= 7;
	memcpy(p, "fault: ", 7);
	syscall(SYS_write, 2, p, (size_t)(buf + sizeof(buf) - p));
}
