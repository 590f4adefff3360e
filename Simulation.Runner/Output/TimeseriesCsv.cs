using UrbanSim.Core.Engine;
using UrbanSim.Core.Outcomes;
using UrbanSim.Core.Scenarios;
using UrbanSim.Runner.Batch;

namespace UrbanSim.Runner.Output;

/// <summary>
/// timeseries.csv: variant, year, outcome, mean and p5/p25/p50/p75/p95 over replications. Year is the
/// calendar year; the start year holds the start-year values of the health measures (common to all variants),
/// and each simulated year t = 1…horizon is labelled start_year + t.
/// </summary>
internal static class TimeseriesCsv
{
    public const string Header = "variant,year,outcome,mean,p5,p25,p50,p75,p95";

    /// <summary>Series that also have a start-year value, with their index in <see cref="Baseline"/>.</summary>
    private static readonly (int Series, int Baseline)[] StartYearSeries =
    [
        (StandardSeries.HleYears, Baseline.HleYears), (StandardSeries.HleGapYears, Baseline.HleGapYears),
        (StandardSeries.LeYears, Baseline.LeYears), (StandardSeries.LeGapYears, Baseline.LeGapYears),
    ];

    public static void Write(TextWriter w, Scenario scenario, BatchAccumulator batch)
    {
        w.WriteLine(Header);
        var series = batch.Layout.Outcomes.Series;
        for (int v = 0; v < batch.Layout.Variants; v++)
        {
            string variant = Csv.Text(scenario.Variants[v].Name);
            foreach (var (seriesIndex, baseline) in StartYearSeries)
                Row(w, variant, scenario.StartYear, series[seriesIndex].Name, batch.Baseline[baseline].Summary());
            for (int y = 0; y < batch.Layout.Years; y++)
                for (int s = 0; s < series.Length; s++)
                    Row(w, variant, scenario.StartYear + y + 1, series[s].Name, batch.Yearly[v][y][s].Summary());
        }
    }

    private static void Row(TextWriter w, string variant, int year, string outcome, OutcomeSummary s) =>
        w.WriteLine(string.Join(',', variant, year.ToString(System.Globalization.CultureInfo.InvariantCulture), outcome,
            Csv.Number(s.Mean), Csv.Number(s.P5), Csv.Number(s.P25), Csv.Number(s.P50), Csv.Number(s.P75), Csv.Number(s.P95)));
}
