#!/usr/bin/env python3
"""Draw the unseen sample of cpca's addr.csv (MIT) for the accuracy measurement.

Rows of the earlier development sample (random.Random(20240607).sample(range(18367), 300), see
cpca_addr_sample.tsv) are excluded, empty rows skipped, then 200 rows are drawn with a seed fixed
before any result was seen. Writes unseen_sample.tsv with empty label columns, to be labelled by
hand (README.md states the rules) before the parser is run on it.

    python3 crates/address/tests/data/make_unseen_sample.py ../shared/data/cpca-adcodes-and-addresses/addr.csv
"""
import csv
import os
import random
import sys

SEED = 20261130
N = 200


def main():
    path = sys.argv[1]
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))[1:]
    dev = set(random.Random(20240607).sample(range(len(rows)), 300))
    pool = [i for i in range(len(rows)) if i not in dev and rows[i] and rows[i][0].strip()]
    pick = sorted(random.Random(SEED).sample(pool, N))
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "unseen_sample.tsv")
    with open(out, "w", encoding="utf-8") as f:
        f.write("row\taddress\tprovince\tcity\tdistrict\troad\tnumber\n")
        for i in pick:
            text = " ".join(rows[i][0].split())
            f.write(f"{i}\t{text}\t\t\t\t\t\n")


if __name__ == "__main__":
    main()
