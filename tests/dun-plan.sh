#!/bin/sh
# dun-plan: properties that must hold on any ledger, on random ledgers:
#  - a cron job that catches up with --from A --to B gets exactly the rows
#    the daily runs --as-of A ... --as-of B would have given (but 对账,
#    whose weekly rhythm starts at --from), per customer and per invoice,
#    with and without --workdays and a holiday file
#  - an oracle in awk, written from SPEC 5.1 and not from the C: for plain
#    items (no grade, hold, promise, contact or dispute) the reminders,
#    calls, notices, visits, measures, the end of the ladder (legal
#    reviews), balance confirmations and limitation warnings fall on
#    exactly the days the SPEC gives
#  - nothing is pressed for while a hold or a promise runs, within min_gap
#    days of the last contact, or while the item is disputed; a disputed
#    item gets resolve-dispute and nothing else of the cadence
#  - per customer: one row per customer, currency, day and action
#  - rows are sorted by date, then priority, highest first
#  - -o ics is RFC 5545: CRLF lines, folded at 75 octets without cutting a
#    UTF-8 character, one VEVENT per row, unique UIDs that do not change
#    when the same action is planned from another --from
#  - CSV, JSON and a pipe give the same plan; read = written + filtered +
#    rejected; ar-age's output and credit-grade's grades feed it unchanged
set -u
: "${BIN:?}" "${ROOT:?}" "${TMP:?}"
DUN=$BIN/dun-plan
T=$TMP/dun
mkdir -p "$T"
fail=0 n=0
ok() { n=$((n + 1)); }
bad() { n=$((n + 1)); fail=$((fail + 1)); echo "FAIL dun-plan: $*"; }

DATES="$(cat "$ROOT/tests/lib.awk")
function days(s) { return day(s) }
"

# gen SEED ROWS PLAIN: a random ledger of open items around late 2026; with
# PLAIN no grade, hold, promise, contact, dispute or excuse
gen() {
	awk -v seed="$1" -v rows="$2" -v plain="$3" "$DATES"'BEGIN {
		srand(seed)
		st[0] = ""; st[1] = "first"; st[2] = "middle"; st[3] = "final"; st[4] = "尾款"
		ex[0] = "quality"; ex[1] = "finance-away"; ex[2] = "boss"; ex[3] = "no-rush"; ex[4] = "价格不优"
		g[0] = "A"; g[1] = "B"; g[2] = "C"; g[3] = "D"; g[4] = "E"; g[5] = "N"
		print "customer,invoice,invoice_date,due_date,amount,paid,currency,stage,grade,disputed,excuse,promise_date,last_contact,hold_until"
		base = days("2026-12-01")
		for (i = 1; i <= rows; i++) {
			c = "C" int(rand() * 9); k = rand() < 0.8 ? "CNY" : "USD"
			due = base - 200 + int(rand() * 240)
			inv = due - (rand() < 0.5 ? 30 : 5 + int(rand() * 10))
			amt = 100 + int(rand() * 900000)
			paid = rand() < 0.2 ? int(rand() * amt) : 0
			if (rand() < 0.03) paid = amt
			gr = ""; dis = "no"; e = ""; pr = ""; lc = ""; ho = ""
			if (!plain) {
				if (rand() < 0.5) gr = g[int(rand() * 6)]
				if (rand() < 0.1) dis = "yes"
				if (rand() < 0.2) e = ex[int(rand() * 5)]
				if (rand() < 0.2) pr = date(base - 20 + int(rand() * 40))
				if (rand() < 0.2) lc = date(base - 20 + int(rand() * 40))
				if (rand() < 0.1) ho = date(base - 20 + int(rand() * 40))
			}
			printf "%s,I%d,%s,%s,%d.%02d,%d.%02d,%s,%s,%s,%s,%s,%s,%s,%s\n",
			    c, i, date(inv), date(due), int(amt / 100), amt % 100,
			    int(paid / 100), paid % 100, k, st[int(rand() * 5)], gr, dis,
			    e, pr, lc, ho
		}
	}'
}

# the plan's columns by name, wherever they are
plan_cols() {
	awk -F, 'NR == 1 { n = split("customer invoice date days_overdue action channel owner cc style priority items open oldest_days note", w, " ")
		for (i = 1; i <= NF; i++) c[$i] = i; next }
	    { s = ""; for (i = 1; i <= n; i++) s = s (i > 1 ? "," : "") $c[w[i]]; print s }' "$@"
}

printf '2026-12-25 off\n2027-01-01 off\n2026-12-26 work\n' > "$T/hol"
DAYS=$(awk "$DATES"'BEGIN { for (d = days("2026-12-20"); d <= days("2027-01-06"); d++) print date(d) }')

for seed in ${SEEDS:-1 2}; do
	L=$T/l$seed.csv
	gen "$seed" 300 0 > "$L"
	# catching up = the daily runs
	for opts in "" "--per invoice" "--workdays --holidays $T/hol" \
	    "--per invoice --workdays --holidays $T/hol"; do
		# shellcheck disable=SC2086
		"$DUN" $opts --from 2026-12-20 --to 2027-01-06 "$L" 2> /dev/null |
		    grep -v ',reconcile,' > "$T/range"
		: > "$T/daily"
		for d in $DAYS; do
			# shellcheck disable=SC2086
			"$DUN" $opts --as-of "$d" "$L" 2> /dev/null | sed 1d |
			    grep -v ',reconcile,' >> "$T/daily"
		done
		if sed 1d "$T/range" | cmp -s - "$T/daily"; then ok; else
			bad "seed $seed $opts: --from/--to differs from the daily runs"
			sed 1d "$T/range" | diff - "$T/daily" | head -5
		fi
	done

	# nothing pressed for while held, promised, just contacted or disputed
	"$DUN" --per invoice --from 2026-11-20 --to 2026-12-31 "$L" 2> /dev/null |
	    awk -F, "$DATES"'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next }
	    {
		d = days($c["date"]); a = $c["action"]; dun = a ~ /^(phone|written-notice|visit|stop-shipments|switch-to-prepay|lawyer-letter)$/
		contact = a ~ /^(phone|written-notice|visit)$/
		if (dun && $c["hold_until"] != "" && days($c["hold_until"]) >= d) { print "held: " $0; bad = 1 }
		if (dun && $c["promise_date"] != "" && days($c["promise_date"]) >= d) { print "promised: " $0; bad = 1 }
		if (contact && $c["last_contact"] != "" && d >= days($c["last_contact"]) && d - days($c["last_contact"]) < 3) { print "min_gap: " $0; bad = 1 }
		if ($c["disputed"] == "yes" && a != "resolve-dispute" && a != "statute-warning" && a != "remind" && a != "prepare-documents" && a != "promise-reminder" && a != "confirm-balance") { print "disputed: " $0; bad = 1 }
		if ($c["disputed"] != "yes" && a == "resolve-dispute") { print "not disputed: " $0; bad = 1 }
	    }
	    END { exit bad }' > "$T/sup" && ok || { bad "seed $seed: suppression"; head -3 "$T/sup"; }

	# per customer: one row per customer, currency, day and action; sorted
	"$DUN" --from 2026-11-20 --to 2026-12-31 "$L" 2> /dev/null |
	    awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next }
	    {
		k = $c["customer"] SUBSEP $c["currency"] SUBSEP $c["date"] SUBSEP $c["action"]
		if (k in seen) { print "twice: " $0; bad = 1 }; seen[k] = 1
		if ($c["date"] < pd || ($c["date"] == pd && $c["priority"] + 0 > pp + 0)) { print "order: " $0; bad = 1 }
		pd = $c["date"]; pp = $c["priority"]
	    }
	    END { exit bad }' > "$T/uniq" && ok || { bad "seed $seed: per customer"; head -3 "$T/uniq"; }

	# formats and a pipe
	"$DUN" --as-of 2026-12-07 "$L" > "$T/a" 2> /dev/null
	"$DUN" --as-of 2026-12-07 < "$L" > "$T/b" 2> /dev/null
	"$DUN" --as-of 2026-12-07 -o json "$L" 2> /dev/null |
	    "$DUN" --as-of 2026-12-07 -i json -o csv 2> /dev/null > /dev/null
	cmp -s "$T/a" "$T/b" && ok || bad "seed $seed: a pipe differs from the file"
	"$DUN" -v --as-of 2026-12-07 "$L" 2>&1 > /dev/null | awk '
	    / read, / { r = $2; w = $4; f = $6; j = $8; found = 1 }
	    END { exit !(found && r == w + f + j && r == 300) }' && ok ||
	    bad "seed $seed: read != written + filtered + rejected"
done

# The oracle: plain items, per invoice, no --workdays, the default policy.
for seed in ${SEEDS2:-11 12}; do
	L=$T/p$seed.csv
	gen "$seed" 200 1 > "$L"
	"$DUN" --per invoice --from 2026-12-01 --to 2027-01-31 "$L" 2> /dev/null |
	    awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next }
	    $c["action"] != "reconcile" { print $c["invoice"], $c["date"], $c["action"] }' |
	    sort > "$T/got"
	awk -F, "$DATES"'NR == 1 { next }
	{
		inv = days($3); due = days($4); open = ($5 != $6)
		if (!open) next
		lead = $8 == "first" ? 7 : $8 == "middle" ? 3 : ($8 == "final" || $8 == "尾款") ? 10 : 3
		r = due - lead; if (r < inv) r = inv
		sy = substr($4, 1, 4) + 3; sd = sy substr($4, 5)
		if (substr($4, 6) == "02-29") sd = sy "-02-28"
		warn = days(sd) - 90
		for (d = days("2026-12-01"); d <= days("2027-01-31"); d++) {
			if (d < inv) continue
			k = d - due; ds = date(d)
			if (d == r && k < 0) { print $2, ds, "remind"; print $2, ds, "prepare-documents" }
			# calls, notices and visits until the letter of the lawyer (day
			# 120); from it, a legal review every 30 days (SPEC 5.1)
			if (k >= 1 && k < 120 && (k - 1) % 7 == 0) print $2, ds, "phone"
			if (k >= 1 && k < 120 && k % 10 == 0) print $2, ds, "written-notice"
			if (k >= 1 && k < 120 && k % 30 == 0) print $2, ds, "visit"
			if (k == 60) print $2, ds, "stop-shipments"
			if (k == 90) print $2, ds, "switch-to-prepay"
			if (k == 120) print $2, ds, "lawyer-letter"
			if (k >= 120 && (k - 120) % 30 == 0) print $2, ds, "legal-review"
			if (k > 90 && substr(ds, 9) == "01" && substr(ds, 6, 2) ~ /^(01|04|07|10)$/) print $2, ds, "confirm-balance"
			if (d == warn) print $2, ds, "statute-warning"
		}
	}' "$L" | sort > "$T/want"
	if cmp -s "$T/got" "$T/want"; then ok; else
		bad "seed $seed: the plan differs from the SPEC's cadence"
		diff "$T/want" "$T/got" | head -6
	fi
done

# iCalendar (RFC 5545)
L=$T/l1.csv
"$DUN" -o ics --lang zh --from 2026-12-01 --to 2026-12-10 "$L" > "$T/ics" 2> /dev/null
"$DUN" --from 2026-12-01 --to 2026-12-10 "$L" 2> /dev/null | sed 1d | wc -l > "$T/nrows"
LC_ALL=C awk '!/\r$/ { print "line " NR " does not end in CRLF"; bad = 1 }
    { sub(/\r$/, "") }
    length($0) > 75 { print "line " NR " is longer than 75 octets"; bad = 1 }
    /^BEGIN:VEVENT$/ { ev++ } /^END:VEVENT$/ { end++ }
    /^UID:/ { if ($0 in uid) { print "UID twice: " $0; bad = 1 }; uid[$0] = 1 }
    END { if (ev != end) bad = 1; print ev > "/dev/stderr"; exit bad }' \
    "$T/ics" 2> "$T/nev" > "$T/icsbad" && ok ||
    { bad "ics: not RFC 5545"; head -3 "$T/icsbad"; }
cmp -s "$T/nev" "$T/nrows" && ok || bad "ics: $(cat "$T/nev") events for $(cat "$T/nrows") rows"
# every physical line is whole UTF-8 (a fold that cut a character would
# leave its first bytes before a line break: invalid)
tr -d '\r' < "$T/ics" | iconv -f UTF-8 -t UTF-8 > /dev/null 2>&1 && ok ||
    bad "ics: a line is not whole UTF-8"
grep -c '^ ' "$T/ics" | awk '{ exit !($1 > 0) }' && ok || bad "ics: nothing folded (the test proves nothing)"
# the same action on the same day keeps its UID from another --from
"$DUN" -o ics --from 2026-12-05 --to 2026-12-10 "$L" 2> /dev/null | grep '^UID:' | sort > "$T/u2"
grep '^UID:' "$T/ics" | grep -e '-2026-12-0[5-9]@' -e '-2026-12-10@' | sort > "$T/u1"
[ -s "$T/u1" ] && cmp -s "$T/u1" "$T/u2" && ok || bad "ics: UIDs change with --from"

# ar-age's output and credit-grade's grades feed dun-plan unchanged
"$BIN/ar-age" --as-of 2026-12-07 "$L" 2> /dev/null | "$DUN" --as-of 2026-12-07 2> /dev/null |
    plan_cols > "$T/x"
"$DUN" --as-of 2026-12-07 "$L" 2> /dev/null | plan_cols > "$T/y"
cmp -s "$T/x" "$T/y" && ok || bad "ar-age | dun-plan differs"
G=$ROOT/tests/data/grades.csv
if [ -x "$BIN/credit-grade" ] && [ -e "$G" ]; then
	"$BIN/credit-grade" --as-of 2026-11-30 "$G" > "$T/grades" 2> /dev/null
	"$DUN" --as-of 2026-11-30 --grades "$T/grades" "$G" > "$T/z" 2> "$T/zerr"
	[ $? -le 1 ] && ! grep -q 'not in it' "$T/zerr" && [ -s "$T/z" ] && ok ||
	    bad "credit-grade | dun-plan --grades: $(head -1 "$T/zerr")"
fi

# memory per customer, not per customer x day (issue 17): a year of
# 20,000 customers (the 1M-row reference ledger of make bench) in under
# 100 MiB, peak resident as GNU time reports it; a single day in less.
# Not under the sanitizers, whose shadow memory is the point of them.
case $BIN in
*/san) ;;
*)
	if [ ! -x /usr/bin/time ]; then
		bad "memory: needs GNU time as /usr/bin/time (apt-get install time)"
	else
		"$ROOT/build/gen-invoices" 1000000 7 > "$T/big.csv"
		/usr/bin/time -f %M -o "$T/rss1" "$DUN" --as-of 2026-11-30 "$T/big.csv" \
		    2> /dev/null | wc -l > "$T/rows1"
		/usr/bin/time -f %M -o "$T/rssy" "$DUN" --from 2025-12-01 --to 2026-11-30 \
		    "$T/big.csv" 2> /dev/null | wc -l > "$T/rowsy"
		r1=$(tail -1 "$T/rss1") ry=$(tail -1 "$T/rssy")
		ny=$(cat "$T/rowsy") c=$(cut -d, -f1 "$T/big.csv" | sort -u | wc -l)
		# (the ledger is what the test says: 20,000 customers, and the
		# year's plan has a row for every working day)
		[ "$c" -ge 20000 ] && [ "$ny" -gt 1000000 ] && [ "$(cat "$T/rows1")" -gt 1000 ] && ok ||
		    bad "memory: the ledger has $c customers, the year $ny rows"
		[ "$ry" -lt 102400 ] && ok ||
		    bad "memory: a year of 20,000 customers peaks at $ry KiB (limit 102400)"
		[ "$r1" -lt "$ry" ] && ok || bad "memory: a day $r1 KiB, a year $ry KiB"
		echo "dun-plan: memory, a day $r1 KiB, a year $ry KiB ($ny rows)"
		rm -f "$T/big.csv"
	fi
	;;
esac

"$DUN" --help > "$T/h" 2>&1 && head -1 "$T/h" | grep -q '^usage: dun-plan' && ok || bad "--help"
echo "dun-plan: $((n - fail)) passed, $fail failed"
[ $fail -eq 0 ]
