using ScottPlot;

namespace UrbanSim.Runner.Charts;

/// <summary>
/// An outcome over the years, per variant: the median line with the middle 50% (p25–p75) and middle 90% (p5–p95)
/// of replications as bands in the variant's colour.
/// </summary>
public static class FanChart
{
    internal const double OuterBandOpacity = 0.08;
    internal const double InnerBandOpacity = 0.25;

    /// <summary>The chart, ready for <see cref="ChartFiles.Save"/> at <see cref="ChartStyle.WidthPx"/> × <see cref="ChartStyle.HeightPx"/>.</summary>
    public static Plot Create(FanChartData data, ChartCaption caption)
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
            yLabel: $"{ChartStyle.WithoutParenthesis(data.Label)} ({data.Unit})",
            caption);
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
        var legend = new List<LegendItem>();
        for (int i = 0; i < data.Variants.Count; i++)
        {
            Color colour = VariantPalette.ColourOf(i);
            var median = plot.Add.ScatterLine(years, data.Variants[i].P50, colour);
            median.LineWidth = 2.5f;
            legend.Add(new LegendItem
            {
                LabelText = data.Variants[i].Variant,
                LineColor = colour,
                LineWidth = 2.5f,
                FillColor = colour.WithAlpha(InnerBandOpacity),
                MarkerShape = MarkerShape.None,
            });
        }
        var grey = ChartStyle.ReferenceLineColour;
        legend.Add(ChartStyle.LineItem("median", grey, 2.5f, LinePattern.Solid));
        legend.Add(ChartStyle.SwatchItem("50% of replications (p25–p75)", grey, InnerBandOpacity + OuterBandOpacity));
        legend.Add(ChartStyle.SwatchItem("90% (p5–p95)", grey, OuterBandOpacity));
        legend[^2].OutlineWidth = 0;
        legend[^1].OutlineWidth = 1;
        legend[^1].OutlinePattern = LinePattern.Dotted;
        ChartStyle.ShowLegend(plot, legend);

        double low = data.Variants.Min(v => v.P5.Min());
        double high = data.Variants.Max(v => v.P95.Max());
        double pad = Math.Max(high - low, Math.Abs(high) * 1e-3) * 0.06;
        double yearPad = (years[^1] - years[0]) * 0.015; // room for the last year's tick label
        plot.Axes.SetLimits(years[0] - yearPad, years[^1] + yearPad, low - pad, high + pad);
        return ChartStyle.Finish(plot);
    }
}
