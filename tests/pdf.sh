#!/bin/sh
# The documents in a real browser (SPEC 8, 9): the HTML of pay-plan's
# agreement is printed to PDF with chromium --headless, as a user would;
# the PDF has one page per customer (the page breaks hold), and pdftotext
# finds each customer, plan id, instalment due date, payment and total in it (the
# CJK font renders: without one Chinese text drops out). pdftoppm renders
# page 1 to build/pdf/ for a person to look at. .ci/run installs chromium,
# poppler-utils and fonts-noto-cjk; without them this says so and passes.
set -u
: "${BIN:?}" "${ROOT:?}" "${TMP:?}"
T=$TMP/pdf
mkdir -p "$T"
fail=0 n=0
ok() { n=$((n + 1)); }
bad() { n=$((n + 1)); fail=$((fail + 1)); echo "FAIL pdf: $*"; }
for c in chromium pdfinfo pdftotext pdftoppm; do
	command -v $c > /dev/null 2>&1 || { echo "pdf: no $c, skipped"; exit 0; }
done

# NAME HTML: print to NAME.pdf
print() {
	timeout 120 chromium --headless --no-sandbox --disable-gpu \
	    --no-pdf-header-footer --user-data-dir="$T/profile" \
	    --print-to-pdf="$T/$1.pdf" "file://$2" > /dev/null 2>&1
	[ -s "$T/$1.pdf" ]
}

# the agreement, zh and en, from dun-plan rows of two customers and an
# ar-age list of five
printf 'customer,currency,net_overdue,action\n华东电气,CNY,156000.00,phone\n华东电气,CNY,156000.00,written-notice\n深圳联创,CNY,19600.00,visit\n' > "$T/dun.csv"
"$BIN/ar-age" --as-of 2026-11-30 "$ROOT/examples/ledger.csv" > "$T/aged.csv"
for lang in zh en; do
	for src in dun aged; do
		name=agreement-$src-$lang
		"$BIN/pay-plan" --as-of 2026-11-30 -n 3 --rate 12 --down 10 \
		    --lang $lang -o html "$T/$src.csv" > "$T/$name.html" || { bad "$name: pay-plan failed"; continue; }
		"$BIN/pay-plan" --as-of 2026-11-30 -n 3 --rate 12 --down 10 \
		    "$T/$src.csv" > "$T/$name.csv"
		if ! print $name "$T/$name.html"; then
			bad "$name: chromium wrote no PDF"; continue
		fi
		# one page per customer and currency
		want=$(awk -F, 'NR > 1 && !(($1 FS $10) in k) { k[$1 FS $10] = 1; n++ } END { print n }' "$T/$name.csv")
		got=$(pdfinfo "$T/$name.pdf" | awk '/^Pages:/ { print $2 }')
		[ "$got" = "$want" ] && ok || bad "$name: $got pages for $want customers"
		pdftotext -layout "$T/$name.pdf" "$T/$name.txt"
		# every customer, plan id, due date and payment of the schedule,
		# and each plan's total to pay, as the agreement writes money
		# (thousands grouped)
		awk -F, "$(cat "$ROOT/tests/lib.awk")"'
			function grouped(v,    s, n, p, i, o) {
				s = money(v, 2); n = split(s, p, "."); i = p[1]; o = ""
				while (length(i) > 3) { o = "," substr(i, length(i) - 2) o; i = substr(i, 1, length(i) - 3) }
				return i o "." p[2]
			}
			NR > 1 { print $1; print $2; print $5; print grouped(cents($8)); tot[$2] += cents($8) }
			END { for (c in tot) print grouped(tot[c]) }' "$T/$name.csv" | sort -u > "$T/$name.want"
		miss=0
		while IFS= read -r w; do
			grep -F -q -- "$w" "$T/$name.txt" || { miss=1; bad "$name: \"$w\" not in the PDF"; }
		done < "$T/$name.want"
		[ $miss = 0 ] && ok
	done
	[ $lang = zh ] && grep -q '债务确认' "$T/agreement-dun-zh.txt" && ok
	[ $lang = zh ] && ! grep -q '债务确认' "$T/agreement-dun-zh.txt" && bad "zh: the Chinese text dropped out of the PDF"
done
mkdir -p "$ROOT/build/pdf"
pdftoppm -png -r 50 -f 1 -l 1 "$T/agreement-dun-zh.pdf" "$ROOT/build/pdf/agreement-zh" &&
    [ -s "$ROOT/build/pdf/agreement-zh-1.png" ] && ok || bad "pdftoppm rendered no page"
echo "pdf: $((n - fail)) passed, $fail failed"
[ $fail -eq 0 ]
