/* scan.c - SIMD structural scan of one physical line (SPEC 1.6 fast path). */
#include <string.h>

#include "scan.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

int scan_force_scalar;

enum { K_DELIM = 1, K_SPECIAL = 2, K_LF = 4, K_CR = 8, K_NUL = 16, K_HIGH = 32 };

/* Handle one structural byte at offset I; returns 1 when the line ended. */
static inline int
structural(const char *p, const char *end, int at_eof, int cr_eol, size_t i,
    unsigned char c, unsigned char delim, unsigned char special,
    uint32_t *dpos, unsigned maxd, struct scan_line *l, int *need_more)
{
	if (c == delim) {
		if (l->ndelim < maxd)
			dpos[l->ndelim] = (uint32_t)i;
		l->ndelim++;
		return 0;
	}
	if (c == '\n') {
		l->len = i;
		l->next = i + 1;
		return 1;
	}
	if (c == '\r') {
		if (p + i + 1 >= end) {
			if (!at_eof) {
				*need_more = 1;
				return 1;
			}
			l->len = i;
			l->next = i + 1;
			return 1;
		}
		if (p[i + 1] != '\n' && !cr_eol)
			return 0;	/* a bare CR in an LF file: a byte of its field */
		l->len = i;
		l->next = i + 1 + (p[i + 1] == '\n');
		return 1;
	}
	if (c == special)
		l->flags |= SCAN_SPECIAL;
	else if (c == 0)
		l->flags |= SCAN_NUL;
	else
		l->flags |= SCAN_HIGH;
	return 0;
}

static int
scan_scalar(const char *p, const char *end, int at_eof, int cr_eol,
    unsigned char delim,
    unsigned char special, uint32_t *dpos, unsigned maxd, struct scan_line *l)
{
	size_t n = (size_t)(end - p);
	int need_more = 0;

	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)p[i];
		if (c == delim || c == '\n' || c == '\r' || c == special ||
		    c == 0 || c >= 0x80) {
			if (structural(p, end, at_eof, cr_eol, i, c, delim,
			    special, dpos, maxd, l, &need_more))
				return !need_more;
		}
	}
	return 0;
}

int
scan_line(const char *p, const char *end, int at_eof, int cr_eol,
    unsigned char delim, unsigned char special, uint32_t *dpos, unsigned maxd,
    struct scan_line *l)
{
	l->len = l->next = 0;
	l->flags = 0;
	l->ndelim = 0;
#if defined(__SSE2__)
	if (!scan_force_scalar) {
		const __m128i vd = _mm_set1_epi8((char)delim);
		const __m128i vs = _mm_set1_epi8((char)special);
		const __m128i vn = _mm_set1_epi8('\n');
		const __m128i vr = _mm_set1_epi8('\r');
		const __m128i vz = _mm_setzero_si128();
		size_t n = (size_t)(end - p);
		unsigned highmask = 0xffff;
		int need_more = 0;

		for (size_t base = 0; base < n; base += 16) {
			__m128i x = _mm_loadu_si128((const __m128i *)(p + base));
			__m128i t = _mm_or_si128(
			    _mm_or_si128(_mm_cmpeq_epi8(x, vd), _mm_cmpeq_epi8(x, vs)),
			    _mm_or_si128(_mm_cmpeq_epi8(x, vn),
			    _mm_or_si128(_mm_cmpeq_epi8(x, vr), _mm_cmpeq_epi8(x, vz))));
			unsigned m = (unsigned)_mm_movemask_epi8(t) |
			    ((unsigned)_mm_movemask_epi8(x) & highmask);
			if (n - base < 16)
				m &= (1u << (n - base)) - 1;
			while (m) {
				size_t i = base + (size_t)__builtin_ctz(m);
				unsigned char c = (unsigned char)p[i];
				m &= m - 1;
				if (structural(p, end, at_eof, cr_eol, i, c, delim,
				    special, dpos, maxd, l, &need_more))
					return !need_more;
				if (l->flags & SCAN_HIGH) {
					/* one high byte is enough: UTF-8 is checked later */
					highmask = 0;
					m &= (unsigned)_mm_movemask_epi8(t);
				}
			}
		}
		return 0;
	}
#endif
	return scan_scalar(p, end, at_eof, cr_eol, delim, special, dpos, maxd, l);
}
