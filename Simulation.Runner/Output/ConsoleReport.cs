using System.Globalization;
using UrbanSim.Core.Scenarios;
using UrbanSim.Runner.Batch;

namespace UrbanSim.Runner.Output;

/// <summary>
/// What <c>urbansim run</c> prints: a table of key outcomes per variant (labels, units, mean and the 5th–95th
/// percentiles, the paired difference against the first variant with its 95% interval and the probability of doing
/// better), marked where a difference changes sign over the horizon; then when each headline difference changes sign,
/// and where the headline outcomes disagree, why.
/// </summary>
internal static class ConsoleReport
{
    /// <summary>Outcomes in the table, by name.</summary>
    public static readonly string[] TableOutcomes =
    [
        "hle_years", "hle_gap_years", "le_years", "le_gap_years", "qalys", "deaths", "nhs_cost_gbp", "homes_built",
        "healthy_homes_share", "public_spend_gbp", "bidding_cost_gbp", "clawback_gbp", "private_investment_gbp",
    ];

    /// <summary>Marks a difference whose sign changes over the horizon.</summary>
    public const string SignChangeMark = "†";

    public static void Print(TextWriter w, Scenario scenario, BatchAccumulator batch)
    {
        const int nameWidth = 42, cellWidth = 30;
        var outcomes = batch.Layout.Outcomes;
        var explanations = Enumerable.Range(1, batch.Layout.Variants - 1).Select(v => Explanations.For(scenario, batch, v)).ToList();
        w.WriteLine();
        w.WriteLine($"{scenario.Name}: mean [5th–95th percentile] over {batch.Replications:N0} replications; Δ = paired difference against {scenario.Variants[0].Label}, with its 95% confidence interval");
        w.Write("outcome".PadRight(nameWidth));
        foreach (var v in scenario.Variants) w.Write(Fit(v.Label, cellWidth - 2).PadLeft(cellWidth));
        w.WriteLine();
        bool marked = false;
        foreach (string name in TableOutcomes)
        {
            int o = outcomes.IndexOf(name);
            var definition = outcomes.All[o];
            w.Write(Fit(LabelWithUnit(definition), nameWidth - 1).PadRight(nameWidth));
            for (int v = 0; v < batch.Layout.Variants; v++)
            {
                var s = batch.Outcome[v][o].Summary();
                w.Write($"{Format(s.Mean)} [{Format(s.P5)}–{Format(s.P95)}]".PadLeft(cellWidth));
            }
            w.WriteLine();
            if (batch.Layout.Variants < 2) continue;
            w.Write("  Δ (95% CI)".PadRight(nameWidth));
            w.Write("".PadLeft(cellWidth));
            for (int v = 1; v < batch.Layout.Variants; v++)
            {
                var d = batch.Paired[v - 1][o].Paired();
                bool changes = explanations[v - 1].Trajectories.Any(t => t.Outcome.Name == name && t.ChangesSign);
                marked |= changes;
                w.Write(($"{Format(d.Mean, signed: true)} ({Format(d.Ci95Low, true)}, {Format(d.Ci95High, true)})" + (changes ? SignChangeMark : "")).PadLeft(cellWidth));
            }
            w.WriteLine();
            if (definition.Direction == Core.Outcomes.Better.Neither) continue;
            w.Write("  P(better)".PadRight(nameWidth));
            w.Write("".PadLeft(cellWidth));
            for (int v = 1; v < batch.Layout.Variants; v++) w.Write(Readable.Percent(batch.Paired[v - 1][o].Paired().ProbabilityBetter).PadLeft(cellWidth));
            w.WriteLine();
        }
        if (marked) w.WriteLine($"{SignChangeMark} the difference changes sign over the horizon: see below, and differences.csv for every year.");
        w.WriteLine();
        if (batch.Layout.Variants < 2) return;

        var changesOverTime = explanations.SelectMany(e => Explanations.SignChanges(scenario, e)).ToList();
        w.WriteLine($"Over the years (paired difference against {scenario.Variants[0].Label}; better or worse where the 95% interval excludes zero):");
        if (changesOverTime.Count == 0) w.WriteLine("  no headline difference changes sign over the horizon.");
        foreach (string line in changesOverTime) w.WriteLine("  " + line);
        w.WriteLine();
        foreach (var e in explanations.Where(e => e.Disagree))
        {
            w.WriteLine($"The headline outcomes disagree: {Explanations.DisagreementSentence(scenario, e)} Why, from the model's own accounting:");
            foreach (string reason in e.Why) w.WriteLine("  - " + reason);
            w.WriteLine();
        }
    }

    /// <summary>Compact human format: 3 significant figures with k/m/bn suffixes for large numbers.</summary>
    public static string Format(double value, bool signed = false)
    {
        if (!double.IsFinite(value)) return "–";
        if (value == 0) return "0";
        string sign = signed && value > 0 ? "+" : "";
        double a = Math.Abs(value);
        string text = a >= 1e9 ? (value / 1e9).ToString("0.##", CultureInfo.InvariantCulture) + "bn"
            : a >= 1e6 ? (value / 1e6).ToString("0.##", CultureInfo.InvariantCulture) + "m"
            : a >= 1e4 ? (value / 1e3).ToString("0.#", CultureInfo.InvariantCulture) + "k"
            : a >= 100 ? value.ToString("0", CultureInfo.InvariantCulture)
            : a >= 1 ? value.ToString("0.00", CultureInfo.InvariantCulture)
            : value.ToString("0.000", CultureInfo.InvariantCulture);
        return sign + text;
    }

    /// <summary>"Healthy life expectancy (years)"; the unit is left out when the label already names it ("Deaths").</summary>
    public static string LabelWithUnit(Core.Outcomes.OutcomeDefinition o) =>
        o.Label.Contains(o.Unit, StringComparison.OrdinalIgnoreCase) || o.Unit is "indicator" ? o.Label : $"{o.Label} ({o.Unit})";

    private static string Fit(string text, int width) => text.Length <= width ? text : text[..(width - 1)] + "…";
}
