using ScottPlot;

namespace UrbanSim.Runner.Charts;

/// <summary>
/// Where public money goes, year by year: stacked areas of mean spend per programme, one panel per variant side by
/// side on one shared y axis, so both the mix and the total can be compared across settlements.
/// </summary>
public static class MoneyByProgrammeChart
{
    // Panels are drawn on one x axis: panel k covers [k · (span + gap), k · (span + gap) + span] in years.
    private const double GapShareOfPanel = 0.12;

    /// <summary>
    /// Width to save the chart at, in pixels: the standard width for up to two variants, wider beyond, so each
    /// panel keeps enough room for its year labels.
    /// </summary>
    public static int WidthPx(int variantCount) => Math.Max(ChartStyle.WidthPx, 250 + 475 * variantCount);

    /// <summary>The chart, ready for <see cref="ChartFiles.Save"/> at <see cref="WidthPx"/> × <see cref="ChartStyle.HeightPx"/>.</summary>
    public static Plot Create(MoneyByProgrammeData data, ChartCaption caption)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.Variants.Count == 0) throw new ArgumentException("No variants to draw.", nameof(data));
        if (data.Years.Length == 0) throw new ArgumentException("No years to draw.", nameof(data));
        if (data.Programmes.Length == 0) throw new ArgumentException("No programmes to draw.", nameof(data));
        foreach (var v in data.Variants)
        {
            ChartStyle.CheckLength(v.GbpPerYear, data.Programmes.Length, $"{v.Variant}.GbpPerYear");
            for (int p = 0; p < data.Programmes.Length; p++)
            {
                ChartStyle.CheckLength(v.GbpPerYear[p], data.Years.Length, $"{v.Variant}.GbpPerYear[{p}]");
                if (v.GbpPerYear[p].Any(gbp => !(gbp >= 0) || double.IsInfinity(gbp)))
                    throw new ArgumentException($"{v.Variant}: spend on {data.Programmes[p]} must be finite and not negative to stack.");
            }
        }

        double[][] totalsGbp = data.Variants.Select(v => Enumerable.Range(0, data.Years.Length).Select(y => v.GbpPerYear.Sum(p => p[y])).ToArray()).ToArray();
        var scale = MoneyScale.For(totalsGbp.SelectMany(t => t));
        var plot = ChartStyle.NewPlot(
            title: $"Public money by programme, {(data.Years.Length == 1 ? $"{data.Years[0]}" : $"{data.Years[0]}–{data.Years[^1]}")} (mean over replications)",
            xLabel: "Year",
            yLabel: $"Public money ({scale.Unit} per year)",
            caption);

        // A single year (a one-year horizon) is drawn as a block one year wide, from its start to the next.
        bool single = data.Years.Length == 1;
        double span = single ? 1 : data.Years[^1] - data.Years[0];
        int[] yearsDrawn = single ? [data.Years[0], data.Years[0] + 1] : data.Years;
        double Spend(int k, int p, int y) => data.Variants[k].GbpPerYear[p][single ? 0 : y];
        double gap = span * GapShareOfPanel;
        double PanelLeft(int k) => k * (span + gap);
        double highest = Math.Max(totalsGbp.Max(t => t.Max()) / scale.GbpPerUnit, 1e-9);
        double top = highest * 1.12; // headroom for the panel titles

        var yearTicks = new ScottPlot.TickGenerators.NumericManual();
        for (int k = 0; k < data.Variants.Count; k++)
        {
            double[] xs = yearsDrawn.Select(year => PanelLeft(k) + (year - data.Years[0])).ToArray();
            double[] lower = new double[xs.Length];
            for (int p = 0; p < data.Programmes.Length; p++)
            {
                int programme = p, panel = k;
                double[] upper = lower.Select((low, y) => low + Spend(panel, programme, y) / scale.GbpPerUnit).ToArray();
                var area = plot.Add.FillY(xs, lower, upper);
                area.FillColor = ProgrammePalette.ColourOf(p);
                area.LineWidth = 0;
                // A thin white edge keeps neighbouring programmes apart where their colours are close.
                var edge = plot.Add.ScatterLine(xs, upper, Colors.White);
                edge.LineWidth = 1;
                lower = upper;
            }

            var title = plot.Add.Text(data.Variants[k].Variant, PanelLeft(k) + span / 2, top);
            title.LabelStyle.FontSize = ChartStyle.AxisLabelFontSize;
            title.LabelStyle.Bold = true;
            title.LabelStyle.ForeColor = ChartStyle.TextColour;
            title.LabelStyle.Alignment = Alignment.UpperCenter;
            title.OffsetY = 6;

            foreach (int year in single ? data.Years : ChartStyle.YearTicks(data.Years[0], data.Years[^1], maxLabels: 5))
                yearTicks.AddMajor(PanelLeft(k) + (year - data.Years[0]) + (single ? 0.5 : 0), ChartStyle.FormatYear(year));
        }

        // White strips between panels hide the grid there, so each variant reads as its own panel.
        for (int k = 1; k < data.Variants.Count; k++)
        {
            var strip = plot.Add.HorizontalSpan(PanelLeft(k) - gap, PanelLeft(k));
            strip.FillColor = Colors.White;
            strip.LineWidth = 0;
        }
        plot.Axes.Bottom.TickGenerator = yearTicks;

        ChartStyle.ShowLegend(plot, data.Programmes.Select((name, p) => ChartStyle.SwatchItem(name, ProgrammePalette.ColourOf(p), 1)));
        double yearPad = span * 0.015;
        plot.Axes.SetLimits(-yearPad, PanelLeft(data.Variants.Count - 1) + span + yearPad, 0, top);
        return ChartStyle.Finish(plot);
    }
}
