#!/bin/sh
# ar-norm on .xlsx workbooks (SPEC 2.1), made here by tests/mkxlsx: a
# workbook gives the ledger its CSV twin gives; --sheet; a pipe; messages
# name the sheet's row; numbers keep their decimal text; dates stored as
# serials with a date style; the other workbook kinds are answered with
# how to convert them; a damaged workbook is exit 2, never a crash.
set -u
: "${BIN:?}" "${ROOT:?}" "${TMP:?}"
N=$BIN/ar-norm
MK=$ROOT/tests/mkxlsx
fail=0 n=0
ok() { n=$((n + 1)); }
bad() { n=$((n + 1)); fail=$((fail + 1)); echo "FAIL ar-norm xlsx: $*"; }
command -v zip > /dev/null 2>&1 || { echo "FAIL ar-norm xlsx: no zip(1): apt-get install zip"; exit 1; }

# 1. the reproducer of issue 12 as a workbook, and as CSV: the same ledger
cat > "$TMP/x1.spec" <<'EOF'
s=A/R Aging Summary
s=As of November 30, 2026

s=Customer|s=Current|s=1 - 30|s=31 - 60|s=61 - 90|s=91 and over|s=Total
s=A|n=1||||n=2|n=3
s=B|||||n=5|n=5
s=TOTAL|n=1||||n=7|n=8
EOF
"$MK" "$TMP/x1.xlsx" Summary "$TMP/x1.spec"
printf 'A/R Aging Summary\nAs of November 30, 2026\n\nCustomer,Current,1 - 30,31 - 60,61 - 90,91 and over,Total\nA,1,,,,2,3\nB,,,,,5,5\nTOTAL,1,,,,7,8\n' > "$TMP/x1.csv"
"$N" "$TMP/x1.xlsx" > "$TMP/x1.out" 2> "$TMP/err" && ok || bad "x1: exit $?: $(cat "$TMP/err")"
"$N" "$TMP/x1.csv" > "$TMP/x1c.out" 2> /dev/null
cmp -s "$TMP/x1.out" "$TMP/x1c.out" && ok || bad "x1: the workbook and its CSV differ: $(diff "$TMP/x1c.out" "$TMP/x1.out" | head -4)"
sum=$(awk -F, 'NR > 1 { s += $4 } END { printf "%.2f", s }' "$TMP/x1.out")
[ "$sum" = 8.00 ] && ok || bad "x1: the items sum to $sum, the report says 8.00"
# a pipe: libzip reads it from memory
cat "$TMP/x1.xlsx" | "$N" > "$TMP/x1p.out" 2> /dev/null
cmp -s "$TMP/x1.out" "$TMP/x1p.out" && ok || bad "x1 through a pipe differs"
# a total the rows do not reach: exit 1, naming the sheet's row
sed 's/^s=TOTAL|n=1||||n=7|n=8$/s=TOTAL|n=1||||n=7|n=9/' "$TMP/x1.spec" > "$TMP/x1b.spec"
"$MK" "$TMP/x1b.xlsx" Summary "$TMP/x1b.spec"
"$N" "$TMP/x1b.xlsx" > /dev/null 2> "$TMP/err"
[ $? = 1 ] && grep -q "x1b.xlsx:7: the report's total 9.00 differs from the rows written (8.00) by 1.00" "$TMP/err" && ok ||
    bad "x1b: $(cat "$TMP/err")"

# 2. values: shared and inline strings, numbers as their text (no double:
# 150000.5, 1234567890123.45), Excel's float noise as Excel shows it,
# an exponent, dates as serials with a custom or built-in date style,
# and ids that stay text
cat > "$TMP/x2.spec" <<'EOF'
s=Customer|s=Invoice|s=Invoice Date|s=Due Date|s=Amount|s=Currency
s=Acme|i=0001|d=46326|D=46356|n=150000.5|s=CNY
i=Bolt & Nut <Ltd>|n=1930438491|d=46326|d=46356|n=1234567890123.45|s=CNY
s=Acme|s=INV-3|d=46326|d=46356|n=0.30000000000000004|s=CNY
s=Acme|s=INV-4|d=46326|d=46356|n=1.5E3|s=CNY
s=Acme|s=INV-5|d=46326|d=46356|n=-2.5E-1|s=CNY
s=Acme|s=INV-6|d=46326|d=46356|n=150000|s=JPY
EOF
"$MK" "$TMP/x2.xlsx" Ledger "$TMP/x2.spec"
"$N" "$TMP/x2.xlsx" > "$TMP/x2.out" 2> "$TMP/err" && ok || bad "x2: exit $?: $(cat "$TMP/err")"
cat > "$TMP/x2.want" <<'EOF'
customer,invoice,invoice_date,due_date,amount,currency
Acme,0001,2026-10-31,2026-11-30,150000.50,CNY
Bolt & Nut <Ltd>,1930438491,2026-10-31,2026-11-30,1234567890123.45,CNY
Acme,INV-3,2026-10-31,2026-11-30,0.30,CNY
Acme,INV-4,2026-10-31,2026-11-30,1500.00,CNY
Acme,INV-5,2026-10-31,2026-11-30,-0.25,CNY
Acme,INV-6,2026-10-31,2026-11-30,150000,JPY
EOF
cmp -s "$TMP/x2.want" "$TMP/x2.out" && ok || bad "x2: $(diff "$TMP/x2.want" "$TMP/x2.out")"

# 3. --sheet: the second sheet; a sheet that is not there names those that are
cat > "$TMP/x3.spec" <<'EOF'
s=Customer|s=Invoice|s=Due Date|s=Amount
s=Zed|s=Z-1|D=46356|n=9.99
EOF
"$MK" "$TMP/x3.xlsx" Notes "$TMP/x1.spec" "Open items" "$TMP/x3.spec"
"$N" --sheet "Open items" "$TMP/x3.xlsx" > "$TMP/x3.out" 2> "$TMP/err"
[ $? = 0 ] && grep -q '^Zed,Z-1,2026-11-30,9.99$' "$TMP/x3.out" && ok || bad "x3 --sheet: $(cat "$TMP/err" "$TMP/x3.out")"
"$N" "$TMP/x3.xlsx" > "$TMP/x3a.out" 2> /dev/null
cmp -s "$TMP/x1.out" "$TMP/x3a.out" && ok || bad "x3: the first sheet is not the default"
"$N" --sheet Nope "$TMP/x3.xlsx" > /dev/null 2> "$TMP/err"
[ $? = 2 ] && grep -q 'no sheet "Nope" (it has: "Notes", "Open items")' "$TMP/err" && ok || bad "x3 missing sheet: $(cat "$TMP/err")"

# -E names the encoding of text inputs: a workbook is read all the same
"$N" -E GB18030 --sheet "Open items" "$TMP/x3.xlsx" > "$TMP/x3e.out" 2> "$TMP/err"
cmp -s "$TMP/x3.out" "$TMP/x3e.out" && ok || bad "x3 with -E: $(cat "$TMP/err")"

# 4. a bad value names the workbook and the sheet's row; -o json works
cat > "$TMP/x4.spec" <<'EOF'
s=Invoice list
@4
s=Customer|s=Invoice|s=Due Date|s=Amount
s=Acme|s=I-1|D=46356|n=10
@9
s=Acme|s=I-2|s=soon|n=10
EOF
"$MK" "$TMP/x4.xlsx" S "$TMP/x4.spec"
"$N" -o json "$TMP/x4.xlsx" > "$TMP/x4.out" 2> "$TMP/err"
[ $? = 1 ] && grep -q 'x4.xlsx:9: column .Due Date. (due_date): not a date "soon"' "$TMP/err" && ok || bad "x4: $(cat "$TMP/err")"
grep -q '"invoice":"I-1"' "$TMP/x4.out" && ok || bad "x4 json: $(cat "$TMP/x4.out")"

# 5. the other kinds of file: .xls (OLE2), .ods, .xlsb, a zip that is no
# workbook, a damaged workbook: exit 2, saying what to do
printf '\320\317\021\340\241\261\032\341rest of an xls' > "$TMP/old.xls"
"$N" "$TMP/old.xls" > /dev/null 2> "$TMP/err"
[ $? = 2 ] && grep -q 'Excel 97-2003.*xlsx2csv.*ssconvert.*libreoffice --headless --convert-to csv' "$TMP/err" && ok || bad "xls: $(cat "$TMP/err")"
mkdir -p "$TMP/ods"
printf 'application/vnd.oasis.opendocument.spreadsheet' > "$TMP/ods/mimetype"
(cd "$TMP/ods" && zip -X -q -0 ../book.ods mimetype)
"$N" "$TMP/book.ods" > /dev/null 2> "$TMP/err"
[ $? = 2 ] && grep -q 'OpenDocument spreadsheet (.ods).*libreoffice --headless --convert-to csv' "$TMP/err" && ok || bad "ods: $(cat "$TMP/err")"
# an Excel binary workbook (.xlsb): a zip like .xlsx, its parts in BIFF12
mkdir -p "$TMP/xlsb/xl"
printf '<?xml version="1.0"?><Types/>' > "$TMP/xlsb/[Content_Types].xml"
printf '\203\001\000' > "$TMP/xlsb/xl/workbook.bin"
(cd "$TMP/xlsb" && zip -X -q ../book.xlsb '[Content_Types].xml' xl/workbook.bin)
"$N" "$TMP/book.xlsb" > /dev/null 2> "$TMP/err"
[ $? = 2 ] && grep -q 'book.xlsb: an Excel binary workbook (.xlsb).*save it as .xlsx.*xlsx2csv.*ssconvert.*libreoffice --headless --convert-to csv' "$TMP/err" && ok || bad "xlsb: $(cat "$TMP/err")"
"$N" < "$TMP/book.xlsb" > /dev/null 2> "$TMP/err"
[ $? = 2 ] && grep -q 'Excel binary workbook (.xlsb)' "$TMP/err" && ok || bad "xlsb on stdin: $(cat "$TMP/err")"
printf 'just text\n' > "$TMP/ods/readme.txt"
(cd "$TMP/ods" && zip -X -q ../plain.zip readme.txt)
"$N" "$TMP/plain.zip" > /dev/null 2> "$TMP/err"
[ $? = 2 ] && grep -q 'no .xlsx workbook' "$TMP/err" && ok || bad "zip: $(cat "$TMP/err")"
head -c 900 "$TMP/x2.xlsx" > "$TMP/cut.xlsx"
"$N" "$TMP/cut.xlsx" > /dev/null 2> "$TMP/err"
[ $? = 2 ] && grep -q 'cut.xlsx: ' "$TMP/err" && ok || bad "cut: exit $?: $(cat "$TMP/err")"
# every byte of a workbook flipped in turn (one in 7): exit 0, 1 or 2,
# never a crash
i=30 crash=0
size=$(wc -c < "$TMP/x2.xlsx")
while [ $i -lt "$size" ]; do
	cp "$TMP/x2.xlsx" "$TMP/flip.xlsx"
	printf '\377' | dd of="$TMP/flip.xlsx" bs=1 seek=$i conv=notrunc 2> /dev/null
	"$N" "$TMP/flip.xlsx" > /dev/null 2>&1
	[ $? -le 2 ] || crash=$((crash + 1))
	i=$((i + 7))
done
[ $crash = 0 ] && ok || bad "$crash flipped workbooks crashed ar-norm"

# 6. the example workbook (examples/erp) is what tests/mkxlsx makes of its
# spec, byte for byte, and gives the ledger of its CSV twin
X=$ROOT/examples/erp/quickbooks-ar-aging-summary
"$MK" "$TMP/qb.xlsx" "A/R Aging Summary" "$ROOT/tests/ar-norm-xlsx/quickbooks-ar-aging-summary.spec"
cmp -s "$TMP/qb.xlsx" "$X.xlsx" && ok || bad "examples/erp/quickbooks-ar-aging-summary.xlsx is not what tests/mkxlsx makes"
"$N" -p quickbooks "$X.xlsx" > "$TMP/qb1.csv" 2> /dev/null
"$N" -p quickbooks "$X.csv" > "$TMP/qb2.csv" 2> /dev/null
cmp -s "$TMP/qb1.csv" "$TMP/qb2.csv" && ok || bad "the example workbook and its CSV differ: $(diff "$TMP/qb2.csv" "$TMP/qb1.csv" | head -4)"

echo "ar-norm xlsx: $((n - fail)) passed, $fail failed"
[ $fail -eq 0 ]
