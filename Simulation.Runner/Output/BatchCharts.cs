using UrbanSim.Core.Engine;
using UrbanSim.Core.Outcomes;
using UrbanSim.Core.Scenarios;
using UrbanSim.Core.Settlements;
using UrbanSim.Runner.Batch;
using UrbanSim.Runner.Charts;

namespace UrbanSim.Runner.Output;

/// <summary>
/// The charts of a batch, computed from the folded results and saved as PNG and SVG in <c>charts/</c>:
/// the distribution and the paired difference of each headline outcome, fan charts of HLE and its gap,
/// public money by programme, where costs and savings land, HLE change by deprivation decile, and HLE change by region (mayoralty).
/// </summary>
public static class BatchCharts
{
    /// <summary>A headline outcome as a reader sees it: label, unit and the divisor into that unit.</summary>
    public sealed record Headline(int Outcome, string Label, string Unit, double Divisor);

    public static readonly Headline[] Headlines =
    [
        new(StandardOutcomes.HleYears, "Healthy life expectancy at birth, final year", "years", 1),
        new(StandardOutcomes.HleGapYears, "HLE gap between most and least deprived (slope index), final year", "years", 1),
        new(StandardOutcomes.Qalys, "QALYs over the horizon (discounted 1.5%)", "million QALYs", 1e6),
        new(StandardOutcomes.NhsCostGbp, "NHS treatment costs over the horizon (discounted 3.5%)", "£bn", 1e9),
        new(StandardOutcomes.HomesBuilt, "Homes built over the horizon", "thousand homes", 1e3),
    ];

    public const string Folder = "charts";

    /// <summary>A warning when the charts' font is not installed (their text would be blank), else null.</summary>
    public static string? MissingFontWarning()
    {
        var typeface = ScottPlot.Fonts.GetTypeface(ChartStyle.FontName, bold: false, italic: false);
        return typeface?.FamilyName == ChartStyle.FontName ? null
            : $"warning: the font '{ChartStyle.FontName}' is not installed, so the charts' text will be missing. Fix: sudo apt-get install fonts-dejavu-core (or your system's DejaVu fonts), then rerun with --resume.";
    }

    /// <summary>A chart of a batch, ready to render: its file stem (e.g. <c>fan_hle_gap_years</c>), the plot and its width.</summary>
    public sealed record BatchChart(string Stem, ScottPlot.Plot Plot, int WidthPx)
    {
        public int HeightPx => ChartStyle.HeightPx;
        public string Svg() => ChartFiles.RenderSvg(Plot, WidthPx, HeightPx);
        public byte[] Png() => ChartFiles.RenderPng(Plot, WidthPx, HeightPx);
    }

    /// <summary>Renders every chart into <paramref name="outDir"/>/charts; returns the file names written.</summary>
    public static IReadOnlyList<string> Write(string outDir, Scenario scenario, BatchAccumulator batch)
    {
        string dir = Path.Combine(outDir, Folder);
        Directory.CreateDirectory(dir);
        var written = new List<string>();
        foreach (var chart in Create(scenario, batch))
        {
            ChartFiles.Save(chart.Plot, dir, chart.Stem, chart.WidthPx, ChartStyle.HeightPx);
            written.Add(chart.Stem + ".png"); written.Add(chart.Stem + ".svg");
        }
        return written;
    }

    /// <summary>
    /// The charts of a batch, in the order <see cref="Write"/> saves them; <paramref name="include"/> picks charts by
    /// stem (all when null), so a caller that shows only some (the web explorer) does not build the others.
    /// </summary>
    public static IReadOnlyList<BatchChart> Create(Scenario scenario, BatchAccumulator batch, Func<string, bool>? include = null)
    {
        var written = new List<BatchChart>();
        if (batch.Replications == 0) return written;
        var caption = new ChartCaption(scenario.Name, batch.Replications, scenario.Seed, Manifest.ToolVersion);
        string[] names = scenario.Variants.Select(v => v.Name).ToArray();
        bool Wanted(string stem) => include is null || include(stem);
        void Save(Func<ScottPlot.Plot> plot, string stem, int width = ChartStyle.WidthPx)
        {
            if (Wanted(stem)) written.Add(new BatchChart(stem, plot(), width));
        }

        foreach (var h in Headlines)
        {
            string name = StandardOutcomes.All[h.Outcome].Name;
            var samples = names.Select((n, v) => Sample(n, batch.Outcome[v][h.Outcome].Quantiles, h.Divisor)).ToList();
            if (samples.All(s => s.Values.Length > 0))
                Save(() => OutcomeDistributionChart.Create(new OutcomeDistributionData(h.Label, h.Unit, samples), caption), $"distribution_{name}");
            if (names.Length < 2 || !Wanted($"difference_{name}")) continue;
            var differences = new List<VariantDifference>();
            for (int v = 1; v < names.Length; v++)
            {
                var column = batch.Paired[v - 1][h.Outcome];
                var (values, weights) = column.Quantiles.WeightedSample();
                differences.Add(new VariantDifference(names[v], values.Select(x => x / h.Divisor).ToArray(), weights,
                    column.Quantiles.Quantile(0.025) / h.Divisor, column.Quantiles.Quantile(0.975) / h.Divisor, column.Paired().ProbabilityBetter));
            }
            Save(() => PairedDifferenceChart.Create(new PairedDifferenceData(h.Label, h.Unit, names[0], StandardOutcomes.All[h.Outcome].HigherIsBetter, differences), caption),
                $"difference_{name}");
        }

        int[] years = Enumerable.Range(scenario.StartYear, scenario.HorizonYears + 1).ToArray();
        foreach (var (series, baseline, label) in new[]
                 {
                     (StandardSeries.HleYears, Baseline.HleYears, "Healthy life expectancy at birth"),
                     (StandardSeries.HleGapYears, Baseline.HleGapYears, "HLE gap between most and least deprived (slope index)"),
                 })
        {
            var fans = names.Select((n, v) =>
            {
                var columns = new[] { batch.Baseline[baseline] }.Concat(batch.Yearly[v].Select(y => y[series])).ToArray();
                double[] Q(double tau) => columns.Select(c => c.Quantiles.Quantile(tau)).ToArray();
                return new VariantFan(n, Q(0.05), Q(0.25), Q(0.5), Q(0.75), Q(0.95));
            }).ToList();
            Save(() => FanChart.Create(new FanChartData(label, "years", years, fans), caption), $"fan_{StandardSeries.All[series].Name}");
        }

        int[] simulated = years[1..];
        var catalogue = scenario.Catalogue.Programmes;
        string[] programmes = catalogue.All.Select(p => Display(p.Name)).ToArray();
        var money = names.Select((n, v) => new VariantMoney(n,
            Enumerable.Range(0, catalogue.Count).Select(p =>
                batch.Yearly[v].Select(y => Math.Max(0, y[OutcomeCatalogue.FirstProgrammeSpendSeries + p].Summary().Mean)).ToArray()).ToArray())).ToList();
        Save(() => MoneyByProgrammeChart.Create(new MoneyByProgrammeData(simulated, programmes, money), caption), "money_by_programme",
            MoneyByProgrammeChart.WidthPx(names.Length));

        if (names.Length > 1)
        {
            var changes = Enumerable.Range(1, names.Length - 1).Select(v =>
            {
                var s = batch.AgentChange[v - 1].Select(c => c.Paired()).ToArray();
                return new VariantGbpChange(names[v], s.Select(x => x.Mean).ToArray(), s.Select(x => x.Ci95Low).ToArray(), s.Select(x => x.Ci95High).ToArray());
            }).ToList();
            Save(() => CostsAndSavingsChart.Create(new CostsAndSavingsData(AgentLedger.Agents, names[0], changes), caption), "costs_and_savings");
        }

        int[] deciles = Enumerable.Range(1, RecordLayout.Deciles).ToArray();
        var decileChanges = names.Select((n, v) =>
        {
            var s = batch.DecileHleChange[v].Select(c => c.Summary()).ToArray();
            return new VariantDecileChange(n, s.Select(x => x.Mean).ToArray(), s.Select(x => x.Ci95Low).ToArray(), s.Select(x => x.Ci95High).ToArray());
        }).ToList();
        Save(() => DecileChangeChart.Create(new DecileChangeData(deciles, scenario.StartYear, scenario.StartYear + scenario.HorizonYears, decileChanges), caption),
            "hle_change_by_decile");
        if (batch.Layout.Regions > 0) Save(() => RegionChangeChart.Create(RegionChanges(scenario, batch), caption), "hle_change_by_region");
        return written;
    }

    /// <summary>Each variant's mean HLE change by region, with 95% CIs of the mean (summary.json's by_region).</summary>
    private static RegionChangeData RegionChanges(Scenario scenario, BatchAccumulator batch)
    {
        var regions = Core.World.Places.Regions(Core.World.Places.Describe(scenario)).Select(r => r.Name).ToArray();
        var variants = scenario.Variants.Select((variant, v) =>
        {
            var s = batch.RegionOutcome[v].Select(r => r[RegionOutcomes.HleChangeYears].Summary()).ToArray();
            return new VariantRegionChange(variant.Name, s.Select(x => x.Mean).ToArray(), s.Select(x => x.Ci95Low).ToArray(), s.Select(x => x.Ci95High).ToArray());
        }).ToList();
        return new RegionChangeData(regions, scenario.StartYear, scenario.StartYear + scenario.HorizonYears, variants);
    }

    private static VariantSample Sample(string variant, QuantileSketch sketch, double divisor)
    {
        var (values, weights) = sketch.WeightedSample();
        return new VariantSample(variant, values.Select(x => x / divisor).ToArray(), weights);
    }

    /// <summary>"active_travel" → "Active travel".</summary>
    private static string Display(string snake) => char.ToUpperInvariant(snake[0]) + snake[1..].Replace('_', ' ');
}
