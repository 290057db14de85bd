/* fuzz target: amounts. What parses formats back to an amount that
 * parses to the same value; the 128-bit helpers never overflow silently. */
#include <stdlib.h>

#include "fuzz.h"
#include "money.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *)data + (size > 0);
	size_t n = size - (size > 0);
	int dec = size ? data[0] % 5 : 2;
	int64_t v, w;
	char buf[MONEY_BUFSZ];

	if (money_parse(s, n, dec, &v) == MONEY_OK) {
		money_format(buf, v, dec, 0);
		if (money_parse(buf, strlen(buf), dec, &w) != MONEY_OK || w != v)
			abort();
		if (!money_canonical(buf, strlen(buf), dec))
			abort();
		money_format(buf, v, dec, 1);	/* with separators */
		(void)muldiv_round(v, (int64_t)n * 37 + 1, 10000, &w);
	}
	{
		int known;
		struct decimal q;
		char z[64];
		(void)currency_decimals(s, n < 8 ? n : 8, &known);
		if (n < sizeof(z)) {
			memcpy(z, s, n);
			z[n] = '\0';
			if (strlen(z) == n)
				(void)decimal_parse(z, &q);
		}
	}
	return 0;
}
