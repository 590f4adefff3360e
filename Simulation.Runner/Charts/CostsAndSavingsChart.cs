using ScottPlot;

namespace UrbanSim.Runner.Charts;

/// <summary>
/// Where costs and savings land: for each agent type, each variant's mean change in £ against the first variant,
/// as grouped bars with 95% confidence intervals. Positive means the agent type gains.
/// </summary>
internal static class CostsAndSavingsChart
{
    private const double GroupWidth = 0.8;

    /// <summary>The chart, ready for <see cref="ChartFiles.Save"/> at <see cref="ChartStyle.WidthPx"/> × <see cref="ChartStyle.HeightPx"/>.</summary>
    public static Plot Create(CostsAndSavingsData data, ChartCaption caption, ChartSize? size = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.AgentTypes.Length == 0) throw new ArgumentException("No agent types to draw.", nameof(data));
        if (data.Variants.Count == 0) throw new ArgumentException("No variant to compare with the first.", nameof(data));
        int categories = data.AgentTypes.Length;
        foreach (var v in data.Variants)
        {
            ChartStyle.CheckLength(v.MeanGbp, categories, $"{v.Variant}.MeanGbp");
            ChartStyle.CheckLength(v.Ci95LowGbp, categories, $"{v.Variant}.Ci95LowGbp");
            ChartStyle.CheckLength(v.Ci95HighGbp, categories, $"{v.Variant}.Ci95HighGbp");
        }

        var scale = MoneyScale.For(data.Variants.SelectMany(v => v.MeanGbp.Concat(v.Ci95LowGbp).Concat(v.Ci95HighGbp)));
        var plot = ChartStyle.NewPlot(
            title: $"Where costs and savings land: change against {data.FirstVariant}",
            xLabel: "Agent type",
            yLabel: $"Mean change ({scale.Unit}, positive = gain)",
            caption, size);
        ChartStyle.UseCategoryTicks(plot.Axes.Bottom, data.AgentTypes);
        plot.Axes.Bottom.TickLabelStyle.FontSize = ChartStyle.AxisLabelFontSize - 1;
        if (ChartStyle.SizeOf(plot).Compact)
        {
            // Four names side by side do not fit a phone's width: they slant.
            plot.Axes.Bottom.TickLabelStyle.FontSize = ChartStyle.TickLabelFontSize - 1;
            plot.Axes.Bottom.TickLabelStyle.Rotation = -35;
            plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleRight;
            plot.Axes.Bottom.MinimumSize = 100;
        }

        int variants = data.Variants.Count;
        double barWidth = GroupWidth / variants;
        bool labelBars = variants <= 2; // wider groups would crowd the value labels
        double low = 0, high = 0;
        var legend = new List<LegendItem>();
        for (int k = 0; k < variants; k++)
        {
            var v = data.Variants[k];
            Color colour = VariantPalette.ColourOf(k + 1);
            var bars = new List<Bar>();
            for (int c = 0; c < categories; c++)
            {
                double x = c + (k - (variants - 1) / 2.0) * barWidth;
                double mean = scale.FromGbp(v.MeanGbp[c]), ciLow = scale.FromGbp(v.Ci95LowGbp[c]), ciHigh = scale.FromGbp(v.Ci95HighGbp[c]);
                bars.Add(new Bar { Position = x, Value = mean, ValueBase = 0, Size = barWidth * 0.88, FillColor = colour, LineWidth = 0 });
                ChartStyle.AddErrorBar(plot, x, ciLow, ciHigh, barWidth * 0.18, ChartStyle.TextColour);
                low = Math.Min(low, Math.Min(mean, ciLow));
                high = Math.Max(high, Math.Max(mean, ciHigh));
                if (labelBars)
                {
                    // The value just beyond the end of its confidence interval, on the side the bar points to.
                    var label = plot.Add.Text(MoneyLabel(mean, scale), x, mean >= 0 ? ciHigh : ciLow);
                    label.LabelStyle.FontSize = ChartStyle.AnnotationFontSize - 1;
                    label.LabelStyle.ForeColor = ChartStyle.TextColour;
                    label.LabelStyle.Alignment = mean >= 0 ? Alignment.LowerCenter : Alignment.UpperCenter;
                    label.OffsetY = mean >= 0 ? -4 : 4;
                }
            }
            var barPlot = plot.Add.Bars(bars);
            plot.MoveToBack(barPlot);
            legend.Add(ChartStyle.SwatchItem($"{v.Variant} minus {data.FirstVariant}", colour, 1));
        }
        legend.Add(ChartStyle.LineItem("95% confidence interval of the mean", ChartStyle.TextColour, 1.5f, LinePattern.Solid));
        var zero = plot.Add.HorizontalLine(0, 1.5f, ChartStyle.ReferenceLineColour);
        zero.ExcludeFromLegend = true;
        ChartStyle.ShowLegend(plot, legend);

        double pad = Math.Max(high - low, 1e-9) * (labelBars ? 0.12 : 0.06);
        plot.Axes.SetLimits(-0.5, categories - 0.5, low - (low < 0 ? pad : 0), high + (high > 0 ? pad : 0));
        return ChartStyle.Finish(plot);
    }

    /// <summary>E.g. "+£120m", "−£35m", "+£1.2bn".</summary>
    internal static string MoneyLabel(double amountInUnit, MoneyScale scale)
    {
        // Whole units from 10 up ("+£120m"), one decimal below ("+£2.5m").
        string number = ChartStyle.FormatToResolution(amountInUnit, Math.Abs(amountInUnit) >= 10 || amountInUnit == 0 ? 10 : 1, showPlus: true);
        return ChartStyle.WithUnit(number, scale.Unit);
    }
}
