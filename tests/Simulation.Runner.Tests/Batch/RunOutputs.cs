using Newtonsoft.Json.Linq;
using UrbanSim.Runner.Batch;

namespace UrbanSim.Runner.Tests.Batch;

/// <summary>Comparing the outputs of two runs.</summary>
internal static class RunOutputs
{
    /// <summary>Manifest fields that legitimately differ between runs of the same batch.</summary>
    private static readonly string[] TimingFields = ["started_utc", "finished_utc", "wall_seconds", "threads"];

    /// <summary>Every output file byte-identical, charts included; manifest.json identical apart from its timings.</summary>
    public static void AssertSame(string expectedDir, string actualDir)
    {
        foreach (string file in BatchOutputs.DataFiles)
            Assert.True(File.ReadAllBytes(Path.Combine(expectedDir, file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(actualDir, file))),
                $"{file} differs between {expectedDir} and {actualDir}");
        var expectedCharts = ChartFiles(expectedDir);
        Assert.Equal(expectedCharts, ChartFiles(actualDir));
        foreach (string chart in expectedCharts)
            Assert.True(File.ReadAllBytes(Path.Combine(expectedDir, "charts", chart)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(actualDir, "charts", chart))),
                $"charts/{chart} differs");
        Assert.Equal(Untimed(expectedDir).ToString(), Untimed(actualDir).ToString());
    }

    /// <summary>
    /// Every file of <paramref name="expectedDir"/> byte-identical in <paramref name="actualDir"/> and no file more, apart
    /// from the chunks and shard record; manifest.json identical apart from its timings and threads.
    /// </summary>
    public static void AssertSameFolder(string expectedDir, string actualDir)
    {
        static string[] Files(string dir) => Directory.GetFiles(dir, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(dir, f).Replace('\\', '/'))
            .Where(f => f != "manifest.json" && f != ShardRecord.FileName && !f.StartsWith("chunks/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal).ToArray();
        var expected = Files(expectedDir);
        Assert.NotEmpty(expected);
        Assert.Equal(expected, Files(actualDir));
        foreach (string file in expected)
            Assert.True(File.ReadAllBytes(Path.Combine(expectedDir, file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(actualDir, file))),
                $"{file} differs between {expectedDir} and {actualDir}");
        Assert.Equal(Untimed(expectedDir).ToString(), Untimed(actualDir).ToString());
    }

    /// <summary>A merge refused: exit code 2, "merge refused … Nothing was written." naming <paramref name="expected"/>, no stack trace, no output folder.</summary>
    public static void AssertMergeRefused(int code, string stderr, string outDir, params string[] expected)
    {
        Assert.Equal(UrbanSim.Runner.Commands.ExitCodes.InvalidInput, code);
        Assert.Contains("merge refused", stderr, StringComparison.Ordinal);
        Assert.Contains("Nothing was written", stderr, StringComparison.Ordinal);
        foreach (string text in expected) Assert.Contains(text, stderr, StringComparison.Ordinal);
        UrbanSim.Runner.Tests.Commands.CliHarness.AssertNoStackTrace(stderr);
        Assert.False(Directory.Exists(outDir), "a refused merge wrote its output folder");
    }

    public static string[] ChartFiles(string dir) =>
        Directory.Exists(Path.Combine(dir, "charts"))
            ? Directory.GetFiles(Path.Combine(dir, "charts")).Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal).ToArray()
            : [];

    public static JObject Manifest(string dir) => JObject.Parse(File.ReadAllText(Path.Combine(dir, "manifest.json")));

    private static JObject Untimed(string dir)
    {
        var manifest = Manifest(dir);
        foreach (string field in TimingFields) manifest.Remove(field);
        return manifest;
    }
}
