#!/bin/sh
# The IBM accounts-receivable sample (2,466 settled invoices, CRLF, M/D/YYYY,
# zero-padded invoice numbers). Its licence is unknown, so it is read from
# ../shared/corpus/ibm-ar and never copied here; skipped when absent.
set -u
: "${BIN:?}" "${ROOT:?}" "${TMP:?}"
IBM=$ROOT/../shared/corpus/ibm-ar/WA_Fn-UseC_-Accounts-Receivable.csv
if [ ! -r "$IBM" ]; then
	echo "ibm: skipped (no $IBM)"
	exit 0
fi
CAT=$ROOT/build/unit/rec-cat
fail=0 n=0
ok() { n=$((n + 1)); }
bad() { n=$((n + 1)); fail=$((fail + 1)); echo "FAIL ibm: $*"; }

# the record layer: every record, identifiers stay text with their zeros
"$CAT" -v "$IBM" > "$TMP/ibm.json" 2> "$TMP/err"
grep -q '2466 read, 2466 written, 0 filtered, 0 rejected' "$TMP/err" && ok || bad "$(cat "$TMP/err")"
[ "$(jq -r 'select(.invoiceNumber == "0000611365") | .customerID' "$TMP/ibm.json")" = 0379-NEVHP ] && ok || bad "leading zeros"
[ "$(jq -r '.DaysLate' "$TMP/ibm.json" | sort -u | head -1)" = 0 ] && ok || bad "CRLF: the last field"

# to the canonical ledger (ar-norm does this with its synonyms; here awk)
"$CAT" -o csv "$IBM" | awk -F, -v OFS=, '
	function iso(s,    p) { split(s, p, "/"); return sprintf("%04d-%02d-%02d", p[3], p[1], p[2]) }
	NR == 1 { print "customer,invoice,invoice_date,due_date,amount,paid,paid_date,currency,disputed"; next }
	{ print $2, $4, iso($5), iso($6), $7, $7, iso($9), "USD", $8 }' > "$TMP/ibm.csv"

# balances open on 2013-06-30, against an oracle in awk (exact cents)
"$BIN/ar-age" --as-of 2013-06-30 -g customer -v "$TMP/ibm.csv" > "$TMP/age.csv" 2> "$TMP/err"
grep -q '2466 read, .* 0 rejected' "$TMP/err" && ok || bad "$(cat "$TMP/err")"
awk -F, -v asof=2013-06-30 '
	function cents(s,    p) { p = index(s, "."); if (!p) return s * 100; return substr(s, 1, p - 1) * 100 + substr(s "00", p + 1, 2) }
	NR == 1 { next }
	$3 <= asof && $7 > asof { open[$1] += cents($5); n[$1]++ }
	END { for (c in open) printf "%s,%d,%d\n", c, n[c], open[c] }' "$TMP/ibm.csv" | sort > "$TMP/want"
awk -F, 'NR > 1 { p = index($4, "."); printf "%s,%d,%d\n", $1, $3, substr($4, 1, p - 1) * 100 + substr($4, p + 1) }' "$TMP/age.csv" | sort > "$TMP/got"
[ -s "$TMP/want" ] && cmp -s "$TMP/want" "$TMP/got" && ok || bad "open on 2013-06-30 differs from the oracle: $(diff "$TMP/want" "$TMP/got" | head -5)"
# the same as JSON input, and with disputed items apart
"$CAT" -o json "$TMP/ibm.csv" > "$TMP/ibm2.json"
"$BIN/ar-age" --as-of 2013-06-30 -g customer -o csv "$TMP/ibm2.json" > "$TMP/age2.csv"
cmp -s "$TMP/age.csv" "$TMP/age2.csv" && ok || bad "JSON input differs"
d=$(awk -F, -v asof=2013-06-30 'NR > 1 && $3 <= asof && $7 > asof && $9 == "Yes" { p = index($5, "."); s += (p ? substr($5, 1, p - 1) * 100 + substr($5 "00", p + 1, 2) : $5 * 100) } END { print s + 0 }' "$TMP/ibm.csv")
g=$(awk -F, 'NR > 1 { p = index($13, "."); s += substr($13, 1, p - 1) * 100 + substr($13, p + 1) } END { print s + 0 }' "$TMP/age.csv")
[ "$d" = "$g" ] && ok || bad "disputed_open $g, expected $d"
# ar-norm maps it by the column names alone (customerID, invoiceNumber,
# InvoiceDate, DueDate, InvoiceAmount, SettledDate), keeps the zeros, and
# the balances open on 2013-06-30 are the oracle's
"$BIN/ar-norm" --currency USD -v "$IBM" > "$TMP/norm.csv" 2> "$TMP/err"
grep -q '2466 read, 2466 written, 0 filtered, 0 rejected' "$TMP/err" && ok || bad "ar-norm: $(tail -2 "$TMP/err")"
grep -q '^0379-NEVHP,0000611365,2013-01-02,2013-02-01,55.94,55.94,2013-01-15,USD,no,' "$TMP/norm.csv" && ok || bad "ar-norm: $(sed -n 2p "$TMP/norm.csv")"
"$BIN/ar-age" --as-of 2013-06-30 --by customer "$TMP/norm.csv" > "$TMP/age3.csv"
cmp -s "$TMP/age.csv" "$TMP/age3.csv" && ok || bad "ar-norm | ar-age differs: $(diff "$TMP/age.csv" "$TMP/age3.csv" | head -3)"
# the variants: Excel lost the zeros (nothing to recover), pandas wrote 38.0
# and left blanks; every row is still read
for v in variant-excel-roundtrip variant-with-missing; do
	f=$(dirname "$IBM")/${v}_WA_Fn-UseC_-Accounts-Receivable.csv
	"$BIN/ar-norm" -v "$f" > /dev/null 2> "$TMP/err"
	grep -q ' 0 rejected' "$TMP/err" && ok || bad "$v: $(tail -1 "$TMP/err")"
done

# credit-grade's timeliness per customer against an independent awk
# computation of the same PAYDEX-style index (SPEC 4), to 0.1 point
"$BIN/credit-grade" --as-of 2013-12-31 "$TMP/norm.csv" > "$TMP/cg.csv" 2> "$TMP/err"
awk -F, -v asof=2013-12-31 '
	function dfc(s,    y, m, d, era, yoe, doy, doe) {
		y = substr(s, 1, 4) + 0; m = substr(s, 6, 2) + 0; d = substr(s, 9, 2) + 0
		y -= (m <= 2); era = int((y >= 0 ? y : y - 399) / 400); yoe = y - era * 400
		doy = int((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1
		doe = yoe * 365 + int(yoe / 4) - int(yoe / 100) + doy
		return era * 146097 + doe - 719468
	}
	function pts(x,    i) {
		if (x <= px[1]) return py[1]
		for (i = 2; i <= np; i++) if (x <= px[i])
			return py[i - 1] + (py[i] - py[i - 1]) * (x - px[i - 1]) / (px[i] - px[i - 1])
		return py[np]
	}
	BEGIN {
		np = split("-30 -20 0 15 22 30 60 90 120 180", px, " ")
		split("100 90 80 70 60 50 40 30 20 1", py, " ")
		a = dfc(asof)
	}
	NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next }
	{
		due = dfc($c["due_date"]); amt = $c["amount"] + 0
		if (due <= a - 365 || due > a) next
		if ($c["paid_date"] != "" && dfc($c["paid_date"]) <= a) d = dfc($c["paid_date"]) - due
		else if (a > due) d = a - due
		else next
		w[$1] += amt; s[$1] += amt * pts(d)
	}
	END { for (k in w) printf "%s %.4f\n", k, s[k] / w[k] }' "$TMP/norm.csv" | sort > "$TMP/want"
awk -F, 'NR > 1 && $8 != "" { print $1, $8 }' "$TMP/cg.csv" | sort > "$TMP/got"
join "$TMP/want" "$TMP/got" | awk '{ d = $2 - $3; if (d < 0) d = -d; if (d > 0.1) { print; bad = 1 } n++ }
	END { exit bad || n < 90 }' > "$TMP/diff" && ok || bad "credit-grade timeliness differs from awk: $(head -3 "$TMP/diff") ($(wc -l < "$TMP/got") customers)"

# all settled by 2014-01-09: nothing open at the end
"$BIN/ar-age" --as-of 2014-12-31 -v "$TMP/ibm.csv" > "$TMP/end.csv" 2> "$TMP/err"
[ "$(wc -l < "$TMP/end.csv")" = 1 ] && grep -q '2466 read, 0 written, 2466 filtered' "$TMP/err" && ok || bad "open at the end: $(cat "$TMP/err")"

echo "ibm: $((n - fail)) passed, $fail failed"
[ $fail -eq 0 ]
