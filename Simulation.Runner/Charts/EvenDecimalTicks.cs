using System.Globalization;
using ScottPlot;
using ScottPlot.TickGenerators;

namespace UrbanSim.Runner.Charts;

/// <summary>
/// ScottPlot's automatic ticks, relabelled so every label on the axis has the same number of decimals
/// ("62.0, 62.2, 62.4" rather than "62, 62.2, 62.4"), with thousands separators and a true minus sign.
/// </summary>
internal sealed class EvenDecimalTicks(double tickDensity) : ITickGenerator
{
    private readonly NumericAutomatic automatic = new() { TickDensity = tickDensity, LabelFormatter = ChartStyle.FormatNumber };

    public Tick[] Ticks { get; set; } = [];

    public int MaxTickCount
    {
        get => automatic.MaxTickCount;
        set => automatic.MaxTickCount = value;
    }

    public void Regenerate(CoordinateRange range, Edge edge, PixelLength size, Paint paint, LabelStyle labelStyle)
    {
        automatic.Regenerate(range, edge, size, paint, labelStyle);
        double[] majors = automatic.Ticks.Where(t => t.IsMajor).Select(t => t.Position).ToArray();
        int decimals = DecimalsFor(majors);
        Ticks = automatic.Ticks
            .Select(t => t.IsMajor ? new Tick(t.Position, Format(t.Position, decimals), true) : t)
            .ToArray();
    }

    /// <summary>The fewest decimals that write every position exactly (after rounding away floating-point noise), at most 6.</summary>
    internal static int DecimalsFor(IEnumerable<double> positions) =>
        positions.Select(p => Math.Round(p, 6).ToString("0.######", CultureInfo.InvariantCulture))
            .Select(text => text.Contains('.') ? text.Length - text.IndexOf('.') - 1 : 0)
            .DefaultIfEmpty(0).Max();

    internal static string Format(double value, int decimals)
    {
        double rounded = Math.Round(value, decimals);
        if (rounded == 0) rounded = 0;
        string text = rounded.ToString(decimals == 0 ? "#,0" : "#,0." + new string('0', decimals), CultureInfo.InvariantCulture);
        return text.StartsWith('-') ? "\u2212" + text[1..] : text;
    }
}
