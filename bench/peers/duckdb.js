// DuckDB peer: node 20 + the npm package @duckdb/node-api.
// The package is loaded from $DUCKDB_NODE_MODULES (default
// /tmp/duckdb-node/node_modules).  DuckDB reads the CSV from stdin with its
// own reader (all columns as text), casts the amounts to DECIMAL(18,2) (exact)
// and sums them per group; the sums are DECIMAL(38,2), which COPY writes with
// exactly 2 decimals.  Strings compare bytewise (no collation), so ORDER BY is
// byte order.  COPY writes to a temporary file that is then copied to stdout
// (COPY ... TO '/dev/stdout' reopens stdout: wrong when stdout is a file that
// already holds something).
"use strict";
const fs = require("fs");
const os = require("os");
const path = require("path");

const modules = process.env.DUCKDB_NODE_MODULES || "/tmp/duckdb-node/node_modules";
const { DuckDBInstance } = require(path.join(modules, "@duckdb", "node-api"));

const bucket = (cond) => `sum(CASE WHEN ${cond} THEN open ELSE 0 END)`;
const quote = (s) => `'${s.replace(/'/g, "''")}'`;

const sql = (out) => `
COPY (
  WITH items AS (
    SELECT customer, currency,
           CAST(amount AS DECIMAL(18,2)) - CAST(paid AS DECIMAL(18,2)) AS open,
           DATE '2026-11-30' - CAST(due_date AS DATE) AS days
    FROM read_csv('/dev/stdin', header = true, auto_detect = false, delim = ',',
                  quote = '"', escape = '"',
                  columns = {'customer': 'VARCHAR', 'invoice': 'VARCHAR',
                             'invoice_date': 'VARCHAR', 'due_date': 'VARCHAR',
                             'amount': 'VARCHAR', 'paid': 'VARCHAR',
                             'currency': 'VARCHAR'})
  )
  SELECT customer, currency,
         sum(open)                               AS total_open,
         ${bucket("days <= 0")}                  AS current,
         ${bucket("days BETWEEN 1 AND 30")}      AS d1_30,
         ${bucket("days BETWEEN 31 AND 60")}     AS d31_60,
         ${bucket("days BETWEEN 61 AND 90")}     AS d61_90,
         ${bucket("days >= 91")}                 AS d91_plus
  FROM items
  WHERE open <> 0
  GROUP BY customer, currency
  ORDER BY customer, currency
) TO ${quote(out)} (FORMAT csv, HEADER true);
`;

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "duckdb-peer-"));
  try {
    const out = path.join(dir, "out.csv");
    const db = await DuckDBInstance.create(":memory:");
    const con = await db.connect();
    await con.run(sql(out));
    const data = fs.readFileSync(out);
    await new Promise((resolve, reject) =>
      process.stdout.write(data, (e) => (e ? reject(e) : resolve())));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  process.stderr.write(`duckdb peer: ${e && e.message ? e.message : e}\n`);
  process.exit(1);
});
