#!/bin/sh
# Reliability (SPEC 1.4, 1.5, 1.9; issue 13): the user's files are sacred
# and every fault is named. Each numbered case of the issue is a test here,
# for every tool where it applies:
#  1 the reject file is never an input (by device and inode, stdin too)
#  2 a closed stdout or stderr never becomes the reject file
#  3 on a closed pipe every rejected record reported is in the reject file
#  4 JSON money from the number's text, never through a double
#  5 control characters shown as escapes in text for a terminal
#  6 a bare CR inside an LF or CRLF file's field is no record break: it is
#    part of the field (the record stays whole); CR-only files still work
#  7 ICS: folded at 75 octets on UTF-8 boundaries, controls shown as
#    escapes (SPEC 1.9: ics is text for a terminal), dates in range
#  8 one writer per reject file (a lock); --reject - is a usage error
#  9 --excel-safe: no CSV/TSV cell starts a formula, numbers stay numbers
set -u
: "${BIN:?}" "${ROOT:?}" "${TMP:?}"
T=$TMP/reliability
mkdir -p "$T"
fail=0 n=0
ok() { n=$((n + 1)); }
bad() { n=$((n + 1)); fail=$((fail + 1)); echo "FAIL reliability: $*"; }
SAN=0 ROWS=20000
case $BIN in */san) SAN=1 ROWS=8000 ;; esac

# the tools, their arguments, a header and a good row, the column of an
# identifier and the column a bad value goes into (and the bad value)
tools() {
	cat <<'XX'
ar-age|--as-of 2026-11-30|customer,invoice,invoice_date,due_date,amount,paid,currency|Acme,I1,2026-10-01,2026-10-31,100.00,0.00,CNY|4|2026-13-01
ar-norm||customer,invoice,invoice_date,due_date,amount,paid,currency|Acme,I1,2026-10-01,2026-10-31,100.00,0.00,CNY|4|2026-13-01
ar-kpi|--as-of 2026-11-30|customer,invoice,invoice_date,due_date,amount,paid,currency|Acme,I1,2026-10-01,2026-10-31,100.00,0.00,CNY|4|2026-13-01
credit-grade|--as-of 2026-11-30|customer,invoice,invoice_date,due_date,amount,paid,paid_date,currency|Acme,I1,2026-10-01,2026-10-31,100.00,100.00,2026-10-30,CNY|4|2026-13-01
dun-plan|--as-of 2026-11-30|customer,invoice,invoice_date,due_date,amount,paid,currency|Acme,I1,2026-10-01,2026-10-31,100.00,0.00,CNY|4|2026-13-01
pick-script|--as-of 2026-11-30|customer,invoice,due_date,open,currency,excuse|Acme,I1,2026-10-31,100.00,CNY,quality|3|2026-13-01
deal-plan||customer,deal,list_price,cost,currency,min_margin|Acme,D1,1000.00,600.00,CNY,0.10|3|1x
XX
}

# N rows: customer and document numbered, every third one bad
rows() {
	awk -F, -v OFS=, -v n="$1" -v k="$2" -v v="$3" -v row="$4" 'BEGIN {
		for (i = 1; i <= n; i++) {
			$0 = row; $1 = "C" i; $2 = "I" i
			if (i % 3 == 0) $k = v
			print
		}
	}'
}

# what text for a terminal never holds (SPEC 1.9): ESC, BEL, C1 (U+0085,
# U+009B), U+202E
CTL=$(printf '\033\\|\007\\|\302\205\\|\302\233\\|\342\200\256')
tools > "$T/tools"
while IFS='|' read -r t args hdr row col val; do
	# a small input with two bad rows, and a big one
	{ echo "$hdr"; rows 6 "$col" "$val" "$row"; } > "$T/v.csv"
	{ echo "$hdr"; rows "$ROWS" "$col" "$val" "$row"; } > "$T/big.csv"
	cp "$T/v.csv" "$T/keep.csv"
	cd "$T" || exit 2

	# 1: the reject file named as the input, as ./ the input, as stdin
	"$BIN/$t" $args --reject v.csv v.csv > /dev/null 2> e
	rc=$?
	[ $rc = 2 ] && grep -q 'is also an input' e && cmp -s v.csv keep.csv && ok ||
	    bad "1 $t --reject v.csv v.csv: status $rc, $(head -1 e), $(wc -c < v.csv) bytes left"
	cp keep.csv v.csv
	"$BIN/$t" $args --reject ./v.csv < v.csv > /dev/null 2> e
	rc=$?
	[ $rc = 2 ] && grep -q 'also the standard input' e && cmp -s v.csv keep.csv && ok ||
	    bad "1 $t --reject v.csv < v.csv: status $rc, $(head -1 e)"
	cp keep.csv v.csv
	ln -f v.csv link.csv
	"$BIN/$t" $args --reject link.csv - < v.csv > /dev/null 2> e
	rc=$?
	[ $rc = 2 ] && cmp -s v.csv keep.csv && ok ||
	    bad "1 $t: a hard link to the input as the reject file: status $rc"
	cp keep.csv v.csv

	# 2: stdout closed: an error, and the reject file holds only rejects
	rm -f rj.csv
	"$BIN/$t" $args --reject rj.csv v.csv >&- 2> e
	rc=$?
	[ $rc = 2 ] && grep -q 'write error on standard output' e &&
	    [ "$(wc -l < rj.csv)" = 3 ] && ok ||
	    bad "2 $t >&-: status $rc, $(wc -l < rj.csv) lines in the reject file, $(tail -1 e)"
	# ... stderr closed: the messages do not land in the reject file
	rm -f rj.csv
	"$BIN/$t" $args --reject rj.csv v.csv > out 2>&-
	rc=$?
	[ $rc = 1 ] && [ "$(wc -l < rj.csv)" = 3 ] && ! grep -q "^$t:" rj.csv && ok ||
	    bad "2 $t 2>&-: status $rc, $(wc -l < rj.csv) lines in the reject file"

	# 3: | head: every rejection on stderr is in the reject file
	"$BIN/$t" $args --reject rj.csv big.csv 2> e | head -1 > /dev/null
	said=$(grep -c ': invalid\|: not a date' e)
	kept=$(($(wc -l < rj.csv) - 1))
	[ "$said" -gt 0 ] && [ "$said" = "$kept" ] && ok ||
	    bad "3 $t | head: $said rejects on stderr, $kept in the reject file"

	# 5: escapes, ESC, BEL, a C1 control and U+202E in a header and a
	# cell: shown as escapes in -o table and md, on stdout and in -v's
	# stderr; kept as they are in CSV
	{
		printf '%s,x\033]0;t\007y\n' "$hdr"
		echo "$row" | awk -F, -v OFS=, '{ $1 = "\033[2JAcme\302\205x\342\200\256y"; print $0 ",z\033[31m" }'
	} > c5.csv
	a5=$args
	[ "$t" = ar-kpi ] && a5="$args -g customer"	# (a customer column)
	for o in table md; do
		"$BIN/$t" $a5 -v -o $o c5.csv > out 2> e
		rc=$?
		[ $rc -lt 2 ] && ! grep -q "$CTL" out e && grep -q 'x1b' out && ok ||
		    bad "5 $t -o $o -v: status $rc, $(grep -c "$CTL" out) lines of stdout and $(grep -c "$CTL" e) of stderr with a control"
	done
	"$BIN/$t" $a5 -o csv c5.csv > out 2> e
	grep -q "$(printf '\033\\[2JAcme\302\205x\342\200\256y')" out && ok ||
	    bad "5 $t -o csv: the data changed"
	# ... the missing-column message quotes the header (pick-script
	# needs no column on an empty input: its table header shows them)
	printf 'cust\033[2Jomer\342\200\256,x\302\233y\n' > c5m.csv
	"$BIN/$t" $args -o table c5m.csv > out 2> e
	rc=$?
	[ $rc != 1 ] && ! grep -q "$CTL" out e && grep -q 'x1b' out e && ok ||
	    bad "5 $t: a missing column: status $rc, $(cat -v e | head -1)"
	# ... and a rejected value
	echo "$row" | awk -F, -v OFS=, -v k="$col" -v v="$val" \
	    '{ $k = v "\302\205\342\200\256\033[2J"; print }' | { echo "$hdr"; cat; } > c5r.csv
	"$BIN/$t" $args c5r.csv > out 2> e
	rc=$?
	[ $rc = 1 ] && ! grep -q "$CTL" e && grep -q 'u{202E}' e && ok ||
	    bad "5 $t: a rejected value: status $rc, $(cat -v e | head -1)"

	# 6: a bare CR inside a field of an LF file is no record break (the
	# tail would be a record of another customer)
	{ echo "$hdr"; echo "$row" | awk -F, -v OFS=, '{ $1 = "ACME Ltd\rBETA"; print }'; } > c6.csv
	"$BIN/$t" $args c6.csv > out 2> e
	rc=$?
	[ $rc = 0 ] && ! grep -q '^BETA' out && ok ||
	    bad "6 $t: a bare CR in a field: status $rc, $(grep -c '^BETA' out) rows of BETA, $(head -1 e)"

	# 9: --excel-safe: a cell that would start a formula gets a leading '
	{
		printf '%s,=cmd\n' "$hdr"
		echo "$row" | awk -F, -v OFS=, '{ $1 = "\"=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\""; print $0 ",@SUM(A1)" }'
	} > c9.csv
	"$BIN/$t" $a5 --excel-safe c9.csv > out 2> e
	rc=$?
	[ $rc = 0 ] && grep -q "\"'=HYPERLINK" out && ! grep -q '^"=\|,"=\|^=\|,=\|,@\|^@\|,+\|^+' out && ok ||
	    bad "9 $t --excel-safe: status $rc, $(head -2 out | cut -c1-80), $(head -1 e)"

	# 8: a reject file another process writes (a lock): exit 2, untouched
	cp keep.csv locked.csv
	flock -x locked.csv sh -c "\"\$0\" $args --reject locked.csv v.csv > /dev/null 2> e" "$BIN/$t"
	rc=$?
	[ $rc = 2 ] && grep -q 'another process' e && cmp -s locked.csv keep.csv && ok ||
	    bad "8 $t: a locked reject file: status $rc, $(head -1 e)"
	# ... --reject -: a usage error, and no file named -
	rm -f ./-
	"$BIN/$t" $args --reject - v.csv > /dev/null 2> e
	rc=$?
	[ $rc = 2 ] && [ ! -e ./- ] && grep -q 'usage:' e && ok ||
	    bad "8 $t --reject -: status $rc"
	cd "$ROOT" || exit 2
done < "$T/tools"

# 1: a file an option reads (dun-plan --grades) is an input too
cd "$T" || exit 2
printf 'customer,grade\nC1,A\n' > g.csv
cp g.csv gkeep.csv
"$BIN/dun-plan" --as-of 2026-11-30 --grades g.csv --reject g.csv v.csv > /dev/null 2> e
rc=$?
[ $rc = 2 ] && cmp -s g.csv gkeep.csv && ok || bad "1 dun-plan --grades g.csv --reject g.csv: status $rc"
# -O and --reject the same file under two names
ln -f rj.csv rj2.csv
"$BIN/ar-age" --as-of 2026-11-30 --reject rj.csv -O rj2.csv v.csv > /dev/null 2> e
[ $? = 2 ] && ok || bad "-O and --reject one file under two names"
cd "$ROOT" || exit 2

# 4: JSON money from the number's text as written, never through a double
cd "$T" || exit 2
J='"customer":"A","invoice_date":"2026-01-01","due_date":"2026-02-01"'
printf '{%s,"invoice":"1","amount":123456789012345.67}\n{%s,"invoice":"2","amount":1234567890123.456}\n{%s,"invoice":"3","amount":1e3}\n{%s,"invoice":"4","amount":1.005}\n' "$J" "$J" "$J" "$J" > m.json
"$BIN/ar-age" --as-of 2026-11-30 m.json > out 2> e
rc=$?
[ $rc = 1 ] && grep -q '"open":123456789012345.67,' out && [ "$(wc -l < out)" = 1 ] &&
    grep -q ':2: .*too many decimals' e && grep -q ':3: .*"1e3"' e && grep -q ':4: .*too many decimals' e && ok ||
    bad "4 JSON money: status $rc, $(cut -c1-120 out | head -2), $(head -3 e)"
for t in ar-kpi credit-grade dun-plan; do
	"$BIN/$t" --as-of 2026-11-30 m.json > /dev/null 2> e
	[ "$(grep -c 'too many decimals\|"1e3"' e)" = 3 ] && ok || bad "4 $t: JSON money through a double"
done

# 6: a bare CR in a field, through the fast path and libcsv's (a quote on
# the line), in LF and CRLF files, CSV and TSV; CR-only files still work
H='customer,invoice,invoice_date,due_date,amount'
for v in 'lf|\n|ACME Ltd\rBETA,I9,2026-01-01,2026-02-01,500.00' \
    'crlf|\r\n|ACME Ltd\rBETA,I9,2026-01-01,2026-02-01,500.00' \
    'quoted|\n|ACME Ltd\rBETA,"I9",2026-01-01,2026-02-01,500.00' \
    'quoted-crlf|\r\n|ACME Ltd\rBETA,I9,"2026-01-01",2026-02-01,500.00' \
    'tsv|\n|ACME Ltd\rBETA\tI9\t2026-01-01\t2026-02-01\t500.00'; do
	name=${v%%|*} v=${v#*|} nl=${v%%|*} r=${v#*|}
	h=$H
	[ "$name" = tsv ] && h=$(echo "$H" | tr , '\t')
	printf "%s$nl$r${nl}B2,I2,2026-01-01,2026-02-01,1.00$nl" "$h" > c6.csv
	[ "$name" = tsv ] && printf "%s$nl$r${nl}B2\tI2\t2026-01-01\t2026-02-01\t1.00$nl" "$h" > c6.csv
	"$BIN/ar-age" --as-of 2026-11-30 -o json c6.csv > out 2> e
	rc=$?
	[ $rc = 0 ] && [ "$(wc -l < out)" = 2 ] &&
	    grep -q '"customer":"ACME Ltd\\rBETA","invoice":"I9".*"open":500.00' out && ok ||
	    bad "6 $name: a bare CR in a field: status $rc, $(cut -c1-60 out | head -3), $(head -1 e)"
done
# ... CSV output quotes it, so that it reads back as one field
printf '%s\nACME Ltd\rBETA,I9,2026-01-01,2026-02-01,500.00\n' "$H" > c6.csv
"$BIN/ar-age" --as-of 2026-11-30 c6.csv | "$BIN/ar-age" --as-of 2026-11-30 -o json > out 2> e
[ "$(wc -l < out)" = 1 ] && grep -q 'ACME Ltd\\rBETA' out && ok || bad "6: a CR in a field does not round-trip"
# ... a file whose lines end in CR alone: one record a line
printf '%s\rA,I1,2026-01-01,2026-02-01,5.00\rB,"I2",2026-01-01,2026-02-01,6.00\r' "$H" > c6.csv
"$BIN/ar-age" --as-of 2026-11-30 -o json c6.csv > out 2> e
rc=$?
[ $rc = 0 ] && [ "$(wc -l < out)" = 2 ] && grep -q '"customer":"B","invoice":"I2"' out && ok ||
    bad "6: CR-only line ends: status $rc, $(head -1 e)"

# 9: --excel-safe in CSV and TSV, a header included; numbers (a credit
# passed through, a computed negative amount) stay numbers; without it,
# and in JSON, the data stays exact; xlsx writes text as text, never a
# formula
printf '%s,=note\n"=1+2",I1,2026-01-01,2026-02-01,-12.50,+cmd|x\n-B,I2,2026-01-01,2026-02-01,1.00,"\tx"\n' "$H" > c9.csv
"$BIN/ar-age" --as-of 2026-11-30 --excel-safe c9.csv > out 2> e
rc=$?
[ $rc = 0 ] && [ "$(head -1 out | cut -d, -f6)" = "'=note" ] &&
    grep -q "^'=1+2,I1,2026-01-01,2026-02-01,-12.50,'+cmd|x,-12.50," out &&
    grep -q "^'-B,I2,.*,'	x," out && ok ||
    bad "9 --excel-safe csv: status $rc, $(cat out)"
"$BIN/ar-age" --as-of 2026-11-30 --excel-safe -o tsv c9.csv > out 2> e
rc=$?
[ $rc = 0 ] && grep -q "^'=1+2	I1	2026-01-01	2026-02-01	-12.50	'+cmd|x	-12.50	" out &&
    grep -q "^'-B	.*	'\\\\tx	" out && ok || bad "9 --excel-safe tsv: status $rc, $(cat out)"
"$BIN/ar-age" --as-of 2026-11-30 c9.csv > out 2> e
grep -q '^=1+2,I1,.*,+cmd|x,' out && ok || bad "9: without --excel-safe the data changed"
"$BIN/ar-age" --as-of 2026-11-30 --excel-safe -o json c9.csv > out 2> e
grep -q '"customer":"=1+2"' out && ok || bad "9: --excel-safe changed JSON"
rm -f c9.xlsx
"$BIN/ar-age" --as-of 2026-11-30 -o xlsx -O c9.xlsx c9.csv 2> e
unzip -p c9.xlsx xl/worksheets/sheet1.xml > sheet.xml 2> /dev/null
grep -q '=1+2' sheet.xml && ! grep -q '<f>' sheet.xml && ok || bad "9: xlsx: a formula, or no text"

# 7: ICS: a long name cut on UTF-8 boundaries, controls left out, no
# line over 75 octets, a date at the end of the calendar
name=$(awk 'BEGIN { for (i = 0; i < 300; i++) printf "北" }')
printf 'customer,invoice,invoice_date,due_date,amount\n%s\033]0;x\007\013y,I1,2026-01-01,2026-02-01,500.00\nB,I2,2026-01-01,2026-02-01,5.00\n' "$name" > ics.csv
for p in "2026-11-30 2026-12-31" "9999-12-01 9999-12-31"; do
	set -- $p
	"$BIN/dun-plan" --from "$1" --to "$2" -o ics ics.csv > o.ics 2> e
	rc=$?
	[ $rc = 0 ] && iconv -f UTF-8 -t UTF-8 o.ics > /dev/null 2>&1 &&
	    ! grep -q "$(printf '\033\\|\007\\|\013')" o.ics &&
	    [ "$(LC_ALL=C awk 'length($0) > 76' o.ics | wc -l)" = 0 ] &&
	    ! grep -q 'DTEND.*:00000000' o.ics &&
	    [ "$(grep -c '^BEGIN:VEVENT' o.ics)" -ge 2 ] && ok ||
	    bad "7 dun-plan -o ics --from $1: status $rc, $(head -1 e)"
done
# ... 4-byte, 3-byte and 2-byte characters (U+1F600, U+202E, U+0085)
# at every offset of a fold, C1 and bidi controls shown as escapes, no
# invalid byte; dates at both ends of the calendar
for pre in "" a ab abc; do
	name=$(awk -v p="$pre" 'BEGIN { printf "%s", p; for (i = 0; i < 120; i++) printf "\360\237\230\200\342\200\256\302\205" }')
	printf 'customer,invoice,invoice_date,due_date,amount\n%s,I1,0001-01-01,0001-01-02,5.00\n%s,I2,9999-12-30,9999-12-31,5.00\n' "$name" "$name" > ics.csv
	for p in "0001-01-01 0001-03-01" "9999-12-01 9999-12-31"; do
		set -- $p
		"$BIN/dun-plan" --from "$1" --to "$2" -o ics ics.csv > o.ics 2> e
		rc=$?
		[ $rc = 0 ] && iconv -f UTF-8 -t UTF-8 o.ics > /dev/null 2>&1 &&
		    ! grep -q "$CTL" o.ics && grep -q 'u{202E}' o.ics &&
		    [ "$(LC_ALL=C awk 'length($0) > 76' o.ics | wc -l)" = 0 ] &&
		    ! grep -q 'DT[A-Z]*.*:00000000' o.ics && grep -q '^BEGIN:VEVENT' o.ics && ok ||
		    bad "7 dun-plan -o ics, a name after \"$pre\", $1: status $rc, $(head -1 e)"
	done
done
cd "$ROOT" || exit 2

echo "reliability: $((n - fail)) passed, $fail failed"
[ $fail -eq 0 ]
