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

echo "ar-norm: $((n - fail)) passed, $fail failed"
[ $fail -eq 0 ]
