/* opts.c - parse and document the common options once for every tool. */
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "date.h"
#include "err.h"
#include "opts.h"
#include "partial.h"
#include "reject.h"

static const struct tool *tool;

struct copt {
	struct option lo;
	unsigned group;		/* 0: every tool */
	const char *help;
};

static const struct copt copts[] = {
	{ { "help", no_argument, NULL, 'h' }, 0,
	  "  -h, --help             print this help and exit" },
	{ { "version", no_argument, NULL, 'V' }, 0,
	  "  -V, --version          print the version and exit" },
	{ { "verbose", no_argument, NULL, 'v' }, 0,
	  "  -v, --verbose          print the counts read, written, filtered, rejected" },
	{ { "quiet", no_argument, NULL, 'q' }, 0,
	  "  -q, --quiet            no notes: only warnings and errors on stderr" },
	{ { "input", required_argument, NULL, 'i' }, 0,
	  "  -i, --input FMT        auto (default), csv, tsv or json" },
	{ { "output", required_argument, NULL, 'o' }, 0,
	  "  -o, --output FMT       %s (default: as the input)" },
	{ { NULL, required_argument, NULL, 'O' }, 0,
	  "  -O FILE                write the output to FILE (needed for xlsx on a terminal)" },
	{ { "delimiter", required_argument, NULL, 'F' }, 0,
	  "  -F, --delimiter C      input field delimiter: one byte, or 'tab'" },
	{ { "as-of", required_argument, NULL, OPT_AS_OF }, 0,
	  "      --as-of DATE       the day the figures are for: YYYY-MM-DD, today,\n"
	  "                         yesterday, month-end or last-month-end" },
	{ { "currency", required_argument, NULL, OPT_CURRENCY }, 0,
	  "      --currency CUR     currency of rows that have none" },
	{ { "reject", required_argument, NULL, OPT_REJECT }, 0,
	  "      --reject FILE      write rejected records there, with _error and _source" },
	{ { "strict", no_argument, NULL, OPT_STRICT }, 0,
	  "      --strict           stop at the first rejected record (exit 1)" },
	{ { "max-record", required_argument, NULL, OPT_MAX_RECORD }, 0,
	  "      --max-record N     longest record in bytes (default 64 MiB)" },
	{ { "lang", required_argument, NULL, OPT_LANG }, 0,
	  "      --lang zh|en       language of the text written (default from LANG)" },
	{ { "explain", no_argument, NULL, OPT_EXPLAIN }, OG_EXPLAIN,
	  "      --explain          add the components of each computed figure" },
	{ { "policy", required_argument, NULL, OPT_POLICY }, OG_POLICY,
	  "      --policy FILE      rule numbers as 'key = value' lines" },
	{ { "policy-dump", no_argument, NULL, OPT_POLICY_DUMP }, OG_POLICY,
	  "      --policy-dump      print the default policy and exit" },
	{ { "from", required_argument, NULL, OPT_FROM }, OG_PERIOD,
	  "      --from DATE        first day of the period" },
	{ { "to", required_argument, NULL, OPT_TO }, OG_PERIOD,
	  "      --to DATE          last day of the period" },
	{ { "partial", no_argument, NULL, OPT_PARTIAL }, OG_PARTIAL,
	  "      --partial          write the mergeable state (SPEC 10), not the rows" },
	{ { "merge", no_argument, NULL, OPT_MERGE }, OG_PARTIAL,
	  "      --merge            read partials, write what one run would have" },
	{ { "shard", required_argument, NULL, OPT_SHARD }, OG_PARTIAL,
	  "      --shard K/N        only the customers whose FNV-1a hash mod N is K" },
	{ { "excel-safe", no_argument, NULL, OPT_EXCEL_SAFE }, 0,
	  "      --excel-safe       CSV, TSV: a text cell that would start a formula\n"
	  "                         (= + - @ tab CR) gets a leading ' (numbers stay)" },
	{ { "fields", required_argument, NULL, OPT_FIELDS }, 0,
	  "      --fields LIST      the input has no header: these are its columns" },
};
#define NCOPTS (sizeof(copts) / sizeof(copts[0]))

static const char *const fmtnames[] = {
	"auto", "csv", "tsv", "json", "table", "md", "ics", "html", "xlsx"
};
#define FMT_LAST FMT_XLSX

static struct option *longopts;
static char *shortopts;
static int nargs;
static char **args;

void
usage(void)
{
	fflush(stdout);
	fprintf(stderr, "usage: %s\n", tool->synopsis);
	fprintf(stderr, "Try '%s --help' for more information.\n", tool->name);
	exit(EXIT_FATAL);
}

/* The formats the tool writes: "csv, tsv, json, table". */
static const char *
outfmt_list(void)
{
	static char fmts[96];

	fmts[0] = '\0';
	for (int f = FMT_CSV; f <= FMT_LAST; f++)
		if (tool->outfmts & (1u << f)) {
			if (fmts[0])
				strcat(fmts, ", ");
			strcat(fmts, fmtnames[f]);
		}
	return fmts;
}

/* The long option nearest to a mistyped one, for "did you mean": the
 * fewest edits (Levenshtein), at most a third of the word. */
static const char *
nearest_option(const char *word)
{
	const char *best = NULL;
	size_t bestd = (size_t)-1, n = strlen(word);

	if (n > 64)
		return NULL;
	for (size_t k = 0; longopts[k].name; k++) {
		const char *o = longopts[k].name;
		size_t m = strlen(o), row[66], d;
		if (m > 64)
			continue;
		for (size_t j = 0; j <= m; j++)
			row[j] = j;
		for (size_t i = 1; i <= n; i++) {
			size_t diag = row[0];
			row[0] = i;
			for (size_t j = 1; j <= m; j++) {
				size_t up = row[j], v = diag + (word[i - 1] != o[j - 1]);
				if (row[j] + 1 < v)
					v = row[j] + 1;
				if (row[j - 1] + 1 < v)
					v = row[j - 1] + 1;
				diag = up;
				row[j] = v;
			}
		}
		d = row[m];
		if (d < bestd) {
			bestd = d;
			best = o;
		}
	}
	return bestd <= (n + 2) / 3 ? best : NULL;
}

static void
help(void)
{
	const char *fmts = outfmt_list();

	printf("usage: %s\n\n%s\n\n", tool->synopsis, tool->summary);
	if (tool->help && *tool->help)
		printf("Options:\n%s\n", tool->help);
	printf("Common options:\n");
	for (size_t i = 0; i < NCOPTS; i++) {
		if (copts[i].group && !(copts[i].group & tool->groups))
			continue;
		if (copts[i].lo.val == 'o')
			printf(copts[i].help, fmts);
		else
			fputs(copts[i].help, stdout);
		putchar('\n');
	}
	printf("\nExit status: 0 all good, 1 some records rejected, 2 usage, "
	    "I/O or fatal data error.\nSee %s(1).\n", tool->name);
	exit(fshut(EXIT_OK));
}

/* Descriptors 0, 1 and 2 are open before anything else is (SPEC 1.5):
 * a closed one gets /dev/null, opened the wrong way round, so that using
 * it still fails as the closed descriptor would, while no file the tool
 * opens (the reject file) can take its number. */
static void
std_fds(void)
{
	for (int fd = 0; fd <= 2; fd++)
		if (fcntl(fd, F_GETFD) < 0 && errno == EBADF) {
			int k = open("/dev/null", fd == 0 ? O_WRONLY : O_RDONLY);
			if (k < 0)
				_exit(EXIT_FATAL);
			if (k != fd) {	/* (open took the lowest free number) */
				close(k);
				_exit(EXIT_FATAL);
			}
		}
}

void
opts_init(struct common *c, const struct tool *t, int argc, char **argv)
{
	std_fds();
	err_init(t->name);
	/* a closed pipe is a write error (EPIPE) that ends the tool quietly */
	signal(SIGPIPE, SIG_IGN);
	if (argc > 0)
		argv[0] = (char *)t->name;	/* getopt's messages name the tool */
	tool = t;
	nargs = argc;
	args = argv;
	memset(c, 0, sizeof(*c));
	c->in.fmt = FMT_AUTO;
	c->out = FMT_AUTO;
	c->outfmts = t->outfmts;
	c->as_of = DATE_NONE;
}

/* getopt_long says nothing (the ':' in front): name the option, and the
 * nearest one when it looks like a typo. */
static void
report_unknown(char **argv)
{
	const char *w = argv[optind - 1];

	if (strncmp(w, "--", 2) == 0) {
		char name[80];
		const char *near;
		size_t n = strcspn(w + 2, "=");
		if (n >= sizeof(name))
			n = sizeof(name) - 1;
		memcpy(name, w + 2, n);
		name[n] = '\0';
		near = nearest_option(name);
		for (size_t k = 0; longopts[k].name; k++)
			if (strcmp(longopts[k].name, name) == 0) {
				/* known, so the value was wrong */
				warnx("option --%s %s", name, longopts[k].has_arg ==
				    no_argument ? "takes no value" : "needs a value");
				return;
			}
		if (near)
			warnx("unknown option --%s (did you mean --%s?)", name, near);
		else
			warnx("unknown option --%s", name);
		return;
	}
	if (optopt > 0 && optopt < 0x7f)
		warnx("unknown option -%c", optopt);
	else
		warnx("unknown option %s", w);
}

int
opts_next(struct common *c, int argc, char **argv, const struct option *own,
    const char *ownshort)
{
	int ch;

	if (longopts == NULL) {
		size_t n = 0, k = 0;
		while (own && own[n].name)
			n++;
		longopts = xcalloc(NCOPTS + n + 1, sizeof(struct option));
		for (size_t i = 0; i < NCOPTS; i++)
			if (copts[i].lo.name && (!copts[i].group ||
			    (copts[i].group & tool->groups)))
				longopts[k++] = copts[i].lo;
		for (size_t i = 0; i < n; i++)
			longopts[k++] = own[i];
		shortopts = xmalloc(strlen(ownshort ? ownshort : "") + 16);
		/* (a leading ':' so that a typo is ours to report) */
		strcpy(shortopts, ":hVvqi:o:O:F:");
		strcat(shortopts, ownshort ? ownshort : "");
	}
	for (;;) {
		int idx = -1;
		ch = getopt_long(argc, argv, shortopts, longopts, &idx);
		if (ch != -1 && ch != '?' && ch != ':') {
			/* what shapes the result travels in a partial */
			if (idx < 0)
				for (idx = 0; longopts[idx].name &&
				    longopts[idx].val != ch; idx++)
					;
			part_note(longopts[idx].name, ch, optarg);
		}
		switch (ch) {
		case 'h':
			help();
			break;
		case 'V':
			printf("%s (arkit) %s\n", tool->name, ARKIT_VERSION);
			exit(fshut(EXIT_OK));
		case 'v':
			c->verbose = 1;
			break;
		case 'q':
			c->quiet = 1;
			err_quiet = 1;
			break;
		case 'O':
			c->out_path = optarg;
			break;
		case 'i':
			if (strcmp(optarg, "auto") == 0)
				c->in.fmt = FMT_AUTO;
			else if (strcmp(optarg, "csv") == 0)
				c->in.fmt = FMT_CSV;
			else if (strcmp(optarg, "tsv") == 0)
				c->in.fmt = FMT_TSV;
			else if (strcmp(optarg, "json") == 0)
				c->in.fmt = FMT_JSON;
			else {
				warnx("-i: unknown input format \"%s\" (auto, csv, tsv, "
				    "json)", optarg);
				usage();
			}
			break;
		case 'o': {
			int f;
			for (f = FMT_CSV; f <= FMT_LAST; f++)
				if (strcmp(optarg, fmtnames[f]) == 0)
					break;
			if (f > FMT_LAST || !(tool->outfmts & (1u << f))) {
				warnx("-o: %s cannot write \"%s\" (it writes %s)",
				    tool->name, optarg, outfmt_list());
				usage();
			}
			c->out = (enum rec_fmt)f;
			break;
		}
		case 'F':
			if (strcmp(optarg, "tab") == 0 || strcmp(optarg, "\\t") == 0)
				c->in.delim = '\t';
			else if (strlen(optarg) == 1 && optarg[0] != '"' &&
			    optarg[0] != '\n' && optarg[0] != '\r' &&
			    (unsigned char)optarg[0] < 0x80)
				c->in.delim = (unsigned char)optarg[0];
			else {
				warnx("-F: the delimiter must be one ASCII byte (not a "
				    "quote or line end), or 'tab'");
				usage();
			}
			break;
		case OPT_AS_OF:
			c->as_of_arg = optarg;
			c->as_of = opts_date("--as-of", optarg);
			break;
		case OPT_CURRENCY:
			c->currency = optarg;
			break;
		case OPT_REJECT:
			if (*optarg == '\0' || strcmp(optarg, "-") == 0) {
				warnx("--reject: give a file name (rejected records "
				    "never go to standard output)");
				usage();
			}
			c->in.reject_path = optarg;
			break;
		case OPT_STRICT:
			c->in.strict = 1;
			break;
		case OPT_EXCEL_SAFE:
			out_excel_safe = 1;
			break;
		case OPT_MAX_RECORD:
			c->in.max_record = (size_t)opts_int("--max-record", optarg,
			    1024, (long long)1 << 40);
			break;
		case OPT_LANG:
			c->lang = opts_pick("--lang", optarg, "zh", "en") == 0 ?
			    LANG_ZH : LANG_EN;
			c->lang_set = 1;
			break;
		case OPT_EXPLAIN:
			c->explain = 1;
			break;
		case OPT_POLICY:
			c->policy = optarg;
			break;
		case OPT_POLICY_DUMP:
			c->policy_dump = 1;
			break;
		case OPT_FROM:
			c->from_arg = optarg;
			break;
		case OPT_TO:
			c->to_arg = optarg;
			break;
		case OPT_FIELDS:
			if (*optarg == '\0' || optarg[strlen(optarg) - 1] == ',') {
				warnx("--fields: a comma-separated list of column names");
				usage();
			}
			c->in.fields = optarg;
			break;
		case OPT_PARTIAL:
			c->partial = 1;
			break;
		case OPT_MERGE:
			c->merge = 1;
			break;
		case OPT_SHARD:
			part_shard_arg(optarg, &c->shard_k, &c->shard_n);
			break;
		case ':':
			if (strncmp(argv[optind - 1], "--", 2) == 0)
				warnx("option %s needs a value", argv[optind - 1]);
			else
				warnx("option -%c needs a value", optopt);
			usage();
			break;
		case '?':
			report_unknown(argv);
			usage();
			break;
		default:
			return ch;	/* the tool's own, or -1 */
		}
	}
}

/* -O FILE becomes standard output: never one of the inputs or the reject
 * file (the user's files are not overwritten by a slip), and opened only
 * after the options are all known good. */
static void
check_output(const struct common *c)
{
	struct stat so, si;

	if (c->out_path == NULL)
		return;
	if (*c->out_path == '\0' || strcmp(c->out_path, "-") == 0) {
		warnx("-O: give a file name (standard output is the default)");
		usage();
	}
	if (c->in.reject_path && strcmp(c->in.reject_path, c->out_path) == 0) {
		warnx("-O and --reject name the same file \"%s\"", c->out_path);
		usage();
	}
	if (stat(c->out_path, &so) == 0) {
		if (c->in.reject_path && stat(c->in.reject_path, &si) == 0 &&
		    si.st_dev == so.st_dev && si.st_ino == so.st_ino)
			die(EXIT_FATAL, "-O %s is also the reject file",
			    c->out_path);
		for (int i = optind; i < nargs; i++)
			if (strcmp(args[i], "-") != 0 && stat(args[i], &si) == 0 &&
			    si.st_dev == so.st_dev && si.st_ino == so.st_ino)
				die(EXIT_FATAL, "-O %s is also an input: it would be "
				    "overwritten", c->out_path);
		if ((optind >= nargs || (optind + 1 == nargs &&
		    strcmp(args[optind], "-") == 0)) && fstat(0, &si) == 0 &&
		    S_ISREG(si.st_mode) && si.st_dev == so.st_dev &&
		    si.st_ino == so.st_ino)
			die(EXIT_FATAL, "-O %s is also the standard input: it would "
			    "be overwritten", c->out_path);
	}
}

static void
open_output(const struct common *c)
{
	int fd;

	if (c->out_path == NULL)
		return;
	fd = open(c->out_path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
	if (fd < 0)
		die(EXIT_FATAL, "%s: %s", c->out_path, strerror(errno));
	if (fd != 1) {
		if (dup2(fd, 1) < 0)
			die(EXIT_FATAL, "%s: %s", c->out_path, strerror(errno));
		close(fd);
	}
	out_name = c->out_path;
}

void
opts_finish(struct common *c, struct rec_reader *r)
{
	(void)r;
	if (c->as_of == DATE_NONE)
		c->as_of = opts_date("--as-of", "today");
	if (c->in.reject_path) {
		/* every word of the command line: the inputs and the files
		 * options name (--grades, --policy ...) */
		int stdin_read = optind >= nargs;
		for (int i = optind; i < nargs; i++)
			stdin_read |= strcmp(args[i], "-") == 0;
		reject_check(c->in.reject_path, args + 1, nargs - 1, c->out_path,
		    stdin_read);
	}
	check_output(c);
	if (c->in.reject_path)
		c->in.reject_fd = reject_open(c->in.reject_path);
	open_output(c);
	if (!c->lang_set) {
		const char *l = getenv("LC_ALL");
		if (l == NULL || *l == '\0')
			l = getenv("LC_MESSAGES");
		if (l == NULL || *l == '\0')
			l = getenv("LANG");
		c->lang = (l && strncmp(l, "zh", 2) == 0) ? LANG_ZH : LANG_EN;
	}
}

enum rec_fmt
opts_outfmt(const struct common *c, const struct rec_reader *r)
{
	enum rec_fmt f;

	if (c->out != FMT_AUTO)
		return c->out;
	f = r ? rec_format(r) : FMT_CSV;
	/* tab-separated in, tab-separated out (SPEC 1.9), sniffed or -F tab */
	if (f == FMT_CSV && rec_delimiter(r) == '\t')
		return FMT_TSV;
	return f == FMT_AUTO ? FMT_CSV : f;
}

long long
opts_int(const char *opt, const char *s, long long min, long long max)
{
	char *end;
	long long v;

	errno = 0;
	v = strtoll(s, &end, 10);
	if (*s == '\0' || *end != '\0' || errno == ERANGE || v < min || v > max) {
		warnx("%s: \"%s\" is not a whole number from %lld to %lld", opt, s,
		    min, max);
		usage();
	}
	return v;
}

int
opts_by(char *arg, char **by, int n, int max)
{
	char *p, *save = NULL;

	if (*arg == '\0') {
		warnx("-g: no field names");
		usage();
	}
	for (p = strtok_r(arg, ",", &save); p; p = strtok_r(NULL, ",", &save)) {
		if (strcmp(p, "currency") == 0)
			continue;	/* always in the group */
		if (n == max) {
			warnx("-g: at most %d fields", max);
			usage();
		}
		by[n++] = p;
	}
	return n;
}

int32_t
opts_date(const char *opt, const char *s)
{
	int32_t d;

	if (date_parse_asof(s, &d) != 0) {
		char q[ERR_QUOTE_MAX];
		warnx("%s: invalid date \"%s\" (YYYY-MM-DD, today, yesterday, "
		    "month-end or last-month-end)", opt, err_quote(q, s, strlen(s)));
		usage();
	}
	return d;
}

int
opts_pick(const char *opt, const char *s, const char *a, const char *b)
{
	if (strcmp(s, a) == 0)
		return 0;
	if (strcmp(s, b) == 0)
		return 1;
	warnx("%s: %s or %s, not \"%s\"", opt, a, b, s);
	usage();
}

int
opts_intlist(const char *opt, const char *s, int *out, int max)
{
	int n = 0;
	const char *p = s;

	while (*p) {
		char *end;
		long v;
		errno = 0;
		v = strtol(p, &end, 10);
		if (end == p || errno == ERANGE || v < 1 || v > 100000 ||
		    (*end != ',' && *end != '\0') || n == max ||
		    (n > 0 && v <= out[n - 1])) {
			warnx("%s: \"%s\" must be at most %d increasing whole numbers "
			    "of days, e.g. 30,60,90", opt, s, max);
			usage();
		}
		out[n++] = (int)v;
		p = *end ? end + 1 : end;
		if (*end == ',' && *p == '\0') {
			warnx("%s: \"%s\" ends with a comma", opt, s);
			usage();
		}
	}
	if (n == 0) {
		warnx("%s: empty list", opt);
		usage();
	}
	return n;
}
