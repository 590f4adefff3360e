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
    public void NotOnATerminal_APeriodicLineGivesCountRateAndEta_OnceTheRateIsKnown()
    {
        var stderr = new StringWriter(CultureInfo.InvariantCulture);
        var now = TimeSpan.Zero;
        var progress = new ProgressReporter(stderr, terminal: false, total: 10_000, alreadyDone: 2_000, clock: () => now);
        // One replication every 10 ms from the first delivery at 1 s, for 10 s: a line every 5 s.
        for (now = TimeSpan.FromSeconds(1); now <= TimeSpan.FromSeconds(11); now += TimeSpan.FromMilliseconds(10)) progress.Advance();
        string[] lines = stderr.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        // At 5 s, 4 s after the first delivery: the rate is known (100/s); 5,600 left take 56 s.
        Assert.Equal("  2,401/10,000 replications (24%), 100/s, ETA 1:16", lines[0]);
        Assert.Equal("  2,901/10,000 replications (29%), 100/s, ETA 1:11", lines[1]);
    }

    [Fact]
    public void BeforeTheRateIsKnown_NoTimeLeftIsGuessed()
    {
        var stderr = new StringWriter(CultureInfo.InvariantCulture);
        var now = TimeSpan.Zero;
        var progress = new ProgressReporter(stderr, terminal: false, total: 10_000, alreadyDone: 0, clock: () => now);
        // A burst: the first block of 64 delivered at once after 4.9 s of start-up, then nothing until the line is due.
        now = TimeSpan.FromSeconds(4.9);
        progress.Advance(64);
        now = TimeSpan.FromSeconds(5.1);
        progress.Advance(64);
        Assert.Equal("  128/10,000 replications (1%), –/s, ETA estimating", stderr.ToString().Trim('\n'));
    }

    [Fact]
    public void TheRate_IsMeasuredFromTheFirstDelivery_NotFromTheStartUp()
    {
        var stderr = new StringWriter(CultureInfo.InvariantCulture);
        var now = TimeSpan.Zero;
        var progress = new ProgressReporter(stderr, terminal: false, total: 1_000_000, alreadyDone: 0, clock: () => now);
        // 30 s of start-up, then 1,000 a second: counting the start-up would report about 150/s.
        for (now = TimeSpan.FromSeconds(30); now <= TimeSpan.FromSeconds(36); now += TimeSpan.FromMilliseconds(100)) progress.Advance(100);
        Assert.Contains(", 1,000/s, ETA ", stderr.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1]);
    }
}
