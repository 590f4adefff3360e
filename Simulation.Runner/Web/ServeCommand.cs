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
        try { Task.Delay(Timeout.Infinite, stop).GetAwaiter().GetResult(); }
        catch (OperationCanceledException) { }
        app.StopAsync().GetAwaiter().GetResult();
        app.DisposeAsync().AsTask().GetAwaiter().GetResult();
        stderr.WriteLine("Stopped.");
        return Commands.ExitCodes.Ok;
    }
}
