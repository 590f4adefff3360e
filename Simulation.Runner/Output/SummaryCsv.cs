using UrbanSim.Core.Scenarios;
using UrbanSim.Runner.Batch;

namespace UrbanSim.Runner.Output;

/// <summary>
/// summary.csv: the numbers of summary.json as one tidy table for R or pandas. One row per variant and outcome: the
/// variant's name and label, the outcome's name and unit, its distribution over replications (mean, sd, 95% confidence
/// interval of the mean, percentiles), and for every variant but the first the paired difference against the first
/// (mean, 95% confidence interval) and the probability of doing better (empty when neither way is better).
/// </summary>
internal static class SummaryCsv
{
    public const string Header =
        "variant,variant_label,outcome,outcome_label,unit,mean,sd,ci95_low,ci95_high,p5,p25,p50,p75,p95,against,difference_mean,difference_ci95_low,difference_ci95_high,probability_better";

    public static void Write(TextWriter w, Scenario scenario, BatchAccumulator batch)
    {
        w.WriteLine(Header);
        var outcomes = batch.Layout.Outcomes.All;
        for (int v = 0; v < batch.Layout.Variants; v++)
            for (int o = 0; o < outcomes.Length; o++)
            {
                var s = batch.Outcome[v][o].Summary();
                string paired = ",,,,";
                if (v > 0)
                {
                    var d = batch.Paired[v - 1][o].Paired();
                    paired = string.Join(',', Csv.Text(scenario.Variants[0].Name), Csv.Number(d.Mean), Csv.Number(d.Ci95Low), Csv.Number(d.Ci95High), Csv.Number(d.ProbabilityBetter));
                }
                w.WriteLine(string.Join(',', Csv.Text(scenario.Variants[v].Name), Csv.Text(scenario.Variants[v].Label), outcomes[o].Name, Csv.Text(outcomes[o].Label), Csv.Text(outcomes[o].Unit),
                    Csv.Number(s.Mean), Csv.Number(s.Sd), Csv.Number(s.Ci95Low), Csv.Number(s.Ci95High),
                    Csv.Number(s.P5), Csv.Number(s.P25), Csv.Number(s.P50), Csv.Number(s.P75), Csv.Number(s.P95), paired));
            }
    }
}
