#!/bin/sh
# CSV conformance: csv-spectrum's expected parses (all but
# location_coordinates, whose oracle is wrong upstream: its record has a bare
# quote inside an unquoted field, which strict RFC 4180 rejects with its line),
# and a sensible answer for every file of mafintosh's edge corpus.
set -u
: "${ROOT:?}" "${TMP:?}"
CAT=$ROOT/build/unit/rec-cat
D=$ROOT/tests/data
fail=0 n=0

ok() { n=$((n + 1)); }
bad() { n=$((n + 1)); fail=$((fail + 1)); echo "FAIL conformance: $*"; }

for csv in "$D"/csv-spectrum/csvs/*.csv; do
	name=$(basename "$csv" .csv)
	[ "$name" = location_coordinates ] && continue
	got=$("$CAT" "$csv" 2> "$TMP/err" | jq -s -c .)
	want=$(jq -c . "$D/csv-spectrum/json/$name.json")
	[ "$got" = "$want" ] && [ ! -s "$TMP/err" ] && ok || bad "csv-spectrum/$name: $got"
done

# location_coordinates: the record is rejected with its line, nothing else lost
"$CAT" "$D/csv-spectrum/csvs/location_coordinates.csv" > "$TMP/out" 2> "$TMP/err"
rc=$?
[ $rc = 1 ] && [ ! -s "$TMP/out" ] && grep -q 'location_coordinates.csv:2: malformed quoting' "$TMP/err" &&
	grep -q '1 of 1 records rejected' "$TMP/err" && ok || bad "location_coordinates: rc $rc $(cat "$TMP/err")"

M=$D/csv-edge-mafintosh
utf8='[{"a":"1","b":"2","c":"3"},{"a":"4","b":"5","c":"ʤ"}]'
for f in utf8 utf16 utf16-big; do	# UTF-16 with a BOM is converted
	got=$("$CAT" "$M/$f.csv" 2>&1 | jq -s -c .)
	[ "$got" = "$utf8" ] && ok || bad "$f: $got"
done
got=$("$CAT" "$M/mac-newlines.csv" | jq -s -c .)	# CR-only line ends
[ "$got" = '[{"a":"1","b":"2","c":"3"},{"a":"Once upon\ra time","b":"5","c":"6"}]' ] && ok || bad "mac-newlines: $got"
got=$("$CAT" "$M/escape-quotes.csv" | jq -s -c .)
[ "$got" = '[{"a":"1","b":"ha \"ha\" ha"},{"a":"2","b":"\"\""},{"a":"3","b":"4"}]' ] && ok || bad "escape-quotes: $got"
got=$("$CAT" "$M/quotes+newlines.csv" | jq -s -c .)
[ "$got" = '[{"a":"1","b":"ha \n\"ha\" \nha"},{"a":"2","b":" \n\"\" \n"},{"a":"3","b":"4"}]' ] && ok || bad "quotes+newlines: $got"
got=$("$CAT" -F '`' "$M/backtick.csv" | jq -s -c '.[].pokemon_id')
[ "$got" = '"1"
"2"' ] && ok || bad "backtick: $got"
# ragged rows: rejected with their line, the others kept
for f in strict-false-less-columns:2 strict-false-more-columns:4; do
	file=${f%:*} k=${f#*:}
	got=$("$CAT" "$M/$file.csv" 2> "$TMP/err" | jq -s -c '[.[].a]')
	rc=$?
	[ "$got" = '["1","6"]' ] || [ "$got" = '["1","8"]' ] || { bad "$file: $got"; continue; }
	grep -q "$file.csv:3: $k fields, but the header has 3" "$TMP/err" && ok || bad "$file: $(cat "$TMP/err")"
done
# Latin-1 is not UTF-8: the record is rejected with its line and a hint
"$CAT" "$M/latin.csv" > "$TMP/out" 2> "$TMP/err"
[ $? = 1 ] && grep -q 'latin.csv:3: invalid UTF-8 (byte 0xa9' "$TMP/err" &&
	[ "$(jq -c . "$TMP/out")" = '{"a":"1","b":"2","c":"3"}' ] && ok || bad "latin: $(cat "$TMP/err")"
# a header with an empty name is a fatal error (exit 2) naming the column
for f in bad-data:1 empty-columns:2; do
	file=${f%:*} col=${f#*:}
	"$CAT" "$M/$file.csv" > "$TMP/out" 2> "$TMP/err"
	[ $? = 2 ] && grep -q "$file.csv:1: header: column $col has no name" "$TMP/err" && ok || bad "$file: $(cat "$TMP/err")"
done
# a comment line is the header: the data rows do not fit it and are rejected
"$CAT" "$M/comment.csv" > "$TMP/out" 2> "$TMP/err"
[ $? = 1 ] && grep -q 'comment.csv:2: 3 fields, but the header has 1' "$TMP/err" && ok || bad "comment: $(cat "$TMP/err")"

echo "conformance: $((n - fail)) passed, $fail failed"
[ $fail -eq 0 ]
