#!/bin/sh
# pick-script: properties that must hold on any records, on random ones:
#  - the library has at least two templates for every style and language,
#    and none of them speaks of gifts, personal payments or favours
#  - the course's rules hold on every pick: 严肃式 (firm) never before 91
#    days, never with grade A or B, never on a disputed item, never for
#    有心无力 before 120 days; 节点式 (deadline) never on a dispute
#  - no script carries an unfilled {placeholder}
#  - -n K gives K rows per record, ranked 1..K, K different styles, the
#    first the one -n 1 gives
#  - Chinese labels of excuse and power give what their codes give
#  - the style is the one dun-plan suggested for the same row
#  - --list read back with --library gives the built-in library's output
#  - CSV, JSON and a pipe agree; read = written + filtered + rejected
set -u
: "${BIN:?}" "${ROOT:?}" "${TMP:?}"
PS=$BIN/pick-script
T=$TMP/pick
mkdir -p "$T"
fail=0 n=0
ok() { n=$((n + 1)); }
bad() { n=$((n + 1)); fail=$((fail + 1)); echo "FAIL pick-script: $*"; }

"$PS" --list > "$T/lib.csv" 2> /dev/null
awk -F, 'NR > 1 { c[$1 "," $2]++ } END {
	split("fair-deal empathy win-win ask-help deadline ask-advice concession precedent vision firm", s, " ")
	for (i = 1; i <= 10; i++) for (l = 0; l < 2; l++) {
		k = s[i] "," (l ? "zh" : "en"); if (c[k] < 2) { print k; bad = 1 } }
	exit bad }' "$T/lib.csv" && ok || bad "a style and language with fewer than two templates"
if grep -Eiq '礼品|礼物|礼金|红包|回扣|好处费|馈赠|送礼|购物卡|gift|kickback|bribe|commission|personal payment' "$T/lib.csv"
then bad "the library speaks of gifts or personal payments"; else ok; fi

# gen SEED ROWS: random situations
gen() {
	awk -v seed="$1" -v rows="$2" -v zh="${3:-0}" 'BEGIN {
		srand(seed)
		split("quality service price boss finance-away process no-rush accuse-distrust threat blame climate change agenda", ex, " ")
		split("质量不好 服务不周 价格不优 领导不满 财务不在 流程不通 劝你不急 怪你不信 吓你不做 责你不会 新形势 新变化 心诉求", exz, " ")
		split("strong-weak peer unable", pw, " "); split("客强我弱 客强我强 有心无力", pwz, " ")
		split("A B C D E N", gr, " ")
		print "customer,invoice,due_date,open,currency,excuse,power,days_overdue,grade,disputed,date"
		for (i = 1; i <= rows; i++) {
			e = rand() < 0.2 ? 0 : 1 + int(rand() * 13); p = rand() < 0.3 ? 0 : 1 + int(rand() * 3)
			d = int(rand() * 400) - 30; m = 1 + int(rand() * 12); day = 1 + int(rand() * 28)
			printf "C%d,I%d,2025-%02d-%02d,%d.%02d,%s,%s,%s,%s,%s,%s,2026-%02d-%02d\n",
			    int(rand() * 50), i, m, day, 1 + int(rand() * 99999), int(rand() * 100),
			    rand() < 0.8 ? "CNY" : "USD", e ? (zh ? exz[e] : ex[e]) : "",
			    p ? (zh ? pwz[p] : pw[p]) : "", d, rand() < 0.3 ? "" : gr[1 + int(rand() * 6)],
			    rand() < 0.1 ? "yes" : "no", 1 + int(rand() * 12), 1 + int(rand() * 28)
		}
	}'
}

for seed in ${SEEDS:-1 2 3}; do
	gen "$seed" 400 > "$T/r.csv"
	gen "$seed" 400 1 > "$T/rz.csv"
	for lang in en zh; do
		"$PS" --lang "$lang" -o json "$T/r.csv" > "$T/out.json" 2> /dev/null
		jq -r '[.style, .days_overdue, .grade, .disputed, .power, (.script | test("[{}]"))] | @tsv' "$T/out.json" |
		    awk -F'\t' '
			$1 == "firm" && ($2 + 0 < 91 || $3 == "A" || $3 == "B" || $4 == "yes" || ($5 == "unable" && $2 + 0 < 120)) { print "firm: " $0; bad = 1 }
			$1 == "deadline" && $4 == "yes" { print "deadline on a dispute: " $0; bad = 1 }
			$6 == "true" { print "placeholder left: " $0; bad = 1 }
			END { exit bad }' > "$T/rules" && ok || { bad "seed $seed $lang: the course's rules"; head -3 "$T/rules"; }
		[ "$(wc -l < "$T/out.json")" -eq 400 ] && ok || bad "seed $seed $lang: not one row per record"
	done
	# Chinese labels = codes
	"$PS" "$T/r.csv" 2> /dev/null | awk -F, '{ print $NF }' > "$T/a"
	"$PS" "$T/rz.csv" 2> /dev/null | awk -F, '{ print $NF }' > "$T/b"
	cmp -s "$T/a" "$T/b" && ok || bad "seed $seed: Chinese labels differ from the codes"
	# -n 3
	"$PS" -n 3 -o json "$T/r.csv" 2> /dev/null | jq -r '[.invoice, .rank, .style] | @tsv' > "$T/top"
	"$PS" -o json "$T/r.csv" 2> /dev/null | jq -r '[.invoice, .style] | @tsv' > "$T/one"
	awk -F'\t' 'NR == FNR { first[$1] = $2; next }
	    { rows[$1]++; if ($2 != rows[$1]) { print "rank: " $0; bad = 1 }
	      if ((($1, $3) in seen)) { print "style twice: " $0; bad = 1 }; seen[$1, $3] = 1
	      if ($2 == 1 && $3 != first[$1]) { print "first: " $0; bad = 1 } }
	    END { for (k in rows) if (rows[k] != 3) { print "rows: " k; bad = 1 }; exit bad }' \
	    "$T/one" "$T/top" > "$T/topbad" && ok || { bad "seed $seed: -n 3"; head -3 "$T/topbad"; }
	# formats and a pipe
	"$PS" "$T/r.csv" > "$T/c1" 2> /dev/null
	"$PS" < "$T/r.csv" > "$T/c2" 2> /dev/null
	cmp -s "$T/c1" "$T/c2" && ok || bad "seed $seed: a pipe differs from the file"
	"$PS" -o json "$T/r.csv" 2> /dev/null | jq -c 'del(.style, .principle, .next_step, .script)' |
	    "$PS" -i json -o json 2> /dev/null | jq -r .script > "$T/j"
	"$PS" -o json "$T/r.csv" 2> /dev/null | jq -r .script > "$T/k"
	cmp -s "$T/j" "$T/k" && ok || bad "seed $seed: JSON input differs from CSV"
	"$PS" -v "$T/r.csv" 2>&1 > /dev/null | awk '/ read, / { r = $2; w = $4; f = $6; j = $8; found = 1 }
	    END { exit !(found && r == w + f + j && r == 400) }' && ok || bad "seed $seed: read != written + filtered + rejected"
done

# the library read back
"$PS" --library "$T/lib.csv" "$T/r.csv" > "$T/l1" 2> /dev/null
"$PS" "$T/r.csv" > "$T/l2" 2> /dev/null
cmp -s "$T/l1" "$T/l2" && ok || bad "--list | --library differs from the built-in library"

# the style dun-plan suggests is the one pick-script picks
L=$ROOT/tests/data/dun.csv
if [ -x "$BIN/dun-plan" ]; then
	"$BIN/dun-plan" --from 2026-11-20 --to 2026-12-31 --per invoice "$L" 2> /dev/null > "$T/dun"
	"$PS" "$T/dun" 2> /dev/null > "$T/ps"
	awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == "style") s = i; next } { print $s }' "$T/dun" > "$T/s1"
	awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == "style") s = i; next } { print $s }' "$T/ps" > "$T/s2"
	# reconcile rows (open <= 0) have no call, internal ones no customer:
	# compare the others
	grep -v -e ',reconcile,' -e ',internal,' "$T/dun" | awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == "style") s = i; next } { print $s }' > "$T/s1"
	grep -v -e ',reconcile,' -e ',internal,' "$T/ps" | awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == "style") s = i; next } { print $s }' > "$T/s2"
	[ -s "$T/s1" ] && cmp -s "$T/s1" "$T/s2" && ok || bad "pick-script's style differs from dun-plan's"
fi

"$PS" --help > "$T/h" 2>&1 && head -1 "$T/h" | grep -q '^usage: pick-script' && ok || bad "--help"
echo "pick-script: $((n - fail)) passed, $fail failed"
[ $fail -eq 0 ]
