using ScottPlot;

namespace UrbanSim.Runner.Charts;

/// <summary>
/// How a variant's lead over the first variant evolves: per year, the mean paired difference (line), its 95% confidence
/// interval (dark band) and the central 90% of replication-by-replication differences (light band), against a line at
/// zero, so a reader sees in which years the variant is ahead and where the sign changes. One panel per compared variant
/// (small multiples sharing both axes), so that several variants never tangle.
/// </summary>
internal static class DifferenceByYearChart
{
    internal const double SpreadOpacity = 0.16;
    internal const double IntervalOpacity = 0.45;

    /// <summary>The chart at <paramref name="size"/> (the report size when null); see <see cref="SizeFor"/>.</summary>
    public static Plot Create(DifferenceByYearData data, ChartCaption caption, ChartSize? size = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.Variants.Count == 0) throw new ArgumentException("No variant to compare with the first.", nameof(data));
        if (data.Years.Length < 2) throw new ArgumentException("Differences by year need at least two years.", nameof(data));
        foreach (var v in data.Variants)
            foreach (var (values, name) in new[] { (v.Mean, "Mean"), (v.Ci95Low, "Ci95Low"), (v.Ci95High, "Ci95High"), (v.P5, "P5"), (v.P95, "P95") })
                ChartStyle.CheckLength(values, data.Years.Length, $"{v.Variant}.{name}");
        size ??= ChartSize.Report;

        string direction = data.HigherIsBetter ? "above zero = better" : "below zero = better";
        var plot = ChartStyle.NewPlot(
            title: $"{data.Label}: difference from {data.FirstVariant} by year",
            xLabel: "Year",
            yLabel: $"Difference ({data.Unit}); {direction}",
            caption, size);

        var finite = data.Variants.SelectMany(v => v.P5.Concat(v.P95).Concat(v.Mean)).Where(double.IsFinite).Append(0).ToArray();
        double low = finite.Min(), high = finite.Max(), pad = Math.Max(high - low, 1e-12) * 0.06;
        var grid = new PanelGrid(data.Variants.Count, Columns(data.Variants.Count, size), data.Years[0], data.Years[^1], low - pad, high + pad);
        double[] years = data.Years.Select(y => (double)y).ToArray();
        for (int k = 0; k < data.Variants.Count; k++)
        {
            var v = data.Variants[k];
            Color colour = VariantPalette.ColourOf(k + 1);
            double[] xs = grid.X(k, years);
            var spread = plot.Add.FillY(xs, grid.Y(k, v.P5), grid.Y(k, v.P95));
            spread.FillColor = colour.WithAlpha(SpreadOpacity);
            spread.LineWidth = 0;
            var interval = plot.Add.FillY(xs, grid.Y(k, v.Ci95Low), grid.Y(k, v.Ci95High));
            interval.FillColor = colour.WithAlpha(IntervalOpacity);
            interval.LineWidth = 0;
            var zero = plot.Add.ScatterLine(new[] { xs[0], xs[^1] }, new[] { grid.Y(k, 0), grid.Y(k, 0) }, ChartStyle.ReferenceLineColour);
            zero.LineWidth = 1.5f;
            var mean = plot.Add.ScatterLine(xs, grid.Y(k, v.Mean), colour.Darken(0.15));
            mean.LineWidth = 2.5f;
        }
        int[] yearTicks = ChartStyle.YearTicks(data.Years[0], data.Years[^1], maxLabels: size.WidthPx / grid.Columns < 420 ? 3 : 6);
        double[] valueTicks = PanelGrid.NiceTicks(low, high, size.Compact ? 4 : 5);
        int decimals = EvenDecimalTicks.DecimalsFor(valueTicks);
        grid.Decorate(plot, data.Variants.Select(v => v.Variant).ToArray(), yearTicks.Select(y => (double)y), ChartStyle.FormatYear,
            valueTicks, t => (t > 0 ? "+" : "") + EvenDecimalTicks.Format(t, decimals),
            Enumerable.Range(0, data.Variants.Count).Select(k => VariantPalette.ColourOf(k + 1)).ToArray());

        var grey = ChartStyle.ReferenceLineColour;
        ChartStyle.ShowLegend(plot,
        [
            ChartStyle.LineItem("mean paired difference", grey, 2.5f, LinePattern.Solid),
            ChartStyle.SwatchItem("95% confidence interval of the mean", grey, IntervalOpacity),
            ChartStyle.SwatchItem("90% of replications (5th–95th percentile)", grey, SpreadOpacity),
        ]);
        return ChartStyle.Finish(plot);
    }

    /// <summary>The size to render at: <paramref name="size"/> grown by a row for each extra row of panels.</summary>
    public static ChartSize SizeFor(int comparedVariants, ChartSize? size = null)
    {
        size ??= ChartSize.Report;
        int columns = Columns(comparedVariants, size);
        return size.WithRows((comparedVariants + columns - 1) / columns);
    }

    private static int Columns(int panels, ChartSize size) => size.Compact ? 1 : PanelGrid.ColumnsFor(panels);
}
