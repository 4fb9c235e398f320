#!/usr/bin/env python3
"""Writes the small example batches in examples/batches/ (run from the repository root or here).

The data is invented for the README's quick start: one platform's daily delivery with a few
deliberately bad rows (quarantined, with the reason), and one delivery from the business
registry with a USCC whose check character is wrong (a warning, accepted).
"""
import csv, gzip, hashlib, io, json, os, shutil

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "batches")
CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
W = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]

def uscc(body17):
    s = sum(CHARS.index(c) * w for c, w in zip(body17, W))
    return body17 + CHARS[(31 - s % 31) % 31]

def pid(label):
    return hashlib.sha256(("example:" + label).encode()).hexdigest()

def write_csv(path, header, rows, gz=False):
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(header)
    for r in rows:
        w.writerow(["" if v is None else v for v in r])
    data = buf.getvalue().encode()
    if gz:
        data = gzip.compress(data, mtime=0)
    open(path, "wb").write(data)
    return len(rows)

def write_jsonl(path, rows):
    with open(path, "wb") as f:
        for r in rows:
            f.write((json.dumps(r, ensure_ascii=False) + "\n").encode())
    return len(rows)

def manifest(dirname, batch_id, supplier, files):
    entries = []
    for table, name, fmt, n in files:
        digest = hashlib.sha256(open(os.path.join(dirname, name), "rb").read()).hexdigest()
        entries.append({"table": table, "path": name, "format": fmt, "rows": n, "sha256": digest})
    doc = {"standard": "1", "batch_id": batch_id, "supplier": supplier,
           "generated_at": "2026-03-02T01:00:00+08:00",
           "period": {"from": "2026-03-01T00:00:00+08:00", "to": "2026-03-02T00:00:00+08:00"},
           "files": entries}
    open(os.path.join(dirname, "manifest.json"), "w").write(json.dumps(doc, ensure_ascii=False, indent=2) + "\n")

shutil.rmtree(OUT, ignore_errors=True)
m1, m2, m3 = uscc("91330106MA2B00001"), uscc("91330110MA2B00002"), uscc("92330102MA2B00003")

# Business registry (supplier "registry").
d = os.path.join(OUT, "registry-2026-03-01")
os.makedirs(d)
bad_check = m3[:-1] + ("0" if m3[-1] != "0" else "1")
n = write_csv(os.path.join(d, "registry.csv"),
    ["uscc", "name", "entity_type", "legal_rep_pid", "address", "adcode", "established_on", "status",
     "business_scope", "registered_capital_fen", "annual_report_filed"],
    [[m1, "杭州西湖好物电子商务有限公司", "company", pid("rep1"), "浙江省杭州市西湖区文三路 90 号 3 楼", "330106", "2019-04-12", "active", "日用百货销售", 100000000, "true"],
     [m2, "杭州余杭鲜果贸易有限公司", "company", pid("rep2"), "浙江省杭州市余杭区五常街道 8 号", "330110", "2020-08-01", "abnormal", "食用农产品零售", 50000000, "false"],
     [bad_check, "杭州上城区小李百货店", "individual_business", pid("rep3"), "浙江省杭州市上城区清泰街 12 号", "330102", "2021-01-05", "active", "百货零售", None, "true"]])
manifest(d, "registry-2026-03-01", "registry", [("registry", "registry.csv", "csv", n)])

# A platform's daily delivery (supplier "tmall", an invented example id).
d = os.path.join(OUT, "tmall-2026-03-01-0001")
os.makedirs(d)
files = []
files.append(("platforms", "platforms.jsonl", "jsonl", write_jsonl(os.path.join(d, "platforms.jsonl"), [
    {"platform_id": "tmall", "name": "示例综合电商平台", "operator_uscc": uscc("91330100MA2B00009"),
     "categories": ["sales"], "annual_active_users": 120000000, "market_value_cny": None, "domicile_adcode": "330108"}])))
files.append(("merchants", "merchants.csv", "csv", write_csv(os.path.join(d, "merchants.csv"),
    ["platform_id", "merchant_id", "merchant_type", "uscc", "holder_pid", "name", "shop_name", "address", "adcode",
     "contact_pid", "license_displayed", "opened_on", "closed_on", "annual_turnover_fen"],
    [["tmall", "m1", "company", m1, None, "杭州西湖好物电子商务有限公司", "好物旗舰店", "杭州市西湖区文三路90号", "330106", pid("c1"), "true", "2019-05-01", None, 820000000],
     ["tmall", "m2", "company", m2, None, "杭州余杭鲜果贸易有限公司", "鲜果铺", "杭州余杭区五常街道8号", "330110", pid("c2"), "false", "2020-09-01", None, 150000000],
     ["tmall", "m3", "natural_person", None, pid("p3"), "张某", "小张手作", "杭州市拱墅区", "330105", None, "false", "2022-02-02", None, 9800000],
     # Bad: a raw phone number where a pseudonymous id belongs (quarantined, value masked).
     ["tmall", "m4", "natural_person", None, "13812345678", "王某", "小王杂货", "杭州市滨江区", "330108", None, "false", "2023-03-03", None, 100000]])))
files.append(("listings", "listings.jsonl", "jsonl", write_jsonl(os.path.join(d, "listings.jsonl"), [
    {"platform_id": "tmall", "listing_id": "l1", "merchant_id": "m1", "title": "西湖龙井 明前特级 250g", "description": None,
     "category": "食品/茶叶/绿茶", "product_class": "food", "brand": "好物", "trademark_reg_no": None, "ad_approval_no": None,
     "list_price_fen": 39900, "no_reason_return": True, "created_at": "2026-01-10T10:00:00+08:00", "delisted_at": None},
    {"platform_id": "tmall", "listing_id": "l2", "merchant_id": "m2", "title": "临安山核桃 500g", "category": "食品/坚果",
     "product_class": "food", "list_price_fen": 6800, "no_reason_return": True, "created_at": "2026-02-01T09:30:00+08:00"},
    {"platform_id": "tmall", "listing_id": "l3", "merchant_id": "m3", "title": "手工竹编收纳篮", "category": "家居/收纳",
     "product_class": "custom_made", "list_price_fen": 12900, "no_reason_return": False, "created_at": "2026-02-15T14:00:00+08:00"},
    # Bad: a value outside the closed enumeration.
    {"platform_id": "tmall", "listing_id": "l4", "merchant_id": "m1", "title": "龙井茶礼盒", "category": "食品/茶叶",
     "product_class": "tea", "list_price_fen": 59900, "no_reason_return": True, "created_at": "2026-02-20T08:00:00+08:00"}])))
order_header = ["platform_id", "order_id", "merchant_id", "listing_id", "buyer_pid", "quantity", "unit_price_fen", "paid_fen",
    "ordered_at", "paid_at", "ship_address_pid", "ship_adcode", "device_pid", "ip_pid", "logistics_no", "parcel_weight_g",
    "signed_at", "status", "return_requested_at", "return_reason", "return_outcome", "refunded_at", "invoice_requested", "invoice_issued"]
orders = []
for i in range(1, 9):
    lid, mid, price = [("l1", "m1", 35900), ("l2", "m2", 6800), ("l3", "m3", 12900)][i % 3]
    orders.append(["tmall", f"o{i}", mid, lid, pid(f"b{i % 5}"), 1 + i % 2, price, price * (1 + i % 2),
        f"2026-03-01T{8 + i:02d}:15:00+08:00", f"2026-03-01T{8 + i:02d}:16:00+08:00", pid(f"addr{i % 4}"), "330106",
        pid(f"dev{i}"), pid(f"ip{i}"), f"SF{1000 + i}", 300 + 10 * i, None, "shipped", None, None, None, None, "false", "false"])
# Bad: quantity 0 (the standard requires ≥ 1), and a time without an offset.
orders.append(["tmall", "o9", "m1", "l1", pid("b9"), 0, 35900, 0, "2026-03-01T21:00:00+08:00", None, None, None, None, None, None, None, None, "paid", None, None, None, None, "false", "false"])
orders.append(["tmall", "o10", "m1", "l1", pid("b9"), 1, 35900, 35900, "2026-03-01 21:30:00", None, None, None, None, None, None, None, None, "paid", None, None, None, None, "false", "false"])
files.append(("orders", "orders.csv.gz", "csv", write_csv(os.path.join(d, "orders.csv.gz"), order_header, orders, gz=True)))
obs = []
for i, (page, shown, ref, kind) in enumerate([("search", 35900, 39900, "previous_price"), ("detail", 35900, 39900, "previous_price"),
                                             ("checkout", 35900, None, None), ("home", 6800, 9800, "unspecified")]):
    obs.append(["tmall", "l1" if i < 3 else "l2", f"2026-03-01T1{i}:00:00+08:00", page, shown, ref, kind, "discount" if ref else "none",
                "限时折扣 仅限今日" if ref else None, shown, pid(f"v{i}"), "returning", 3, "ios", "330106", "platform_log"])
files.append(("price_observations", "price_observations.csv", "csv", write_csv(os.path.join(d, "price_observations.csv"),
    ["platform_id", "listing_id", "observed_at", "page", "displayed_price_fen", "reference_price_fen", "reference_kind", "promo_kind",
     "promo_label", "payable_price_fen", "viewer_pid", "viewer_segment", "viewer_orders_90d", "device", "viewer_adcode", "source"], obs)))
manifest(d, "tmall-2026-03-01-0001", "tmall", files)
print("wrote", OUT)
