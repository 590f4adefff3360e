using ScottPlot;
using ScottPlot.TickGenerators;

namespace UrbanSim.Runner.Charts;

/// <summary>
/// The chart a report uses to compare settlements: one panel per headline outcome (each in its own unit), one row per
/// variant, showing the mean paired difference against the first variant (dot), its 95% confidence interval (thick
/// bar) and the central 90% of replication-by-replication differences (thin line), with a line at zero and, under
/// each panel's title, which way is better.
/// </summary>
internal static class ForestPlot
{
    private const double Gap = 0.22;

    /// <summary>The chart at <paramref name="size"/> (the report size when null).</summary>
    public static Plot Create(ForestPlotData data, ChartCaption caption, ChartSize? size = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.Variants.Count == 0) throw new ArgumentException("No variant to compare with the first.", nameof(data));
        if (data.Outcomes.Count == 0) throw new ArgumentException("No outcome to draw.", nameof(data));
        foreach (var o in data.Outcomes)
            if (o.Rows.Count != data.Variants.Count) throw new ArgumentException($"{o.Label} has {o.Rows.Count} rows; expected {data.Variants.Count}.");

        var plot = ChartStyle.NewPlot(
            title: $"Paired differences against {data.FirstVariant}, headline outcomes",
            xLabel: $"Difference: variant minus {data.FirstVariant}, replication by replication",
            yLabel: "",
            caption, size);
        size ??= ChartSize.Report;
        int rows = data.Variants.Count;
        double RowY(int k) => rows - 1 - k;
        var ticks = new NumericManual();
        // The data area is the width less the variant names on the left; panels share it with gaps between them.
        int n = data.Outcomes.Count;
        float panelPx = (float)((size.WidthPx - 300) / (n + (n - 1) * Gap)) - 6;
        string[] titles = data.Outcomes.Select(o =>
            ChartStyle.Wrapped(ChartStyle.WithoutParenthesis(o.Label), ChartStyle.AnnotationFontSize, bold: true, panelPx) + "\n"
            + ChartStyle.Wrapped(ChartStyle.UnitInParenthesis(o.Label, o.Unit), ChartStyle.AnnotationFontSize, bold: true, panelPx)).ToArray();
        for (int j = 0; j < data.Outcomes.Count; j++)
        {
            var outcome = data.Outcomes[j];
            double left = j * (1 + Gap);
            var finite = outcome.Rows.SelectMany(r => new[] { r.P5, r.P95, r.Ci95Low, r.Ci95High, r.Mean }).Where(double.IsFinite).Append(0).ToArray();
            double lo = finite.Min(), hi = finite.Max();
            // Ticks within the data, not in the padding, so that neighbouring panels' edge labels do not run together.
            double[] panelTicks = PanelGrid.NiceTicks(lo, hi, panelPx < 170 ? 2 : 3);
            double pad = Math.Max(hi - lo, 1e-12) * 0.08;
            (lo, hi) = (lo - pad, hi + pad);
            double X(double v) => left + (v - lo) / (hi - lo);

            var zero = plot.Add.Line(X(0), -0.6, X(0), rows - 0.4);
            zero.LineColor = ChartStyle.ReferenceLineColour;
            zero.LineWidth = 1.5f;
            for (int k = 0; k < rows; k++)
            {
                var r = outcome.Rows[k];
                if (!double.IsFinite(r.Mean)) continue;
                Color colour = VariantPalette.ColourOf(k + 1);
                var spread = plot.Add.Line(X(r.P5), RowY(k), X(r.P95), RowY(k));
                spread.LineColor = colour.WithAlpha(0.55);
                spread.LineWidth = 2;
                var interval = plot.Add.Line(X(r.Ci95Low), RowY(k), X(r.Ci95High), RowY(k));
                interval.LineColor = colour;
                interval.LineWidth = 7;
                var dot = plot.Add.Marker(X(r.Mean), RowY(k), MarkerShape.FilledCircle, 11, colour.Darken(0.3));
                dot.MarkerLineColor = Colors.White;
            }

            var heading = plot.Add.Text(titles[j], left + 0.5, rows - 0.35);
            heading.LabelStyle.FontSize = ChartStyle.AnnotationFontSize;
            heading.LabelStyle.Bold = true;
            heading.LabelStyle.ForeColor = ChartStyle.TextColour;
            heading.LabelStyle.Alignment = Alignment.LowerCenter;
            heading.OffsetY = -22;
            var better = plot.Add.Text(outcome.HigherIsBetter ? "better →" : "← better", left + 0.5, rows - 0.35);
            better.LabelStyle.FontSize = ChartStyle.CaptionFontSize;
            better.LabelStyle.ForeColor = ChartStyle.CaptionColour;
            better.LabelStyle.Alignment = Alignment.LowerCenter;
            better.OffsetY = -4;

            foreach (double t in panelTicks) ticks.AddMajor(X(t), Signed(t));
        }

        plot.Axes.Bottom.TickGenerator = ticks;
        ChartStyle.UseCategoryTicks(plot.Axes.Left, [.. data.Variants], [.. Enumerable.Range(0, rows).Select(k => RowY(k))]);
        plot.Axes.Left.TickLabelStyle.FontSize = ChartStyle.AxisLabelFontSize - 2;
        plot.Grid.YAxisStyle.IsVisible = false;

        for (int j = 1; j < data.Outcomes.Count; j++)
        {
            var strip = plot.Add.HorizontalSpan(j * (1 + Gap) - Gap, j * (1 + Gap));
            strip.FillColor = Colors.White;
            strip.LineWidth = 0;
        }

        var grey = ChartStyle.ReferenceLineColour;
        ChartStyle.ShowLegend(plot,
        [
            new LegendItem { LabelText = "mean paired difference", MarkerShape = MarkerShape.FilledCircle, MarkerSize = 11, MarkerFillColor = grey, MarkerLineColor = grey, LineWidth = 0 },
            ChartStyle.LineItem("95% confidence interval of the mean", grey, 7, LinePattern.Solid),
            ChartStyle.LineItem("90% of replications (5th–95th percentile)", grey.WithAlpha(0.55), 2, LinePattern.Solid),
        ]);
        // Room above the rows for the tallest panel title and its "better" line.
        int lines = titles.Max(t => t.Split('\n').Length) + 1;
        double plotPx = size.HeightPx - 250, needPx = lines * 19 + 24;
        double headroom = needPx * (rows + 0.25) / Math.Max(plotPx - needPx, 50);
        plot.Axes.SetLimits(-0.03, data.Outcomes.Count * (1 + Gap) - Gap + 0.03, -0.6, rows - 0.35 + headroom);
        return ChartStyle.Finish(plot);
    }

    /// <summary>A tick label with its sign, thousands as k so that a narrow panel's labels do not run together: "+2k".</summary>
    internal static string Signed(double value)
    {
        string text = Math.Abs(value) >= 1000 ? ChartStyle.FormatNumber(value / 1000) + "k" : ChartStyle.FormatNumber(value);
        return value > 0 ? "+" + text : text;
    }
}
