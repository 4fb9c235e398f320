#!/usr/bin/env bash
# The pricing detectors over the city against the scan floor (issue 4), and what the declared
# reductions save there (issue 11), for two release binaries of the same data (a base and a
# candidate): findings must be byte-identical, only the times may move.
#
#   bench/city_pricing.sh BASE_BIN NEW_BIN [WORK]
#
# WORK (default /work/city) gets data/ (`simulate --scale city --seed 7`, ≈ 3.5 GB), home/ (every
# supplier ingested, made once with BASE_BIN), small/ (`--scale small --seed 7 --holdout`, one
# home per binary) and runs/ (each run's `detect` table, `/usr/bin/time -v` output and load).
# Each timed run is repeated (REPEAT, default 2), the binaries alternating; report the minimum and
# the load average printed beside each run. Exits 1 if any pair of findings files differs.
set -euo pipefail
BASE=$1
NEW=$2
WORK=${3:-/work/city}
REPEAT=${REPEAT:-2}
AS_OF=2026-12-20T00:00:00+08:00
mkdir -p "$WORK/runs"
if [ ! -d "$WORK/home" ]; then
  rm -rf "$WORK/data"
  /usr/bin/time -f "simulate: wall %e s, peak RSS %M KB" \
    "$BASE" simulate --out "$WORK/data" --scale city --seed 7 > "$WORK/runs/simulate.log"
  for s in "$WORK"/data/*/; do
    /usr/bin/time -f "$(basename "$s"): wall %e s, peak RSS %M KB" \
      "$BASE" --home "$WORK/home" ingest "$s" > /dev/null
  done
fi
# One timed detect: label, binary, then extra arguments.
timed() {
  local label=$1 bin=$2
  shift 2
  local r="$WORK/runs/$label"
  echo "== $label  start $(date -u +%H:%M:%S)  load $(cut -d' ' -f1-3 /proc/loadavg)"
  /usr/bin/time -v "$bin" --home "$WORK/home" detect --as-of "$AS_OF" \
    --config "$WORK/data/detect.toml" --force "$@" > "$r.out" 2> "$r.time"
  cat "$r.out"
  grep -E "Elapsed|Maximum resident" "$r.time"
}
PRICING=(--detector price_fraud --detector price_discrimination --detector below_cost)
for i in $(seq 1 "$REPEAT"); do
  timed "base-$i" "$BASE" "${PRICING[@]}" --out "$WORK/runs/base-$i.jsonl"
  timed "new-$i" "$NEW" "${PRICING[@]}" --out "$WORK/runs/new-$i.jsonl"
done
REDUCED=(--detector price_fraud --detector price_discrimination --detector exclusive_dealing)
for i in $(seq 1 "$REPEAT"); do
  timed "reduced-$i" "$NEW" "${REDUCED[@]}" --out "$WORK/runs/reduced-$i.jsonl"
  timed "no-reduce-$i" "$NEW" "${REDUCED[@]}" --no-reduce --out "$WORK/runs/no-reduce-$i.jsonl"
done
status=0
same() {
  if cmp "$1" "$2"; then echo "identical: $1 $2"; else status=1; fi
}
for i in $(seq 1 "$REPEAT"); do
  same "$WORK/runs/base-1.jsonl" "$WORK/runs/new-$i.jsonl"
  same "$WORK/runs/base-1.jsonl" "$WORK/runs/base-$i.jsonl"
  same "$WORK/runs/reduced-1.jsonl" "$WORK/runs/no-reduce-$i.jsonl"
done
# The small city with every held-out set: every detector, each binary on its own home.
if [ ! -d "$WORK/small/data" ]; then
  "$BASE" simulate --out "$WORK/small/data" --scale small --seed 7 --holdout > /dev/null
fi
for side in base new; do
  bin=$BASE
  [ "$side" = new ] && bin=$NEW
  rm -rf "$WORK/small/home-$side"
  for s in "$WORK"/small/data/*/; do
    "$bin" --home "$WORK/small/home-$side" ingest "$s" > /dev/null
  done
  "$bin" --home "$WORK/small/home-$side" detect --as-of "$AS_OF" \
    --config "$WORK/small/data/detect.toml" --out "$WORK/small/$side.jsonl" > "$WORK/small/$side.log"
done
same "$WORK/small/base.jsonl" "$WORK/small/new.jsonl"
exit $status
