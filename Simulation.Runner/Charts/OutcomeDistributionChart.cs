using ScottPlot;

namespace UrbanSim.Runner.Charts;

/// <summary>
/// How one headline outcome is spread over the replications, variant by variant. Up to three variants: overlaid smoothed
/// densities (Gaussian kernel, Silverman bandwidth) with a dashed line at each median. More: one row per variant with its
/// median, middle 50% and middle 90%, since four or more overlaid curves tangle. A separate cluster of replications (a
/// shock in the final year) is pointed out in words where it lies.
/// </summary>
internal static class OutcomeDistributionChart
{
    /// <summary>Most variants drawn as overlaid densities; beyond, rows of intervals.</summary>
    public const int MaxOverlaid = 3;

    /// <summary>Fills get fainter as more curves overlap, so the outlines stay readable: 0.22 for two, 0.15 for three.</summary>
    internal static double FillOpacity(int variantCount) => 0.45 / Math.Max(2, variantCount);

    /// <summary>The chart at <paramref name="size"/> (the report size when null).</summary>
    public static Plot Create(OutcomeDistributionData data, ChartCaption caption, ChartSize? size = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.Variants.Count == 0) throw new ArgumentException("No variants to draw.", nameof(data));
        foreach (var variant in data.Variants) WeightedDensity.Check(variant.Values, variant.Weights);
        return data.Variants.Count > MaxOverlaid ? Intervals(data, caption, size) : Densities(data, caption, size);
    }

    private static Plot Densities(OutcomeDistributionData data, ChartCaption caption, ChartSize? size)
    {
        var plot = ChartStyle.NewPlot(
            title: $"{data.OutcomeLabel}: spread over replications",
            xLabel: ChartStyle.LabelWithUnit(data.OutcomeLabel, data.Unit),
            yLabel: $"Probability density ({ChartStyle.PerUnit(data.Unit)})",
            caption, size);

        // One x range for all, so every curve fades out inside the frame.
        double[] bandwidths = data.Variants.Select(v => WeightedDensity.SilvermanBandwidth(v.Values, v.Weights)).ToArray();
        double from = data.Variants.Select((v, i) => v.Values.Min() - 3 * bandwidths[i]).Min();
        double to = data.Variants.Select((v, i) => v.Values.Max() + 3 * bandwidths[i]).Max();
        var curves = data.Variants.Select((v, i) => WeightedDensity.GaussianKde(v.Values, v.Weights, bandwidths[i], from, to)).ToArray();
        double peak = curves.Max(c => c.Density.Max());

        double fillOpacity = FillOpacity(curves.Length);
        // Fills first and lines after, so no variant's fill hides another's outline.
        for (int i = 0; i < curves.Length; i++)
        {
            var fill = plot.Add.FillY(curves[i].X, new double[curves[i].X.Length], curves[i].Density);
            fill.FillColor = VariantPalette.ColourOf(i).WithAlpha(fillOpacity);
            fill.LineWidth = 0;
        }
        var legend = new List<LegendItem>();
        for (int i = 0; i < curves.Length; i++)
        {
            var variant = data.Variants[i];
            Color colour = VariantPalette.ColourOf(i);
            var line = plot.Add.ScatterLine(curves[i].X, curves[i].Density, colour);
            line.LineWidth = 2.5f;

            double median = WeightedDensity.Quantile(variant.Values, variant.Weights, 0.5);
            var medianLine = plot.Add.Line(median, 0, median, DensityAt(curves[i], median));
            medianLine.LineColor = colour;
            medianLine.LineWidth = 2;
            medianLine.LinePattern = LinePattern.Dashed;

            double sd = WeightedDensity.StandardDeviation(variant.Values, variant.Weights);
            legend.Add(ChartStyle.SwatchItem(
                $"{variant.Variant} (median {ChartStyle.WithUnit(ChartStyle.FormatToResolution(median, sd), data.Unit)})", colour, fillOpacity * 1.5));
        }
        legend.Add(ChartStyle.LineItem("median", ChartStyle.ReferenceLineColour, 2, LinePattern.Dashed));
        ChartStyle.ShowLegend(plot, legend);

        if (data.Cluster is { } cluster && cluster.X > from && cluster.X < to)
        {
            double height = curves.Max(c => DensityAt(c, cluster.X));
            var note = plot.Add.Text(ChartStyle.Wrapped(cluster.Text, ChartStyle.AnnotationFontSize, bold: false, 230), cluster.X, height + peak * 0.04);
            note.LabelStyle.FontSize = ChartStyle.AnnotationFontSize;
            note.LabelStyle.ForeColor = ChartStyle.TextColour;
            note.LabelStyle.BackgroundColor = Colors.White.WithAlpha(0.85);
            note.LabelStyle.Alignment = cluster.X < (from + to) / 2 ? Alignment.LowerLeft : Alignment.LowerRight;
            var pointer = plot.Add.Line(cluster.X, height, cluster.X, height + peak * 0.04);
            pointer.LineColor = ChartStyle.TextColour;
            pointer.LineWidth = 1;
        }

        plot.Axes.SetLimits(from, to, 0, peak * 1.08);
        return ChartStyle.Finish(plot);
    }

    /// <summary>One row per variant: the middle 90% (thin), the middle 50% (thick) and the median (dot), on one x axis.</summary>
    private static Plot Intervals(OutcomeDistributionData data, ChartCaption caption, ChartSize? size)
    {
        var plot = ChartStyle.NewPlot(
            title: $"{data.OutcomeLabel}: spread over replications",
            xLabel: ChartStyle.LabelWithUnit(data.OutcomeLabel, data.Unit),
            yLabel: "",
            caption, size);
        int rows = data.Variants.Count;
        double low = double.PositiveInfinity, high = double.NegativeInfinity;
        for (int i = 0; i < rows; i++)
        {
            var v = data.Variants[i];
            double Q(double p) => WeightedDensity.Quantile(v.Values, v.Weights, p);
            double y = rows - 1 - i;
            Color colour = VariantPalette.ColourOf(i);
            var outer = plot.Add.Line(Q(0.05), y, Q(0.95), y);
            outer.LineColor = colour.WithAlpha(0.6);
            outer.LineWidth = 2;
            var inner = plot.Add.Line(Q(0.25), y, Q(0.75), y);
            inner.LineColor = colour;
            inner.LineWidth = 9;
            var dot = plot.Add.Marker(Q(0.5), y, MarkerShape.FilledCircle, 12, colour.Darken(0.3));
            dot.MarkerLineColor = Colors.White;
            double sd = WeightedDensity.StandardDeviation(v.Values, v.Weights);
            var value = plot.Add.Text(ChartStyle.FormatToResolution(Q(0.5), sd), Q(0.5), y);
            value.LabelStyle.FontSize = ChartStyle.AnnotationFontSize - 1;
            value.LabelStyle.ForeColor = ChartStyle.TextColour;
            value.LabelStyle.Alignment = Alignment.LowerCenter;
            value.OffsetY = -10;
            low = Math.Min(low, Q(0.05));
            high = Math.Max(high, Q(0.95));
        }
        ChartStyle.UseCategoryTicks(plot.Axes.Left, data.Variants.Select(v => v.Variant).ToArray(), Enumerable.Range(0, rows).Select(i => (double)(rows - 1 - i)).ToArray());
        plot.Axes.Left.TickLabelStyle.FontSize = ChartStyle.AxisLabelFontSize - 2;
        plot.Grid.YAxisStyle.IsVisible = false;
        var grey = ChartStyle.ReferenceLineColour;
        var legend = new List<LegendItem>
        {
            new() { LabelText = "median", MarkerShape = MarkerShape.FilledCircle, MarkerSize = 12, MarkerFillColor = grey, MarkerLineColor = grey, LineWidth = 0 },
            ChartStyle.LineItem("middle 50% of replications", grey, 9, LinePattern.Solid),
            ChartStyle.LineItem("middle 90%", grey.WithAlpha(0.6), 2, LinePattern.Solid),
        };
        // A small cluster outside the middle 90% would stretch the axis and squash the intervals: it is named instead.
        if (data.Cluster is { } cluster)
            legend.Add(new LegendItem { LabelText = $"Beyond the 90%: {cluster.Text}, near {ChartStyle.WithUnit(ChartStyle.FormatToResolution(cluster.X, (high - low) / 10), data.Unit)}", LineWidth = 0, MarkerShape = MarkerShape.None });
        ChartStyle.ShowLegend(plot, legend);
        double pad = Math.Max(high - low, 1e-12) * 0.06;
        plot.Axes.SetLimits(low - pad, high + pad, -0.7, rows - 0.3);
        return ChartStyle.Finish(plot);
    }

    /// <summary>The curve's density at <paramref name="x"/>, interpolated linearly between grid points.</summary>
    internal static double DensityAt(DensityCurve curve, double x)
    {
        double[] xs = curve.X;
        if (x <= xs[0]) return curve.Density[0];
        if (x >= xs[^1]) return curve.Density[^1];
        int upper = Array.BinarySearch(xs, x);
        if (upper >= 0) return curve.Density[upper];
        upper = ~upper;
        double fraction = (x - xs[upper - 1]) / (xs[upper] - xs[upper - 1]);
        return curve.Density[upper - 1] + fraction * (curve.Density[upper] - curve.Density[upper - 1]);
    }
}
