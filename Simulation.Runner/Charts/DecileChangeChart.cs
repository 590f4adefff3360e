using ScottPlot;

namespace UrbanSim.Runner.Charts;

/// <summary>
/// Healthy life expectancy by deprivation decile. With several variants it shows what a reader wants to compare: each
/// variant minus the first, paired replication by replication, with 95% confidence intervals and a line at zero, so
/// "better than the first variant in decile d" is read off directly. Alone, a variant's change from the start year.
/// Points of different variants sit side by side in each decile and are never joined by lines: a line through points
/// offset sideways would tilt and suggest an order that the data do not have.
/// </summary>
internal static class DecileChangeChart
{
    /// <summary>The chart at <paramref name="size"/> (the report size when null).</summary>
    public static Plot Create(DecileChangeData data, ChartCaption caption, ChartSize? size = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.Deciles.Length == 0) throw new ArgumentException("No deciles to draw.", nameof(data));
        if (data.Variants.Count == 0) throw new ArgumentException("No variants to draw.", nameof(data));
        int deciles = data.Deciles.Length;
        foreach (var v in data.Variants)
        {
            ChartStyle.CheckLength(v.MeanYears, deciles, $"{v.Variant}.MeanYears");
            ChartStyle.CheckLength(v.Ci95LowYears, deciles, $"{v.Variant}.Ci95LowYears");
            ChartStyle.CheckLength(v.Ci95HighYears, deciles, $"{v.Variant}.Ci95HighYears");
        }
        bool paired = data.AgainstVariant is not null;
        var plot = ChartStyle.NewPlot(
            title: paired
                ? $"Healthy life expectancy in {data.FinalYear} by deprivation decile: difference from {data.AgainstVariant}"
                : $"Change in healthy life expectancy by deprivation decile, {data.StartYear}–{data.FinalYear}",
            xLabel: "Deprivation decile (1 = most deprived, 10 = least deprived)",
            yLabel: paired ? $"Variant minus {data.AgainstVariant} (years; above zero = better)" : "Change in healthy life expectancy (years)",
            caption, size);
        ChartStyle.UseCategoryTicks(plot.Axes.Bottom, data.Deciles.Select(d => ChartStyle.FormatNumber(d)).ToArray(),
            data.Deciles.Select(d => (double)d).ToArray());

        int variants = data.Variants.Count;
        double step = Math.Min(0.16, 0.72 / variants);
        double low = 0, high = 0;
        var legend = new List<LegendItem>();
        for (int i = 0; i < variants; i++)
        {
            var v = data.Variants[i];
            Color colour = VariantPalette.ColourOf(paired ? i + 1 : i);
            double[] xs = data.Deciles.Select(d => d + (i - (variants - 1) / 2.0) * step).ToArray();
            for (int d = 0; d < deciles; d++)
            {
                if (!double.IsFinite(v.MeanYears[d])) continue;
                ChartStyle.AddErrorBar(plot, xs[d], v.Ci95LowYears[d], v.Ci95HighYears[d], step * 0.25, colour, 2);
                var dot = plot.Add.Marker(xs[d], v.MeanYears[d], MarkerShape.FilledCircle, 9, colour);
                dot.MarkerLineColor = colour.Darken(0.3);
                low = Math.Min(low, v.Ci95LowYears[d]);
                high = Math.Max(high, v.Ci95HighYears[d]);
            }
            legend.Add(new LegendItem
            {
                LabelText = paired ? $"{v.Variant} minus {data.AgainstVariant}" : v.Variant,
                LineWidth = 0, MarkerShape = MarkerShape.FilledCircle, MarkerSize = 10, MarkerFillColor = colour, MarkerLineColor = colour,
            });
        }
        legend.Add(ChartStyle.LineItem("95% confidence interval of the mean", ChartStyle.ReferenceLineColour, 2, LinePattern.Solid));
        var zero = plot.Add.HorizontalLine(0, 1.5f, ChartStyle.ReferenceLineColour);
        zero.ExcludeFromLegend = true;
        // Faint separators between deciles keep each decile's group of points together.
        for (int d = 0; d < deciles - 1; d++)
        {
            var separator = plot.Add.VerticalLine((data.Deciles[d] + data.Deciles[d + 1]) / 2.0, 1, ChartStyle.GridColour);
            separator.ExcludeFromLegend = true;
        }
        plot.Grid.XAxisStyle.IsVisible = false;
        ChartStyle.ShowLegend(plot, legend);

        double pad = Math.Max(high - low, 1e-9) * 0.08;
        plot.Axes.SetLimits(data.Deciles.Min() - 0.5, data.Deciles.Max() + 0.5, low - (low < 0 ? pad : 0), high + (high > 0 ? pad : 0));
        return ChartStyle.Finish(plot);
    }
}
