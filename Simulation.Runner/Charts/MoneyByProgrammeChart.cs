using ScottPlot;

namespace UrbanSim.Runner.Charts;

/// <summary>
/// Where public money goes, year by year: stacked areas of mean spend per programme, one panel per variant on shared axes,
/// so both the mix and the total can be compared across settlements. Panels wrap into rows (three to a row at the report
/// width, one on a phone), so the chart grows taller with more variants rather than into a strip.
/// </summary>
internal static class MoneyByProgrammeChart
{
    /// <summary>The size to render at for <paramref name="variantCount"/> variants: <paramref name="size"/> grown by a row for each extra row of panels.</summary>
    public static ChartSize SizeFor(int variantCount, ChartSize? size = null)
    {
        size ??= ChartSize.Report;
        int columns = Columns(variantCount, size);
        return size.WithRows((variantCount + columns - 1) / columns);
    }

    private static int Columns(int variants, ChartSize size) => size.Compact ? Math.Min(variants, 2) : PanelGrid.ColumnsFor(variants);

    /// <summary>The chart at <paramref name="size"/> (the report size when null); render it at <see cref="SizeFor"/>.</summary>
    public static Plot Create(MoneyByProgrammeData data, ChartCaption caption, ChartSize? size = null)
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
        size ??= ChartSize.Report;

        double[][] totalsGbp = data.Variants.Select(v => Enumerable.Range(0, data.Years.Length).Select(y => v.GbpPerYear.Sum(p => p[y])).ToArray()).ToArray();
        var scale = MoneyScale.For(totalsGbp.SelectMany(t => t));
        var plot = ChartStyle.NewPlot(
            title: $"Public money by programme, {(data.Years.Length == 1 ? $"{data.Years[0]}" : $"{data.Years[0]}–{data.Years[^1]}")} (mean over replications)",
            xLabel: "Year",
            yLabel: $"Public money ({scale.Unit} per year)",
            caption, size);

        // A single year (a one-year horizon) is drawn as a block one year wide, from its start to the next.
        bool single = data.Years.Length == 1;
        int lastYear = single ? data.Years[0] + 1 : data.Years[^1];
        double Spend(int k, int p, int y) => data.Variants[k].GbpPerYear[p][single ? 0 : y];
        double highest = Math.Max(totalsGbp.Max(t => t.Max()) / scale.GbpPerUnit, 1e-9);
        var grid = new PanelGrid(data.Variants.Count, Columns(data.Variants.Count, size), data.Years[0], lastYear, 0, highest * 1.04);
        double[] years = single ? [data.Years[0], lastYear] : data.Years.Select(y => (double)y).ToArray();
        for (int k = 0; k < data.Variants.Count; k++)
        {
            double[] xs = grid.X(k, years);
            double[] lower = new double[xs.Length];
            for (int p = 0; p < data.Programmes.Length; p++)
            {
                int programme = p, panel = k;
                double[] upper = lower.Select((low, y) => low + Spend(panel, programme, y) / scale.GbpPerUnit).ToArray();
                var area = plot.Add.FillY(xs, grid.Y(k, lower), grid.Y(k, upper));
                area.FillColor = ProgrammePalette.ColourOf(p);
                area.LineWidth = 0;
                // A thin white edge keeps neighbouring programmes apart where their colours are close.
                var edge = plot.Add.ScatterLine(xs, grid.Y(k, upper), Colors.White);
                edge.LineWidth = 1;
                lower = upper;
            }
        }
        double[] ticks = PanelGrid.NiceTicks(0, highest, 4);
        int decimals = EvenDecimalTicks.DecimalsFor(ticks);
        var yearTicks = single ? [data.Years[0] + 0.5]
            : ChartStyle.YearTicks(data.Years[0], data.Years[^1], maxLabels: size.WidthPx / grid.Columns < 300 ? 2 : 5).Select(y => (double)y);
        grid.Decorate(plot, data.Variants.Select(v => v.Variant).ToArray(), yearTicks, single ? _ => ChartStyle.FormatYear(data.Years[0]) : ChartStyle.FormatYear,
            ticks, t => EvenDecimalTicks.Format(t, decimals));

        ChartStyle.ShowLegend(plot, data.Programmes.Select((name, p) => ChartStyle.SwatchItem(name, ProgrammePalette.ColourOf(p), 1)));
        return ChartStyle.Finish(plot);
    }
}
