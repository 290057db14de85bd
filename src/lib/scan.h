/* scan.h - find one physical line and its delimiters (the CSV/TSV fast path).
 *
 * A physical line ends at LF or CRLF, or in a CR-only file at a bare CR
 * (csv.c gives libcsv the same terminators, so the two agree on records). The
 * scanner also reports what makes a line unsuitable for the zero-copy path:
 * a quote (CSV: libcsv parses the line) or backslash (TSV: unescape), a NUL
 * byte, and bytes >= 0x80 (UTF-8 must be checked). */
#ifndef SCAN_H
#define SCAN_H

#include <stddef.h>
#include <stdint.h>

/* Bytes the caller must keep readable (and allocated) beyond END. */
#define SCAN_PAD 16

enum {
	SCAN_SPECIAL = 1,	/* the quote (CSV) or backslash (TSV) byte */
	SCAN_HIGH = 2,		/* a byte >= 0x80 */
	SCAN_NUL = 4		/* a NUL byte */
};

struct scan_line {
	size_t len;		/* content bytes, terminator excluded */
	size_t next;		/* bytes up to and including the terminator */
	unsigned flags;
	unsigned ndelim;	/* delimiters seen (fields = ndelim + 1) */
};

/* Scan the line at P (END = end of valid data). CR_EOL: a bare CR ends a
 * line (a CR-only file); else it is a byte of its field, and only LF and
 * CRLF end lines (SPEC 1.2; issue 13: "ACME\rBETA,..." is one record). Delimiter offsets go to
 * DPOS[0 .. min(ndelim, maxd)). Returns 1 with *L filled, or 0 when no
 * terminator was found before END (more data needed; at end of input the
 * caller takes [P, END) as the last line). A CR as the last byte before END
 * returns 0 unless AT_EOF, since an LF may follow. */
int scan_line(const char *p, const char *end, int at_eof, int cr_eol,
    unsigned char delim, unsigned char special, uint32_t *dpos, unsigned maxd,
    struct scan_line *l);

/* Force the portable byte loop (differential tests compare both). */
extern int scan_force_scalar;

#endif
