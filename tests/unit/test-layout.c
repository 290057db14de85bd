/* Unit tests: layout.c, the shape of a report (SPEC 2.1): bucket labels,
 * total labels, account lines, report dates, money cells, the header and
 * the totals check. */
#include <stdlib.h>

#include "date.h"
#include "layout.h"
#include "norm.h"
#include "unit.h"

/* The bucket a label (as written in a header) stands for, or lo = -9. */
static struct lay_bucket
bucket(const char *label)
{
	char k[256];
	struct lay_bucket b = { -9, -9 };

	norm_header(label, strlen(label), k, sizeof(k));
	if (!lay_bucket(k, &b))
		b.lo = b.hi = -9;
	return b;
}

#define CHECK_BUCKET(label, lo_, hi_) do { struct lay_bucket bk_ = \
	bucket(label); CHECK_INT(bk_.lo, lo_); CHECK_INT(bk_.hi, hi_); \
	if (bk_.lo != (lo_) || bk_.hi != (hi_)) fprintf(stderr, "  (%s)\n", \
	label); } while (0)

static void
test_buckets(void)
{
	/* not yet due */
	CHECK_BUCKET("Current", 0, 0);
	CHECK_BUCKET("Not due", 0, 0);
	CHECK_BUCKET("At Date", 0, 0);
	CHECK_BUCKET("未到期", 0, 0);
	CHECK_BUCKET("Future", 0, 0);
	CHECK_BUCKET("CURRENT", 0, 0);
	/* ranges */
	CHECK_BUCKET("1-30", 1, 30);
	CHECK_BUCKET("1 - 30", 1, 30);
	CHECK_BUCKET("31-60", 31, 60);
	CHECK_BUCKET("0-30", 0, 30);
	CHECK_BUCKET("91-120", 91, 120);
	CHECK_BUCKET("1 - 30 days past due", 1, 30);
	CHECK_BUCKET("61 - 90 days past due", 61, 90);
	CHECK_BUCKET("1-30 Days", 1, 30);
	CHECK_BUCKET("31-60天", 31, 60);
	CHECK_BUCKET("1-2年", 366, 730);
	CHECK_BUCKET("2-3年", 731, 1095);
	/* a range of one unit is no range (found by the norm fuzz target) */
	CHECK_BUCKET("1-1个月", -9, -9);
	CHECK_BUCKET("1-1年", -9, -9);
	/* an open end past every day a bucket holds is none (norm fuzz) */
	CHECK_BUCKET("9026年 +", -9, -9);
	CHECK_BUCKET("0-1年", 0, 365);
	/* open ends */
	CHECK_BUCKET("Over 90", 91, LAY_OVER);
	CHECK_BUCKET("91 and over", 91, LAY_OVER);
	CHECK_BUCKET("> 90", 91, LAY_OVER);
	CHECK_BUCKET(">90", 91, LAY_OVER);
	CHECK_BUCKET("90+", 91, LAY_OVER);
	CHECK_BUCKET("91+", 91, LAY_OVER);
	CHECK_BUCKET("121-Above", 121, LAY_OVER);
	CHECK_BUCKET("91 or more days past due", 91, LAY_OVER);
	CHECK_BUCKET("超过90天", 91, LAY_OVER);
	CHECK_BUCKET("90天以上", 91, LAY_OVER);
	CHECK_BUCKET("3年以上", 1096, LAY_OVER);
	CHECK_BUCKET("More than 90 days", 91, LAY_OVER);
	/* months, periods, upper bounds */
	CHECK_BUCKET("< 1 Month", 1, 30);
	CHECK_BUCKET("1 Month", 31, 60);
	CHECK_BUCKET("3 Months", 91, 120);
	CHECK_BUCKET("Period 1", 30, 59);
	CHECK_BUCKET("Age ≤ 30 d.", -1, 30);
	CHECK_BUCKET("1年以内", -1, 365);
	CHECK_BUCKET("Older", -1, LAY_OVER);
	/* not buckets: names, years, bare numbers, days columns */
	CHECK_BUCKET("Customer", -9, -9);
	CHECK_BUCKET("2026", -9, -9);
	CHECK_BUCKET("30", -9, -9);
	CHECK_BUCKET("Age (Days)", -9, -9);
	CHECK_BUCKET("Total", -9, -9);
	CHECK_BUCKET("30-Nov", -9, -9);
	CHECK_BUCKET("", -9, -9);
	CHECK_BUCKET("60-30", -9, -9);

	/* a header's buckets: "≤ 60" starts after "≤ 30"; Older after all */
	{
		struct lay_bucket b[5] = { { 0, 0 }, { -1, 30 }, { -1, 60 },
		    { 61, 90 }, { -1, LAY_OVER } };
		lay_buckets_fix(b, 5);
		CHECK_INT(b[1].lo, 1);
		CHECK_INT(b[2].lo, 31);
		CHECK_INT(b[4].lo, 91);
		CHECK_INT(lay_bucket_days(&b[0]), 0);
		CHECK_INT(lay_bucket_days(&b[1]), 15);
		CHECK_INT(lay_bucket_days(&b[2]), 45);
		CHECK_INT(lay_bucket_days(&b[4]), 105);
	}
	/* every bucket's days are inside it */
	{
		static const char *const all[] = { "Current", "1-30", "1 - 30",
		    "31-60", "61 - 90", "Over 90", "91 and over", "> 90", "90+",
		    "91+", "超过90天", "90天以上", "1-2年", "2-3年", "3年以上",
		    "< 1 Month", "1 Month", "2 Months", "Period 2", "121-Above" };
		for (size_t i = 0; i < sizeof(all) / sizeof(all[0]); i++) {
			struct lay_bucket b = bucket(all[i]);
			int d = lay_bucket_days(&b);
			CHECK(d >= b.lo && d <= b.hi);
		}
	}
}

static void
test_totals(void)
{
#define KIND(s, k) CHECK_INT(lay_total_kind(s, strlen(s)), k)
	KIND("合计", LT_GRAND);
	KIND("合 计", LT_GRAND);
	KIND("Total", LT_GRAND);
	KIND("TOTAL", LT_GRAND);
	KIND("Grand Total", LT_GRAND);
	KIND("小计", LT_SUB);
	KIND("本月合计", LT_SUB);
	KIND("Total for 91 or more days past due", LT_SUB);
	KIND("Total Ashgrove Cafe", LT_SUB);
	KIND("Subtotal", LT_SUB);
	KIND("Percentage of total", LT_SKIP);
	KIND("Percents", LT_SKIP);
	KIND("本年累计", LT_SKIP);
	KIND("Ashgrove Cafe", LT_NONE);
	KIND("Totally Fresh Ltd", LT_NONE);
	KIND("", LT_NONE);
#undef KIND
#define ACCT(s, v) CHECK_INT(lay_account_line(s, strlen(s)), v)
	ACCT("121000 Account Receivable", 1);
	ACCT("121000 - Account Receivable", 1);
	ACCT("1122 应收账款", 1);
	ACCT("12 Monkeys Ltd", 0);
	ACCT("Azure Interior", 0);
	ACCT("121000", 0);
	ACCT("2026-11-30 x", 0);
#undef ACCT
}

static int32_t
day(const char *s)
{
	int32_t d = DATE_NONE;

	date_parse(s, strlen(s), &d);
	return d;
}

/* The report date in TEXT, read with ORD: WANT, or none (NULL). */
static void
rd(const char *text, int ord, const char *want)
{
	int32_t d = DATE_NONE;
	int rc = lay_report_date(text, strlen(text), NULL, 0, ord, &d);

	if (want == NULL) {
		CHECK_INT(rc, -1);
		return;
	}
	CHECK_INT(rc, 0);
	CHECK_INT(d, day(want));
}

static void
test_report_date(void)
{
	int32_t d;
	const char *s;

#define RD(text, ord, want) rd(text, ord, want)
	RD("As at 30 November 2026", 0, "2026-11-30");
	RD("As of: 11/30/2026", 0, "2026-11-30");
	RD("As of November 30, 2026", 0, "2026-11-30");
	RD("截止日期：2026-11-30", 0, "2026-11-30");
	RD("截至2026年11月30日", 0, "2026-11-30");
	RD("日期：2026-10-01至2026-11-30", 0, "2026-11-30");
	RD("Stichtag 30.11.2026", 0, "2026-11-30");
	RD("As of 03/09/2026", ORD_DMY, "2026-09-03");
	RD("As of 03/09/2026", ORD_MDY, "2026-03-09");
	RD("Aged Receivables Summary", 0, NULL);
	RD("Ageing by due date", 0, NULL);
	RD("As at", 0, NULL);
#undef RD
	{
		struct val row[3] = { { "As of November 30", 17, V_STR },
		    { " 2026", 5, V_STR }, { "", 0, V_STR } };
		char text[64];
		CHECK_INT(lay_title_date(row, 3, 0, &d, text, sizeof(text)), 0);
		CHECK_INT(d, day("2026-11-30"));
		CHECK_STR(text, "As of November 30, 2026");
		CHECK_INT(lay_title_date(row + 2, 1, 0, &d, text, sizeof(text)),
		    -1);
	}
#define PT(s, v) CHECK_INT(lay_plain_total(s, strlen(s)), v)
	PT("Total", 1);
	PT("Totals:", 1);
	PT("Total for 1 - 30 days past due", 1);
	PT("Total - US Dollar", 1);
	PT("合计", 1);
	PT("Total Gas Ltd", 0);
	PT("中国石化", 0);
#undef PT
	s = "Date at filter";
	CHECK_INT(lay_report_date(s, strlen(s), "30/11/2026", 10, ORD_DMY, &d), 0);
	CHECK_INT(d, day("2026-11-30"));
}

static void
test_money_text(void)
{
#define MT(s, v) CHECK_INT(lay_money_text(s, strlen(s)), v)
	MT("1,234.56", 1);
	MT("0.00", 1);
	MT("1.234,56-", 1);
	MT("(60.00)", 1);
	MT("109", 0);
	MT("-12", 0);
	MT("12.82%", 0);
	MT("DFS/PO/0412", 0);
	MT("30.11.2026", 0);
	MT("", 0);
#undef MT
}

static struct val
v(const char *s)
{
	struct val x = { s, strlen(s), V_STR };
	return x;
}

static void
test_header(void)
{
	struct lay_opts o = { NULL, NULL, 0 };
	struct lay_head h;
	struct val row[7];

	row[0] = v("Customer");
	row[1] = v("Current");
	row[2] = v("1 - 30");
	row[3] = v("31 - 60");
	row[4] = v("61 - 90");
	row[5] = v("91 and over");
	row[6] = v("Total");
	CHECK(lay_header_score(&o, row, 7) > 0);
	lay_take_header(&h, &o, row, 7);
	CHECK_INT(h.aged, 1);
	CHECK_INT(h.summary, 1);
	CHECK_INT(h.nbuckets, 5);
	CHECK_INT(h.total_col, 6);
	CHECK_INT(h.fcol[F_CUSTOMER], 0);
	CHECK_INT(h.fcol[F_AMOUNT], -1);
	CHECK_INT(h.cols[5].b.lo, 91);
	CHECK_INT(lay_header_again(&h, row, 7), 1);
	lay_free_header(&h);

	/* a title row is no header */
	row[0] = v("A/R Aging Summary");
	CHECK_INT(lay_header_score(&o, row, 1), 0);

	/* Odoo: the unnamed first column is the line's name */
	{
		struct lay_opts od = { profile_by_name("odoo"), NULL, 0 };
		row[0] = v("");
		row[1] = v("Invoice Date");
		row[2] = v("At Date");
		row[3] = v("1-30");
		row[4] = v("Older");
		row[5] = v("Total");
		CHECK(lay_header_score(&od, row, 6) > 0);
		lay_take_header(&h, &od, row, 6);
		CHECK_INT(h.fcol[F_INVOICE], 0);
		CHECK_INT(h.summary, 0);
		CHECK_INT(h.cols[2].bucket, 1);
		CHECK_INT(h.cols[4].b.lo, 31);
		lay_free_header(&h);
	}
}

/* A row of a CSV line's cells (no quotes), kept in BUF. */
static size_t
row_of(char *buf, const char *line, struct val *v, size_t max)
{
	size_t n = 0;
	char *p = buf;

	strcpy(buf, line);
	for (;;) {
		char *c = strchr(p, ',');
		if (n == max)
			break;
		v[n].p = p;
		v[n].n = c ? (size_t)(c - p) : strlen(p);
		v[n].type = V_STR;
		n++;
		if (c == NULL)
			break;
		p = c + 1;
	}
	return n;
}

static void
test_rows(void)
{
	struct lay_opts o = { NULL, NULL, 0 };
	struct lay_head h;
	struct val v[8];
	char buf[256];
	const char *p;
	size_t n, pn;
	int first;
	enum lay_total kind;

	n = row_of(buf, "Customer,Invoice,Due Date,Amount", v, 8);
	lay_take_header(&h, &o, v, n);
#define KIND(line, want, wkind) do { n = row_of(buf, line, v, 8); \
	CHECK_INT(lay_plain_row(&h, v, n, &p, &pn), 0); \
	CHECK_INT(lay_row_kind(&h, v, n, 0, &first, &kind), want); \
	CHECK_INT(kind, wkind); } while (0)
	n = row_of(buf, "Acme,I-1,2026-12-01,5.00", v, 8);
	CHECK_INT(lay_plain_row(&h, v, n, &p, &pn), 1);
	n = row_of(buf, "Total Gas Ltd,I-2,2026-12-01,5.00", v, 8);
	CHECK_INT(lay_plain_row(&h, v, n, &p, &pn), 0);	/* a T: looked at */
	CHECK_INT(lay_row_kind(&h, v, n, 0, &first, &kind), LR_DOC);
	KIND("Total,,,10.00", LR_TOTAL, LT_GRAND);
	KIND("Subtotal,,,10.00", LR_TOTAL, LT_SUB);
	KIND("小计,,,10.00", LR_TOTAL, LT_SUB);
	KIND(",,,78.00", LR_TOTAL, LT_GRAND);	/* SAP's sum line */
	KIND("Percentage of total,,,100%", LR_TOTAL, LT_SKIP);
	KIND("Acme Ltd,,,", LR_DOC, LT_NONE);	/* a customer, owing nothing */
	KIND(",91 or more days past due,,", LR_SECTION, LT_NONE);
	KIND("121000 Account Receivable,,,", LR_ACCOUNT, LT_NONE);
	KIND("Customer,Invoice,Due Date,Amount", LR_HEADER, LT_NONE);
	KIND(" , ,,", LR_BLANK, LT_NONE);
	lay_free_header(&h);

	/* no customer column: a name and no date is a section (Xero) */
	n = row_of(buf, "Invoice Date,Invoice Number,Due Date,Current,Total", v, 8);
	lay_take_header(&h, &o, v, n);
	KIND("Ashgrove Cafe,,,,", LR_SECTION, LT_NONE);
	KIND("Azure Interior,,,1.00,1.00", LR_SECTION, LT_NONE);
	KIND("22 Nov 2026,INV-1,20 Dec 2026,1.00,1.00", LR_DOC, LT_NONE);
	KIND("Total Ashgrove Cafe,,,1.00,1.00", LR_TOTAL, LT_SUB);
#undef KIND
	lay_free_header(&h);
}

static void
test_sums(void)
{
	struct lay_sums *s = lay_sums_new(3);
	int64_t w;
	const char *cur;
	int dec;

	lay_sums_mark(s, LM_FILE);
	lay_sums_add(s, 0, "CNY", 2, 100);
	lay_sums_add(s, 0, "CNY", 2, 250);
	/* a subtotal of the rows so far */
	CHECK_INT(lay_sums_check(s, 0, "CNY", 350, 2, LT_SUB, &w, &cur, &dec), 0);
	CHECK_INT(lay_sums_check(s, 0, "", 350, 2, LT_SUB, &w, &cur, &dec), 0);
	CHECK_INT(lay_sums_check(s, 0, "CNY", 800, 2, LT_SUB, &w, &cur, &dec), 1);
	CHECK_INT(w, 350);
	CHECK_STR(cur, "CNY");
	lay_sums_mark(s, LM_SUB);
	lay_sums_add(s, 0, "CNY", 2, 50);
	/* the next subtotal: since the last one; the grand total: all */
	CHECK_INT(lay_sums_check(s, 0, "CNY", 50, 2, LT_SUB, &w, &cur, &dec), 0);
	CHECK_INT(lay_sums_check(s, 0, "CNY", 400, 2, LT_GRAND, &w, &cur, &dec), 0);
	CHECK_INT(lay_sums_check(s, 0, "CNY", 399, 2, LT_GRAND, &w, &cur, &dec), 1);
	CHECK_INT(w, 400);
	/* several currencies: per currency; a total that names none is not
	 * checked against their sum (SPEC 2.1), it is told apart (2) */
	lay_sums_add(s, 0, "USD", 2, 7);
	CHECK_INT(lay_sums_check(s, 0, "USD", 7, 2, LT_GRAND, &w, &cur, &dec), 0);
	CHECK_INT(lay_sums_check(s, 0, "", 407, 2, LT_GRAND, &w, &cur, &dec), 2);
	{
		char b[64];
		lay_sums_currencies(s, 0, LT_GRAND, b, sizeof(b));
		CHECK_STR(b, "CNY and USD");
		lay_sums_add(s, 0, "JPY", 0, 5);
		CHECK_INT(lay_sums_check(s, 0, "", 412, 2, LT_GRAND, &w, &cur, &dec),
		    2);
		lay_sums_currencies(s, 0, LT_GRAND, b, sizeof(b));
		CHECK_STR(b, "CNY, USD and JPY");
		/* a subtotal of one currency since the last mark is checked */
		lay_sums_mark(s, LM_SUB);
		lay_sums_add(s, 0, "JPY", 0, 3);
		CHECK_INT(lay_sums_check(s, 0, "", 3, 0, LT_SUB, &w, &cur, &dec), 0);
		CHECK_INT(lay_sums_check(s, 0, "", 4, 0, LT_SUB, &w, &cur, &dec), 1);
		CHECK_STR(cur, "JPY");
		CHECK_INT(w, 3);
		CHECK_INT(dec, 0);
		/* a total with no currency is read with 2 decimals: 3.00 is
		 * 3 JPY, 3.50 is not */
		CHECK_INT(lay_sums_check(s, 0, "", 300, 2, LT_SUB, &w, &cur, &dec),
		    0);
		CHECK_INT(lay_sums_check(s, 0, "", 350, 2, LT_SUB, &w, &cur, &dec),
		    1);
		lay_sums_currencies(s, 0, LT_SUB, b, sizeof(b));
		CHECK_STR(b, "JPY");
	}
	/* a column with nothing written: only 0 is right */
	CHECK_INT(lay_sums_check(s, 1, "", 0, 2, LT_GRAND, &w, &cur, &dec), 0);
	CHECK_INT(lay_sums_check(s, 1, "", 8, 2, LT_GRAND, &w, &cur, &dec), 1);
	CHECK_INT(w, 0);
	{
		int64_t t;
		CHECK_INT(lay_sums_total(s, 0, 0, &cur, &t, &dec), 0);
		CHECK_STR(cur, "CNY");
		CHECK_INT(t, 400);
		CHECK_INT(lay_sums_total(s, 0, 3, &cur, &t, &dec), -1);
	}
	lay_sums_free(s);
}

/* The title rows: the report date (in a cell, or under "Date at
 * filter"), the section right above the header. */
static void
test_title(void)
{
	struct lay_title t;
	struct val v[8];
	char buf[256];
	size_t n;

	lay_title_init(&t);
	CHECK_INT(t.date, DATE_NONE);
	n = row_of(buf, "Odoo,,", v, 8);
	lay_title_row(&t, v, n, 1, 0);
	CHECK_STR(t.section, "Odoo");	/* a label alone */
	lay_title_blank(&t);
	CHECK_INT(t.section == NULL, 1);
	n = row_of(buf, "Date at filter,Target moves", v, 8);
	lay_title_row(&t, v, n, 2, 0);
	CHECK_INT(t.date, DATE_NONE);
	CHECK_INT(t.below, 0);
	n = row_of(buf, "30/11/2026,All posted entries", v, 8);
	lay_title_row(&t, v, n, 3, 0);
	CHECK_INT(t.date, date_from_civil(2026, 11, 30));
	CHECK_INT(t.line, 3);
	CHECK_STR(t.text, "as of 30/11/2026");
	n = row_of(buf, "As of: 12/01/2026", v, 8);	/* the first one stays */
	lay_title_row(&t, v, n, 4, 0);
	CHECK_INT(t.line, 3);
	n = row_of(buf, "121000 Account Receivable", v, 8);
	lay_title_row(&t, v, n, 5, 0);
	CHECK_INT(t.section == NULL, 1);	/* an account line names none */
	lay_title_free(&t);

	lay_title_init(&t);
	n = row_of(buf, "A/R Aging Summary,,", v, 8);
	lay_title_row(&t, v, n, 1, 0);
	n = row_of(buf, "As of: 03/09/2026", v, 8);
	lay_title_row(&t, v, n, 2, ORD_DMY);
	CHECK_INT(t.date, date_from_civil(2026, 9, 3));
	CHECK_STR(t.text, "As of: 03/09/2026");
	CHECK_INT(t.line, 2);
	CHECK_INT(t.section == NULL, 1);	/* the date's row is no section */
	lay_title_free(&t);
}

/* An aged report's rows: the buckets, the days, a summary's items, and a
 * column of money that is none of them. */
static void
test_aged(void)
{
	struct lay_opts o = { NULL, NULL, 0 };
	struct lay_head h;
	struct lay_item it[8];
	struct val v[8];
	char buf[256];
	size_t n;
	int64_t bv[8] = { 0 }, sum;
	int first;
	const int32_t asof = date_from_civil(2026, 11, 30);

	n = row_of(buf, "Customer,Current,1 - 30,31 - 60,Over 90,Note,Total", v, 8);
	lay_take_header(&h, &o, v, n);
	CHECK_INT(h.aged, 1);
	CHECK_INT(lay_row_buckets(&h, bv, &sum, &first), 0);
	CHECK_INT(first, -1);	/* nothing owed */
	bv[2] = 200;
	bv[4] = 500;
	bv[5] = 7;	/* Note: no bucket, not summed */
	CHECK_INT(lay_row_buckets(&h, bv, &sum, &first), 0);
	CHECK_INT(sum, 700);
	CHECK_INT(first, 2);
	CHECK_INT(lay_summary_items(&h, bv, asof, it), 2);
	CHECK_INT(it[0].col, 2);
	CHECK_INT(it[0].days, 15);
	CHECK_INT(it[0].due, asof - 15);
	CHECK_INT(it[0].amount, 200);
	CHECK_INT(it[1].col, 4);
	CHECK_INT(it[1].days, 105);
	bv[1] = INT64_MAX;
	CHECK_INT(lay_row_buckets(&h, bv, &sum, &first), -1);
	/* the days: as of the report date when they fall in the bucket */
	CHECK_INT(lay_aged_days(&h.cols[2].b, asof - 9, asof), 9);
	CHECK_INT(lay_aged_days(&h.cols[2].b, asof - 45, asof), 15);
	CHECK_INT(lay_aged_days(&h.cols[2].b, DATE_NONE, asof), 15);
	CHECK_INT(lay_aged_days(&h.cols[2].b, asof - 9, DATE_NONE), 15);
	CHECK_INT(lay_aged_days(&h.cols[1].b, asof + 3, asof), -3);
	/* money in an unnamed column: fatal, unless some cell is not */
	CHECK_INT(lay_unknown_money(&h), -1);
	h.cols[5].money = 3;
	CHECK_INT(lay_unknown_money(&h), 5);
	h.cols[5].other = 1;
	CHECK_INT(lay_unknown_money(&h), -1);
	lay_free_header(&h);
}

/* The totals as pass 2 meets them: a section's amounts checked when it
 * ends, a total's against the rows since its scope began. */
static void
test_totals_walk(void)
{
	struct lay_opts o = { NULL, NULL, 0 };
	struct lay_head h;
	struct lay_totals t;
	struct val v[8];
	char buf[256], msg[LAY_MSGMAX];
	const char *file;
	unsigned long line;
	size_t n;

	lay_total_msg(msg, sizeof(msg), 900, 800, 2, "CNY", "Total");
	CHECK_STR(msg, "the report's total 9.00 CNY differs from the rows "
	    "written (8.00 CNY) by 1.00 in column \"Total\"");
	lay_total_msg(msg, sizeof(msg), 5, 7, 0, "", "Amount");
	CHECK_STR(msg, "the report's total 5 differs from the rows written (7) "
	    "by -2 in column \"Amount\"");

	n = row_of(buf, "Invoice,Due Date,Currency,Amount", v, 8);
	lay_take_header(&h, &o, v, n);
	lay_totals_init(&t, &h, 1);
	CHECK_INT(t.track[3], 1);
	CHECK_INT(t.track[0], 0);
	lay_totals_file(&t, "Odoo");
	CHECK_STR(t.customer, "Odoo");
	/* a section row with its amount: the customer of the rows below */
	t.row.any = 1;
	t.row.has[3] = 1;
	t.row.v[3] = 300;
	t.row.dec = 2;
	strcpy(t.row.cur, "");
	lay_totals_section(&t, "Acme", 4, &t.row, "f", 2);
	CHECK_STR(t.customer, "Acme");
	CHECK_INT(lay_totals_add(&t, 3, "CNY", 2, 100), 0);
	CHECK_INT(lay_totals_add(&t, 3, "CNY", 2, 250), 0);
	CHECK_INT(lay_totals_close(&t, 0, msg, sizeof(msg), &file, &line), 1);
	CHECK_STR(file, "f");
	CHECK_INT(line, 2);
	CHECK_STR(msg, "the report's total 3.00 CNY differs from the rows "
	    "written (3.50 CNY) by -0.50 in column \"Amount\"");
	CHECK_INT(lay_totals_close(&t, 0, msg, sizeof(msg), &file, &line), 0);
	CHECK_INT(t.checked, 1);
	/* a bucket as a section (QuickBooks' detail), then an account line */
	t.row.any = 0;
	lay_totals_section(&t, "91 or more days past due", 24, &t.row, "f", 5);
	CHECK_STR(t.bucket, "91 or more days past due");
	CHECK_INT(t.bucket_days, 105);
	CHECK_STR(t.customer, "Acme");
	lay_totals_section(&t, "121000 Account Receivable", 25, &t.row, "f", 6);
	CHECK_INT(t.customer == NULL, 1);
	/* a grand total in USD after USD rows; then one with no currency
	 * over two currencies */
	lay_totals_add(&t, 3, "USD", 2, 7);
	t.row.any = 1;
	strcpy(t.row.cur, "USD");
	t.row.v[3] = 7;
	CHECK_INT(lay_totals_row(&t, &t.row, LT_GRAND, msg, sizeof(msg)), 0);
	strcpy(t.row.cur, "");
	t.row.v[3] = 357;
	CHECK_INT(lay_totals_row(&t, &t.row, LT_GRAND, msg, sizeof(msg)), 1);
	CHECK_STR(msg, "the report's total 3.57 names no currency, but the rows "
	    "it totals in column \"Amount\" are in CNY and USD: amounts in "
	    "different currencies are not added");
	lay_totals_file(&t, NULL);
	CHECK_INT(t.customer == NULL && t.bucket == NULL, 1);
	lay_totals_free(&t);
	/* no sums kept: a total is an internal error */
	lay_totals_init(&t, &h, 0);
	CHECK_INT(lay_totals_add(&t, 3, "CNY", 2, 100), 0);
	t.row.any = 1;
	t.row.has[3] = 1;
	CHECK_INT(lay_totals_row(&t, &t.row, LT_GRAND, msg, sizeof(msg)), -1);
	lay_totals_free(&t);
	lay_free_header(&h);
}

static void
test_evidence(void)
{
	struct lay_evidence ev;
	struct lay_decision d;

#define SEE_D(s, line) lay_see_date(&ev, s, strlen(s), line)
#define SEE_A(s, line, dec) lay_see_amount(&ev, s, strlen(s), line, dec)
	/* dates: 13/4 only day first, 4/13 only month first: both, a conflict */
	memset(&ev, 0, sizeof(ev));
	SEE_D("2026-11-30", 1);
	SEE_D("03/03/2026", 2);
	SEE_D("03.11.2026", 3);
	CHECK_INT(ev.e[LE_AMB_DATE].line, 0);
	SEE_D("03/09/2026", 4);
	CHECK_INT(ev.e[LE_AMB_DATE].line, 4);
	lay_decide(&ev, 0, 0, 0, 0, &d);
	CHECK_INT(d.order, 0);
	CHECK_INT(d.warn_date, 1);
	lay_decide(&ev, 0, 0, ORD_DMY, 0, &d);	/* the profile settles it */
	CHECK_INT(d.order, ORD_DMY);
	CHECK_INT(d.warn_date, 0);
	SEE_D("31/12/2026", 5);
	lay_decide(&ev, 0, 0, 0, 0, &d);
	CHECK_INT(d.order, ORD_DMY);
	CHECK_INT(d.date_conflict, 0);
	SEE_D("12/31/2026", 6);
	lay_decide(&ev, 0, 0, 0, 0, &d);
	CHECK_INT(d.date_conflict, 1);
	CHECK_STR(ev.e[LE_MDY].text, "12/31/2026");
	lay_decide(&ev, ORD_MDY, 0, 0, 0, &d);	/* --date-order */
	CHECK_INT(d.date_conflict, 0);
	CHECK_INT(d.order, ORD_MDY);

	/* amounts: the currency settles 150.000 (JPY) and 1.500 (EUR) */
	memset(&ev, 0, sizeof(ev));
	CHECK_INT(SEE_A("1234.56", 1, -1), 0);
	CHECK_INT(SEE_A("150.000", 2, -1), 1);	/* ask the currency */
	CHECK_INT(SEE_A("150.000", 2, 0), 0);
	CHECK_INT(ev.e[LE_COMMA].line, 2);
	lay_decide(&ev, 0, 0, 0, 0, &d);
	CHECK_INT(d.dec_conflict, 1);
	lay_decide(&ev, 0, DEC_COMMA, 0, 0, &d);
	CHECK_INT(d.dec_conflict, 0);
	CHECK_INT(d.dec, DEC_COMMA);
	memset(&ev, 0, sizeof(ev));
	SEE_A("1.500", 3, 3);	/* KWD: three decimals, still ambiguous */
	CHECK_INT(ev.e[LE_AMB_DEC].line, 3);
	lay_decide(&ev, 0, 0, 0, 0, &d);
	CHECK_INT(d.dec, DEC_POINT);
	CHECK_INT(d.warn_dec, 1);
	SEE_A("1.234,56-", 4, 2);
	lay_decide(&ev, 0, 0, 0, 0, &d);
	CHECK_INT(d.dec, DEC_COMMA);
	CHECK_INT(d.warn_dec, 0);
	SEE_A("\xc2\xa5" "12", 5, 2);
	CHECK_INT(ev.symbol, 1);

	/* a title's report date is evidence only when it reads two ways */
#define SEE_T(s, line) lay_see_report_date(&ev, s, strlen(s), line)
	memset(&ev, 0, sizeof(ev));
	SEE_T("As at 30/11/2026", 1);
	SEE_T("As of: 03/03/2026", 1);
	SEE_T("Stichtag 03.09.2026", 1);	/* day first by convention */
	SEE_T("As of November 3, 2026", 1);
	SEE_T("Customer", 1);
	CHECK_INT(ev.e[LE_AMB_DATE].line, 0);
	SEE_T("As of: 03/09/2026", 2);
	CHECK_INT(ev.e[LE_AMB_DATE].line, 2);
	CHECK_STR(ev.e[LE_AMB_DATE].text, "As of: 03/09/2026");
	SEE_D("04/10/2026", 5);	/* the first ambiguous line is kept */
	CHECK_INT(ev.e[LE_AMB_DATE].line, 2);
	SEE_D("25/04/2026", 6);	/* a row settles it: no warning */
	lay_decide(&ev, 0, 0, 0, 0, &d);
	CHECK_INT(d.order, ORD_DMY);
	CHECK_INT(d.warn_date, 0);
#undef SEE_T
#undef SEE_D
#undef SEE_A
}

int
main(void)
{
	test_buckets();
	test_totals();
	test_report_date();
	test_money_text();
	test_header();
	test_sums();
	test_rows();
	test_evidence();
	test_title();
	test_aged();
	test_totals_walk();
	return unit_done("test-layout");
}
