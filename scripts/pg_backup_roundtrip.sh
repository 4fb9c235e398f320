#!/usr/bin/env bash
# PostgreSQL backup and restore, tested: a store with ingested batches, findings, an evidence
# log and a published head is dumped (`pg_dump -Fc`), restored into a new database
# (`pg_restore`), and then
#   1. every table's content hash (md5 of its rows as text, in a fixed order) is equal, and
#   2. `tianping evidence check` against the head published before the dump passes on the copy,
#   3. `tianping migrate` reports the copy at this binary's versions.
# Needs: TIANPING_TEST_PG_URL (a server where we may create databases), BIN (the tianping binary;
# default target/debug/tianping under CARGO_TARGET_DIR). Creates and drops its own databases.
set -euo pipefail
: "${TIANPING_TEST_PG_URL:?set TIANPING_TEST_PG_URL=postgres://USER@HOST:PORT/DB}"
BIN="${BIN:-${CARGO_TARGET_DIR:-target}/debug/tianping}"
SCALE="${SCALE:-tiny}"
WORK=$(mktemp -d)
SRC="tp_backup_src_$$"
DST="tp_backup_dst_$$"
base="${TIANPING_TEST_PG_URL%/*}"
admin="$TIANPING_TEST_PG_URL"
cleanup() {
  psql "$admin" -qAtc "DROP DATABASE IF EXISTS $SRC" >/dev/null 2>&1 || true
  psql "$admin" -qAtc "DROP DATABASE IF EXISTS $DST" >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT
psql "$admin" -qAtc "CREATE DATABASE $SRC" >/dev/null
psql "$admin" -qAtc "CREATE DATABASE $DST" >/dev/null
export TIANPING_LANG=en

echo "== a store with batches, findings and an evidence log ($SCALE city)"
"$BIN" --home "$WORK/home" --database-url "$base/$SRC" migrate
"$BIN" simulate --out "$WORK/city" --scale "$SCALE" --seed 7 >/dev/null 2>&1
for s in "$WORK"/city/*/; do
  "$BIN" --home "$WORK/home" --database-url "$base/$SRC" ingest "$s" >/dev/null 2>&1
done
"$BIN" --home "$WORK/home" --database-url "$base/$SRC" detect \
  --as-of 2026-12-20T00:00:00+08:00 --config "$WORK/city/detect.toml" 2>/dev/null
"$BIN" --home "$WORK/home" --database-url "$base/$SRC" evidence head > "$WORK/head.jsonl"

echo "== pg_dump -Fc / pg_restore"
start=$(date +%s.%N)
pg_dump -Fc -f "$WORK/store.dump" "$base/$SRC"
mid=$(date +%s.%N)
pg_restore --exit-on-error --no-owner -d "$base/$DST" "$WORK/store.dump"
end=$(date +%s.%N)
awk -v a="$start" -v b="$mid" -v c="$end" -v n="$(stat -c %s "$WORK/store.dump")" \
  'BEGIN { printf "dump %.2f s (%d bytes), restore %.2f s\n", b - a, n, c - b }'

echo "== table content hashes"
hashes() {
  local url="$1"
  for t in $(psql "$url" -qAtc "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1"); do
    printf '%s %s %s\n' "$t" \
      "$(psql "$url" -qAtc "SELECT count(*) FROM \"$t\"")" \
      "$(psql "$url" -qAtc "SELECT coalesce(md5(string_agg(r::text, E'\n' ORDER BY r::text)), '-') FROM \"$t\" r")"
  done
}
hashes "$base/$SRC" > "$WORK/src.hashes"
hashes "$base/$DST" > "$WORK/dst.hashes"
cat "$WORK/src.hashes"
if ! diff -u "$WORK/src.hashes" "$WORK/dst.hashes"; then
  echo "FAIL: restored tables differ"; exit 1
fi
tables=$(wc -l < "$WORK/src.hashes")
rows=$(awk '{s += $2} END {print s}' "$WORK/src.hashes")
[ "$tables" -ge 10 ] && [ "$rows" -gt 0 ] || { echo "FAIL: too little to compare ($tables tables, $rows rows)"; exit 1; }

echo "== the restored evidence log verifies against the head published before the dump"
"$BIN" --home "$WORK/home" --database-url "$base/$DST" evidence check --head "$WORK/head.jsonl"
"$BIN" --home "$WORK/home" --database-url "$base/$DST" migrate
echo "OK: $tables tables, $rows rows equal after restore; evidence check passed"
