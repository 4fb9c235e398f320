# Shared by scripts/schemathesis.sh and bench/serve.sh (sourced, not run): start `tianping serve`
# on a fresh home and obtain credentials through the API as a real client would — first-run
# setup, login with password and a TOTP code (RFC 6238, computed with python3's hmac), staff
# accounts and platform keys created by the system administrator.
#
# Needs: BIN (the tianping binary), WORK (a scratch directory), PORT. Sets BASE and SERVER.

BASE="http://127.0.0.1:$PORT"
# The installation's department registry: accounts must name one of its ids.
DEPARTMENTS="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)/config/departments-hangzhou.toml"
PASSWORD='Serve-Check-Password-2026'

serve_start() {
  # Extra environment for the server is passed as arguments: serve_start VAR=value …
  env TIANPING_DATA_OWNER_DEPARTMENT=wangjian TIANPING_DATA_OWNER_REGION=330100 \
    TIANPING_COOKIE_SECURE=false "$@" \
    "$BIN" --home "$WORK/home" serve --config "$DEPARTMENTS" --bind "127.0.0.1:$PORT" 2>"$WORK/server.log" &
  SERVER=$!
  for _ in $(seq 300); do
    curl -fs "$BASE/healthz" >/dev/null 2>&1 && return 0
    kill -0 "$SERVER" 2>/dev/null || { cat "$WORK/server.log" >&2; return 1; }
    sleep 0.2
  done
  echo "the server did not answer /healthz" >&2
  return 1
}

serve_stop() {
  if [ -n "${SERVER:-}" ]; then
    kill -TERM "$SERVER" 2>/dev/null || true
    wait "$SERVER" 2>/dev/null || true
    SERVER=
  fi
}

json_field() { python3 -c 'import json,sys; print(json.load(sys.stdin)[sys.argv[1]])' "$1"; }

totp() {
  python3 - "$1" <<'PY'
import base64, hmac, struct, sys, time
key = base64.b32decode(sys.argv[1] + "=" * (-len(sys.argv[1]) % 8))
mac = hmac.new(key, struct.pack(">Q", int(time.time()) // 30), "sha1").digest()
o = mac[-1] & 15
print("%06d" % ((struct.unpack(">I", mac[o:o + 4])[0] & 0x7fffffff) % 1000000))
PY
}

# setup_admin → prints the administrator's TOTP secret.
setup_admin() {
  curl -fsS -X POST "$BASE/api/setup" -H 'content-type: application/json' \
    -d "{\"login\":\"admin\",\"display_name\":\"admin\",\"password\":\"$PASSWORD\",\"department\":\"hzscjg\",\"region\":\"330100\"}" \
    | json_field totp_secret
}

# login LOGIN SECRET → prints a bearer token.
login() {
  curl -fsS -X POST "$BASE/api/session" -H 'content-type: application/json' \
    -d "{\"login\":\"$1\",\"password\":\"$PASSWORD\",\"totp\":\"$(totp "$2")\"}" | json_field token
}

# create_user ADMIN_TOKEN LOGIN ROLE DEPARTMENT REGION → prints the new account's TOTP secret.
create_user() {
  curl -fsS -X POST "$BASE/api/v1/users" -H "authorization: Bearer $1" -H 'content-type: application/json' \
    -d "{\"login\":\"$2\",\"display_name\":\"$2\",\"password\":\"$PASSWORD\",\"roles\":[\"$3\"],\"department\":\"$4\",\"region\":\"$5\"}" \
    | json_field totp_secret
}

# platform_key ADMIN_TOKEN SUPPLIER → prints an API key.
platform_key() {
  curl -fsS -X POST "$BASE/api/v1/api-keys" -H "authorization: Bearer $1" \
    -H 'content-type: application/json' -d "{\"supplier\":\"$2\",\"label\":\"check\"}" | json_field api_key
}

# push_example KEY DIR → pushes examples/batches/DIR as a zip; prints the receipt's status.
push_example() {
  (cd "examples/batches/$2" && python3 -c '
import os, sys, zipfile
with zipfile.ZipFile(sys.argv[1], "w") as z:
    for n in sorted(os.listdir(".")): z.write(n)' "$WORK/$2.zip")
  curl -fsS -X POST "$BASE/api/v1/batches" -H "x-api-key: $1" -H 'content-type: application/zip' \
    --data-binary "@$WORK/$2.zip" | json_field status
}
