#!/usr/bin/env python3
"""Ingest benchmark: tianping's validated ingest of an `orders` CSV vs DuckDB converting the same
file to Parquet, alternating runs in one process, with wall time and peak memory of each run taken
from the kernel's accounting of the child (os.wait4). Prints a Markdown table.

Usage: ingest_vs_duckdb.py TIANPING_BIN BATCH_DIR WORK_DIR RUNS
"""
import json, os, shutil, statistics, subprocess, sys, time

tianping, batch, work, runs = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
csv_path = os.path.join(batch, "orders.csv")
rows = json.load(open(os.path.join(batch, "manifest.json")))["files"][0]["rows"]
size = os.path.getsize(csv_path)
duck_script = (
    "import duckdb, sys\n"
    "duckdb.sql(f\"COPY (SELECT * FROM read_csv('{sys.argv[1]}')) TO '{sys.argv[2]}' (FORMAT parquet, COMPRESSION snappy)\")\n"
)

def run(cmd, stdout=subprocess.DEVNULL):
    start = time.monotonic()
    proc = subprocess.Popen(cmd, stdout=stdout, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.monotonic() - start
    err = proc.stderr.read().decode(errors="replace")
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"{cmd[0]} failed: {err}")
    return wall, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime

results = {"tianping": [], "duckdb": []}
for i in range(runs):
    home = os.path.join(work, "home")
    shutil.rmtree(home, ignore_errors=True)
    out = open(os.path.join(work, "receipt.json"), "w")
    results["tianping"].append(run([tianping, "--home", home, "--json", "ingest", batch], stdout=out))
    out.close()
    receipt = json.load(open(os.path.join(work, "receipt.json")))
    assert receipt["status"] == "accepted" and receipt["accepted"] + receipt["quarantined"] == rows, receipt
    target = os.path.join(work, "duck.parquet")
    if os.path.exists(target):
        os.remove(target)
    results["duckdb"].append(run([sys.executable, "-c", duck_script, csv_path, target]))

lake = sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(os.path.join(work, "home", "lake")) for f in fs)
duck = os.path.getsize(os.path.join(work, "duck.parquet"))
med = {k: [statistics.median(x[j] for x in v) for j in range(3)] for k, v in results.items()}
print(f"input: {rows:,} rows, {size / 1e6:,.0f} MB CSV; runs: {runs} each, alternating; medians")
print()
print("| | wall s | rows/s | MB/s | CPU s | peak RSS MiB | Parquet MB |")
print("|---|---:|---:|---:|---:|---:|---:|")
for name, parquet in (("tianping ingest (validated)", lake), ("DuckDB CSV → Parquet", duck)):
    key = "tianping" if name.startswith("tianping") else "duckdb"
    wall, rss, cpu = med[key]
    print(f"| {name} | {wall:.2f} | {rows / wall:,.0f} | {size / 1e6 / wall:,.0f} | {cpu:.2f} | {rss:,.0f} | {parquet / 1e6:,.0f} |")
print()
print(f"speed ratio tianping/DuckDB (DuckDB wall / tianping wall): {med['duckdb'][0] / med['tianping'][0]:.2f}x")
print("all runs (wall s, peak MiB):", {k: [(round(w, 2), round(r)) for w, r, _ in v] for k, v in results.items()})
