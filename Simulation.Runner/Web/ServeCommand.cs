using Microsoft.AspNetCore.Builder;

namespace UrbanSim.Runner.Web;

/// <summary><c>urbansim serve</c>: starts the policy explorer and runs until Ctrl-C or SIGTERM.</summary>
internal static class ServeCommand
{
    /// <summary>What serve says on Ctrl-C or SIGTERM: it stops serving; it has no batch to save.</summary>
    public const string StoppingMessage = "stopping the explorer; requests in progress are cancelled…";

    public static int Run(int port, string host, TextWriter stdout, TextWriter stderr, CancellationToken stop)
    {
        WebApplication app;
        try
        {
            app = ExplorerServer.Build(host, port, log: stdout);
            app.StartAsync(stop).GetAwaiter().GetResult();
        }
        catch (IOException e)
        {
            stderr.WriteLine($"urbansim serve: cannot listen on {host}:{port} ({e.Message.TrimEnd('.')}). Fix: choose another --port, or stop the program using it.");
            return Commands.ExitCodes.Usage;
        }
        if (host is not ("127.0.0.1" or "localhost" or "::1"))
            stderr.WriteLine($"warning: listening on {host}, not only this machine. The explorer has no authentication; do not expose it on a public network.");
        if (Output.BatchCharts.MissingFontWarning() is { } warning) stderr.WriteLine(warning);
        stdout.WriteLine($"UrbanSim policy explorer: {ExplorerServer.Address(app)}/  (Ctrl-C to stop)");
        stdout.Flush();
        _ = Task.Run(() => WarmUp(app, stop));
        try { Task.Delay(Timeout.Infinite, stop).GetAwaiter().GetResult(); }
        catch (OperationCanceledException) { }
        app.StopAsync().GetAwaiter().GetResult();
        app.DisposeAsync().AsTask().GetAwaiter().GetResult();
        stderr.WriteLine("Stopped.");
        return Commands.ExitCodes.Ok;
    }

    /// <summary>
    /// Warm-up rounds of the default page's first answer run at start: 30, because .NET's tiered compilation optimises a
    /// method once it has been called 30 times, and most of an answer's code (its numbers, its charts) runs once an answer.
    /// </summary>
    public const int WarmUpRounds = 30;

    /// <summary>
    /// Runs the default page's first answer (200 replications, its numbers, its charts and its JSON) 30 times as the server
    /// starts, about 10 seconds on an idle 2-core machine, so that the code is compiled and optimised before the first user
    /// asks: their first answer then takes about as long as later ones instead of up to three times as long. It takes its
    /// turn in the job limiter like any client, so a user who asks meanwhile is not held up behind it; nothing of it is kept.
    /// </summary>
    internal static async Task WarmUp(WebApplication app, CancellationToken stop)
    {
        try
        {
            var limiter = app.Services.GetService(typeof(JobLimiter)) as JobLimiter;
            var (request, _) = ExplorerRequest.Parse([]);
            if (limiter is null || request is null) return;
            for (int round = 0; round < WarmUpRounds && !stop.IsCancellationRequested; round++)
            {
                var batch = new ExplorerBatch(request.Scenario(), limiter, "warm-up");
                await batch.GrowAsync(ExplorerBatch.Steps(request.Replications).First(), stop).ConfigureAwait(false);
                ExplorerResults.Build(request, batch).ToJsonString();
            }
        }
        catch (Exception e) when (e is OperationCanceledException or ServerBusyException) { /* stopping, or busy with users */ }
    }
}
