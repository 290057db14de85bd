/* utf8.c - UTF-8 checks and display width from an embedded Unicode table. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "err.h"
#include "utf8.h"

struct eaw_range {
	unsigned lo, hi;
};
#include "eaw.inc"

size_t
utf8_seqlen(const unsigned char *p, size_t n)
{
	unsigned c = p[0];

	if (c < 0x80)
		return 1;
	if (c >= 0xc2 && c <= 0xdf)
		return (n >= 2 && (p[1] & 0xc0) == 0x80) ? 2 : 0;
	if (c >= 0xe0 && c <= 0xef) {
		if (n < 3 || (p[1] & 0xc0) != 0x80 || (p[2] & 0xc0) != 0x80)
			return 0;
		if (c == 0xe0 && p[1] < 0xa0)
			return 0;	/* overlong */
		if (c == 0xed && p[1] > 0x9f)
			return 0;	/* surrogate */
		return 3;
	}
	if (c >= 0xf0 && c <= 0xf4) {
		if (n < 4 || (p[1] & 0xc0) != 0x80 || (p[2] & 0xc0) != 0x80 ||
		    (p[3] & 0xc0) != 0x80)
			return 0;
		if (c == 0xf0 && p[1] < 0x90)
			return 0;
		if (c == 0xf4 && p[1] > 0x8f)
			return 0;
		return 4;
	}
	return 0;
}

size_t
utf8_check(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, k;

	while (i < n) {
		/* skip ASCII eight bytes at a time */
		while (i + 8 <= n) {
			uint64_t w;
			memcpy(&w, p + i, 8);
			if (w & 0x8080808080808080ull)
				break;
			i += 8;
		}
		if (i >= n)
			break;
		if (p[i] < 0x80) {
			i++;
			continue;
		}
		if ((k = utf8_seqlen(p + i, n - i)) == 0)
			return i;
		i += k;
	}
	return n;
}

size_t
utf8_decode(const unsigned char *p, size_t n, unsigned *cp)
{
	size_t k = utf8_seqlen(p, n);

	switch (k) {
	case 1:
		*cp = p[0];
		return 1;
	case 2:
		*cp = ((p[0] & 0x1fu) << 6) | (p[1] & 0x3fu);
		return 2;
	case 3:
		*cp = ((p[0] & 0x0fu) << 12) | ((p[1] & 0x3fu) << 6) | (p[2] & 0x3fu);
		return 3;
	case 4:
		*cp = ((p[0] & 0x07u) << 18) | ((p[1] & 0x3fu) << 12) |
		    ((p[2] & 0x3fu) << 6) | (p[3] & 0x3fu);
		return 4;
	default:
		*cp = 0xfffd;
		return 1;
	}
}

static int
in_table(unsigned cp, const struct eaw_range *t, size_t n)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (cp < t[mid].lo)
			hi = mid;
		else if (cp > t[mid].hi)
			lo = mid + 1;
		else
			return 1;
	}
	return 0;
}

int
utf8_cpwidth(unsigned cp)
{
	if (cp < 0x300)
		return cp < 0x20 || cp == 0x7f ? 0 : 1;
	if (in_table(cp, eaw_zero, sizeof(eaw_zero) / sizeof(eaw_zero[0])))
		return 0;
	if (in_table(cp, eaw_wide, sizeof(eaw_wide) / sizeof(eaw_wide[0])))
		return 2;
	return 1;
}

size_t
utf8_width(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, w = 0;
	unsigned cp;

	while (i < n) {
		if (p[i] < 0x80) {
			w += (p[i] >= 0x20 && p[i] != 0x7f);
			i++;
			continue;
		}
		i += utf8_decode(p + i, n - i, &cp);
		w += (size_t)utf8_cpwidth(cp);
	}
	return w;
}

int
utf8_unsafe(unsigned cp)
{
	return cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp <= 0x9f) ||
	    (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069);
}

char *
utf8_term(const char *s, size_t n, size_t *outn)
{
	return utf8_term_nl(s, n, NULL, outn);
}

char *
utf8_term_nl(const char *s, size_t n, const char *nl, size_t *outn)
{
	static const char hex[] = "0123456789abcdef";
	const unsigned char *p = (const unsigned char *)s;
	char *o = xmalloc(n * 4 + 1);	/* \xNN for a byte, \u{NNNN} for 2-3 */
	size_t k = 0;

	for (size_t i = 0; i < n;) {
		unsigned cp;
		size_t len = utf8_seqlen(p + i, n - i);
		if (len == 0) {		/* an invalid byte */
			o[k++] = '\\', o[k++] = 'x';
			o[k++] = hex[p[i] >> 4], o[k++] = hex[p[i] & 15];
			i++;
			continue;
		}
		utf8_decode(p + i, len, &cp);
		if (cp == '\n' && nl != NULL) {
			size_t m = strlen(nl);
			if (m > 4)	/* the room a \xNN would have had */
				m = 4;
			memcpy(o + k, nl, m);
			k += m;
		} else if (cp < 0x80 && utf8_unsafe(cp)) {
			o[k++] = '\\', o[k++] = 'x';
			o[k++] = hex[cp >> 4], o[k++] = hex[cp & 15];
		} else if (utf8_unsafe(cp))
			k += (size_t)sprintf(o + k, "\\u{%04X}", cp);
		else {
			memcpy(o + k, s + i, len);
			k += len;
		}
		i += len;
	}
	o[k] = '\0';
	*outn = k;
	return o;
}

const char *
utf8_advice(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t pairs = 0, lone = 0;

	for (size_t i = 0; i < n; i++) {
		size_t k;
		if (p[i] < 0x80)
			continue;
		if ((k = utf8_seqlen(p + i, n - i)) > 0) {
			i += k - 1;	/* valid UTF-8 among the rest */
			continue;
		}
		/* GB2312's characters: both bytes 0xA1..0xFE */
		if (i + 1 < n && p[i] >= 0xa1 && p[i] <= 0xfe && p[i + 1] >= 0xa1 &&
		    p[i + 1] <= 0xfe) {
			pairs++;
			i++;
		} else if (i + 1 < n && p[i] >= 0x81 && p[i] <= 0xfe &&
		    p[i + 1] >= 0x40 && p[i + 1] != 0x7f && p[i + 1] >= 0x80) {
			pairs++;	/* GBK's extension: a high trail byte */
			i++;
		} else
			lone++;
	}
	return pairs > lone ? "it looks like Chinese: convert it, e.g. ar-norm "
	    "--from-code GB18030" : "it looks like Latin text: convert it, e.g. "
	    "ar-norm --from-code CP1252";
}
