#!/bin/sh
# ar-kpi: properties that must hold on any ledger, on random ledgers:
#  - closing_ar, opening_ar, current_ar, overdue, disputed_open and
#    overdue_cost are what ar-age says for --as-of TO and FROM-1 (balance,
#    current, open - current, disputed_open, interest at --rate)
#  - the balance moves only by what the period billed and collected:
#    closing - opening - billed + collected = adjustments dated in the period
#    - the paid shorthand with no paid_date of invoices issued in it
#  - the rows of any grouping add up to the ungrouped figures
#  - an oracle in awk (billed, collected, opening, closing, current, dso,
#    dso_countback, on_time_rate, avg_days_late) on plain ledgers
#  - a receipt given as a payment document = the same receipt as paid shorthand
#  - CSV, TSV and JSON input, a pipe and a file, one thread and two halves
#    give the same output; read = written + filtered + rejected
#  - the IBM sample: on-time rate and days late agree with its DaysLate column
set -u
: "${BIN:?}" "${ROOT:?}" "${TMP:?}"
KPI=$BIN/ar-kpi
AGE=$BIN/ar-age
CAT=$ROOT/build/unit/rec-cat
T=$TMP/kpi
mkdir -p "$T"
fail=0 n=0
ok() { n=$((n + 1)); }
bad() { n=$((n + 1)); fail=$((fail + 1)); echo "FAIL ar-kpi: $*"; }

# gen SEED ROWS [docs]: a random ledger (as tests/invariants.sh makes them)
gen() {
	awk -v seed="$1" -v rows="$2" -v docs="${3:-}" -f "$ROOT/tests/lib.awk" -f "$ROOT/tests/gen-ledger.awk"
}

# awk library: exact minor units (any decimals), days from YYYY-MM-DD, and
# rounding half away from zero
LIB=$(cat "$ROOT/tests/lib.awk")

# the day before a date
prev() { awk -v d="$1" "$LIB"'
	BEGIN { print date(day(d) - 1) }'; }

# compare FIELDS of FILE (ar-kpi) with EXPR over columns of REF (keyed by
# customer,currency; missing rows are zeros)
agree() {	# LABEL KPI REF 'kpi-col=ref-expr' ...
	label=$1 kpi=$2 ref=$3; shift 3
	awk -F, -v label="$label" -v pairs="$*" "$LIB"'
	FNR == 1 { for (i = 1; i <= NF; i++) col[FILENAME, $i] = i; f = FILENAME; next }
	function v(name) { return cents($col[f, name]) }
	function ev(e,    t, s, k, sign) {	# a + b - c over column names
		gsub(/-/, "+-", e); k = split(e, t, "+"); s = 0
		for (i = 1; i <= k; i++) { if (t[i] == "") continue
			sign = substr(t[i], 1, 1) == "-" ? -1 : 1; if (sign < 0) t[i] = substr(t[i], 2)
			s += sign * v(t[i]) }
		return s
	}
	FILENAME == ARGV[2] { key = $1 SUBSEP $2; keys[key] = 1
		np = split(pairs, pp, " "); for (p = 1; p <= np; p++) { split(pp[p], q, "="); want[key, p] = ev(q[2]) } next }
	{ key = $1 SUBSEP $2; keys[key] = 1
		np = split(pairs, pp, " "); for (p = 1; p <= np; p++) { split(pp[p], q, "="); got[key, p] = v(q[1]) } }
	END {
		for (key in keys) for (p = 1; p <= np; p++)
			if (got[key, p] + 0 != want[key, p] + 0) {
				split(key, kk, SUBSEP); split(pp[p], q, "=")
				print label ": " kk[1] " " kk[2] " " q[1] " " got[key, p] + 0 " != " want[key, p] + 0; bad = 1
			}
		exit bad
	}' "$kpi" "$ref"
}

periods="2025-09-01:2025-09-30:2025-10-15 2025-06-16:2026-01-15:2026-01-15 2026-02-01:2026-02-28:2026-03-01"
for seed in ${SEEDS:-1 2 3 4 5 6}; do
	docs=
	[ $seed -gt 3 ] && docs=docs
	gen $seed 400 $docs > "$T/l.csv"
	for p in $periods; do
		from=${p%%:*} rest=${p#*:} to=${p#*:}; to=${to%%:*} asof=${rest#*:}
		before=$(prev $from)
		tag="seed $seed $from..$to"
		"$KPI" --as-of $asof --from $from --to $to -g customer --cost-rate 4.35 "$T/l.csv" > "$T/k.csv" 2> "$T/err" || { bad "$tag: exit $?: $(head -3 "$T/err")"; continue; }
		"$AGE" --as-of $to -g customer --rate 4.35 "$T/l.csv" > "$T/a1.csv"
		"$AGE" --as-of $before -g customer "$T/l.csv" > "$T/a0.csv"
		agree "$tag, closing" "$T/k.csv" "$T/a1.csv" closing_ar=balance current_ar=current \
		    overdue=open-current disputed_open=disputed_open overdue_cost=interest && ok || bad "$tag: closing != ar-age"
		agree "$tag, opening" "$T/k.csv" "$T/a0.csv" opening_ar=balance && ok || bad "$tag: opening != ar-age"
		# the balance identity, against what awk reads from the ledger
		awk -F, -v from=$from -v to=$to "$LIB"'
		NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next }
		{
			k = $c["customer"] SUBSEP $c["currency"]; t = ("doc_type" in c) ? $c["doc_type"] : "invoice"
			d = $c["invoice_date"]; inp = d >= from && d <= to
			if (t == "adjustment" && inp) r[k] += cents($c["amount"])
			if (t == "invoice" && inp && $c["paid_date"] == "") r[k] -= cents($c["paid"])
			seen[k] = 1
		}
		END { for (k in seen) { split(k, p, SUBSEP); printf "%s,%s,%.3f\n", p[1], p[2], r[k] / 1000 } }' "$T/l.csv" |
		    sed '1i customer,currency,r' > "$T/r.csv"
		awk -F, "$LIB"'
		FNR == 1 { for (i = 1; i <= NF; i++) c[FILENAME, $i] = i; next }
		FILENAME == ARGV[1] { k = $1 SUBSEP $2; f = FILENAME
			m[k] = cents($c[f, "closing_ar"]) - cents($c[f, "opening_ar"]) - cents($c[f, "billed"]) + cents($c[f, "collected"]); next }
		{ k = $1 SUBSEP $2; r[k] = cents($3) }
		END { for (k in m) if (m[k] != r[k] + 0) { print "identity " k ": " m[k] " != " r[k] + 0; bad = 1 }
		      for (k in r) if (r[k] != 0 && !(k in m)) { print "identity " k ": no row, " r[k]; bad = 1 }
		      exit bad }' "$T/k.csv" "$T/r.csv" && ok || bad "$tag: closing - opening != billed - collected + other"
		# every grouping adds up to the ungrouped figures
		"$KPI" --as-of $asof --from $from --to $to --cost-rate 4.35 "$T/l.csv" > "$T/all.csv"
		for by in salesperson month salesperson,month,customer; do
			"$KPI" --as-of $asof --from $from --to $to -g $by --cost-rate 4.35 "$T/l.csv" > "$T/g.csv"
			awk -F, "$LIB"'
			FNR == 1 { for (i = 1; i <= NF; i++) c[FILENAME, $i] = i; f = FILENAME; next }
			{ cur = $c[f, "currency"]
			  split("billed collected opening_ar closing_ar current_ar overdue disputed_open overdue_cost", names, " ")
			  for (j in names) s[f, cur, names[j]] += cents($c[f, names[j]]); curs[cur] = 1 }
			END { for (cur in curs) for (j in names)
				if (s[ARGV[1], cur, names[j]] != s[ARGV[2], cur, names[j]]) { print cur " " names[j] ": " s[ARGV[1], cur, names[j]] " != " s[ARGV[2], cur, names[j]]; bad = 1 }
			      exit bad }' "$T/all.csv" "$T/g.csv" && ok || bad "$tag: -g $by does not add up"
		done
	done
	# CSV, TSV and JSON input agree; a pipe agrees with a file
	"$CAT" -o json "$T/l.csv" > "$T/l.json"
	"$CAT" -o tsv "$T/l.csv" > "$T/l.tsv"
	o="--as-of 2026-01-31 --from 2025-07-01 --to 2026-01-31 -g salesperson,month --grace 7 --cost-rate 6"
	"$KPI" $o "$T/l.csv" > "$T/a.csv"
	"$KPI" $o -o csv "$T/l.json" > "$T/b.csv"
	"$KPI" $o -o csv "$T/l.tsv" > "$T/c.csv"
	cat "$T/l.csv" | "$KPI" $o > "$T/d.csv"
	cat "$T/l.json" | "$KPI" $o -o csv > "$T/e.csv"
	for f in b c d e; do
		cmp -s "$T/a.csv" "$T/$f.csv" && ok || bad "seed $seed: CSV, JSON, TSV or piped input differ ($f)"
	done
	[ -n "$docs" ] && continue
	# one thread or two halves: the same output and messages
	for opts in "-g customer" "-g salesperson,month --grace 5 --cost-rate 4.35"; do
		ARKIT_THREADS=1 "$KPI" $o $opts -v "$T/l.csv" > "$T/a.csv" 2> "$T/a.err"
		ARKIT_SPLIT_MIN=0 ARKIT_DEBUG=1 "$KPI" $o $opts -v "$T/l.csv" > "$T/b.csv" 2> "$T/b.err"
		grep -q ': split: .* failed 0,' "$T/b.err" && ok || bad "seed $seed: the file was not split"
		grep -v ': split: ' "$T/b.err" > "$T/b2.err"
		cmp -s "$T/a.csv" "$T/b.csv" && cmp -s "$T/a.err" "$T/b2.err" && ok || bad "seed $seed $opts: two halves differ from one thread"
	done
	# receipts as payment documents = the same receipts as paid shorthand
	awk -F, -v OFS=, 'NR == 1 { print "customer,invoice,doc_type,ref," substr($0, index($0, "invoice_date")); next }
	{ inv = $2; p = $6; pd = $7
	  if (pd != "" && p !~ /^(-|0$|0\.00$)/) { $6 = "0"; $7 = "" }
	  $2 = $2 ",invoice,"; print
	  if (pd != "" && p !~ /^(-|0$|0\.00$)/) print $1, "P" inv, "payment", inv, pd, "", p, "", "", $8, $9, $10 }' "$T/l.csv" > "$T/p.csv"
	for g in customer salesperson; do
		"$KPI" $o -g $g "$T/l.csv" > "$T/a.csv"
		"$KPI" $o -g $g "$T/p.csv" > "$T/b.csv"
		cmp -s "$T/a.csv" "$T/b.csv" && ok || bad "seed $seed -g $g: payment documents differ from the paid shorthand: $(diff "$T/a.csv" "$T/b.csv" | head -3)"
	done
	# the oracle, on plain ledgers
	for grace in 0 9; do
		"$KPI" --as-of 2026-01-31 --from 2025-07-01 --to 2026-01-31 -g customer --grace $grace "$T/l.csv" > "$T/k.csv"
		awk -F, -v from=2025-07-01 -v to=2026-01-31 -v grace=$grace "$LIB"'
		FILENAME == ARGV[1] && FNR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; F = day(from); L = day(to); next }
		FILENAME == ARGV[1] {
			k = $c["customer"] SUBSEP $c["currency"]; d = day($c["invoice_date"])
			if (d > L) next
			a = cents($c["amount"]); p = cents($c["paid"]); pd = $c["paid_date"]; pdd = day(pd); due = day($c["due_date"])
			if (d >= F) { billed[k] += a; op = pd != "" && pdd < F ? -p : 0 }
			else op = a - (pd == "" || pdd < F ? p : 0)
			cl = a - (pd == "" || pdd <= L ? p : 0)
			open[k] += op; clo[k] += cl
			if (due >= L) cur[k] += cl
			if (pd != "" && pdd >= F && pdd <= L) coll[k] += p
			mb[k, substr($c["invoice_date"], 1, 7)] += a
			if (a > 0 && due >= F && due <= L) {
				if (p >= a && pd == "") { ontime[k]++; due_n[k]++ }
				else if (p >= a && pdd <= L) { due_n[k]++; if (pdd - due <= grace) ontime[k]++; else { late[k]++; days[k] += pdd - due } }
				else if (L - due > grace) { due_n[k]++; late[k]++; days[k] += L - due }
			}
			keys[k] = 1; next
		}
		FNR == 1 { for (i = 1; i <= NF; i++) col[$i] = i; next }
		{
			k = $1 SUBSEP $2; D = L - F + 1
			chk("billed", cents($col["billed"]), billed[k] + 0); chk("collected", cents($col["collected"]), coll[k] + 0)
			chk("opening_ar", cents($col["opening_ar"]), open[k] + 0); chk("closing_ar", cents($col["closing_ar"]), clo[k] + 0)
			chk("current_ar", cents($col["current_ar"]), cur[k] + 0)
			chk("dso", $col["dso"], billed[k] ? sprintf("%.1f", rnd(clo[k] * D * 10 / billed[k]) / 10) : "")
			chk("on_time_rate", $col["on_time_rate"], due_n[k] ? sprintf("%.4f", rnd(ontime[k] * 10000 / due_n[k]) / 10000) : "")
			chk("avg_days_late", $col["avg_days_late"], late[k] ? sprintf("%.1f", rnd(days[k] * 10 / late[k]) / 10) : "")
			# countback: calendar months back from --to, the first up to --to
			rest = clo[k]; cb = ""; y = substr(to, 1, 4) + 0; m = substr(to, 6, 2) + 0; dd = 0
			if (rest <= 0) cb = "0.0"
			for (i = 0; i < 24 && cb == ""; i++) {
				ym = sprintf("%04d-%02d", y, m); s = mb[k, ym]
				len = i == 0 ? substr(to, 9, 2) + 0 : day(sprintf("%04d-%02d-01", m == 12 ? y + 1 : y, m == 12 ? 1 : m + 1)) - day(ym "-01")
				if (s > 0 && rest <= s) cb = sprintf("%.1f", rnd((dd * s + rest * len) * 10 / s) / 10)
				if (s > 0) rest -= s
				dd += len; if (--m == 0) { m = 12; y-- }
			}
			if (cb == "") cb = sprintf("%.1f", dd)
			chk("dso_countback", $col["dso_countback"], cb)
			delete keys[k]
		}
		function chk(name, got, want) { if (got "" != want "" && !(got + 0 == want + 0 && got != "" && want != "")) { print $1 " " $2 " " name ": " got " != " want; bad = 1 } }
		END { for (k in keys) if (clo[k] || open[k] || billed[k] || coll[k] || due_n[k]) { print "no row for " k; bad = 1 }; exit bad }' "$T/l.csv" "$T/k.csv" && ok || bad "seed $seed --grace $grace: differs from the awk oracle"
	done
done

# conservation: read = written + filtered + rejected, and the messages
gen 9 3000 docs > "$T/l.csv"
awk 'NR % 97 == 0 { $0 = $0 ",extra" } NR % 131 == 0 { sub(/,CNY,/, ",RMB,") }
     NR % 173 == 0 { sub(/,20[0-9][0-9]-/, ",2026-13-") } { print }' "$T/l.csv" > "$T/m.csv"
"$KPI" --as-of 2026-01-31 -g customer -v --reject "$T/rej.csv" "$T/m.csv" > "$T/out.csv" 2> "$T/err"
awk '/ read, / { r = $2; w = $4; f = $6; j = $8 } END { exit !(r == w + f + j && r == 3000 && j > 0) }' "$T/err" && ok || bad "counts do not add up: $(tail -1 "$T/err")"
j=$(awk '/ read, / { print $8 }' "$T/err")
[ "$(grep -c ':[0-9]*: ' "$T/err")" = "$j" ] && ok || bad "rejected $j, but stderr has another number of messages"
"$CAT" -v "$T/rej.csv" > /dev/null 2> "$T/cat.err"
[ "$(awk '/ read, / { print $2 }' "$T/cat.err")" = "$j" ] && ok || bad "rejected $j, but the reject file holds other records"
cat "$T/m.csv" | "$KPI" --as-of 2026-01-31 -g customer -v --reject "$T/rej2.csv" > "$T/out2.csv" 2> "$T/err2"
sed "s|$T/m.csv|<stdin>|" "$T/err" > "$T/err1"
sed "s|$T/m.csv|<stdin>|" "$T/rej.csv" > "$T/rej1.csv"
cmp -s "$T/out.csv" "$T/out2.csv" && cmp -s "$T/err1" "$T/err2" && cmp -s "$T/rej1.csv" "$T/rej2.csv" && ok || bad "a pipe differs from the file with bad records"

# the halves with bad records and warnings on both sides of the split: the
# same output, messages in the same order, the same reject file
gen 9 3000 > "$T/l.csv"
awk 'NR % 97 == 0 { $0 = $0 ",extra" } NR % 131 == 0 { sub(/,CNY,/, ",RMB,") }
     NR % 173 == 0 { sub(/,20[0-9][0-9]-/, ",2026-13-") } { print }' "$T/l.csv" > "$T/m.csv"
for split in 0 2000; do
	ARKIT_THREADS=1 "$KPI" --as-of 2026-01-31 -g salesperson -v --reject "$T/ra.csv" "$T/m.csv" > "$T/a.csv" 2> "$T/a.err"
	ARKIT_SPLIT_MIN=$split ARKIT_DEBUG=1 "$KPI" --as-of 2026-01-31 -g salesperson -v --reject "$T/rb.csv" "$T/m.csv" > "$T/b.csv" 2> "$T/b.err"
	grep -q ': split: .* failed 0,.* stopped 1$' "$T/b.err" && ok || bad "split at $split: the second half did not defer"
	grep -v ': split: ' "$T/b.err" > "$T/b2.err"
	cmp -s "$T/a.csv" "$T/b.csv" && cmp -s "$T/a.err" "$T/b2.err" && cmp -s "$T/ra.csv" "$T/rb.csv" && ok || bad "split at $split with bad records: differs from one thread"
done

# the IBM sample (skipped when absent): every invoice is settled; an item is
# on time when its DaysLate is 0, and avg_days_late is the mean DaysLate of
# the others, as the dataset computed them
IBM=$ROOT/../shared/corpus/ibm-ar/WA_Fn-UseC_-Accounts-Receivable.csv
if [ -r "$IBM" ]; then
	"$CAT" -o csv "$IBM" | awk -F, -v OFS=, '
	function iso(s,    p) { split(s, p, "/"); return sprintf("%04d-%02d-%02d", p[3], p[1], p[2]) }
	NR == 1 { print "customer,invoice,invoice_date,due_date,amount,paid,paid_date,currency,disputed,days_late"; next }
	{ print $2, $4, iso($5), iso($6), $7, $7, iso($9), "USD", $8, $12 }' > "$T/ibm.csv"
	"$KPI" --as-of 2014-01-31 --from 2013-01-01 --to 2014-01-31 -g customer -v "$T/ibm.csv" > "$T/ibm.out" 2> "$T/err"
	grep -q '2466 read, .* 0 rejected' "$T/err" && ok || bad "ibm: $(cat "$T/err")"
	awk -F, 'NR == 1 { next } $4 >= "2013-01-01" && $4 <= "2014-01-31" {
		n[$1]++; if ($10 == 0) on[$1]++; else { late[$1]++; d[$1] += $10 } }
	END { for (c in n) printf "%s,%.4f,%s\n", c, int((on[c] + 0) * 10000 / n[c] + 0.5) / 10000,
	    late[c] ? sprintf("%.1f", int(d[c] * 10 / late[c] + 0.5) / 10) : "" }' "$T/ibm.csv" | sort > "$T/want"
	awk -F, 'NR > 1 && $15 != "" { print $1 "," $15 "," $18 }' "$T/ibm.out" | sort > "$T/got"
	[ -s "$T/want" ] && cmp -s "$T/want" "$T/got" && ok || bad "ibm: on-time rate or days late differ from DaysLate: $(diff "$T/want" "$T/got" | head -5)"
else
	echo "ar-kpi: ibm skipped (no $IBM)"
fi

"$KPI" --help > "$T/h" 2>&1 && head -1 "$T/h" | grep -q '^usage: ar-kpi' && ok || bad "--help"
echo "ar-kpi: $((n - fail)) passed, $fail failed"
[ $fail -eq 0 ]
