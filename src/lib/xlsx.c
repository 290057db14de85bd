/* xlsx.c - .xlsx workbooks: not read yet (a later commit); every input
 * is read as it is. */
#include "xlsx.h"

const char *xlsx_sheet;
int xlsx_seen;

int
xlsx_convert(const char *name, int fd, int seekable, const char *head,
    size_t n)
{
	(void)name;
	(void)fd;
	(void)seekable;
	(void)head;
	(void)n;
	return -1;
}

int
xlsx_to_tsv(const void *buf, size_t len, const char *sheet, int out,
    char *err, size_t errlen)
{
	(void)buf;
	(void)len;
	(void)sheet;
	(void)out;
	(void)err;
	(void)errlen;
	return -1;
}
