#!/bin/sh
# make demo: normalise two raw ERP exports and age them, then age the
# example ledger three ways (see README.md).
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
