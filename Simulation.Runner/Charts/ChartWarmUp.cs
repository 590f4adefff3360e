namespace UrbanSim.Runner.Charts;

/// <summary>
/// Renders a small paired-difference chart and a distribution chart (PNG and SVG, then discarded) in the background
/// while a run simulates, so that the run's own charts, drawn after the last replication, do not also pay for loading
/// the fonts and compiling the plotting code. It changes no output.
/// </summary>
internal static class ChartWarmUp
{
    /// <summary>Starts the warm-up on the thread pool; wait for it before drawing the run's charts.</summary>
    public static Task Start() => Task.Run(() =>
    {
        try { Draw(); }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Only a head start: if the warm-up cannot draw, the run's own charts report the problem when they are drawn.
        }
    });

    /// <summary>Draws the warm-up charts as PNG and SVG and discards them; returns how many charts were drawn.</summary>
    public static int Draw()
    {
        double[] values = Enumerable.Range(0, 64).Select(i => Math.Sin(i) + i / 64.0).ToArray();
        double[] weights = Enumerable.Repeat(1.0, values.Length).ToArray();
        var caption = new ChartCaption("warm-up", values.Length, 0, Output.Manifest.ToolVersion);
        var difference = new PairedDifferenceData("Healthy life expectancy", "years", "A", HigherIsBetter: true,
            [new VariantDifference("B", values, weights, -0.5, 1.5, 0.7)]);
        var distribution = new OutcomeDistributionData("Healthy life expectancy", "years",
            [new VariantSample("A", values, weights), new VariantSample("B", values.Select(v => v + 0.1).ToArray(), weights)]);
        int drawn = 0;
        foreach (var plot in new[] { PairedDifferenceChart.Create(difference, caption), OutcomeDistributionChart.Create(distribution, caption) })
        {
            if (ChartFiles.RenderPng(plot, ChartStyle.WidthPx, ChartStyle.HeightPx).Length > 0
                && ChartFiles.RenderSvg(plot, ChartStyle.WidthPx, ChartStyle.HeightPx).Length > 0) drawn++;
        }
        return drawn;
    }
}
