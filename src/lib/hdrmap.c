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
	{ "hold_until", K_DATE }, { "fiscal_year", K_ID },
	/* helpers */
	{ "open", K_MONEY }, { "settled_date", K_DATE }, { "terms_days", K_DAYS },
	{ "dc", K_DC }, { "credit_amount", K_MONEY }, { "credited", K_MONEY },
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
	/* fiscal_year: SAP (GJAHR), Kingdee and Yonyou number afresh each year */
	{ F_FISCAL_YEAR, 10, "fiscal_year" }, { F_FISCAL_YEAR, 10, "fiscal year" },
	{ F_FISCAL_YEAR, 10, "geschäftsjahr" }, { F_FISCAL_YEAR, 10, "gjahr" },
	{ F_FISCAL_YEAR, 10, "boekjaar" }, { F_FISCAL_YEAR, 10, "exercice" },
	{ F_FISCAL_YEAR, 10, "会计年度" }, { F_FISCAL_YEAR, 10, "會計年度" },
	/* more names of the layouts of SPEC 2.1 */
	{ F_CUSTOMER, 16, "customer: job" }, { F_CUSTOMER, 16, "a/c" },
	{ F_CUSTOMER, 17, "account name" }, { F_INVOICE, 12, "document no" },
	{ F_INVOICE, 13, "entry" }, { F_INVOICE, 13, "transaction number" },
	{ F_DOC_TYPE, 12, "payment type" }, { F_AMOUNT_LC, 10, "amount (lcy)" },
	{ F_AMOUNT_LC, 10, "local amount (lcy)" }, { F_CURRENCY, 13, "local currency" },
	{ F_CURRENCY, 13, "lcurr" }, { F_CURRENCY, 13, "hauswährung" },
	{ F_OPEN, 11, "remaining amount" }, { F_OPEN, 11, "remaining amt" },
	{ F_OPEN, 11, "open balance" }, { F_OPEN, 12, "amount remaining" },
	{ F_OPEN, 12, "balance due" },
	{ F_CREDITED, 10, "credit note" }, { F_CREDITED, 10, "credited" },
	{ F_CREDITED, 11, "amount credited" },
	/* money in a report that is no receivable: known, kept as it is */
	{ HDR_KEEP, 10, "credit limit" }, { HDR_KEEP, 10, "turnover" },
	{ HDR_KEEP, 10, "信用额度" }, { HDR_KEEP, 10, "age (days)" },
	{ HDR_KEEP, 10, "days overdue" }, { HDR_KEEP, 10, "arrears after net due date" },
	{ HDR_KEEP, 10, "past due" }, { HDR_KEEP, 10, "逾期天数" },
	{ HDR_KEEP, 10, "future payment amount" }, { HDR_KEEP, 10, "remaining balance" },
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
	{ F_CURRENCY, 5, "document currency" }, { F_CURRENCY, 6, "local currency" },
	{ F_CURRENCY, 6, "lcurr" }, { F_FISCAL_YEAR, 5, "fiscal year" },
	{ F_DUE_DATE, 5, "net due date" }, { HDR_KEEP, 5, "arrears after net due date" },
};
static const struct syn erpnext[] = {
	{ F_CUSTOMER, 5, "party" }, { F_INVOICE, 5, "voucher no" },
	{ F_DOC_TYPE, 5, "voucher type" }, { F_INVOICE_DATE, 5, "posting date" },
	{ F_OPEN, 5, "outstanding amount" }, { F_CREDITED, 5, "credit note" },
	{ HDR_KEEP, 5, "invoice grand total" },
};
/* ERPNext's Payment Entry list: the payment's own number and amount */
static const struct syn erpnext_payment[] = {
	{ F_INVOICE, 5, "id" }, { F_INVOICE, 5, "name" }, { F_INVOICE, 6, "series" },
	{ F_CUSTOMER, 5, "party" }, { F_CUSTOMER, 6, "party name" },
	{ F_DOC_TYPE, 5, "payment type" }, { F_INVOICE_DATE, 5, "posting date" },
	{ F_AMOUNT, 5, "paid amount" }, { F_AMOUNT, 6, "received amount" },
	{ F_CURRENCY, 5, "paid from account currency" },
	{ HDR_KEEP, 5, "unallocated amount" }, { HDR_KEEP, 5, "total allocated amount" },
	{ HDR_KEEP, 5, "base paid amount" }, { HDR_KEEP, 5, "base received amount" },
};
static const struct syn odoo[] = {
	/* the Aged Receivable's first column has no name: the line's name
	 * (a partner, an account, or an invoice number) */
	{ F_INVOICE, 5, "" }, { F_INVOICE, 5, "entry" }, { F_CUSTOMER, 5, "partner" },
	{ F_INVOICE_DATE, 5, "invoice date" }, { F_DUE_DATE, 5, "due date" },
	{ HDR_KEEP, 5, "amount currency" }, { HDR_KEEP, 5, "account" },
	{ F_OPEN, 5, "residual" }, { HDR_KEEP, 5, "ref - label" },
};
static const struct syn quickbooks[] = {
	/* the A/R Aging Summary names no column of its customers */
	{ F_CUSTOMER, 8, "" }, { F_INVOICE, 5, "num" }, { F_INVOICE, 5, "no." }, { F_INVOICE_DATE, 5, "date" },
	{ F_CUSTOMER, 5, "customer" }, { F_OPEN, 5, "open balance" },
	{ HDR_KEEP, 5, "past due" },
};
static const struct syn xero[] = {
	{ F_CUSTOMER, 5, "contact" }, { F_INVOICE, 5, "invoice number" },
	{ HDR_KEEP, 5, "invoice reference" }, { F_INVOICE_DATE, 5, "invoice date" },
};
static const struct syn netsuite[] = {
	{ F_CUSTOMER, 5, "customer" }, { F_CUSTOMER, 5, "name" },
	{ F_INVOICE, 5, "document number" }, { F_DOC_TYPE, 5, "type" },
	{ F_OPEN, 5, "open balance" }, { F_OPEN, 5, "amount remaining" },
};
static const struct syn business_central[] = {
	{ F_CUSTOMER, 5, "customer no." }, { F_INVOICE, 5, "document no." },
	{ F_AMOUNT, 5, "original amount" }, { HDR_KEEP, 5, "amount" },
	{ F_OPEN, 5, "remaining amount" }, { F_CURRENCY, 5, "currency code" },
	{ F_INVOICE_DATE, 5, "document date" }, { HDR_KEEP, 5, "open" },
	{ HDR_KEEP, 5, "amount (lcy)" }, { HDR_KEEP, 5, "remaining amt. (lcy)" },
	{ HDR_KEEP, 5, "original amt. (lcy)" }, { HDR_KEEP, 5, "external document no." },
	{ HDR_KEEP, 5, "customer name" }, { HDR_KEEP, 5, "entry no." },
};
static const struct syn sage[] = {
	{ F_CUSTOMER, 5, "a/c" }, { HDR_KEEP, 5, "name" }, { F_OPEN, 5, "balance" },
	{ HDR_KEEP, 5, "credit limit" }, { HDR_KEEP, 5, "turnover" },
	{ F_INVOICE, 5, "ref" }, { F_INVOICE, 6, "no" }, { F_DOC_TYPE, 5, "type" },
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
	PT("erpnext", erpnext), PT("erpnext-payment", erpnext_payment),
	PT("odoo", odoo), PT("quickbooks", quickbooks), PT("xero", xero),
	PT("netsuite", netsuite), PT("business-central", business_central),
	PT("sage", sage),
};

/* The layouts of SPEC 2.1 and examples/erp/README.md (the sources). */
const struct profile profiles[] = {
	{ "sap-fbl5n", "SAP FBL5N customer line items (ALV export or the "
	    "unconverted | text), German or English headers: DD.MM.YYYY, "
	    "1.234,56- when the user profile says so, S/H debit/credit",
	    ORD_DMY, 0, "WINDOWS-1252", 0,
	    "Account|Konto, Document Number|Belegnummer, Document Type|Belegart, "
	    "Document Date|Belegdatum, Net due date|Nettofälligkeit, Amount in "
	    "local currency|Betrag in Hauswährung, Local Currency|Währung, "
	    "Debit/Credit ind|Soll/Haben-Kennz., Clearing date|Ausgleichsdatum, "
	    "Fiscal Year|Geschäftsjahr" },
	{ "kingdee", "Kingdee (金蝶) 应收款明细表 and 到期债权表: GB18030, title and "
	    "小计/合计 rows", ORD_MDY, DEC_POINT, "GB18030", 0,
	    "单据日期, 单据编号, 客户名称|往来单位, 币别, 单据金额, 已收金额, 未收金额, "
	    "到期日" },
	{ "yonyou", "Yonyou (用友) U8 and T+ 往来明细: 借方/贷方 columns, 合计 rows",
	    ORD_MDY, DEC_POINT, "GB18030", 0,
	    "对账对象名称, 币种, 业务日期, 业务单号, 业务员, 借方-发生-金额, "
	    "借方-已结-金额, 借方-未结-金额, 贷方-发生-金额" },
	{ "erpnext", "ERPNext Accounts Receivable report: dd-mm-yyyy, "
	    "Outstanding Amount, ageing columns", ORD_DMY, DEC_POINT, NULL, 0,
	    "Posting Date, Party, Voucher Type, Voucher No, Due Date, Invoiced "
	    "Amount, Paid Amount, Credit Note, Outstanding Amount, Age (Days), "
	    "0-30, 31-60, 61-90, 91-120, 121-Above, Currency" },
	{ "erpnext-payment", "ERPNext Payment Entry list: one row per receipt "
	    "(Payment Type Receive)", ORD_DMY, DEC_POINT, NULL, 0,
	    "ID, Payment Type, Posting Date, Party Type, Party, Mode of Payment, "
	    "Paid Amount, Currency, Reference No" },
	{ "odoo", "Odoo Aged Receivable (Aged Partner Balance): partner rows "
	    "above their invoices, account lines, At Date and day buckets",
	    ORD_MDY, DEC_POINT, NULL, 0,
	    "(no name: partner, account or invoice), Invoice Date, Due Date, "
	    "Amount Currency, Currency, Account, At Date, 1-30, 31-60, 61-90, "
	    "91-120, Older, Total" },
	{ "quickbooks", "QuickBooks A/R Aging Summary and Detail: MM/DD/YYYY, "
	    "sections and Total for rows, Open Balance", ORD_MDY, DEC_POINT, NULL,
	    0, "Summary: Customer, Current, 1 - 30, 31 - 60, 61 - 90, 91 and over, "
	    "Total; Detail: Date, Transaction Type, Num, Customer, Due Date, "
	    "Amount, Open Balance" },
	{ "xero", "Xero Aged Receivables Summary and Detail: month buckets, "
	    "contacts as section rows in the detail, As at date", ORD_DMY,
	    DEC_POINT, NULL, 0,
	    "Summary: Contact, Current, < 1 Month, 1 Month, 2 Months, 3 Months, "
	    "Older, Total; Detail: Invoice Date, Invoice Number, Invoice "
	    "Reference, Due Date, the same buckets, Total" },
	{ "netsuite", "NetSuite A/R Aging: currency names (US Dollar) as ISO "
	    "codes", ORD_MDY, DEC_POINT, NULL, 0,
	    "Customer, Currency, Current, 1 - 30, 31 - 60, 61 - 90, Over 90, "
	    "Total" },
	{ "business-central", "Microsoft Dynamics 365 Business Central Customer "
	    "Ledger Entries: a blank Currency Code is the local currency "
	    "(--currency)", ORD_MDY, DEC_POINT, NULL, 0,
	    "Posting Date, Document Date, Document Type, Document No., Customer "
	    "No., Customer Name, Description, Currency Code, Original Amount, "
	    "Amount, Remaining Amount, Due Date, Open" },
	{ "sage", "Sage 50 Aged Debtors: Future, Current, Period 1..3, Older "
	    "(30-day periods), dd/mm/yyyy", ORD_DMY, DEC_POINT, "WINDOWS-1252", 0,
	    "A/C, Name, Credit Limit, Turnover, Balance, Future, Current, "
	    "Period 1, Period 2, Period 3, Older" },
	{ NULL, NULL, 0, 0, NULL, 0, NULL }
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
lookup(const struct syn *t, size_t n, const char *h, int *prio, int *found)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(t[i].name, h) == 0) {
			*prio = t[i].prio;
			*found = 1;
			return t[i].field;
		}
	return -1;
}

int
hdr_field(const struct profile *p, const char *h, int *prio)
{
	const struct ptable *pt = ptable_of(p);
	int f = -1, found = 0;

	if (pt != NULL)
		f = lookup(pt->syn, pt->n, h, prio, &found);
	if (!found && *h)
		f = lookup(generic, sizeof(generic) / sizeof(generic[0]), h, prio,
		    &found);
	return f;
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
		printf("%s,_columns,\"%s\"\n", p->name, p->columns);
		for (int f = 0; pt && f < NFIELDS; f++) {
			int first = 1;
			for (size_t i = 0; i < pt->n; i++) {
				if (pt->syn[i].field != f || !*pt->syn[i].name)
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
