#!/usr/bin/env python3
"""Draw the unseen sample of cpca's addr.csv (MIT) for the accuracy measurement.

Rows of the earlier development sample (random.Random(20240607).sample(range(18367), 300), see
cpca_addr_sample.tsv) are excluded, empty rows skipped, then each set is drawn with a seed fixed
before any result was seen, excluding the sets before it. Writes the set's TSV with empty label
columns, to be labelled by hand (README.md states the rules) before the parser is run on it.

    python3 crates/address/tests/data/make_unseen_sample.py ../shared/data/cpca-adcodes-and-addresses/addr.csv 1
    python3 crates/address/tests/data/make_unseen_sample.py ../shared/data/cpca-adcodes-and-addresses/addr.csv 2
"""
import csv
import os
import random
import sys

# set → (seed, size, output); each set excludes the development sample and the sets before it.
SETS = {
    1: (20261130, 200, "unseen_sample.tsv"),
    # drawn after the first set's errors had been read and one fix made from them
    2: (20261201, 150, "unseen_sample2.tsv"),
}


def main():
    path = sys.argv[1]
    want = int(sys.argv[2]) if len(sys.argv) > 2 else 1
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))[1:]
    taken = set(random.Random(20240607).sample(range(len(rows)), 300))
    for k in sorted(SETS):
        seed, n, name = SETS[k]
        pool = [i for i in range(len(rows)) if i not in taken and rows[i] and rows[i][0].strip()]
        pick = sorted(random.Random(seed).sample(pool, n))
        taken.update(pick)
        if k != want:
            continue
        out = os.path.join(os.path.dirname(os.path.abspath(__file__)), name)
        with open(out, "w", encoding="utf-8") as f:
            f.write("row\taddress\tprovince\tcity\tdistrict\troad\tnumber\n")
            for i in pick:
                text = " ".join(rows[i][0].split())
                f.write(f"{i}\t{text}\t\t\t\t\t\n")


if __name__ == "__main__":
    main()
