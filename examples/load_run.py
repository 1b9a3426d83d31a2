#!/usr/bin/env python3
"""Load a chipsim run folder with pandas (and DuckDB when it is installed) and reproduce three headline
numbers of summary.json from the per-trial file: the mean of incremental revenue, P(delivered by the
deadline) and the median ROI. Exits 1 when a number does not match, 2 on a bad argument.

    chipsim run scenarios/base.yaml --trials 20000 --out runs/base --format csv --format parquet
    python3 examples/load_run.py runs/base

Read trials.csv with float_precision="round_trip": pandas' default float parser can differ from the
written value in the last bit; with it every number reads back exactly as chipsim wrote it.
"""
import json
import os
import sys

import pandas as pd

# Sums taken in a different order (pandas, DuckDB, chipsim) agree to about 1e-15 relative; percentiles of the
# same values agree exactly, but allow the same slack.
RELATIVE_TOLERANCE = 1e-12


def close(a, b):
    return abs(a - b) <= RELATIVE_TOLERANCE * max(1.0, abs(a), abs(b))


def main(argv):
    if len(argv) != 2 or not os.path.isdir(argv[1]):
        print("usage: load_run.py RUN_FOLDER (a folder written by chipsim run --out, with summary.json and trials.csv)", file=sys.stderr)
        return 2
    folder = argv[1]
    with open(os.path.join(folder, "summary.json"), encoding="utf-8") as f:
        summary = json.load(f)
    metrics = summary["metrics"]
    trials = pd.read_csv(os.path.join(folder, "trials.csv"), float_precision="round_trip")

    # Drawn inputs are columns named by their YAML path, after the outcomes, e.g. economics.price_per_chip_usd.
    inputs = [c for c in trials.columns if "." in c]
    print(f"{summary['scenario']}: {len(trials):,} trials, seed {summary['seed']}; {len(inputs)} drawn inputs, e.g. {inputs[:3]}")

    # numpy's default percentile (linear interpolation) is what chipsim reports; pandas' median is the same.
    ours = {
        "mean of incremental_revenue_cny_bn": trials["incremental_revenue_cny_bn"].mean(),
        "P(delivered_by_deadline)": trials["delivered_by_deadline"].mean(),
        "p50 of roi (trials with a purchase)": trials["roi"].dropna().quantile(0.5),
    }
    theirs = {
        "mean of incremental_revenue_cny_bn": metrics["incremental_revenue_cny_bn"]["mean"],
        "P(delivered_by_deadline)": metrics["delivered_by_deadline"]["probability"],
        "p50 of roi (trials with a purchase)": metrics["roi"]["p50"],
    }

    try:
        import duckdb  # optional: the same numbers straight from the Parquet file (or the CSV)
    except ImportError:
        duckdb = None
    if duckdb is not None:
        parquet = os.path.join(folder, "trials.parquet")
        source = f"read_parquet('{parquet}')" if os.path.exists(parquet) else f"read_csv_auto('{os.path.join(folder, 'trials.csv')}')"
        row = duckdb.sql(
            f"SELECT avg(incremental_revenue_cny_bn), avg(delivered_by_deadline), quantile_cont(roi, 0.5) FROM {source}"
        ).fetchone()
        for key, value in zip(ours, row):
            if not close(value, theirs[key]):
                ours[key] = value  # reported below as a mismatch
        print(f"DuckDB {duckdb.__version__} read {source.split('(')[0]} and agrees")

    failed = 0
    for key in ours:
        ok = close(ours[key], theirs[key])
        failed += not ok
        print(f"{'ok ' if ok else 'MISMATCH'} {key}: recomputed {ours[key]!r}, summary.json {theirs[key]!r}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
