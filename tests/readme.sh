#!/bin/sh
# Every command the README shows ("$ " lines of its sh blocks) runs, from
# a copy of the repository root, in order (a later line may read what an
# earlier one wrote), with the tools first in PATH, under bash -o pipefail
# so that no tool of a pipeline may fail: exit 0, output written.
set -u
: "${BIN:?}" "${ROOT:?}" "${TMP:?}"
T=$TMP/readme
rm -rf "$T"
mkdir -p "$T"
fail=0 n=0
ok() { n=$((n + 1)); }
bad() { n=$((n + 1)); fail=$((fail + 1)); echo "FAIL readme: $*"; }
ln -s "$ROOT/examples" "$T/examples"
awk '/^```sh$/ { sh = 1; next } /^```/ { sh = 0 } sh && /^\$ / { print substr($0, 3) }' "$ROOT/README.md" > "$T/cmds"
[ -s "$T/cmds" ] && ok || bad "no commands found"
i=0
while IFS= read -r cmd; do
	i=$((i + 1))
	(cd "$T" && PATH="$BIN:$PATH" timeout 60 bash -o pipefail -c "$cmd") > "$T/out.$i" 2> "$T/err.$i"
	rc=$?
	if [ $rc != 0 ]; then
		bad "exit $rc: $cmd"
		sed 's/^/  /' "$T/err.$i" | head -3
		continue
	fi
	# something came out: on stdout, or in the file it wrote
	f=$(printf '%s\n' "$cmd" | sed -n 's/.* \(>\|-O\) \([A-Za-z0-9_-]*\.[a-z]*\)\( .*\)\{0,1\}$/\2/p')
	if [ -n "$f" ]; then
		[ -s "$T/$f" ] && ok || bad "wrote nothing to $f: $cmd"
	else
		[ -s "$T/out.$i" ] && ok || bad "no output: $cmd"
	fi
done < "$T/cmds"
# the agreements are for what is overdue, net of unapplied cash: never
# for a customer with nothing overdue (GOOD), never for an invoice not yet
# due (CAPD's 200,000.00 of 2026-12-20), as dun-plan's net_overdue says
if [ -s "$T/agreements.html" ]; then
	! grep -q 'GOOD' "$T/agreements.html" && grep -q 'CAPD' "$T/agreements.html" &&
	    ! grep -q '205,000' "$T/agreements.html" && grep -q '5,000.00' "$T/agreements.html" && ok ||
	    bad "agreements.html: a plan for money not due"
fi
echo "readme: $((n - fail)) passed, $fail failed"
[ $fail -eq 0 ]
