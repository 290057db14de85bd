/* utf8.h - UTF-8 validation and display width (SPEC 1.9). */
#ifndef UTF8_H
#define UTF8_H

#include <stddef.h>

/* Length of the valid UTF-8 sequence at P (at most N bytes), or 0. */
size_t utf8_seqlen(const unsigned char *p, size_t n);
/* Offset of the first invalid byte, or N when all of it is valid. */
size_t utf8_check(const char *s, size_t n);
/* Decode one valid sequence; returns its length (1 for an invalid byte). */
size_t utf8_decode(const unsigned char *p, size_t n, unsigned *cp);
/* Display columns of a code point: 0, 1 or 2 (East Asian Width W/F). */
int utf8_cpwidth(unsigned cp);
/* Display columns of a string. */
size_t utf8_width(const char *s, size_t n);
/* What to do with bytes that are not UTF-8, by what they look like
 * (SPEC 2.1): "convert it, e.g. ar-norm --from-code GB18030" when most
 * high bytes come in pairs (Chinese: GBK/GB18030), "... CP1252" when they
 * stand alone among ASCII letters (Latin text: Windows-1252, Latin-1). */
const char *utf8_advice(const char *s, size_t n);

/* Is the code point one a terminal must never receive raw (SPEC 1.9): C0,
 * DEL, C1, and the bidi overrides U+202A-U+202E, U+2066-U+2069? */
int utf8_unsafe(unsigned cp);
/* S (N bytes) for a terminal: unsafe code points as \u{NNNN}, control and
 * invalid bytes as \xNN, the rest as it is. A malloc'd string; *OUTN its
 * length. */
char *utf8_term(const char *s, size_t n, size_t *outn);
/* The same, but a line feed becomes NL (at most 4 bytes: " ", "\n"). */
char *utf8_term_nl(const char *s, size_t n, const char *nl, size_t *outn);

#endif
