#!/bin/sh
# Each tool's short usage is its man page's SYNOPSIS (SPEC 1.1): the same
# options, no more, no fewer; and every option the tool accepts is in both.
set -u
: "${BIN:?}" "${ROOT:?}" "${TMP:?}"
T=$TMP/synopsis
mkdir -p "$T"
fail=0 n=0
ok() { n=$((n + 1)); }
bad() { n=$((n + 1)); fail=$((fail + 1)); echo "FAIL synopsis: $*"; }

for page in "$ROOT"/man/*.1; do
	t=$(basename "$page" .1)
	[ -x "$BIN/$t" ] || continue
	# the usage: from "usage:" to the first blank line; every -x and --long
	"$BIN/$t" --help | awk '/^$/ { exit } { print }' |
	    tr ' []|' '\n\n\n\n' | awk '
		/^--[a-z]/ { sub(/=.*/, ""); print; next }
		/^-[a-zA-Z]+$/ { for (i = 2; i <= length($0); i++) print "-" substr($0, i, 1) }' |
	    sort -u > "$T/usage"
	# the page: .Op Fl x / Fl -long in SYNOPSIS
	sed -n '/^\.Sh SYNOPSIS/,/^\.Sh /p' "$page" | tr ' ' '\n' | awk '
		prev == "Fl" && /^-[a-z]/ { print "-" $0 }
		prev == "Fl" && /^[a-zA-Z]+$/ { for (i = 1; i <= length($0); i++) print "-" substr($0, i, 1) }
		{ prev = $0 }' | sort -u > "$T/page"
	if cmp -s "$T/usage" "$T/page"; then ok; else
		bad "$t: usage and SYNOPSIS differ (< usage, > page): $(diff "$T/usage" "$T/page" | grep '^[<>]' | tr '\n' ' ')"
	fi
	# every option of the usage is in OPTIONS: an item of its own, or
	# named among the common options (".Fl h , q , V")
	sed -n '/^\.Sh OPTIONS/,/^\.Sh [^O]/p' "$page" | awk '
		/^\.(It|Fl) / {
			n = split($0, w, " "); sub(/^\./, "", w[1])
			for (i = 1; i <= n; i++) {
				if (w[i] != "Fl") continue
				for (j = i + 1; j <= n; j += 2) {
					x = w[j]
					if (x ~ /^-[a-z]/) print "-" x
					else if (x ~ /^[a-zA-Z]$/) print "-" x
					else break
					if (w[j + 1] != ",") break
				}
			}
		}' | sort -u > "$T/opts"
	missing=$(comm -23 "$T/usage" "$T/opts" | tr '\n' ' ')
	[ -z "$missing" ] && ok || bad "$t: not in OPTIONS: $missing"
done
echo "synopsis: $((n - fail)) passed, $fail failed"
[ $fail -eq 0 ]
