#!/usr/bin/env python3
"""The headline comparison of an UrbanSim run, read with pandas from the files `urbansim run` writes.

    python3 examples/python/headline.py [OUT_DIR] [--json] [--png FILE]

OUT_DIR is a run's output folder (default out/reference). The script prints, for each variant, the mean healthy
life expectancy (HLE), HLE gap, QALYs, NHS cost and homes built, and each variant's paired difference against the
first (baseline) variant with its 95% confidence interval. It recomputes these numbers itself from replications.csv
(one row per replication and variant) and stops with an error unless they equal summary.json's. It draws a chart to
FILE (default OUT_DIR/headline-python.png). With --json it prints the numbers as JSON instead of a table.
Needs pandas, matplotlib and scipy (Debian: python3-pandas python3-matplotlib python3-scipy).
"""
import argparse
import json
import math
import sys
from pathlib import Path

import matplotlib
matplotlib.use("Agg")  # draw to a file; no window
import matplotlib.pyplot as plt
import pandas as pd
from scipy import stats

# The five headline outcomes, as columns of replications.csv, with short labels for the table and the chart.
HEADLINE = {"hle_years": "HLE", "hle_gap_years": "HLE gap", "qalys": "QALYs",
            "nhs_cost_gbp": "NHS cost", "homes_built": "Homes built"}
NUMBERS = ["mean", "difference_mean", "difference_ci95_low", "difference_ci95_high"]
OKABE_ITO = ["#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#000000"]

parser = argparse.ArgumentParser(description="The headline comparison of an UrbanSim run, recomputed from replications.csv.")
parser.add_argument("out_dir", nargs="?", default="out/reference", help="output folder of 'urbansim run' (default: out/reference)")
parser.add_argument("--json", action="store_true", help="print the numbers as JSON instead of a table")
parser.add_argument("--png", help="where to draw the chart (default: OUT_DIR/headline-python.png)")
args = parser.parse_args()
out = Path(args.out_dir)
png_file = Path(args.png) if args.png else out / "headline-python.png"
if not (out / "replications.csv").exists():
    sys.exit(f"{out} holds no replications.csv: give the output folder of 'urbansim run' (e.g. out/reference)")

# --- Read the files as their data dictionary, columns.csv, describes them ---------------------------------------------
# columns.csv has one row per column of every CSV file (and per value of their `outcome` columns), with its unit.
dictionary = pd.read_csv(out / "columns.csv")
replication_columns = dictionary[(dictionary.file == "replications.csv") & (dictionary.kind == "column")].set_index("name")
units = replication_columns.unit
# Names are text, everything else a number (an empty cell is NaN); seeds can exceed 2**53, so they stay text.
dtypes = {name: (str if unit == "name" else float) for name, unit in units.items()}
dtypes.update(replication=int, seed=str)
replications = pd.read_csv(out / "replications.csv", dtype=dtypes, keep_default_na=False, na_values=[""])
timeseries = pd.read_csv(out / "timeseries.csv")

# summary.json keeps every bit; summary.csv (the same numbers, 8 significant figures) is read when it is absent.
if (out / "summary.json").exists():
    summary = json.loads((out / "summary.json").read_text())
    variants = summary["variants"]
    labels = {v["name"]: v["label"] for v in summary["variant_settings"]}
    rows = []
    for v in variants:
        for o in HEADLINE:
            d = summary["paired_differences"][v][o] if v != variants[0] else {}
            rows.append({"variant": v, "outcome": o, "mean": summary["outcomes"][v][o]["mean"],
                         "difference_mean": d.get("mean"), "difference_ci95_low": d.get("ci95_low"),
                         "difference_ci95_high": d.get("ci95_high")})
    reported = pd.DataFrame(rows)
    summary_file = "summary.json"
else:
    summary_csv = pd.read_csv(out / "summary.csv")
    variants = list(summary_csv.variant.unique())
    labels = dict(zip(summary_csv.variant, summary_csv.variant_label))
    reported = summary_csv[summary_csv.outcome.isin(list(HEADLINE))][["variant", "outcome"] + NUMBERS]
    summary_file = "summary.csv"
baseline = variants[0]
reported = reported.set_index(["variant", "outcome"]).astype(float)

# --- Recompute the headline numbers from replications.csv -----------------------------------------------------------
# A variant's mean is the mean over replications. Its paired difference takes, replication by replication, the
# variant minus the baseline (both saw the same random draws), then the mean of those differences and its 95%
# interval, mean ± t(0.975, n - 1) × sd / √n, as summary.json does.
wide = replications.set_index(["variant", "replication"])[list(HEADLINE)]
rows = []
for v in variants:
    for o in HEADLINE:
        row = {"variant": v, "outcome": o, "mean": wide.loc[v, o].mean(),
               "difference_mean": math.nan, "difference_ci95_low": math.nan, "difference_ci95_high": math.nan}
        if v != baseline:
            d = wide.loc[v, o] - wide.loc[baseline, o]  # aligned on the replication index
            n = d.count()
            half = stats.t.ppf(0.975, n - 1) * d.std() / math.sqrt(n) if n > 1 else math.nan  # one replication: no interval
            row.update(difference_mean=d.mean(), difference_ci95_low=d.mean() - half, difference_ci95_high=d.mean() + half)
        rows.append(row)
recomputed = pd.DataFrame(rows).set_index(["variant", "outcome"])

# The CSV keeps 8 significant figures, so the recomputed numbers agree with the summary's to within a millionth of
# the outcome's size (differences are measured against the size of the outcome, not of the difference).
reported = reported.loc[recomputed.index]
scale = recomputed["mean"].abs().clip(lower=1)
both_missing = recomputed[NUMBERS].isna() & reported[NUMBERS].isna()
close = (recomputed[NUMBERS] - reported[NUMBERS]).abs().le(1e-6 * scale, axis=0)
if not (both_missing | close).all().all():
    print(pd.concat({"recomputed": recomputed, summary_file: reported}, axis=1), file=sys.stderr)
    sys.exit(f"the numbers recomputed from replications.csv differ from {summary_file}'s")

# --- The chart: HLE over the years (median and 90% band, from timeseries.csv) and the paired HLE differences -----------
fig, (years_ax, difference_ax) = plt.subplots(1, 2, figsize=(12, 6), dpi=100)
hle = timeseries[timeseries.outcome == "hle_years"]
for colour, v in zip(OKABE_ITO, variants):
    h = hle[hle.variant == v]
    years_ax.fill_between(h.year, h.p5, h.p95, color=colour, alpha=0.25, linewidth=0)
    years_ax.plot(h.year, h.p50, color=colour, linewidth=2, label=labels[v])
years_ax.set(xlabel="Year", ylabel=f"Healthy life expectancy ({units['hle_years']})",
             title="HLE by year: median and 5th–95th percentile")
years_ax.legend(frameon=False)
others = variants[1:]
if others:
    differences = [(wide.loc[v, "hle_years"] - wide.loc[baseline, "hle_years"]).dropna() for v in others]
    boxes = difference_ax.boxplot(differences, patch_artist=True)
    difference_ax.set_xticks(range(1, len(others) + 1), [labels[v] for v in others])
    for colour, box in zip(OKABE_ITO[1:], boxes["boxes"]):
        box.set(facecolor=colour, alpha=0.5)
    difference_ax.axhline(0, linestyle="--", color="grey")
    difference_ax.set(ylabel=f"HLE minus {labels[baseline]} ({units['hle_years']})",
                      title="Paired HLE difference, replication by replication")
fig.tight_layout()
fig.savefig(png_file)

# --- Print the result: a table, or JSON with --json ------------------------------------------------------------------
n_replications = replications.replication.nunique()
if args.json:
    rows = json.loads(recomputed.reset_index().to_json(orient="records", double_precision=15))  # NaN becomes null
    print(json.dumps({"out_dir": str(out), "summary": summary_file, "replications": int(n_replications),
                      "baseline": baseline, "chart": str(png_file), "agrees_with_summary": True,
                      "outcomes": rows}, indent=1))
    print(f"Chart: {png_file}", file=sys.stderr)  # a message, so on stderr
else:
    def short(x, sign=False):
        """A number to 4 significant figures with k, m or bn; differences with a sign."""
        if pd.isna(x):
            return "–"
        value, suffix = next(((x / unit, s) for at_least, unit, s in [(1e9, 1e9, "bn"), (1e6, 1e6, "m"), (1e4, 1e3, "k")]
                              if abs(x) >= at_least), (x, ""))
        return f"{value:{'+' if sign else ''}.4g}{suffix}"

    def outcome_label(o):
        """The outcome's label, with its unit from columns.csv unless the label says it already ("Homes built")."""
        return HEADLINE[o] if units[o].lower() in HEADLINE[o].lower() else f"{HEADLINE[o]} ({units[o]})"

    print(f"Headline outcomes in {out}: means over {n_replications} replications; "
          f"Δ = paired difference against {labels[baseline]}, with its 95% CI")
    print(f"{'outcome':<20} {'variant':<22} {'mean':>12}   Δ (95% CI)")
    for o in HEADLINE:  # outcome by outcome, as the run's table
        for v in variants:
            r = recomputed.loc[(v, o)]
            difference = "" if v == baseline else (f"{short(r.difference_mean, True)} "
                                                   f"({short(r.difference_ci95_low, True)}, {short(r.difference_ci95_high, True)})")
            print(f"{outcome_label(o):<20} {labels[v]:<22} {short(r['mean']):>12}   {difference}".rstrip())
    print(f"Recomputed from replications.csv, every mean and paired difference equals {summary_file}'s\n"
          "(within a millionth of the outcome's size: the CSV files keep 8 significant figures).")
    print(f"Chart: {png_file}")
