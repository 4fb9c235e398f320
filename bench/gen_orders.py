#!/usr/bin/env python3
"""Writes a batch directory with one `orders` CSV of N rows (data standard §3.6) and its manifest.

Usage: gen_orders.py OUT_DIR N [SEED]. Deterministic for a seed. About 1 in 1,000 rows is bad
(quantity 0), so the benchmark exercises the quarantine too.
"""
import hashlib, os, random, sys

out, n = sys.argv[1], int(sys.argv[2])
seed = int(sys.argv[3]) if len(sys.argv) > 3 else 7
rng = random.Random(seed)
os.makedirs(out, exist_ok=True)
pids = [hashlib.sha256(f"p{i}".encode()).hexdigest() for i in range(200_000)]
header = ("platform_id,order_id,merchant_id,listing_id,buyer_pid,quantity,unit_price_fen,paid_fen,ordered_at,paid_at,"
          "ship_address_pid,ship_adcode,device_pid,ip_pid,logistics_no,parcel_weight_g,signed_at,status,"
          "return_requested_at,return_reason,return_outcome,refunded_at,invoice_requested,invoice_issued\n")
statuses = ["paid", "shipped", "signed", "completed", "completed", "completed", "refunded"]
adcodes = ["330102", "330105", "330106", "330108", "330109", "330110", "330111", "330112", "330113", "330114"]
bad = 0
digest = hashlib.sha256()
path = os.path.join(out, "orders.csv")
with open(path, "wb") as f:
    chunk = [header]
    for i in range(n):
        q = rng.randint(1, 3)
        if i % 1000 == 999:
            q, bad = 0, bad + 1
        price = rng.randint(100, 99_900)
        day, hour, minute, sec = 1 + i % 28, rng.randint(0, 23), rng.randint(0, 59), rng.randint(0, 59)
        ts = f"2026-03-{day:02d}T{hour:02d}:{minute:02d}:{sec:02d}+08:00"
        status = statuses[i % 7]
        signed = f"2026-03-{day:02d}T23:{minute:02d}:00+08:00" if status in ("signed", "completed") else ""
        ret = ("", "", "", "")
        if status == "refunded":
            ret = (f"2026-03-{day:02d}T22:00:00+08:00", "no_reason", "approved", f"2026-03-{day:02d}T23:30:00+08:00")
        chunk.append(
            f"shop,o{i},m{i % 50_000},l{i % 400_000},{pids[rng.randrange(200_000)]},{q},{price},{price * q},{ts},{ts},"
            f"{pids[i % 150_000]},{adcodes[i % 10]},{pids[(i * 7) % 200_000]},{pids[(i * 13) % 200_000]},SF{i:012d},"
            f"{rng.randint(50, 5000)},{signed},{status},{ret[0]},{ret[1]},{ret[2]},{ret[3]},"
            f"{'true' if i % 5 == 0 else 'false'},{'true' if i % 10 == 0 else 'false'}\n")
        if len(chunk) >= 20_000:
            data = "".join(chunk).encode()
            digest.update(data)
            f.write(data)
            chunk = []
    data = "".join(chunk).encode()
    digest.update(data)
    f.write(data)
manifest = ('{"standard": "1", "batch_id": "bench-%d", "supplier": "shop", "generated_at": "2026-04-01T01:00:00+08:00", '
            '"period": {"from": "2026-03-01T00:00:00+08:00", "to": "2026-04-01T00:00:00+08:00"}, '
            '"files": [{"table": "orders", "path": "orders.csv", "format": "csv", "rows": %d, "sha256": "%s"}]}\n'
            % (n, n, digest.hexdigest()))
open(os.path.join(out, "manifest.json"), "w").write(manifest)
print(f"{path}: {n} rows ({bad} bad), {os.path.getsize(path)} bytes")
