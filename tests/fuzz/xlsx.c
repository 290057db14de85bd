/* fuzz target: the .xlsx reader (xlsx.c) on a workbook's bytes: libzip,
 * the xmlReader walks of the workbook, its relations, shared strings,
 * styles and sheet, and the TSV it writes. The first byte picks the
 * sheet: the first, one named "S2", or one that is not there. */
#include <fcntl.h>
#include <stdlib.h>

#include "fuzz.h"
#include "xlsx.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int out = -1;
	static const char *const sheets[] = { NULL, "S2", "no such sheet" };
	char err[512];
	unsigned mode = size ? data[0] : 0;

	if (out < 0 && (out = open("/dev/null", O_WRONLY)) < 0)
		return 0;
	err[0] = '\0';
	if (xlsx_to_tsv(data + (size > 0), size - (size > 0), sheets[mode % 3],
	    out, err, sizeof(err)) != 0 && err[0] == '\0')
		abort();	/* a failure always says why */
	return 0;
}
