#!/bin/sh
# ar-age -g customer against an oracle in awk, written from SPEC 1.3 and 3
# and the man page, not from the C, on random ledgers with credit notes,
# payments and adjustments (tests/gen-ledger.awk): every summary row, byte
# for byte, for several as-of dates and bucket edges. The oracle works in
# exact thousandths of a unit; the ledgers are small enough that awk's
# doubles hold every sum exactly.
set -u
: "${BIN:?}" "${ROOT:?}" "${TMP:?}"
T=$TMP/oracle
mkdir -p "$T"
fail=0 n=0
ok() { n=$((n + 1)); }
bad() { n=$((n + 1)); fail=$((fail + 1)); echo "FAIL ar-age oracle: $*"; }

# oracle ASOF EDGES FILE: what ar-age --as-of ASOF -b EDGES -g customer says
oracle() {
	awk -F, -v asof="$1" -v edges="$2" "$(cat "$ROOT/tests/lib.awk")"'
	FNR == 1 { pass++; for (i = 1; i <= NF; i++) c[$i] = i; next }
	{
		type = "doc_type" in c ? $c["doc_type"] : ""; if (type == "") type = "invoice"
		ref = "ref" in c ? $c["ref"] : ""
		k = $c["customer"] SUBSEP $c["invoice"]; cur = $c["currency"]
		if (day($c["invoice_date"]) > D) next	# after the as-of date
	}
	# first pass: the invoices, with what their paid shorthand left open
	pass == 1 && type == "invoice" {
		open[k] = cents($c["amount"])
		if ($c["paid_date"] == "" || day($c["paid_date"]) <= D) open[k] -= cents($c["paid"])
		inv[k] = cur; due[k] = day($c["due_date"]); disp[k] = $c["disputed"] == "yes"
		group[k] = $c["customer"] SUBSEP cur; next
	}
	# second: receipts, credits and adjustments, on their invoice or not
	pass == 2 && type != "invoice" {
		r = $c["customer"] SUBSEP ref; a = cents($c["amount"])
		applies = ref != "" && (r in inv) && inv[r] == cur
		if (type == "adjustment" && applies) open[r] += a
		else if (type == "adjustment") {
			open[k] = a; due[k] = $c["due_date"] != "" ? day($c["due_date"]) : day($c["invoice_date"])
			disp[k] = $c["disputed"] == "yes"; group[k] = $c["customer"] SUBSEP cur
		} else if (applies) open[r] -= a < 0 ? -a : a
		else { g = $c["customer"] SUBSEP cur; unap[g] -= a < 0 ? -a : a; seen[g] = 1 }
	}
	BEGIN {
		D = day(asof); nb = split(edges, e, ","); e[0] = 0
		printf "customer,currency,count,open,current"
		for (b = 1; b <= nb; b++) printf ",d%d_%d", e[b - 1] + 1, e[b]
		printf ",d%d_plus,unapplied,balance,disputed_open,oldest_days,avg_days\n", e[nb] + 1
	}
	END {
		for (k in open) {
			if (open[k] == 0) continue
			g = group[k]; seen[g] = 1; o = open[k]; d = D - due[k]
			cnt[g]++; sum[g] += o; if (disp[k]) dsp[g] += o
			for (b = 0; b <= nb && d > e[b]; b++) ;
			if (d <= 0) b = 0
			bk[g, b] += o
			if (o > 0) { pos[g] += o; wd[g] += o * d; if (!(g in old) || d > old[g]) old[g] = d }
		}
		for (g in seen) {
			split(g, p, SUBSEP); dec = p[2] == "JPY" ? 0 : 2
			printf "%s,%s,%d,%s", p[1], p[2], cnt[g], money(sum[g], dec)
			for (b = 0; b <= nb + 1; b++) printf ",%s", money(bk[g, b], dec)
			printf ",%s,%s,%s", money(unap[g], dec), money(sum[g] + unap[g], dec), money(dsp[g], dec)
			if (g in old) {
				# Σ open·days / Σ open, to one decimal, half away from zero
				q = wd[g] * 10; s = q < 0 ? -1 : 1; q = s * int((2 * s * q + pos[g]) / (2 * pos[g]))
				printf ",%d,%s%d.%d\n", old[g], q < 0 ? "-" : "", (s * q - s * q % 10) / 10, s * q % 10
			} else
				printf ",,\n"
		}
	}' "$3" "$3" | { IFS= read -r h; echo "$h"; LC_ALL=C sort -t, -k1,1 -k2,2; }
}

for seed in ${SEEDS:-1 2 3 4 5 6}; do
	awk -v seed=$seed -v rows=3000 -v docs=$((seed % 3)) \
	    -f "$ROOT/tests/lib.awk" -f "$ROOT/tests/gen-ledger.awk" > "$T/l.csv"
	for asof in 2025-10-31 2026-03-15 2026-09-30; do
		for edges in 30,60,90,120 15,45 7,30,365,400,1000; do
			oracle $asof $edges "$T/l.csv" > "$T/want"
			"$BIN/ar-age" --as-of $asof -b $edges -g customer "$T/l.csv" > "$T/got" 2> "$T/err"
			if cmp -s "$T/want" "$T/got"; then ok; else
				bad "seed $seed --as-of $asof -b $edges: $(diff "$T/want" "$T/got" | head -5)"
			fi
		done
	done
done
echo "ar-age oracle: $((n - fail)) passed, $fail failed"
[ $fail = 0 ]
