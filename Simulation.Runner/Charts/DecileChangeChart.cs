using ScottPlot;

namespace UrbanSim.Runner.Charts;

/// <summary>
/// Change in healthy life expectancy from the start year to the final year, by deprivation decile, one line of
/// points per variant with 95% confidence intervals: a steeper fall from left to right means a narrowing gap.
/// </summary>
public static class DecileChangeChart
{
    private const double DodgeStep = 0.14;

    /// <summary>The chart, ready for <see cref="ChartFiles.Save"/> at <see cref="ChartStyle.WidthPx"/> × <see cref="ChartStyle.HeightPx"/>.</summary>
    public static Plot Create(DecileChangeData data, ChartCaption caption)
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

        var plot = ChartStyle.NewPlot(
            title: $"Change in healthy life expectancy by deprivation decile, {data.StartYear}–{data.FinalYear}",
            xLabel: "Deprivation decile (1 = most deprived, 10 = least deprived)",
            yLabel: $"Change in healthy life expectancy (years)",
            caption);
        ChartStyle.UseCategoryTicks(plot.Axes.Bottom, data.Deciles.Select(d => ChartStyle.FormatNumber(d)).ToArray(),
            data.Deciles.Select(d => (double)d).ToArray());

        int variants = data.Variants.Count;
        double low = 0, high = 0;
        var legend = new List<LegendItem>();
        for (int i = 0; i < variants; i++)
        {
            var v = data.Variants[i];
            Color colour = VariantPalette.ColourOf(i);
            // Variants sit side by side within a decile so their intervals do not hide each other.
            double[] xs = data.Deciles.Select(d => d + (i - (variants - 1) / 2.0) * DodgeStep).ToArray();
            for (int d = 0; d < deciles; d++)
            {
                ChartStyle.AddErrorBar(plot, xs[d], v.Ci95LowYears[d], v.Ci95HighYears[d], DodgeStep * 0.25, colour, 2);
                low = Math.Min(low, v.Ci95LowYears[d]);
                high = Math.Max(high, v.Ci95HighYears[d]);
            }
            var line = plot.Add.Scatter(xs, v.MeanYears, colour);
            line.LineWidth = 2.5f;
            line.MarkerSize = 10;
            line.MarkerShape = MarkerShape.FilledCircle;
            legend.Add(new LegendItem { LabelText = v.Variant, LineColor = colour, LineWidth = 2.5f, MarkerShape = MarkerShape.FilledCircle, MarkerSize = 10, MarkerFillColor = colour, MarkerLineColor = colour });
        }
        legend.Add(ChartStyle.LineItem("95% confidence interval of the mean", ChartStyle.ReferenceLineColour, 2, LinePattern.Solid));
        var zero = plot.Add.HorizontalLine(0, 1.5f, ChartStyle.ReferenceLineColour);
        zero.ExcludeFromLegend = true;
        ChartStyle.ShowLegend(plot, legend);

        double pad = Math.Max(high - low, 1e-9) * 0.08;
        plot.Axes.SetLimits(data.Deciles.Min() - 0.5, data.Deciles.Max() + 0.5, low - (low < 0 ? pad : 0), high + pad);
        return ChartStyle.Finish(plot);
    }
}
