using System.Globalization;
using ScottPlot;
using UrbanSim.Runner.CostEffectiveness;

namespace UrbanSim.Runner.Charts;

/// <summary>
/// The marginal cost per QALY of each programme: one row per programme, one point per region (variants side by
/// side in their colours) with its 90% interval over replications, on a logarithmic axis, against the Green Book's
/// £70,000 per QALY and the NHS's marginal £13,500 (Martin, Lomas &amp; Claxton 2020), over a grey band of the range
/// published evaluations support (<see cref="PublishedRanges"/>). Points left of a line buy health more cheaply than it.
/// </summary>
internal static class CostEffectivenessChart
{
    /// <summary>The chart's file stem in <c>charts/</c>.</summary>
    public const string FileStem = "programmes_marginal_cost_per_qaly";

    private const double MinimumGbp = 100, MaximumGbp = 1_000_000;

    /// <summary>Writes the chart (PNG and SVG) into <c>DIR/charts/</c>; returns the files written, relative to <paramref name="outDir"/>.</summary>
    public static IReadOnlyList<string> Write(string outDir, Core.Scenarios.Scenario scenario, IReadOnlyList<ProgrammeMarginalResult> results,
        int replications, double topUpGbpPerHeadPerYear)
    {
        var caption = new ChartCaption(scenario.Name, replications, scenario.Seed, Output.Manifest.ToolVersion,
            string.Create(CultureInfo.InvariantCulture, $"{replications:N0} paired replications, £{topUpGbpPerHeadPerYear:0.##} per resident a year more"))
        { Attribution = scenario.World.DataAttribution };
        var plot = Create(results, scenario, caption);
        ChartFiles.Save(plot, Path.Combine(outDir, "charts"), FileStem, ChartStyle.WidthPx, ChartStyle.HeightPx);
        return [$"charts/{FileStem}.png", $"charts/{FileStem}.svg"];
    }

    /// <summary>The chart.</summary>
    public static Plot Create(IReadOnlyList<ProgrammeMarginalResult> results, Core.Scenarios.Scenario scenario, ChartCaption caption)
    {
        var plot = ChartStyle.NewPlot("Marginal cost per QALY of each programme, by region",
            "Extra public cost per QALY gained (£, logarithmic scale; grey: the published range)", "", caption);
        var programmes = results.Select(r => r.Programme).Distinct().ToList();
        var variants = results.Select(r => r.Variant).Distinct().ToList();
        var labels = scenario.Catalogue.Programmes.All.ToDictionary(p => p.Name, p => p.Label);
        double band = 0.6 / Math.Max(1, variants.Count);
        // The range published evaluations support, as a grey band behind each programme's row.
        for (int row = 0; row < programmes.Count; row++)
        {
            if (PublishedRanges.Of(programmes[row]) is not { } range) continue;
            double y = programmes.Count - 1 - row;
            var rectangle = plot.Add.Rectangle(Log(range.LowGbp), Log(range.HighGbp), y - 0.4, y + 0.4);
            rectangle.FillColor = Colors.Gray.WithAlpha(0.15);
            rectangle.LineWidth = 0;
        }
        for (int v = 0; v < variants.Count; v++)
        {
            var colour = VariantPalette.ColourOf(v);
            var xs = new List<double>();
            var ys = new List<double>();
            for (int row = 0; row < programmes.Count; row++)
            {
                var points = results.Where(r => r.Variant == variants[v] && r.Programme == programmes[row]).ToList();
                double y = programmes.Count - 1 - row + 0.3 - band * (v + 0.5);
                for (int k = 0; k < points.Count; k++)
                {
                    var point = points[k];
                    double jitter = points.Count > 1 ? (k - (points.Count - 1) / 2.0) / points.Count * band * 0.8 : 0;
                    if (point.MarginalCostPerQalyLow90Gbp is { } low)
                    {
                        double high = point.MarginalCostPerQalyHigh90Gbp ?? MaximumGbp;
                        var bar = plot.Add.Line(Log(low), y + jitter, Log(high), y + jitter);
                        bar.LineColor = colour.WithAlpha(0.45);
                        bar.LineWidth = 1.5f;
                    }
                    if (point.MarginalCostPerQalyGbp is { } cost) { xs.Add(Log(cost)); ys.Add(y + jitter); }
                }
            }
            var markers = plot.Add.ScatterPoints(xs.ToArray(), ys.ToArray(), colour);
            markers.MarkerSize = 9;
            markers.LegendText = variants[v].Replace('_', ' ');
        }
        // Reference lines, labelled at the top of the plot one above the other so the labels never overlap.
        var references = new[] { (13_500.0, "£13,500: the NHS at the margin"), (70_000.0, "£70,000: a QALY's value (Green Book)") };
        for (int k = 0; k < references.Length; k++)
        {
            var (gbp, text) = references[k];
            var line = plot.Add.VerticalLine(Log(gbp), 1.5f, ChartStyle.ReferenceLineColour);
            line.LinePattern = LinePattern.Dashed;
            line.ExcludeFromLegend = true;
            var label = plot.Add.Text(" " + text, Log(gbp), programmes.Count - 0.45 - 0.25 * k);
            label.LabelStyle.FontSize = ChartStyle.AnnotationFontSize;
            label.LabelStyle.ForeColor = ChartStyle.ReferenceLineColour;
            label.LabelStyle.Alignment = Alignment.UpperLeft;
        }
        var xTicks = new ScottPlot.TickGenerators.NumericManual();
        for (double gbp = MinimumGbp; gbp <= MaximumGbp; gbp *= 10) xTicks.AddMajor(Log(gbp), "£" + ChartStyle.FormatNumber(gbp));
        plot.Axes.Bottom.TickGenerator = xTicks;
        ChartStyle.UseCategoryTicks(plot.Axes.Left,
            [.. Enumerable.Range(0, programmes.Count).Select(row => labels.GetValueOrDefault(programmes[row], programmes[row]))],
            [.. Enumerable.Range(0, programmes.Count).Select(row => (double)(programmes.Count - 1 - row))]);
        plot.Axes.SetLimits(Log(MinimumGbp), Log(MaximumGbp), -0.6, programmes.Count - 0.4);
        plot.ShowLegend(Alignment.LowerRight);
        return ChartStyle.Finish(plot);
    }

    private static double Log(double gbp) => Math.Log10(Math.Clamp(gbp, MinimumGbp, MaximumGbp));
}
