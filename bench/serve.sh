#!/usr/bin/env bash
# Load on the HTTP service (reliability-security.md P1): constant 200 req/s for 60 s on the
# findings endpoint from `oha` on loopback (p99 target ≤ 300 ms, no errors), then 2× that rate
# against a server limited to 300 req/s, which must shed with 429/503 rather than fall over.
#
# Usage: bench/serve.sh [seconds]   (default 60; needs oha: `cargo install oha`)
# Sets up a fresh home: first-run setup, login with a TOTP code (computed with python3), a
# platform key for `tmall`, one pushed example batch. Prints oha's summaries; record them in
# docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_RUN="${1:-60}"
PORT="${TIANPING_BENCH_PORT:-18080}"
BASE="http://127.0.0.1:$PORT"

if ! command -v oha >/dev/null; then
  echo "oha is not installed (cargo install oha): no load run" >&2
  NO_OHA=1
fi

cargo build --release -j 1 -p tianping-cli --no-default-features >&2
BIN="${CARGO_TARGET_DIR:-target}/release/tianping"
WORK="$(mktemp -d)"
trap 'kill "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true; rm -rf "$WORK"' EXIT

TIANPING_DATA_OWNER_DEPARTMENT=wangjian TIANPING_DATA_OWNER_REGION=330100 \
TIANPING_COOKIE_SECURE=false TIANPING_MAX_REQUESTS_PER_SECOND=300 \
TIANPING_MAX_CONCURRENT_REQUESTS=64 \
  "$BIN" --home "$WORK/home" serve --bind "127.0.0.1:$PORT" 2>"$WORK/server.log" &
SERVER=$!
for _ in $(seq 50); do curl -fs "$BASE/healthz" >/dev/null && break; sleep 0.2; done

PASSWORD='Bench-Password-2026'
SECRET=$(curl -fs -X POST "$BASE/api/setup" -H 'content-type: application/json' \
  -d "{\"login\":\"admin\",\"display_name\":\"admin\",\"password\":\"$PASSWORD\",\"department\":\"xinxi\",\"region\":\"330100\"}" \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["totp_secret"])')
CODE=$(python3 - "$SECRET" <<'PY'
import base64, hmac, struct, sys, time
key = base64.b32decode(sys.argv[1] + "=" * (-len(sys.argv[1]) % 8))
mac = hmac.new(key, struct.pack(">Q", int(time.time()) // 30), "sha1").digest()
o = mac[-1] & 15
print("%06d" % ((struct.unpack(">I", mac[o:o + 4])[0] & 0x7fffffff) % 1000000))
PY
)
TOKEN=$(curl -fs -X POST "$BASE/api/session" -H 'content-type: application/json' \
  -d "{\"login\":\"admin\",\"password\":\"$PASSWORD\",\"totp\":\"$CODE\"}" \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')
KEY=$(curl -fs -X POST "$BASE/api/v1/api-keys" -H "authorization: Bearer $TOKEN" \
  -H 'content-type: application/json' -d '{"supplier":"tmall","label":"bench"}' \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["api_key"])')
(cd examples/batches/tmall-2026-03-01-0001 && python3 -c '
import os, sys, zipfile
with zipfile.ZipFile(sys.argv[1], "w") as z:
    for n in sorted(os.listdir(".")): z.write(n)' "$WORK/tmall.zip")
curl -fs -X POST "$BASE/api/v1/batches" -H "x-api-key: $KEY" -H 'content-type: application/zip' \
  --data-binary "@$WORK/tmall.zip" | python3 -c 'import json,sys; print("push:", json.load(sys.stdin)["status"])' >&2
curl -fs "$BASE/api/v1/findings" -H "x-api-key: $KEY" >/dev/null
echo "setup done: findings endpoint answers" >&2

if [ -n "${NO_OHA:-}" ]; then
  exit 1
fi
echo "== 200 req/s for ${SECONDS_RUN}s (limit 300/s): expect p99 <= 300 ms, all 200" >&2
oha --no-tui -z "${SECONDS_RUN}s" -q 200 --latency-correction -H "x-api-key: $KEY" "$BASE/api/v1/findings"
echo "== 400 req/s for ${SECONDS_RUN}s (2x): expect 429/503 shed, no other errors" >&2
oha --no-tui -z "${SECONDS_RUN}s" -q 400 --latency-correction -H "x-api-key: $KEY" "$BASE/api/v1/findings"
curl -fs "$BASE/metrics" | grep -E 'tianping_http_(requests|shed)_total' >&2
