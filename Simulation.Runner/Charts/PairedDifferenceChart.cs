using ScottPlot;

namespace UrbanSim.Runner.Charts;

/// <summary>
/// How much better or worse each variant does than the first, replication by replication: the density of the
/// paired difference, its central 95% interval shaded, a dashed line at its mean, a line at zero (no difference),
/// and the probability that the variant does better. Up to <see cref="MaxOverlaid"/> compared variants share one panel;
/// more are drawn as a ridgeline, one row each, so that their curves never hide each other.
/// </summary>
internal static class PairedDifferenceChart
{
    /// <summary>Most compared variants overlaid; beyond, one row each.</summary>
    public const int MaxOverlaid = 2;

    internal const double OutsideIntervalOpacity = 0.10;
    internal const double InsideIntervalOpacity = 0.35;

    /// <summary>The chart, ready for <see cref="ChartFiles.Save"/> at <see cref="ChartStyle.WidthPx"/> × <see cref="ChartStyle.HeightPx"/>.</summary>
    public static Plot Create(PairedDifferenceData data, ChartCaption caption, ChartSize? size = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.Differences.Count == 0) throw new ArgumentException("No variant to compare with the first.", nameof(data));
        foreach (var difference in data.Differences)
        {
            WeightedDensity.Check(difference.Values, difference.Weights);
            if (!(difference.Interval95Low <= difference.Interval95High))
                throw new ArgumentException($"{difference.Variant}: the 95% interval {difference.Interval95Low}…{difference.Interval95High} is empty.");
            if (difference.ProbabilityBetter is < 0 or > 1 || double.IsNaN(difference.ProbabilityBetter))
                throw new ArgumentException($"{difference.Variant}: P(better) {difference.ProbabilityBetter} is not a probability.");
        }

        bool ridges = data.Differences.Count > MaxOverlaid;
        var plot = ChartStyle.NewPlot(
            title: $"{data.OutcomeLabel}: difference from {data.FirstVariant}",
            xLabel: $"Difference in {LowerFirst(ChartStyle.WithoutParenthesis(data.OutcomeLabel))}, variant minus {data.FirstVariant} {ChartStyle.UnitInParenthesis(data.OutcomeLabel, data.Unit)}",
            yLabel: ridges ? "" : $"Probability density ({ChartStyle.PerUnit(data.Unit)})",
            caption, size);

        double[] bandwidths = data.Differences.Select(d => WeightedDensity.SilvermanBandwidth(d.Values, d.Weights)).ToArray();
        double from = data.Differences.Select((d, k) => d.Values.Min() - 3 * bandwidths[k]).Min();
        double to = data.Differences.Select((d, k) => d.Values.Max() + 3 * bandwidths[k]).Max();
        (from, to) = WithRoomAroundZero(from, to);
        var curves = data.Differences.Select((d, k) => WeightedDensity.GaussianKde(d.Values, d.Weights, bandwidths[k], from, to, 600)).ToArray();
        if (ridges) return Ridges(plot, data, curves, from, to);
        double peak = curves.Max(c => c.Density.Max());

        for (int k = 0; k < curves.Length; k++)
        {
            Color colour = VariantPalette.ColourOf(k + 1);
            var whole = plot.Add.FillY(curves[k].X, new double[curves[k].X.Length], curves[k].Density);
            whole.FillColor = colour.WithAlpha(OutsideIntervalOpacity);
            whole.LineWidth = 0;
            var inside = Slice(curves[k], data.Differences[k].Interval95Low, data.Differences[k].Interval95High);
            var interval = plot.Add.FillY(inside.X, new double[inside.X.Length], inside.Density);
            interval.FillColor = colour.WithAlpha(InsideIntervalOpacity);
            interval.LineWidth = 0;
        }

        var zero = plot.Add.VerticalLine(0, 1.5f, ChartStyle.ReferenceLineColour);
        zero.ExcludeFromLegend = true;

        var legend = new List<LegendItem>();
        for (int k = 0; k < curves.Length; k++)
        {
            var difference = data.Differences[k];
            Color colour = VariantPalette.ColourOf(k + 1);
            var line = plot.Add.ScatterLine(curves[k].X, curves[k].Density, colour);
            line.LineWidth = 2.5f;

            double mean = WeightedDensity.Mean(difference.Values, difference.Weights);
            double sd = WeightedDensity.StandardDeviation(difference.Values, difference.Weights);
            var meanLine = plot.Add.Line(mean, 0, mean, OutcomeDistributionChart.DensityAt(curves[k], mean));
            meanLine.LineColor = colour;
            meanLine.LineWidth = 2;
            meanLine.LinePattern = LinePattern.Dashed;

            // The probability sits above the curve's peak, in the variant's colour, so it reads as that curve's.
            // With several variants the labels are stacked at distinct heights so they never overlap.
            int top = Array.IndexOf(curves[k].Density, curves[k].Density.Max());
            double labelY = data.Differences.Count == 1 ? curves[k].Density[top] : peak * (1.02 + LabelStep * (data.Differences.Count - 1 - k));
            var probability = plot.Add.Text($"P(better) = {ChartStyle.FormatProbability(difference.ProbabilityBetter)}",
                curves[k].X[top], labelY);
            probability.LabelStyle.FontSize = ChartStyle.AnnotationFontSize + 2;
            probability.LabelStyle.Bold = true;
            probability.LabelStyle.ForeColor = colour.Darken(0.25);
            probability.LabelStyle.Alignment = Alignment.LowerCenter;
            probability.LabelStyle.BackgroundColor = Colors.White.WithAlpha(0.75); // stays legible across another curve
            probability.OffsetY = -6;

            string resolution(double value) => ChartStyle.FormatToResolution(value, sd, showPlus: true);
            legend.Add(ChartStyle.SwatchItem(
                $"{difference.Variant}: mean {ChartStyle.WithUnit(resolution(mean), data.Unit)}, central 95% {resolution(difference.Interval95Low)} to {resolution(difference.Interval95High)}",
                colour, InsideIntervalOpacity));
        }
        legend.Add(ChartStyle.LineItem("mean", ChartStyle.ReferenceLineColour, 2, LinePattern.Dashed));
        ChartStyle.ShowLegend(plot, legend);

        // Which way is better, written either side of the zero line at the top of the frame.
        double ceiling = peak * (data.Differences.Count == 1 ? 1.25 : 1.12 + LabelStep * data.Differences.Count);
        AddDirectionLabel(plot, data.HigherIsBetter ? "← worse" : "← better", ceiling, Alignment.UpperRight, -8);
        AddDirectionLabel(plot, data.HigherIsBetter ? "better →" : "worse →", ceiling, Alignment.UpperLeft, 8);

        plot.Axes.SetLimits(from, to, 0, ceiling);
        return ChartStyle.Finish(plot);
    }

    /// <summary>One row per compared variant: its density scaled to the row, the central 95% shaded, its mean, and P(better) at the right.</summary>
    private static Plot Ridges(Plot plot, PairedDifferenceData data, DensityCurve[] curves, double from, double to)
    {
        int rows = curves.Length;
        const double height = 0.85;
        var legend = new List<LegendItem>();
        for (int k = 0; k < rows; k++)
        {
            var difference = data.Differences[k];
            Color colour = VariantPalette.ColourOf(k + 1);
            double baseY = rows - 1 - k, scale = height / Math.Max(curves[k].Density.Max(), 1e-300);
            double[] Raised(double[] density) => density.Select(d => baseY + d * scale).ToArray();
            var whole = plot.Add.FillY(curves[k].X, Enumerable.Repeat(baseY, curves[k].X.Length).ToArray(), Raised(curves[k].Density));
            whole.FillColor = colour.WithAlpha(OutsideIntervalOpacity);
            whole.LineWidth = 0;
            var inside = Slice(curves[k], difference.Interval95Low, difference.Interval95High);
            var interval = plot.Add.FillY(inside.X, Enumerable.Repeat(baseY, inside.X.Length).ToArray(), Raised(inside.Density));
            interval.FillColor = colour.WithAlpha(InsideIntervalOpacity);
            interval.LineWidth = 0;
            var line = plot.Add.ScatterLine(curves[k].X, Raised(curves[k].Density), colour);
            line.LineWidth = 2;
            double mean = WeightedDensity.Mean(difference.Values, difference.Weights);
            var meanLine = plot.Add.Line(mean, baseY, mean, baseY + OutcomeDistributionChart.DensityAt(curves[k], mean) * scale);
            meanLine.LineColor = colour.Darken(0.2);
            meanLine.LineWidth = 2;
            meanLine.LinePattern = LinePattern.Dashed;
            var probability = plot.Add.Text($"P(better) = {ChartStyle.FormatProbability(difference.ProbabilityBetter)}", to, baseY + 0.1);
            probability.LabelStyle.FontSize = ChartStyle.AnnotationFontSize;
            probability.LabelStyle.Bold = true;
            probability.LabelStyle.ForeColor = colour.Darken(0.3);
            probability.LabelStyle.Alignment = Alignment.LowerRight;
            probability.LabelStyle.BackgroundColor = Colors.White.WithAlpha(0.75);
            probability.OffsetX = -6;
            double sd = WeightedDensity.StandardDeviation(difference.Values, difference.Weights);
            string resolution(double value) => ChartStyle.FormatToResolution(value, sd, showPlus: true);
            legend.Add(ChartStyle.SwatchItem($"{difference.Variant}: mean {ChartStyle.WithUnit(resolution(mean), data.Unit)}", colour, InsideIntervalOpacity));
        }
        var zero = plot.Add.VerticalLine(0, 1.5f, ChartStyle.ReferenceLineColour);
        zero.ExcludeFromLegend = true;
        ChartStyle.UseCategoryTicks(plot.Axes.Left, data.Differences.Select(d => d.Variant).ToArray(), Enumerable.Range(0, rows).Select(k => rows - 1 - k + 0.3).ToArray());
        plot.Axes.Left.TickLabelStyle.FontSize = ChartStyle.AxisLabelFontSize - 2;
        plot.Grid.YAxisStyle.IsVisible = false;
        legend.Add(ChartStyle.SwatchItem("central 95% of replications", ChartStyle.ReferenceLineColour, InsideIntervalOpacity));
        legend.Add(ChartStyle.LineItem("mean", ChartStyle.ReferenceLineColour, 2, LinePattern.Dashed));
        ChartStyle.ShowLegend(plot, legend);
        AddDirectionLabel(plot, data.HigherIsBetter ? "← worse" : "← better", rows + 0.05, Alignment.UpperRight, -8);
        AddDirectionLabel(plot, data.HigherIsBetter ? "better →" : "worse →", rows + 0.05, Alignment.UpperLeft, 8);
        plot.Axes.SetLimits(from, to, -0.1, rows + 0.1);
        return ChartStyle.Finish(plot);
    }

    /// <summary>Vertical distance between stacked P(better) labels, as a share of the highest peak.</summary>
    private const double LabelStep = 0.09;

    private static void AddDirectionLabel(Plot plot, string text, double top, Alignment alignment, float offsetXPx)
    {
        var label = plot.Add.Text(text, 0, top);
        label.LabelStyle.FontSize = ChartStyle.AnnotationFontSize;
        label.LabelStyle.ForeColor = ChartStyle.ReferenceLineColour;
        label.LabelStyle.Alignment = alignment;
        label.OffsetX = offsetXPx;
        label.OffsetY = 6;
    }

    /// <summary>
    /// Widens the range so zero (no difference) is inside it with room on both sides for the
    /// "← worse | better →" label, even when every difference has the same sign.
    /// </summary>
    internal static (double From, double To) WithRoomAroundZero(double from, double to)
    {
        const double room = 0.22;
        // Zero sits at the share `room` of the width when −from = room · (to − from), i.e. from = −room · to / (1 − room).
        if (from > -room * (to - from)) from = -room * to / (1 - room);
        if (to < room * (to - from)) to = -room * from / (1 - room);
        return (from, to);
    }

    /// <summary>The part of the curve between <paramref name="low"/> and <paramref name="high"/>, ends interpolated.</summary>
    internal static DensityCurve Slice(DensityCurve curve, double low, double high)
    {
        low = Math.Max(low, curve.X[0]);
        high = Math.Min(high, curve.X[^1]);
        var xs = new List<double> { low };
        xs.AddRange(curve.X.Where(x => x > low && x < high));
        xs.Add(high);
        return new DensityCurve(xs.ToArray(), xs.Select(x => OutcomeDistributionChart.DensityAt(curve, x)).ToArray(), curve.BandwidthUnits);
    }

    private static string LowerFirst(string text) =>
        text.Length > 1 && char.IsUpper(text[0]) && !char.IsUpper(text[1]) ? char.ToLowerInvariant(text[0]) + text[1..] : text;
}
