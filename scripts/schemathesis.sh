#!/usr/bin/env bash
# API conformance (reliability-security.md F2): schemathesis (PyPI, pinned, installed into a
# virtualenv outside the repository) against /api/openapi.json of a running `tianping serve`
# (the debug binary the tests built), with every check, ≥ 100 examples per operation, a fixed
# seed and deterministic generation, as four callers:
#   - the system administrator (bearer token from setup + password + TOTP login),
#   - an analyst of the data-owning department (reads with data behind them),
#   - a platform (X-Api-Key of `tmall`, after one pushed example batch),
#   - nobody (no credentials: every protected operation must answer 401, `ignored_auth`).
# Pass: zero failures and no 5xx in every run. Exits nonzero otherwise.
#
# Usage: scripts/schemathesis.sh      env: TIANPING_BIN (default $CARGO_TARGET_DIR/debug/tianping),
#        TIANPING_ST_VENV (default /tmp/schemathesis-venv), ST_EXAMPLES (100), ST_SEED (20261130)
set -euo pipefail
cd "$(dirname "$0")/.."
VENV="${TIANPING_ST_VENV:-/tmp/schemathesis-venv}"
BIN="${TIANPING_BIN:-${CARGO_TARGET_DIR:-target}/debug/tianping}"
EXAMPLES="${ST_EXAMPLES:-100}"
SEED="${ST_SEED:-20261130}"
PORT="${TIANPING_ST_PORT:-$((30000 + $$ % 20000))}"
WORK="$(mktemp -d)"
[ -x "$BIN" ] || { echo "no binary at $BIN (cargo build -p tianping-cli)" >&2; exit 2; }
# Python 3.11.7's parser fails on schemathesis's largest module inside hypothesis ("AST constructor
# recursion depth mismatch"): prefer a newer interpreter when there is one.
PYTHON=python3
for candidate in python3.13 python3.12 "$HOME"/.pyenv/versions/3.13*/bin/python3 "$HOME"/.pyenv/versions/3.12*/bin/python3; do
  if "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null; then PYTHON="$candidate"; break; fi
done
[ -x "$VENV/bin/st" ] || { "$PYTHON" -m venv "$VENV"; "$VENV/bin/pip" install -q 'schemathesis==4.32.5'; }

# shellcheck source=scripts/lib/serve.sh
. scripts/lib/serve.sh
trap 'serve_stop; rm -rf "$WORK"' EXIT
# Limits high enough that the generated traffic itself is not shed (429/503 are documented
# answers, but a run of nothing but 429s would test nothing).
# The platform's own bucket likewise (at most half the server-wide rate and burst).
serve_start TIANPING_MAX_REQUESTS_PER_SECOND=100000 TIANPING_LOGIN_ATTEMPTS_PER_MINUTE=100000 \
  TIANPING_MAX_CONCURRENT_REQUESTS=256 TIANPING_PLATFORM_REQUESTS_PER_MINUTE=3000000 \
  TIANPING_PLATFORM_BURST=50000

ADMIN_SECRET=$(setup_admin)
ADMIN=$(login admin "$ADMIN_SECRET")
ANALYST_SECRET=$(create_user "$ADMIN" analyst1 analyst wangjian 330100)
ANALYST=$(login analyst1 "$ANALYST_SECRET")
KEY=$(platform_key "$ADMIN" tmall)
echo "pushed example batch: $(push_example "$KEY" tmall-2026-03-01-0001)"

FAILED=0
run() {
  local who="$1"; shift
  echo; echo "--- schemathesis as $who"
  if ! PYTHONPATH=scripts SCHEMATHESIS_HOOKS=schemathesis_hooks \
      "$VENV/bin/st" --config-file scripts/schemathesis.toml run "$BASE/api/openapi.json" --url "$BASE" \
      --checks all --max-examples "$EXAMPLES" --seed "$SEED" --generation-deterministic \
      --workers 2 --request-timeout 60 --no-color --report junit \
      --report-junit-path "$WORK/junit-$who.xml" "$@"; then
    echo "schemathesis as $who: FAILED" >&2
    FAILED=1
  fi
}
# Logging out would end the session the rest of the run uses; it is exercised anonymously.
run system_admin -H "Authorization: Bearer $ADMIN" --exclude-operation-id logout
run analyst -H "Authorization: Bearer $ANALYST" --exclude-operation-id logout
run platform -H "X-Api-Key: $KEY"
run anonymous
# The server's own count of 5xx answers over all four runs must be zero.
SERVER_5XX=$(curl -fs "$BASE/metrics" | awk '/^tianping_http_requests_total\{class="5xx"\}/ {print $2}')
echo "server 5xx answers over all runs: ${SERVER_5XX:-0}"
[ "${SERVER_5XX:-0}" = 0 ] || FAILED=1
exit "$FAILED"
