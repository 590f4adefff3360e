using UrbanSim.Core.Outcomes;
using UrbanSim.Core.Scenarios;
using UrbanSim.Core.Shocks;
using UrbanSim.Runner.Batch;

namespace UrbanSim.Runner.Output;

/// <summary>
/// replications.csv: tidy, one row per replication and variant. Columns: replication, seed, variant, every outcome, the
/// HLE change of each deprivation decile, the start-year baseline, the value each uncertain parameter was drawn at in
/// the replication (a column named by its path, e.g. <c>health.walking_relative_risk</c>), and the replication's shocks:
/// how many years each kind hit and whether it hit the final year (the same in every variant). A replication's random
/// numbers are keyed by (seed, replication), so any row can be reproduced on its own.
/// </summary>
internal sealed class ReplicationsCsv(TextWriter writer, Scenario scenario, RecordLayout layout)
{
    /// <summary>The shock kinds, as named in the columns <c>&lt;kind&gt;_years</c> and <c>&lt;kind&gt;_in_final_year</c>.</summary>
    public static readonly (ShockKinds Kind, string Name, string Meaning)[] ShockColumns =
    [
        (ShockKinds.Recession, "recession", "a recession (prices fall, finance costs rise, lending falls)"),
        (ShockKinds.FundingCut, "funding_cut", "a cut in central funding"),
        (ShockKinds.HealthShock, "health_shock", "an epidemic that raises mortality"),
    ];

    public static IEnumerable<string> Columns(Scenario scenario)
    {
        yield return "replication"; yield return "seed"; yield return "variant";
        foreach (var o in scenario.Catalogue.Outcomes.All) yield return o.Name;
        for (int d = 1; d <= RecordLayout.Deciles; d++) yield return $"hle_change_decile_{d}_years";
        foreach (string b in Baseline.Names) yield return "baseline_" + b;
        foreach (var u in scenario.Uncertain) yield return u.Path;
        foreach (var (_, name, _) in ShockColumns) yield return name + "_years";
        foreach (var (_, name, _) in ShockColumns) yield return name + "_in_final_year";
    }

    public void WriteHeader() => writer.WriteLine(string.Join(',', Columns(scenario)));

    public void WriteReplication(int replication, ReadOnlySpan<double> row)
    {
        string seed = Csv.Whole((long)scenario.Seed);
        // What the replication drew is the same in every variant: formatted once.
        var drawn = new System.Text.StringBuilder();
        for (int b = 0; b < Baseline.Count; b++) drawn.Append(',').Append(Csv.Number(row[RecordLayout.BaselineOffset + b]));
        for (int u = 0; u < layout.Uncertain; u++) drawn.Append(',').Append(Csv.Number(row[RecordLayout.DrawnOffset + u]));
        foreach (var (kind, _, _) in ShockColumns)
        {
            int years = 0;
            for (int y = 0; y < layout.Years; y++) if (layout.ShocksIn(row, y).HasFlag(kind)) years++;
            drawn.Append(',').Append(Csv.Whole(years));
        }
        foreach (var (kind, _, _) in ShockColumns) drawn.Append(',').Append(layout.Years > 0 && layout.ShocksIn(row, layout.Years - 1).HasFlag(kind) ? '1' : '0');
        string common = drawn.ToString();

        for (int v = 0; v < layout.Variants; v++)
        {
            writer.Write(Csv.Whole(replication));
            writer.Write(','); writer.Write(seed);
            writer.Write(','); writer.Write(Csv.Text(scenario.Variants[v].Name));
            var outcomes = row.Slice(layout.OutcomeOffset(v), layout.Outcomes.Count);
            foreach (double value in outcomes) { writer.Write(','); writer.Write(Csv.Number(value)); }
            var deciles = row.Slice(layout.DecileOffset(v), RecordLayout.Deciles);
            for (int d = 0; d < RecordLayout.Deciles; d++)
            {
                writer.Write(',');
                writer.Write(Csv.Number(deciles[d] - row[RecordLayout.BaselineDecileOffset + d]));
            }
            writer.Write(common);
            writer.WriteLine();
        }
    }
}
