#!/usr/bin/env bash
# Ingest benchmark (issue 2): validated ingest of a ROWS-row `orders` CSV (default 5 million) against
# DuckDB (PyPI `duckdb`, installed here into a virtualenv, not committed) converting the same file to
# Parquet, in one run, alternating. Figures go in docs/benchmarks.md.
#   bench/ingest.sh            ROWS=5000000 RUNS=3 BENCH_DIR=/tmp/tianping-bench
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS="${ROWS:-5000000}"
RUNS="${RUNS:-3}"
WORK="${BENCH_DIR:-/tmp/tianping-bench}"
mkdir -p "$WORK"
BATCH="$WORK/orders-$ROWS"
[ -f "$BATCH/manifest.json" ] || python3 bench/gen_orders.py "$BATCH" "$ROWS"
[ -x "$WORK/venv/bin/python" ] || python3 -m venv "$WORK/venv"
"$WORK/venv/bin/python" -c 'import duckdb' 2>/dev/null || "$WORK/venv/bin/pip" install -q duckdb
# The ingest-only binary (no DataFusion), optimised.
cargo build --release --locked -p tianping-cli --no-default-features
BIN="${CARGO_TARGET_DIR:-target}/release/tianping"
echo "duckdb $("$WORK/venv/bin/python" -c 'import duckdb; print(duckdb.__version__)'); $(nproc) cores"
"$WORK/venv/bin/python" bench/ingest_vs_duckdb.py "$BIN" "$BATCH" "$WORK" "$RUNS"
