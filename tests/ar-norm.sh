#!/bin/sh
# ar-norm on one invented export per ERP layout (examples/erp): the ledger
# fields it writes must be those of tests/ar-norm/expect/NAME.csv, and it
# must count the skipped rows of NAME.skip; then the same without a profile
# where the names alone are enough, a canonical ledger round trip, and the
# IBM sample when ../shared is there.
set -u
: "${BIN:?}" "${ROOT:?}" "${TMP:?}"
CAT=$ROOT/bin/unit/rec-cat
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
	got=$(awk '/skipped .* title/ { printf "title=%d total=%d blank=%d", $3, $5, $9 }' "$TMP/norm.err")
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

echo "ar-norm: $((n - fail)) passed, $fail failed"
[ $fail -eq 0 ]
