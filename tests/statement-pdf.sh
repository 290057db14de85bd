#!/bin/sh
# ar-statement's letters through a real browser (issue 14, item 5): each
# --doc kind as HTML, printed to PDF by chromium --headless; one page per
# customer and currency (the page break per customer works), and
# pdftotext finds in it the customer, the invoice numbers and the closing
# balance or the amount due, in English and in Chinese (a CJK font is
# installed: without one, Chinese text drops out of the PDF); pdftoppm
# renders page 1 of each to PNG under build/statement-pdf/bin/ (for bin/)
# for a person to look at. Needs chromium, poppler-utils and
# fonts-noto-cjk (.ci/run installs them); without them it says so and
# skips.
set -u
: "${BIN:?}" "${ROOT:?}" "${TMP:?}"
ST=$BIN/ar-statement
T=$TMP/pdf
D=$ROOT/tests/ar-statement
# (per build: make check runs this for bin/ and build/san/ at once)
OUT=$ROOT/build/statement-pdf/$(basename "$BIN")
mkdir -p "$T" "$OUT"
fail=0 n=0
ok() { n=$((n + 1)); }
bad() { n=$((n + 1)); fail=$((fail + 1)); echo "FAIL statement-pdf: $*"; }

for c in chromium pdftotext pdfinfo pdftoppm; do
	command -v $c > /dev/null 2>&1 || { echo "statement-pdf: $c not installed: skipped"; exit 0; }
done

# pdf HTML PDF: chromium prints it (as root it needs --no-sandbox; its
# profile goes to a directory of its own)
pdf() {
	HOME=$T/home timeout 120 chromium --headless --no-sandbox --disable-gpu \
	    --no-pdf-header-footer --user-data-dir="$T/profile" \
	    --print-to-pdf="$2" "file://$1" > "$T/chromium.log" 2>&1
}

# kind, language, what each page must show
for kl in statement:en confirm:zh reminder:en final:zh statement:zh reminder:zh; do
	kind=${kl%:*} lang=${kl#*:}
	tag="--doc $kind --lang $lang"
	html=$T/$kind-$lang.html
	"$ST" --as-of 2026-12-05 --rate 6 --doc $kind --lang $lang -o html \
	    --company "$D/company.conf" "$D/ledger.csv" > "$html" 2> /dev/null
	"$ST" --as-of 2026-12-05 --rate 6 --doc $kind --lang $lang -o md \
	    --company "$D/company.conf" "$D/ledger.csv" > "$T/md" 2> /dev/null
	if ! pdf "$html" "$OUT/$kind-$lang.pdf" || [ ! -s "$OUT/$kind-$lang.pdf" ]; then
		bad "$tag: chromium made no PDF: $(tail -2 "$T/chromium.log")"
		continue
	fi
	# one page per customer: the letters of the Markdown output
	want=$(grep -c '^# ' "$T/md")
	pages=$(pdfinfo "$OUT/$kind-$lang.pdf" | awk '/^Pages:/ { print $2 }')
	[ "$want" -gt 0 ] && [ "$pages" = "$want" ] && ok || bad "$tag: $pages pages for $want customers"
	# page by page: the customer, the invoices and the figure the page
	# states, as the Markdown has them
	awk -v dir="$T" '/^# / { p++ } { print > (dir "/page." p) }' "$T/md"
	for p in $(seq 1 "$want"); do
		pdftotext -f "$p" -l "$p" "$OUT/$kind-$lang.pdf" "$T/text" 2> /dev/null
		cust=$(sed -n 's/^\(To: \|致：\)\*\*\([^*]*\)\*\*.*/\2/p' "$T/page.$p" | head -1)
		[ -n "$cust" ] && grep -qF "$cust" "$T/text" && ok || bad "$tag page $p: customer \"$cust\" not in the PDF"
		# every document number in the page's first column of tables
		sed -n 's/^| \([A-Z]-[0-9A-Z]*\) .*/\1/p' "$T/page.$p" | sort -u > "$T/invs"
		missing=$(while read -r inv; do grep -qF "$inv" "$T/text" || echo "$inv"; done < "$T/invs")
		[ -z "$missing" ] && ok || bad "$tag page $p: invoice(s) $missing not in the PDF"
		# the closing balance (statement, confirm) or the amount due
		case $kind in
		statement|confirm) fig=$(sed -n 's/.*| \*\*\([-0-9,.]*\)\*\* |$/\1/p' "$T/page.$p" | head -1) ;;
		*) fig=$(sed -n 's/^\*\*\(Amount due: [A-Z]* \|应付金额：\)\([-0-9,.]*[0-9]\).*/\2/p' "$T/page.$p" | head -1) ;;
		esac
		[ -n "$fig" ] && grep -qF -e "$fig" "$T/text" && ok || bad "$tag page $p: figure \"$fig\" not in the PDF"
	done
	# page 1 as a picture, for a person
	pdftoppm -f 1 -l 1 -png -r 60 "$OUT/$kind-$lang.pdf" "$OUT/$kind-$lang" &&
	    [ -s "$OUT/$kind-$lang-1.png" ] && ok || bad "$tag: pdftoppm made no PNG"
	# Chinese letters keep their Chinese (a CJK font was found)
	if [ "$lang" = zh ]; then
		pdftotext -f 1 -l 1 "$OUT/$kind-$lang.pdf" "$T/text" 2> /dev/null
		grep -q '贵公司' "$T/text" && ok || bad "$tag: no Chinese text in the PDF (fonts-noto-cjk?)"
	fi
done
echo "statement-pdf: $((n - fail)) passed, $fail failed (PDFs and PNGs in $OUT)"
[ $fail -eq 0 ]
