/* fuzz target: deal-plan end to end on one input: the deals (CSV, TSV or
 * JSON), after a line "---" the --rival file, and after a second line
 * "---" the --cases file; the first byte picks the output format, the
 * language and whether --cost-rate is given. The tool's main runs in
 * process: its state is reset before each run. */
#include <fcntl.h>
#include <stdlib.h>

#include "fuzz.h"

/* the tool's own main, and its fshut() not closing stdout for good */
#define main deal_plan_main
#define fshut(status) (status)
#include "../../src/deal-plan.c"
#undef fshut
#undef main

static int side_fd[2] = { -1, -1 };

/* Write part K (1 rival, 2 cases) to its memfd; its path in PATH. */
static int
side_file(int k, const uint8_t *p, size_t n, char *path, size_t cap)
{
	if (side_fd[k - 1] < 0 && (side_fd[k - 1] = memfd_create(k == 1 ?
	    "fuzz-rival" : "fuzz-cases", 0)) < 0)
		return -1;
	if (ftruncate(side_fd[k - 1], 0) != 0 || (n > 0 &&
	    pwrite(side_fd[k - 1], p, n, 0) != (ssize_t)n))
		return -1;
	snprintf(path, cap, "/proc/self/fd/%d", side_fd[k - 1]);
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const fmts[] = { "csv", "json", "md", "table", "tsv" };
	unsigned mode = size ? data[0] : 0;
	const uint8_t *sep[2] = { NULL, NULL }, *part[3] = { NULL, NULL, NULL };
	size_t len[3] = { 0, 0, 0 };
	const char *deals;
	char rpath[64], cpath[64], *argv[16];
	int argc = 0, devnull, nparts = 1;

	if (size > 0) {
		data++;
		size--;
	}
	sep[0] = size >= 5 ? memmem(data, size, "\n---\n", 5) : NULL;
	if (sep[0] != NULL)
		sep[1] = memmem(sep[0] + 5, size - (size_t)(sep[0] + 5 - data),
		    "\n---\n", 5);
	part[0] = data;
	len[0] = sep[0] ? (size_t)(sep[0] - data) + 1 : size;
	for (int k = 0; k < 2 && sep[k]; k++) {
		const uint8_t *end = k == 0 && sep[1] ? sep[1] + 1 : data + size;
		part[k + 1] = sep[k] + 5;
		len[k + 1] = (size_t)(end - part[k + 1]);
		nparts++;
	}
	/* (both made before the input's own, so that fuzz_close_fds(),
	 * which spares lower fds, leaves them open) */
	if (side_file(1, part[1], nparts > 1 ? len[1] : 0, rpath,
	    sizeof(rpath)) != 0 || side_file(2, part[2], nparts > 2 ? len[2] :
	    0, cpath, sizeof(cpath)) != 0)
		return 0;
	if ((deals = fuzz_file(part[0], len[0])) == NULL)
		return 0;
	argv[argc++] = (char *)"deal-plan";
	argv[argc++] = (char *)"--as-of";
	argv[argc++] = (char *)"2026-11-30";
	argv[argc++] = (char *)"-o";
	argv[argc++] = (char *)fmts[mode % 5];
	argv[argc++] = (char *)"--lang";
	argv[argc++] = (char *)(mode & 8 ? "zh" : "en");
	if (mode & 16) {
		argv[argc++] = (char *)"--cost-rate";
		argv[argc++] = (char *)(mode & 32 ? "7.25" : "100");
	}
	if (nparts > 1) {
		argv[argc++] = (char *)"--rival";
		argv[argc++] = rpath;
	}
	if (nparts > 2) {
		argv[argc++] = (char *)"--cases";
		argv[argc++] = cpath;
	}
	argv[argc++] = (char *)deals;
	argv[argc] = NULL;
	/* a fresh tool: its state, getopt's, stdout on /dev/null */
	memset(&opt, 0, sizeof(opt));
	memset(&rivals, 0, sizeof(rivals));
	memset(&cases, 0, sizeof(cases));
	memset(&md, 0, sizeof(md));
	memset(&text, 0, sizeof(text));
	memset(&dr, 0, sizeof(dr));
	plans = 0;
	rd = NULL;
	err_stop_hook = NULL;
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
