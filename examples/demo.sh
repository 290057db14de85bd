#!/bin/sh
# make demo: normalise two raw ERP exports and age them, age the
# example ledger three ways, then grade, plan and measure (see README.md).
set -e
cd "$(dirname "$0")"
BIN=../bin
echo '$ ar-norm -p kingdee erp/kingdee-ar-detail.csv | ar-age --as-of 2026-11-30 -g customer -o table'
$BIN/ar-norm -p kingdee erp/kingdee-ar-detail.csv |
	$BIN/ar-age --as-of 2026-11-30 -g customer -o table
echo
echo '$ ar-norm -p sap-fbl5n erp/sap-fbl5n.csv | ar-age --as-of 2026-11-30 -g customer -b 30,60,90 -o table'
$BIN/ar-norm -p sap-fbl5n erp/sap-fbl5n.csv |
	$BIN/ar-age --as-of 2026-11-30 -g customer -b 30,60,90 -o table
echo
echo '$ ar-age --as-of 2026-11-30 -g customer --total -o table ledger.csv'
$BIN/ar-age --as-of 2026-11-30 -g customer --total -o table ledger.csv
echo
echo '$ ar-age --as-of 2026-11-30 -g salesperson -b 30,90 -o table --lang zh ledger.csv'
$BIN/ar-age --as-of 2026-11-30 -g salesperson -b 30,90 -o table --lang zh ledger.csv
echo
echo '$ ar-age --as-of 2026-11-30 --daily-rate 0.05 --grace 15 -o json ledger.csv | jq -c ...'
$BIN/ar-age --as-of 2026-11-30 --daily-rate 0.05 --grace 15 -o json ledger.csv |
	jq -c 'select(.days_overdue != null and .days_overdue > 60) | {customer, invoice, open, days_overdue, interest}'
echo
echo '$ credit-grade --as-of 2026-11-30 history.csv > grades.csv'
T=$(mktemp -d "${TMPDIR:-/tmp}/arkit-demo.XXXXXX")
trap 'rm -rf "$T"' EXIT
$BIN/credit-grade --as-of 2026-11-30 history.csv > "$T/grades.csv"
cut -d, -f1,2,12-13,16 "$T/grades.csv"
echo
echo '$ ar-age --as-of 2026-11-30 history.csv | dun-plan --from 2026-11-30 --to 2026-12-04 --workdays --grades grades.csv -o json | jq ...'
$BIN/ar-age --as-of 2026-11-30 history.csv |
	$BIN/dun-plan --from 2026-11-30 --to 2026-12-04 --workdays --grades "$T/grades.csv" -o json |
	jq -r '[.date, .customer, .days_overdue, .action, .owner, .style, .priority] | @tsv' |
	awk -F'\t' '{ printf "%-11s %-6s %5s  %-16s %-10s %-10s %s\n", $1, $2, $3, $4, $5, $6, $7 }'
echo
echo '$ ar-kpi --as-of 2026-11-30 -o table history.csv'
$BIN/ar-kpi --as-of 2026-11-30 -o table history.csv
