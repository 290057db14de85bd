/* fuzz target: ar-norm's value readers (dates, amounts, currencies,
 * document types, flags, debit/credit, terms, identifiers, total labels,
 * header cells) and layout.c's labels (buckets, totals, account lines,
 * report dates, money cells, the evidence of dates and amounts) on the
 * same bytes. */
#include <stdlib.h>

#include "fuzz.h"
#include "layout.h"
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
	{
		struct lay_bucket b;
		struct lay_evidence ev;
		struct lay_decision dd;
		struct val cells[2] = { { s, n / 2, V_STR }, { s + n / 2, n - n / 2,
		    V_STR } };
		char text[64];
		if (lay_bucket(hdr, &b)) {
			lay_buckets_fix(&b, 1);
			i = lay_bucket_days(&b);
			if (b.lo > b.hi || i < b.lo || i > b.hi)
				abort();
		}
		(void)lay_total_kind(s, n);
		(void)lay_plain_total(s, n);
		(void)lay_account_line(s, n);
		(void)lay_money_text(s, n);
		(void)lay_report_date(s, n / 2, s + n / 2, n - n / 2,
		    (int)(mode & 3) % 3, &d);
		(void)lay_title_date(cells, 2, 0, &d, text, sizeof(text));
		memset(&ev, 0, sizeof(ev));
		lay_see_date(&ev, s, n, 1);
		if (lay_see_amount(&ev, s, n, 2, -1) == 1)
			lay_see_amount(&ev, s, n, 2, (int)(mode >> 6));
		lay_decide(&ev, 0, 0, 0, 0, &dd);
		if (dd.dec != DEC_POINT && dd.dec != DEC_COMMA)
			abort();
	}
	free(buf);
	return 0;
}
