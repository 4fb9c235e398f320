#!/usr/bin/env bash
# Scaling of detection on Apache DataFusion Ballista: the same `detect` (every detector, --force)
# over one simulated city, embedded and on a loopback cluster of 1, 2 and 4 executors (each a
# `tianping cluster executor` process with VCORES task slots), wall time and speed-up against
# the embedded engine; the findings of every run are compared byte for byte with the embedded
# run's. Figures go to docs/benchmarks.md by hand.
#   bench/cluster.sh                       SCALE=city (default) WORK=/tmp/tp-cluster-bench
#   SCALE=small PROFILE=debug bench/cluster.sh   (a quick run; label its figures as such)
# Reuses $WORK/home if it already holds the city (delete it to start over).
#   TIANPING_BENCH_BIN=path/to/tianping  uses that binary instead of building one.
set -euo pipefail
cd "$(dirname "$0")/.."
SCALE="${SCALE:-city}"
SEED="${SEED:-7}"
WORK="${WORK:-/tmp/tp-cluster-bench}"
PROFILE="${PROFILE:-release}"
VCORES="${VCORES:-1}"
EXECUTORS="${EXECUTORS:-1 2 4}"
AS_OF="2026-12-20T00:00:00+08:00"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}"
if [ -n "${TIANPING_BENCH_BIN:-}" ]; then
  BIN="$TIANPING_BENCH_BIN"   # a binary built elsewhere (say which build in the figures)
else
  if [ "$PROFILE" = release ]; then
    cargo build -j 1 --release --locked -q -p tianping-cli
  else
    cargo build -j 1 --locked -q -p tianping-cli
  fi
  BIN="$CARGO_TARGET_DIR/$PROFILE/tianping"
fi
mkdir -p "$WORK"
HOME_DIR="$WORK/home-$SCALE"
CITY="$WORK/city-$SCALE"
if [ ! -f "$HOME_DIR/.ingested" ]; then
  rm -rf "$HOME_DIR" "$CITY"
  echo "== simulate --scale $SCALE --seed $SEED, ingest"
  "$BIN" simulate --out "$CITY" --scale "$SCALE" --seed "$SEED" >/dev/null 2>&1
  for s in "$CITY"/*/; do "$BIN" --home "$HOME_DIR" ingest "$s" >/dev/null 2>&1; done
  cp "$CITY/detect.toml" "$HOME_DIR/detect.toml"
  rm -rf "$CITY"   # the lake holds the data now; the delivered files are not needed
  touch "$HOME_DIR/.ingested"
fi
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $PROFILE build"

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
PIDS=()
stop_cluster() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; for p in "${PIDS[@]}"; do wait "$p" 2>/dev/null || true; done; PIDS=(); }
trap stop_cluster EXIT

run_detect() { # label, extra args…
  local label="$1"; shift
  local out="$WORK/findings-$label.jsonl"
  /usr/bin/time -f "%e %M" -o "$WORK/time-$label" \
    "$BIN" --home "$HOME_DIR" detect --as-of "$AS_OF" --config "$HOME_DIR/detect.toml" --force \
    --out "$out" "$@" 2>"$WORK/detect-$label.log"
  read -r wall rss < "$WORK/time-$label"
  echo "$wall $rss"
}

echo "== embedded"
read -r base base_rss < <(run_detect embedded)
printf '%-12s %8s s  driver peak RSS %6d MB  speed-up 1.00\n' embedded "$base" $((base_rss / 1024))

for n in $EXECUTORS; do
  sp=$(free_port)
  "$BIN" cluster scheduler --bind "127.0.0.1:$sp" --min-ready-executors "$n" >"$WORK/scheduler-$n.log" 2>&1 &
  PIDS+=($!)
  for i in $(seq 1 "$n"); do
    "$BIN" cluster executor --scheduler "127.0.0.1:$sp" --bind "127.0.0.1:$(free_port)" \
      --grpc-port "$(free_port)" --vcores "$VCORES" --work-dir "$WORK/exec-$n-$i" \
      >"$WORK/executor-$n-$i.log" 2>&1 &
    PIDS+=($!)
  done
  for _ in $(seq 1 300); do
    curl -fs "http://127.0.0.1:$sp/readyz" >/dev/null 2>&1 && break
    sleep 0.2
  done
  read -r t rss < <(run_detect "cluster-$n" --cluster "df://127.0.0.1:$sp" --partitions $((n * VCORES * 2)))
  if cmp -s "$WORK/findings-embedded.jsonl" "$WORK/findings-cluster-$n.jsonl"; then same=identical; else same=DIFFERENT; fi
  printf '%-12s %8s s  driver peak RSS %6d MB  speed-up %.2f  per executor %.2f  findings %s\n' \
    "$n executor$([ "$n" = 1 ] || echo s)" "$t" $((rss / 1024)) \
    "$(awk -v a="$base" -v b="$t" 'BEGIN{print a/b}')" \
    "$(awk -v a="$base" -v b="$t" -v n="$n" 'BEGIN{print a/b/n}')" "$same"
  stop_cluster
  rm -rf "$WORK"/exec-"$n"-*
done
wc -l < "$WORK/findings-embedded.jsonl" | xargs echo "findings:"
