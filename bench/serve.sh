#!/usr/bin/env bash
# Load on the HTTP service (reliability-security.md P1): about 200 req/s for 60 s on the findings
# list and the batches list (the read endpoints a dashboard polls) from `wrk` (Debian) on
# loopback — target p99 ≤ 300 ms, no errors — then 2× that rate against a server whose request
# rate limit is 300/s, which must shed with 429/503 rather than fall over (and still answer
# /healthz).
#
# wrk is closed-loop; `bench/serve_pace.lua` paces every connection (delay = connections / rate)
# so the offered load is about the target rate while latencies stay well under the pacing
# interval. The summary line `requests/s` shows the rate achieved.
#
# Data: a simulated city (small, seed 7) ingested and detected with the debug binary (DataFusion
# is needed for `detect`), so the findings list has real rows; served by TIANPING_BENCH_BIN
# (default: a release build of tianping-cli without DataFusion, built here).
#
# Usage: bench/serve.sh [seconds]   env: TIANPING_BENCH_BIN, TIANPING_DEBUG_BIN, TIANPING_BENCH_PORT
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_RUN="${1:-60}"
PORT="${TIANPING_BENCH_PORT:-18080}"
TARGET="${CARGO_TARGET_DIR:-target}"
DEBUG_BIN="${TIANPING_DEBUG_BIN:-$TARGET/debug/tianping}"
if [ -z "${TIANPING_BENCH_BIN:-}" ]; then
  cargo build --release -j 1 -p tianping-cli --no-default-features >&2
  BIN="$TARGET/release/tianping"
else
  BIN="$TIANPING_BENCH_BIN"
fi
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)" >&2; exit 2; }
[ -x "$DEBUG_BIN" ] || { echo "no debug binary at $DEBUG_BIN (cargo build -p tianping-cli)" >&2; exit 2; }
WORK="$(mktemp -d)"

# shellcheck source=scripts/lib/serve.sh
. scripts/lib/serve.sh
trap 'serve_stop; rm -rf "$WORK"' EXIT

echo "== data: simulated city (small, seed 7), ingested and detected" >&2
"$DEBUG_BIN" simulate --out "$WORK/city" --scale small --seed 7 >/dev/null 2>&1
for supplier in "$WORK"/city/*/; do
  "$DEBUG_BIN" --home "$WORK/home" ingest "$supplier" >/dev/null 2>&1
done
"$DEBUG_BIN" --home "$WORK/home" detect --as-of 2026-12-20T00:00:00+08:00 \
  --config "$WORK/city/detect.toml" >/dev/null 2>&1

serve_start TIANPING_MAX_REQUESTS_PER_SECOND=300 TIANPING_MAX_CONCURRENT_REQUESTS=64
ADMIN=$(login admin "$(setup_admin)")
ANALYST=$(login analyst1 "$(create_user "$ADMIN" analyst1 analyst wangjian 330100)")
FINDINGS=$(curl -fs "$BASE/api/v1/findings?limit=50" -H "authorization: Bearer $ANALYST" \
  | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["items"]))')
echo "setup done: the findings page holds $FINDINGS findings (limit 50)" >&2

run() { # run RATE PATH
  local rate="$1" path="$2" conns=20
  echo "== $path at ~$rate req/s for ${SECONDS_RUN}s ($conns connections, 2 threads)"
  RATE="$rate" CONNS="$conns" wrk -t 2 -c "$conns" -d "${SECONDS_RUN}s" --latency \
    -s bench/serve_pace.lua -H "authorization: Bearer $ANALYST" "$BASE$path"
  curl -fs "$BASE/healthz" >/dev/null && echo "healthz: ok during and after"
  curl -fs "$BASE/metrics" | grep -E '^tianping_http_(requests|shed)_total'
}
run 200 "/api/v1/findings?limit=50"
run 200 "/api/v1/batches?limit=50"
run 400 "/api/v1/findings?limit=50"
echo "server RSS: $(ps -o rss= -p "$SERVER") KiB"
