#!/bin/sh
# ar-kpi: properties that must hold on any ledger, on random ledgers:
#  - closing_ar, opening_ar, current_ar, overdue, disputed_open and
#    overdue_cost are what ar-age says for --as-of TO and FROM-1 (balance,
#    current, open - current, disputed_open, interest at --rate)
#  - the balance moves only by what the period billed and collected:
#    opening + billed - collected = closing on every row (SPEC 5.2)
#  - --every month|quarter|week: each period is the run of its own
#    --from --to; the periods chain (one's closing is the next one's
#    opening) and add up to the whole
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

# ar-kpi's rows without the period columns (the tests below key by
# customer and currency)
noperiod() { cut -d, -f3- "$@"; }

periods="2025-09-01:2025-09-30:2025-10-15 2025-06-16:2026-01-15:2026-01-15 2026-02-01:2026-02-28:2026-03-01"
for seed in ${SEEDS:-1 2 3 4 5 6}; do
	docs=
	[ $seed -gt 3 ] && docs=docs
	gen $seed 400 $docs > "$T/l.csv"
	for p in $periods; do
		from=${p%%:*} rest=${p#*:} to=${p#*:}; to=${to%%:*} asof=${rest#*:}
		before=$(prev $from)
		tag="seed $seed $from..$to"
		"$KPI" --as-of $asof --from $from --to $to -g customer --cost-rate 4.35 "$T/l.csv" > "$T/kp.csv" 2> "$T/err" || { bad "$tag: exit $?: $(head -3 "$T/err")"; continue; }
		noperiod "$T/kp.csv" > "$T/k.csv"
		awk -F, -v from=$from -v to=$to 'NR > 1 && ($1 != from || $2 != to) { bad = 1 } END { exit bad }' "$T/kp.csv" && ok || bad "$tag: rows without their period"
		"$AGE" --as-of $to -g customer --rate 4.35 "$T/l.csv" > "$T/a1.csv"
		"$AGE" --as-of $before -g customer "$T/l.csv" > "$T/a0.csv"
		agree "$tag, closing" "$T/k.csv" "$T/a1.csv" closing_ar=balance current_ar=current \
		    overdue=open-current disputed_open=disputed_open && ok || bad "$tag: closing != ar-age"
		# overdue_cost (SPEC 5.2) is today's open x days overdue, item by
		# item, from ar-age's detail (ar-age's interest follows the
		# balance by segment, SPEC 3: another figure)
		"$AGE" --as-of $to "$T/l.csv" | awk -F, "$LIB"'
		NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; print "customer,currency,cost"; next }
		{ k = $c["customer"] "," $c["currency"]; dec[k] = $c["currency"] == "JPY" ? 0 : 2; seen[k] = 1
		  u = dec[k] == 0 ? 1000 : 10; o = cents($c["open"]) / u; d = $c["days_overdue"]
		  if ($c["bucket"] == "unapplied" || o <= 0 || d <= 0) next
		  n = o * 435 * d; q = int(n / 3650000); if (2 * (n - q * 3650000) >= 3650000) q++
		  cost[k] += q * u }
		END { for (k in seen) print k "," money(cost[k], dec[k]) }' > "$T/cost.csv"
		agree "$tag, cost" "$T/k.csv" "$T/cost.csv" overdue_cost=cost && ok || bad "$tag: overdue_cost != open x days"
		agree "$tag, opening" "$T/k.csv" "$T/a0.csv" opening_ar=balance && ok || bad "$tag: opening != ar-age"
		# the balance identity on every row
		awk -F, "$LIB"'
		NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next }
		{ m = cents($c["opening_ar"]) + cents($c["billed"]) - cents($c["collected"]) - cents($c["closing_ar"])
		  if (m != 0) { print "identity " $1 " " $2 ": off by " m; bad = 1 } }
		END { exit bad }' "$T/k.csv" && ok || bad "$tag: opening + billed - collected != closing"
		# every grouping adds up to the ungrouped figures
		"$KPI" --as-of $asof --from $from --to $to --cost-rate 4.35 "$T/l.csv" > "$T/all.csv"
		for by in salesperson invoice_month salesperson,invoice_month,customer; do
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
	o="--as-of 2026-01-31 --from 2025-07-01 --to 2026-01-31 -g salesperson,invoice_month --grace 7 --cost-rate 6"
	"$KPI" $o "$T/l.csv" > "$T/a.csv"
	"$KPI" $o -o csv "$T/l.json" > "$T/b.csv"
	"$KPI" $o -o csv "$T/l.tsv" > "$T/c.csv"
	cat "$T/l.csv" | "$KPI" $o > "$T/d.csv"
	cat "$T/l.json" | "$KPI" $o -o csv > "$T/e.csv"
	for f in b c d e; do
		cmp -s "$T/a.csv" "$T/$f.csv" && ok || bad "seed $seed: CSV, JSON, TSV or piped input differ ($f)"
	done
	[ -n "$docs" ] && continue
	# one thread or byte ranges on threads: the same output and messages
	for opts in "-g customer" "-g salesperson,invoice_month --grace 5 --cost-rate 4.35" "--every month -g customer"; do
		ARKIT_THREADS=1 "$KPI" $o $opts -v "$T/l.csv" > "$T/a.csv" 2> "$T/a.err"
		ARKIT_SPLIT_MIN=0 ARKIT_DEBUG=1 "$KPI" $o $opts -v "$T/l.csv" > "$T/b.csv" 2> "$T/b.err"
		grep -q ': split: [2-9][0-9]* ranges, 0 read again' "$T/b.err" && ok || bad "seed $seed: the file was not split"
		grep -v ': split: ' "$T/b.err" > "$T/b2.err"
		cmp -s "$T/a.csv" "$T/b.csv" && cmp -s "$T/a.err" "$T/b2.err" && ok || bad "seed $seed $opts: ranges differ from one thread"
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
		"$KPI" --as-of 2026-01-31 --from 2025-07-01 --to 2026-01-31 -g customer --grace $grace "$T/l.csv" | noperiod > "$T/k.csv"
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
			# a receipt with no date: on the date of the invoice at the earliest
			if (pd == "" && d >= F && d <= L) coll[k] += p
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

# --every: each period measured on its own; the periods chain and add up
for seed in ${SEEDS:-1 2 3 4 5 6}; do
	docs=
	[ $seed -gt 3 ] && docs=docs
	# (with documents, a third of the payments have no date: each counts
	# from the date of the invoice it names, or before the first period)
	gen $seed 400 $docs | awk -F, -v OFS=, '$3 == "payment" && ++n % 3 == 0 { $5 = "" } { print }' > "$T/l.csv"
	for unit in month quarter week; do
		tag="seed $seed --every $unit"
		"$KPI" --as-of 2026-02-10 --from 2025-08-14 --to 2026-02-08 --every $unit -g customer "$T/l.csv" > "$T/e.csv" 2> /dev/null
		# each period = the run of its own --from --to
		cut -d, -f1,2 "$T/e.csv" | sed 1d | sort -u > "$T/pp"
		[ "$(wc -l < "$T/pp")" -gt 1 ] && ok || bad "$tag: one period only"
		prevend=
		while IFS=, read -r ps pe; do
			"$KPI" --as-of 2026-02-10 --from $ps --to $pe -g customer "$T/l.csv" 2> /dev/null | sed 1d > "$T/one.csv"
			grep "^$ps,$pe," "$T/e.csv" > "$T/part.csv"
			cmp -s "$T/one.csv" "$T/part.csv" || { bad "$tag: $ps..$pe differs from its own run"; break; }
			# contiguous, clipped to --from and --to, on the unit's bounds
			if [ -n "$prevend" ]; then
				[ "$(prev $ps)" = "$prevend" ] || { bad "$tag: a gap before $ps"; break; }
			else
				[ "$ps" = 2025-08-14 ] || { bad "$tag: starts $ps"; break; }
			fi
			prevend=$pe
		done < "$T/pp"
		[ "$prevend" = 2026-02-08 ] && ok || bad "$tag: ends $prevend"
		case $unit in
		month) awk -F, 'NR > 1 && $1 != "2025-08-14" && substr($1, 9) != "01" { exit 1 }' "$T/e.csv" && ok || bad "$tag: a month not from the 1st" ;;
		quarter) awk -F, 'NR > 1 && $1 != "2025-08-14" && substr($1, 6) !~ /^(01|04|07|10)-01$/ { exit 1 }' "$T/e.csv" && ok || bad "$tag: a quarter off its months" ;;
		week) sed 1d "$T/e.csv" | cut -d, -f1 | sort -u | sed 1d | while read -r d; do date -d "$d" +%u; done | sort -u | grep -qx 1 && ok || bad "$tag: a week not from Monday" ;;
		esac
		# one period's closing is the next one's opening; identity on every row
		awk -F, "$LIB"'
		NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next }
		{ k = $3 SUBSEP $4
		  if (cents($c["opening_ar"]) + cents($c["billed"]) - cents($c["collected"]) != cents($c["closing_ar"])) { print "identity " $0; bad = 1 }
		  if ((k in last) && lastend[k] != "" && cents($c["opening_ar"]) != last[k]) { print "chain " k " " $1 ": " cents($c["opening_ar"]) " != " last[k]; bad = 1 }
		  last[k] = cents($c["closing_ar"]); lastend[k] = $2 }
		END { exit bad }' "$T/e.csv" > "$T/chain" && ok || { bad "$tag: the periods do not chain"; head -3 "$T/chain"; }
		# the periods add up to the whole
		"$KPI" --as-of 2026-02-10 --from 2025-08-14 --to 2026-02-08 -g customer "$T/l.csv" > "$T/w.csv" 2> /dev/null
		awk -F, "$LIB"'
		FNR == 1 { for (i = 1; i <= NF; i++) c[FILENAME, $i] = i; f = FILENAME; next }
		{ k = $3 SUBSEP $4; s[f, k, "b"] += cents($c[f, "billed"]); s[f, k, "c"] += cents($c[f, "collected"]); keys[k] = 1 }
		END { for (k in keys) if (s[ARGV[1], k, "b"] != s[ARGV[2], k, "b"] || s[ARGV[1], k, "c"] != s[ARGV[2], k, "c"]) { print k; bad = 1 }
		      exit bad }' "$T/e.csv" "$T/w.csv" && ok || bad "$tag: the periods do not add up to the whole"
	done
done
# the defaults: the 12 months, 4 quarters, 13 weeks before --as-of
for u in month:12:2025-11-01:2026-10-31 quarter:4:2025-10-01:2026-09-30 week:13:2026-08-31:2026-11-29; do
	unit=${u%%:*} r=${u#*:} k=${r%%:*} r=${r#*:} first=${r%%:*} last=${r#*:}
	"$KPI" --as-of 2026-11-30 --every $unit "$ROOT/examples/history.csv" 2> /dev/null | sed 1d | cut -d, -f1,2 | sort -u > "$T/pp"
	[ "$(wc -l < "$T/pp")" = $k ] && [ "$(head -1 "$T/pp" | cut -d, -f1)" = $first ] && [ "$(tail -1 "$T/pp" | cut -d, -f2)" = $last ] && ok ||
		bad "--every $unit: $(wc -l < "$T/pp") periods, $(head -1 "$T/pp") .. $(tail -1 "$T/pp")"
done
# -g month is refused with the two ways that are meant
"$KPI" --as-of 2026-11-30 -g month "$ROOT/examples/history.csv" > /dev/null 2> "$T/err"
[ $? = 2 ] && grep -q 'use --every month' "$T/err" && grep -q 'invoice_month' "$T/err" && ok || bad "-g month: $(head -1 "$T/err")"
# receipts with no date: once on stderr, collected on the date of their
# invoice at the earliest, so that the opening is the real one
printf 'customer,invoice,invoice_date,due_date,amount,paid,paid_date
A,1,2026-03-05,2026-04-04,100.00,40.00,
A,2,2026-03-06,2026-04-05,50.00,50.00,
' > "$T/u.csv"
"$KPI" --as-of 2026-04-30 --from 2026-03-01 --to 2026-04-30 --every month "$T/u.csv" > "$T/u.out" 2> "$T/u.err"
[ "$(grep -c 'no date' "$T/u.err")" = 1 ] && grep -q '^ar-kpi: 2 receipts have no date' "$T/u.err" && ok || bad "undated receipts: $(cat "$T/u.err")"
awk -F, 'NR == 2 { exit !($5 == "150.00" && $6 == "90.00" && $7 == "0.00" && $8 == "60.00") }' "$T/u.out" && ok || bad "undated receipts: $(sed -n 2p "$T/u.out")"

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

# ranges with bad records and warnings on every side of the cuts: the
# same output, messages in the same order, the same reject file
gen 9 3000 > "$T/l.csv"
awk 'NR % 97 == 0 { $0 = $0 ",extra" } NR % 131 == 0 { sub(/,CNY,/, ",RMB,") }
     NR % 173 == 0 { sub(/,20[0-9][0-9]-/, ",2026-13-") } { print }' "$T/l.csv" > "$T/m.csv"
for split in 0:2 2000:5; do
	ARKIT_THREADS=1 "$KPI" --as-of 2026-01-31 -g salesperson -v --reject "$T/ra.csv" "$T/m.csv" > "$T/a.csv" 2> "$T/a.err"
	ARKIT_THREADS=${split#*:} ARKIT_SPLIT_MIN=${split%:*} ARKIT_DEBUG=1 "$KPI" --as-of 2026-01-31 -g salesperson -v --reject "$T/rb.csv" "$T/m.csv" > "$T/b.csv" 2> "$T/b.err"
	grep -q ': split: .* [1-9][0-9]* with messages$' "$T/b.err" && ok || bad "split at $split: no range held messages back"
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
	noperiod "$T/ibm.out" | awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next } $c["on_time_rate"] != "" { print $1 "," $c["on_time_rate"] "," $c["avg_days_late"] }' | sort > "$T/got"
	[ -s "$T/want" ] && cmp -s "$T/want" "$T/got" && ok || bad "ibm: on-time rate or days late differ from DaysLate: $(diff "$T/want" "$T/got" | head -5)"
else
	echo "ar-kpi: ibm skipped (no $IBM)"
fi

"$KPI" --help > "$T/h" 2>&1 && head -1 "$T/h" | grep -q '^usage: ar-kpi' && ok || bad "--help"
echo "ar-kpi: $((n - fail)) passed, $fail failed"
[ $fail -eq 0 ]
