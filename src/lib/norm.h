/* norm.h - reading the values of real ERP exports (SPEC 2): dates in many
 * forms, amounts with thousands separators, decimal commas, symbols and
 * three kinds of minus, currency names, document types, flags, terms, and
 * the labels of subtotal rows. Pure functions on byte strings (UTF-8), no
 * locale, no allocation; used by ar-norm and fuzzed on their own. */
#ifndef NORM_H
#define NORM_H

#include <stddef.h>
#include <stdint.h>

#include "ledger.h"

enum norm_err {
	NORM_OK = 0,
	NORM_EMPTY,		/* blank (after trimming) */
	NORM_BAD,		/* not a date / not a number */
	NORM_DECIMALS,		/* more non-zero decimals than the currency has */
	NORM_RANGE		/* too large, or a date outside 0001..9999 */
};
const char *norm_strerror(enum norm_err e);

/* ---- dates ---- */

/* Day-month orders a date's text allows (bit set). */
enum { ORD_DMY = 1, ORD_MDY = 2 };

struct norm_date_opts {
	int order;		/* 0: decide by the text or by the separator
				 * default below; ORD_DMY or ORD_MDY: forced */
	const char *format;	/* strptime(3) format tried first, or NULL */
	int serial;		/* accept Excel serial day numbers */
};

/* A date in any of these forms (surrounding spaces ignored):
 *   YYYY-MM-DD, YYYY-M-D, YYYY/M/D, YYYY.M.D, YYYYMMDD, YYYYMMDD.0 (a float),
 *   YYYY年M月D日 (spaces allowed between parts),
 *   D.M.YYYY (SAP), D-M-YYYY, D/M/YYYY and M/D/YYYY (see ORDERS),
 *   YYYY-MM-DD HH:MM[:SS[.fff]] and YYYY-MM-DDTHH:MM:SS[.fff][Z|+hh:mm]
 *     (the time is dropped: the date is the civil date written),
 *   English month names: 30 November 2026, 30 Nov 2026, 30-Nov-2026,
 *     Nov 30, 2026, November 30 2026 (any case; Sept accepted),
 *   Excel serial numbers when O->serial: an integer (or with a fraction,
 *     dropped) from 1 to 2958465, day 1 = 1900-01-01, day 60 the phantom
 *     1900-02-29 (rejected), so 45991 = 2025-11-30.
 * Years have four digits (two-digit years are NORM_BAD).
 * For D?M?YYYY forms, *ORDERS gets the orders that give a valid date
 * (3/4/2026: both; 13/4/2026: ORD_DMY only); other forms set it to 0.
 * The value then follows O->order when set, else the only order that fits,
 * else ORD_MDY for '/' and ORD_DMY for '.' and '-'. */
enum norm_err norm_date(const char *s, size_t n, const struct norm_date_opts *o,
    int32_t *out, unsigned *orders);

/* ---- amounts ---- */

/* Decimal separator modes (bit set, like the orders above). */
enum { DEC_POINT = 1, DEC_COMMA = 2 };

/* An amount in minor units of a currency with DEC decimals:
 *   digits with thousands separators (',' '.' ' ' U+00A0 U+202F '\''),
 *   the decimal separator by MODE: DEC_POINT, DEC_COMMA, or 0 = by the text:
 *     both ',' and '.' present: the last one is the decimal separator;
 *     one kind, used once, followed by 1, 2 or 4+ digits: it is decimal;
 *     one kind used several times (1,234,567): thousands;
 *     one kind once followed by exactly 3 digits (1,234): ambiguous, read
 *       with DEC_POINT semantics for ',' (thousands) and '.' (decimal);
 *   *MODES gets the modes the text allows (3 when ambiguous or when it has
 *     no separator at all);
 *   signs: leading '-' or '+', U+2212, a trailing '-' (SAP: 1.234,56-),
 *     parentheses (1,234.56), a trailing "CR" (negative) or "DR";
 *     a lone '-', '--' or U+2014 means zero;
 *   a currency symbol or code before or after, with or without a space:
 *     ¥ ￥ $ € £ ₩ US$ HK$ NT$ A$ C$ S$ RMB CNY USD EUR ... (any three capital
 *     letters); CUR (4 bytes) gets the ISO code when one was written or a
 *     symbol implies one ("" otherwise; '$' alone implies nothing);
 *   full-width digits and punctuation (０-９ ， ． －) read as ASCII.
 * NORM_DECIMALS when more non-zero decimals than DEC; NORM_RANGE past
 * MONEY_MAX. */
enum norm_err norm_amount(const char *s, size_t n, unsigned mode, int dec,
    int64_t *out, unsigned *modes, char cur[4]);

/* ---- names, flags, codes ---- */

/* ISO 4217 code for a currency name, symbol or code: 人民币 RMB 元 ¥ ￥ CNY
 * → CNY; 美元 US$ USD → USD; 欧元 € → EUR; 港币 港元 HK$ → HKD; 日元 円 → JPY;
 * 英镑 £ → GBP; 新台币 NT$ → TWD; 澳元 A$ → AUD; 加元 C$ → CAD; 韩元 ₩ → KRW;
 * 新加坡元 S$ → SGD; 瑞士法郎 → CHF; 卢布 → RUB; 泰铢 → THB; and any
 * three ASCII letters, upper-cased. 0 and CODE (4 bytes, NUL-ended), or -1. */
int norm_currency(const char *s, size_t n, char code[4]);

/* Document types of the exports: Invoice, Sales Invoice, INV, SAP DR/RV,
 * 销售发票 发票 应收单 其他应收单 → invoice; Credit Memo, Credit Note, Return,
 * DG, 红字发票 红冲 退货 贷项通知单 → credit_note; Payment, Receive Payment,
 * Receipt, DZ, 收款单 收款 回款 → payment; Journal Entry, Journal, SA, AB,
 * 调整 调整单 → adjustment; and the canonical names. -1 if unknown. */
int norm_doc_type(const char *s, size_t n, enum doc_type *out);

/* Flags: yes/no, y/n, true/false, 1/0, 是/否, 有/无, SAP's X for yes (any
 * case). -1 if not a flag. */
int norm_bool(const char *s, size_t n, int *out);

/* Debit/credit indicators: S H (Soll/Haben), D C, Dr Cr, Debit Credit,
 * 借 贷, 借方 贷方 → *sign +1 (debit: the customer owes more) or -1. */
int norm_dc(const char *s, size_t n, int *sign);

/* Payment terms in days: "30", "Net 30", "N30", "NT30", "net30", "30 days",
 * "30 Tage", "30天", "月结30天", "账期30天". -1 if there is no number. */
int norm_terms(const char *s, size_t n, int *days);

/* An identifier as text: spaces trimmed, Excel's ="0001" unwrapped, and a
 * spreadsheet's float artefact 1930438491.0 turned back into 1930438491
 * (digits, then ".0" or ".00"). Leading zeros always kept. Returns the
 * length of the cleaned text, which is *OUT (a pointer into S, or into BUF
 * of at least N bytes when the text had to change). */
size_t norm_id(const char *s, size_t n, char *buf, const char **out);

/* Is this cell the label of a subtotal, total or section-total row?
 * 合计 小计 总计 总合计 本页合计 本期合计 累计 (and 合計 小計 總計), Total, TOTAL,
 * Subtotal, Sub-total, Grand Total, "Total for ..." (any text after),
 * "Total <anything>", Percentage of total, Summe, Gesamt, Gesamtsumme,
 * Totaal, Total général, Totaux. Case-insensitive, spaces trimmed. */
int norm_is_total(const char *s, size_t n);

/* A header cell made comparable: spaces (also U+00A0, U+3000) trimmed and
 * runs of them made one ' ', ASCII lower-cased, full-width ASCII forms
 * (U+FF01..U+FF5E) made ASCII, a UTF-8 byte order mark dropped, a trailing
 * ':' or '：' or '*' dropped, and surrounding quotes dropped. Writes at most
 * CAP-1 bytes and a NUL to OUT; returns the length. */
size_t norm_header(const char *s, size_t n, char *out, size_t cap);

/* Trim spaces (ASCII, U+00A0, U+3000) at both ends. */
void norm_trim(const char **s, size_t *n);

#endif
