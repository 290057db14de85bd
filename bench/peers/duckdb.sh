#!/bin/sh
# DuckDB peer: duckdb.js under node; the @duckdb/node-api package is taken
# from $DUCKDB_NODE_MODULES (default /tmp/duckdb-node/node_modules).
exec node "$(dirname "$0")/duckdb.js"
