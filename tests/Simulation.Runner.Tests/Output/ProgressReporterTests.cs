using System.Globalization;
using UrbanSim.Runner.Output;

namespace UrbanSim.Runner.Tests.Output;

public sealed class ProgressReporterTests
{
    [Fact]
    public void OnATerminal_ABarIsRedrawnInPlace_WithPercentRateAndTimeTaken()
    {
        var stderr = new StringWriter(CultureInfo.InvariantCulture);
        var progress = new ProgressReporter(stderr, terminal: true, total: 1000, alreadyDone: 0);
        for (int i = 0; i < 1000; i++) progress.Advance();
        progress.Finish();
        string text = stderr.ToString();
        Assert.StartsWith("\r", text);
        Assert.Contains("█", text);
        Assert.Contains("100%", text);
        Assert.Contains("1,000/1,000 replications", text);
        Assert.Contains("/s", text);
        Assert.Contains("took", text);
        Assert.EndsWith("\n", text);
    }

    [Fact]
    public void NotOnATerminal_PlainLinesWithoutCarriageReturns()
    {
        var stderr = new StringWriter(CultureInfo.InvariantCulture);
        var progress = new ProgressReporter(stderr, terminal: false, total: 10, alreadyDone: 4);
        for (int i = 0; i < 6; i++) progress.Advance();
        progress.Finish();
        string text = stderr.ToString();
        Assert.DoesNotContain("\r", text);
        Assert.DoesNotContain("█", text);
        // A short run finishes before the first periodic line is due: nothing to report, nothing printed.
        Assert.Equal("", text);
    }

    [Fact]
    public void NotOnATerminal_APeriodicLineGivesCountRateAndEta()
    {
        var stderr = new StringWriter(CultureInfo.InvariantCulture);
        var interval = TimeSpan.FromMilliseconds(100);
        var progress = new ProgressReporter(stderr, terminal: false, total: 10_000, alreadyDone: 2_000, plainInterval: interval);
        var until = DateTime.UtcNow + interval * 2;
        while (DateTime.UtcNow < until) { progress.Advance(); Thread.Sleep(1); }
        string line = stderr.ToString().Split('\n')[0];
        Assert.Matches(@"^  [\d,]+/10,000 replications \(\d+%\), [\d,]+/s, ETA \d+:\d\d$", line);
    }
}
