/* fuzz target: deal-plan end to end on one input: the deals (CSV, TSV or
 * JSON), and after a line "---" the --rival file; the first byte picks the
 * output format and the language. The tool's main runs in process: its
 * state is reset before each run. */
#include <fcntl.h>
#include <stdlib.h>

#include "fuzz.h"

/* the tool's own main, and its fshut() not closing stdout for good */
#define main deal_plan_main
#define fshut(status) (status)
#include "../../src/deal-plan.c"
#undef fshut
#undef main

static int rival_fd = -1;

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const fmts[] = { "csv", "json", "md", "table", "tsv" };
	unsigned mode = size ? data[0] : 0;
	const uint8_t *sep;
	const char *deals;
	char rpath[64], *argv[10];
	int argc = 0, devnull;
	size_t n;

	if (size > 0) {
		data++;
		size--;
	}
	sep = size >= 5 ? memmem(data, size, "\n---\n", 5) : NULL;
	n = sep ? (size_t)(sep - data) + 1 : size;
	/* (before the input's own: fuzz_close_fds() spares lower fds) */
	if (rival_fd < 0 && (rival_fd = memfd_create("fuzz-rival", 0)) < 0)
		return 0;
	if ((deals = fuzz_file(data, n)) == NULL)
		return 0;
	if (ftruncate(rival_fd, 0) != 0)
		return 0;
	if (sep && pwrite(rival_fd, sep + 5, size - n - 4, 0) < 0)
		return 0;
	snprintf(rpath, sizeof(rpath), "/proc/self/fd/%d", rival_fd);
	argv[argc++] = (char *)"deal-plan";
	argv[argc++] = (char *)"-o";
	argv[argc++] = (char *)fmts[mode % 5];
	argv[argc++] = (char *)"--lang";
	argv[argc++] = (char *)(mode & 8 ? "zh" : "en");
	if (sep) {
		argv[argc++] = (char *)"--rival";
		argv[argc++] = rpath;
	}
	argv[argc++] = (char *)deals;
	argv[argc] = NULL;
	/* a fresh tool: its state, getopt's, stdout on /dev/null */
	memset(&opt, 0, sizeof(opt));
	memset(&rival, 0, sizeof(rival));
	memset(&md, 0, sizeof(md));
	mdbuf = NULL;
	mdcap = 0;
	pool = NULL;
	npool = cappool = 0;
	rec_on_stop = NULL;
	exit_status = 0;
	optind = 0;
	if ((devnull = open("/dev/null", O_WRONLY)) >= 0) {
		dup2(devnull, 1);
		close(devnull);
	}
	if (setjmp(fuzz_jmp) != 0) {
		fuzz_close_fds();
		return 0;
	}
	(void)deal_plan_main(argc, argv);
	return 0;
}
