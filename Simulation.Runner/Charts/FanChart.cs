using ScottPlot;

namespace UrbanSim.Runner.Charts;

/// <summary>
/// An outcome over the years, per variant: the median line with the middle 50% (p25–p75) and middle 90% (p5–p95)
/// of replications as bands in the variant's colour. Up to <see cref="MaxOverlaid"/> variants share one panel; more get
/// one panel each (sharing both axes), with the first variant's median as a grey reference line in every panel.
/// </summary>
internal static class FanChart
{
    internal const double OuterBandOpacity = 0.08;
    internal const double InnerBandOpacity = 0.25;

    /// <summary>Most variants overlaid in one panel.</summary>
    public const int MaxOverlaid = 3;

    /// <summary>The size to render at: <paramref name="size"/>, grown by a row for each extra row of panels.</summary>
    public static ChartSize SizeFor(int variants, ChartSize? size = null)
    {
        size ??= ChartSize.Report;
        if (variants <= MaxOverlaid) return size;
        int columns = size.Compact ? 1 : PanelGrid.ColumnsFor(variants);
        return size.WithRows((variants + columns - 1) / columns);
    }

    /// <summary>The chart, ready for <see cref="ChartFiles.Save"/> at <see cref="ChartStyle.WidthPx"/> × <see cref="ChartStyle.HeightPx"/>.</summary>
    public static Plot Create(FanChartData data, ChartCaption caption, ChartSize? size = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.Variants.Count == 0) throw new ArgumentException("No variants to draw.", nameof(data));
        if (data.Years.Length < 2) throw new ArgumentException("A fan needs at least two years.", nameof(data));
        foreach (var v in data.Variants)
            foreach (var (percentile, name) in new[] { (v.P5, "P5"), (v.P25, "P25"), (v.P50, "P50"), (v.P75, "P75"), (v.P95, "P95") })
                ChartStyle.CheckLength(percentile, data.Years.Length, $"{v.Variant}.{name}");

        var plot = ChartStyle.NewPlot(
            title: $"{data.Label}, {data.Years[0]}–{data.Years[^1]}",
            xLabel: "Year",
            yLabel: ChartStyle.LabelWithUnit(data.Label, data.Unit),
            caption, size);
        if (data.Variants.Count > MaxOverlaid) return Panels(plot, data, size ?? ChartSize.Report);
        ChartStyle.UseYearTicks(plot.Axes.Bottom, data.Years[0], data.Years[^1]);

        double[] years = data.Years.Select(y => (double)y).ToArray();
        // All bands first, then all medians, so a median line is never hidden under another variant's band.
        for (int i = 0; i < data.Variants.Count; i++)
        {
            var v = data.Variants[i];
            Color colour = VariantPalette.ColourOf(i);
            var outer = plot.Add.FillY(years, v.P5, v.P95);
            outer.FillColor = colour.WithAlpha(OuterBandOpacity);
            outer.LineWidth = 0;
            var inner = plot.Add.FillY(years, v.P25, v.P75);
            inner.FillColor = colour.WithAlpha(InnerBandOpacity);
            inner.LineWidth = 0;
        }
        // Thin edges on the 90% band say whose band it is where two variants' bands overlap and their tints mix.
        for (int i = 0; i < data.Variants.Count; i++)
        {
            foreach (double[] edge in new[] { data.Variants[i].P5, data.Variants[i].P95 })
            {
                var line = plot.Add.ScatterLine(years, edge, VariantPalette.ColourOf(i).WithAlpha(0.8));
                line.LineWidth = 1;
                line.LinePattern = LinePattern.Dotted;
            }
        }
        for (int i = 0; i < data.Variants.Count; i++)
        {
            var median = plot.Add.ScatterLine(years, data.Variants[i].P50, VariantPalette.ColourOf(i));
            median.LineWidth = 2.5f;
        }

        AddBandLegend(plot, data.Variants.Select((v, i) => (v.Variant, VariantPalette.ColourOf(i))));

        double low = data.Variants.Min(v => v.P5.Min());
        double high = data.Variants.Max(v => v.P95.Max());
        double pad = Math.Max(high - low, Math.Abs(high) * 1e-3) * 0.06;
        double yearPad = (years[^1] - years[0]) * 0.015; // room for the last year's tick label
        plot.Axes.SetLimits(years[0] - yearPad, years[^1] + yearPad, low - pad, high + pad);
        return ChartStyle.Finish(plot);
    }

    private static void AddBandLegend(Plot plot, IEnumerable<(string Label, Color Colour)> variants, string? reference = null)
    {
        var legend = variants.Select(v => new LegendItem
        {
            LabelText = v.Label, LineColor = v.Colour, LineWidth = 2.5f, FillColor = v.Colour.WithAlpha(InnerBandOpacity), MarkerShape = MarkerShape.None,
        }).ToList();
        var grey = ChartStyle.ReferenceLineColour;
        if (reference is not null) legend.Add(ChartStyle.LineItem($"median of {reference}, for reference", grey, 1.5f, LinePattern.Dashed));
        legend.Add(ChartStyle.LineItem("median", grey, 2.5f, LinePattern.Solid));
        legend.Add(ChartStyle.SwatchItem("50% of replications (p25–p75)", grey, InnerBandOpacity + OuterBandOpacity));
        legend.Add(ChartStyle.SwatchItem("90% (p5–p95)", grey, OuterBandOpacity));
        legend[^2].OutlineWidth = 0;
        legend[^1].OutlineWidth = 1;
        legend[^1].OutlinePattern = LinePattern.Dotted;
        ChartStyle.ShowLegend(plot, legend);
    }

    /// <summary>One panel per variant, sharing both axes; the first variant's median in grey in every panel.</summary>
    private static Plot Panels(Plot plot, FanChartData data, ChartSize size)
    {
        double low = data.Variants.Min(v => v.P5.Min()), high = data.Variants.Max(v => v.P95.Max());
        double pad = Math.Max(high - low, Math.Abs(high) * 1e-3) * 0.06;
        var grid = new PanelGrid(data.Variants.Count, size.Compact ? 1 : PanelGrid.ColumnsFor(data.Variants.Count), data.Years[0], data.Years[^1], low - pad, high + pad);
        double[] years = data.Years.Select(y => (double)y).ToArray();
        for (int i = 0; i < data.Variants.Count; i++)
        {
            var v = data.Variants[i];
            Color colour = VariantPalette.ColourOf(i);
            double[] xs = grid.X(i, years);
            var outer = plot.Add.FillY(xs, grid.Y(i, v.P5), grid.Y(i, v.P95));
            outer.FillColor = colour.WithAlpha(OuterBandOpacity * 2);
            outer.LineWidth = 0;
            var inner = plot.Add.FillY(xs, grid.Y(i, v.P25), grid.Y(i, v.P75));
            inner.FillColor = colour.WithAlpha(InnerBandOpacity);
            inner.LineWidth = 0;
            if (i > 0)
            {
                var reference = plot.Add.ScatterLine(xs, grid.Y(i, data.Variants[0].P50), ChartStyle.ReferenceLineColour);
                reference.LineWidth = 1.5f;
                reference.LinePattern = LinePattern.Dashed;
            }
            var median = plot.Add.ScatterLine(xs, grid.Y(i, v.P50), colour.Darken(0.1));
            median.LineWidth = 2.5f;
        }
        double[] ticks = PanelGrid.NiceTicks(low, high, 4);
        int decimals = EvenDecimalTicks.DecimalsFor(ticks);
        grid.Decorate(plot, data.Variants.Select(v => v.Variant).ToArray(),
            ChartStyle.YearTicks(data.Years[0], data.Years[^1], maxLabels: 3).Select(y => (double)y), ChartStyle.FormatYear,
            ticks, t => EvenDecimalTicks.Format(t, decimals),
            Enumerable.Range(0, data.Variants.Count).Select(VariantPalette.ColourOf).ToArray());
        AddBandLegend(plot, [], reference: data.Variants[0].Variant);
        return ChartStyle.Finish(plot);
    }
}
