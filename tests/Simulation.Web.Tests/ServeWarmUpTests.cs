using UrbanSim.Runner.Web;

namespace UrbanSim.Web.Tests;

/// <summary>The explorer compiles its code at start by computing the default first answer a few times, then lets go.</summary>
public class ServeWarmUpTests
{
    [Fact]
    public async Task WarmUp_ComputesTheDefaultFirstAnswer_AndLeavesTheComputingSlotFree()
    {
        await using var app = ExplorerServer.Build("127.0.0.1", 0);
        var limiter = (JobLimiter)app.Services.GetService(typeof(JobLimiter))!;
        var warmUp = ServeCommand.WarmUp(app, CancellationToken.None);
        await warmUp.WaitAsync(TimeSpan.FromMinutes(2));
        Assert.True(warmUp.IsCompletedSuccessfully);
        // The computing slot it took in turns was given back: another client enters at once.
        using var slot = await limiter.EnterAsync(CancellationToken.None, "a user").WaitAsync(TimeSpan.FromSeconds(5));
        Assert.NotNull(slot);
    }

    [Fact]
    public async Task WarmUp_StopsAtOnce_WhenTheServerIsStopping()
    {
        await using var app = ExplorerServer.Build("127.0.0.1", 0);
        using var stop = new CancellationTokenSource();
        await stop.CancelAsync();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await ServeCommand.WarmUp(app, stop.Token);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"took {clock.Elapsed}");
    }
}
