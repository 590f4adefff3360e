using ScottPlot;

namespace UrbanSim.Runner.Charts;

/// <summary>
/// The caption line under everything else at the bottom of a chart, small, grey and left-aligned with the figure,
/// like the source line under a table in a report. ScottPlot's own title panel can only sit at the top.
/// </summary>
internal sealed class CaptionPanel(string text) : IPanel
{
    private const float GapAbovePx = 10;
    private const float MarginPx = 12;

    public bool IsVisible { get; set; } = true;
    public float MinimumSize { get; set; }
    public float MaximumSize { get; set; } = float.MaxValue;
    public Edge Edge => Edge.Bottom;
    public bool ShowDebugInformation { get; set; }

    public LabelStyle Label { get; } = new()
    {
        Text = text,
        FontName = ChartStyle.FontName,
        FontSize = ChartStyle.CaptionFontSize,
        ForeColor = ChartStyle.CaptionColour,
        Alignment = Alignment.LowerLeft,
        Rotation = 0,
    };

    public float Measure(Paint paint) =>
        IsVisible && Label.Text.Length > 0 ? Label.Measure(Label.Text, paint).Height + GapAbovePx + MarginPx : 0;

    public PixelRect GetPanelRect(PixelRect dataRect, float size, float offset, Paint paint) =>
        new(left: dataRect.Left, right: dataRect.Right, bottom: dataRect.Bottom + offset + size, top: dataRect.Bottom + offset);

    public void Render(RenderPack rp, float size, float offset)
    {
        if (!IsVisible) return;
        PixelRect panel = GetPanelRect(rp.DataRect, size, offset, rp.Paint);
        Label.Render(rp.Canvas, new Pixel(rp.FigureRect.Left + MarginPx, panel.Bottom - MarginPx), rp.Paint);
    }
}
