#!/bin/sh
# Conservation, for every tool, on random ledgers with bad records mixed
# in (SPEC 1.5):
#  - with -v: read = written + filtered + rejected, and read = the records
#    given;
#  - the --reject file holds exactly the rejected records: as many as -v
#    says, each the input's record at the line its _source names, byte for
#    byte;
#  - a tool that writes several rows for a record (dun-plan --per invoice,
#    pick-script -n 3) counts as written exactly the records whose key is in
#    its output;
#  - the same records as JSON give the same output as CSV.
set -u
: "${BIN:?}" "${ROOT:?}" "${TMP:?}"
T=$TMP/conservation
mkdir -p "$T"
fail=0 n=0
ok() { n=$((n + 1)); }
bad() { n=$((n + 1)); fail=$((fail + 1)); echo "FAIL conservation: $*"; }

# a ledger of ROWS records, one in ten of them bad in some way
gen() {
	awk -v seed="$1" -v rows="$2" "$(cat "$ROOT/tests/lib.awk")"'
	BEGIN {
		srand(seed)
		print "customer,invoice,invoice_date,due_date,amount,paid,paid_date,currency,excuse,disputed"
		split("quality no-rush price finance-away", ex, " ")
		for (i = 1; i <= rows; i++) {
			inv = 20300 + int(rand() * 400); due = inv + 30
			amt = 100 + int(rand() * 99900); paid = rand() < 0.4 ? amt : 0
			pd = paid ? date(due + int(rand() * 40) - 10) : ""
			line = sprintf("C%d,I%d,%s,%s,%d.%02d,%d.%02d,%s,%s,%s,%s", int(rand() * 20), i,
			    date(inv), date(due), int(amt / 100), amt % 100, int(paid / 100), paid % 100, pd,
			    rand() < 0.8 ? "CNY" : "USD", rand() < 0.3 ? ex[1 + int(rand() * 4)] : "",
			    rand() < 0.1 ? "yes" : "no")
			if (rand() < 0.1) {	# bad: a date, an amount, a field too many
				r = rand()
				if (r < 0.33) sub(/,20[0-9][0-9]-[0-9][0-9]-/, ",2026-13-", line)
				else if (r < 0.66) sub(/,[0-9]+\.[0-9][0-9],/, ",12.3.4,", line)
				else line = line ",extra"
			}
			print line
		}
	}'
}

# CSV to NDJSON (no commas or quotes inside the values)
json_of() {
	awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) h[i] = $i; nf = NF; next }
	    NF != nf { next }	# a ragged row has no JSON form
	    { s = "{"; for (i = 1; i <= nf; i++) s = s (i > 1 ? "," : "") "\"" h[i] "\":\"" $i "\""; print s "}" }' "$1"
}

# tool|arguments|key field that identifies a record in the output ("" none)
tools() {
	cat <<'EOF'
ar-age|--as-of 2026-11-30|invoice
ar-age|--as-of 2026-11-30 -g customer|
ar-norm||invoice
ar-kpi|--as-of 2026-11-30 --from 2025-12-01 --to 2026-11-30 -g customer|
credit-grade|--as-of 2026-11-30|
dun-plan|--as-of 2026-11-30|
dun-plan|--from 2026-11-20 --to 2026-12-10 --per invoice|invoice
pick-script|--as-of 2026-11-30 -n 3|invoice
ar-statement|--as-of 2026-11-30 --from 2025-12-01 --to 2026-11-30 --rate 6|
EOF
}

for seed in ${SEEDS:-1 2}; do
	L=$T/l$seed.csv
	gen "$seed" 500 > "$L"
	json_of "$L" > "$T/l$seed.json"
	while IFS='|' read -r tool args key; do
		[ -x "$BIN/$tool" ] || continue
		what="seed $seed $tool $args"
		rm -f "$T/rej"
		# shellcheck disable=SC2086
		"$BIN/$tool" -v $args --reject "$T/rej" "$L" > "$T/out" 2> "$T/err"
		counts=$(grep ' read, ' "$T/err")
		r=$(echo "$counts" | awk '{ print $2 }'); w=$(echo "$counts" | awk '{ print $4 }')
		f=$(echo "$counts" | awk '{ print $6 }'); j=$(echo "$counts" | awk '{ print $8 }')
		recs=500	# (ar-norm does not count the header it found)
		[ -n "$r" ] && [ "$r" -eq $((w + f + j)) ] && [ "$r" -eq "$recs" ] && ok ||
		    bad "$what: $counts"
		# the reject file: exactly the rejected records, byte for byte
		awk -F, -v want="$j" -v input="$L" '
		    BEGIN { while ((getline l < input) > 0) line[++nl] = l }
		    NR == 1 { next }
		    { n++; src = $NF; sub(/.*:/, "", src); rec = $0
		      sub(/,("[^"]*"|[^,]*),[^,]*$/, "", rec)	# drop _error, _source
		      if (rec != line[src]) { print "line " src ": " rec; bad = 1 } }
		    END { if (n + 0 != want + 0) { print n + 0 " rejected in the file, " want " said"; bad = 1 }; exit bad }' \
		    "$T/rej" > "$T/rejbad" 2>&1 && ok || { bad "$what: the reject file"; head -3 "$T/rejbad"; }
		# written = the records whose key is in the output
		if [ -n "$key" ]; then
			awk -F, -v k="$key" 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == k) c = i; next }
			    { seen[$c] = 1 } END { for (x in seen) n++; print n + 0 }' "$T/out" > "$T/nkeys"
			[ "$(cat "$T/nkeys")" -eq "$w" ] && ok || bad "$what: $(cat "$T/nkeys") keys out, $w written"
		fi
		# JSON in, the same out (the ragged rows have no JSON form: the
		# good records only)
		grep -v ',extra$' "$L" > "$T/good.csv"
		# shellcheck disable=SC2086
		"$BIN/$tool" $args -o csv "$T/good.csv" > "$T/a" 2> /dev/null
		# shellcheck disable=SC2086
		"$BIN/$tool" $args -i json -o csv "$T/l$seed.json" > "$T/b" 2> /dev/null
		cmp -s "$T/a" "$T/b" && ok || { bad "$what: JSON input differs"; diff "$T/a" "$T/b" | head -4; }
	done <<EOF
$(tools)
EOF
done
echo "conservation: $((n - fail)) passed, $fail failed"
[ $fail -eq 0 ]
