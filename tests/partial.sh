#!/bin/sh
# Partial results (SPEC 10): merge(partials over any split, in any order)
# = one run, byte for byte and with its exit status, for ar-age -g, ar-kpi
# and credit-grade, on a generated ledger (build/gen-invoices, plus credit
# notes and payments naming their invoice, unapplied cash, yen, disputes):
#  - random splits into 1-16 shards (--shard K/N), merged in random order
#  - random splits by customer into files (a cluster's partitioner)
#  - arbitrary line splits of a ledger of invoices alone (each stands alone)
#  - GNU parallel: --pipepart --block, --pipe --shard with --fields, and
#    --sshlogin to two "hosts" through a stand-in for ssh (--ssh)
#  - Hadoop Streaming's idiom: cat | mapper | partition | sort | reducer
#    (headerless, --fields), then --merge
#  - what is refused: other options, --merge with shaping options, a bad
#    partial, --shard out of range (exit 2); rejects travel (exit 1)
set -u
: "${BIN:?}" "${ROOT:?}" "${TMP:?}"
T=$TMP/partial
mkdir -p "$T"
fail=0 n=0
ok() { n=$((n + 1)); }
bad() { n=$((n + 1)); fail=$((fail + 1)); echo "FAIL partial: $*"; }
ROWS=${BIG:-100000}
TRIALS=${SEEDS:-3}
GEN=$ROOT/build/gen-invoices
[ -x "$GEN" ] || { echo "partial: build/gen-invoices missing (make check builds it)"; exit 1; }

# the ledger: every invoice, and after some a credit note or a payment
# naming it, some receipts naming none (unapplied), some in yen
"$GEN" "$ROWS" 11 > "$T/plain.csv"
awk -F, -v seed=5 '
function money(c, jpy) { return jpy ? c : sprintf("%d.%02d", int(c / 100), c % 100) }
function cents(s,    p) { p = index(s, "."); return p ? substr(s, 1, p - 1) * 100 + substr(s, p + 1) : s * 100 }
BEGIN { srand(seed); OFS = "," }
NR == 1 { print "customer,invoice,doc_type,ref,invoice_date,due_date,amount,paid,paid_date,currency,salesperson,disputed"; next }
{
	jpy = rand() < 0.05; cur = jpy ? "JPY" : $7
	a = cents($5); p = cents($6)
	if (jpy) { a = int(a / 100); p = int(p / 100) }
	pd = p > 0 && rand() < 0.6 ? (rand() < 0.5 ? $4 : $3) : ""
	sp = "S" int(rand() * 5); dis = rand() < 0.05 ? "yes" : "no"
	print $1, $2, "invoice", "", $3, $4, money(a, jpy), money(p, jpy), pd, cur, sp, dis
	r = rand()
	if (r < 0.08)
		print $1, "CN" NR, "credit_note", $2, $4, "", money(int(a / 10), jpy), "", "", cur, sp, "no"
	else if (r < 0.16)
		print $1, "PY" NR, "payment", $2, $4, "", money(int((a - p) / 2), jpy), "", "", cur, sp, "no"
	else if (r < 0.18)
		print $1, "UA" NR, "payment", "", $3, "", money(int(a / 3), jpy), "", "", cur, sp, "no"
}' "$T/plain.csv" > "$T/docs.csv"
FIELDS=$(head -1 "$T/docs.csv")

# the jobs: a tool and the options that shape its result
cat > "$T/jobs" << 'EOF'
ar-age -g customer --as-of 2026-06-30
ar-age -g salesperson,month --total --rate 6 --grace 10 --future 30 --as-of 2026-03-31
ar-age -g currency -b 15,45,400 --apply fifo --basis due --as-of 2026-09-30
ar-age -g customer --provision default --rate 6 --as-of 2026-06-30
credit-grade --explain --as-of 2026-06-30
ar-kpi -g salesperson --every month --cost-rate 4 --as-of 2026-06-30
ar-kpi --from 2025-01-01 --to 2026-05-31 --every quarter --grace 5 --as-of 2026-06-30
EOF

# run JOB [ARGS...] > out, the status in $T/rc
run() { job=$1; shift; $BIN/$job "$@" 2> "$T/err"; echo $? > "$T/rc"; }

# a random permutation of the lines of stdin
shuffle() { awk -v seed="$1" 'BEGIN { srand(seed) } { print rand() "\t" $0 }' | sort -k1,1 | cut -f2-; }

same() {	# LABEL: $T/one.out and $T/merged.out, $T/one.rc and $T/rc
	if cmp -s "$T/one.out" "$T/merged.out" && [ "$(cat "$T/rc")" = "$(cat "$T/one.rc")" ]; then ok; else
		bad "$1: the merge differs from one run (status $(cat "$T/rc"), one run $(cat "$T/one.rc"))"
		diff "$T/one.out" "$T/merged.out" | head -5
		head -3 "$T/err"
	fi
}

j=0
while IFS= read -r job; do
	j=$((j + 1))
	tool=${job%% *}
	set -- $job
	shift
	run "$tool" "$@" "$T/docs.csv" > "$T/one.out"
	cp "$T/rc" "$T/one.rc"
	[ -s "$T/one.out" ] || bad "$job: one run wrote nothing"
	t=0
	while [ $t -lt "$TRIALS" ]; do
		t=$((t + 1))
		seed=$((j * 100 + t))
		# --shard K/N, N from 1 to 16, merged in a random order
		N=$(awk -v s="$seed" 'BEGIN { srand(s); print 1 + int(rand() * 16) }')
		k=0
		while [ $k -lt "$N" ]; do
			$BIN/$tool "$@" --partial --shard $k/$N "$T/docs.csv" > "$T/p.$k" 2> /dev/null
			k=$((k + 1))
		done
		ls "$T"/p.* | shuffle "$seed" > "$T/order"
		run "$tool" --merge $(cat "$T/order") > "$T/merged.out"
		same "$job: --shard k/$N"
		rm -f "$T"/p.*
		# each customer to one of N files at random, merged as one stream
		awk -F, -v s="$seed" -v N="$N" -v dir="$T" '
			BEGIN { srand(s) }
			NR == 1 { h = $0; next }
			!($1 in part) { part[$1] = int(rand() * N); if (!(part[$1] in seen)) { seen[part[$1]]; print h > (dir "/f." part[$1]) } }
			{ print > (dir "/f." part[$1]) }' "$T/docs.csv"
		for f in $(ls "$T"/f.* | shuffle "$seed"); do
			$BIN/$tool "$@" --partial "$f" 2> /dev/null
		done > "$T/parts"
		run "$tool" --merge < "$T/parts" > "$T/merged.out"
		# (a worker with no record of a currency writes no row of it; the
		# status: one run's, as the rejects travel)
		same "$job: customers to $N files"
		rm -f "$T"/f.*
	done
	# invoices alone: any split of the lines
	run "$tool" "$@" "$T/plain.csv" > "$T/one.out"
	cp "$T/rc" "$T/one.rc"
	N=$((j % 7 + 2))
	[ "$(cat "$T/one.rc")" = 2 ] && continue	# (a field it lacks)
	awk -F, -v N="$N" -v dir="$T" 'NR == 1 { h = $0; for (i = 0; i < N; i++) print h > (dir "/l." i); next } { print > (dir "/l." int(rand() * N)) }' "$T/plain.csv"
	run "$tool" --merge $(for f in "$T"/l.*; do $BIN/$tool "$@" --partial "$f" > "$f.p"; echo "$f.p"; done | shuffle $j) > "$T/merged.out"
	same "$job: invoices split anyhow into $N"
	rm -f "$T"/l.*
	# headerless input named by --fields
	tail -n +2 "$T/docs.csv" > "$T/nohdr"
	run "$tool" "$@" "$T/docs.csv" > "$T/one.out"
	cp "$T/rc" "$T/one.rc"
	run "$tool" "$@" --fields "$FIELDS" "$T/nohdr" > "$T/merged.out"
	same "$job: --fields"
done < "$T/jobs"

# ---- GNU parallel ----
if command -v parallel > /dev/null 2>&1; then
	P="parallel --will-cite"
	A="-g customer --as-of 2026-06-30"
	$BIN/ar-age $A "$T/plain.csv" > "$T/one.out"; echo 0 > "$T/one.rc"
	$P --pipepart -a "$T/plain.csv" --block 200k --header : -k $BIN/ar-age $A --partial |
	    $BIN/ar-age --merge > "$T/merged.out"; echo $? > "$T/rc"
	same "parallel --pipepart --block"
	$BIN/ar-age $A "$T/docs.csv" > "$T/one.out"
	tail -n +2 "$T/docs.csv" | $P --pipe --shard 1 --colsep , -j 4 \
	    $BIN/ar-age $A --fields "$FIELDS" --partial | $BIN/ar-age --merge > "$T/merged.out"
	echo $? > "$T/rc"
	same "parallel --pipe --shard (headerless, --fields)"
	# two hosts: this one and "hostb", reached through a stand-in for ssh
	cat > "$T/ssh" << 'EOF'
#!/bin/sh
# ssh HOST COMMAND: run COMMAND here (options and the host are skipped).
# sshd gives the command the user's login shell in SHELL, and parallel's
# remote wrapper runs the job with $SHELL: without it (cron, CI) every job
# sent to the "host" would die unseen
SHELL=/bin/sh; export SHELL
while [ $# -gt 0 ]; do case $1 in -l|-p|-o|-i|-S) shift 2 ;; -*) shift ;; *) break ;; esac; done
shift
[ "${1:-}" = -- ] && shift
echo x >> "$SSHLOG"
exec sh -c "$*"
EOF
	chmod +x "$T/ssh"
	SSHLOG=$T/ssh.log; export SSHLOG
	: > "$SSHLOG"
	{ $P --ssh "$T/ssh" -S 2/:,2/hostb $BIN/credit-grade --as-of 2026-06-30 --partial \
	    --shard {}/4 "$T/docs.csv" ::: 0 1 2 3 2> "$T/par.err"; echo $? > "$T/par.rc"; } |
	    $BIN/credit-grade --merge > "$T/merged.out" 2> /dev/null
	echo $? > "$T/rc"
	[ "$(cat "$T/par.rc")" = 0 ] && ok ||
	    bad "parallel --sshlogin: parallel exited $(cat "$T/par.rc"): $(grep -v '^credit-grade:' "$T/par.err" | head -3)"
	$BIN/credit-grade --as-of 2026-06-30 "$T/docs.csv" > "$T/one.out" 2> /dev/null; echo $? > "$T/one.rc"
	same "parallel --sshlogin (two hosts)"
	[ -s "$SSHLOG" ] && ok || bad "parallel --sshlogin: no job went through the stand-in ssh"
else
	bad "GNU parallel is not installed (.ci/run installs it)"
fi

# ---- Hadoop Streaming, with sort as the shuffle ----
# mapper: the ledger's lines without the header; partitioner: the
# customer's hash mod R (here a sum of bytes); each reducer's input sorted,
# headerless: --fields names its columns; then one --merge
R=3
$BIN/ar-kpi --every month --as-of 2026-06-30 "$T/docs.csv" > "$T/one.out" 2> /dev/null; echo $? > "$T/one.rc"
cat "$T/docs.csv" | tail -n +2 | awk -F, -v R=$R -v dir="$T" '
	BEGIN { for (i = 32; i < 127; i++) ord[sprintf("%c", i)] = i }
	{ h = 0; for (i = 1; i <= length($1); i++) h = (h * 31 + ord[substr($1, i, 1)]) % 65521
	  print > (dir "/m." (h % R)) }'
for f in "$T"/m.*; do
	sort -t, -k1,1 "$f" | $BIN/ar-kpi --every month --as-of 2026-06-30 --fields "$FIELDS" --partial 2> /dev/null
done | $BIN/ar-kpi --merge > "$T/merged.out" 2> /dev/null
echo $? > "$T/rc"
same "Hadoop Streaming idiom (cat | mapper | sort | reducer)"

# ---- what is refused, and what travels ----
expect() {	# STATUS WHAT LABEL: the command's status
	if [ "$1" = "$2" ]; then ok; else bad "$3: status $2, expected $1"; fi
}
$BIN/ar-age -g customer --as-of 2026-06-30 --partial "$T/plain.csv" > "$T/a.p"
$BIN/ar-age -g customer --as-of 2026-05-31 --partial "$T/plain.csv" > "$T/b.p"
$BIN/ar-age --merge "$T/a.p" "$T/b.p" > /dev/null 2> "$T/err"
expect 2 $? "partials with other options"
grep -q "other options" "$T/err" && ok || bad "partials with other options: no message"
$BIN/ar-age --merge -g customer "$T/a.p" > /dev/null 2>&1
expect 2 $? "--merge -g"
$BIN/ar-age -g customer --partial --merge "$T/a.p" > /dev/null 2>&1
expect 2 $? "--partial --merge"
$BIN/ar-age -g customer --shard 4/4 "$T/plain.csv" > /dev/null 2>&1
expect 2 $? "--shard 4/4"
$BIN/ar-age --partial "$T/plain.csv" > /dev/null 2>&1
expect 2 $? "ar-age --partial without -g"
sed '3s/,[0-9-]*,[0-9]*,/,x,y,/' "$T/a.p" > "$T/c.p"
$BIN/ar-age --merge "$T/c.p" > /dev/null 2> "$T/err"
expect 2 $? "a damaged partial"
grep -q "c.p:3:" "$T/err" && ok || bad "a damaged partial: the line is not named: $(cat "$T/err")"
# a rejected record: one run says so and exits 1; so does the merge
{ head -3 "$T/docs.csv"; echo "C1,BAD1,invoice,,2026-13-01,2026-01-01,1.00,,,CNY,S1,no"; } > "$T/bad.csv"
$BIN/ar-age -g customer --as-of 2026-06-30 -v "$T/bad.csv" > "$T/one.out" 2> "$T/one.err"; echo $? > "$T/one.rc"
for k in 0 1; do $BIN/ar-age -g customer --as-of 2026-06-30 --partial --shard $k/2 "$T/bad.csv" 2> /dev/null; done |
    $BIN/ar-age --merge -v > "$T/merged.out" 2> "$T/err"
echo $? > "$T/rc"
same "a rejected record travels"
tail -2 "$T/one.err" > "$T/one.counts"
grep -q "1 of 3 records rejected" "$T/err" && cmp -s "$T/err" "$T/one.counts" && ok ||
    bad "the merge's counts: $(cat "$T/err"), one run: $(cat "$T/one.counts")"

echo "partial: $((n - fail)) passed, $fail failed"
[ $fail -eq 0 ]
