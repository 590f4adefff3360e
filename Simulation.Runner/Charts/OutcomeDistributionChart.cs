using ScottPlot;

namespace UrbanSim.Runner.Charts;

/// <summary>
/// How one headline outcome is spread over the replications, variant by variant: overlaid smoothed densities
/// (Gaussian kernel, Silverman bandwidth) with a dashed line at each variant's median.
/// </summary>
public static class OutcomeDistributionChart
{
    /// <summary>Fills get fainter as more curves overlap, so the outlines stay readable: 0.22 for two, 0.15 for three.</summary>
    internal static double FillOpacity(int variantCount) => 0.45 / Math.Max(2, variantCount);

    /// <summary>The chart, ready for <see cref="ChartFiles.Save"/> at <see cref="ChartStyle.WidthPx"/> × <see cref="ChartStyle.HeightPx"/>.</summary>
    public static Plot Create(OutcomeDistributionData data, ChartCaption caption)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.Variants.Count == 0) throw new ArgumentException("No variants to draw.", nameof(data));
        foreach (var variant in data.Variants) WeightedDensity.Check(variant.Values, variant.Weights);

        var plot = ChartStyle.NewPlot(
            title: $"{data.OutcomeLabel}: spread over replications",
            xLabel: $"{data.OutcomeLabel} ({data.Unit})",
            yLabel: $"Probability density ({ChartStyle.PerUnit(data.Unit)})",
            caption);

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

        plot.Axes.SetLimits(from, to, 0, peak * 1.08);
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
