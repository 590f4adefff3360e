#!/usr/bin/env python3
"""Write a Latin-hypercube design.csv for `urbansim evaluate`, with the Python standard library only.

Each --column NAME=MIN:MAX is a lever name (as in a scenario's "levers" block, e.g. funding_per_head_gbp) or a
parameter path (e.g. health.walking_relative_risk); the design varies it uniformly over [MIN, MAX]. The rows are a
Latin hypercube: each column's range is cut into --rows equal strata and every stratum is used exactly once, with the
strata of the columns paired at random. The same --seed gives the same file.

    python3 examples/python/design_from_sampler.py --rows 64 --seed 1 \\
        --column funding_per_head_gbp=100:400 --column health.walking_relative_risk=0.83:0.96 --out design.csv
    urbansim evaluate scenarios/reference.json --design design.csv --out out/design

With SALib installed, its samplers do the same job (README, 'Driving UrbanSim from SALib or EMA Workbench'); this
script is for machines without it, and is what the tests run.
"""
import argparse
import csv
import random
import sys


def parse_column(text):
    """NAME=MIN:MAX -> (name, min, max); raises ValueError with a plain message."""
    name, sep, bounds = text.partition("=")
    low, sep2, high = bounds.partition(":")
    if not sep or not sep2 or not name.strip():
        raise ValueError(f"--column {text!r}: write NAME=MIN:MAX, e.g. funding_per_head_gbp=100:400")
    try:
        low_value, high_value = float(low), float(high)
    except ValueError:
        raise ValueError(f"--column {text!r}: MIN and MAX must be numbers") from None
    if not low_value <= high_value:
        raise ValueError(f"--column {text!r}: MIN must not exceed MAX")
    return name.strip(), low_value, high_value


def latin_hypercube(rows, columns, rng):
    """rows x len(columns) values: column j's strata (one per row) in a random order, a uniform point in each."""
    design = [[0.0] * len(columns) for _ in range(rows)]
    for j, (_, low, high) in enumerate(columns):
        strata = list(range(rows))
        rng.shuffle(strata)
        for i, stratum in enumerate(strata):
            u = (stratum + rng.random()) / rows
            design[i][j] = low + u * (high - low)
    return design


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--column", action="append", required=True, metavar="NAME=MIN:MAX",
                        help="a lever name or parameter path and its range; repeat for each column")
    parser.add_argument("--rows", type=int, default=64, help="design rows (default 64)")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    parser.add_argument("--out", default="design.csv", help="file to write (default design.csv)")
    args = parser.parse_args(argv)
    try:
        columns = [parse_column(c) for c in args.column]
    except ValueError as e:
        print(f"design_from_sampler.py: {e}", file=sys.stderr)
        return 2
    names = [c[0] for c in columns]
    if len(set(names)) != len(names):
        print("design_from_sampler.py: a column is given twice; give each once", file=sys.stderr)
        return 2
    if args.rows < 1:
        print("design_from_sampler.py: --rows must be at least 1", file=sys.stderr)
        return 2
    design = latin_hypercube(args.rows, columns, random.Random(args.seed))
    with open(args.out, "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(names)
        for row in design:
            writer.writerow([repr(v) for v in row])   # repr: the shortest text that reads back to the same double
    print(f"wrote {args.out}: {args.rows} rows x {len(names)} columns ({', '.join(names)})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
