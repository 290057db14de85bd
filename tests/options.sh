#!/bin/sh
# The common options a script passes to every tool (SPEC 1.4, 1.8): each
# tool takes them; -O writes the file and never an input; -q leaves only
# warnings; the --as-of words are the dates a cron job means; a typo names
# the nearest option and prints the short usage.
set -u
: "${BIN:?}" "${ROOT:?}" "${TMP:?}"
T=$TMP/options
mkdir -p "$T"
fail=0 n=0
ok() { n=$((n + 1)); }
bad() { n=$((n + 1)); fail=$((fail + 1)); echo "FAIL options: $*"; }
L=$ROOT/examples/ledger.csv
D=$ROOT/examples/deals.csv

"$BIN/ar-age" --as-of 2026-11-30 "$L" > "$T/aged.csv"
input_of() {	# the example each tool reads
	case $1 in
	deal-plan) echo "$D" ;;
	pay-plan) echo "$T/aged.csv" ;;	# what a customer owes, not a ledger
	*) echo "$L" ;;
	esac
}

for t in $(sed -n 's/^BIN = //p' "$ROOT/Makefile"); do
	in=$(input_of "$t")
	# the options every tool accepts
	"$BIN/$t" --as-of 2026-11-30 --lang en -q --currency CNY "$in" > "$T/a" 2> "$T/a.err"
	rc=$?
	[ $rc -le 1 ] && ok || bad "$t does not take the common options: $(head -2 "$T/a.err")"
	# -O FILE: the same bytes in the file, nothing on standard output
	"$BIN/$t" --as-of 2026-11-30 --lang en -q --currency CNY -O "$T/o" "$in" > "$T/b" 2> /dev/null
	[ ! -s "$T/b" ] && cmp -s "$T/a" "$T/o" && ok || bad "$t -O: the file differs from standard output"
	# TSV in, TSV out (the output format follows the input's)
	tr ',' '\t' < "$in" > "$T/in.tsv"
	"$BIN/$t" --as-of 2026-11-30 --lang en -q --currency CNY "$T/in.tsv" > "$T/t" 2> /dev/null
	head -1 "$T/t" | grep -q '	' && ! head -1 "$T/t" | grep -q ',' && ok || bad "$t: TSV in, not TSV out: $(head -c 80 "$T/t")"
	# -O naming an input: refused before anything is written
	cp "$in" "$T/in.csv"
	cp "$in" "$T/in.keep"
	"$BIN/$t" --as-of 2026-11-30 -O "$T/in.csv" "$T/in.csv" > /dev/null 2> "$T/c.err"
	rc=$?
	[ $rc = 2 ] && cmp -s "$T/in.csv" "$T/in.keep" && grep -q 'also an input' "$T/c.err" && ok ||
		bad "$t -O INPUT INPUT: exit $rc, $(head -1 "$T/c.err")"
	"$BIN/$t" --as-of 2026-11-30 -O "$T/in.csv" < "$T/in.csv" > /dev/null 2> "$T/c.err"
	rc=$?
	[ $rc = 2 ] && cmp -s "$T/in.csv" "$T/in.keep" && ok || bad "$t -O INPUT < INPUT: exit $rc"
	# a typo: the nearest option, the short usage, exit 2
	"$BIN/$t" --langg zh "$in" > "$T/d" 2> "$T/d.err"
	rc=$?
	[ $rc = 2 ] && [ ! -s "$T/d" ] && grep -q 'did you mean --lang?' "$T/d.err" &&
	    grep -q '^usage: ' "$T/d.err" && ! grep -q 'Common options' "$T/d.err" && ok ||
		bad "$t --langg: exit $rc, $(head -1 "$T/d.err")"
	# an unknown output format lists the ones it writes
	"$BIN/$t" -o pdf "$in" > /dev/null 2> "$T/e.err"
	grep -q 'it writes csv, tsv, json' "$T/e.err" && ok || bad "$t -o pdf: $(head -1 "$T/e.err")"
done

# the --as-of words, against date(1) under the same TZ
for w in today yesterday month-end last-month-end; do
	case $w in
	today) want=$(date +%F) ;;
	yesterday) want=$(date -d yesterday +%F) ;;
	month-end) want=$(date -d "$(date +%Y-%m-01) +1 month -1 day" +%F) ;;
	last-month-end) want=$(date -d "$(date +%Y-%m-01) -1 day" +%F) ;;
	esac
	"$BIN/ar-age" --as-of "$w" "$L" > "$T/w" 2>&1
	"$BIN/ar-age" --as-of "$want" "$L" > "$T/x" 2>&1
	cmp -s "$T/w" "$T/x" && ok || bad "--as-of $w is not $want"
done
"$BIN/ar-age" --as-of last-week "$L" > /dev/null 2> "$T/f.err"
[ $? = 2 ] && grep -q 'yesterday, month-end or last-month-end' "$T/f.err" && ok || bad "--as-of last-week: $(head -1 "$T/f.err")"

# -q: the notes go, the warnings stay
printf '应收款明细表\n客户,单据号,单据日期,到期日,金额\nA,1,2026-01-01,2026-02-01,10.00\n合计,,,,10.00\n' > "$T/k.csv"
"$BIN/ar-norm" "$T/k.csv" > /dev/null 2> "$T/g.err"
grep -q 'skipped' "$T/g.err" && ok || bad "ar-norm says nothing of the rows it skipped"
"$BIN/ar-norm" -q "$T/k.csv" > /dev/null 2> "$T/g.err"
[ ! -s "$T/g.err" ] && ok || bad "ar-norm -q: $(head -1 "$T/g.err")"
# what a tool assumed (a receipt with no date, a customer in several
# currencies) is a note: said without -q, not with it
printf 'customer,invoice,doc_type,ref,invoice_date,due_date,amount,paid,paid_date,currency\nA,I3,invoice,,2026-10-02,2026-11-01,700.00,,,CNY\nA,P1,payment,I3,,,200.00,,,CNY\nA,I4,invoice,,2026-10-02,2026-10-02,10.00,10.00,2026-10-05,USD\nA,I5,invoice,,2026-10-02,2026-10-02,20.00,,,USD\n' > "$T/u.csv"
for t in ar-kpi credit-grade dun-plan; do
	"$BIN/$t" --as-of 2026-11-30 "$T/u.csv" > /dev/null 2> "$T/u.err"
	[ -s "$T/u.err" ] && ok || bad "$t says nothing of what it assumed"
	"$BIN/$t" -q --as-of 2026-11-30 "$T/u.csv" > /dev/null 2> "$T/u.err"
	[ ! -s "$T/u.err" ] && ok || bad "$t -q: $(head -1 "$T/u.err")"
done
printf 'customer,invoice,due_date,amount\nA,1,2026-13-01,5\n' | "$BIN/ar-age" -q --as-of 2026-11-30 > /dev/null 2> "$T/h.err"
grep -q "invalid date" "$T/h.err" && ok || bad "-q hid a rejected record"

echo "options: $((n - fail)) passed, $fail failed"
[ $fail -eq 0 ]
