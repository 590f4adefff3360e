using UrbanSim.Core.Scenarios;
using UrbanSim.Runner.Batch;

namespace UrbanSim.Runner.Output;

/// <summary>
/// differences.csv: how each variant's lead over the first variant evolves, year by year. Tidy, one row per variant (but
/// the first), simulated year and yearly series: the mean of the paired difference (the variant's value minus the first
/// variant's, replication by replication), its 95% confidence interval, the 5th and 95th percentiles of the difference
/// over replications, and the probability that the variant does better (ties half; empty when neither way is better).
/// The series ending <c>_to_date</c> are running totals, so their row for a year is the answer with a horizon ending then.
/// </summary>
internal static class DifferencesCsv
{
    public const string Header = "variant,against,year,outcome,mean_difference,ci95_low,ci95_high,p5,p95,probability_better";

    public static void Write(TextWriter w, Scenario scenario, BatchAccumulator batch)
    {
        w.WriteLine(Header);
        var series = batch.Layout.Outcomes.Series;
        string against = Csv.Text(scenario.Variants[0].Name);
        for (int v = 1; v < batch.Layout.Variants; v++)
        {
            string variant = Csv.Text(scenario.Variants[v].Name);
            for (int y = 0; y < batch.Layout.Years; y++)
                for (int s = 0; s < series.Length; s++)
                {
                    var column = batch.PairedYearly[v - 1][y][s];
                    var d = column.Paired();
                    w.WriteLine(string.Join(',', variant, against, Csv.Whole(scenario.StartYear + y + 1), series[s].Name,
                        Csv.Number(d.Mean), Csv.Number(d.Ci95Low), Csv.Number(d.Ci95High),
                        Csv.Number(column.Quantiles.Quantile(0.05)), Csv.Number(column.Quantiles.Quantile(0.95)), Csv.Number(d.ProbabilityBetter)));
                }
        }
    }
}
