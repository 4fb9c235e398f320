#!/usr/bin/env bash
# Load on the HTTP service (issue 9, reliability-security.md P1): about 200 req/s for 60 s on the
# findings list and on a merchant's profile (the reads a regulator's dashboard and case officers
# make) from `wrk` (Debian) on loopback — target p99 ≤ 300 ms, no errors — then 2× that rate
# against a server whose request rate limit is 300/s, which must shed with 429/503 rather than
# fall over (and still answer /healthz).
#
# wrk is closed-loop; `bench/serve_pace.lua` paces the sends on a per-thread timeline of slots
# (monotonic clock) so the offered load is the target rate whatever the latency. The summary line
# `requests/s` shows the rate achieved, `status counts` every answer.
#
# Data: a simulated city (small, seed 7) ingested and detected, alerts refreshed, so the findings
# list and the merchant's profile have real rows; the same binary serves it (SQLite store, the
# embedded single node). The merchant asked for is the subject of the first merchant finding.
#
# Usage: bench/serve.sh [seconds]
#   env: TIANPING_BENCH_BIN (default: the release build, built here), TIANPING_BENCH_PORT,
#        TIANPING_BENCH_RATE (default 200), TIANPING_BENCH_LIMIT (the server's rate limit, 300)
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_RUN="${1:-60}"
PORT="${TIANPING_BENCH_PORT:-18080}"
RATE="${TIANPING_BENCH_RATE:-200}"
LIMIT="${TIANPING_BENCH_LIMIT:-300}"
TARGET="${CARGO_TARGET_DIR:-target}"
if [ -z "${TIANPING_BENCH_BIN:-}" ]; then
  cargo build --release -j 1 --bin tianping >&2
  BIN="$TARGET/release/tianping"
else
  BIN="$TIANPING_BENCH_BIN"
fi
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)" >&2; exit 2; }
[ -x "$BIN" ] || { echo "no binary at $BIN" >&2; exit 2; }
WORK="$(mktemp -d)"

# shellcheck source=scripts/lib/serve.sh
. scripts/lib/serve.sh
trap 'serve_stop; rm -rf "$WORK"' EXIT

echo "== data: simulated city (small, seed 7), ingested, detected, alerts refreshed" >&2
"$BIN" simulate --out "$WORK/city" --scale small --seed 7 >/dev/null 2>&1
for supplier in "$WORK"/city/*/; do
  "$BIN" --home "$WORK/home" ingest "$supplier" >/dev/null 2>&1
done
"$BIN" --home "$WORK/home" detect --as-of 2026-12-20T00:00:00+08:00 \
  --config "$WORK/city/detect.toml" >/dev/null 2>&1
"$BIN" --home "$WORK/home" alerts --as-of 2026-12-20 >/dev/null 2>&1

serve_start TIANPING_MAX_REQUESTS_PER_SECOND="$LIMIT" TIANPING_MAX_CONCURRENT_REQUESTS=64
ADMIN=$(login admin "$(setup_admin)")
ANALYST=$(login analyst1 "$(create_user "$ADMIN" analyst1 analyst wangjian 330100)")
PAGE=$(curl -fs "$BASE/api/v1/findings?limit=50" -H "authorization: Bearer $ANALYST")
MERCHANT=$(python3 -c '
import json, sys, urllib.parse
items = json.loads(sys.argv[1])["items"]
s = next(f["subject"] for f in items if f["subject"]["kind"] == "merchant")
print(urllib.parse.quote("merchant|%s|%s" % (s["platform_id"], s["id"]), safe=""))' "$PAGE")
BYTES=$(curl -fs "$BASE/api/v1/merchants/$MERCHANT" -H "authorization: Bearer $ANALYST" | wc -c)
echo "setup done: findings page of 50 = ${#PAGE} bytes; merchant $MERCHANT = $BYTES bytes" >&2

run() { # run RATE PATH
  local rate="$1" path="$2" conns=20
  echo "== $path at ~$rate req/s for ${SECONDS_RUN}s ($conns connections, 2 threads)"
  RATE="$rate" THREADS=2 wrk -t 2 -c "$conns" -d "${SECONDS_RUN}s" --latency --timeout 5s \
    -s bench/serve_pace.lua -H "authorization: Bearer $ANALYST" "$BASE$path"
  curl -fs "$BASE/healthz" >/dev/null && echo "healthz: ok during and after"
  curl -fs "$BASE/metrics" | grep -E '^tianping_http_(requests|shed)_total' || true
}
# The floor: the same server, load and client on `/healthz` (no store, no auth, no body), so
# the endpoints' figures can be read as ratios to what the loopback + wrk + axum path costs.
run "$RATE" "/healthz"
run "$RATE" "/api/v1/findings?limit=50"
run "$RATE" "/api/v1/merchants/$MERCHANT"
run $((2 * RATE)) "/api/v1/findings?limit=50"
run $((2 * RATE)) "/api/v1/merchants/$MERCHANT"
echo "server RSS: $(ps -o rss= -p "$SERVER") KiB"
