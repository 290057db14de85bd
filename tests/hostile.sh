#!/bin/sh
# hostile inputs, for every tool: each case states the exit status and the
# message it expects; none may crash (a signal, a sanitizer report), hang
# (60 s of CPU), outgrow 256 MB on a 10 MB input, or lose a record (with
# -v: read = written + filtered + rejected, and read = the records given).
#
# A case is a function that writes the input (in.csv or in.json, a header
# and good row of the tool's own, mutated) and sets RECS, the records in it.
# The table at the end gives per case the status and a pattern of stderr;
# a line "CASE TOOL status pattern" overrides it for one tool.
set -u
: "${BIN:?}" "${ROOT:?}" "${TMP:?}"
T=$TMP/hostile
mkdir -p "$T"
# the big inputs: 10 MB; 3 MB under ASan (past the reader's first 2 MB
# buffer, which is where memory errors would be, at a third of the time)
SAN=0 BIG=10485760
case $BIN in */san) SAN=1 BIG=3145728 ;; esac
fail=0 n=0
ok() { n=$((n + 1)); }
bad() { n=$((n + 1)); fail=$((fail + 1)); echo "FAIL hostile: $*"; }

# the tools, their arguments, a header and a good row, and which columns
# hold text, an amount and a date (1-based)
tools() {
	cat <<'EOF'
ar-age|--as-of 2026-11-30|customer,invoice,invoice_date,due_date,amount,paid,currency|Acme,I1,2026-10-01,2026-10-31,100.00,0.00,CNY|1|5|4
ar-norm||customer,invoice,invoice_date,due_date,amount,paid,currency|Acme,I1,2026-10-01,2026-10-31,100.00,0.00,CNY|1|5|4
ar-kpi|--as-of 2026-11-30|customer,invoice,invoice_date,due_date,amount,paid,currency|Acme,I1,2026-10-01,2026-10-31,100.00,0.00,CNY|1|5|4
credit-grade|--as-of 2026-11-30|customer,invoice,invoice_date,due_date,amount,paid,paid_date,currency|Acme,I1,2026-10-01,2026-10-31,100.00,100.00,2026-10-30,CNY|1|5|4
dun-plan|--as-of 2026-11-30|customer,invoice,invoice_date,due_date,amount,paid,currency|Acme,I1,2026-10-01,2026-10-31,100.00,0.00,CNY|1|5|4
pick-script|--as-of 2026-11-30|customer,invoice,due_date,open,currency,excuse|Acme,I1,2026-10-31,100.00,CNY,quality|1|4|3
deal-plan||customer,deal,list_price,cost,currency,min_margin|Acme,D1,1000.00,600.00,CNY,0.10|1|3|0
pay-plan|--as-of 2026-11-30|customer,open,currency|Acme,100.00,CNY|1|2|0
ar-statement|--as-of 2026-11-30 --from 2026-10-01 --to 2026-11-30|customer,invoice,invoice_date,due_date,amount,paid,currency|Acme,I1,2026-10-01,2026-10-31,100.00,0.00,CNY|1|5|4
EOF
}

# row with column K replaced by V
mut() {
	printf '%s\n' "$ROW" | awk -F, -v OFS=, -v k="$1" -v v="$2" '{ if (k > 0) $k = v; print }'
}

# ---- the cases ----
c_empty() { : > "$T/in.csv"; RECS=0; }
c_header() { printf '%s\n' "$HDR" > "$T/in.csv"; RECS=0; }
c_good() { printf '%s\n%s\n' "$HDR" "$ROW" > "$T/in.csv"; RECS=1; }
c_bigfield() {	# a 10 MB field (the first column)
	{ printf '%s\n' "$HDR"; head -c $BIG /dev/zero | tr '\0' x
	  printf '%s\n' "$ROW" | sed 's/^[^,]*//'; printf '%s\n' "$ROW"; } > "$T/in.csv"; RECS=2; }
c_wide() {	# a 100,000-column header
	{ printf '%s' "$HDR"; awk 'BEGIN { for (i = 1; i <= 100000; i++) printf ",x%d", i; print "" }'
	  printf '%s' "$ROW"; awk 'BEGIN { for (i = 1; i <= 100000; i++) printf ",v"; print "" }'
	} > "$T/in.csv"; RECS=1; }
c_nul() { { printf '%s\n' "$HDR"; mut "$TXT" "Ac$(printf 'QQ')me" | sed 's/QQ/\x00/'; printf '%s\n' "$ROW"; } > "$T/in.csv"; RECS=2; }
c_utf8() { { printf '%s\n' "$HDR"; mut "$TXT" "$(printf 'Ac\377me')"; printf '%s\n' "$ROW"; } > "$T/in.csv"; RECS=2; }
c_utf16() { printf '%s\r\n%s\r\n' "$HDR" "$ROW" | iconv -f UTF-8 -t UTF-16 > "$T/in.csv"; RECS=1; }
c_nolf() { printf '%s\n%s' "$HDR" "$ROW" > "$T/in.csv"; RECS=1; }
c_quote() { printf '%s\n%s\n"%s\n' "$HDR" "$ROW" "$ROW" > "$T/in.csv"; RECS=2; }
c_ragged() { printf '%s\n%s\n%s,extra\n%s\n' "$HDR" "$ROW" "$ROW" "$ROW" > "$T/in.csv"; RECS=3; }
c_duphdr() { printf '%s,%s\n%s,x\n' "$HDR" "$(echo "$HDR" | cut -d, -f1)" "$ROW" > "$T/in.csv"; RECS=1; }
c_json_nonobj() { printf '[1, "two", [3], null]\n' > "$T/in.json"; RECS=4; }
c_json_nested() { printf '%s\n%s\n' "$HDR" "$ROW" | json_of | sed '1s/^{"[a-z_]*":"[^"]*"/{"customer":{"name":"Acme"}/' > "$T/in.json"; RECS=1; }
c_json_trunc() { printf '%s\n%s\n%s\n' "$HDR" "$ROW" "$ROW" | json_of | sed '$s/.\{6\}$//' > "$T/in.json"; RECS=2; }
c_json_bignum() {	# one 10 MB number
	{ printf '%s\n%s\n' "$HDR" "$ROW" | json_of
	  printf '{"customer":"Big","amount":'; head -c $BIG /dev/zero | tr '\0' 9; printf '}\n'; } > "$T/in.json"; RECS=2; }
c_date0() { [ "$DAT" -gt 0 ] || { SKIP=1; return; }; { printf '%s\n' "$HDR"; mut "$DAT" 0000-00-00; } > "$T/in.csv"; RECS=1; }
c_feb29() { [ "$DAT" -gt 0 ] || { SKIP=1; return; }; { printf '%s\n' "$HDR"; mut "$DAT" 2026-02-29; } > "$T/in.csv"; RECS=1; }
c_datemax() { [ "$DAT" -gt 0 ] || { SKIP=1; return; }; { printf '%s\n' "$HDR"; mut "$DAT" 9999-12-31; } > "$T/in.csv"; RECS=1; }
c_amt30() { { printf '%s\n' "$HDR"; mut "$AMT" 123456789012345678901234567890; } > "$T/in.csv"; RECS=1; }
c_amt1e309() { { printf '%s\n' "$HDR"; mut "$AMT" 1e309; } > "$T/in.csv"; RECS=1; }
c_amtnan() { { printf '%s\n' "$HDR"; mut "$AMT" NaN; } > "$T/in.csv"; RECS=1; }
c_amtminus() { { printf '%s\n' "$HDR"; mut "$AMT" --5; } > "$T/in.csv"; RECS=1; }

json_of() {	# CSV (header and rows, no commas in values) as NDJSON
	awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) h[i] = $i; nf = NF; next }
	    { s = "{"; for (i = 1; i <= nf; i++) s = s (i > 1 ? "," : "") "\"" h[i] "\":\"" $i "\""; print s "}" }'
}

# CASE status pattern (ERE over stderr; "" = stderr empty)
expect() {
	cat <<'EOF'
empty 0 ""
header 0 ""
good 0 ""
bigfield 0 ""
wide 0 ""
nul 1 NUL byte
utf8 1 invalid UTF-8
utf16 0 ""
nolf 0 ""
quote 1 unterminated quoted field
ragged 1 fields, but the header has
duphdr 2 duplicate column name
json_nonobj 1 not a JSON object
json_nested 1 expected a single value
json_trunc 1 truncated JSON
json_bignum 1 invalid JSON: too big
date0 1 invalid date
feb29 1 invalid date
datemax 0 ""
amt30 1 invalid amount|too large|out of range
amt1e309 1 invalid amount
amtnan 1 invalid amount
amtminus 1 invalid amount
EOF
}

# per tool exceptions: CASE TOOL status pattern
except() {
	cat <<'EOF'
json_nested pick-script 0 ""
duphdr ar-norm 0 ""
json_nested ar-norm 0 ""
json_nonobj ar-norm 2 no header found.*not a JSON object
date0 ar-norm 1 not a date
feb29 ar-norm 1 not a date
amt30 ar-norm 1 out of range
amt1e309 ar-norm 1 not an amount
amtnan ar-norm 1 not an amount
amtminus ar-norm 1 not an amount
datemax credit-grade 0 no dated payment
EOF
}

# one awk judges a run: the exit status and the message the tables expect
# (the -v count line, and ar-norm's -v account of its columns, aside), no
# crash or sanitizer report, and read = written + filtered + rejected =
# the records given. It prints "ok" or "bad WHY" per check.
JUDGE='
FILENAME ~ /except$/ && $1 == c && $2 == t && !found {
	want = $3; pat = $0; sub(/^[^ ]+ +[^ ]+ +[^ ]+ */, "", pat); found = 1 }
FILENAME ~ /expect$/ && $1 == c && !found {
	want = $2; pat = $0; sub(/^[^ ]+ +[^ ]+ */, "", pat); found = 1 }
FILENAME ~ /err$/ {
	if (/AddressSanitizer|runtime error|LeakSanitizer/) san = san $0 " "
	if (/ read, / && / rejected$/) { r = $2; w = $4; f = $6; j = $8; counted = 1; next }
	if (/: column ".*" (->|kept)/ || /: dates read by / || /: written in column /) next
	msg = msg (nmsg++ < 2 ? $0 " " : "")
	if (pat != "\"\"" && $0 ~ pat) matched = 1
}
END {
	if (rc >= 124) { print "bad exit " rc " (crash or hang): " msg; exit }
	if (san != "") { print "bad sanitizer: " substr(san, 1, 300); exit }
	print rc == want ? "ok" : "bad exit " rc ", expected " want ": " msg
	if (pat == "\"\"") print nmsg == 0 ? "ok" : "bad unexpected message: " msg
	else print matched ? "ok" : "bad no message /" pat "/: " msg
	if (rc <= 1 && recs > 0)
		print counted && r == w + f + j && r == recs ? "ok" : \
		    "bad counts " r " read, " w " written, " f " filtered, " j " rejected for " recs " records"
}'

# HOSTILE_CASES: only these (tests/check runs every case under ASan, and
# on the optimised build only the ones that measure its memory)
CASES=${HOSTILE_CASES:-$(expect | cut -d' ' -f1)}
tools > "$T/tools"
expect > "$T/expect"
except > "$T/except"
while IFS='|' read -r tool args HDR ROW TXT AMT DAT; do
	[ -x "$BIN/$tool" ] || continue
	n0=$n cases=0
	for c in $CASES; do
		rm -f "$T/in.csv" "$T/in.json"
		SKIP=0
		"c_$c"
		[ $SKIP = 0 ] || continue
		cases=$((cases + 1))
		in=$T/in.csv
		[ -e "$in" ] || in=$T/in.json
		# bounded memory: 256 MB of address space for a 10 MB input
		# (not under ASan, whose shadow memory needs terabytes of it)
		lim=unlimited
		case $c:$SAN in bigfield:0|json_bignum:0|wide:0) lim=262144 ;; esac
		# shellcheck disable=SC2086
		# (60 s of CPU: a hang is a loop; the input is a file)
		(ulimit -v $lim && ulimit -t 60 && exec "$BIN/$tool" -v $args "$in") > "$T/out" 2> "$T/err"
		rc=$?
		# (ar-norm finds the header itself, and counts only the data
		# rows under it: SPEC 2.1)
		recs=$RECS
		awk -v c="$c" -v t="$tool" -v rc=$rc -v recs="$recs" "$JUDGE" \
		    "$T/except" "$T/expect" "$T/err" > "$T/verdict"
		while read -r v why; do
			if [ "$v" = ok ]; then ok; else bad "$tool $c: $why"; fi
		done < "$T/verdict"
	done
	# options and streams: --as-of garbage, a directory, a missing file,
	# stdout full, stdout a closed pipe
	printf '%s\n%s\n' "$HDR" "$ROW" > "$T/good.csv"
	case $args in *--as-of*)
		"$BIN/$tool" --as-of garbage "$T/good.csv" > /dev/null 2> "$T/err"
		[ $? = 2 ] && grep -q 'as-of' "$T/err" && ok || bad "$tool: --as-of garbage" ;;
	esac
	# shellcheck disable=SC2086
	"$BIN/$tool" $args "$T" > /dev/null 2> "$T/err"
	[ $? = 2 ] && grep -q 'is a directory' "$T/err" && ok || bad "$tool: a directory as input"
	# shellcheck disable=SC2086
	"$BIN/$tool" $args "$T/nowhere.csv" > /dev/null 2> "$T/err"
	[ $? = 2 ] && grep -q 'No such file' "$T/err" && ok || bad "$tool: a missing file"
	# shellcheck disable=SC2086
	"$BIN/$tool" $args "$T/good.csv" > /dev/full 2> "$T/err"
	[ $? = 2 ] && grep -q 'write error' "$T/err" && ok || bad "$tool: stdout full"
	awk -v h="$HDR" -v r="$ROW" 'BEGIN { print h; for (i = 0; i < 20000; i++) print r }' > "$T/many.csv"
	# shellcheck disable=SC2086
	( "$BIN/$tool" $args "$T/many.csv" 2> "$T/err"; echo $? > "$T/rc" ) | head -c 10 > /dev/null
	[ "$(cat "$T/rc")" -lt 2 ] && [ ! -s "$T/err" ] && ok || bad "$tool: a closed pipe: exit $(cat "$T/rc") $(head -1 "$T/err")"
	case $args in *--as-of*) cases=$((cases + 5)) ;; *) cases=$((cases + 4)) ;; esac
	echo "hostile: $tool: $cases cases, $((n - n0)) checks"
done < "$T/tools"
echo "hostile: $((n - fail)) passed, $fail failed"
[ $fail -eq 0 ]
