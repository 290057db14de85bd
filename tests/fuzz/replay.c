/* replay.c - a fuzz target's main without libFuzzer: runs the target once
 * on every file named, or in every directory named (make check replays the
 * saved corpora this way, under ASan and UBSan). */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int
one(const char *path)
{
	FILE *f = fopen(path, "rb");
	uint8_t *b = NULL;
	size_t n = 0, cap = 0, k;

	if (f == NULL) {
		perror(path);
		return 1;
	}
	do {
		if (n == cap) {
			uint8_t *nb;
			cap = cap ? 2 * cap : 65536;
			if ((nb = realloc(b, cap)) == NULL) {
				free(b);
				fclose(f);
				return 1;
			}
			b = nb;
		}
		k = fread(b + n, 1, cap - n, f);
		n += k;
	} while (k > 0);
	fclose(f);
	LLVMFuzzerTestOneInput(b, n);
	free(b);
	return 0;
}

int
main(int argc, char **argv)
{
	unsigned long runs = 0;
	int bad = 0, out = dup(1);	/* a target may point fd 1 elsewhere */

	for (int i = 1; i < argc; i++) {
		struct stat st;
		DIR *d;
		struct dirent *e;
		if (stat(argv[i], &st) != 0)
			continue;
		if (!S_ISDIR(st.st_mode)) {
			bad |= one(argv[i]);
			runs++;
			continue;
		}
		if ((d = opendir(argv[i])) == NULL)
			continue;
		while ((e = readdir(d)) != NULL) {
			char p[4096];
			if (e->d_name[0] == '.')
				continue;
			snprintf(p, sizeof(p), "%s/%s", argv[i], e->d_name);
			bad |= one(p);
			runs++;
		}
		closedir(d);
	}
	dprintf(out < 0 ? 2 : out, "%s: %lu inputs replayed\n",
	    strrchr(argv[0], '/') ? strrchr(argv[0], '/') + 1 : argv[0], runs);
	return bad;
}
