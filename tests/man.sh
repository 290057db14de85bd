#!/bin/sh
# Every example in man/*.[1-9] runs (jq's mantests): in an EXAMPLES literal
# block, a line "$ command" is run with sh from the repository root, with bin/ first in
# PATH, and the lines after it, up to the next "$ " or the block's end, are
# its expected output.
set -u
: "${BIN:?}" "${ROOT:?}" "${TMP:?}"
fail=0 n=0
mkdir -p "$TMP/man"
for page in "$ROOT"/man/*.[1-9]; do
	awk -v dir="$TMP/man" -v page="$(basename "$page")" '
		/^\.Sh / { ex = ($2 == "EXAMPLES") }
		ex && /^\.Bd -literal/ { lit = 1; next }
		ex && lit && /^\.Ed/ { lit = 0; next }
		ex && lit {
			gsub(/\\e/, "\\"); gsub(/\\&/, "")
			if (substr($0, 1, 2) == "$ ") {
				k++
				f = sprintf("%s/%s.%02d", dir, page, k)
				print substr($0, 3) > (f ".cmd"); close(f ".cmd")
				printf "" > (f ".want"); close(f ".want")
				next
			}
			if (k) { print >> (f ".want"); close(f ".want") }
		}' "$page"
done
for cmd in "$TMP"/man/*.cmd; do
	[ -e "$cmd" ] || continue
	n=$((n + 1))
	want=${cmd%.cmd}.want
	(cd "$ROOT" && PATH="$BIN:$PATH" timeout 60 sh -c "$(cat "$cmd")") \
	    > "$TMP/man.out" 2> "$TMP/man.err"
	if ! cmp -s "$want" "$TMP/man.out"; then
		fail=$((fail + 1))
		echo "FAIL man example $(basename "$cmd" .cmd): $(cat "$cmd")"
		diff -u "$want" "$TMP/man.out" | head -20 | sed 's/^/  /'
		sed 's/^/  stderr: /' "$TMP/man.err" | head -5
	fi
done
# the ledger is in a page of its own: every tool that reads a ledger
# points to it, and none sends the reader to SPEC.md for it
for t in ar-age ar-kpi ar-norm ar-statement credit-grade dun-plan pay-plan; do
	n=$((n + 1))
	grep -q 'Xr arkit-ledger 5' "$ROOT/man/$t.1" ||
	    { fail=$((fail + 1)); echo "FAIL man $t.1: no arkit-ledger(5)"; }
done
n=$((n + 1))
if grep -l 'SPEC\.md, section 1\.3' "$ROOT"/man/* > /dev/null; then
	fail=$((fail + 1))
	echo "FAIL man: $(grep -l 'SPEC\.md, section 1\.3' "$ROOT"/man/* | head -1) sends the reader to SPEC.md for the ledger"
fi
echo "man examples: $((n - fail)) passed, $fail failed"
[ $fail -eq 0 ]
