using UrbanSim.Core.Engine;
using UrbanSim.Core.Outcomes;
using UrbanSim.Core.Scenarios;
using UrbanSim.Core.Settlements;
using UrbanSim.Runner.Batch;
using UrbanSim.Runner.Charts;

namespace UrbanSim.Runner.Output;

/// <summary>
/// The charts of a batch, computed from the folded results and saved as PNG and SVG in <c>charts/</c>: the distribution
/// and the paired difference of each headline outcome, a forest plot of every paired difference, each headline's paired
/// difference by year, fan charts of HLE and its gap, public money by programme, where costs and savings land, HLE by
/// deprivation decile, and HLE change by region (mayoralty). Variants, outcomes and programmes are named by their labels
/// in the catalogue and the scenario.
/// </summary>
internal static class BatchCharts
{
    /// <summary>
    /// A headline outcome as a chart shows it: the outcome, the yearly series that gives it with a horizon ending in any
    /// year, how its scope reads ("final year", "over the horizon"), and the fixed unit its distribution is drawn in.
    /// </summary>
    public sealed record Headline(int Outcome, int Series, string Scope, string Unit, double Divisor)
    {
        /// <summary>"Healthy life expectancy, final year"; "QALYs over the horizon (discounted)": from the catalogue's label.</summary>
        public string Label
        {
            get
            {
                string label = StandardOutcomes.All[Outcome].Label;
                int open = label.IndexOf(" (", StringComparison.Ordinal);
                return open > 0 ? $"{label[..open]} {Scope}{label[open..]}" : $"{label}, {Scope}";
            }
        }
    }

    public static readonly Headline[] Headlines =
    [
        new(StandardOutcomes.HleYears, StandardSeries.HleYears, "final year", "years", 1),
        new(StandardOutcomes.HleGapYears, StandardSeries.HleGapYears, "final year", "years", 1),
        new(StandardOutcomes.Qalys, StandardSeries.QalysToDate, "over the horizon", "million QALYs", 1e6),
        new(StandardOutcomes.NhsCostGbp, StandardSeries.NhsCostToDateGbp, "over the horizon", "£bn", 1e9),
        new(StandardOutcomes.HomesBuilt, StandardSeries.HomesBuiltToDate, "over the horizon", "thousand homes", 1e3),
    ];

    public const string Folder = "charts";

    /// <summary>A warning when the charts' font is not installed (their text would be blank), else null.</summary>
    public static string? MissingFontWarning()
    {
        var typeface = ScottPlot.Fonts.GetTypeface(ChartStyle.FontName, bold: false, italic: false);
        return typeface?.FamilyName == ChartStyle.FontName ? null
            : $"warning: the font '{ChartStyle.FontName}' is not installed, so the charts' text will be missing. Fix: sudo apt-get install fonts-dejavu-core (or your system's DejaVu fonts), then rerun with --resume.";
    }

    /// <summary>
    /// A chart of a batch, ready to render: its file stem (e.g. <c>fan_hle_gap_years</c>), the plot and its size. The plot
    /// is built when first asked for, so charts are built (densities, ticks) as well as rendered on every core.
    /// </summary>
    public sealed class BatchChart(string stem, Func<ScottPlot.Plot> build, ChartSize size)
    {
        private readonly Lazy<ScottPlot.Plot> _plot = new(build, LazyThreadSafetyMode.ExecutionAndPublication);
        public string Stem { get; } = stem;
        public ChartSize Size { get; } = size;
        public ScottPlot.Plot Plot => _plot.Value;
        public int WidthPx => Size.WidthPx;
        public int HeightPx => Size.HeightPx;
        public string Svg() => ChartFiles.RenderSvg(Plot, WidthPx, HeightPx);
        public byte[] Png() => ChartFiles.RenderPng(Plot, WidthPx, HeightPx);
    }

    /// <summary>Renders every chart into <paramref name="outDir"/>/charts; returns the file names written.</summary>
    public static IReadOnlyList<string> Write(string outDir, Scenario scenario, BatchAccumulator batch)
    {
        string dir = Path.Combine(outDir, Folder);
        Directory.CreateDirectory(dir);
        // Listed in order, built and rendered on every core (each plot is its own object, the batch is only read, and the
        // files do not depend on the order).
        var charts = Create(scenario, batch);
        Concurrently.ForEach(charts, chart => ChartFiles.Save(chart.Plot, dir, chart.Stem, chart.WidthPx, chart.HeightPx));
        return [.. charts.SelectMany(chart => new[] { chart.Stem + ".png", chart.Stem + ".svg" })];
    }

    /// <summary>
    /// The charts of a batch, in the order <see cref="Write"/> saves them; <paramref name="include"/> picks charts by
    /// stem (all when null), so a caller that shows only some (the web explorer) does not build the others.
    /// <paramref name="size"/> lays them out for a screen (the report size when null); <paramref name="captionNote"/> ends each caption line.
    /// </summary>
    public static IReadOnlyList<BatchChart> Create(Scenario scenario, BatchAccumulator batch, Func<string, bool>? include = null, ChartSize? size = null, string? captionNote = null)
    {
        var written = new List<BatchChart>();
        if (batch.Replications == 0) return written;
        size ??= ChartSize.Report;
        var caption = new ChartCaption(scenario.Name, batch.Replications, scenario.Seed, Manifest.ToolVersion, Note: captionNote) { Attribution = scenario.World.DataAttribution };
        string[] names = scenario.Variants.Select(v => v.Label).ToArray();
        bool Wanted(string stem) => include is null || include(stem);
        void Save(Func<ChartSize, ScottPlot.Plot> plot, string stem, ChartSize? sized = null)
        {
            if (Wanted(stem)) written.Add(new BatchChart(stem, () => plot(size), sized ?? size));
        }

        foreach (var h in Headlines)
        {
            string name = StandardOutcomes.All[h.Outcome].Name;
            var samples = names.Select((n, v) => Sample(n, batch.Outcome[v][h.Outcome].Quantiles, h.Divisor)).ToList();
            if (samples.All(s => s.Values.Length > 0))
                Save(s => OutcomeDistributionChart.Create(new OutcomeDistributionData(h.Label, h.Unit, samples, Cluster(batch, h)), caption, s), $"distribution_{name}");
            if (names.Length < 2 || !Wanted($"difference_{name}")) continue;
            var differences = new List<VariantDifference>();
            for (int v = 1; v < names.Length; v++)
            {
                var column = batch.Paired[v - 1][h.Outcome];
                var (values, weights) = column.Quantiles.WeightedSample();
                differences.Add(new VariantDifference(names[v], values.Select(x => x / h.Divisor).ToArray(), weights,
                    column.Quantiles.Quantile(0.025) / h.Divisor, column.Quantiles.Quantile(0.975) / h.Divisor, column.Paired().ProbabilityBetter));
            }
            Save(s => PairedDifferenceChart.Create(new PairedDifferenceData(h.Label, h.Unit, names[0], StandardOutcomes.All[h.Outcome].HigherIsBetter, differences), caption, s),
                $"difference_{name}");
        }

        int[] years = Enumerable.Range(scenario.StartYear, scenario.HorizonYears + 1).ToArray();
        if (names.Length > 1)
        {
            if (Wanted("forest_paired_differences"))
                Save(s => ForestPlot.Create(Forest(names, batch), caption, s), "forest_paired_differences");
            foreach (var h in Headlines)
            {
                string stem = $"difference_by_year_{StandardOutcomes.All[h.Outcome].Name}";
                if (Wanted(stem))
                    Save(s => DifferenceByYearChart.Create(ByYear(h, names, years, batch), caption, DifferenceByYearChart.SizeFor(names.Length - 1, s)), stem,
                        DifferenceByYearChart.SizeFor(names.Length - 1, size));
            }
        }

        foreach (var (series, baseline) in new[] { (StandardSeries.HleYears, Baseline.HleYears), (StandardSeries.HleGapYears, Baseline.HleGapYears) })
        {
            string stem = $"fan_{StandardSeries.All[series].Name}";
            if (!Wanted(stem)) continue;
            var fans = names.Select((n, v) =>
            {
                var columns = new[] { batch.Baseline[baseline] }.Concat(batch.Yearly[v].Select(y => y[series])).ToArray();
                double[] Q(double tau) => columns.Select(c => c.Quantiles.Quantile(tau)).ToArray();
                return new VariantFan(n, Q(0.05), Q(0.25), Q(0.5), Q(0.75), Q(0.95));
            }).ToList();
            string label = StandardOutcomes.All[Headlines.First(h => h.Series == series).Outcome].Label;
            Save(s => FanChart.Create(new FanChartData(label, "years", years, fans), caption, FanChart.SizeFor(names.Length, s)), stem, FanChart.SizeFor(names.Length, size));
        }

        int[] simulated = years[1..];
        var catalogue = scenario.Catalogue.Programmes;
        if (Wanted("money_by_programme"))
        {
            var money = names.Select((n, v) => new VariantMoney(n,
                Enumerable.Range(0, catalogue.Count).Select(p =>
                    batch.Yearly[v].Select(y => Math.Max(0, y[OutcomeCatalogue.FirstProgrammeSpendSeries + p].Summary().Mean)).ToArray()).ToArray())).ToList();
            Save(s => MoneyByProgrammeChart.Create(new MoneyByProgrammeData(simulated, catalogue.All.Select(p => p.Label).ToArray(), money), caption, MoneyByProgrammeChart.SizeFor(names.Length, s)),
                "money_by_programme", MoneyByProgrammeChart.SizeFor(names.Length, size));
        }

        if (names.Length > 1)
        {
            var changes = Enumerable.Range(1, names.Length - 1).Select(v =>
            {
                var s = batch.AgentChange[v - 1].Select(c => c.Paired()).ToArray();
                return new VariantGbpChange(names[v], s.Select(x => x.Mean).ToArray(), s.Select(x => x.Ci95Low).ToArray(), s.Select(x => x.Ci95High).ToArray());
            }).ToList();
            Save(s => CostsAndSavingsChart.Create(new CostsAndSavingsData(AgentLedger.Agents, names[0], changes), caption, s), "costs_and_savings");
        }

        int[] deciles = Enumerable.Range(1, RecordLayout.Deciles).ToArray();
        VariantDecileChange Decile(string n, ColumnStatistics[] columns)
        {
            var s = columns.Select(c => c.Summary()).ToArray();
            return new VariantDecileChange(n, s.Select(x => x.Mean).ToArray(), s.Select(x => x.Ci95Low).ToArray(), s.Select(x => x.Ci95High).ToArray());
        }
        var decileData = names.Length > 1
            ? new DecileChangeData(deciles, scenario.StartYear, scenario.StartYear + scenario.HorizonYears,
                Enumerable.Range(1, names.Length - 1).Select(v => Decile(names[v], batch.PairedDecileHle[v - 1])).ToList(), names[0])
            : new DecileChangeData(deciles, scenario.StartYear, scenario.StartYear + scenario.HorizonYears, [Decile(names[0], batch.DecileHleChange[0])]);
        Save(s => DecileChangeChart.Create(decileData, caption, s), "hle_change_by_decile");
        if (batch.Layout.Regions > 0) Save(s => RegionChangeChart.Create(RegionChanges(scenario, names, batch), caption), "hle_change_by_region");
        return written;
    }

    /// <summary>Each variant's mean HLE change by region, with 95% CIs of the mean (summary.json's by_region).</summary>
    private static RegionChangeData RegionChanges(Scenario scenario, string[] names, BatchAccumulator batch)
    {
        var regions = Core.World.Places.Regions(Core.World.Places.Describe(scenario)).Select(r => r.Name).ToArray();
        var variants = scenario.Variants.Select((variant, v) =>
        {
            var s = batch.RegionOutcome[v].Select(r => r[RegionOutcomes.HleChangeYears].Summary()).ToArray();
            return new VariantRegionChange(names[v], s.Select(x => x.Mean).ToArray(), s.Select(x => x.Ci95Low).ToArray(), s.Select(x => x.Ci95High).ToArray());
        }).ToList();
        return new RegionChangeData(regions, scenario.StartYear, scenario.StartYear + scenario.HorizonYears, variants);
    }

    /// <summary>The forest plot's data: every variant but the first × every headline outcome, each outcome in a unit that suits its differences.</summary>
    private static ForestPlotData Forest(string[] names, BatchAccumulator batch) => new(names[0], names[1..], Headlines.Select(h =>
    {
        var columns = Enumerable.Range(1, names.Length - 1).Select(v => batch.Paired[v - 1][h.Outcome]).ToArray();
        var scale = DisplayScale.For(StandardOutcomes.All[h.Outcome].Unit, columns.SelectMany(c => new[] { c.Quantiles.Quantile(0.05), c.Quantiles.Quantile(0.95) }));
        var rows = columns.Select(c =>
        {
            var d = c.Paired();
            return new ForestRow(d.Mean / scale.Divisor, d.Ci95Low / scale.Divisor, d.Ci95High / scale.Divisor,
                c.Quantiles.Quantile(0.05) / scale.Divisor, c.Quantiles.Quantile(0.95) / scale.Divisor);
        }).ToList();
        return new ForestOutcome(h.Label, scale.Unit, StandardOutcomes.All[h.Outcome].HigherIsBetter, rows);
    }).ToList());

    /// <summary>A headline's paired difference by year, from the start year (0) through every simulated year.</summary>
    private static DifferenceByYearData ByYear(Headline h, string[] names, int[] years, BatchAccumulator batch)
    {
        var definition = StandardOutcomes.All[h.Outcome];
        var columns = Enumerable.Range(1, names.Length - 1).Select(v => batch.PairedYearly[v - 1].Select(y => y[h.Series]).ToArray()).ToArray();
        var scale = DisplayScale.For(definition.Unit, columns.SelectMany(c => c.SelectMany(y => new[] { y.Quantiles.Quantile(0.05), y.Quantiles.Quantile(0.95) })));
        double[] Series(ColumnStatistics[] c, Func<ColumnStatistics, double> f) => [0, .. c.Select(f).Select(x => x / scale.Divisor)];
        var variants = columns.Select((c, k) => new VariantDifferenceByYear(names[k + 1],
            Series(c, y => y.Paired().Mean), Series(c, y => y.Paired().Ci95Low), Series(c, y => y.Paired().Ci95High),
            Series(c, y => y.Quantiles.Quantile(0.05)), Series(c, y => y.Quantiles.Quantile(0.95)))).ToList();
        string label = batch.Layout.Outcomes.Series[h.Series].Name.Contains("_to_date", StringComparison.Ordinal) ? (h with { Scope = "to date" }).Label : definition.Label;
        return new DifferenceByYearData(label, scale.Unit, names[0], definition.HigherIsBetter, years, variants);
    }

    /// <summary>The final-year health shock's cluster, for the final-year outcomes whose distribution shows it; null when none.</summary>
    private static ClusterNote? Cluster(BatchAccumulator batch, Headline h)
    {
        if (h.Scope != "final year" || batch.FinalYearHealthShocks == 0) return null;
        var (without, effect) = batch.FinalYearHealthShockEffect(0, h.Outcome);
        if (!double.IsFinite(effect)) return null;
        double share = (double)batch.FinalYearHealthShocks / batch.Replications;
        return new ClusterNote((without + effect) / h.Divisor,
            $"{(share * 100).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture)}% of replications: an epidemic in the final year ({Readable.Value(effect, StandardOutcomes.All[h.Outcome].Unit, signed: true)} on average)");
    }

    private static VariantSample Sample(string variant, QuantileSketch sketch, double divisor)
    {
        var (values, weights) = sketch.WeightedSample();
        return new VariantSample(variant, values.Select(x => x / divisor).ToArray(), weights);
    }
}
