#!/bin/sh
# ar-statement: properties that must hold on any ledger (SPEC 8, 1.10):
#  - per customer and currency, opening + the lines = closing to the cent,
#    each running_balance is the one before plus the line, the aged rows
#    add up to the closing balance, and the closing balance is ar-age's
#    balance at --to (one open item, one truth), on random ledgers with
#    credit notes, receipts, adjustments, refs and unapplied cash, and on a
#    100,000-row generated ledger (bench/gen-invoices);
#  - no interest on a disputed invoice; a claim held to --interest-cap is
#    flagged, and never above it;
#  - the match rows use up each unapplied credit, oldest invoice first,
#    and never propose more than the invoice has open;
#  - CSV and JSON input give the same records; read = written + filtered
#    + rejected;
#  - the collection pipeline: dun-plan | ar-statement --doc reminder
#    --only - writes one letter per customer dun-plan names with money
#    due, demanding exactly dun-plan's net_overdue;
#  - one HTML page per customer and currency; --doc with -o html and md
#    tell the same amounts;
#  - a company file: unknown key and missing bank account are exit 2
#    naming the line or the key.
set -u
: "${BIN:?}" "${ROOT:?}" "${TMP:?}"
ST=$BIN/ar-statement
AGE=$BIN/ar-age
T=$TMP/stmt
mkdir -p "$T"
fail=0 n=0
ok() { n=$((n + 1)); }
bad() { n=$((n + 1)); fail=$((fail + 1)); echo "FAIL ar-statement: $*"; }

gen() {
	awk -v seed="$1" -v rows="$2" -v docs="${3:-}" -f "$ROOT/tests/lib.awk" -f "$ROOT/tests/gen-ledger.awk"
}

# check STATEMENT AGE_SUMMARY LABEL: the statement's records reconcile,
# and its closing balances are ar-age's
check() {
	awk -F, -v label="$3" '
	function cents(s,    neg, p) {
		if (s == "") return 0
		neg = substr(s, 1, 1) == "-"; if (neg) s = substr(s, 2)
		p = index(s, "."); if (!p) return (neg ? -1 : 1) * s * 100
		return (neg ? -1 : 1) * (substr(s, 1, p - 1) * 100 + substr(s "00", p + 1, 2))
	}
	FNR == 1 { for (i = 1; i <= NF; i++) c[FILENAME, $i] = i; next }
	FILENAME == ARGV[1] {
		k = $c[FILENAME, "customer"] SUBSEP $c[FILENAME, "currency"]
		kind = $1
		if (kind == "opening") { run[k] = cents($c[FILENAME, "balance"]); seen[k] = 1 }
		else if (kind == "line") {
			run[k] += cents($c[FILENAME, "amount"])
			if (run[k] != cents($c[FILENAME, "running_balance"])) { print label ": running balance " $0; bad = 1 }
		} else if (kind == "closing") {
			closing[k] = cents($c[FILENAME, "balance"])
			if (run[k] != closing[k]) { print label ": opening + lines " run[k] " != closing in " $0; bad = 1 }
		} else if (kind == "aged") aged[k] += cents($c[FILENAME, "balance"])
		next
	}
	$1 != "" { agebal[$1 SUBSEP $2] = cents($c[FILENAME, "balance"]) }
	END {
		for (k in seen) {
			if (!(k in closing)) { print label ": no closing row for " k; bad = 1; continue }
			if (aged[k] != closing[k]) { print label ": aged " aged[k] " != closing " closing[k] " for " k; bad = 1 }
			if (agebal[k] + 0 != closing[k]) { print label ": ar-age balance " agebal[k] " != closing " closing[k] " for " k; bad = 1 }
			nk++
		}
		for (k in agebal) if (!(k in seen)) { print label ": ar-age has " k ", the statement not"; bad = 1 }
		if (nk == 0) { print label ": no customer at all"; bad = 1 }
		exit bad
	}' "$1" "$2"
}

for seed in ${SEEDS:-1 2 3 4 5 6}; do
	docs=
	[ "$seed" -gt 2 ] && docs=docs
	gen "$seed" 600 $docs > "$T/l.csv"
	for p in "2026-03-01 2026-03-31" "2025-07-01 2026-09-30" "2026-11-01 2026-11-30"; do
		set -- $p
		tag="seed $seed, $1..$2"
		"$ST" -v --as-of 2026-12-05 --from "$1" --to "$2" --rate 6 --interest-cap 2 "$T/l.csv" > "$T/s.csv" 2> "$T/err" ||
		    { bad "$tag: exit $?: $(head -2 "$T/err")"; continue; }
		"$AGE" --as-of "$2" -g customer "$T/l.csv" > "$T/a.csv" 2> /dev/null
		check "$T/s.csv" "$T/a.csv" "$tag" && ok || bad "$tag: does not reconcile"
		awk '/ read, / { exit !($2 == $4 + $6 + $8) }' "$T/err" && ok || bad "$tag: counts $(grep ' read, ' "$T/err")"
		# interest: never on a disputed invoice; the cap holds
		awk -F, 'FNR == 1 { for (i = 1; i <= NF; i++) c[FILENAME, $i] = i; next }
		    FILENAME == ARGV[1] { dis[$c[FILENAME, "invoice"]] = $c[FILENAME, "disputed"]; next }
		    $1 == "interest" {
			inv = $c[FILENAME, "invoice"]
			if (dis[inv] == "yes") { print "interest on disputed " inv; bad = 1 }
			cl = $c[FILENAME, "claim"] + 0; in_ = $c[FILENAME, "interest"] + 0
			am = $c[FILENAME, "amount"] + 0; bal = $c[FILENAME, "balance"] + 0
			if (cl < 0 || in_ <= 0) { print "a claim of nothing: " $0; bad = 1 }
			if ($c[FILENAME, "over_cap"] == "yes" && !(cl < in_)) { print "over the cap, not held to it: " $0; bad = 1 }
			if ($c[FILENAME, "over_cap"] == "no" && cl != in_) { print "under the cap, yet held: " $0; bad = 1 }
			# (the cap is 2% of the largest balance charged, at least
			# the amount: a claim within 2% of the amount is under it)
			if ($c[FILENAME, "over_cap"] == "yes" && in_ <= am * 0.02) { print "flagged within the cap: " $0; bad = 1 }
		    }
		    END { exit bad }' "$T/l.csv" "$T/s.csv" && ok || bad "$tag: interest"
		# match: each credit used up oldest invoice first, no invoice
		# cleared beyond its open
		awk -F, 'FNR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next }
		    $1 == "match" {
			k = $c["customer"] SUBSEP $c["currency"] SUBSEP $c["invoice"]
			if ($c["balance"] != "" && $c["balance"] + 0 < -0.001) { print "invoice over-cleared: " $0; bad = 1 }
			if ($c["credit_left"] + 0 > 0.001) { print "credit left positive: " $0; bad = 1 }
			# (oldest: most days overdue, an item without a due
			# date counted from its own date)
			if (k in last && $c["ref"] != "" && $c["days_overdue"] + 0 > lastdays[k]) { print "not oldest first: " $0; bad = 1 }
			if ($c["ref"] != "") { last[k] = 1; lastdays[k] = $c["days_overdue"] + 0 }
		    }
		    END { exit bad }' "$T/s.csv" && ok || bad "$tag: match"
	done
	# CSV and JSON input give the same records
	if [ -x "$ROOT/build/unit/rec-cat" ]; then
		"$ROOT/build/unit/rec-cat" -o json "$T/l.csv" > "$T/l.json"
		"$ST" --as-of 2026-12-05 --from 2026-01-01 --to 2026-11-30 --rate 4.35 "$T/l.csv" > "$T/a" 2> /dev/null
		"$ST" --as-of 2026-12-05 --from 2026-01-01 --to 2026-11-30 --rate 4.35 -o csv "$T/l.json" > "$T/b" 2> /dev/null
		cmp -s "$T/a" "$T/b" && ok || bad "seed $seed: JSON input differs"
	fi
done

# a 100,000-row generated ledger (the bench's): every customer reconciles
# (fewer rows under the sanitizers: BIG)
GEN=$T/gen-invoices
cc -O2 -std=c11 -o "$GEN" "$ROOT/bench/gen-invoices.c" 2> /dev/null
if [ -x "$GEN" ]; then
	"$GEN" "${BIG:-100000}" > "$T/big.csv"
	"$ST" --as-of 2026-11-30 --from 2026-01-01 --to 2026-11-30 "$T/big.csv" > "$T/s.csv" 2> "$T/err" || bad "big: exit $?: $(head -2 "$T/err")"
	"$AGE" --as-of 2026-11-30 -g customer "$T/big.csv" > "$T/a.csv" 2> /dev/null
	check "$T/s.csv" "$T/a.csv" "gen-invoices ${BIG:-100000}" && ok || bad "big ledger does not reconcile"
else
	bad "cannot build bench/gen-invoices.c"
fi

# an adjustment with no due date is as old as its own date: the unapplied
# cash goes to the oldest invoices before it
cat > "$T/adj.csv" << 'EOF'
customer,invoice,doc_type,ref,invoice_date,due_date,amount,paid,paid_date,currency,disputed
ACME,A1,invoice,,2026-08-01,2026-08-31,10000.00,0,,CNY,no
ACME,A2,invoice,,2026-09-01,2026-10-01,5000.00,0,,CNY,no
ACME,A3,invoice,,2026-11-20,2026-12-20,7000.00,0,,CNY,no
ACME,P1,payment,,2026-11-15,,-12000.00,,,CNY,no
ACME,ADJ1,adjustment,,2026-11-25,,50.00,,,CNY,no
EOF
"$ST" --as-of 2026-12-01 --daily-rate 0.05 "$T/adj.csv" 2> /dev/null |
	awk -F, '$1 == "match" { printf "%s %s|", $9, $13 } END { print "" }' > "$T/adj.out"
[ "$(cat "$T/adj.out")" = "A1 -10000.00|A2 -2000.00|" ] && ok || bad "an adjustment without a due date matched before older invoices: $(cat "$T/adj.out")"

# a ledger without documents is read in byte ranges on threads (SPEC 1.6):
# byte for byte what one thread writes - records, letters, messages, the
# reject file and the counts - with bad records, quotes and a line break
# on every side of the cuts, same-day lines in both ranges, and --only
gen 5 3000 > "$T/l.csv"
awk 'NR % 97 == 0 { $0 = $0 ",extra" } NR % 131 == 0 { sub(/,CNY,/, ",RMB,") }
     NR % 173 == 0 { sub(/^C/, "\"C\"\"") ; sub(/,I/, "\",I") }
     NR == 1500 { sub(/^C[0-9]/, "\"line\nbreak\"") } { print }' "$T/l.csv" > "$T/m.csv"
head -c 400 "$T/l.csv" | cut -d, -f1 > "$T/only.csv"
for split in 0:2 1:3 2000:4; do
	for o in "--from 2025-01-01 --to 2026-06-30" "--doc statement -o md --lang zh" "--only $T/only.csv --from 2025-01-01 --to 2026-06-30"; do
		# shellcheck disable=SC2086  # O is words
		ARKIT_THREADS=1 "$ST" --as-of 2026-06-30 $o -v --reject "$T/ra.csv" "$T/m.csv" > "$T/a.out" 2> "$T/a.err"
		# shellcheck disable=SC2086
		ARKIT_THREADS=${split#*:} ARKIT_SPLIT_MIN=${split%:*} ARKIT_DEBUG=1 "$ST" --as-of 2026-06-30 $o -v --reject "$T/rb.csv" "$T/m.csv" > "$T/b.out" 2> "$T/b.err"
		grep -q ': split: [2-9] ranges, .* [1-9][0-9]* with messages$' "$T/b.err" && ok || bad "split at $split ($o): not read in ranges with messages held back"
		grep -v ': split: ' "$T/b.err" > "$T/b2.err"
		[ -s "$T/a.out" ] && cmp -s "$T/a.out" "$T/b.out" && cmp -s "$T/a.err" "$T/b2.err" && cmp -s "$T/ra.csv" "$T/rb.csv" && ok || bad "split at $split ($o): differs from one thread"
	done
done

# the pipeline: dun-plan's written notices get a reminder each, demanding
# exactly net_overdue
gen 7 800 docs > "$T/l.csv"
"$BIN/dun-plan" --as-of 2026-06-30 "$T/l.csv" > "$T/plan.csv" 2> /dev/null
"$BIN/dun-plan" --as-of 2026-06-30 "$T/l.csv" 2> /dev/null | "$ST" --as-of 2026-06-30 --doc reminder --company "$ROOT/examples/company.conf" --only - "$T/l.csv" > "$T/r.md" 2> "$T/err"
awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next }
    $c["net_overdue"] + 0 > 0 { print $c["customer"] "|" $c["currency"] "|" $c["net_overdue"] }' "$T/plan.csv" | sort -u |
    awk -F'|' '{ v = $3; s = ""; n = split(v, p, "."); i = p[1]; while (length(i) > 3) { s = "," substr(i, length(i) - 2) s; i = substr(i, 1, length(i) - 3) } print $1 "|" $2 "|" i s (n > 1 ? "." p[2] : "") }' > "$T/want"
awk '/^To: \*\*/ { c = $0; sub(/^To: \*\*/, "", c); sub(/\*\*.*/, "", c)
	cur = $0; sub(/.*Currency: /, "", cur) }
    /^\*\*Amount due: / { a = $0; sub(/^\*\*Amount due: [A-Z]* */, "", a); sub(/\.\*\*$/, "", a); print c "|" cur "|" a }' "$T/r.md" | sort > "$T/got"
[ -s "$T/want" ] && cmp -s "$T/want" "$T/got" && ok || { bad "dun-plan | ar-statement --doc reminder: the letters do not demand net_overdue"; diff "$T/want" "$T/got" | head -5; }
# and a customer with nothing due gets none
for doc in statement confirm reminder final; do
	"$ST" --as-of 2026-06-30 --doc $doc -o html --company "$ROOT/examples/company.conf" "$T/l.csv" > "$T/p.html" 2> /dev/null
	"$ST" --as-of 2026-06-30 --doc $doc -o md --company "$ROOT/examples/company.conf" "$T/l.csv" > "$T/p.md" 2> /dev/null
	pages=$(grep -c '^<section class="page">' "$T/p.html")
	titles=$(grep -c '^# ' "$T/p.md")
	[ "$pages" -gt 0 ] && [ "$pages" = "$titles" ] && ok || bad "--doc $doc: $pages HTML pages, $titles Markdown pages"
	case $doc in
	statement|confirm)
		# one page per customer and currency with any history
		want=$("$ST" --as-of 2026-06-30 "$T/l.csv" 2> /dev/null | awk -F, '$1 == "opening"' | wc -l)
		[ "$pages" = "$want" ] && ok || bad "--doc $doc: $pages pages for $want customers" ;;
	reminder|final)
		want=$("$BIN/dun-plan" --as-of 2026-06-30 --per customer "$T/l.csv" 2> /dev/null | awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next }
		    $c["net_overdue"] + 0 > 0 { print $c["customer"], $c["currency"] }' | sort -u | wc -l)
		# (dun-plan writes rows on action days only: at least those)
		[ "$pages" -ge "$want" ] && ok || bad "--doc $doc: $pages letters, dun-plan has $want customers with money due" ;;
	esac
done

# the company file
printf 'name = X\nbank = Y\nacount = 1\n' > "$T/c1"
"$ST" --as-of 2026-06-30 --doc statement --company "$T/c1" "$T/l.csv" > /dev/null 2> "$T/err"
[ $? = 2 ] && grep -q "c1:3: unknown key \"acount\"" "$T/err" && ok || bad "unknown key: $(cat "$T/err")"
printf 'name = X\nbank = Y\n' > "$T/c2"
"$ST" --as-of 2026-06-30 --doc statement --company "$T/c2" "$T/l.csv" > /dev/null 2>&1 && ok || bad "a statement needs no bank account"
"$ST" --as-of 2026-06-30 --doc final --company "$T/c2" "$T/l.csv" > "$T/out" 2> "$T/err"
[ $? = 2 ] && [ ! -s "$T/out" ] && grep -q 'needs our bank account' "$T/err" && ok || bad "final without an account: $(cat "$T/err")"

# --help, and a closed pipe is quiet
"$ST" --help > "$T/h" 2>&1 && head -1 "$T/h" | grep -q '^usage: ar-statement' && ok || bad "--help"
("$ST" --as-of 2026-06-30 "$T/l.csv" 2> "$T/err"; echo $? > "$T/rc") | head -n 1 > /dev/null
[ "$(cat "$T/rc")" = 0 ] && [ ! -s "$T/err" ] && ok || bad "closed pipe: exit $(cat "$T/rc"), $(cat "$T/err")"

echo "ar-statement: $((n - fail)) passed, $fail failed"
[ $fail -eq 0 ]
