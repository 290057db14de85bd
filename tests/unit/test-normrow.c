/* Unit tests: normrow.c, one row of an export as a ledger document: the
 * cells (dates, amounts, currency, identifiers) in the form decided for
 * the file, a document row's fields and messages, an aged summary's row,
 * and what pass 1 learns. */
#include <stdlib.h>

#include "date.h"
#include "normrow.h"
#include "unit.h"

/* A row of a CSV line's cells (no quotes), kept in BUF. */
static struct nr_row
row(char *buf, const char *line, struct val *v, size_t max)
{
	struct nr_row w = { v, 0 };
	char *p = buf;

	strcpy(buf, line);
	while (w.n < max) {
		char *c = strchr(p, ',');
		v[w.n].p = p;
		v[w.n].n = c ? (size_t)(c - p) : strlen(p);
		v[w.n].type = V_STR;
		w.n++;
		if (c == NULL)
			break;
		p = c + 1;
	}
	return w;
}

static void
header(struct lay_head *h, const char *line)
{
	static char buf[512];
	struct val v[16];
	struct lay_opts o = { NULL, NULL, 0 };
	struct nr_row w = row(buf, line, v, 16);

	lay_take_header(h, &o, v, w.n);
}

static void
test_rows(void)
{
	char buf[256];
	struct val v[8];
	struct nr_row w;
	const char *p;
	size_t n;

	w = row(buf, "a, b ,", v, 8);
	nr_cell(&w, 1, &p, &n);
	CHECK_INT(n, 1);
	CHECK(*p == 'b');
	nr_cell(&w, 7, &p, &n);	/* past the row: blank */
	CHECK_INT(n, 0);
	nr_cell(&w, -1, &p, &n);
	CHECK_INT(n, 0);
	CHECK_INT(nr_blank_row(&w), 0);
	w = row(buf, " ,,  ", v, 8);
	CHECK_INT(nr_blank_row(&w), 1);
	w = row(buf, "|---|+===| ", v, 8);
	CHECK_INT(nr_rule_line(&w), 1);
	w = row(buf, "|   |", v, 8);
	CHECK_INT(nr_rule_line(&w), 0);	/* no dash: not a rule */
	w = row(buf, "|-x-|", v, 8);
	CHECK_INT(nr_rule_line(&w), 0);
	/* SAP's | text: |A|B| splits as "", A, B, "" */
	w = row(buf, ",A,B, ", v, 8);
	nr_unframe(&w);
	CHECK_INT(w.n, 2);
	nr_cell(&w, 0, &p, &n);
	CHECK(n == 1 && *p == 'A');
}

static void
test_cells(void)
{
	struct lay_head h;
	struct nr_state s;
	char buf[256], msg[LAY_MSGMAX], code[8];
	struct val v[8];
	struct nr_row w;
	int32_t d;
	int64_t a;
	int present, known;

	header(&h, "Customer,Invoice,Due Date,Amount,Currency");
	nr_init(&s, &h);
	s.dec = DEC_POINT;
	/* dates: YYYY-MM-DD kept as read; others by the file's order */
	w = row(buf, "A,I-1,2026-12-01,5.00,USD", v, 8);
	CHECK_INT(nr_date(&s, &w, F_DUE_DATE, &d, msg, sizeof(msg)), 0);
	CHECK_INT(d, date_from_civil(2026, 12, 1));
	CHECK(s.canon_date[F_DUE_DATE] == v[2].p);
	w = row(buf, "A,I-1,03/09/2026,5.00,USD", v, 8);
	s.order = ORD_DMY;
	CHECK_INT(nr_date(&s, &w, F_DUE_DATE, &d, msg, sizeof(msg)), 0);
	CHECK_INT(d, date_from_civil(2026, 9, 3));
	CHECK(s.canon_date[F_DUE_DATE] == NULL);
	w = row(buf, "A,I-1,12/31/2026,5.00,USD", v, 8);
	CHECK_INT(nr_date(&s, &w, F_DUE_DATE, &d, msg, sizeof(msg)), -1);
	CHECK_STR(msg, "column 'Due Date' (due_date): not a date in the "
	    "day-month order of this file (see --date-order) \"12/31/2026\"");
	w = row(buf, "A,I-1,soon,5.00,USD", v, 8);
	CHECK_INT(nr_date(&s, &w, F_DUE_DATE, &d, msg, sizeof(msg)), -1);
	CHECK_STR(msg, "column 'Due Date' (due_date): not a date \"soon\"");
	w = row(buf, "A,I-1,,5.00,USD", v, 8);
	CHECK_INT(nr_date(&s, &w, F_DUE_DATE, &d, msg, sizeof(msg)), 0);
	CHECK_INT(d, DATE_NONE);

	/* amounts: the canonical text kept; the file's separator */
	w = row(buf, "A,I-1,,1234.50,USD", v, 8);
	CHECK_INT(nr_money(&s, &w, F_AMOUNT, 2, &a, &present, msg,
	    sizeof(msg)), 0);
	CHECK_INT(a, 123450);
	CHECK_INT(present, 1);
	CHECK(s.canon_money[F_AMOUNT] == v[3].p);
	w = row(buf, "A,I-1,,1.234;50,USD", v, 8);
	CHECK_INT(nr_money(&s, &w, F_AMOUNT, 2, &a, &present, msg,
	    sizeof(msg)), -1);
	CHECK_STR(msg, "column 'Amount' (amount): not an amount \"1.234;50\"");
	s.dec = DEC_COMMA;
	w = row(buf, "A,I-1,,1.234;50,USD", v, 8);
	v[3].p = "1.234,50";
	CHECK_INT(nr_money(&s, &w, F_AMOUNT, 2, &a, &present, msg,
	    sizeof(msg)), 0);
	CHECK_INT(a, 123450);
	CHECK(s.canon_money[F_AMOUNT] == NULL);
	v[3].p = "1,234.50";	/* a decimal point in a decimal-comma file */
	CHECK_INT(nr_money(&s, &w, F_AMOUNT, 2, &a, &present, msg,
	    sizeof(msg)), -1);
	CHECK_STR(msg, "column 'Amount' (amount): not an amount with this "
	    "file's decimal separator (see --decimal-comma, --decimal-point) "
	    "\"1,234.50\"");
	v[3].p = "1234.5";	/* a JSON number: a point, whatever the file */
	v[3].n = 6;
	v[3].type = V_NUM;
	CHECK_INT(nr_money(&s, &w, F_AMOUNT, 2, &a, &present, msg,
	    sizeof(msg)), 0);
	CHECK_INT(a, 123450);
	s.dec = DEC_POINT;
	w = row(buf, "A,I-1,,,USD", v, 8);
	CHECK_INT(nr_money(&s, &w, F_AMOUNT, 2, &a, &present, msg,
	    sizeof(msg)), 0);
	CHECK_INT(present, 0);

	/* the currency: the column (names too), a symbol, --currency */
	w = row(buf, "A,I-1,,5.00,usd", v, 8);
	CHECK_INT(nr_currency(&s, &w, code, msg, sizeof(msg)), 0);
	CHECK_STR(code, "USD");
	w = row(buf, "A,I-1,,5.00,US Dollar", v, 8);
	CHECK_INT(nr_currency(&s, &w, code, msg, sizeof(msg)), 0);
	CHECK_STR(code, "USD");
	w = row(buf, "A,I-1,,5.00,XYZ", v, 8);	/* kept, to be warned of */
	CHECK_INT(nr_currency(&s, &w, code, msg, sizeof(msg)), 0);
	CHECK_STR(code, "XYZ");
	w = row(buf, "A,I-1,,5.00,Galactic Credits", v, 8);
	CHECK_INT(nr_currency(&s, &w, code, msg, sizeof(msg)), -1);
	CHECK_STR(msg, "column 'Currency' (currency): unknown currency "
	    "\"Galactic Credits\"");
	CHECK_INT(nr_currency(&s, &w, code, NULL, 0), -1);
	w = row(buf, "A,I-1,,€5.00,", v, 8);
	CHECK_INT(nr_currency(&s, &w, code, msg, sizeof(msg)), 0);
	CHECK_STR(code, "EUR");
	w = row(buf, "A,I-1,,5.00,", v, 8);
	CHECK_INT(nr_currency(&s, &w, code, msg, sizeof(msg)), 0);
	CHECK_STR(code, "");
	s.currency = "CNY";
	CHECK_INT(nr_currency(&s, &w, code, msg, sizeof(msg)), 0);
	CHECK_STR(code, "CNY");

	/* decimals, remembered; an unknown code said once per lookup */
	CHECK_INT(nr_decimals(&s, "JPY", &known), 0);
	CHECK_INT(known, 1);
	CHECK_INT(nr_decimals(&s, "USD", &known), 2);
	CHECK_INT(nr_decimals(&s, "KWD", &known), 3);
	CHECK_INT(nr_decimals(&s, "XYZ", &known), 2);
	CHECK_INT(known, 0);
	CHECK_INT(nr_decimals(&s, "JPY", &known), 0);	/* (from the memo) */

	/* identifiers */
	{
		const char *id;
		w = row(buf, " 1930438491.0 ,=\"0001\",,5.00,", v, 8);
		CHECK_INT(nr_id(&s, &w, F_CUSTOMER, 0, &id), 10);
		CHECK(memcmp(id, "1930438491", 10) == 0);
		CHECK_INT(nr_id(&s, &w, F_INVOICE, 1, &id), 4);
		CHECK(memcmp(id, "0001", 4) == 0);
		CHECK_INT(nr_id(&s, &w, F_REF, 2, &id), 0);	/* no column */
	}
	nr_free(&s);
	lay_free_header(&h);
}

static void
test_document(void)
{
	struct lay_head h;
	struct nr_state s;
	struct nr_doc d;
	char buf[256], msg[LAY_MSGMAX], dates[8][16];
	struct val v[8];
	struct nr_row w;
	struct cell cells[NCANON];
	int field[NCANON];
	struct nr_out o = { field, cells };
	size_t col[16], k;
	int64_t amt[16];

	header(&h, "Customer,Invoice,Due Date,Amount,Paid,D/C,Type");
	nr_init(&s, &h);
	s.dec = DEC_POINT;
	w = row(buf, "Acme,I-1,2026-12-01,100.00,40.00,,", v, 8);
	CHECK_INT(nr_document(&s, &w, NULL, 2, &d, msg, sizeof(msg)), NR_ROW);
	CHECK_INT(d.amount, 10000);
	CHECK_INT(d.paid, 4000);
	CHECK_INT(d.has_paid, 1);
	CHECK_INT(d.due, date_from_civil(2026, 12, 1));
	CHECK_INT(d.type, DOC_INVOICE);
	CHECK_INT(d.typed, 0);
	CHECK_INT(d.idn[0], 4);
	/* the cells of the canonical fields, the texts as read */
	for (int f = 0; f < NCANON; f++) {
		field[f] = f;
		cells[f] = cell_null();
	}
	nr_doc_cells(&s, &w, &d, &o, dates);
	CHECK(cells[F_AMOUNT].kind == C_MONEY);
	CHECK(cells[F_AMOUNT].p == v[3].p);	/* "100.00" goes out as read */
	CHECK(cells[F_DUE_DATE].p == v[2].p);
	CHECK(cells[F_DOC_TYPE].kind == C_NULL);
	k = nr_doc_amounts(&s, &w, &d, col, amt);
	CHECK_INT(k, 2);
	CHECK_INT(col[0], 3);
	CHECK_INT(amt[0], 10000);
	CHECK_INT(col[1], 4);
	CHECK_INT(amt[1], 4000);

	/* a credit by the debit/credit column: signs turn */
	w = row(buf, "Acme,C-1,2026-12-01,25.00,,H,", v, 8);
	CHECK_INT(nr_document(&s, &w, NULL, 3, &d, msg, sizeof(msg)), NR_ROW);
	CHECK_INT(d.amount, -2500);
	CHECK_INT(d.sign, -1);
	/* a payment without a number keeps a key of its line */
	w = row(buf, "Acme,,2026-12-01,25.00,,,Payment", v, 8);
	CHECK_INT(nr_document(&s, &w, NULL, 7, &d, msg, sizeof(msg)), NR_ROW);
	CHECK_INT(d.type, DOC_PAYMENT);
	CHECK_STR(d.id[1], "payment@7");
	/* the customer of the section row above */
	w = row(buf, ",I-2,2026-12-01,5.00,,,", v, 8);
	CHECK_INT(nr_document(&s, &w, "Beta", 8, &d, msg, sizeof(msg)),
	    NR_ROW);
	CHECK(d.idn[0] == 4 && memcmp(d.id[0], "Beta", 4) == 0);
	/* no customer, no document: a total line */
	w = row(buf, ",,,105.00,,,", v, 8);
	CHECK_INT(nr_document(&s, &w, NULL, 9, &d, msg, sizeof(msg)),
	    NR_TOTAL);
	/* what is rejected, and why */
	w = row(buf, ",I-3,2026-12-01,5.00,,,", v, 8);
	CHECK_INT(nr_document(&s, &w, NULL, 10, &d, msg, sizeof(msg)),
	    NR_REJECT);
	CHECK_STR(msg, "column 'Customer' (customer) is empty");
	w = row(buf, "Acme,I-3,2026-12-01,,,,", v, 8);
	CHECK_INT(nr_document(&s, &w, NULL, 11, &d, msg, sizeof(msg)),
	    NR_REJECT);
	CHECK_STR(msg, "column 'Amount' (amount) is empty");
	w = row(buf, "Acme,I-3,2026-12-01,5.00,,X,", v, 8);
	CHECK_INT(nr_document(&s, &w, NULL, 12, &d, msg, sizeof(msg)),
	    NR_REJECT);
	CHECK_STR(msg, "column 'D/C' (dc): not a debit/credit indicator "
	    "\"X\"");
	w = row(buf, "Acme,I-3,2026-12-01,5.00,,,Gift", v, 8);
	CHECK_INT(nr_document(&s, &w, NULL, 13, &d, msg, sizeof(msg)),
	    NR_REJECT);
	CHECK_STR(msg, "column 'Type' (doc_type): unknown document type "
	    "\"Gift\"");
	/* a row wider than the header */
	w = row(buf, "Acme,I-3,2026-12-01,5.00,,,,x", v, 8);
	CHECK_INT(nr_too_wide(&h, &w, 0, msg, sizeof(msg)), 1);
	CHECK_STR(msg, "8 fields, but the header has 7");
	CHECK_INT(nr_too_wide(&h, &w, 1, msg, sizeof(msg)), 0);
	nr_free(&s);
	lay_free_header(&h);
}

static void
test_summary(void)
{
	struct lay_head h;
	struct nr_state s;
	struct nr_sum o;
	char buf[256], msg[LAY_MSGMAX];
	struct val v[8];
	struct nr_row w;

	header(&h, "Customer,Current,1 - 30,31 - 60,91 and over,Total");
	CHECK_INT(h.summary, 1);
	nr_init(&s, &h);
	s.dec = DEC_POINT;
	w = row(buf, "A,1.00,,,2.00,3.00", v, 8);
	CHECK_INT(nr_summary(&s, &w, NULL, &o, msg, sizeof(msg)), NR_ROW);
	CHECK_INT(o.sum, 300);
	CHECK_INT(o.first, 1);
	CHECK_INT(o.bv[4], 200);
	w = row(buf, "A,,,,,", v, 8);
	CHECK_INT(nr_summary(&s, &w, NULL, &o, msg, sizeof(msg)), NR_NONE);
	w = row(buf, "A,1.00,,,2.00,4.00", v, 8);
	CHECK_INT(nr_summary(&s, &w, NULL, &o, msg, sizeof(msg)), NR_REJECT);
	CHECK_INT(o.checked, 1);
	w = row(buf, "A,1.00,x,,2.00,3.00", v, 8);
	CHECK_INT(nr_summary(&s, &w, NULL, &o, msg, sizeof(msg)), NR_REJECT);
	CHECK_STR(msg, "column '1 - 30': not an amount \"x\"");
	w = row(buf, ",1.00,,,,1.00", v, 8);
	CHECK_INT(nr_summary(&s, &w, NULL, &o, msg, sizeof(msg)), NR_REJECT);
	CHECK_STR(msg, "column 'Customer' (customer) is empty, but the row has "
	    "amounts");
	CHECK_INT(nr_summary(&s, &w, "B", &o, msg, sizeof(msg)), NR_ROW);
	nr_free(&s);
	lay_free_header(&h);
}

static void
test_survey(void)
{
	struct lay_head h;
	struct nr_state s;
	struct nr_survey sv;
	char buf[256];
	struct val v[8];
	struct nr_row w;

	header(&h, "Customer,Invoice,Due Date,Amount");
	nr_init(&s, &h);
	memset(&sv, 0, sizeof(sv));
	nr_survey_plan(&sv, &h);
	CHECK_INT(sv.ncols, 2);
	CHECK_INT(sv.kind[2], NR_SK_DATE);
	CHECK_INT(sv.kind[3], NR_SK_MONEY);
	w = row(buf, "A,I-1,25/12/2026,\"1.234,50\"", v, 8);
	v[3].p = "1.234,50";
	v[3].n = 8;
	nr_survey_row(&sv, &s, &h, &w, 2);
	CHECK_INT(sv.ev.e[LE_DMY].line, 2);
	CHECK_INT(sv.ev.e[LE_COMMA].line, 2);
	CHECK_INT(sv.odd_rows, 0);
	w = row(buf, "Total,,,5.00", v, 8);
	nr_survey_row(&sv, &s, &h, &w, 3);
	CHECK_INT(sv.odd_rows, 1);
	free(sv.cols);
	free(sv.kind);
	free(sv.used);
	nr_free(&s);
	lay_free_header(&h);
}

static void
test_plan(void)
{
	struct lay_head h;
	struct nr_plan p;
	unsigned char used[8] = { 0 };

	/* a kept column never takes a name already out; an unnamed, unused
	 * column is left out */
	header(&h, "Customer,Invoice,Amount,Note,,currency_2");
	nr_plan_output(&p, &h, used, 1, 0, 0);
	CHECK_INT(p.field[F_CUSTOMER], 0);
	CHECK_INT(p.field[F_INVOICE], 1);
	CHECK_INT(p.field[F_AMOUNT], 2);
	CHECK_INT(p.field[F_CURRENCY], 3);
	CHECK_INT(p.field[F_DUE_DATE], -1);
	CHECK_INT(p.bucket, -1);
	CHECK_INT(p.nout, 6);
	CHECK_INT(p.nextra, 2);
	CHECK_STR(p.ocols[4].name, "Note");
	CHECK_STR(p.ocols[5].name, "currency_2");
	CHECK_INT(h.cols[4].drop, 1);
	free(p.ocols);
	free(p.extra);
	free(p.outname);
	lay_free_header(&h);
	/* with ageing; the unnamed column used */
	header(&h, "Customer,Invoice,Amount,,Current,1-30");
	used[3] = 1;
	nr_plan_output(&p, &h, used, 0, 1, 0);
	CHECK_INT(p.field[F_CURRENCY], -1);
	CHECK_INT(p.bucket, 3);
	CHECK_INT(p.days, 4);
	CHECK_STR(p.ocols[5].name, "col_4");
	CHECK_STR(p.outname[3], "col_4");
	free((void *)p.outname[3]);
	free(p.ocols);
	free(p.extra);
	free(p.outname);
	lay_free_header(&h);
}

int
main(void)
{
	test_rows();
	test_cells();
	test_document();
	test_summary();
	test_survey();
	test_plan();
	return unit_done("test-normrow");
}
