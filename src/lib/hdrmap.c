/* hdrmap.c - the column names of real exports (corpus/erp-layouts.md), as
 * data. Names are compared after norm_header(): lower case, single spaces. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hdrmap.h"
#include "norm.h"

const struct nfielddef nfields[NFIELDS] = {
	{ "customer", K_ID }, { "invoice", K_ID }, { "doc_type", K_ENUM },
	{ "ref", K_ID }, { "invoice_date", K_DATE }, { "due_date", K_DATE },
	{ "amount", K_MONEY }, { "paid", K_MONEY }, { "paid_date", K_DATE },
	{ "currency", K_ENUM }, { "amount_lc", K_MONEY }, { "rate", K_RATE },
	{ "company", K_ID }, { "contract", K_ID }, { "stage", K_TEXT },
	{ "salesperson", K_TEXT }, { "grade", K_TEXT }, { "disputed", K_BOOL },
	{ "excuse", K_TEXT }, { "power", K_TEXT }, { "promise_date", K_DATE },
	{ "promise_amount", K_MONEY }, { "last_contact", K_DATE },
	{ "hold_until", K_DATE },
	/* helpers */
	{ "open", K_MONEY }, { "settled_date", K_DATE }, { "terms_days", K_DAYS },
	{ "dc", K_DC }, { "credit_amount", K_MONEY },
};

int
nfield_by_name(const char *name)
{
	for (int f = 0; f < NFIELDS; f++)
		if (strcmp(nfields[f].name, name) == 0)
			return f;
	return -1;
}

struct syn {
	int field;
	int prio;		/* lower wins when several columns fit */
	const char *name;	/* as norm_header() writes it */
};

/* Names every export may use: English, 简体 and 繁體 Chinese, and SAP's
 * German, Dutch and French column titles. */
static const struct syn generic[] = {
	/* customer: ids before names */
	{ F_CUSTOMER, 10, "customer" }, { F_CUSTOMER, 10, "customer id" },
	{ F_CUSTOMER, 10, "customerid" }, { F_CUSTOMER, 10, "customer no" },
	{ F_CUSTOMER, 10, "customer number" }, { F_CUSTOMER, 10, "cust_number" },
	{ F_CUSTOMER, 10, "customer code" }, { F_CUSTOMER, 12, "customer account" },
	{ F_CUSTOMER, 15, "customer name" }, { F_CUSTOMER, 15, "name_customer" },
	{ F_CUSTOMER, 15, "customer full name" }, { F_CUSTOMER, 16, "party" },
	{ F_CUSTOMER, 17, "client" }, { F_CUSTOMER, 17, "contact" },
	{ F_CUSTOMER, 17, "debtor" }, { F_CUSTOMER, 17, "partner" },
	{ F_CUSTOMER, 18, "kunde" }, { F_CUSTOMER, 18, "debitor" },
	{ F_CUSTOMER, 18, "klant" }, { F_CUSTOMER, 20, "account" },
	{ F_CUSTOMER, 20, "konto" }, { F_CUSTOMER, 20, "rekening" },
	{ F_CUSTOMER, 20, "compte" },
	{ F_CUSTOMER, 10, "客户编号" }, { F_CUSTOMER, 10, "客户编码" },
	{ F_CUSTOMER, 10, "客户代码" }, { F_CUSTOMER, 10, "客商编号" },
	{ F_CUSTOMER, 10, "对账对象编码" }, { F_CUSTOMER, 12, "客户" },
	{ F_CUSTOMER, 15, "客户名称" }, { F_CUSTOMER, 15, "往来单位" },
	{ F_CUSTOMER, 15, "往来单位名称" }, { F_CUSTOMER, 15, "对账对象名称" },
	{ F_CUSTOMER, 15, "客商名称" }, { F_CUSTOMER, 16, "购货单位" },
	{ F_CUSTOMER, 16, "结算单位" }, { F_CUSTOMER, 17, "单位名称" },
	{ F_CUSTOMER, 10, "客戶編號" }, { F_CUSTOMER, 12, "客戶" },
	{ F_CUSTOMER, 15, "客戶名稱" }, { F_CUSTOMER, 15, "往來單位" },
	/* invoice */
	{ F_INVOICE, 10, "invoice" }, { F_INVOICE, 10, "invoice number" },
	{ F_INVOICE, 10, "invoice no" }, { F_INVOICE, 10, "invoice no." },
	{ F_INVOICE, 10, "invoice #" }, { F_INVOICE, 10, "invoicenumber" },
	{ F_INVOICE, 10, "invoice_id" }, { F_INVOICE, 12, "document number" },
	{ F_INVOICE, 12, "document no" }, { F_INVOICE, 12, "document no." },
	{ F_INVOICE, 12, "doc no" }, { F_INVOICE, 12, "voucher no" },
	{ F_INVOICE, 13, "doc_id" }, { F_INVOICE, 14, "num" },
	{ F_INVOICE, 14, "no." }, { F_INVOICE, 15, "number" },
	{ F_INVOICE, 12, "belegnummer" }, { F_INVOICE, 12, "belegnr" },
	{ F_INVOICE, 12, "documentnummer" }, { F_INVOICE, 12, "numéro de document" },
	{ F_INVOICE, 12, "n° de document" },
	{ F_INVOICE, 10, "单据号" }, { F_INVOICE, 10, "单据编号" },
	{ F_INVOICE, 10, "发票号" }, { F_INVOICE, 10, "发票号码" },
	{ F_INVOICE, 11, "单号" }, { F_INVOICE, 11, "业务单号" },
	{ F_INVOICE, 11, "应收付单据号" }, { F_INVOICE, 12, "单据编码" },
	{ F_INVOICE, 13, "凭证号" }, { F_INVOICE, 14, "凭证字号" },
	{ F_INVOICE, 10, "單據編號" }, { F_INVOICE, 10, "發票號碼" },
	/* doc_type */
	{ F_DOC_TYPE, 10, "doc_type" }, { F_DOC_TYPE, 10, "transaction type" },
	{ F_DOC_TYPE, 10, "document type" }, { F_DOC_TYPE, 10, "doc type" },
	{ F_DOC_TYPE, 12, "voucher type" }, { F_DOC_TYPE, 15, "type" },
	{ F_DOC_TYPE, 10, "belegart" }, { F_DOC_TYPE, 10, "documentsoort" },
	{ F_DOC_TYPE, 10, "type de pièce" }, { F_DOC_TYPE, 10, "单据类型" },
	{ F_DOC_TYPE, 12, "业务类型" }, { F_DOC_TYPE, 10, "單據類型" },
	/* ref */
	{ F_REF, 10, "ref" }, { F_REF, 10, "invoice reference" },
	{ F_REF, 10, "applies to" }, { F_REF, 12, "against" },
	{ F_REF, 10, "reference invoice" }, { F_REF, 10, "核销对象" },
	{ F_REF, 11, "源单号" }, { F_REF, 11, "对应发票" }, { F_REF, 12, "参考单号" },
	/* invoice_date */
	{ F_INVOICE_DATE, 10, "invoice_date" }, { F_INVOICE_DATE, 10, "invoice date" },
	{ F_INVOICE_DATE, 10, "invoicedate" }, { F_INVOICE_DATE, 11, "document date" },
	{ F_INVOICE_DATE, 11, "doc date" }, { F_INVOICE_DATE, 12, "transaction date" },
	{ F_INVOICE_DATE, 13, "posting date" }, { F_INVOICE_DATE, 13, "posting_date" },
	{ F_INVOICE_DATE, 15, "date" }, { F_INVOICE_DATE, 11, "belegdatum" },
	{ F_INVOICE_DATE, 13, "buchungsdatum" }, { F_INVOICE_DATE, 11, "documentdatum" },
	{ F_INVOICE_DATE, 13, "boekingsdatum" }, { F_INVOICE_DATE, 11, "date de pièce" },
	{ F_INVOICE_DATE, 13, "date comptable" },
	{ F_INVOICE_DATE, 10, "单据日期" }, { F_INVOICE_DATE, 11, "开票日期" },
	{ F_INVOICE_DATE, 11, "发票日期" }, { F_INVOICE_DATE, 12, "业务日期" },
	{ F_INVOICE_DATE, 13, "凭证日期" }, { F_INVOICE_DATE, 13, "记账日期" },
	{ F_INVOICE_DATE, 15, "日期" }, { F_INVOICE_DATE, 10, "單據日期" },
	/* due_date */
	{ F_DUE_DATE, 10, "due_date" }, { F_DUE_DATE, 10, "due date" },
	{ F_DUE_DATE, 10, "duedate" }, { F_DUE_DATE, 10, "net due date" },
	{ F_DUE_DATE, 11, "due_in_date" }, { F_DUE_DATE, 12, "payment due" },
	{ F_DUE_DATE, 13, "due" }, { F_DUE_DATE, 10, "nettofälligkeit" },
	{ F_DUE_DATE, 12, "fälligkeit" }, { F_DUE_DATE, 10, "netto vervaldatum" },
	{ F_DUE_DATE, 12, "vervaldatum" }, { F_DUE_DATE, 10, "date d'échéance nette" },
	{ F_DUE_DATE, 12, "échéance" }, { F_DUE_DATE, 10, "到期日" },
	{ F_DUE_DATE, 10, "到期日期" }, { F_DUE_DATE, 11, "收款到期日" },
	{ F_DUE_DATE, 12, "应收日期" }, { F_DUE_DATE, 12, "最后收款日" },
	/* amount */
	{ F_AMOUNT, 10, "amount" }, { F_AMOUNT, 10, "invoice amount" },
	{ F_AMOUNT, 10, "invoiced amount" }, { F_AMOUNT, 10, "invoiceamount" },
	{ F_AMOUNT, 11, "amount in doc. curr." }, { F_AMOUNT, 11, "original amount" },
	{ F_AMOUNT, 12, "invoice total" }, { F_AMOUNT, 13, "grand total" },
	{ F_AMOUNT, 15, "total" }, { F_AMOUNT, 11, "betrag in belegwährung" },
	{ F_AMOUNT, 13, "betrag" }, { F_AMOUNT, 13, "bedrag" },
	{ F_AMOUNT, 13, "montant" },
	{ F_AMOUNT, 10, "金额" }, { F_AMOUNT, 10, "应收金额" },
	{ F_AMOUNT, 10, "单据金额" }, { F_AMOUNT, 10, "价税合计" },
	{ F_AMOUNT, 11, "开票金额" }, { F_AMOUNT, 11, "原币金额" },
	{ F_AMOUNT, 12, "借方金额" }, { F_AMOUNT, 12, "借方-发生-金额" },
	{ F_AMOUNT, 13, "本期应收" }, { F_AMOUNT, 14, "应收" },
	{ F_AMOUNT, 11, "原币应收金额" }, { F_AMOUNT, 10, "金額" },
	{ F_AMOUNT, 10, "應收金額" },
	/* paid */
	{ F_PAID, 10, "paid" }, { F_PAID, 10, "paid amount" },
	{ F_PAID, 10, "amount paid" }, { F_PAID, 12, "received" },
	{ F_PAID, 12, "collected" }, { F_PAID, 10, "已收金额" },
	{ F_PAID, 10, "已核销金额" }, { F_PAID, 11, "收回金额" },
	{ F_PAID, 12, "已收" }, { F_PAID, 12, "收款金额" }, { F_PAID, 12, "已结金额" },
	{ F_PAID, 11, "借方-已结-金额" }, { F_PAID, 11, "已核销原币金额" },
	{ F_PAID, 10, "已收金額" },
	/* paid_date */
	{ F_PAID_DATE, 10, "paid_date" }, { F_PAID_DATE, 10, "paid date" },
	{ F_PAID_DATE, 11, "payment date" }, { F_PAID_DATE, 12, "last payment date" },
	{ F_PAID_DATE, 10, "收款日期" }, { F_PAID_DATE, 11, "回款日期" },
	/* currency */
	{ F_CURRENCY, 10, "currency" }, { F_CURRENCY, 10, "document currency" },
	{ F_CURRENCY, 10, "doc currency" }, { F_CURRENCY, 10, "invoice_currency" },
	{ F_CURRENCY, 11, "currency code" }, { F_CURRENCY, 12, "curr" },
	{ F_CURRENCY, 12, "curr." }, { F_CURRENCY, 11, "belegwährung" },
	{ F_CURRENCY, 12, "währung" }, { F_CURRENCY, 12, "valuta" },
	{ F_CURRENCY, 12, "devise" }, { F_CURRENCY, 10, "币种" },
	{ F_CURRENCY, 10, "币别" }, { F_CURRENCY, 11, "原币别" },
	{ F_CURRENCY, 12, "货币" }, { F_CURRENCY, 10, "幣別" },
	{ F_CURRENCY, 10, "幣種" },
	/* amount_lc, rate */
	{ F_AMOUNT_LC, 10, "amount_lc" }, { F_AMOUNT_LC, 10, "amount in local currency" },
	{ F_AMOUNT_LC, 11, "local amount" }, { F_AMOUNT_LC, 11, "amount (lc)" },
	{ F_AMOUNT_LC, 10, "betrag in hauswährung" },
	{ F_AMOUNT_LC, 10, "bedrag in lokale valuta" },
	{ F_AMOUNT_LC, 10, "montant en devise locale" }, { F_AMOUNT_LC, 10, "本币金额" },
	{ F_AMOUNT_LC, 10, "本位币金额" }, { F_AMOUNT_LC, 11, "借方-发生-本币" },
	{ F_AMOUNT_LC, 11, "价税合计本位币金额" },
	{ F_RATE, 10, "rate" }, { F_RATE, 10, "exchange rate" }, { F_RATE, 11, "fx rate" },
	{ F_RATE, 10, "汇率" }, { F_RATE, 11, "kurs" }, { F_RATE, 11, "wisselkoers" },
	{ F_RATE, 11, "taux de change" },
	/* company, contract, stage, salesperson */
	{ F_COMPANY, 10, "company" }, { F_COMPANY, 10, "company code" },
	{ F_COMPANY, 11, "business_code" }, { F_COMPANY, 11, "buchungskreis" },
	{ F_COMPANY, 11, "société" }, { F_COMPANY, 10, "公司代码" },
	{ F_COMPANY, 11, "公司" }, { F_COMPANY, 11, "账套" },
	{ F_CONTRACT, 10, "contract" }, { F_CONTRACT, 10, "contract no" },
	{ F_CONTRACT, 10, "contract number" }, { F_CONTRACT, 10, "合同号" },
	{ F_CONTRACT, 10, "合同编号" }, { F_CONTRACT, 11, "合同" },
	{ F_STAGE, 10, "stage" }, { F_STAGE, 11, "instalment" },
	{ F_STAGE, 11, "installment" }, { F_STAGE, 10, "款项" },
	{ F_STAGE, 11, "款项类型" }, { F_STAGE, 12, "阶段" },
	{ F_SALESPERSON, 10, "salesperson" }, { F_SALESPERSON, 10, "sales person" },
	{ F_SALESPERSON, 11, "sales rep" }, { F_SALESPERSON, 11, "account owner" },
	{ F_SALESPERSON, 10, "业务员" }, { F_SALESPERSON, 10, "销售员" },
	{ F_SALESPERSON, 11, "业务人员" }, { F_SALESPERSON, 12, "职员" },
	{ F_SALESPERSON, 12, "负责人" }, { F_SALESPERSON, 10, "業務員" },
	/* the rest of the canonical ledger, by its own names */
	{ F_GRADE, 10, "grade" }, { F_GRADE, 10, "信用评级" },
	{ F_DISPUTED, 10, "disputed" }, { F_DISPUTED, 11, "in dispute" },
	{ F_DISPUTED, 11, "dispute" }, { F_DISPUTED, 10, "有争议" },
	{ F_DISPUTED, 11, "争议" },
	{ F_EXCUSE, 10, "excuse" }, { F_EXCUSE, 10, "理由" },
	{ F_POWER, 10, "power" },
	{ F_PROMISE_DATE, 10, "promise_date" }, { F_PROMISE_DATE, 10, "承诺付款日期" },
	{ F_PROMISE_AMOUNT, 10, "promise_amount" }, { F_PROMISE_AMOUNT, 10, "承诺付款金额" },
	{ F_LAST_CONTACT, 10, "last_contact" }, { F_LAST_CONTACT, 10, "最近联系" },
	{ F_HOLD_UNTIL, 10, "hold_until" }, { F_HOLD_UNTIL, 10, "暂缓至" },
	/* helpers */
	{ F_OPEN, 10, "open" }, { F_OPEN, 10, "open balance" },
	{ F_OPEN, 10, "outstanding" }, { F_OPEN, 10, "outstanding amount" },
	{ F_OPEN, 11, "balance due" }, { F_OPEN, 11, "amount due" },
	{ F_OPEN, 11, "open amount" }, { F_OPEN, 11, "total_open_amount" },
	{ F_OPEN, 12, "residual" }, { F_OPEN, 12, "remaining" },
	{ F_OPEN, 13, "balance" },
	{ F_OPEN, 10, "未收金额" }, { F_OPEN, 10, "余额" }, { F_OPEN, 10, "未核销金额" },
	{ F_OPEN, 10, "未核销余额" }, { F_OPEN, 11, "期末余额" },
	{ F_OPEN, 11, "借方-未结-金额" }, { F_OPEN, 11, "未结金额" },
	{ F_OPEN, 11, "未核销原币金额" }, { F_OPEN, 12, "应收余额" },
	{ F_OPEN, 12, "未收款" }, { F_OPEN, 12, "欠款" }, { F_OPEN, 10, "未收金額" },
	{ F_OPEN, 10, "餘額" },
	{ F_SETTLED, 10, "settled_date" }, { F_SETTLED, 10, "settleddate" },
	{ F_SETTLED, 10, "settled date" }, { F_SETTLED, 10, "clearing date" },
	{ F_SETTLED, 10, "clear_date" }, { F_SETTLED, 10, "ausgleichsdatum" },
	{ F_SETTLED, 10, "vereffeningsdatum" }, { F_SETTLED, 10, "date de compensation" },
	{ F_SETTLED, 10, "核销日期" }, { F_SETTLED, 10, "结清日期" },
	{ F_TERMS, 10, "terms_days" }, { F_TERMS, 11, "terms" },
	{ F_TERMS, 11, "terms days" }, { F_TERMS, 11, "payment terms (days)" },
	{ F_TERMS, 12, "credit days" }, { F_TERMS, 12, "net days" },
	{ F_TERMS, 10, "账期" }, { F_TERMS, 10, "账期天数" }, { F_TERMS, 11, "信用期" },
	{ F_TERMS, 11, "付款天数" }, { F_TERMS, 11, "收款期限" },
	{ F_DC, 10, "dc" }, { F_DC, 10, "debit/credit" }, { F_DC, 10, "debit/credit ind" },
	{ F_DC, 10, "debit/credit ind." }, { F_DC, 10, "debit/credit indicator" },
	{ F_DC, 11, "d/c" }, { F_DC, 10, "soll/haben-kennz." }, { F_DC, 10, "soll/haben" },
	{ F_DC, 10, "debet/credit" }, { F_DC, 10, "débit/crédit" },
	{ F_DC, 10, "借贷方向" }, { F_DC, 11, "借贷" }, { F_DC, 12, "方向" },
	{ F_CREDIT, 10, "credit_amount" }, { F_CREDIT, 10, "贷方金额" },
	{ F_CREDIT, 10, "贷方-发生-金额" }, { F_CREDIT, 12, "credit amount" },
};

/* Names a profile reads differently, or adds (checked first). */
static const struct syn sap[] = {
	/* FBL5N: "Account" is the customer, the document number the key,
	 * "Reference" the customer's invoice number, kept as an extra */
	{ F_CUSTOMER, 5, "account" }, { F_CUSTOMER, 5, "konto" },
	{ F_CUSTOMER, 6, "customer" }, { F_INVOICE, 5, "document number" },
	{ F_INVOICE, 5, "belegnummer" }, { F_INVOICE_DATE, 5, "document date" },
	{ F_INVOICE_DATE, 5, "belegdatum" }, { F_AMOUNT, 5, "amount in doc. curr." },
	{ F_CURRENCY, 5, "document currency" },
};
static const struct syn erpnext[] = {
	{ F_CUSTOMER, 5, "party" }, { F_INVOICE, 5, "voucher no" },
	{ F_DOC_TYPE, 5, "voucher type" }, { F_INVOICE_DATE, 5, "posting date" },
};
static const struct syn quickbooks[] = {
	{ F_INVOICE, 5, "num" }, { F_INVOICE, 5, "no." }, { F_INVOICE_DATE, 5, "date" },
	{ F_CUSTOMER, 5, "customer" }, { F_OPEN, 5, "open balance" },
};
static const struct syn xero[] = {
	{ F_CUSTOMER, 5, "contact" },
};
static const struct syn kingdee[] = {
	{ F_CUSTOMER, 5, "客户名称" }, { F_CUSTOMER, 5, "往来单位" },
	{ F_INVOICE, 5, "单据编号" }, { F_INVOICE_DATE, 5, "单据日期" },
	{ F_CURRENCY, 5, "币别" },
};
static const struct syn yonyou[] = {
	{ F_CUSTOMER, 5, "对账对象名称" }, { F_INVOICE, 5, "业务单号" },
	{ F_INVOICE_DATE, 5, "业务日期" }, { F_AMOUNT, 5, "借方-发生-金额" },
	{ F_PAID, 5, "借方-已结-金额" }, { F_OPEN, 5, "借方-未结-金额" },
	{ F_CREDIT, 5, "贷方-发生-金额" }, { F_SALESPERSON, 5, "业务员" },
};

struct ptable {
	const char *name;
	const struct syn *syn;
	size_t n;
};
#define PT(name, t) { name, t, sizeof(t) / sizeof(t[0]) }
static const struct ptable ptables[] = {
	PT("sap-fbl5n", sap), PT("kingdee", kingdee), PT("yonyou", yonyou),
	PT("erpnext", erpnext), PT("quickbooks", quickbooks), PT("xero", xero),
};

const struct profile profiles[] = {
	{ "sap-fbl5n", "SAP FBL5N customer line items (ALV export or the "
	    "unconverted | text): DD.MM.YYYY, 1.234,56- when the user profile "
	    "says so, S/H debit/credit", ORD_DMY, 0, "WINDOWS-1252", 0 },
	{ "kingdee", "Kingdee (金蝶) 应收款明细表 and 到期债权表: GB18030, title and "
	    "合计 rows", ORD_MDY, DEC_POINT, "GB18030", 0 },
	{ "yonyou", "Yonyou (用友) U8 and T+ 往来明细: 借方/贷方 columns, 合计 rows",
	    ORD_MDY, DEC_POINT, "GB18030", 0 },
	{ "erpnext", "ERPNext Accounts Receivable report: dd-mm-yyyy, "
	    "Outstanding Amount", ORD_DMY, DEC_POINT, NULL, 0 },
	{ "quickbooks", "QuickBooks A/R Aging Detail: MM/DD/YYYY, sections and "
	    "Total for rows, Open Balance", ORD_MDY, DEC_POINT, NULL, 0 },
	{ "xero", "Xero Aged Receivables Summary: one row per contact, month "
	    "buckets, As at date", ORD_DMY, DEC_POINT, NULL, 1 },
	{ NULL, NULL, 0, 0, NULL, 0 }
};

const struct profile *
profile_by_name(const char *name)
{
	for (const struct profile *p = profiles; p->name; p++)
		if (strcmp(p->name, name) == 0)
			return p;
	return NULL;
}

static const struct ptable *
ptable_of(const struct profile *p)
{
	for (size_t i = 0; p && i < sizeof(ptables) / sizeof(ptables[0]); i++)
		if (strcmp(ptables[i].name, p->name) == 0)
			return &ptables[i];
	return NULL;
}

static int
lookup(const struct syn *t, size_t n, const char *h, int *prio)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(t[i].name, h) == 0) {
			*prio = t[i].prio;
			return t[i].field;
		}
	return -1;
}

int
hdr_field(const struct profile *p, const char *h, int *prio)
{
	const struct ptable *pt = ptable_of(p);
	int f = -1;

	if (pt != NULL)
		f = lookup(pt->syn, pt->n, h, prio);
	if (f < 0)
		f = lookup(generic, sizeof(generic) / sizeof(generic[0]), h, prio);
	return f;
}

/* ---- ageing summaries ---- */

static const struct {
	const char *name;
	int days;
} named_buckets[] = {
	/* Xero, month periods; days land in ar-age's default buckets */
	{ "current", 0 }, { "< 1 month", 15 }, { "1 month", 45 },
	{ "2 months", 75 }, { "3 months", 105 }, { "4 months", 135 },
	{ "5 months", 165 }, { "6 months", 195 }, { "older", 135 },
	{ "not yet due", 0 }, { "未到期", 0 }, { "今日到期", 0 }, { "due", 0 },
};

int
hdr_bucket(const char *h, int *days)
{
	const char *p = h;
	long lo = -1, hi = -1;
	char *e;

	for (size_t i = 0; i < sizeof(named_buckets) / sizeof(named_buckets[0]); i++)
		if (strcmp(named_buckets[i].name, h) == 0) {
			*days = named_buckets[i].days;
			return 1;
		}
	/* day ranges: "1 - 30", "31-60", "> 90", "91 or more", "121-above",
	 * "age ≤ 30 d.", "0-30" */
	if (strncmp(p, "age ", 4) == 0)
		p += 4;
	if (strncmp(p, "\xe2\x89\xa4", 3) == 0 || strncmp(p, "<=", 2) == 0) {
		p += p[0] == '<' ? 2 : 3;
		while (*p == ' ')
			p++;
		hi = strtol(p, &e, 10);
		if (e == p || (strcmp(e, " d.") != 0 && strcmp(e, "") != 0 &&
		    strcmp(e, " days") != 0))
			return 0;
		*days = (int)(hi > 30 ? hi - 15 : hi / 2 + 1);
		return 1;
	}
	if (*p == '>') {
		p++;
		while (*p == ' ')
			p++;
		lo = strtol(p, &e, 10);
		if (e == p || (*e && strcmp(e, " days") != 0))
			return 0;
		*days = (int)lo + 15;
		return 1;
	}
	if (*p < '0' || *p > '9')
		return 0;
	lo = strtol(p, &e, 10);
	while (*e == ' ')
		e++;
	if (strcmp(e, "or more") == 0 || strcmp(e, "or more days") == 0 ||
	    strcmp(e, "+") == 0 || strcmp(e, "-above") == 0 ||
	    strcmp(e, "- above") == 0 || strcmp(e, "天以上") == 0) {
		*days = (int)lo + 15;
		return 1;
	}
	if (*e != '-')
		return 0;
	p = e + 1;
	while (*p == ' ')
		p++;
	hi = strtol(p, &e, 10);
	if (e == p || hi < lo || (*e && strcmp(e, " days") != 0 &&
	    strcmp(e, "天") != 0 && strcmp(e, " days past due") != 0))
		return 0;
	*days = (int)((lo + hi) / 2);
	return 1;
}

void
profiles_list(void)
{
	printf("profile,field,headers\n");
	for (const struct profile *p = profiles; p->name; p++) {
		const struct ptable *pt = ptable_of(p);
		printf("%s,_about,\"%s\"\n", p->name, p->desc);
		if (p->order)
			printf("%s,_date_order,%s\n", p->name,
			    p->order == ORD_DMY ? "dmy" : "mdy");
		if (p->dec)
			printf("%s,_decimal,%s\n", p->name,
			    p->dec == DEC_COMMA ? "comma" : "point");
		if (p->encoding)
			printf("%s,_encoding_if_not_utf8,%s\n", p->name, p->encoding);
		for (int f = 0; pt && f < NFIELDS; f++) {
			int first = 1;
			for (size_t i = 0; i < pt->n; i++) {
				if (pt->syn[i].field != f)
					continue;
				if (first)
					printf("%s,%s,\"", p->name, nfields[f].name);
				printf("%s%s", first ? "" : "|", pt->syn[i].name);
				first = 0;
			}
			if (!first)
				printf("\"\n");
		}
	}
	printf("all,_see,\"every profile also knows the common names of "
	    "ar-norm(1)\"\n");
}
