using ScottPlot;
using UrbanSim.Runner.Sensitivity;

namespace UrbanSim.Runner.Charts;

/// <summary>Colours and labels shared by the sensitivity charts: levers in blue, uncertain parameters in orange.</summary>
internal static class SensitivityLook
{
    public static Color ColourOf(FactorKind kind) => VariantPalette.ColourOf(kind == FactorKind.Lever ? 0 : 1);
    public static string KindLabel(FactorKind kind) => kind == FactorKind.Lever ? "policy lever" : "uncertain parameter";
}

/// <summary>
/// Tornado chart of total Sobol indices: one horizontal bar per factor, largest at the top, with its bootstrap 95%
/// interval, and the first-order index as a thin dark bar inside (the gap between them is the share of variance
/// from interactions).
/// </summary>
internal static class TornadoChart
{
    public static Plot Create(string outcomeLabel, IReadOnlyList<SobolIndex> indices, ChartCaption caption)
    {
        ArgumentNullException.ThrowIfNull(indices);
        if (indices.Count == 0) throw new ArgumentException("No factors.", nameof(indices));
        var ordered = indices.OrderBy(i => double.IsFinite(i.Total.Estimate) ? i.Total.Estimate : -1).ToArray();   // bottom to top
        var plot = ChartStyle.NewPlot($"What drives {outcomeLabel}: total Sobol indices",
            "Share of the outcome's variance (total index, with interactions)", "", caption);
        var totals = new List<Bar>();
        var firsts = new List<Bar>();
        for (int y = 0; y < ordered.Length; y++)
        {
            var s = ordered[y];
            var colour = SensitivityLook.ColourOf(s.Kind);
            totals.Add(new Bar { Position = y, Value = Finite(s.Total.Estimate), ValueBase = 0, Size = 0.7, FillColor = colour.WithAlpha(0.55), LineWidth = 0 });
            firsts.Add(new Bar { Position = y, Value = Finite(s.FirstOrder.Estimate), ValueBase = 0, Size = 0.22, FillColor = colour.Darken(0.35), LineWidth = 0 });
        }
        var totalBars = plot.Add.Bars(totals); totalBars.Horizontal = true;
        var firstBars = plot.Add.Bars(firsts); firstBars.Horizontal = true;
        double max = 0.05;
        for (int y = 0; y < ordered.Length; y++)
        {
            var t = ordered[y].Total;
            if (!double.IsFinite(t.Low) || !double.IsFinite(t.High)) continue;
            foreach (var (x1, y1, x2, y2) in new[] { (t.Low, y, t.High, y), (t.Low, y - 0.15, t.Low, y + 0.15), (t.High, y - 0.15, t.High, y + 0.15) })
            {
                var line = plot.Add.Line(x1, y1, x2, y2);
                line.LineColor = ChartStyle.TextColour;
                line.LineWidth = 1.5f;
                line.MarkerShape = MarkerShape.None;
            }
            max = Math.Max(max, t.High);
        }
        max = Math.Max(max, ordered.Max(o => Finite(o.Total.Estimate)));
        ChartStyle.UseCategoryTicks(plot.Axes.Left, ordered.Select(o => o.Factor).ToArray());
        plot.Axes.Left.TickLabelStyle.FontSize = ordered.Length > 16 ? 12 : ChartStyle.TickLabelFontSize;
        var zero = plot.Add.VerticalLine(0, 1.5f, ChartStyle.ReferenceLineColour);
        zero.ExcludeFromLegend = true;
        ChartStyle.ShowLegend(plot,
        [
            ChartStyle.SwatchItem("total index: policy lever", SensitivityLook.ColourOf(FactorKind.Lever), 0.55),
            ChartStyle.SwatchItem("total index: uncertain parameter", SensitivityLook.ColourOf(FactorKind.Parameter), 0.55),
            ChartStyle.SwatchItem("first-order index", ChartStyle.TextColour, 0.8),
            ChartStyle.LineItem("bootstrap 95% interval", ChartStyle.TextColour, 1.5f, LinePattern.Solid),
        ]);
        plot.Axes.SetLimits(Math.Min(0, ordered.Min(o => double.IsFinite(o.FirstOrder.Estimate) ? o.FirstOrder.Estimate : 0)) - 0.02, Math.Min(1.2, max * 1.08), -0.6, ordered.Length - 0.4);
        return ChartStyle.Finish(plot);
    }

    private static double Finite(double x) => double.IsFinite(x) ? x : 0;
}

/// <summary>Morris screening: μ* (overall influence) against σ (interactions and non-linearity), one labelled point per factor.</summary>
internal static class MorrisChart
{
    public static Plot Create(string outcomeLabel, string unit, IReadOnlyList<MorrisEffect> effects, ChartCaption caption)
    {
        ArgumentNullException.ThrowIfNull(effects);
        if (effects.Count == 0) throw new ArgumentException("No factors.", nameof(effects));
        var plot = ChartStyle.NewPlot($"Morris screening of {outcomeLabel}",
            $"μ*: mean absolute elementary effect ({unit} over the factor's range)", $"σ of the elementary effects ({unit})", caption);
        double maxX = Math.Max(1e-12, effects.Max(e => e.MuStar)), maxY = Math.Max(1e-12, effects.Max(e => e.Sigma));
        foreach (var e in effects)
        {
            var colour = SensitivityLook.ColourOf(e.Kind);
            plot.Add.Marker(e.MuStar, e.Sigma, MarkerShape.FilledCircle, 11, colour);
        }
        // Labels for the factors that stand out (the unlabelled rest are in morris.csv); they would only crowd the corner near zero.
        foreach (var e in effects.Where(e => e.MuStar / maxX + e.Sigma / maxY >= 0.3).OrderByDescending(e => e.MuStar / maxX + e.Sigma / maxY).Take(8))
        {
            var label = plot.Add.Text(e.Factor, e.MuStar, e.Sigma);
            label.LabelStyle.FontSize = ChartStyle.AnnotationFontSize - 2;
            label.LabelStyle.ForeColor = SensitivityLook.ColourOf(e.Kind).Darken(0.3);
            label.LabelStyle.Alignment = e.MuStar > 0.6 * maxX ? Alignment.MiddleRight : Alignment.MiddleLeft;
            label.OffsetX = e.MuStar > 0.6 * maxX ? -9 : 9;
        }
        ChartStyle.ShowLegend(plot,
        [
            new LegendItem { LabelText = "policy lever", MarkerShape = MarkerShape.FilledCircle, MarkerSize = 11, MarkerFillColor = SensitivityLook.ColourOf(FactorKind.Lever), MarkerLineColor = SensitivityLook.ColourOf(FactorKind.Lever), LineWidth = 0 },
            new LegendItem { LabelText = "uncertain parameter", MarkerShape = MarkerShape.FilledCircle, MarkerSize = 11, MarkerFillColor = SensitivityLook.ColourOf(FactorKind.Parameter), MarkerLineColor = SensitivityLook.ColourOf(FactorKind.Parameter), LineWidth = 0 },
        ]);
        plot.Axes.SetLimits(-0.03 * maxX, maxX * 1.1, -0.05 * maxY, maxY * 1.15);
        return ChartStyle.Finish(plot);
    }
}

/// <summary>The surrogate's predictions against the simulation's values on held-out runs, with the 1:1 line, R² and MAE.</summary>
internal static class SurrogateFitChart
{
    public static Plot Create(string outcomeLabel, string unit, SurrogateResult fit, ChartCaption caption)
    {
        ArgumentNullException.ThrowIfNull(fit);
        var plot = ChartStyle.NewPlot($"Surrogate model of {outcomeLabel}: held-out runs",
            $"Simulated ({unit})", $"Predicted by the surrogate ({unit})", caption);
        var all = fit.TestSimulated.Concat(fit.TestPredicted).ToArray();
        double lo = all.Min(), hi = all.Max(), pad = Math.Max(1e-12, (hi - lo) * 0.05);
        var diagonal = plot.Add.Line(lo - pad, lo - pad, hi + pad, hi + pad);
        diagonal.LineColor = ChartStyle.ReferenceLineColour; diagonal.LineWidth = 1.5f; diagonal.LinePattern = LinePattern.Solid;
        diagonal.MarkerShape = MarkerShape.None;
        var points = plot.Add.ScatterPoints(fit.TestSimulated, fit.TestPredicted, VariantPalette.ColourOf(0).WithAlpha(0.7));
        points.MarkerSize = 8;
        ChartStyle.ShowLegend(plot,
        [
            new LegendItem { LabelText = $"held-out run ({fit.TestRows:N0}; trained on {fit.TrainRows:N0}): R² = {fit.TestRSquared:0.000}, MAE = {ChartStyle.WithUnit(ChartStyle.FormatToResolution(fit.TestMeanAbsoluteError, fit.TestMeanAbsoluteError / 10), unit)}",
                MarkerShape = MarkerShape.FilledCircle, MarkerSize = 8, MarkerFillColor = VariantPalette.ColourOf(0), MarkerLineColor = VariantPalette.ColourOf(0), LineWidth = 0 },
            ChartStyle.LineItem("perfect prediction", ChartStyle.ReferenceLineColour, 1.5f, LinePattern.Solid),
        ]);
        plot.Axes.SetLimits(lo - pad, hi + pad, lo - pad, hi + pad);
        return ChartStyle.Finish(plot);
    }
}

/// <summary>
/// Partial dependence of the outcome on the surrogate's top factors: the mean prediction as each factor moves from the
/// bottom to the top of its range (the x axis is the position in the range, so factors in different units share it).
/// </summary>
internal static class PartialDependenceChart
{
    public static Plot Create(string outcomeLabel, string unit, IReadOnlyList<PartialDependence> curves, ChartCaption caption)
    {
        ArgumentNullException.ThrowIfNull(curves);
        if (curves.Count == 0) throw new ArgumentException("No curves.", nameof(curves));
        var plot = ChartStyle.NewPlot($"Partial dependence of {outcomeLabel} on the top factors",
            "Position in the factor's range (0 = lowest, 1 = highest value sampled)", $"Mean predicted {outcomeLabel} ({unit})", caption);
        var legend = new List<LegendItem>();
        for (int c = 0; c < curves.Count; c++)
        {
            var curve = curves[c];
            int g = curve.Values.Length;
            double[] xs = Enumerable.Range(0, g).Select(i => i / (g - 1.0)).ToArray();
            var colour = VariantPalette.ColourOf(c + 2);
            var line = plot.Add.Scatter(xs, curve.Predictions, colour);
            line.LineWidth = 2.5f; line.MarkerSize = 6;
            legend.Add(new LegendItem
            {
                LabelText = $"{curve.Factor} ({ChartStyle.FormatNumber(Round3(curve.Values[0]))} to {ChartStyle.FormatNumber(Round3(curve.Values[^1]))})",
                LineColor = colour, LineWidth = 2.5f, MarkerShape = MarkerShape.FilledCircle, MarkerSize = 6, MarkerFillColor = colour, MarkerLineColor = colour,
            });
        }
        ChartStyle.ShowLegend(plot, legend);
        double lo = curves.Min(c => c.Predictions.Min()), hi = curves.Max(c => c.Predictions.Max());
        double pad = Math.Max((hi - lo) * 0.1, Math.Max(1e-9, Math.Abs(hi) * 1e-4));
        plot.Axes.SetLimits(-0.02, 1.02, lo - pad, hi + pad);
        return ChartStyle.Finish(plot);
    }

    /// <summary>Three significant figures, for range labels.</summary>
    private static double Round3(double x)
    {
        if (x == 0 || !double.IsFinite(x)) return x;
        double scale = Math.Pow(10, 2 - Math.Floor(Math.Log10(Math.Abs(x))));
        return Math.Round(x * scale) / scale;
    }
}
