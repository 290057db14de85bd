/* fuzz.h - what the fuzz targets share: the input as a file (the readers
 * take paths), and a way out of die() that is not exit(). Each target is
 * built two ways: with clang's libFuzzer (make fuzz), and with
 * replay.c's main (make check replays the saved corpora under ASan). */
#ifndef FUZZ_H
#define FUZZ_H

#include <setjmp.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "err.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
extern size_t rec_chunk;	/* rec.h */

static jmp_buf fuzz_jmp __attribute__((unused));
static int fuzz_fd __attribute__((unused)) = -1;
static char fuzz_path[64] __attribute__((unused));

static inline void
fuzz_exit(int status)
{
	longjmp(fuzz_jmp, status + 1);
}

/* The input as a path the readers can open (a memfd). The reader reads
 * it 4 KB at a time: under ASan a 1 MB buffer at every open costs more
 * than the run, and small reads cross more buffer boundaries. */
static inline const char *
fuzz_file(const uint8_t *data, size_t size)
{
	rec_chunk = 4096;
	if (fuzz_fd < 0) {
		err_init("fuzz");
		err_exit_hook = fuzz_exit;
		fuzz_fd = memfd_create("fuzz-input", 0);
		if (fuzz_fd < 0)
			return NULL;
		snprintf(fuzz_path, sizeof(fuzz_path), "/proc/self/fd/%d", fuzz_fd);
	}
	if (ftruncate(fuzz_fd, 0) != 0 || (size > 0 &&
	    pwrite(fuzz_fd, data, size, 0) != (ssize_t)size))
		return NULL;
	return fuzz_path;
}

/* After a die(): close what the reader had open (its memory is not freed:
 * run such targets with detect_leaks=0). */
static inline void
fuzz_close_fds(void)
{
	for (int fd = fuzz_fd + 1; fd < fuzz_fd + 64; fd++)
		close(fd);
}

#endif
