#!/usr/bin/env python3
"""生成 crates/address/data/divisions.tsv（统一地址库的区划表），由 build 时 include_str! 嵌入。

Generates the embedded division table from the third-party data in shared/data:

  cn-admin-divisions-nbs/{provinces,cities,areas,streets}.csv   (WTFPL)   current divisions, 4 levels
  cn-admin-division-changes/china_location_change.txt           (Apache-2.0) old name => new name
  cpca-adcodes-and-addresses/adcodes.csv                         (MIT)     older adcode vintage: legacy names

plus the facts below that the change list lacks (Hangzhou's 2021 reform and a few older merges).

Usage: python3 crates/address/data/build.py [path/to/shared/data]   (run from the repo root)
Output is deterministic (sorted); re-running it on the same input gives the same bytes.
"""
import csv
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "..", "..", "..", "..", "shared", "data")
NBS = os.path.join(DATA, "cn-admin-divisions-nbs")
CHANGES = os.path.join(DATA, "cn-admin-division-changes", "china_location_change.txt")
CPCA = os.path.join(DATA, "cpca-adcodes-and-addresses", "adcodes.csv")

# Legacy county-level names whose successor the change list does not give, with the source of the fact.
# name -> (old 6-digit code, successor codes, note)
MANUAL = {
    # 国务院 2021-03 批复、浙江省人民政府 2021-04-09 公布的杭州市部分行政区划调整
    "下城区": ("330103", ["330105"], "2021年下城区并入拱墅区"),
    "江干区": ("330104", ["330102", "330114"], "2021年江干区分属上城区、钱塘区，需按街道判定"),
    # 国务院 2015-10 批复：闸北区、静安区合并为新静安区
    "闸北区": ("310108", ["310106"], "2015年闸北区并入静安区"),
    # 国务院 2011-06 批复：卢湾区并入黄浦区
    "卢湾区": ("310103", ["310101"], "2011年卢湾区并入黄浦区"),
    # 国务院 2009-10 批复：撤销塘沽区、汉沽区、大港区，设立滨海新区
    "塘沽区": ("120107", ["120116"], "2009年塘沽区并入滨海新区"),
    "汉沽区": ("120108", ["120116"], "2009年汉沽区并入滨海新区"),
    "大港区": ("120109", ["120116"], "2009年大港区并入滨海新区"),
    # 国务院 2019-01 批复：撤销莱芜市，设济南市莱芜区、钢城区
    "莱芜市": ("371200", ["370116"], "2019年莱芜市撤销，并入济南市（莱芜区）"),
}

# Counties that lost streets to a new neighbour in a reform: a street written after the old county
# is looked up in the successor too (杭州 2021: 萧山区的5个街道划入钱塘区，余杭区东部设临平区).
SCOPE = [("330109", "330114"), ("330110", "330113")]


def read(name):
    with open(os.path.join(NBS, name), encoding="utf-8") as f:
        return list(csv.DictReader(f))


def main():
    provinces = read("provinces.csv")
    cities = read("cities.csv")
    areas = read("areas.csv")
    streets = read("streets.csv")

    out = []
    names = {}  # (level, name) -> [codes]
    for r in provinces:
        out.append(("D", r["code"], r["name"]))
    for r in cities:
        out.append(("D", r["code"], r["name"]))
    for r in areas:
        out.append(("D", r["code"], r["name"]))
        names.setdefault(r["name"], []).append(r["code"])
    for r in streets:
        out.append(("D", r["code"], r["name"]))
    prov_by_name = {r["name"]: r["code"] for r in provinces}
    city_by_name = {}
    for r in cities:
        city_by_name.setdefault((r["provinceCode"], r["name"]), r["code"])
    area_by_name = {}
    for r in areas:
        area_by_name.setdefault((r["cityCode"], r["name"]), r["code"])
        area_by_name.setdefault((r["provinceCode"], r["name"]), r["code"])
    area_name = {r["code"]: r["name"] for r in areas}
    current_city_names = {r["name"] for r in cities}
    current_area_names = {r["name"] for r in areas}

    aliases = {}  # old name -> (set of codes, note)

    def alias(old, codes, note):
        cur = aliases.setdefault(old, (set(), note))
        cur[0].update(codes)

    # 1. the change list (JioNLP, Apache-2.0)
    with open(CHANGES, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if "=>" not in line:
                continue
            left, right = line.split("=>")
            lp = left.split("\t")
            rp = right.split("\t")
            date = lp[0]
            old_city = lp[4] if len(lp) > 4 else None
            old_county = lp[6] if len(lp) > 6 else None
            new_prov, new_city = rp[0], rp[1] if len(rp) > 1 else None
            new_county = rp[2] if len(rp) > 2 else None
            pcode = prov_by_name.get(new_prov)
            if pcode is None or new_city is None:
                continue
            ccode = city_by_name.get((pcode, new_city))
            if ccode is None:
                continue
            year = date[:4]
            if new_county:
                acode = area_by_name.get((ccode, new_county))
                if acode is None:
                    continue
                if old_county and old_county != new_county and old_county not in current_area_names:
                    alias(old_county, [acode], f"{year}年{old_county}更名/调整为{new_city}{new_county}")
                if old_city and old_city != new_city and old_city not in current_city_names:
                    alias(old_city, [ccode], f"{year}年{old_city}调整为{new_city}")
            elif old_city and old_city != new_city and old_city not in current_city_names:
                alias(old_city, [ccode], f"{year}年{old_city}更名为{new_city}")

    # 2. manual facts
    for old, (code, succ, note) in MANUAL.items():
        aliases[old] = (set(succ), note)

    # 3. older adcode vintage (cpca, MIT): a county name no longer current, whose short form names a
    #    current county in the same city (临安市 -> 临安区, 富阳市 -> 富阳区, 清苑县 -> 清苑区).
    unresolved = []
    with open(CPCA, encoding="utf-8") as f:
        for r in csv.DictReader(f):
            code, name = r["adcode"][:6], r["name"]
            if code.endswith("00") or name == "市辖区" or name in current_area_names or name in aliases:
                continue
            stem = name[:-1] if len(name) >= 3 else None
            found = None
            if stem:
                for suffix in ("区", "市", "县"):
                    cand = area_by_name.get((code[:4], stem + suffix))
                    if cand:
                        found = cand
                        break
            if found:
                alias(name, [found], f"{name}已改为{area_name[found]}")
            else:
                unresolved.append(f"{code} {name}")

    lines = [
        "# 统一地址库区划表 — generated by crates/address/data/build.py; do not edit by hand.",
        "# D<TAB>code<TAB>name: NBS 统计用区划代码 (2 = province, 4 = city, 6 = county, 9 = township).",
        "# A<TAB>old name<TAB>current codes<TAB>note: renamed / abolished divisions.",
        "# S<TAB>county<TAB>county: streets written after the first may now belong to the second.",
    ]
    for kind, code, name in out:
        lines.append(f"{kind}\t{code}\t{name}")
    for old in sorted(aliases):
        codes, note = aliases[old]
        lines.append(f"A\t{old}\t{','.join(sorted(codes))}\t{note}")
    for a, b in SCOPE:
        lines.append(f"S\t{a}\t{b}")
    with open(os.path.join(HERE, "divisions.tsv"), "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    print(f"divisions: {len(out)}, aliases: {len(aliases)}, unresolved legacy names: {len(unresolved)}",
          file=sys.stderr)
    for u in unresolved:
        print("  unresolved:", u, file=sys.stderr)


if __name__ == "__main__":
    main()
