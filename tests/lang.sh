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

# deal-plan's records for people (issue 11): every header in Chinese (its
# ratings too, and "company" is the 1-5 rating, not a company code), and
# no value of a vocabulary field left a bare code in the table or the
# workbook; the CSV keeps the codes
DEALCODES=reason,roles,bound_by,flags,strategy,team,timing,weakest,get1,get2,get3,value_strategies,rung,missing
for opts in "" "--cost-rate 8 --rival rivals.csv"; do
	# shellcheck disable=SC2086
	(cd "$E" && "$BIN/deal-plan" --as-of 2026-11-30 $opts --lang zh deals.csv) > "$T/deal.csv" 2> /dev/null
	# shellcheck disable=SC2086
	(cd "$E" && "$BIN/deal-plan" --as-of 2026-11-30 $opts --lang zh -o table deals.csv) > "$T/deal.table" 2> /dev/null
	# shellcheck disable=SC2086
	(cd "$E" && "$BIN/deal-plan" --as-of 2026-11-30 $opts --lang zh -o xlsx deals.csv) > "$T/deal.xlsx" 2> /dev/null
	# the codes the records hold, one a line, and the field names
	for f in $(echo "$DEALCODES" | tr , ' '); do
		"$ROOT/build/unit/rec-cat" -o json "$T/deal.csv" | jq -r ".\"$f\" // empty"
	done | tr ";" "\n" | sort -u | grep "^[a-z_-]*$" > "$T/deal.codes"
	grep -q '^plan-adjust$' "$T/deal.codes" && grep -q '^eagle$' "$T/deal.codes" &&
	    ok || bad "deal-plan: the CSV lost its codes with --lang zh"
	head -1 "$T/deal.csv" | tr , '\n' > "$T/deal.fields"
	# the table: the header's labels (2 spaces apart) and every word
	head -1 "$T/deal.table" | awk '{ n = split($0, h, /  +/); for (i = 1; i <= n; i++) if (h[i] != "" && h[i] !~ /[^\001-\177]/) { print "header " h[i]; bad = 1 } } END { exit bad }' > "$T/out" &&
	    ok || { bad "deal-plan -o table --lang zh: headers in English: $(tr '\n' ' ' < "$T/out" | cut -c1-200)"; }
	grep -q '公司代码' "$T/deal.table" && bad "deal-plan: company (a rating) labelled 公司代码" || ok
	tail -n +3 "$T/deal.table" | tr ' ;、' '\n\n\n' | grep . | sort -u |
	    grep -Fxf "$T/deal.codes" > "$T/out" && { bad "deal-plan -o table --lang zh: bare codes: $(tr '\n' ' ' < "$T/out" | cut -c1-200)"; } || ok
	# the workbook: no cell text that is a field name or a code (or a
	# list of codes)
	unzip -p "$T/deal.xlsx" xl/sharedStrings.xml xl/worksheets/sheet1.xml 2> /dev/null |
	    awk '{ s = $0; while ((p = index(s, "<t")) > 0) { s = substr(s, p); q = index(s, ">"); s = substr(s, q + 1); e = index(s, "</t>"); print substr(s, 1, e - 1); s = substr(s, e) } }' > "$T/deal.text"
	[ -s "$T/deal.text" ] && ok || bad "deal-plan -o xlsx: no text read back"
	tr ';' '\n' < "$T/deal.text" | cat - "$T/deal.text" | sort -u | grep -Fx -f "$T/deal.codes" -f "$T/deal.fields" > "$T/out" &&
	    { bad "deal-plan -o xlsx --lang zh: codes or field names: $(tr '\n' ' ' < "$T/out" | cut -c1-200)"; } || ok
done

# the same field name, two meanings: pay-plan's interest is instalment
# interest (分期利息), ar-age's and ar-statement's late interest (逾期利息)
"$BIN/ar-age" --as-of 2026-11-30 "$E/history.csv" > "$T/aged.csv" 2> /dev/null
"$BIN/pay-plan" --as-of 2026-11-30 -n 2 --rate 12 --lang zh -o table "$T/aged.csv" > "$T/pay.table" 2> /dev/null
head -1 "$T/pay.table" | grep -q '分期利息' && ! head -1 "$T/pay.table" | grep -q '逾期利息' &&
    ok || bad "pay-plan --lang zh: the instalment interest is not 分期利息: $(head -1 "$T/pay.table" | cut -c1-160)"
"$BIN/ar-age" --as-of 2026-11-30 --rate 5 --lang zh -o table "$E/ledger.csv" 2> /dev/null | head -1 | grep -q '逾期利息' &&
    ok || bad "ar-age --lang zh: late interest is not 逾期利息"
(cd "$E" && "$BIN/ar-statement" --as-of 2026-11-30 --rate 12 --lang zh -o table history.csv) 2> /dev/null | head -1 | grep -q '逾期利息' &&
    ok || bad "ar-statement --lang zh: late interest is not 逾期利息"

# ics: the summary and description in Chinese
(cd "$E" && "$BIN/dun-plan" --from 2026-11-01 --to 2026-12-31 -o ics --lang zh ledger.csv) > "$T/zh.ics"
grep '^SUMMARY:' "$T/zh.ics" | grep -v '^SUMMARY:[^a-z]*[^\001-\177]' | head -1 > "$T/out"
[ ! -s "$T/out" ] && grep -q '^SUMMARY:' "$T/zh.ics" && ok || bad "ics: an English summary with --lang zh: $(cat "$T/out")"
grep -q 'written-notice\|owner:' "$T/zh.ics" && bad "ics: codes in the zh description" || ok

echo "lang: $((n - fail)) passed, $fail failed"
[ $fail -eq 0 ]
