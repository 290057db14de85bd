#!/bin/sh
# deal-plan: properties that must hold on any deals, on random deals:
#  - basic <= optimal <= reference; basic = cost x (1 + min_margin) exactly,
#    rounded half away from zero on minor units; optimal = cost x (1 +
#    target_margin) capped at the list price and never below basic;
#    reference = the list price, or optimal x 1.1 when the list is lower
#  - the ladder: its steps add up to reference - basic exactly, each is
#    smaller than the one before, each has a get
#  - plan-adjust is flagged exactly when budget < basic
#  - CSV, TSV and JSON input give the same output; read = written +
#    filtered + rejected with -v
#  - -o md (zh and en): one plan per deal written, no unfilled placeholder,
#    tables that render (a blank line before, a delimiter row, every row
#    with the header's number of cells), the value strategies in order of
#    their scores, and every framework of the course named in every plan
#  - no text of the md or CSV output suggests gifts or personal payments
set -u
: "${BIN:?}" "${ROOT:?}" "${TMP:?}"
DP=$BIN/deal-plan
T=$TMP/deal
mkdir -p "$T"
fail=0 n=0
ok() { n=$((n + 1)); }
bad() { n=$((n + 1)); fail=$((fail + 1)); echo "FAIL deal-plan: $*"; }

# gen SEED ROWS: random deals as CSV, TSV and NDJSON (all fields strings),
# with a few bad ones
gen() {
	awk -v seed="$1" -v rows="$2" -v out="$T/d$1" 'BEGIN {
		srand(seed)
		ncur = split("CNY USD JPY KWD CNY", cur, " ")
		dec["CNY"] = 2; dec["USD"] = 2; dec["JPY"] = 0; dec["KWD"] = 3
		nname = split("华东电网|Acme Robotics|苏州恒瑞, 有限公司|Big \"Q\" Co|A\\B Ltd|Star *One*|宁波东港", name, "|")
		nreason = split("risk competitor budget kpi personal casual 超出客户预算 客户顾虑风险", reason, " ")
		nrole = split("eagle sheep fox donkey 鹰 狐", role, " ")
		nm = split("0.05 0.10 0.125 0.2 0.0375 0 1.5", mm, " ")
		nt = split("0.15 0.25 0.333 0.5 0.3 0.9999 2", tm, " ")
		nb = split("12x 6 nope wolf -0.1 0 -5", badv, " ")
		nf = split("customer deal currency list_price cost competitor_price budget min_margin target_margin reason roles years opex competitor_opex conditions objections reputation service profit product company people", f, " ")
		for (i = 1; i <= nf; i++) {
			printf "%s%s", (i > 1 ? "," : ""), f[i] > (out ".csv")
			printf "%s%s", (i > 1 ? "\t" : ""), f[i] > (out ".tsv")
		}
		print "" > (out ".csv"); print "" > (out ".tsv")
		for (r = 1; r <= rows; r++) {
			k = cur[1 + int(rand() * ncur)]; d = dec[k]
			cost = 1 + int(rand() * 1000000000)
			if (rand() < 0.1) cost = 1 + int(rand() * 100)
			list = int(cost * (0.8 + rand() * 1.4))
			if (list < 1) list = 1
			v["customer"] = name[1 + int(rand() * nname)]
			v["deal"] = "D-" r
			v["currency"] = rand() < 0.05 ? "" : k
			if (v["currency"] == "") d = 2
			v["list_price"] = money(list, d)
			v["cost"] = money(cost, d)
			v["competitor_price"] = rand() < 0.3 ? "" : money(int(list * (0.5 + rand() * 0.8)), d)
			v["budget"] = rand() < 0.3 ? "" : money(int(cost * (0.8 + rand() * 1.2)), d)
			v["min_margin"] = rand() < 0.2 ? "" : rand() < 0.5 ? mm[1 + int(rand() * nm)] : sprintf("%.4f", rand() * 0.3)
			v["target_margin"] = rand() < 0.2 ? "" : rand() < 0.5 ? tm[1 + int(rand() * nt)] : sprintf("%.3f", rand() * 0.6)
			v["reason"] = rand() < 0.2 ? "" : reason[1 + int(rand() * nreason)]
			s = ""
			for (i = 1; i <= nrole; i++)
				if (rand() < 0.3) s = s (s == "" ? "" : ";") role[i]
			v["roles"] = s
			v["years"] = rand() < 0.4 ? "" : 1 + int(rand() * 10)
			v["opex"] = rand() < 0.3 ? "" : money(int(rand() * cost / 5), d)
			v["competitor_opex"] = rand() < 0.3 ? "" : money(int(rand() * cost / 4), d)
			v["conditions"] = yn(); v["objections"] = yn()
			for (i = 17; i <= 22; i++)
				v[f[i]] = rand() < 0.3 ? "" : 1 + int(rand() * 5)
			if (rand() < 0.05)	# a bad deal
				v[f[4 + int(rand() * 19)]] = badv[1 + int(rand() * nb)]
			for (i = 1; i <= nf; i++) {
				x = v[f[i]]
				c = x
				if (c ~ /[,"]/) { gsub(/"/, "\"\"", c); c = "\"" c "\"" }
				printf "%s%s", (i > 1 ? "," : ""), c > (out ".csv")
				t = x; gsub(/\\/, "&&", t)
				printf "%s%s", (i > 1 ? "\t" : ""), t > (out ".tsv")
				j = x; gsub(/\\/, "&&", j); gsub(/"/, "\\\"", j)	# (&&: a doubled backslash in mawk and gawk alike)
				printf "%s\"%s\":\"%s\"", (i > 1 ? "," : "{"), f[i], j > (out ".json")
			}
			print "" > (out ".csv"); print "" > (out ".tsv"); print "}" > (out ".json")
		}
	}
	function yn(   x) { x = rand(); return x < 0.3 ? "" : x < 0.65 ? "yes" : "no" }
	function money(v, d,    s) {
		if (d == 0) return v ""
		s = sprintf("%0" (d + 1) ".0f", v)	# (mawk: %d stops at 2^31 - 1)
		return substr(s, 1, length(s) - d) "." substr(s, length(s) - d + 1)
	}'
}

# The oracle, from SPEC 6 and not from the C: every row of -o csv output.
CHECK='
# money text as minor units with dec decimals ("6" is 600 with 2)
function minor(s,    p, f) {
	p = index(s, "."); f = p ? substr(s, p + 1) : ""
	if (p) s = substr(s, 1, p - 1)
	while (length(f) < dec) f = f "0"
	return (s f) + 0
}
# round(a / b) half away from zero, a >= 0, b > 0, exact below 2^53
function rdiv(a, b,    q) { q = (a - a % b) / b; return (2 * (a % b) >= b) ? q + 1 : q }
# cost x (1 + m), m a decimal text
function markup(cost, m,    p, s, num) {
	p = index(m, "."); s = p ? length(m) - p : 0
	num = m; sub(/\./, "", num); num += 0
	return rdiv(cost * (10 ^ s + num), 10 ^ s)
}
NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next }
{
	id = $c["deal"]
	p = index($c["basic"], "."); dec = p ? length($c["basic"]) - p : 0
	cost = minor($c["cost"]); list = minor($c["list_price"])
	mn = $c["min_margin"] == "" ? "0.10" : $c["min_margin"]
	tg = $c["target_margin"] == "" ? "0.25" : $c["target_margin"]
	b = minor($c["basic"]); o = minor($c["optimal"]); r = minor($c["reference"])
	if (!(b <= o && o <= r)) { print id ": not basic <= optimal <= reference"; bad = 1 }
	if (b != markup(cost, mn)) { print id ": basic " b " != cost x (1 + " mn ")"; bad = 1 }
	want = markup(cost, tg); if (want > list) want = list; if (want < b) want = b
	if (o != want) { print id ": optimal " o " != " want; bad = 1 }
	want = list >= o ? list : rdiv(o * 11, 10)
	if (r != want) { print id ": reference " r " != " want; bad = 1 }
	sum = 0; prev = -1; nsteps = 0
	for (k = 1; k <= 3; k++) {
		s = $c["step" k]; g = $c["get" k]
		if (s == "") { if (g != "") { print id ": get without a step"; bad = 1 } ; continue }
		st = minor(s); nsteps++
		if (nsteps != k) { print id ": a gap in the ladder"; bad = 1 }
		if (st <= 0 || (prev >= 0 && st >= prev)) { print id ": step " k " does not shrink"; bad = 1 }
		if (g == "") { print id ": step " k " without a get"; bad = 1 }
		sum += st; prev = st
	}
	if (sum != r - b) { print id ": the steps add up to " sum ", not " r - b; bad = 1 }
	flagged = ($c["flags"] ~ /(^|;)plan-adjust(;|$)/)
	under = ($c["budget"] != "" && minor($c["budget"]) < b)
	if (flagged != under) { print id ": plan-adjust " flagged ", budget below basic " under; bad = 1 }
	rows++
}
END { if (!rows) { print "no rows"; bad = 1 }; exit bad }'

# Markdown that renders: tables with a blank line before, a delimiter row
# and the header's number of cells on every row; scores in order; nothing
# left unfilled.
MDCHECK='
function cells(s) { gsub(/\\\\/, "", s); gsub(/\\\|/, "", s); return gsub(/\|/, "|", s) - 1 }
/^# / { plans++ }
/%[0-9.l]*[sd]|\{[a-z_]*\}|\(null\)/ { print "unfilled: " $0; bad = 1 }
/^\|/ {
	if (!intable) {
		if (prev != "") { print "no blank line before a table: " $0; bad = 1 }
		intable = 1; want = cells($0); row = 0; score = -1; scol = 0
		if ($0 ~ /\| (Score|得分) \|/) scol = 1
	} else if (cells($0) != want) { print "cells " cells($0) " != " want ": " $0; bad = 1 }
	row++
	if (row == 2 && $0 !~ /^\|(-+:?|:?-+:?)(\|(-+:?|:?-+:?))*\|$/) { print "no delimiter row: " $0; bad = 1 }
	if (scol && row > 2) {
		split($0, x, " \\| "); v = x[3] + 0
		if (score != -1 && v > score) { print "scores not in order: " $0; bad = 1 }
		score = v
	}
	prev = $0; next
}
{ intable = 0; prev = $0 }
END { if (plans != want_plans) { print plans " plans, " want_plans " deals"; bad = 1 }; exit bad }'

# Every framework of the course, in every plan (en keeps the Chinese terms).
TERMS='三套服务价格体系 参照型 最优型 基础型 利益交换 客户顾虑风险 竞品低价竞争
超出客户预算 客户绩效要求 个人利益诉求 客户随口一说 案例佐证 风险预测 方案调整 附加价值
合理满足 精准判断 引导客户长效周期考量 针对痛点呈现综合价值 引导客户提高技术门槛
引导客户降低条款评分 提供高附加值配套服务 提供长期合作价值分析 提供更低成本解决方案
提供产品组合模式方案 鹰 羊 狐 驴 谈判时机确认二条件 客户给条件 客户有歧义 分析三方 确定目标
准备方案 组合方案 组建团队 把人与问题分开 着眼利益而非立场 提出多处解决方案 坚持客观标准
价值附加 双方折中 单方妥协 信心 信任 口碑 服务 利润 产品 公司 人员 公司诉求 个体诉求
三度一感 有温度 有速度 有力度 有好感 人无我有 人有我优 人优我廉 人廉我全 人全我好 人好我硬
三看法 看客户关注点排序 看自身目标和优劣势 看对手底层逻辑 主动高频 数据量化 感性类比 共同分析'
FRAMEWORKS='
BEGIN { nt = split(terms, term, /[ \n]+/) }
/^# / { if (plan) check(); plan = $0; text = "" }
{ text = text "\n" $0 }
function check(   i) {
	for (i = 1; i <= nt; i++)
		if (term[i] != "" && index(text, term[i]) == 0) { print plan ": no " term[i]; bad = 1 }
}
END { if (plan) check(); exit bad }'

# Gifts, personal payments, favours: never suggested (SPEC 5.3, 6).
CLEAN='gift|kickback|brib|commission|rebate|cash|red (envelope|packet)|hongbao|favou?r|personal payment|送礼|礼品|礼物|礼金|红包|回扣|佣金|好处费|馈赠|返点|灰色|灰度|私下'

printf 'attribute,weight,ours,theirs\n质量 quality,0.3,4.5,3.5\nservice | 服务,0.25,5,3\nlocal,0.1,3,0\nprice,0.35,3,5\n' > "$T/rival.csv"

for seed in ${SEEDS:-1 2}; do
	D=$T/d$seed
	gen "$seed" 300
	"$DP" -o csv "$D.csv" > "$D.c.out" 2> /dev/null
	"$DP" -o tsv "$D.csv" 2> /dev/null |
	    awk -F '\t' "$CHECK" > "$T/check" 2>&1 &&
	    ok || { bad "seed $seed: the prices or the ladder"; head -5 "$T/check"; }

	# the same deals, three formats
	"$DP" -i tsv -o csv "$D.tsv" > "$D.t.out" 2> /dev/null
	"$DP" -o csv "$D.json" > "$D.j.out" 2> /dev/null
	cmp -s "$D.c.out" "$D.t.out" && ok || bad "seed $seed: TSV input differs from CSV"
	cmp -s "$D.c.out" "$D.j.out" && ok || bad "seed $seed: JSON input differs from CSV"
	"$DP" -v --rival "$T/rival.csv" -o json < "$D.csv" 2>&1 > /dev/null | awk '
	    / read, / { r = $2; w = $4; f = $6; j = $8; found = 1 }
	    END { exit !(found && r == w + f + j && r == 300 && j > 0) }' && ok ||
		bad "seed $seed: read != written + filtered + rejected"

	# the plans to read
	written=$(($(wc -l < "$D.c.out") - 1))
	for lang in en zh; do
		"$DP" -o md --lang $lang --rival "$T/rival.csv" "$D.csv" > "$D.$lang.md" 2> /dev/null
		awk -v want_plans="$written" "$MDCHECK" "$D.$lang.md" > "$T/md" 2>&1 &&
		    ok || { bad "seed $seed: -o md --lang $lang does not render"; head -5 "$T/md"; }
		awk -v terms="$TERMS" "$FRAMEWORKS" "$D.$lang.md" > "$T/fw" 2>&1 &&
		    ok || { bad "seed $seed: -o md --lang $lang misses a framework"; head -5 "$T/fw"; }
	done
	"$DP" -o md --lang en "$D.csv" 2> /dev/null |
	    awk -v want_plans="$written" "$MDCHECK" > "$T/md" 2>&1 &&
	    ok || { bad "seed $seed: -o md without --rival does not render"; head -5 "$T/md"; }
	if cat "$D.c.out" "$D.en.md" "$D.zh.md" | grep -Eiq "$CLEAN"; then
		bad "seed $seed: the output suggests gifts or payments"
		cat "$D.c.out" "$D.en.md" "$D.zh.md" | grep -Ei "$CLEAN" | head -3
	else ok; fi
done

echo "deal-plan: $((n - fail)) passed, $fail failed"
[ $fail -eq 0 ]
