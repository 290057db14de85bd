#!/bin/sh
# Properties that must hold on any ledger (STYLE: invariants are tests too),
# checked on random ledgers and on the test data:
#  - the bucket columns add up to open; balance = open + unapplied
#  - a summary equals the sum of the detail, and --total the sum of the rows
#  - CSV, TSV and JSON input give the same result; a pipe the same as a file
#  - read = written + filtered + rejected (-v), the reject file holds exactly
#    the rejected records, and a corrected reject file can be fed back in
#  - the two halves read in parallel give what one thread gives, messages
#    in the same order
#  - ar-age | ar-age is idempotent; TZ changes nothing given --as-of
#  - a closed pipe is a quiet exit, a full disk exit 2
set -u
: "${BIN:?}" "${ROOT:?}" "${TMP:?}"
AGE=$BIN/ar-age
CAT=$ROOT/build/unit/rec-cat
D=$ROOT/tests/data
T=$TMP/inv
mkdir -p "$T"
fail=0 n=0
ok() { n=$((n + 1)); }
bad() { n=$((n + 1)); fail=$((fail + 1)); echo "FAIL invariant: $*"; }

# gen SEED ROWS [docs]: a random ledger; with docs, credit notes, payments and
# adjustments too, some with a ref, some without, some naming no invoice
gen() {
	awk -v seed="$1" -v rows="$2" -v docs="${3:-}" -f "$ROOT/tests/lib.awk" -f "$ROOT/tests/gen-ledger.awk"
}

# sum a money column per key (exact: integer minor units via the decimals)
# bucket columns = open, balance = open + unapplied, in every summary row
check_summary() {	# FILE LABEL
	awk -F, -v label="$2" '
	function cents(s,    neg, p, i, f) {
		neg = substr(s, 1, 1) == "-"; if (neg) s = substr(s, 2)
		p = index(s, "."); if (!p) return (neg ? -1 : 1) * s * 1000
		i = substr(s, 1, p - 1); f = substr(s "000", p + 1, 3)
		return (neg ? -1 : 1) * (i * 1000 + f)
	}
	NR == 1 { for (i = 1; i <= NF; i++) { col[$i] = i; if ($i ~ /^(current|d[0-9]+_([0-9]+|plus)|f[0-9]+_([0-9]+|plus))$/) b[++nb] = i }; next }
	{
		s = 0; for (j = 1; j <= nb; j++) s += cents($b[j])
		if (s != cents($col["open"])) { print label ": buckets " s " != open " $col["open"] " in: " $0; bad = 1 }
		if (cents($col["open"]) + cents($col["unapplied"]) != cents($col["balance"])) { print label ": balance in " $0; bad = 1 }
	}
	END { exit bad }' "$1"
}

for seed in ${SEEDS:-1 2 3 4 5 6}; do
	docs=
	[ $seed -gt 3 ] && docs=docs
	gen $seed 400 $docs > "$T/l.csv"
	for asof in 2025-09-30 2026-01-15; do
		for opts in "" "-b 30,60,90" "--basis invoice -b 45" "--future 30 -b 10,20" "--apply fifo" "--daily-rate 0.05 --grace 10"; do
			tag="seed $seed, --as-of $asof $opts"
			"$AGE" --as-of $asof $opts "$T/l.csv" > "$T/detail.csv" 2> "$T/err" || { bad "$tag: detail exit $?: $(head -3 "$T/err")"; continue; }
			"$AGE" --as-of $asof $opts -g customer --total "$T/l.csv" > "$T/sum.csv" 2> "$T/err" || { bad "$tag: summary exit $?"; continue; }
			check_summary "$T/sum.csv" "$tag" && ok || bad "$tag: summary columns"
			# the summary equals the sum of the detail, per customer and currency
			awk -F, '
			function cents(s,    neg, p) {
				neg = substr(s, 1, 1) == "-"; if (neg) s = substr(s, 2)
				p = index(s, "."); if (!p) return (neg ? -1 : 1) * s * 100
				return (neg ? -1 : 1) * (substr(s, 1, p - 1) * 100 + substr(s "00", p + 1, 2))
			}
			FNR == 1 { for (i = 1; i <= NF; i++) c[FILENAME, $i] = i; next }
			FILENAME == ARGV[1] {
				k = $c[FILENAME, "customer"] SUBSEP $c[FILENAME, "currency"]
				o = cents($c[FILENAME, "open"])
				if ($c[FILENAME, "bucket"] == "unapplied") u[k] += o; else { open[k] += o; n[k]++ }
				next
			}
			$1 != "" {
				k = $1 SUBSEP $2
				if (cents($c[FILENAME, "open"]) != open[k] + 0 || cents($c[FILENAME, "unapplied"]) != u[k] + 0 || $c[FILENAME, "count"] != n[k] + 0) {
					print "summary " $0 " != detail open " open[k] " unapplied " u[k] " count " n[k]; bad = 1
				}
				seen[k] = 1
			}
			$1 == "" { tot[$2] = cents($c[FILENAME, "open"]) }
			END {
				for (k in open) if (!(k in seen)) { print "detail group missing from summary: " k; bad = 1 }
				for (k in open) { split(k, p, SUBSEP); t[p[2]] += open[k] }
				for (x in t) if (t[x] != tot[x]) { print "total " x ": " tot[x] " != " t[x]; bad = 1 }
				exit bad
			}' "$T/detail.csv" "$T/sum.csv" && ok || bad "$tag: summary != detail"
		done
	done
	# CSV, TSV and JSON input agree; a pipe agrees with a file
	"$CAT" -o json "$T/l.csv" > "$T/l.json"
	"$CAT" -o tsv "$T/l.csv" > "$T/l.tsv"
	"$AGE" --as-of 2026-01-15 -g salesperson,customer "$T/l.csv" > "$T/a.csv"
	"$AGE" --as-of 2026-01-15 -g salesperson,customer -o csv "$T/l.json" > "$T/b.csv"
	"$AGE" --as-of 2026-01-15 -g salesperson,customer -o csv "$T/l.tsv" > "$T/c.csv"
	cat "$T/l.csv" | "$AGE" --as-of 2026-01-15 -g salesperson,customer > "$T/d.csv"
	cat "$T/l.json" | "$AGE" --as-of 2026-01-15 -g salesperson,customer -o csv > "$T/e.csv"
	for f in b c d e; do
		cmp -s "$T/a.csv" "$T/$f.csv" && ok || bad "seed $seed: CSV, JSON, TSV or piped input differ ($f)"
	done
	"$AGE" --as-of 2026-01-15 "$T/l.csv" > "$T/a.csv"
	"$AGE" --as-of 2026-01-15 -o csv "$T/l.json" > "$T/b.csv"
	cmp -s "$T/a.csv" "$T/b.csv" && ok || bad "seed $seed: detail from CSV and JSON differ"
	# idempotent, when receipts are in the invoices' paid fields (receipts
	# of their own are consumed: the detail leaves them out)
	if [ -z "$docs" ]; then
		"$AGE" --as-of 2026-01-15 "$T/a.csv" > "$T/b.csv"
		cmp -s "$T/a.csv" "$T/b.csv" && ok || bad "seed $seed: ar-age | ar-age changes the output"
	fi
	# one thread or byte ranges on threads, same output and same messages
	for opts in "-g customer" "-g salesperson,month -b 30,60,90 --rate 4.35"; do
		ARKIT_THREADS=1 "$AGE" --as-of 2026-01-15 $opts -v "$T/l.csv" > "$T/a.csv" 2> "$T/a.err"
		ARKIT_SPLIT_MIN=0 ARKIT_DEBUG=1 "$AGE" --as-of 2026-01-15 $opts -v "$T/l.csv" > "$T/b.csv" 2> "$T/b.err"
		if [ -z "$docs" ]; then
			grep -q ': split: [2-9][0-9]* ranges, 0 read again' "$T/b.err" && ok || bad "seed $seed: the file was not split"
		fi
		grep -v ': split: ' "$T/b.err" > "$T/b2.err"
		cmp -s "$T/a.csv" "$T/b.csv" && cmp -s "$T/a.err" "$T/b2.err" && ok || bad "seed $seed $opts: ranges differ from one thread"
	done
done

# credit-grade: one thread or ranges, CSV or JSON, the same grades
CG=$BIN/credit-grade
for seed in ${SEEDS2:-21 22 23}; do
	docs=
	[ $seed = 23 ] && docs=docs
	gen $seed 1500 $docs > "$T/g.csv"
	"$CAT" -o json "$T/g.csv" > "$T/g.json"
	ARKIT_THREADS=1 "$CG" --as-of 2026-01-15 --explain -v "$T/g.csv" > "$T/a.csv" 2> "$T/a.err"
	ARKIT_SPLIT_MIN=0 "$CG" --as-of 2026-01-15 --explain -v "$T/g.csv" > "$T/b.csv" 2> "$T/b.err"
	"$CG" --as-of 2026-01-15 --explain -o csv "$T/g.json" > "$T/c.csv" 2> /dev/null
	cmp -s "$T/a.csv" "$T/b.csv" && cmp -s "$T/a.err" "$T/b.err" && ok || bad "credit-grade seed $seed: ranges differ"
	cmp -s "$T/a.csv" "$T/c.csv" && ok || bad "credit-grade seed $seed: JSON input differs"
	awk '/ read, / { exit !($2 == $4 + $6 + $8) }' "$T/a.err" && ok || bad "credit-grade seed $seed: counts"
	# every customer and currency of the input has its row
	[ "$(tail -n +2 "$T/g.csv" | cut -d, -f1,$([ -n "$docs" ] && echo 10 || echo 8) | sort -u | wc -l)" = "$(($(wc -l < "$T/a.csv") - 1))" ] && ok || bad "credit-grade seed $seed: rows per customer"
done

# ranges with bad records, warnings and quotes on every side of the cuts
gen 9 3000 > "$T/l.csv"
awk 'NR % 97 == 0 { $0 = $0 ",extra" } NR % 131 == 0 { sub(/,CNY,/, ",RMB,") }
     NR % 173 == 0 { sub(/^C/, "\"C\"\"") ; sub(/,I/, "\",I") }
     NR == 1500 { sub(/^C[0-9]/, "\"line\nbreak\"") } { print }' "$T/l.csv" > "$T/m.csv"
for split in 0:2 1:3 2000:4 60000:7; do
	ARKIT_THREADS=1 "$AGE" --as-of 2026-01-15 -g customer -v --reject "$T/ra.csv" "$T/m.csv" > "$T/a.csv" 2> "$T/a.err"
	ARKIT_THREADS=${split#*:} ARKIT_SPLIT_MIN=${split%:*} ARKIT_DEBUG=1 "$AGE" --as-of 2026-01-15 -g customer -v --reject "$T/rb.csv" "$T/m.csv" > "$T/b.csv" 2> "$T/b.err"
	# the ranges after the first held their messages back
	grep -q ': split: .* [1-9][0-9]* with messages$' "$T/b.err" && ok || bad "split at $split: no range held messages back"
	grep -v ': split: ' "$T/b.err" > "$T/b2.err"
	cmp -s "$T/a.csv" "$T/b.csv" && cmp -s "$T/a.err" "$T/b2.err" && cmp -s "$T/ra.csv" "$T/rb.csv" && ok || bad "split at $split: differs from one thread"
done
# a quoted field across the middle of the file: the range after it is read
# again from the record's end
size=$(wc -c < "$T/l.csv")
awk -v at=$((size / 2 - 60)) '{
	if (!done && pos + length($0) + 1 > at) {
		nl = ""; for (i = 0; i < 400; i++) nl = nl "\n"
		sub(/,S[0-9],/, ",\"S" nl "\","); done = 1
	}
	pos += length($0) + 1; print }' "$T/l.csv" > "$T/q2.csv"
ARKIT_THREADS=1 "$AGE" --as-of 2026-01-15 -g salesperson -v "$T/q2.csv" > "$T/a.csv" 2> "$T/a.err"
for th in 2 4; do
ARKIT_THREADS=$th ARKIT_SPLIT_MIN=0 ARKIT_DEBUG=1 "$AGE" --as-of 2026-01-15 -g salesperson -v "$T/q2.csv" > "$T/b.csv" 2> "$T/b.err"
grep -v ': split: ' "$T/b.err" > "$T/b2.err"
grep -q ': split: .* [1-9] read again' "$T/b.err" && cmp -s "$T/a.csv" "$T/b.csv" && cmp -s "$T/a.err" "$T/b2.err" && ok || bad "$th threads: a quoted field across a cut"
done

# conservation: read = written + filtered + rejected, and the reject file
"$AGE" --as-of 2026-01-15 -v --reject "$T/rej.csv" "$T/m.csv" > "$T/out.csv" 2> "$T/err"
awk '/ read, / { r = $2; w = $4; f = $6; j = $8 } END { exit !(r == w + f + j && r > 0) }' "$T/err" && ok || bad "counts do not add up: $(tail -1 "$T/err")"
w=$(awk '/ read, / { print $4 }' "$T/err"); j=$(awk '/ read, / { print $8 }' "$T/err")
# (records, not lines: a quoted field may hold a line break)
"$CAT" -v "$T/out.csv" > /dev/null 2> "$T/cat.err"
[ "$(awk '/ read, / { print $2 }' "$T/cat.err")" = "$w" ] && ok || bad "written $w, but the output has other rows"
"$CAT" -v "$T/rej.csv" > /dev/null 2> "$T/cat.err"
[ "$(awk '/ read, / { print $2 }' "$T/cat.err")" = "$j" ] && ok || bad "rejected $j, but the reject file holds other records"
[ "$(grep -c ':[0-9]*: ' "$T/err")" = "$j" ] && ok || bad "rejected $j, but stderr has another number of messages"
r=$(awk '/ read, / { print $2 }' "$T/err")
[ "$r" = 3000 ] && ok || bad "read $r of 3000 records"
# feeding the reject file back gives the same rejections (nothing fixed)
"$AGE" --as-of 2026-01-15 -v --reject "$T/rej2.csv" "$T/rej.csv" > /dev/null 2> "$T/err2"
[ "$(awk '/ read, / { print $8 }' "$T/err2")" = "$j" ] && ok || bad "the reject file fed back: $(tail -1 "$T/err2")"
# a corrected reject file is accepted and its output has no _error column
"$AGE" --as-of 2026-11-30 --reject "$T/rej3.csv" "$D/bad.csv" > /dev/null 2>&1
sed 's/2026-13-01/2026-12-01/' "$T/rej3.csv" > "$T/fixed.csv"
"$AGE" --as-of 2026-11-30 "$T/fixed.csv" > "$T/out.csv" 2> /dev/null
grep -q '^A,1,2026-01-01,2026-12-01,10.00,0,CNY,no,10.00,-1,current$' "$T/out.csv" && ! grep -q _error "$T/out.csv" && ok || bad "a corrected reject file is not read back"
# JSON reject file: objects verbatim plus _error and _source
printf '{"customer":"A","invoice":"1","due_date":"2026-13-01","amount":1.5}\n[1]\n{"customer":"B","invoice":"2","due_date":"2026-10-01","amount":2}\n' > "$T/j.json"
"$AGE" --as-of 2026-11-30 --reject "$T/jrej.json" "$T/j.json" > /dev/null 2>&1
[ "$(jq -c . "$T/jrej.json" | tr '\n' '|')" = '{"customer":"A","invoice":"1","due_date":"2026-13-01","amount":1.5,"_error":"field '"'"'due_date'"'"': invalid date (YYYY-MM-DD) \"2026-13-01\"","_source":"'"$T"'/j.json:1"}|{"_raw":"1","_error":"not a JSON object but a number","_source":"'"$T"'/j.json:2"}|' ] && ok || bad "JSON reject file: $(cat "$T/jrej.json")"
: > "$T/empty.csv"
"$AGE" --as-of 2026-11-30 --reject "$T/jrej.json" "$D/ledger.csv" > /dev/null 2>&1
[ ! -s "$T/jrej.json" ] && ok || bad "the reject file is not truncated when nothing is rejected"

# TZ changes nothing when --as-of is given
TZ=Pacific/Kiritimati "$AGE" --as-of 2026-01-15 -g customer "$T/l.csv" > "$T/a.csv"
TZ=America/Adak "$AGE" --as-of 2026-01-15 -g customer "$T/l.csv" > "$T/b.csv"
cmp -s "$T/a.csv" "$T/b.csv" && ok || bad "TZ changes the output"

# a closed pipe: quiet, status so far; a full disk: exit 2 with a message
gen 11 20000 > "$T/big.csv"
("$AGE" --as-of 2026-01-15 "$T/big.csv" 2> "$T/err"; echo $? > "$T/rc") | head -n 1 > /dev/null
[ "$(cat "$T/rc")" = 0 ] && [ ! -s "$T/err" ] && ok || bad "closed pipe: exit $(cat "$T/rc"), $(cat "$T/err")"
if [ -w /dev/full ]; then
	"$AGE" --as-of 2026-01-15 "$T/big.csv" > /dev/full 2> "$T/err"
	rc=$?
	[ $rc = 2 ] && grep -q 'write error' "$T/err" && ok || bad "/dev/full: exit $rc, $(cat "$T/err")"
	"$AGE" --as-of 2026-01-15 --reject /dev/full "$D/bad.csv" > /dev/null 2> "$T/err"
	rc=$?
	[ $rc = 2 ] && grep -q 'write error on /dev/full' "$T/err" && ok || bad "reject to /dev/full: exit $rc"
fi
# -h and -V go to stdout and exit 0
"$AGE" --help > "$T/h" 2>&1 && head -1 "$T/h" | grep -q '^usage: ar-age' && ok || bad "--help"

echo "invariants: $((n - fail)) passed, $fail failed"
[ $fail -eq 0 ]
