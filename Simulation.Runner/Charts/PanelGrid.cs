using ScottPlot;
using ScottPlot.TickGenerators;

namespace UrbanSim.Runner.Charts;

/// <summary>
/// Small multiples in one plot: panel k sits in column k % <see cref="Columns"/> and row k / <see cref="Columns"/>, and
/// every panel shares one x range and one y range (so panels can be compared at a glance). Data coordinates map into
/// plot units: a panel is one unit wide and one unit tall, with gaps between panels for titles and tick labels. Ticks
/// and panel titles are drawn by <see cref="Decorate"/>; white strips between panels hide the grid there.
/// </summary>
internal sealed class PanelGrid
{
    private const double GapX = 0.14;
    private const double GapY = 0.34;

    public PanelGrid(int panels, int columns, double xMin, double xMax, double yMin, double yMax)
    {
        if (panels < 1) throw new ArgumentOutOfRangeException(nameof(panels));
        Panels = panels;
        Columns = Math.Clamp(columns, 1, panels);
        (XMin, XMax) = xMax > xMin ? (xMin, xMax) : (xMin - 0.5, xMin + 0.5);
        (YMin, YMax) = yMax > yMin ? (yMin, yMax) : (yMin - 0.5, yMin + 0.5);
    }

    public int Panels { get; }
    public int Columns { get; }
    public int Rows => (Panels + Columns - 1) / Columns;
    public double XMin { get; }
    public double XMax { get; }
    public double YMin { get; }
    public double YMax { get; }

    /// <summary>Columns for <paramref name="panels"/> panels: one row up to <paramref name="maxPerRow"/>, then as square a grid as fits.</summary>
    public static int ColumnsFor(int panels, int maxPerRow = 3) =>
        panels <= maxPerRow ? panels : Math.Min(maxPerRow, (int)Math.Ceiling(Math.Sqrt(panels)) + (panels > 6 ? 1 : 0));

    private double Left(int panel) => panel % Columns * (1 + GapX);
    private double Bottom(int panel) => (Rows - 1 - panel / Columns) * (1 + GapY);

    /// <summary>Plot x of data x in a panel.</summary>
    public double X(int panel, double x) => Left(panel) + (x - XMin) / (XMax - XMin);
    /// <summary>Plot y of data y in a panel.</summary>
    public double Y(int panel, double y) => Bottom(panel) + (y - YMin) / (YMax - YMin);
    public double[] X(int panel, IEnumerable<double> xs) => xs.Select(x => X(panel, x)).ToArray();
    public double[] Y(int panel, IEnumerable<double> ys) => ys.Select(y => Y(panel, y)).ToArray();

    /// <summary>
    /// Ticks, panel titles, white gaps and the plot's limits. X tick labels go under the lowest panel of each column (on the
    /// bottom axis for the last row, as text above the gap for a column whose last row is empty); y tick labels on the left
    /// axis for every row. <paramref name="titleColours"/> colours each title (a variant's colour), black when null.
    /// </summary>
    public void Decorate(Plot plot, IReadOnlyList<string> titles, IEnumerable<double> xTicks, Func<double, string> xLabel,
        IEnumerable<double> yTicks, Func<double, string> yLabel, IReadOnlyList<Color>? titleColours = null)
    {
        // The gaps and any empty slot of the last row: white, so the grid shows only inside panels.
        for (int c = 1; c < Columns; c++)
        {
            var strip = plot.Add.HorizontalSpan(c * (1 + GapX) - GapX, c * (1 + GapX));
            strip.FillColor = Colors.White;
            strip.LineWidth = 0;
        }
        for (int r = 1; r < Rows; r++)
        {
            var strip = plot.Add.VerticalSpan(r * (1 + GapY) - GapY, r * (1 + GapY));
            strip.FillColor = Colors.White;
            strip.LineWidth = 0;
        }
        for (int empty = Panels; empty < Rows * Columns; empty++)
        {
            var blank = plot.Add.Rectangle(Left(empty) - GapX, Left(empty) + 1 + GapX, Bottom(empty) - GapY, Bottom(empty) + 1.02);
            blank.FillColor = Colors.White;
            blank.LineWidth = 0;
        }
        double[] xs = xTicks.Where(x => x >= XMin - 1e-9 && x <= XMax + 1e-9).ToArray();
        double[] ys = yTicks.Where(y => y >= YMin - 1e-9 && y <= YMax + 1e-9).ToArray();
        var bottom = new NumericManual();
        var left = new NumericManual();
        for (int c = 0; c < Columns; c++)
        {
            int lowest = Enumerable.Range(0, Panels).Where(p => p % Columns == c).Max();
            bool onAxis = lowest / Columns == Rows - 1;
            foreach (double x in xs)
            {
                if (onAxis) bottom.AddMajor(X(lowest, x), xLabel(x));
                else
                {
                    var label = plot.Add.Text(xLabel(x), X(lowest, x), Bottom(lowest));
                    label.LabelStyle.FontSize = ChartStyle.TickLabelFontSize;
                    label.LabelStyle.ForeColor = ChartStyle.TextColour;
                    label.LabelStyle.Alignment = Alignment.UpperCenter;
                    label.OffsetY = 4;
                }
            }
        }
        for (int r = 0; r < Rows; r++)
            foreach (double y in ys) left.AddMajor(Y(r * Columns, y), yLabel(y));
        plot.Axes.Bottom.TickGenerator = bottom;
        plot.Axes.Left.TickGenerator = left;

        for (int p = 0; p < Panels; p++)
        {
            var title = plot.Add.Text(titles[p], Left(p), Bottom(p) + 1);
            title.LabelStyle.FontSize = ChartStyle.SizeOf(plot).Compact ? ChartStyle.AnnotationFontSize - 1 : ChartStyle.AxisLabelFontSize - 1;
            title.LabelStyle.Bold = true;
            title.LabelStyle.ForeColor = titleColours is null ? ChartStyle.TextColour : titleColours[p].Darken(0.2);
            title.LabelStyle.Alignment = Alignment.LowerLeft;
            title.OffsetY = -4;
        }
        // Room above the top row for its panel titles: about the same in pixels however many rows there are.
        plot.Axes.SetLimits(-0.02, Columns * (1 + GapX) - GapX + 0.02, -0.02, Rows * (1 + GapY) - GapY + (Rows == 1 ? 0.13 : 0.2));
    }

    /// <summary>
    /// About <paramref name="count"/> round tick values covering [<paramref name="min"/>, <paramref name="max"/>], and
    /// never fewer than two when the range has width: a single labelled tick (often only 0) leaves a reader no scale,
    /// so a smaller round step is taken until two fit.
    /// </summary>
    public static double[] NiceTicks(double min, double max, int count = 4)
    {
        if (!(max > min)) return [min];
        double raw = (max - min) / Math.Max(1, count);
        double magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        // Round steps from the largest that gives about `count` ticks down to a tenth of it.
        double[] steps = [.. new[] { 10, 5, 2.5, 2, 1, 0.5, 0.25, 0.2, 0.1 }.Select(m => m * magnitude).Where(s => s <= 10 * magnitude)];
        int from = Array.FindLastIndex(steps, s => s >= raw);
        double[] ticks = [];
        for (int i = Math.Max(0, from); i < steps.Length; i++)
        {
            double step = steps[i];
            double first = Math.Ceiling(min / step) * step;
            ticks = [.. Enumerable.Range(0, (int)Math.Floor((max - first) / step + 1e-9) + 1).Select(k => Math.Round(first + k * step, 10))];
            if (ticks.Length >= 2) break;
        }
        return ticks;
    }
}
