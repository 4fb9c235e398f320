#!/usr/bin/env bash
# 地址解析基准：本项目 (tianping-address) 与 cpca、jionlp 同机对比。
# Address benchmark: ours (release build of the `normalize` example) side by side with cpca and
# jionlp from PyPI, installed into a venv outside the repo (never committed).
#
#   bash bench/address.sh            # writes the tables to stdout
#   bash bench/address.sh --only-unseen   # just the unseen sample (--skip-throughput: no timing)
#
# Env: ADDRESS_VENV (default /tmp/address-venv), CARGO_TARGET_DIR (default /work/target-address),
#      SHARED_DATA (default ../shared/data next to the repo).
set -euo pipefail
cd "$(dirname "$0")/.."
VENV="${ADDRESS_VENV:-/tmp/address-venv}"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-/work/target-address}"
if [ ! -x "$VENV/bin/python" ]; then
  python3 -m venv "$VENV"
fi
"$VENV/bin/python" -c 'import cpca, jionlp' 2>/dev/null || "$VENV/bin/pip" install -q cpca jionlp
cargo build --release -p tianping-address --example normalize -j 1
BIN="$CARGO_TARGET_DIR/release/examples/normalize"
"$VENV/bin/python" -W ignore bench/address.py --ours "$BIN" --shared "${SHARED_DATA:-$(pwd)/../shared/data}" "$@"
