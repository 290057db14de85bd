#!/bin/sh
# pay-plan's schedule adds up (SPEC 9): on every option set, per plan,
# Σ principal = what the customer owes (Σ open of its undisputed rows),
# each payment = principal + interest = amount, remaining falls by the
# principal to 0; a balance too large for 64 bits is exit 2, never a
# wrong plan. One debt, one plan (SPEC 1.10): ar-age detail, ar-age -g
# customer and JSON give the same plans; dun-plan's rows per customer and
# per invoice too. And the chain the plan is for: pay-plan | dun-plan
# reminds each instalment, 7, 3 or 10 days before it falls due (SPEC 5.1).
set -u
: "${BIN:?}" "${ROOT:?}" "${TMP:?}"
T=$TMP/pay-plan
mkdir -p "$T"
fail=0 n=0
ok() { n=$((n + 1)); }
bad() { n=$((n + 1)); fail=$((fail + 1)); echo "FAIL pay-plan: $*"; }
LIB=$(cat "$ROOT/tests/lib.awk")
L=$ROOT/examples/ledger.csv

"$BIN/ar-age" --as-of 2026-11-30 "$L" > "$T/aged.csv"
for o in "-n 1" "-n 6 --rate 8" "-n 12 --daily-rate 0.05 --down 30" \
    "-n 7 --method equal-principal --rate 36 --every week" \
    "-n 25 --every 2w --down 99.5 --rate 4.35" "-n 600 --rate 1000" \
    "-n 600 --method equal-principal --daily-rate 0.3 --down 0.01"; do
	# shellcheck disable=SC2086
	"$BIN/pay-plan" --as-of 2026-11-30 $o "$T/aged.csv" > "$T/plan.csv" ||
	    { bad "$o: exit $?"; continue; }
	awk -F, "$LIB"'
	FNR == 1 { for (i = 1; i <= NF; i++) c[FILENAME, $i] = i; f = FILENAME; next }
	function v(k) { return cents($c[f, k]) }
	f == ARGV[1] { if ($c[f, "disputed"] != "yes") owe[$c[f, "customer"]] += v("open"); next }
	{ k = $c[f, "customer"]; got[k] += v("principal"); rows++
	  if (v("payment") != v("principal") + v("interest") || v("amount") != v("payment")) { print "row " FNR ": payment"; bad = 1 }
	  if (v("principal") < 0 || v("interest") < 0) { print "row " FNR ": negative"; bad = 1 }
	  if (k in left && left[k] - v("principal") != v("remaining")) { print "row " FNR ": remaining"; bad = 1 }
	  if (!(k in left) && got[k] + v("remaining") != owe[k]) { print "row " FNR ": first remaining"; bad = 1 }
	  left[k] = v("remaining") }
	END { for (k in owe) if (owe[k] > 0 && (got[k] != owe[k] || left[k] != 0)) { print k ": " got[k] " != " owe[k]; bad = 1 }
	      if (rows == 0) bad = 1
	      exit bad }' "$T/aged.csv" "$T/plan.csv" && ok || bad "$o: the schedule does not add up"
done

# one debt, one plan: detail, groups (with --total rows) and JSON
P="--as-of 2026-11-30 -n 5 --rate 7 --down 10"
# shellcheck disable=SC2086
"$BIN/pay-plan" $P "$T/aged.csv" > "$T/a1"
# shellcheck disable=SC2086
"$BIN/ar-age" --as-of 2026-11-30 -g customer --total "$L" | "$BIN/pay-plan" $P > "$T/a2"
# shellcheck disable=SC2086
"$BIN/ar-age" --as-of 2026-11-30 -o json "$L" | "$BIN/pay-plan" $P -o csv > "$T/a3"
cmp -s "$T/a1" "$T/a2" && ok || bad "ar-age -g customer gives other plans than ar-age"
cmp -s "$T/a1" "$T/a3" && ok || bad "JSON gives other plans than CSV"
# dun-plan's rows, per customer and per invoice: the customer's net_overdue
for p in customer invoice; do
	# shellcheck disable=SC2086
	"$BIN/dun-plan" -q --per $p --as-of 2026-11-30 "$T/aged.csv" 2> /dev/null |
	    "$BIN/pay-plan" -q $P > "$T/d-$p"
done
cmp -s "$T/d-customer" "$T/d-invoice" && [ "$(wc -l < "$T/d-customer")" -gt 1 ] && ok ||
    bad "dun-plan --per invoice gives other plans than --per customer"

# pay-plan | dun-plan: one remind per instalment, the stage's lead before
# its due date (首款一周、中款三天、尾款一旬), none for a down payment due
# on signing; the same per customer and per invoice
for d in "" "--down 20"; do
	# shellcheck disable=SC2086
	"$BIN/pay-plan" --as-of 2026-11-30 -n 4 --rate 6 $d "$T/aged.csv" > "$T/plan.csv"
	for p in invoice customer; do
		"$BIN/dun-plan" -q --per $p --from 2026-11-30 --to 2027-04-30 "$T/plan.csv" 2> /dev/null > "$T/dun-$p.csv"
		awk -F, "$LIB"'
		FNR == 1 { for (i = 1; i <= NF; i++) c[FILENAME, $i] = i; f = FILENAME; next }
		function g(k) { return $c[f, k] }
		f == ARGV[1] { lead = g("stage") == "first" ? 7 : g("stage") == "middle" ? 3 : 10
		  w = day(g("due_date")) - lead
		  if (g("instalment") > 0) want[g("invoice")] = date(w)
		  else none[g("invoice")] = 1
		  next }
		g("action") == "remind" { k = g("invoice")
		  if (k in none) { print k ": a reminder for the down payment"; bad = 1 }
		  else if (!(k in want) || want[k] != g("date")) { print k ": remind on " g("date") ", not " want[k]; bad = 1 }
		  seen[k]++ }
		END { for (k in want) if (seen[k] != 1) { print k ": " seen[k] + 0 " reminders"; bad = 1 }
		      exit bad }' "$T/plan.csv" "$T/dun-$p.csv" && ok || bad "pay-plan $d | dun-plan --per $p: not one reminder per instalment"
	done
done

# a customer's sum past 64 bits: exit 2, no plan
{ echo customer,open,currency; i=0; while [ $i -lt 12 ]; do echo "A,9999999999999999.99,CNY"; i=$((i + 1)); done; } > "$T/big.csv"
"$BIN/pay-plan" --as-of 2026-11-30 "$T/big.csv" > "$T/out" 2> "$T/err"
[ $? = 2 ] && grep -q 'too large' "$T/err" && ok || bad "overflow: not exit 2"
# the largest single balance is planned exactly, with interest; its
# agreement's total past 64 bits is exit 2, never a wrong figure
printf 'customer,open,currency\nA,9999999999999999.99,CNY\n' > "$T/max.csv"
"$BIN/pay-plan" --as-of 2026-11-30 -n 360 --rate 24 "$T/max.csv" > "$T/out" &&
    [ "$(tail -1 "$T/out" | cut -d, -f9)" = 0.00 ] && ok || bad "largest balance"
"$BIN/pay-plan" --as-of 2026-11-30 -n 600 --rate 100 -o md "$T/max.csv" > "$T/out" 2> "$T/err"
[ $? = 2 ] && [ ! -s "$T/out" ] && grep -q 'too large' "$T/err" && ok || bad "total past 64 bits: not exit 2"
echo "pay-plan: $((n - fail)) passed, $fail failed"
[ $fail -eq 0 ]
