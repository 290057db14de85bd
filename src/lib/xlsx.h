/* xlsx.h - an .xlsx workbook read as rows (SPEC 2.1): one sheet streamed
 * with libzip and libxml2's xmlReader into tab-separated lines, one per
 * sheet row, so that a message's line is the sheet's row number. */
#ifndef XLSX_H
#define XLSX_H

#include <stddef.h>

/* --sheet NAME: the sheet to read (NULL: the first). */
extern const char *xlsx_sheet;
/* Set once a workbook was read (ar-norm then writes CSV, not TSV). */
extern int xlsx_seen;

/* rec_convert's hook (rec.h): HEAD holds the first N bytes of the input
 * NAME, open on FD (SEEKABLE: a regular file). Not a workbook: -1, and
 * nothing else was read. An .xlsx: a descriptor of a temporary file of
 * its first (or --sheet) sheet as TSV. An .xls, .xlsb or .ods, a damaged
 * workbook, a missing sheet: exit 2 saying what to do. */
int xlsx_convert(const char *name, int fd, int seekable, const char *head,
    size_t n);

/* The sheet's rows as TSV lines on OUT, from the bytes of a workbook in
 * memory (the fuzz target's door): 0, or -1 with a message in ERR. */
struct xlsx_out;
int xlsx_to_tsv(const void *buf, size_t len, const char *sheet, int out,
    char *err, size_t errlen);

#endif
