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
#  - --list read back with --library gives the built-in library's output,
#    and names each style in both languages
#  - on dun-plan's rows (SPEC 5.3): a dispute's script states no money and
#    no days overdue; a reminder before the due date says nothing of being
#    overdue; a row for our own staff gets an instruction and no style; a
#    letter carries no personal plea; a demand states the row's net overdue
#    and its invoices; a call, a notice and a visit to one customer on one
#    day are three texts; the customer's excuse is answered
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
awk -F, 'NR > 1 && $1 != "" { c[$1 "," $4]++ } END {
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

# the style dun-plan suggests is the one pick-script picks (rows for a
# customer: reconcile and internal rows have no call)
L=$ROOT/tests/data/dun.csv
if [ -x "$BIN/dun-plan" ]; then
	"$BIN/dun-plan" --from 2026-11-20 --to 2026-12-31 --per invoice -o json "$L" 2> /dev/null > "$T/dun"
	"$PS" -o json "$T/dun" 2> /dev/null > "$T/ps"
	jq -r 'select(.audience == "customer" and .action != "reconcile") | .style' "$T/dun" > "$T/s1"
	jq -r 'select(.audience == "customer" and .action != "reconcile") | .style' "$T/ps" > "$T/s2"
	[ -s "$T/s1" ] && cmp -s "$T/s1" "$T/s2" && ok || bad "pick-script's style differs from dun-plan's"
fi

# on dun-plan's own rows, every kind of them, both languages, every style
L=$ROOT/tests/data/dun.csv
if [ -x "$BIN/dun-plan" ]; then
	"$BIN/dun-plan" --from 2026-09-01 --to 2027-01-31 "$L" 2> /dev/null > "$T/plan.csv"
	"$BIN/dun-plan" --from 2026-09-01 --to 2027-01-31 --per invoice "$L" 2> /dev/null | sed 1d >> "$T/plan.csv"
	for lang in en zh; do
		"$PS" --lang $lang -n 10 -o json "$T/plan.csv" > "$T/s.json" 2> "$T/s.err"
		[ -s "$T/s.json" ] && ! grep -q 'rejected' "$T/s.err" && ok || bad "$lang: rows rejected: $(head -2 "$T/s.err")"
		jq -r '[.action, .channel, .audience, (.style // ""), .days_overdue, .net_overdue, .open, .invoices, (.excuse // ""), .script] | @tsv' "$T/s.json" |
		awk -F'\t' -v lang=$lang '
		function money(v,    s, i, p, n, out) {	# 12345.67 -> 12,345.67
			p = index(v, "."); n = p ? substr(v, 1, p - 1) : v; out = p ? substr(v, p) : ""
			while (length(n) > 3) { out = "," substr(n, length(n) - 2) out; n = substr(n, 1, length(n) - 3) }
			return n out
		}
		BEGIN {
			split("quality:质量:quality service:服务:service price:价格:price boss:领导:manager finance-away:财务:finance process:流程:process no-rush:不急:no rush accuse-distrust:信任:trust threat:供应商:supplier blame:不对:wrong climate:不容易|过冬:hard|winter change:调整:change agenda:目标:goals", ex, " ")
			for (i in ex) { split(ex[i], q, ":"); kw[q[1]] = lang == "zh" ? q[2] : q[3] }
		}
		{
			a = $1; ch = $2; aud = $3; st = $4; days = $5; net = $6; open = $7; inv = $8; e = $9; s = $10
			if (aud == "internal") {
				if (st != "" || s !~ /^(Internal|内部)/) { print "internal: " $0; bad = 1 }
				next
			}
			if (a == "resolve-dispute") {
				if (index(s, money(open)) || (net + 0 > 0 && index(s, money(net))) || (days + 0 > 0 && (index(s, days " day") || index(s, days "天"))) || s ~ /逾期|overdue|[Pp]ay |付款|支付/) { print "dispute: " $0; bad = 1 }
			}
			if (a == "remind" && s ~ /逾期|overdue/) { print "remind: " $0; bad = 1 }
			if (ch == "letter" && s ~ /考核|评优|优秀|交代|my target|help me|for me/) { print "plea in a letter: " $0; bad = 1 }
			if (a ~ /^(phone|written-notice|visit)$/) {
				split(inv, iv, ";")
				if (!index(s, money(net)) || !index(s, iv[1])) { print "demand: " $0; bad = 1 }
				txt[a, $0] = s
			}
			if (e != "" && a != "apply-cash" && a != "confirm-balance" && a != "switch-to-prepay" && a != "lawyer-letter") {
				if (!(e in kw) || s !~ kw[e]) { print "excuse " e " not answered: " s; bad = 1 }
			}
		}
		END { exit bad }' > "$T/kinds" && ok || { bad "$lang: a script says what it must not"; head -4 "$T/kinds"; }
		# a call, a notice and a visit on one day: three texts
		jq -r 'select(.action == "phone" or .action == "written-notice" or .action == "visit") | [.customer, .date, (.rank // 1), .action, .script] | @tsv' "$T/s.json" |
		awk -F'\t' '{ k = $1 SUBSEP $2 SUBSEP $3; if ((k SUBSEP $5) in seen && seen[k SUBSEP $5] != $4) { print "same text: " $0; bad = 1 } seen[k SUBSEP $5] = $4; n++ }
		    END { exit bad || n == 0 }' > "$T/three" && ok || { bad "$lang: one text for several channels"; head -2 "$T/three"; }
	done
fi

# a whole account (ar-age -g customer): said of the account, in every
# language, and never "{invoices}"
for lang in zh en; do
	printf 'customer,open,currency,days_overdue\nBolt,80000.00,CNY,45\n' |
	    "$PS" --as-of 2026-11-30 --lang $lang -n 10 -o json > "$T/acct" 2>"$T/acct.err" &&
	    [ "$(jq -s length "$T/acct")" -ge 5 ] &&
	    jq -r .script "$T/acct" | awk -v lang=$lang '
		!(index($0, "80,000.00")) || /[{}]/ || (lang == "zh" ? !/账上/ : !/your account/) { bad = 1 }
		END { exit bad }' && ok || { bad "$lang: a whole account"; head -3 "$T/acct" "$T/acct.err"; }
done
# an overdue row with nothing overdue left to ask for is not sent
printf 'customer,invoice,open,net_overdue,currency,days_overdue\nBolt,B-1,800.00,0.00,CNY,45\n' |
    "$PS" --as-of 2026-11-30 -o json > "$T/none" 2>"$T/none.err"
[ $? -eq 1 ] && [ ! -s "$T/none" ] && grep -q 'no amount_due' "$T/none.err" && ok ||
    bad "a demand for nothing"

"$PS" --help > "$T/h" 2>&1 && head -1 "$T/h" | grep -q '^usage: pick-script' && ok || bad "--help"
echo "pick-script: $((n - fail)) passed, $fail failed"
[ $fail -eq 0 ]
