#!/bin/sh
# ar-norm on one invented export per ERP layout (examples/erp): the ledger
# fields it writes must be those of tests/ar-norm/expect/NAME.csv, and it
# must count the skipped rows of NAME.skip; then the same without a profile
# where the names alone are enough, a canonical ledger round trip, and the
# IBM sample when ../shared is there.
set -u
: "${BIN:?}" "${ROOT:?}" "${TMP:?}"
CAT=$ROOT/build/unit/rec-cat
E=$ROOT/examples/erp
X=$ROOT/tests/ar-norm/expect
fail=0 n=0
ok() { n=$((n + 1)); }
bad() { n=$((n + 1)); fail=$((fail + 1)); echo "FAIL ar-norm: $*"; }

# NAME FILE ARGS...
check() {
	name=$1 file=$2
	shift 2
	"$BIN/ar-norm" "$@" "$E/$file" > "$TMP/norm.csv" 2> "$TMP/norm.err"
	rc=$?
	[ $rc = 0 ] || { bad "$name: exit $rc: $(head -3 "$TMP/norm.err")"; return; }
	"$CAT" -o csv -f "$(head -1 "$X/$name.csv")" "$TMP/norm.csv" > "$TMP/got.csv"
	if cmp -s "$X/$name.csv" "$TMP/got.csv"; then ok; else
		bad "$name ($*): the ledger differs"
		diff -u "$X/$name.csv" "$TMP/got.csv" | head -20 | sed 's/^/  /'
	fi
	want=$(cat "$X/$name.skip")
	got=$(awk '/skipped .* title/ { printf "title=%d total=%d blank=%d", $3, $5, $9
		if ($12 > 0) printf " section=%d", $12 }' "$TMP/norm.err")
	[ -n "$got" ] || got="title=0 total=0 blank=0"
	[ "$got" = "$want" ] && ok || bad "$name: skipped $got, expected $want"
}

check kingdee-ar-detail kingdee-ar-detail.csv -p kingdee
check kingdee-ar-detail kingdee-ar-detail.csv -E GB18030
check yonyou-wanglai yonyou-wanglai.csv -p yonyou
check sap-fbl5n sap-fbl5n.csv -p sap-fbl5n
check sap-fbl5n sap-fbl5n.csv
check sap-fbl5n-txt sap-fbl5n.txt -p sap-fbl5n
check sap-fbl5n-txt sap-fbl5n.txt
check erpnext-ar erpnext-ar.csv -p erpnext
check erpnext-ar erpnext-ar.csv
check quickbooks-ar-aging-detail quickbooks-ar-aging-detail.csv -p quickbooks
check quickbooks-ar-aging-detail quickbooks-ar-aging-detail.csv
check xero-aged-receivables-summary xero-aged-receivables-summary.csv -p xero
check xero-aged-receivables-summary xero-aged-receivables-summary.csv
check payment-prediction payment-prediction.csv
# the layouts of SPEC 2.1
check sap-fbl5n-en sap-fbl5n-en.csv -p sap-fbl5n
check sap-fbl5n-en sap-fbl5n-en.csv
check quickbooks-ar-aging-summary quickbooks-ar-aging-summary.csv -p quickbooks
check xero-aged-receivables-detail xero-aged-receivables-detail.csv -p xero
check xero-aged-receivables-detail xero-aged-receivables-detail.csv
check odoo-aged-receivable odoo-aged-receivable.csv -p odoo
check netsuite-ar-aging netsuite-ar-aging.csv -p netsuite
check netsuite-ar-aging netsuite-ar-aging.csv
check business-central-customer-ledger-entries business-central-customer-ledger-entries.csv -p business-central --currency USD
check sage-aged-debtors sage-aged-debtors.csv -p sage
check erpnext-payment-entry erpnext-payment-entry.csv -p erpnext-payment
check kingdee-ar-aging kingdee-ar-aging.csv -p kingdee

# every cent arrives (SPEC 2.1): the ledger's sum is the report's own
# total, to the cent. NAME WANT amount|open CURRENCY|- FILE ARGS...
total() {
	name=$1 want=$2 what=$3 cur=$4 file=$5
	shift 5
	"$BIN/ar-norm" "$@" "$E/$file" > "$TMP/t.csv" 2> "$TMP/t.err"
	rc=$?
	[ $rc = 0 ] || { bad "$name total: exit $rc: $(head -3 "$TMP/t.err")"; return; }
	got=$("$CAT" -o csv -f amount,paid,currency "$TMP/t.csv" | awk -F, -v what="$what" -v cur="$cur" '
	function cents(x,   neg, i, d) { neg = x ~ /^-/; sub(/^-/, "", x)
		i = index(x, "."); d = i ? length(x) - i : 0
		if (i) x = substr(x, 1, i - 1) substr(x, i + 1)
		return (neg ? -x : x) / (d ? 10 ^ d : 1) * 100 }
	NR > 1 && (cur == "-" || $3 == cur) {
		s += what == "open" ? cents($1) - cents($2) : cents($1) }
	END { printf "%.2f", s / 100 }')
	[ "$got" = "$want" ] && ok || bad "$name: the ledger's $what sums to $got, the report's total is $want"
}
total kingdee-ar-detail 1481388.75 amount - kingdee-ar-detail.csv -p kingdee -E GB18030
total kingdee-ar-detail 816848.75 open - kingdee-ar-detail.csv -p kingdee -E GB18030
total yonyou-wanglai 200445.60 open CNY yonyou-wanglai.csv -p yonyou
total yonyou-wanglai 24600.00 open USD yonyou-wanglai.csv -p yonyou
total sap-fbl5n 78499.35 amount - sap-fbl5n.csv -p sap-fbl5n
total sap-fbl5n-en 4114000.00 amount JPY sap-fbl5n-en.csv -p sap-fbl5n
total erpnext-ar 596566.25 amount - erpnext-ar.csv -p erpnext
total erpnext-ar 364266.25 open - erpnext-ar.csv -p erpnext
total erpnext-payment-entry 206200.00 amount - erpnext-payment-entry.csv -p erpnext-payment
total quickbooks-ar-aging-detail 32086.15 amount - quickbooks-ar-aging-detail.csv -p quickbooks
total quickbooks-ar-aging-detail 25106.15 open - quickbooks-ar-aging-detail.csv -p quickbooks
total quickbooks-ar-aging-summary 27586.15 amount - quickbooks-ar-aging-summary.csv -p quickbooks
total xero-aged-receivables-summary 30580.70 amount - xero-aged-receivables-summary.csv -p xero
total xero-aged-receivables-detail 25645.70 amount - xero-aged-receivables-detail.csv -p xero
total odoo-aged-receivable 9645.50 amount - odoo-aged-receivable.csv -p odoo
total netsuite-ar-aging 26375.50 amount USD netsuite-ar-aging.csv -p netsuite
total netsuite-ar-aging 13550.40 amount EUR netsuite-ar-aging.csv -p netsuite
total netsuite-ar-aging 5575.25 amount GBP netsuite-ar-aging.csv -p netsuite
total business-central-customer-ledger-entries 5485.75 open USD business-central-customer-ledger-entries.csv -p business-central --currency USD
total business-central-customer-ledger-entries 6650.00 open EUR business-central-customer-ledger-entries.csv -p business-central --currency USD
total sage-aged-debtors 15666.00 amount - sage-aged-debtors.csv -p sage
total kingdee-ar-aging 887398.75 amount - kingdee-ar-aging.csv -p kingdee

# ... and a report whose rows lose a cent says so: one cell changed in
# each layout with totals, exit 1 naming the total's line
tamper() {
	name=$1 from=$2 to=$3 file=$4
	shift 4
	sed "s/$from/$to/" "$E/$file" > "$TMP/$file"
	cmp -s "$E/$file" "$TMP/$file" && { bad "$name tamper: $from is not in $file"; return; }
	"$BIN/ar-norm" "$@" "$TMP/$file" > /dev/null 2> "$TMP/t.err"
	rc=$?
	[ $rc = 1 ] && grep -q "the report's total .* differs from the rows written" "$TMP/t.err" && ok ||
	    bad "$name tamper: exit $rc: $(head -3 "$TMP/t.err")"
}
tamper yonyou-wanglai '"18,250.00","24,600.00"' '"18,250.00","24,600.01"' yonyou-wanglai.csv -p yonyou
tamper kingdee-ar-aging '"73,260.00"' '"73,261.00"' kingdee-ar-aging.csv -p kingdee
tamper quickbooks-ar-aging-summary '"7,600.00",,,,"7,600.00"' '"7,600.00",,,,"7,600.01"' quickbooks-ar-aging-summary.csv -p quickbooks
tamper xero-aged-receivables-detail '960.50,,,,,960.50' '960.40,,,,,960.40' xero-aged-receivables-detail.csv -p xero
tamper odoo-aged-receivable '"4,300.00",,,,"4,300.00"' '"4,200.00",,,,"4,200.00"' odoo-aged-receivable.csv -p odoo
tamper netsuite-ar-aging '"1,050.00",,,,,"1,050.00"' '"1,060.00",,,,,"1,060.00"' netsuite-ar-aging.csv -p netsuite
tamper sage-aged-debtors '"3,640.40",540.00' '"3,640.40",550.00' sage-aged-debtors.csv -p sage
tamper sap-fbl5n-en '2.480.500' '2.480.000' sap-fbl5n-en.csv -p sap-fbl5n
tamper erpnext-payment-entry '10000.00' '10000.01' erpnext-payment-entry.csv -p erpnext-payment
tamper quickbooks-ar-aging-detail '"2,940.00","2,940.00"' '"2,940.00","2,490.00"' quickbooks-ar-aging-detail.csv -p quickbooks

# round trip: a canonical ledger comes out unchanged (the example ledger,
# and a generated one with every shape of amount and date it writes)
for f in "$ROOT/examples/ledger.csv" "$ROOT/tests/ar-norm/canonical.in"; do
	"$BIN/ar-norm" "$f" > "$TMP/rt.csv" 2> "$TMP/rt.err"
	cmp -s "$f" "$TMP/rt.csv" && [ ! -s "$TMP/rt.err" ] && ok || bad "round trip of $f: $(diff "$f" "$TMP/rt.csv" | head -3)"
done
awk 'BEGIN { srand(3); print "customer,invoice,invoice_date,due_date,amount,paid,currency"
	for (i = 1; i <= 3000; i++) {
		c = int(rand() * 3); cur = c == 0 ? "CNY" : c == 1 ? "JPY" : "KWD"
		dec = c == 0 ? 2 : c == 1 ? 0 : 3; a = int(rand() * 10 ^ (rand() * 9)) - 1000
		p = rand() < 0.5 ? 0 : a; f = dec ? "%d.%0" dec "d" : "%d"
		printf "C%04d,%09d,2026-%02d-%02d,2026-12-%02d,%s,%s,%s\n", i % 97, i,
		    1 + i % 12, 1 + i % 28, 1 + i % 31, amt(a, dec), amt(p, dec), cur
	} }
	function amt(v, d,    s, u) { s = v < 0 ? "-" : ""; v = v < 0 ? -v : v; u = 10 ^ d
		return d ? sprintf("%s%d.%0" d "d", s, int(v / u), v % u) : s v }' > "$TMP/gen.csv"
"$BIN/ar-norm" "$TMP/gen.csv" > "$TMP/rt.csv" 2> "$TMP/rt.err"
cmp -s "$TMP/gen.csv" "$TMP/rt.csv" && ok || bad "round trip of a generated ledger: $(diff "$TMP/gen.csv" "$TMP/rt.csv" | head -3)"

# the separator and the day-month order are decided from all rows (SPEC
# 2.1), not from the first thousand: 1200 rows that fit either way, then
# the row that tells. A German SAP export: integer EUR amounts, then
# 150.000 JPY (no decimals: 150000) and 1.500 EUR (1500.00); a row with a
# decimal point after them contradicts it, exit 2 naming both lines.
# ROWS EXTRA...: the generated export on stdout
sap_rows() {
	awk -v extra="$*" 'BEGIN {
		print "Konto;Belegnummer;Belegdatum;Nettof\303\244lligkeit;Betrag in Hausw\303\244hrung;W\303\244hrung"
		for (i = 1; i <= 1200; i++)
			printf "%d;%d;02.09.2026;02.10.2026;%d;EUR\n", 104700 + i % 13, 1800000000 + i, 100 + i % 900
		n = split(extra, e, " ")
		for (i = 1; i <= n; i++) {
			split(e[i], f, "/")
			printf "104799;%d;02.09.2026;02.10.2026;%s;%s\n", 1900000000 + i, f[1], f[2] }
	}'
}
sap_rows 150.000/JPY 1.500/EUR > "$TMP/late-dec.csv"
"$BIN/ar-norm" "$TMP/late-dec.csv" > "$TMP/late.csv" 2> "$TMP/late.err"
rc=$?
got=$("$CAT" -o csv -f invoice,amount,currency "$TMP/late.csv" | awk -F, 'NR > 1 && ($1 == 1800000001 || $1 > 1900000000) { printf "%s ", $0 }')
[ $rc = 0 ] && [ ! -s "$TMP/late.err" ] && [ "$got" = "1800000001,101.00,EUR 1900000001,150000,JPY 1900000002,1500.00,EUR " ] && ok ||
    bad "separator told after 1200 rows: exit $rc, got $got: $(head -3 "$TMP/late.err")"
sap_rows 150.000/JPY 1.500/EUR 1,234.56/EUR > "$TMP/late-dec2.csv"
"$BIN/ar-norm" "$TMP/late-dec2.csv" > "$TMP/late.csv" 2> "$TMP/late.err"
rc=$?
[ $rc = 2 ] && [ ! -s "$TMP/late.csv" ] && grep -q 'late-dec2.csv:1204: "1,234.56" has a decimal point, but line 1202 has "150.000", with a decimal comma' "$TMP/late.err" && ok ||
    bad "separators that contradict after 1200 rows: exit $rc: $(head -3 "$TMP/late.err")"
# the same for dates: 1200 rows of 03/04/2026 (either order), then
# 25/04/2026 (day first); then 04/25/2026 (month first) contradicts it
us_rows() {
	awk -v extra="$*" 'BEGIN {
		print "Customer,Invoice,Invoice Date,Due Date,Amount,Currency"
		for (i = 1; i <= 1200; i++)
			printf "C%d,%d,%02d/%02d/2026,%02d/%02d/2026,%d.00,USD\n", i % 13, i, 1 + i % 12, 1 + (i + 4) % 11, 1 + i % 12, 2 + (i + 4) % 11, i
		n = split(extra, e, " ")
		for (i = 1; i <= n; i++)
			printf "Z,%d,%s,%s,1.00,USD\n", 9000 + i, e[i], e[i]
	}'
}
us_rows 25/04/2026 > "$TMP/late-date.csv"
"$BIN/ar-norm" "$TMP/late-date.csv" > "$TMP/late.csv" 2> "$TMP/late.err"
rc=$?
got=$("$CAT" -o csv -f invoice,invoice_date,due_date "$TMP/late.csv" | awk -F, '$1 == 1 || $1 == 9001 { printf "%s ", $0 }')
[ $rc = 0 ] && [ ! -s "$TMP/late.err" ] && [ "$got" = "1,2026-06-02,2026-07-02 9001,2026-04-25,2026-04-25 " ] && ok ||
    bad "day-month order told after 1200 rows: exit $rc, got $got: $(head -3 "$TMP/late.err")"
us_rows 25/04/2026 04/25/2026 > "$TMP/late-date2.csv"
"$BIN/ar-norm" "$TMP/late-date2.csv" > "$TMP/late.csv" 2> "$TMP/late.err"
rc=$?
[ $rc = 2 ] && [ ! -s "$TMP/late.csv" ] && grep -q 'late-date2.csv:1203: "04/25/2026" is month first, but line 1202 has "25/04/2026", day first' "$TMP/late.err" && ok ||
    bad "day-month orders that contradict after 1200 rows: exit $rc: $(head -3 "$TMP/late.err")"

echo "ar-norm: $((n - fail)) passed, $fail failed"
[ $fail -eq 0 ]
