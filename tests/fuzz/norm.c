/* fuzz target: ar-norm's value readers (dates, amounts, currencies,
 * document types, flags, debit/credit, terms, identifiers, total labels,
 * header cells) on the same bytes. */
#include <stdlib.h>

#include "fuzz.h"
#include "money.h"
#include "norm.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *)data + (size > 0);
	size_t n = size - (size > 0);
	unsigned mode = size ? data[0] : 0;
	struct norm_date_opts o = { (int)(mode & 3) % 3, mode & 4 ? "%d.%m.%Y" :
	    NULL, (mode & 8) != 0 };
	int32_t d;
	unsigned orders, modes;
	int64_t v;
	char cur[4], code[4], hdr[256], *buf = malloc(n + 1);
	const char *id;
	enum doc_type t;
	int i;

	if (buf == NULL)
		return 0;
	if (norm_date(s, n, &o, &d, &orders) == NORM_OK && (d < -719162 ||
	    d > 2932896))	/* outside 0001..9999 */
		abort();
	if (norm_amount(s, n, (mode >> 4) & 3, (int)(mode >> 6) % 4, &v, &modes,
	    cur) == NORM_OK && (v > MONEY_MAX || v < -MONEY_MAX))
		abort();
	(void)norm_currency(s, n, code);
	(void)norm_doc_type(s, n, &t);
	(void)norm_bool(s, n, &i);
	(void)norm_dc(s, n, &i);
	(void)norm_terms(s, n, &i);
	if (norm_id(s, n, buf, &id) > n)
		abort();
	(void)norm_is_total(s, n);
	if (norm_header(s, n, hdr, sizeof(hdr)) >= sizeof(hdr))
		abort();
	{
		const char *p = s;
		size_t k = n;
		norm_trim(&p, &k);
		if (k > n || p < s)
			abort();
	}
	free(buf);
	return 0;
}
