#!/usr/bin/env bash
# The city-scale simulator and its ingest, timed with peak memory: `--scale city` (≈ 50,000
# merchants, 10 million orders, 5 million price observations, 1 million reviews), then every batch
# ingested into a fresh home. Figures go to docs/benchmarks.md by hand.
#   bench/city.sh            OUT=/tmp/city HOME_DIR=/tmp/cityhome SEED=7
set -euo pipefail
cd "$(dirname "$0")/.."
OUT="${OUT:-/tmp/city}"
HOME_DIR="${HOME_DIR:-/tmp/cityhome}"
SEED="${SEED:-7}"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}"
cargo build --release --locked -q -p tianping-cli
BIN="$CARGO_TARGET_DIR/release/tianping"
rm -rf "$OUT" "$HOME_DIR"
echo "== simulate --scale city --seed $SEED"
/usr/bin/time -f "wall %e s, peak RSS %M KB" "$BIN" simulate --out "$OUT" --scale city --seed "$SEED" 2>&1 | tail -n 3
du -sh "$OUT"
echo "== ingest"
for s in "$OUT"/*/; do
  /usr/bin/time -f "$(basename "$s"): wall %e s, peak RSS %M KB" "$BIN" --home "$HOME_DIR" --json ingest "$s" \
    | python3 -c 'import json,sys; r=json.load(sys.stdin); print(r["status"], "accepted", r["accepted"], "quarantined", r["quarantined"])'
done
