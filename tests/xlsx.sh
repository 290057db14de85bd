#!/bin/sh
# -o xlsx on every tool (SPEC 1.9), read back from the workbook itself: the
# sheet's XML and its styles are unzipped, and every cell is compared with
# the CSV the same command writes: money and counts are numbers equal to
# the CSV text, dates are Excel dates of the same day, everything else is
# text equal to the CSV (so "=1+2" and "0000611365" stay text); the header
# is bold and frozen, the columns have widths; -O writes the same bytes a
# redirect does; a terminal is refused.
set -u
: "${BIN:?}" "${ROOT:?}" "${TMP:?}"
T=$TMP/xlsx
mkdir -p "$T"
fail=0 n=0
ok() { n=$((n + 1)); }
bad() { n=$((n + 1)); fail=$((fail + 1)); echo "FAIL xlsx: $*"; }
CAT=$ROOT/build/unit/rec-cat
E=$ROOT/examples

# sheet XML + styles -> one line per cell: ROW<TAB>COL<TAB>TYPE<TAB>VALUE,
# TYPE number, date, text or bold (a text cell in a bold font)
cells() {
	unzip -p "$1" xl/styles.xml > "$T/styles.xml" &&
	unzip -p "$1" xl/worksheets/sheet1.xml > "$T/sheet.xml" || return 1
	awk -v styles="$T/styles.xml" -f "$ROOT/tests/lib.awk" -f /dev/stdin "$T/sheet.xml" <<'EOF'
function attr(s, name,    p, r) {
	p = index(s, " " name "=\""); if (!p) return ""
	r = substr(s, p + length(name) + 3); return substr(r, 1, index(r, "\"") - 1)
}
function unxml(s,    out, p, h) {
	gsub(/&lt;/, "<", s); gsub(/&gt;/, ">", s); gsub(/&quot;/, "\"", s)
	gsub(/&apos;/, "'", s); gsub(/&amp;/, "\\&", s)
	return s
}
function colnum(ref,    i, c, v) {
	v = 0
	for (i = 1; i <= length(ref); i++) {
		c = substr(ref, i, 1); if (c !~ /[A-Z]/) break
		v = v * 26 + index("ABCDEFGHIJKLMNOPQRSTUVWXYZ", c)
	}
	return v
}
BEGIN {
	RS = "\001"; getline st < styles; RS = "\n"
	# number formats by id, then the cell formats in order
	s = st
	while ((p = index(s, "<numFmt ")) > 0) {
		s = substr(s, p + 1); e = substr(s, 1, index(s, ">"))
		fmt[attr(e, "numFmtId")] = attr(e, "formatCode")
	}
	s = st; nf = 0
	p = index(s, "<fonts"); s = substr(s, p); q = index(s, "</fonts>"); f = substr(s, 1, q)
	while ((p = index(f, "<font>")) > 0) {
		f = substr(f, p + 6); e = substr(f, 1, index(f, "</font>"))
		boldfont[nf++] = index(e, "<b/>") > 0
	}
	s = st; p = index(s, "<cellXfs"); s = substr(s, p); q = index(s, "</cellXfs>"); s = substr(s, 1, q)
	nx = 0
	while ((p = index(s, "<xf ")) > 0) {
		s = substr(s, p + 1); e = substr(s, 1, index(s, ">"))
		xf_fmt[nx] = attr(e, "numFmtId"); xf_bold[nx] = boldfont[attr(e, "fontId") + 0]; nx++
	}
}
{ sheet = sheet $0 "\n" }
END {
	if (index(sheet, "state=\"frozen\"") && index(sheet, "ySplit=\"1\"")) print "0\t0\tfrozen\t"
	if (index(sheet, "<cols>")) print "0\t0\tcols\t"
	s = sheet
	while ((p = index(s, "<c ")) > 0) {
		s = substr(s, p)
		e = substr(s, 1, index(s, ">"))
		ref = attr(e, "r"); t = attr(e, "t"); xs = attr(e, "s") + 0
		if (substr(e, length(e) - 1) == "/>") { s = substr(s, 3); continue }
		q = index(s, "</c>"); body = substr(s, 1, q); s = substr(s, q + 4)
		row = ref; gsub(/[A-Z]/, "", row)
		if (t == "inlineStr" || t == "str") {
			v = body; sub(/.*<t[^>]*>/, "", v); sub(/<\/t>.*/, "", v)
			type = xf_bold[xs] ? "bold" : "text"
		} else {
			v = body; sub(/.*<v>/, "", v); sub(/<\/v>.*/, "", v)
			code = fmt[xf_fmt[xs]]
			type = (code ~ /yy|dd/) ? "date" : "number"
			if (type == "date") v = date(v - 25569)
		}
		v = unxml(v)	# escaped as rec-cat -o tsv does: a letter has lines
		gsub(/\\/, "\\\\", v); gsub(/\t/, "\\t", v); gsub(/\n/, "\\n", v)
		printf "%d\t%d\t%s\t%s\n", row, colnum(ref), type, v
	}
}
EOF
}

# the CSV -> ROW<TAB>COL<TAB>VALUE (TSV-escaped values are compared as such)
csvcells() {
	"$CAT" -o tsv "$1" 2> /dev/null | awk -F '\t' '
	NR == 1 { nf = NF; for (i = 1; i <= NF; i++) h[i] = $i }
	{ for (i = 1; i <= NF; i++) if ($i != "") printf "%d\t%d\t%s\n", NR, i, $i }'
}

# the fields that must be numbers and dates, whichever tool writes them
# (written from SPEC 1.3, 3, 4, 5; not from the vocabulary table)
NUMS=amount,paid,open,running_balance,credit_left,claim,amount_lc,promise_amount,days_overdue,age_days,interest,count,current,d1_30,d31_60,d61_90,d91_120,d121_plus,unapplied,balance,disputed_open,oldest_days,avg_days,billed,collected,opening_ar,closing_ar,current_ar,overdue,dso,dso_avg,dso_countback,bpdso,add,cei,on_time_rate,on_time_rate_amount,overdue_ratio,avg_days_late,max_days_overdue,timeliness,exposure,tenure,score,credit_limit,available,priority,items,oldest_days,list_price,cost,competitor_price,budget,basic,optimal,reference
DATES=invoice_date,due_date,paid_date,promise_date,last_contact,hold_until,date,period_start,period_end

compare() {	# compare TAG CSV XCELLS
	csvcells "$2" > "$T/c.tsv"
	awk -F '\t' -v tag="$1" -v numf=",$NUMS," -v datef=",$DATES," '
	FILENAME == ARGV[1] {
		want[$1 "," $2] = $3
		if ($1 == 1) {
			if (index(numf, "," $3 ",")) nums = nums "," $2
			if (index(datef, "," $3 ",")) dates = dates "," $2
		}
		next
	}
	FNR == 1 { nums = nums ","; dates = dates "," }
	$3 == "frozen" { frozen = 1; next }
	$3 == "cols" { cols = 1; next }
	{
		k = $1 "," $2; seen[k] = 1
		if (!(k in want)) { print tag ": cell " k " is not in the CSV: " $4; bad = 1; next }
		w = want[k]
		if ($1 == 1) { if ($3 != "bold") { print tag ": header " k " not bold"; bad = 1 } ; next }
		if (index(nums, "," $2 ",")) {
			if ($3 != "number" || $4 + 0 != w + 0) { print tag ": " k " want number " w ", got " $3 " " $4; bad = 1 }
		} else if (index(dates, "," $2 ",")) {
			if ($3 != "date" || $4 != w) { print tag ": " k " want date " w ", got " $3 " " $4; bad = 1 }
		} else if ($3 == "text") {
			if ($4 != w) { print tag ": " k " want text [" w "], got [" $4 "]"; bad = 1 }
		} else if ($3 == "number") {
			if ($4 + 0 != w + 0 || w !~ /^-?[0-9]+(\.[0-9]+)?$/) { print tag ": " k " want " w ", got number " $4; bad = 1 }
		} else if ($3 == "date") {
			if ($4 != w) { print tag ": " k " want " w ", got date " $4; bad = 1 }
		}
	}
	END {
		for (k in want) if (!(k in seen)) { print tag ": cell " k " missing: " want[k]; bad = 1 }
		if (!frozen) { print tag ": the header is not frozen"; bad = 1 }
		if (!cols) { print tag ": no column widths"; bad = 1 }
		exit bad
	}' "$T/c.tsv" "$3" > "$T/cmp" 2>&1 && ok || { bad "$1"; head -5 "$T/cmp"; }
}

# every tool, a command
while IFS='%' read -r tag cmd; do
	sh -c "$cmd -o csv" > "$T/a.csv" 2> /dev/null
	sh -c "$cmd -o xlsx" > "$T/a.xlsx" 2> "$T/err"
	[ -s "$T/a.xlsx" ] || { bad "$tag: no workbook: $(head -2 "$T/err")"; continue; }
	cells "$T/a.xlsx" > "$T/x.tsv" || { bad "$tag: not a workbook"; continue; }
	compare "$tag" "$T/a.csv" "$T/x.tsv"
done <<EOF
ar-age detail%cd $E && $BIN/ar-age --as-of 2026-11-30 ledger.csv
ar-age summary%cd $E && $BIN/ar-age --as-of 2026-11-30 -g customer --total ledger.csv
ar-kpi%cd $E && $BIN/ar-kpi --as-of 2026-11-30 -g customer history.csv
credit-grade%cd $E && $BIN/credit-grade --as-of 2026-11-30 history.csv
dun-plan%cd $E && $BIN/dun-plan --as-of 2026-11-30 history.csv
pick-script%cd $E && $BIN/dun-plan --as-of 2026-11-30 history.csv | $BIN/pick-script --as-of 2026-11-30
ar-norm%cd $E && $BIN/ar-norm -p kingdee erp/kingdee-ar-detail.csv
deal-plan%cd $E && $BIN/deal-plan deals.csv
pay-plan%cd $E && $BIN/ar-age --as-of 2026-11-30 ledger.csv | $BIN/pay-plan --as-of 2026-11-30 -n 3 --rate 12 --down 10
ar-statement%cd $E && $BIN/ar-statement --as-of 2026-11-30 --from 2026-09-01 --to 2026-11-30 --rate 6 ledger.csv
EOF

# what a spreadsheet user must never get: a formula, a number that was an id
printf 'customer,invoice,due_date,amount,currency,salesperson\n=1+2,0000611365,2026-10-01,1234.50,CNY,@SUM(A1)\n"-3+4, Ltd",00017,2026-09-01,-0.10,CNY,+x\n' > "$T/evil.csv"
"$BIN/ar-age" --as-of 2026-11-30 -o xlsx "$T/evil.csv" > "$T/e.xlsx" 2> /dev/null
cells "$T/e.xlsx" > "$T/e.tsv"
awk -F '\t' '$1 == 2 && $2 == 1 && $3 == "text" && $4 == "=1+2" { a = 1 }
    $1 == 2 && $2 == 2 && $3 == "text" && $4 == "0000611365" { b = 1 }
    $1 == 2 && $2 == 4 && $3 == "number" && $4 == 1234.5 { c = 1 }
    $1 == 3 && $2 == 6 && $3 == "text" && $4 == "+x" { d = 1 }
    $1 == 3 && $2 == 4 && $3 == "number" && $4 == -0.1 { e = 1 }
    END { exit !(a && b && c && d && e) }' "$T/e.tsv" && ok || { bad "formulas or ids not kept as text"; cat "$T/e.tsv" | head -20; }
grep -q '<f>' "$T/sheet.xml" && bad "a formula in the sheet" || ok

# --lang zh: the vocabulary's labels and words, the same numbers
(cd "$E" && "$BIN/dun-plan" --as-of 2026-11-30 --lang zh -o xlsx history.csv) > "$T/z.xlsx" 2> /dev/null
cells "$T/z.xlsx" > "$T/z.tsv"
grep -q "$(printf '^1\t[0-9]*\tbold\t动作$')" "$T/z.tsv" && grep -q "$(printf '\ttext\t书面通知$')" "$T/z.tsv" && ok ||
	bad "--lang zh: no 动作 header or 书面通知 word"

# -O FILE gives the bytes of a redirect (but for the zip's timestamps)
(cd "$E" && "$BIN/ar-age" --as-of 2026-11-30 -o xlsx -O "$T/o.xlsx" ledger.csv) > "$T/o.out" 2>&1
[ ! -s "$T/o.out" ] && cells "$T/o.xlsx" > "$T/o.tsv" && (cd "$E" && "$BIN/ar-age" --as-of 2026-11-30 -o xlsx ledger.csv) > "$T/p.xlsx" &&
    cells "$T/p.xlsx" > "$T/p.tsv" && cmp -s "$T/o.tsv" "$T/p.tsv" && ok || bad "-O differs from a redirect"

# a terminal is refused, with the way out (script(1) gives a terminal)
if command -v script > /dev/null; then
	script -qec "cd $E && $BIN/ar-age --as-of 2026-11-30 -o xlsx ledger.csv; echo rc=\$?" /dev/null > "$T/tty" 2>&1
	grep -q 'not for a terminal' "$T/tty" && grep -q 'rc=2' "$T/tty" && ok || bad "xlsx on a terminal: $(head -2 "$T/tty")"
fi

# an empty input: a workbook with the header only; a sheet's row limit
printf 'customer,invoice,due_date,amount\n' | "$BIN/ar-age" --as-of 2026-11-30 -o xlsx > "$T/h.xlsx" 2> /dev/null
cells "$T/h.xlsx" | grep -c "$(printf '\tbold\t')" | grep -qx 7 && ok || bad "header-only input"
awk 'BEGIN { print "customer,invoice,due_date,amount"; for (i = 0; i < 1048576; i++) printf "C,I%d,2026-01-01,1.00\n", i }' > "$T/big.csv"
"$BIN/ar-age" --as-of 2026-11-30 -o xlsx "$T/big.csv" > "$T/big.xlsx" 2> "$T/big.err"
[ $? = 2 ] && grep -q 'a sheet.s limit' "$T/big.err" && ok || bad "over 1,048,575 rows: $(head -1 "$T/big.err")"
rm -f "$T/big.csv" "$T/big.xlsx"

echo "xlsx: $((n - fail)) passed, $fail failed"
[ $fail -eq 0 ]
