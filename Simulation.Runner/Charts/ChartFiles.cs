using System.Text;
using System.Text.RegularExpressions;
using ScottPlot;
using SkiaSharp;

namespace UrbanSim.Runner.Charts;

/// <summary>Where <see cref="ChartFiles.Save"/> wrote a chart.</summary>
internal sealed record ChartFilePaths(string PngPath, string SvgPath);

/// <summary>
/// Writes charts as PNG (for documents) and SVG (for print and the web). The same plot always gives the same
/// bytes, so regenerated figures do not show up as changed, and a file is never seen half-written.
/// </summary>
internal static partial class ChartFiles
{
    /// <summary>
    /// Writes <c>&lt;fileStem&gt;.png</c> and <c>&lt;fileStem&gt;.svg</c> in <paramref name="directory"/> (created if
    /// missing), each first to a temporary file in the same folder and then renamed over the target.
    /// </summary>
    public static ChartFilePaths Save(Plot plot, string directory, string fileStem, int widthPx, int heightPx)
    {
        ArgumentNullException.ThrowIfNull(plot);
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        ArgumentException.ThrowIfNullOrWhiteSpace(fileStem);
        if (fileStem.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0 || fileStem.Contains('/') || fileStem.Contains('\\'))
            throw new ArgumentException($"'{fileStem}' is not a plain file name.", nameof(fileStem));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(widthPx);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(heightPx);

        Directory.CreateDirectory(directory);
        var paths = new ChartFilePaths(Path.Combine(directory, fileStem + ".png"), Path.Combine(directory, fileStem + ".svg"));
        // SVG first: ScottPlot draws a plot once in memory before its SVG, which settles its layout (a chart whose legend
        // wraps, the ridgeline, lays out a few pixels differently the first time), so the PNG after it has the same layout.
        byte[] svg = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(RenderSvg(plot, widthPx, heightPx));
        WriteAtomically(paths.PngPath, RenderPng(plot, widthPx, heightPx));
        WriteAtomically(paths.SvgPath, svg);
        return paths;
    }

    /// <summary>
    /// The chart as PNG bytes: the pixels ScottPlot renders (RGBA, premultiplied, as its own image export), encoded with one
    /// filter (Paeth) at zlib level 3 instead of Skia's default of trying all five filters on every row at level 6. On the
    /// charts of a run that encodes 3.6 times faster for files about 8% larger (measured in benchmarks/README.md). Skia's
    /// PNG encoder writes no time or text chunks, so equal plots give equal bytes.
    /// </summary>
    public static byte[] RenderPng(Plot plot, int widthPx, int heightPx)
    {
        var info = new SKImageInfo(widthPx, heightPx, SKColorType.Rgba8888, SKAlphaType.Premul);
        using var surface = SKSurface.Create(info) ?? throw new InvalidOperationException($"Skia could not make a {widthPx}×{heightPx} surface.");
        plot.Render(surface.Canvas, widthPx, heightPx);
        using var image = surface.Snapshot();
        using var pixels = image.PeekPixels();
        using var png = pixels.Encode(PngOptions) ?? throw new InvalidOperationException("Skia could not encode the chart as PNG.");
        return png.ToArray();
    }

    private static readonly SKPngEncoderOptions PngOptions = new(SKPngEncoderFilterFlags.Paeth, zLibLevel: 3);

    /// <summary>
    /// The chart as SVG text, with Skia's process-wide element ids renumbered (see <see cref="NumberIdsInOrder"/>): the
    /// same text as ScottPlot's <c>GetSvgXml</c>, which first draws the whole plot as a raster image so that its layout
    /// settles before the SVG is recorded; here that first pass goes to a canvas that draws nothing (the layout comes out
    /// the same, a test compares every chart kind), and the canvas is not cleared before the SVG, as ScottPlot does.
    /// </summary>
    public static string RenderSvg(Plot plot, int widthPx, int heightPx)
    {
        using (var layout = new SKNoDrawCanvas(widthPx, heightPx)) plot.Render(layout, widthPx, heightPx);
        using var stream = new MemoryStream();
        bool clear = plot.RenderManager.ClearCanvasBeforeEachRender;
        plot.RenderManager.ClearCanvasBeforeEachRender = false;
        try
        {
            using var canvas = SKSvgCanvas.Create(new SKRect(0, 0, widthPx, heightPx), stream);
            plot.Render(canvas, widthPx, heightPx);
        }
        finally { plot.RenderManager.ClearCanvasBeforeEachRender = clear; }
        return NumberIdsInOrder(Encoding.UTF8.GetString(stream.ToArray()));
    }

    /// <summary>
    /// Skia names SVG clip paths from a counter that lives as long as the process and is written in hex ("cl_4" in
    /// the first chart, "cl_6" in the next, later "cl_a"), so the same chart would differ from run to run. This renames every id to its prefix and
    /// its order of first appearance in the document ("cl_1", "cl_2", …), rewriting references to match.
    /// </summary>
    public static string NumberIdsInOrder(string svg)
    {
        var renamed = new Dictionary<string, string>(StringComparer.Ordinal);
        var perPrefix = new Dictionary<string, int>(StringComparer.Ordinal);
        return SvgIdReference().Replace(svg, match =>
        {
            string id = match.Groups["id"].Value;
            if (!renamed.TryGetValue(id, out string? newId))
            {
                string prefix = IdPrefix(id);
                int number = perPrefix.GetValueOrDefault(prefix) + 1;
                perPrefix[prefix] = number;
                newId = prefix + number.ToString(System.Globalization.CultureInfo.InvariantCulture);
                renamed[id] = newId;
            }
            return match.Groups["before"].Value + newId;
        });
    }

    // "cl_1f" → "cl_"; an id without an underscore loses its trailing digits.
    private static string IdPrefix(string id)
    {
        int underscore = id.LastIndexOf('_');
        return underscore >= 0 ? id[..(underscore + 1)] : id.TrimEnd('0', '1', '2', '3', '4', '5', '6', '7', '8', '9');
    }

    [GeneratedRegex("""(?<before>\bid="|url\(#|href="#)(?<id>[A-Za-z_][A-Za-z0-9_.-]*)""")]
    private static partial Regex SvgIdReference();

    private static void WriteAtomically(string path, byte[] bytes)
    {
        string folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        string temporary = Path.Combine(folder, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new Output.OutputFileStream(temporary, FileMode.CreateNew))
            {
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temporary, path, overwrite: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }
}
