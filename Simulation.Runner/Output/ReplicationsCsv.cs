using UrbanSim.Core.Engine;
using UrbanSim.Core.Outcomes;
using UrbanSim.Core.Scenarios;
using UrbanSim.Runner.Batch;

namespace UrbanSim.Runner.Output;

/// <summary>
/// replications.csv: tidy, one row per replication and variant. Columns: replication, seed, variant, every
/// outcome, the HLE change of each deprivation decile, and the start-year baseline. A replication's random
/// numbers are keyed by (seed, replication), so any row can be reproduced on its own.
/// </summary>
public sealed class ReplicationsCsv(TextWriter writer, Scenario scenario, RecordLayout layout)
{
    public static IEnumerable<string> Columns(OutcomeCatalogue outcomes)
    {
        yield return "replication"; yield return "seed"; yield return "variant";
        foreach (var o in outcomes.All) yield return o.Name;
        for (int d = 1; d <= RecordLayout.Deciles; d++) yield return $"hle_change_decile_{d}_years";
        foreach (string b in Baseline.Names) yield return "baseline_" + b;
    }

    public void WriteHeader() => writer.WriteLine(string.Join(',', Columns(layout.Outcomes)));

    public void WriteReplication(int replication, ReadOnlySpan<double> row)
    {
        string seed = scenario.Seed.ToString(System.Globalization.CultureInfo.InvariantCulture);
        for (int v = 0; v < layout.Variants; v++)
        {
            writer.Write(replication.ToString(System.Globalization.CultureInfo.InvariantCulture));
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
            for (int b = 0; b < Baseline.Count; b++) { writer.Write(','); writer.Write(Csv.Number(row[RecordLayout.BaselineOffset + b])); }
            writer.WriteLine();
        }
    }
}
