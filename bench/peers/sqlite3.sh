#!/bin/sh
# sqlite3 peer (Debian package sqlite3): the CLI's .import reads the CSV from
# stdin into an in-memory table (header row = column names, all TEXT), then one
# GROUP BY in integer cents (CAST(round(x * 100) AS INTEGER) of a 2-decimal
# amount is the exact cents; integer sums are exact), formatted as d.dd at the
# end.  ORDER BY uses the default BINARY collation, i.e. byte order.  The
# header is printed here (the CLI prints none when there are no rows).
m() {   # SQL for integer cents column $1 as d.dd
    echo "printf('%s%d.%02d', iif($1 < 0, '-', ''), abs($1) / 100, abs($1) % 100) AS $1"
}
echo customer,currency,total_open,current,d1_30,d31_60,d61_90,d91_plus
exec sqlite3 :memory: \
  -cmd '.mode csv' \
  -cmd '.import /dev/stdin inv' \
  "WITH t AS (
     SELECT customer, currency,
            CAST(round(amount * 100) AS INTEGER) - CAST(round(paid * 100) AS INTEGER) AS o,
            CAST(julianday('2026-11-30') - julianday(due_date) AS INTEGER) AS d
     FROM inv),
   g AS (
     SELECT customer, currency,
            sum(o) AS total_open,
            sum(CASE WHEN d <= 0              THEN o ELSE 0 END) AS current,
            sum(CASE WHEN d BETWEEN 1  AND 30 THEN o ELSE 0 END) AS d1_30,
            sum(CASE WHEN d BETWEEN 31 AND 60 THEN o ELSE 0 END) AS d31_60,
            sum(CASE WHEN d BETWEEN 61 AND 90 THEN o ELSE 0 END) AS d61_90,
            sum(CASE WHEN d >= 91             THEN o ELSE 0 END) AS d91_plus
     FROM t WHERE o <> 0
     GROUP BY customer, currency)
   SELECT customer, currency, $(m total_open), $(m current), $(m d1_30),
          $(m d31_60), $(m d61_90), $(m d91_plus)
   FROM g ORDER BY customer, currency;"
