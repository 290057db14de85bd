/* Unit tests: money parsing, formatting, currency decimals, rounding. */
#include <stdint.h>
#include <stdlib.h>

#include "money.h"
#include "unit.h"

static int64_t
p(const char *s, int dec, enum money_err want)
{
	int64_t v = 0x5a5a;
	enum money_err e = money_parse(s, strlen(s), dec, &v);

	CHECK_INT(e, want);
	return v;
}

static const char *
f(int64_t v, int dec, int group)
{
	static char buf[MONEY_BUFSZ];

	money_format(buf, v, dec, group);
	return buf;
}

int
main(void)
{
	char buf[64];
	int known;
	struct decimal d;
	int64_t r;

	CHECK_INT(p("1234.50", 2, MONEY_OK), 123450);
	CHECK_INT(p("1234.5", 2, MONEY_OK), 123450);
	CHECK_INT(p("-0.01", 2, MONEY_OK), -1);
	CHECK_INT(p("+7", 2, MONEY_OK), 700);
	CHECK_INT(p(" 12.00 ", 2, MONEY_OK), 1200);
	CHECK_INT(p("12.500", 2, MONEY_OK), 1250);	/* trailing zeros */
	CHECK_INT(p(".5", 2, MONEY_OK), 50);
	CHECK_INT(p("5.", 2, MONEY_OK), 500);
	CHECK_INT(p("000123", 0, MONEY_OK), 123);
	CHECK_INT(p("0.000", 0, MONEY_OK), 0);
	CHECK_INT(p("1.234", 3, MONEY_OK), 1234);
	CHECK_INT(p("9999999999999999.99", 2, MONEY_OK), 999999999999999999LL);
	CHECK_INT(p("-9999999999999999.99", 2, MONEY_OK), -999999999999999999LL);
	p("10000000000000000.00", 2, MONEY_RANGE);
	p("123456789012345678901234567890", 2, MONEY_RANGE);
	p("12.345", 2, MONEY_DECIMALS);
	p("10.5", 0, MONEY_DECIMALS);
	p("", 2, MONEY_EMPTY);
	p("   ", 2, MONEY_EMPTY);
	p("-", 2, MONEY_SYNTAX);
	p(".", 2, MONEY_SYNTAX);
	p("--5", 2, MONEY_SYNTAX);
	p("1,000.00", 2, MONEY_SYNTAX);
	p("1e3", 2, MONEY_SYNTAX);
	p("NaN", 2, MONEY_SYNTAX);
	p("inf", 2, MONEY_SYNTAX);
	p("1e309", 2, MONEY_SYNTAX);
	p("0x10", 2, MONEY_SYNTAX);
	p("12 34", 2, MONEY_SYNTAX);
	p("¥12", 2, MONEY_SYNTAX);

	CHECK_STR(f(123450, 2, 0), "1234.50");
	CHECK_STR(f(-1, 2, 0), "-0.01");
	CHECK_STR(f(0, 2, 0), "0.00");
	CHECK_STR(f(-0, 2, 0), "0.00");
	CHECK_STR(f(5, 0, 0), "5");
	CHECK_STR(f(-1234, 3, 0), "-1.234");
	CHECK_STR(f(123456789, 2, 1), "1,234,567.89");
	CHECK_STR(f(-100000, 2, 1), "-1,000.00");
	CHECK_STR(f(99999, 2, 1), "999.99");
	CHECK_STR(f(INT64_MAX, 2, 0), "92233720368547758.07");
	CHECK_STR(f(INT64_MIN, 2, 0), "-92233720368547758.08");
	fixed_format(buf, 653, 1, 0);
	CHECK_STR(buf, "65.3");
	fixed_format(buf, -5, 4, 0);
	CHECK_STR(buf, "-0.0005");

	CHECK_INT(currency_decimals("CNY", 3, &known), 2);
	CHECK(known);
	CHECK_INT(currency_decimals("JPY", 3, &known), 0);
	CHECK_INT(currency_decimals("KRW", 3, &known), 0);
	CHECK_INT(currency_decimals("KWD", 3, &known), 3);
	CHECK_INT(currency_decimals("BHD", 3, &known), 3);
	CHECK_INT(currency_decimals("CLF", 3, &known), 4);
	CHECK_INT(currency_decimals("", 0, &known), 2);
	CHECK(known);
	CHECK_INT(currency_decimals("RMB", 3, &known), 2);
	CHECK(!known);
	CHECK_INT(currency_decimals("usd", 3, &known), 2);
	CHECK(!known);

	/* money_rescale: exact, or -1 */
	{
		int64_t rs = 0;
		CHECK_INT(money_rescale(150, 2, 0, &rs), -1);
		CHECK_INT(money_rescale(300, 2, 0, &rs), 0);
		CHECK_INT(rs, 3);
		CHECK_INT(money_rescale(-15, 1, 3, &rs), 0);
		CHECK_INT(rs, -1500);
		CHECK_INT(money_rescale(INT64_MAX / 5, 0, 1, &rs), -1);
	}
	/* money_add overflow */
	{
		int64_t acc = INT64_MAX - 1;
		CHECK_INT(money_add(&acc, 1), 0);
		CHECK_INT(money_add(&acc, 1), -1);
		acc = INT64_MIN;
		CHECK_INT(money_add(&acc, -1), -1);
	}

	/* rounding: half away from zero */
	CHECK_INT(muldiv_round(5, 1, 2, &r), 0);
	CHECK_INT(r, 3);
	CHECK_INT(muldiv_round(-5, 1, 2, &r), 0);
	CHECK_INT(r, -3);
	CHECK_INT(muldiv_round(4, 1, 3, &r), 0);
	CHECK_INT(r, 1);
	CHECK_INT(muldiv_round(INT64_MAX, 3, 1, &r), -1);
	/* 1000.00 at 6% a year for 91 days: 14.96 */
	CHECK_INT(muldiv_round(100000, 6 * 91, 100 * 365, &r), 0);
	CHECK_INT(r, 1496);

	CHECK_INT(decimal_parse("0.05", &d), 0);
	CHECK_INT(d.num, 5);
	CHECK_INT(d.scale, 2);
	CHECK_INT(decimal_parse("6", &d), 0);
	CHECK_INT(d.num, 6);
	CHECK_INT(d.scale, 0);
	CHECK_INT(decimal_parse("", &d), -1);
	CHECK_INT(decimal_parse("-1", &d), -1);
	CHECK_INT(decimal_parse("1.2.3", &d), -1);
	CHECK_INT(decimal_parse("0.0000000001", &d), -1);
	/* the short way (digits, a point, the currency's decimals) says what
	 * the long way says: a leading space sends a string the long way */
	{
		static const char alpha[] = "0123456789999.-+ ,e";
		int differ = 0;
		srand(11);
		for (int k = 0; k < 300000; k++) {
			char a[32] = { 0 }, b[34] = { 0 };
			int len = rand() % 22, dec = rand() % 4, sa, sb;
			int64_t va = 0, vb = 0;
			for (int j = 0; j < len; j++)
				a[j] = alpha[rand() % (k % 3 ? 13 : (int)sizeof(alpha) - 1)];
			b[0] = ' ';
			memcpy(b + 1, a, (size_t)len);
			sa = money_parse(a, (size_t)len, dec, &va);
			sb = money_parse(b, (size_t)len + 1, dec, &vb);
			if (sa != sb || (sa == MONEY_OK && va != vb))
				differ++;
		}
		CHECK_INT(differ, 0);
	}
	return unit_done("test-money");
}
