#!/bin/sh
# bin/ holds the tools and nothing else; make install puts tools, man pages
# and bash completion where a user's shell and man(1) find them; make
# uninstall takes exactly those away again; the completion offers each
# tool's own options and words (SPEC 7).
set -u
: "${BIN:?}" "${ROOT:?}" "${TMP:?}"
T=$TMP/install
mkdir -p "$T"
fail=0 n=0
ok() { n=$((n + 1)); }
bad() { n=$((n + 1)); fail=$((fail + 1)); echo "FAIL install: $*"; }

tools=$(sed -n 's/^BIN = //p' "$ROOT/Makefile")

# bin/: exactly the tools of the Makefile, each an executable with a page
( cd "$ROOT/bin" && ls -A ) | sort > "$T/have"
for t in $tools; do echo "$t"; done | sort > "$T/want"
cmp -s "$T/have" "$T/want" && ok || bad "bin/ holds other files: $(comm -23 "$T/have" "$T/want" | tr '\n' ' ')"
for t in $tools; do
	[ -x "$ROOT/bin/$t" ] && [ -f "$ROOT/man/$t.1" ] && ok || bad "$t: no tool or no man page"
done

# install into a staging root, as a package build would
D=$T/root
make -s -C "$ROOT" install DESTDIR="$D" PREFIX=/usr > "$T/make.out" 2>&1 || bad "make install: $(tail -3 "$T/make.out")"
for t in $tools; do
	[ -x "$D/usr/bin/$t" ] && ok || bad "$t not installed in bin"
	[ -f "$D/usr/share/man/man1/$t.1" ] && ok || bad "$t.1 not installed"
	[ -f "$D/usr/share/bash-completion/completions/$t" ] && ok || bad "$t: no bash completion"
done
for m in "$ROOT"/man/*.5 "$ROOT"/man/*.7; do
	[ -e "$m" ] || continue
	[ -f "$D/usr/share/man/man${m##*.}/$(basename "$m")" ] && ok || bad "$(basename "$m") not installed"
done
"$D/usr/bin/ar-age" --version > /dev/null && ok || bad "the installed ar-age does not run"

# the completion, as bash runs it: options and words from --help
if command -v bash > /dev/null; then
	comp() {	# comp TOOL WORD...: what the completion offers for the last word
		PATH="$D/usr/bin:$PATH" bash -c '
			. "$1"; shift
			COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1))
			_arkit; printf "%s\n" "${COMPREPLY[@]}"' sh \
		    "$D/usr/share/bash-completion/completions/$1" "$@" | sort | tr '\n' ' '
	}
	[ "$(comp ar-age ar-age --gr)" = "--grace --grace-mode " ] && ok || bad "ar-age --gr: $(comp ar-age ar-age --gr)"
	[ "$(comp dun-plan dun-plan --per '')" = "customer invoice " ] && ok || bad "dun-plan --per: $(comp dun-plan dun-plan --per '')"
	[ "$(comp ar-age ar-age --basis '')" = "due invoice " ] && ok || bad "ar-age --basis: $(comp ar-age ar-age --basis '')"
	case "$(comp dun-plan dun-plan -o '')" in *ics*) ok ;; *) bad "dun-plan -o: $(comp dun-plan dun-plan -o '')" ;; esac
	case "$(comp ar-age ar-age -o '')" in *ics*) bad "ar-age -o offers ics" ;; *csv*) ok ;; *) bad "ar-age -o: nothing" ;; esac
	[ "$(comp ar-age ar-age --as-of la)" = "last-month-end " ] && ok || bad "--as-of words: $(comp ar-age ar-age --as-of la)"
fi

make -s -C "$ROOT" uninstall DESTDIR="$D" PREFIX=/usr > "$T/make.out" 2>&1 || bad "make uninstall: $(tail -3 "$T/make.out")"
left=$(find "$D" -type f | head -5)
[ -z "$left" ] && ok || bad "make uninstall left: $left"

echo "install: $((n - fail)) passed, $fail failed"
[ $fail -eq 0 ]
