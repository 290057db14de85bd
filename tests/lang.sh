#!/bin/sh
# --lang zh in the people formats (SPEC 1.7, 1.9): table, md, xlsx and ics
# show every header and every vocabulary word in Chinese; CSV, TSV and JSON
# keep the codes; a field's label is the same word in every tool.
set -u
: "${BIN:?}" "${ROOT:?}" "${TMP:?}"
T=$TMP/lang
mkdir -p "$T"
fail=0 n=0
ok() { n=$((n + 1)); }
bad() { n=$((n + 1)); fail=$((fail + 1)); echo "FAIL lang: $*"; }
E=$ROOT/examples

# fields whose values are codes of a vocabulary (SPEC 1.3, 4, 5.1, 5.3)
CODES=action,channel,owner,cc,style,terms,over_limit,disputed,doc_type,stage,bucket,excuse,power,audience

# md -> HEADER lines "h<TAB>label" and cells "c<TAB>field<TAB>value"
md_cells() {
	awk '
	function split_row(s, a,    n, i, c, cur, esc) {
		n = 0; cur = ""; esc = 0
		for (i = 2; i <= length(s); i++) {
			c = substr(s, i, 1)
			if (esc) { cur = cur c; esc = 0; continue }
			if (c == "\\") { esc = 1; continue }
			if (c == "|") { sub(/^ /, "", cur); sub(/ $/, "", cur); a[++n] = cur; cur = ""; continue }
			cur = cur c
		}
		return n
	}
	/^\|/ {
		nf = split_row($0, f)
		if (!head) { for (i = 1; i <= nf; i++) { h[i] = f[i]; print "h\t" f[i] }; head = 1; next }
		if (f[1] ~ /^-+:?$/) next
		for (i = 1; i <= nf; i++) print "c\t" h[i] "\t" f[i]
	}'
}

while IFS='%' read -r tag cmd; do
	sh -c "$cmd -o md --lang zh" > "$T/zh.md" 2> "$T/err" || [ $? = 1 ] || { bad "$tag: $(head -1 "$T/err")"; continue; }
	sh -c "$cmd -o md --lang en" > "$T/en.md" 2> /dev/null
	md_cells < "$T/zh.md" > "$T/zh.cells"
	md_cells < "$T/en.md" > "$T/en.cells"
	# the English headers are the field names: pair them with the Chinese
	grep '^h' "$T/en.cells" | cut -f2 > "$T/en.h"
	grep '^h' "$T/zh.cells" | cut -f2 > "$T/zh.h"
	[ -s "$T/en.h" ] || { bad "$tag: no md table"; continue; }
	paste "$T/en.h" "$T/zh.h" > "$T/pairs"
	# every header in Chinese, but for the fields the tools do not name
	awk -F '\t' -v tag="$tag" '$2 !~ /[^\001-\177]/ && $1 !~ /^(_source)$/ { print tag ": header " $1 " not in Chinese: " $2; bad = 1 } END { exit bad }' "$T/pairs" > "$T/out" && ok || { bad "$tag"; head -3 "$T/out"; }
	cat "$T/pairs" >> "$T/all-pairs"
	# every vocabulary word in Chinese
	awk -F '\t' -v tag="$tag" -v codes=",$CODES," '
	FILENAME == ARGV[1] { zh2en[$2] = $1; next }
	$1 == "c" && index(codes, "," zh2en[$2] ",") && $3 != "" && $3 !~ /[^\001-\177]/ && $3 !~ /^[A-E]$/ {
		print tag ": " zh2en[$2] " value not in Chinese: " $3; bad = 1 }
	END { exit bad }' "$T/pairs" "$T/zh.cells" > "$T/out" && ok || { bad "$tag"; head -3 "$T/out"; }
	# CSV keeps the codes: the code columns are the same in both languages
	sh -c "$cmd -o csv --lang zh" > "$T/zh.csv" 2> /dev/null
	sh -c "$cmd -o csv --lang en" > "$T/en.csv" 2> /dev/null
	for f in $(echo "$CODES" | tr , ' '); do
		"$ROOT/build/unit/rec-cat" -o json "$T/zh.csv" 2> /dev/null | jq -r ".\"$f\" // empty" > "$T/zc"
		"$ROOT/build/unit/rec-cat" -o json "$T/en.csv" 2> /dev/null | jq -r ".\"$f\" // empty" > "$T/ec"
		cmp -s "$T/zc" "$T/ec" || { bad "$tag: CSV $f differs between --lang zh and en"; continue 2; }
	done
	ok
done <<EOF
ar-age detail%cd $E && $BIN/ar-age --as-of 2026-11-30 ledger.csv
ar-age summary%cd $E && $BIN/ar-age --as-of 2026-11-30 -g customer --total --rate 5 ledger.csv
ar-kpi%cd $E && $BIN/ar-kpi --as-of 2026-11-30 -g customer --cost-rate 5 history.csv
credit-grade%cd $E && $BIN/credit-grade --as-of 2026-11-30 --explain history.csv
dun-plan%cd $E && $BIN/dun-plan --from 2026-11-01 --to 2026-12-31 --explain ledger.csv
dun-plan invoice%cd $E && $BIN/dun-plan --from 2026-11-01 --to 2026-12-31 --per invoice history.csv
pick-script%cd $E && $BIN/dun-plan --from 2026-11-01 --to 2026-12-31 ledger.csv | $BIN/pick-script -n 2 --explain
ar-norm%cd $E && $BIN/ar-norm -p kingdee erp/kingdee-ar-detail.csv
EOF

# one label per field, whichever tool writes it
sort -u "$T/all-pairs" | awk -F '\t' '{ if (($1 in l) && l[$1] != $2) { print "field " $1 ": " l[$1] " and " $2; bad = 1 } l[$1] = $2 } END { exit bad }' > "$T/out" &&
	ok || { bad "a field with two labels"; head -3 "$T/out"; }

# ics: the summary and description in Chinese
(cd "$E" && "$BIN/dun-plan" --from 2026-11-01 --to 2026-12-31 -o ics --lang zh ledger.csv) > "$T/zh.ics"
grep '^SUMMARY:' "$T/zh.ics" | grep -v '^SUMMARY:[^a-z]*[^\001-\177]' | head -1 > "$T/out"
[ ! -s "$T/out" ] && grep -q '^SUMMARY:' "$T/zh.ics" && ok || bad "ics: an English summary with --lang zh: $(cat "$T/out")"
grep -q 'written-notice\|owner:' "$T/zh.ics" && bad "ics: codes in the zh description" || ok

echo "lang: $((n - fail)) passed, $fail failed"
[ $fail -eq 0 ]
