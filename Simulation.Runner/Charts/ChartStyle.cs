using System.Globalization;
using ScottPlot;
using ScottPlot.TickGenerators;

namespace UrbanSim.Runner.Charts;

/// <summary>The look shared by every chart: sizes, fonts, number formats, the caption line and the legend.</summary>
internal static class ChartStyle
{
    /// <summary>Width every chart is designed for, in pixels (the multi-panel money chart may need more; see its WidthPx).</summary>
    public const int WidthPx = 1200;

    /// <summary>Height every chart is designed for, in pixels.</summary>
    public const int HeightPx = 700;

    /// <summary>A sans font with wide Unicode coverage (£, ·, ←, −), installed with fontconfig on most Linux machines.</summary>
    public const string FontName = "DejaVu Sans";

    internal const float TitleFontSize = 24;
    internal const float AxisLabelFontSize = 18;
    internal const float TickLabelFontSize = 15;
    internal const float LegendFontSize = 15;
    internal const float CompactTitleFontSize = 19;
    internal const float CompactLegendFontSize = 13;
    internal const float AnnotationFontSize = 15;
    internal const float CaptionFontSize = 13;

    internal static readonly Color TextColour = Color.FromHex("#222222");
    internal static readonly Color CaptionColour = Color.FromHex("#6E6E6E");
    internal static readonly Color GridColour = Color.FromHex("#E6E6E6");
    internal static readonly Color ReferenceLineColour = Color.FromHex("#444444");

    /// <summary>
    /// Numbers as a report prints them, whatever the machine's culture: thousands separators, no trailing zeros,
    /// floating-point noise rounded away, and a true minus sign (U+2212).
    /// </summary>
    public static string FormatNumber(double value)
    {
        double rounded = Math.Round(value, 6);
        if (rounded == 0) rounded = 0; // no "−0"
        string text = rounded.ToString("#,0.######", CultureInfo.InvariantCulture);
        return text.StartsWith('-') ? "\u2212" + text[1..] : text;
    }

    /// <summary>A calendar year, without a thousands separator.</summary>
    public static string FormatYear(double year) =>
        Math.Round(year).ToString("0", CultureInfo.InvariantCulture);

    /// <summary>A probability as a report prints it, e.g. 0.834 → "0.83".</summary>
    public static string FormatProbability(double probability) =>
        probability.ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>
    /// <paramref name="value"/> with as many decimals as <paramref name="resolution"/> (e.g. a standard deviation)
    /// makes meaningful, plus one: 62.4837 with resolution 0.3 → "62.48". Optionally with a "+" on positive values.
    /// </summary>
    public static string FormatToResolution(double value, double resolution, bool showPlus = false)
    {
        int decimals = resolution > 0 && double.IsFinite(resolution)
            ? Math.Clamp((int)Math.Ceiling(-Math.Log10(resolution)) + 1, 0, 6)
            : 2;
        double rounded = Math.Round(value, decimals);
        if (rounded == 0) rounded = 0;
        string text = rounded.ToString("#,0." + new string('0', decimals), CultureInfo.InvariantCulture).TrimEnd('.');
        if (text.StartsWith('-')) return "\u2212" + text[1..];
        return showPlus && rounded > 0 ? "+" + text : text;
    }

    /// <summary>
    /// A label without its closing parenthetical, for an axis where space is short and the title has the full
    /// name: "HLE gap (slope index of inequality)" → "HLE gap".
    /// </summary>
    internal static string WithoutParenthesis(string label)
    {
        int open = label.LastIndexOf(" (", StringComparison.Ordinal);
        return open > 0 && label.EndsWith(')') ? label[..open] : label;
    }

    /// <summary>
    /// An axis label of an outcome with its unit, one parenthesis: "QALYs over the horizon (discounted)" in "million
    /// QALYs" reads "QALYs over the horizon (million QALYs, discounted)", not "(discounted) (million QALYs)".
    /// </summary>
    internal static string LabelWithUnit(string label, string unit) => $"{WithoutParenthesis(label)} {UnitInParenthesis(label, unit)}";

    /// <summary>The unit and what the label says in its closing bracket: "(million QALYs, discounted)", or "(years)".</summary>
    internal static string UnitInParenthesis(string label, string unit)
    {
        int bare = WithoutParenthesis(label).Length;
        return bare < label.Length ? $"({unit}, {label[(bare + 2)..^1]})" : $"({unit})";
    }

    /// <summary>
    /// A formatted number with its unit as a reader expects it: "62.48 years", "£4,214m" for unit "£m", "£950" for
    /// unit "£", "12%" for unit "%". A leading sign stays in front of the "£": "−£35m".
    /// </summary>
    public static string WithUnit(string number, string unit)
    {
        if (unit.StartsWith('£'))
        {
            string sign = number.StartsWith('+') || number.StartsWith('\u2212') ? number[..1] : "";
            return $"{sign}£{number[sign.Length..]}{unit[1..]}";
        }
        return unit == "%" ? number + unit : $"{number} {unit}";
    }

    /// <summary>"per year" from "years": the unit of a density's axis.</summary>
    internal static string PerUnit(string unit) =>
        "per " + (unit.Length > 2 && unit.EndsWith('s') && char.IsLetter(unit[^2]) ? unit[..^1] : unit);

    /// <summary>A new plot with the title, axis labels and caption line set and the house style applied.</summary>
    internal static Plot NewPlot(string title, string xLabel, string yLabel, ChartCaption caption, ChartSize? size = null)
    {
        ArgumentNullException.ThrowIfNull(caption);
        size ??= ChartSize.Report;
        var plot = new Plot();
        plot.FigureBackground.Color = Colors.White;
        plot.DataBackground.Color = Colors.White;

        // Long labels from the caller wrap (titles) or shrink to fit the size rather than run off the edge.
        float titleSize = size.Compact ? CompactTitleFontSize : TitleFontSize;
        title = Wrapped(title, titleSize, bold: true, size.WidthPx - 40);
        plot.Title(title, FittedFontSize(title, titleSize, bold: true, size.WidthPx - 40));
        plot.Legend.FontSize = size.Compact ? CompactLegendFontSize : LegendFontSize;
        plot.Axes.Title.Label.ForeColor = TextColour;
        // Axis labels shrink to fit, down to two thirds of their size, and then wrap.
        float xRoom = size.WidthPx - 120, yRoom = size.HeightPx - (size.Compact ? 330 : 240);
        float xSize = FittedFontSize(xLabel, AxisLabelFontSize, bold: false, xRoom), ySize = FittedFontSize(yLabel, AxisLabelFontSize, bold: false, yRoom);
        plot.XLabel(Wrapped(xLabel, xSize, bold: false, xRoom), xSize);
        plot.YLabel(Wrapped(yLabel, ySize, bold: false, yRoom), ySize);
        Sizes.AddOrUpdate(plot, size);
        foreach (var axis in new ScottPlot.AxisPanels.AxisBase[] { (ScottPlot.AxisPanels.AxisBase)plot.Axes.Bottom, (ScottPlot.AxisPanels.AxisBase)plot.Axes.Left })
        {
            axis.LabelStyle.ForeColor = TextColour;
            axis.LabelStyle.Bold = false;
            axis.TickLabelStyle.FontSize = TickLabelFontSize;
            axis.TickLabelStyle.ForeColor = TextColour;
            axis.MajorTickStyle.Color = TextColour;
            axis.MinorTickStyle.Length = 0;
            axis.FrameLineStyle.Color = TextColour;
        }
        UseNumberTicks(plot.Axes.Bottom);
        UseNumberTicks(plot.Axes.Left, tickDensity: 0.6);

        // An open frame (no top or right line) and a faint grid: the data, not the box, should catch the eye.
        plot.Axes.Right.FrameLineStyle.Width = 0;
        plot.Axes.Right.MinimumSize = 36; // room for half of the last x tick label

        plot.Axes.Top.FrameLineStyle.Width = 0;
        plot.Grid.MajorLineColor = GridColour;
        plot.Grid.MajorLineWidth = 1;
        plot.Grid.MinorLineWidth = 0;

        plot.Axes.AddPanel(new CaptionPanel(Wrapped(size.Compact ? caption.ShortText : caption.Text, CaptionFontSize, bold: false, size.WidthPx - 24)));
        return plot;
    }

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Plot, ChartSize> Sizes = [];

    /// <summary>The size <paramref name="plot"/> was laid out for by <see cref="NewPlot"/> (the report size for a plot made otherwise).</summary>
    internal static ChartSize SizeOf(Plot plot) => Sizes.TryGetValue(plot, out var size) ? size : ChartSize.Report;

    /// <summary>
    /// <paramref name="text"/> broken into lines no wider than <paramref name="maxWidthPx"/> at <paramref name="fontSize"/>,
    /// at spaces (or after " · " separators, which are kept at the line's end); a single word longer than the width stays whole.
    /// </summary>
    internal static string Wrapped(string text, float fontSize, bool bold, float maxWidthPx)
    {
        var label = new LabelStyle { FontName = FontName, FontSize = fontSize, Bold = bold };
        using var paint = Paint.NewDisposablePaint();
        float Width(string s) => label.Measure(s, paint).Width;
        if (Width(text) <= maxWidthPx) return text;
        var lines = new List<string>();
        string line = "";
        foreach (string word in text.Split(' '))
        {
            string candidate = line.Length == 0 ? word : line + " " + word;
            if (line.Length > 0 && Width(candidate) > maxWidthPx) { lines.Add(line); line = word; }
            else line = candidate;
        }
        lines.Add(line);
        return string.Join("\n", lines);
    }

    /// <summary>
    /// <paramref name="preferredSize"/>, or smaller (down to two thirds of it) when <paramref name="text"/> would be
    /// wider than <paramref name="maxWidthPx"/> at that size.
    /// </summary>
    internal static float FittedFontSize(string text, float preferredSize, bool bold, float maxWidthPx)
    {
        var label = new LabelStyle { FontName = FontName, FontSize = preferredSize, Bold = bold };
        using var paint = Paint.NewDisposablePaint();
        float widthPx = label.Measure(text, paint).Width;
        return widthPx <= maxWidthPx ? preferredSize : Math.Max(preferredSize * 2 / 3, MathF.Floor(preferredSize * maxWidthPx / widthPx));
    }

    /// <summary>Automatic ticks whose labels all have the same number of decimals (see <see cref="EvenDecimalTicks"/>).</summary>
    internal static void UseNumberTicks(IAxis axis, double tickDensity = 0.8) =>
        axis.TickGenerator = new EvenDecimalTicks(tickDensity);

    /// <summary>Year ticks at round multiples (every 1, 2, 5, 10… years, at most ten labels), without thousands separators.</summary>
    internal static void UseYearTicks(IAxis axis, int firstYear, int lastYear)
    {
        var ticks = new NumericManual();
        foreach (int year in YearTicks(firstYear, lastYear)) ticks.AddMajor(year, FormatYear(year));
        axis.TickGenerator = ticks;
    }

    /// <summary>
    /// The labelled years between <paramref name="firstYear"/> and <paramref name="lastYear"/>: multiples of the
    /// smallest round step (1, 2, 5, 10… years) that gives at most <paramref name="maxLabels"/> labels.
    /// </summary>
    internal static int[] YearTicks(int firstYear, int lastYear, int maxLabels = 10)
    {
        int[] StartingFrom(int step)
        {
            int first = (int)Math.Ceiling(firstYear / (double)step) * step;
            return first > lastYear ? [] : Enumerable.Range(0, (lastYear - first) / step + 1).Select(k => first + k * step).ToArray();
        }
        foreach (int step in new[] { 1, 2, 5, 10, 20, 25, 50, 100 })
        {
            int[] years = StartingFrom(step);
            if (years.Length <= maxLabels && years.Length > 0) return years;
        }
        return [firstYear];
    }

    /// <summary>Shows a legend of hand-made items (one per series, however many plottables draw it) below the x axis.</summary>
    internal static void ShowLegend(Plot plot, IEnumerable<LegendItem> items)
    {
        var size = SizeOf(plot);
        bool compact = size.Compact;
        plot.Legend.FontSize = compact ? CompactLegendFontSize : LegendFontSize;
        var list = items.ToList();
        // On a narrow chart a long entry wraps onto a second line rather than running past the edge.
        if (compact)
            foreach (var item in list.Where(i => i.LabelText is not null)) item.LabelText = Wrapped(item.LabelText!, CompactLegendFontSize, bold: false, size.WidthPx - 150);
        plot.Legend.DisplayPlottableLegendItems = false;
        plot.Legend.ManualItems.Clear();
        plot.Legend.ManualItems.AddRange(list);
        plot.Legend.FontName = FontName;
        plot.Legend.FontColor = TextColour;
        plot.Legend.Orientation = Orientation.Horizontal;
        plot.Legend.OutlineWidth = 0;
        plot.Legend.ShadowColor = Colors.Transparent;
        plot.Legend.BackgroundColor = Colors.Transparent;
        plot.Legend.TightHorizontalWrapping = true;
        plot.Legend.SymbolWidth = compact ? 20 : 32;
        plot.Legend.SymbolHeight = compact ? 14 : 18;
        plot.Legend.InterItemPadding = compact ? new PixelPadding(left: 6, right: 14, bottom: 3, top: 3) : new PixelPadding(left: 10, right: 32, bottom: 4, top: 4);

        // Panels on one edge stack outwards in the order they were added; keep the caption outermost.
        var caption = plot.Axes.GetPanels().OfType<CaptionPanel>().ToArray();
        foreach (var panel in caption) plot.Axes.Remove(panel);
        plot.ShowLegend(Edge.Bottom);
        foreach (var panel in caption) plot.Axes.AddPanel(panel);
    }

    /// <summary>A legend entry drawn as a filled swatch with an outline in the series colour.</summary>
    internal static LegendItem SwatchItem(string label, Color colour, double fillOpacity) => new()
    {
        LabelText = label,
        FillColor = colour.WithAlpha(fillOpacity),
        OutlineColor = colour,
        OutlineWidth = 2,
        LineWidth = 0,
        MarkerShape = MarkerShape.None,
    };

    /// <summary>A legend entry drawn as a line.</summary>
    internal static LegendItem LineItem(string label, Color colour, float widthPx, LinePattern pattern) => new()
    {
        LabelText = label,
        LineColor = colour,
        LineWidth = widthPx,
        LinePattern = pattern,
        MarkerShape = MarkerShape.None,
    };

    /// <summary>An error bar from <paramref name="low"/> to <paramref name="high"/> at <paramref name="x"/>, with caps.</summary>
    internal static void AddErrorBar(Plot plot, double x, double low, double high, double capHalfWidth, Color colour, float widthPx = 1.5f)
    {
        foreach (var (x1, y1, x2, y2) in new[] { (x, low, x, high), (x - capHalfWidth, low, x + capHalfWidth, low), (x - capHalfWidth, high, x + capHalfWidth, high) })
        {
            var line = plot.Add.Line(x1, y1, x2, y2);
            line.LineColor = colour;
            line.LineWidth = widthPx;
            line.MarkerShape = MarkerShape.None;
        }
    }

    /// <summary>Category ticks: <paramref name="labels"/>[i] at x = i (or at <paramref name="positions"/>[i]).</summary>
    internal static void UseCategoryTicks(IAxis axis, string[] labels, double[]? positions = null)
    {
        var ticks = new NumericManual();
        for (int i = 0; i < labels.Length; i++) ticks.AddMajor(positions?[i] ?? i, labels[i]);
        axis.TickGenerator = ticks;
        axis.MajorTickStyle.Length = 0;
    }

    /// <summary>
    /// Last step of every chart: one font everywhere. Set label by label because ScottPlot's plot-wide FontStyler
    /// also changes its process-wide default font and drops the title's bold weight.
    /// </summary>
    internal static Plot Finish(Plot plot)
    {
        plot.Axes.Title.Label.FontName = FontName;
        plot.Axes.Title.Label.Bold = true;
        foreach (var axis in plot.Axes.GetAxes())
        {
            axis.Label.FontName = FontName;
            axis.TickLabelStyle.FontName = FontName;
        }
        plot.Legend.FontName = FontName;
        foreach (var text in plot.GetPlottables<ScottPlot.Plottables.Text>()) text.LabelStyle.FontName = FontName;
        return plot;
    }

    /// <summary>Throws unless <paramref name="array"/> has <paramref name="expected"/> entries; a mismatch is a caller's bug.</summary>
    internal static void CheckLength<T>(T[] array, int expected, string what)
    {
        ArgumentNullException.ThrowIfNull(array, what);
        if (array.Length != expected) throw new ArgumentException($"{what} has {array.Length} entries; expected {expected}.");
    }
}
