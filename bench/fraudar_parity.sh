#!/usr/bin/env bash
# Parity of tianping-dense's FRAUDAR with the reference (PyPI `rgmining-fraudar`, the authors' code,
# installed here into a virtualenv outside the repository, never committed): on planted-block graphs
# with camouflage of 1e4, 1e5 and 1e6 edges, for the three metrics (and 3 successive blocks on the
# two smaller graphs), both must return the same row and column sets and scores within 1e-9.
# Exits nonzero on any mismatch.
#   bench/fraudar_parity.sh      TIANPING_VENV=/tmp/fraudar-venv PARITY_DIR=/tmp/fraudar-parity SIZES="10000 100000 1000000"
#
# NumPy ≥ 2 computes np.log with its own AVX-512 code when the CPU has it; that differs from the C
# library's log (which Rust's f64::ln calls) by one ulp for some arguments (166 of the integers
# 5..3e6 on our machines), which changes column weights. We switch those NumPy kernels off with
# NPY_DISABLE_CPU_FEATURES so both sides use the same log; the peeling code is unaffected.
set -euo pipefail
cd "$(dirname "$0")/.."
VENV="${TIANPING_VENV:-/tmp/fraudar-venv}"
WORK="${PARITY_DIR:-/tmp/fraudar-parity}"
SIZES="${SIZES:-10000 100000 1000000}"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}"
mkdir -p "$WORK"
[ -x "$VENV/bin/python" ] || python3 -m venv "$VENV"
"$VENV/bin/python" -c 'import fraudar' 2>/dev/null || "$VENV/bin/pip" install -q 'rgmining-fraudar==0.7.6'
cargo build --release --locked -q -p tianping-dense --example gen_edges --example blocks
BIN="$CARGO_TARGET_DIR/release/examples"
if "$VENV/bin/python" -c 'import numpy, sys; sys.exit(0 if "X86_V4" in numpy._core._multiarray_umath.__cpu_features__ and numpy._core._multiarray_umath.__cpu_features__["X86_V4"] else 1)' 2>/dev/null; then
  export NPY_DISABLE_CPU_FEATURES="X86_V4 AVX512_ICL AVX512_SPR"
fi

cat > "$WORK/reference.py" <<'PY'
import contextlib, io, json, sys, time
import numpy as np
from scipy import sparse
from fraudar.export import greedy

path, metric, k = sys.argv[1], sys.argv[2], int(sys.argv[3])
rows, cols, ri, ci = {}, {}, [], []
with open(path) as f:
    for line in f:
        a, b = line.rstrip("\n").split(",")[:2]
        ri.append(rows.setdefault(a, len(rows)))
        ci.append(cols.setdefault(b, len(cols)))
M = sparse.csr_matrix((np.ones(len(ri), dtype=int), (ri, ci)), shape=(len(rows), len(cols)))
M.data[:] = 1  # a 0/1 matrix, as the reference's own reader makes
M.sort_indices()

def sqrt_weighted(M):
    # greedy.sqrtWeightedAveDegree fails on NumPy 2 (its weights stay a 1×n matrix); this is that
    # function with the weights squeezed as logWeightedAveDegree does, then the same peel.
    n = M.shape[1]
    w = np.squeeze(np.array(1.0 / np.sqrt(np.squeeze(M.sum(axis=0)) + 5)))
    d = sparse.lil_matrix((n, n)); d.setdiag(w)
    return greedy.fastGreedyDecreasing(M * d, w)

fn = {"fraudar": greedy.logWeightedAveDegree, "avg": greedy.aveDegree, "sqrt": sqrt_weighted}[metric]
rl, cl = list(rows), list(cols)
t = time.perf_counter()
with contextlib.redirect_stdout(io.StringIO()):
    res = greedy.detectMultiple(M, fn, k) if k > 1 else [fn(M)]
t = time.perf_counter() - t
print(json.dumps({"seconds": t, "blocks": [
    {"rows": sorted(rl[i] for i in rs), "cols": sorted(cl[j] for j in cs), "score": float(s)}
    for ((rs, cs), s) in res]}))
PY

cat > "$WORK/compare.py" <<'PY'
import json, sys
ours, ref = json.load(open(sys.argv[1])), json.load(open(sys.argv[2]))
label = sys.argv[3]
ob, rb = ours["blocks"], ref["blocks"]
ok = len(ob) == len(rb)
for i, (o, r) in enumerate(zip(ob, rb)):
    same_rows = sorted(o["rows"]) == r["rows"]
    same_cols = sorted(o["cols"]) == r["cols"]
    diff = abs(o["score"] - r["score"])
    good = same_rows and same_cols and diff <= 1e-9
    ok = ok and good
    print(f"{label} block {i + 1}: {'OK ' if good else 'MISMATCH'} rows {len(o['rows'])}/{len(r['rows'])} "
          f"cols {len(o['cols'])}/{len(r['cols'])} score {o['score']!r} vs {r['score']!r} "
          f"(diff {diff:.1e}{', bit-identical' if o['score'] == r['score'] else ''}); reference {ref['seconds']:.2f} s")
if len(ob) != len(rb):
    print(f"{label}: {len(ob)} blocks vs {len(rb)}")
sys.exit(0 if ok else 1)
PY

fail=0
for n in $SIZES; do
  edges="$WORK/edges-$n.csv"
  [ -s "$edges" ] || "$BIN/gen_edges" "$n" 7 "$edges" "$WORK/truth-$n.txt"
  for metric in fraudar avg sqrt; do
    ks=1; [ "$metric" = fraudar ] && [ "$n" -le 100000 ] && ks="1 3"
    for k in $ks; do
      "$BIN/blocks" --edges "$edges" --metric "$metric" -k "$k" > "$WORK/ours-$n-$metric-$k.json" 2>/dev/null
      "$VENV/bin/python" "$WORK/reference.py" "$edges" "$metric" "$k" > "$WORK/ref-$n-$metric-$k.json"
      "$VENV/bin/python" "$WORK/compare.py" "$WORK/ours-$n-$metric-$k.json" "$WORK/ref-$n-$metric-$k.json" \
        "$n edges, $metric, k=$k" || fail=1
    done
  done
done
if [ "$fail" -ne 0 ]; then echo "FRAUDAR parity: MISMATCH"; exit 1; fi
echo "FRAUDAR parity: all identical"
