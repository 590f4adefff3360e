using ScottPlot;

namespace UrbanSim.Runner.Charts;

/// <summary>One variant's mean change in healthy life expectancy per region (mayoralty), with 95% confidence intervals.</summary>
internal sealed record VariantRegionChange(string Variant, double[] MeanYears, double[] Ci95LowYears, double[] Ci95HighYears);

/// <summary>Input of <see cref="RegionChangeChart"/>: final-year HLE minus start-year HLE, by region.</summary>
/// <param name="Regions">Region names in the world's order (drawn top to bottom).</param>
/// <param name="StartYear">The year the change is measured from.</param>
/// <param name="FinalYear">The year the change is measured to.</param>
/// <param name="Variants">All variants, in scenario order.</param>
internal sealed record RegionChangeData(string[] Regions, int StartYear, int FinalYear, IReadOnlyList<VariantRegionChange> Variants);

/// <summary>
/// Change in healthy life expectancy from the start year to the final year by mayoralty: one row per region, a point
/// per variant with its 95% confidence interval, so the settlements can be compared place by place.
/// </summary>
internal static class RegionChangeChart
{
    private const double DodgeStep = 0.22;

    /// <summary>The chart, ready for <see cref="ChartFiles.Save"/> at <see cref="ChartStyle.WidthPx"/> × <see cref="ChartStyle.HeightPx"/>.</summary>
    public static Plot Create(RegionChangeData data, ChartCaption caption)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.Regions.Length == 0) throw new ArgumentException("No regions to draw.", nameof(data));
        if (data.Variants.Count == 0) throw new ArgumentException("No variants to draw.", nameof(data));
        int regions = data.Regions.Length;
        foreach (var v in data.Variants)
        {
            ChartStyle.CheckLength(v.MeanYears, regions, $"{v.Variant}.MeanYears");
            ChartStyle.CheckLength(v.Ci95LowYears, regions, $"{v.Variant}.Ci95LowYears");
            ChartStyle.CheckLength(v.Ci95HighYears, regions, $"{v.Variant}.Ci95HighYears");
        }

        var plot = ChartStyle.NewPlot(
            title: $"Change in healthy life expectancy by mayoralty, {data.StartYear}–{data.FinalYear}",
            xLabel: "Change in healthy life expectancy (years, population-weighted over the mayoralty's zones)",
            yLabel: "",
            caption);
        // The first region at the top.
        double Row(int region) => regions - 1 - region;
        ChartStyle.UseCategoryTicks(plot.Axes.Left, data.Regions, [.. Enumerable.Range(0, regions).Select(Row)]);
        plot.Axes.Left.TickLabelStyle.FontSize = regions > 16 ? ChartStyle.TickLabelFontSize - 3 : ChartStyle.TickLabelFontSize;

        int variants = data.Variants.Count;
        double step = Math.Min(DodgeStep, 0.8 / variants);
        double low = 0, high = 0;
        var legend = new List<LegendItem>();
        for (int i = 0; i < variants; i++)
        {
            var v = data.Variants[i];
            Color colour = VariantPalette.ColourOf(i);
            // Variants sit one above another within a region's row, the first on top, so their intervals do not overlap.
            double[] ys = Enumerable.Range(0, regions).Select(r => Row(r) + ((variants - 1) / 2.0 - i) * step).ToArray();
            for (int r = 0; r < regions; r++)
            {
                if (!double.IsFinite(v.MeanYears[r])) continue;
                double lo = double.IsFinite(v.Ci95LowYears[r]) ? v.Ci95LowYears[r] : v.MeanYears[r];
                double hi = double.IsFinite(v.Ci95HighYears[r]) ? v.Ci95HighYears[r] : v.MeanYears[r];
                HorizontalErrorBar(plot, ys[r], lo, hi, step * 0.3, colour);
                low = Math.Min(low, lo);
                high = Math.Max(high, hi);
            }
            var points = plot.Add.ScatterPoints(v.MeanYears, ys, colour);
            points.MarkerSize = 10;
            points.MarkerShape = MarkerShape.FilledCircle;
            legend.Add(new LegendItem { LabelText = v.Variant, LineWidth = 0, MarkerShape = MarkerShape.FilledCircle, MarkerSize = 10, MarkerFillColor = colour, MarkerLineColor = colour });
        }
        legend.Add(ChartStyle.LineItem("95% confidence interval of the mean", ChartStyle.ReferenceLineColour, 2, LinePattern.Solid));
        var zero = plot.Add.VerticalLine(0, 1.5f, ChartStyle.ReferenceLineColour);
        zero.ExcludeFromLegend = true;
        ChartStyle.ShowLegend(plot, legend);

        double pad = Math.Max(high - low, 1e-9) * 0.06;
        plot.Axes.SetLimits(low - (low < 0 ? pad : 0), high + (high > 0 ? pad : 0), -0.6, regions - 0.4);
        return ChartStyle.Finish(plot);
    }

    private static void HorizontalErrorBar(Plot plot, double y, double low, double high, double capHalfHeight, Color colour)
    {
        foreach (var (x1, y1, x2, y2) in new[] { (low, y, high, y), (low, y - capHalfHeight, low, y + capHalfHeight), (high, y - capHalfHeight, high, y + capHalfHeight) })
        {
            var line = plot.Add.Line(x1, y1, x2, y2);
            line.LineColor = colour;
            line.LineWidth = 2;
            line.MarkerShape = MarkerShape.None;
        }
    }
}
