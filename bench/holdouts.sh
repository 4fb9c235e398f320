#!/usr/bin/env bash
# The held-out measurement: simulate the small city with every held-out set, ingest every batch,
# detect as of 2026-12-20, and score each set and the whole city against the truth labels.
#
#   bench/holdouts.sh [BIN] [DIR]
#
# BIN defaults to target/debug/tianping (build it first: cargo build --bin tianping); DIR to a
# fresh temporary directory. Writes DIR/eval.txt (per set, per rule TP/FP/FN), DIR/eval-all.txt
# (every label of the city) and prints the totals per set (sums of the per-rule rows).
# A finding on a subject no set labels counts as a false alarm in every set's table, unless it is
# on a platform only other sets plant on (then it is theirs).
set -euo pipefail
BIN=${1:-target/debug/tianping}
DIR=${2:-$(mktemp -d)}
SETS="holdout holdout2 holdout3 holdout4 holdout5 holdout6 holdout7 holdout8 holdout9 holdout10 holdout11 holdout12"
mkdir -p "$DIR"
"$BIN" simulate --out "$DIR/city" --scale small --seed 7 --holdout > "$DIR/sim.log" 2>&1
for s in "$DIR"/city/*/; do
  "$BIN" --home "$DIR/home" ingest "$s" > /dev/null 2>&1 || echo "ingest failed: $s" >&2
done
"$BIN" --home "$DIR/home" detect --as-of 2026-12-20T00:00:00+08:00 \
  --config "$DIR/city/detect.toml" > "$DIR/detect.log" 2>&1
for h in $SETS; do
  echo "## $h"
  "$BIN" --home "$DIR/home" --lang en eval --truth "$DIR/city/truth.jsonl" --holdout "$h" 2>&1 || true
done > "$DIR/eval.txt"
"$BIN" --home "$DIR/home" --lang en eval --truth "$DIR/city/truth.jsonl" > "$DIR/eval-all.txt" 2>&1 || true
totals() {
  awk -F'┆' -v set="$1" '/^│ [a-z_]+\./ { tp += $2; fp += $3; fn += $4 }
    END { printf "%-10s TP %4d  FP %3d  FN %3d  P %.3f  R %.3f\n", set, tp, fp, fn,
          tp / ((tp + fp) ? tp + fp : 1), tp / ((tp + fn) ? tp + fn : 1) }'
}
for h in $SETS; do
  awk -v h="## $h" '$0 == h { on = 1; next } /^## / { on = 0 } on' "$DIR/eval.txt" | totals "$h"
done
totals city < "$DIR/eval-all.txt"
echo "results in $DIR"
