/* fuzz target: dates. A date that parses formats back to itself when it
 * was written canonically; civil days convert both ways. */
#include <stdlib.h>

#include "date.h"
#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *)data;
	int32_t d;
	char buf[80];
	int y, m, dd;

	if (date_parse(s, size, &d) == 0) {
		date_format(buf, d);
		if (size == 10 && memcmp(buf, s, 10) != 0)
			abort();
		date_to_civil(d, &y, &m, &dd);
		if (date_from_civil(y, m, dd) != d || !date_valid(y, m, dd))
			abort();
		(void)date_weekday(d);
		if (date_month_end(d) < d || date_month_start(d) > d)
			abort();
	}
	if (size < 64) {
		memcpy(buf, s, size);
		buf[size] = '\0';
		if (strlen(buf) == size)
			(void)date_parse_asof(buf, &d);
	}
	if (size >= 4) {
		int32_t z;
		memcpy(&z, data, 4);
		z %= 3000000;	/* within years 1..9999 and some beyond */
		date_to_civil(z, &y, &m, &dd);
		if (date_valid(y, m, dd) && date_from_civil(y, m, dd) != z)
			abort();
	}
	return 0;
}
