#!/bin/sh
# Allocation and write failures, as SQLite tests them (issue 13): every
# tool on a small input, under build/fault-inject.so (tests/fault/inject.c,
# LD_PRELOAD), with the N-th malloc/calloc/realloc failing, then the N-th
# write(2) to standard output or the reject file failing, then cut short.
# Each run either ends as the run without the fault did (the failure was
# absorbed) or exits 2 with a message (a write error names its file); it
# never ends on a signal, and the reject file never holds half a line:
# what it holds is the start of the reject file of the run without fault.
# FAULT_N: try every N up to it, then every FAULT_STEP-th up to the run's
# count (make check: 20 and 8, about 40 s); FAULT_N=0 tries every N (make
# memcheck).
# Not under the sanitizers or valgrind: they bring their own allocator.
set -u
: "${BIN:?}" "${ROOT:?}" "${TMP:?}"
SO=$ROOT/build/fault-inject.so
FAULT_N=${FAULT_N-20} FAULT_STEP=${FAULT_STEP-8}
case $BIN in */san|*/memcheck)
	echo "faults: skipped under $BIN (it brings its own allocator)"; exit 0 ;;
esac
[ -f "$SO" ] || { echo "FAIL faults: no $SO (make check builds it)"; exit 1; }
T=$TMP/faults
mkdir -p "$T"
cd "$T" || exit 2
fail=0 n=0 runs=0
ok() { n=$((n + 1)); }
bad() { n=$((n + 1)); fail=$((fail + 1)); echo "FAIL faults: $*"; }

L='customer,invoice,invoice_date,due_date,amount,paid,currency
Acme,I1,2026-10-01,2026-10-31,100.00,0.00,CNY
"Be, Ltd",I2,2026-10-01,2026-13-01,1.00,0.00,CNY
C,I3,2026-09-01,2026-09-30,5.00,0.00,EUR
D,I4,2026-10-01,2026-10-31,x,0.00,CNY'
echo "$L" > led.csv
echo "$L" | awk -F, 'NR > 1 { printf "{\"customer\":\"%s\",\"invoice\":\"%s\",\"invoice_date\":\"%s\",\"due_date\":\"%s\",\"amount\":%s,\"currency\":\"%s\"}\n", $1, $2, $3, $4, $5 == "x" ? "\"x\"" : $5, $7 }' |
    sed 's/"Be/"Be, Ltd/; s/"Ltd"/"I2"/' > led.json
printf 'customer,invoice,due_date,open,currency,excuse\nAcme,I1,2026-10-31,100.00,CNY,quality\n"Be, Ltd",I2,2026-13-01,1.00,CNY,cash\nC,I3,2026-09-30,5.00,CNY,\n' > ps.csv
printf 'customer,deal,list_price,cost,currency,min_margin\nAcme,D1,1000.00,600.00,CNY,0.10\n"Be, Ltd",D2,1x,600.00,CNY,0.10\n' > dp.csv
printf 'customer,open,currency\nAcme,100.00,CNY\n"Be, Ltd",1x,CNY\nC,250.00,EUR\n' > pp.csv
A='--as-of 2026-11-30 --reject rj.csv'
# tool|arguments (the input last)[|nomalloc]. -o xlsx is spared the
# allocation failures: libxlsxwriter 1.1 does not check malloc in
# lxw_new_attribute_* (a NULL strncpy'd in workbook_close: SIGSEGV) and
# goes on after others ("[ERROR] hash_table.c: Memory allocation failed",
# then success), so no caller can make it exit 2; its writes are tested.
cat > cases <<XX
ar-age|$A led.csv
ar-age|$A -g customer --total -o table led.csv
ar-age|$A -o json led.json
ar-age|$A -o xlsx -O out.xlsx led.csv|nomalloc
ar-norm|--reject rj.csv led.csv
ar-kpi|$A led.csv
credit-grade|$A led.csv
dun-plan|$A led.csv
dun-plan|--from 2026-11-01 --to 2026-11-30 --reject rj.csv -o ics led.csv
pick-script|$A ps.csv
deal-plan|--reject rj.csv -o md dp.csv
pay-plan|--as-of 2026-11-30 --reject rj.csv -n 3 --rate 12 pp.csv
pay-plan|--as-of 2026-11-30 -n 2 -o md pp.csv
ar-statement|--as-of 2026-11-30 --from 2026-10-01 --to 2026-11-30 --rate 6 led.csv
XX

# run TOOL ARGS under the injector with FAULT=VALUE: rc, out, err, rj
run() {
	rm -f rj.csv out.xlsx
	env "$1" LD_PRELOAD="$SO" "$BIN/$t" $args > out 2> err
	rc=$?
	runs=$((runs + 1))
}

# the reject file holds whole lines, the start of the run without fault's
rj_ok() {
	[ ! -s rj.csv ] && return 0
	[ "$(tail -c 1 rj.csv | od -An -c | tr -d ' ')" = '\n' ] &&
	    head -c "$(wc -c < rj.csv)" ref.rj | cmp -s - rj.csv
}

# the range of N: every N up to FAULT_N, then every FAULT_STEP-th
range() {
	awk -v max="$1" -v n="$FAULT_N" -v step="$FAULT_STEP" 'BEGIN {
		for (i = 1; i <= max; i++)
			if (n == 0 || i <= n || i % step == 0 || i == max)
				print i
	}'
}

while IFS='|' read -r t args flag; do
	# the run without fault, and its counts
	run FAULT_COUNT=1
	cp out ref.out
	grep -v '^fault: ' err > ref.err
	ref_rc=$rc
	[ -e rj.csv ] && cp rj.csv ref.rj || : > ref.rj
	set -- $(sed -n 's/^fault: \([0-9]*\) allocations, \([0-9]*\) writes$/\1 \2/p' err)
	if [ $# != 2 ] || [ "$ref_rc" -gt 1 ]; then
		bad "$t $args: the run without fault: status $ref_rc, $(head -1 err)"
		continue
	fi
	nalloc=$1 nwrite=$2
	for what in MALLOC WRITE SHORT; do
		case $what in MALLOC) max=$nalloc ;; *) max=$nwrite ;; esac
		[ $what = MALLOC ] && [ "$flag" = nomalloc ] && continue
		for i in $(range "$max"); do
			run FAULT_$what=$i
			if [ $rc -gt 2 ] || grep -q 'Sanitizer\|runtime error' err; then
				bad "$t $args: FAULT_$what=$i: status $rc (a crash), $(tail -1 err)"
			elif ! rj_ok; then
				bad "$t $args: FAULT_$what=$i: the reject file is not the start of the right one"
			elif [ $rc = "$ref_rc" ] && cmp -s out ref.out && cmp -s err ref.err &&
			    cmp -s rj.csv ref.rj 2> /dev/null || { [ ! -e rj.csv ] && [ ! -s ref.rj ]; } &&
			    [ $rc = "$ref_rc" ] && cmp -s out ref.out && cmp -s err ref.err; then
				[ $what != WRITE ] && ok ||
				    bad "$t $args: FAULT_WRITE=$i: the failed write went unnoticed"
			elif [ $what = SHORT ]; then
				bad "$t $args: FAULT_SHORT=$i: a short write changed the result (status $rc, $(tail -1 err))"
			elif [ $rc != 2 ] || ! grep -q "^$t: " err; then
				bad "$t $args: FAULT_$what=$i: status $rc, not 2 with a message: $(tail -1 err)"
			elif [ $what = WRITE ] && ! grep -q "write error on \(standard output\|rj.csv\|out.xlsx\)" err; then
				bad "$t $args: FAULT_WRITE=$i: the message names no file: $(tail -1 err)"
			else
				ok
			fi
		done
	done
done < cases
echo "faults: $((n - fail)) passed, $fail failed ($runs runs)"
[ $fail -eq 0 ]
