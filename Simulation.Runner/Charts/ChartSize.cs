namespace UrbanSim.Runner.Charts;

/// <summary>
/// The pixel size a chart is laid out for. Text is drawn at the house sizes whatever the size (13 px and up), so a chart
/// meant for a phone is laid out at the phone's width rather than shrunk from the report size, where its text would
/// become unreadable. Charts with several panels grow in height (<see cref="WithRows"/>), never into a wide strip.
/// </summary>
internal sealed record ChartSize(int WidthPx, int HeightPx)
{
    /// <summary>The size of the charts a run writes: 1200 × 700, for reports.</summary>
    public static ChartSize Report { get; } = new(ChartStyle.WidthPx, ChartStyle.HeightPx);

    /// <summary>Narrowest a chart may be laid out (a 360 px phone screen less its margins).</summary>
    public const int MinWidthPx = 300;

    /// <summary>Below this width the layout is compact: legends in fewer columns, shorter captions, fewer ticks.</summary>
    public bool Compact => WidthPx < 700;

    /// <summary>A chart laid out for a screen box <paramref name="widthPx"/> wide: taller than wide on a phone, 7:12 on a wide screen.</summary>
    public static ChartSize ForScreen(int widthPx)
    {
        int width = Math.Clamp(widthPx, MinWidthPx, ChartStyle.WidthPx);
        // On a phone the title, legend and caption take several lines: the chart is taller than wide so its data keep room.
        int height = width < 700 ? (int)Math.Round(width * 1.45 + 100) : (int)Math.Round(width * 7.0 / 12);
        return new ChartSize(width, Math.Max(height, 420));
    }

    /// <summary>This size with room for <paramref name="rows"/> rows of panels: each row after the first adds most of a panel's height.</summary>
    public ChartSize WithRows(int rows) => rows <= 1 ? this : this with { HeightPx = HeightPx + (rows - 1) * (int)Math.Round((HeightPx - 200) * 0.8) };
}
