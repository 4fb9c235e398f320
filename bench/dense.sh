#!/usr/bin/env bash
# Dense-block benchmarks (issue 5), side by side in one run; figures go in docs/dense.md.
# - static peel, log weights, on a 3-million-edge planted-block graph: tianping-dense vs the
#   reference FRAUDAR (PyPI rgmining-fraudar in a virtualenv outside the repo) with peak RSS;
# - incremental inserts on a 10-million-edge stream (90 % initial graph, 10 % inserted one by one).
# D-Cube (kijungs/dcube DCube-2.0.jar, or a build of its sources made outside the repo) is run if
# DCUBE_JAR points to the jar (DCUBE_JAVA_OPTS, e.g. -Xmx4g, go to java). REFERENCE=0 skips the
# reference FRAUDAR run; STREAM_EDGES=0 skips the incremental part.
#   bench/dense.sh     TIANPING_VENV=/tmp/fraudar-venv BENCH_DIR=/tmp/tianping-dense-bench DCUBE_JAR=...
set -euo pipefail
cd "$(dirname "$0")/.."
VENV="${TIANPING_VENV:-/tmp/fraudar-venv}"
WORK="${BENCH_DIR:-/tmp/tianping-dense-bench}"
STATIC_EDGES="${STATIC_EDGES:-3000000}"
STREAM_EDGES="${STREAM_EDGES:-10000000}"
REPEEL_EVERY="${REPEEL_EVERY:-100000}"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}"
mkdir -p "$WORK"
[ -x "$VENV/bin/python" ] || python3 -m venv "$VENV"
"$VENV/bin/python" -c 'import fraudar' 2>/dev/null || "$VENV/bin/pip" install -q 'rgmining-fraudar==0.7.6'
cargo build --release --locked -q -p tianping-dense --example gen_edges --example blocks --example incr_bench
BIN="$CARGO_TARGET_DIR/release/examples"
# Same generator and reference runner as the parity check.
PARITY_DIR="$WORK" SIZES="" bash bench/fraudar_parity.sh >/dev/null
S="$WORK/edges-$STATIC_EDGES.csv"
[ -s "$S" ] || "$BIN/gen_edges" "$STATIC_EDGES" 7 "$S" "$WORK/truth-$STATIC_EDGES.txt"
echo "== static peel, $STATIC_EDGES edges, log weights ($(nproc) cores)"
/usr/bin/time -v "$BIN/blocks" --edges "$S" > "$WORK/ours.json" 2> "$WORK/ours.time"
grep -E "^read" "$WORK/ours.time"; grep -E "Maximum resident|Elapsed" "$WORK/ours.time"
if [ "${REFERENCE:-1}" != 0 ]; then
  /usr/bin/time -v "$VENV/bin/python" "$WORK/reference.py" "$S" fraudar 1 > "$WORK/ref.json" 2> "$WORK/ref.time"
  echo "reference peel $("$VENV/bin/python" -c 'import json,sys; print(round(json.load(open(sys.argv[1]))["seconds"], 2))' "$WORK/ref.json") s"
  grep -E "Maximum resident|Elapsed" "$WORK/ref.time"
  "$VENV/bin/python" "$WORK/compare.py" "$WORK/ours.json" "$WORK/ref.json" "$STATIC_EDGES edges" || true
fi
if [ -n "${DCUBE_JAR:-}" ] && [ -f "$DCUBE_JAR" ]; then
  # D-Cube on the same graph as a 2-way tensor (user, product; measure 1 per edge), its
  # arithmetic average mass ("ari" = mass / (|rows| + |cols|) * 2), policy "density",
  # mass threshold theta = 1, one block -- README/run_single.sh: input output dimension
  # density_measure policy mass_threshold num_of_blocks. Compared with our plain average degree
  # (--metric avg: edges / (|rows| + |cols|)), i.e. half of D-Cube's ari, same graph, same block count.
  echo "== D-Cube (ari) vs ours (avg), $STATIC_EDGES edges"
  /usr/bin/time -v "$BIN/blocks" --edges "$S" --metric avg > "$WORK/ours-avg.json" 2> "$WORK/ours-avg.time"
  grep -E "^(read|peel)" "$WORK/ours-avg.time" || true; grep -E "Maximum resident|Elapsed" "$WORK/ours-avg.time"
  awk -F, '{print substr($1,2)","substr($2,2)",1"}' "$S" > "$WORK/dcube-in.csv"
  rm -rf "$WORK/dcube-out"; mkdir -p "$WORK/dcube-out"
  /usr/bin/time -v java ${DCUBE_JAVA_OPTS:-} -cp "$DCUBE_JAR" dcube.Proposed "$WORK/dcube-in.csv" "$WORK/dcube-out" 2 ari density 1 1 \
    > "$WORK/dcube.log" 2> "$WORK/dcube.time"
  grep -E "^(Preprocess|Volume|Density|Mass|Running time)" "$WORK/dcube.log"
  grep -E "Maximum resident|Elapsed" "$WORK/dcube.time"
  python3 - "$WORK/ours-avg.json" "$WORK/dcube-out/block_1.attributes" "$WORK/dcube.log" <<'PY'
import json, sys
ours = json.load(open(sys.argv[1]))["blocks"][0]
rows, cols = set(), set()
for line in open(sys.argv[2]):
    mode, value = line.strip().split(",")
    (rows if mode == "0" else cols).add(("u" if mode == "0" else "p") + value)
ari = [float(l.split()[1]) for l in open(sys.argv[3]) if l.startswith("Density:")][0]
same = set(ours["rows"]) == rows and set(ours["cols"]) == cols
print(f"ours: {len(ours['rows'])} x {len(ours['cols'])}, avg degree {ours['score']!r} (x2 = {2 * ours['score']!r})")
print(f"D-Cube: {len(rows)} x {len(cols)}, ari {ari!r}")
print(f"same rows: {set(ours['rows']) == rows}, same cols: {set(ours['cols']) == cols}, "
      f"rows in common {len(set(ours['rows']) & rows)}, cols in common {len(set(ours['cols']) & cols)}")
print("blocks agree" if same else "blocks differ")
PY
else
  echo "D-Cube: not run (DCUBE_JAR not set or missing)"
fi
[ "$STREAM_EDGES" -gt 0 ] || exit 0
echo "== incremental, $STREAM_EDGES-edge stream, log weights"
T="$WORK/edges-$STREAM_EDGES.csv"
[ -s "$T" ] || "$BIN/gen_edges" "$STREAM_EDGES" 11 "$T"
/usr/bin/time -v "$BIN/incr_bench" "$T" 0.9 "$REPEEL_EVERY" 2> "$WORK/incr.time"
grep -E "^initial" "$WORK/incr.time"; grep -E "Maximum resident|Elapsed" "$WORK/incr.time"
