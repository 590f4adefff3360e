using System.Runtime.InteropServices;

namespace UrbanSim.Runner;

/// <summary>
/// Turns the first Ctrl-C (SIGINT) or SIGTERM (a scheduler pre-empting the job) into a cancellation, so a
/// run stops cleanly after the replications in flight and writes its partial results. A second Ctrl-C
/// ends the process at once.
/// </summary>
internal sealed class StopSignals : IDisposable
{
    private readonly CancellationTokenSource _source = new();
    private readonly TextWriter _stderr;
    private readonly PosixSignalRegistration? _terminate;

    private readonly string _stopping;

    private StopSignals(TextWriter stderr, string stopping)
    {
        _stderr = stderr;
        _stopping = stopping;
        Console.CancelKeyPress += OnCancelKeyPress;
        try { _terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => { context.Cancel = true; Stop("SIGTERM"); }); }
        catch (PlatformNotSupportedException) { _terminate = null; }
    }

    public CancellationToken Token => _source.Token;

    /// <summary>Listens for Ctrl-C and SIGTERM; <paramref name="stopping"/> says what the command does when asked to stop.</summary>
    public static StopSignals Listen(TextWriter stderr, string stopping = "stopping after the replications (or sensitivity points) in progress and saving what is done (Ctrl-C again to quit at once)…") => new(stderr, stopping);

    private void OnCancelKeyPress(object? sender, ConsoleCancelEventArgs e)
    {
        if (_source.IsCancellationRequested) return;   // second Ctrl-C: let the process end
        e.Cancel = true;
        Stop("Ctrl-C");
    }

    /// <summary>Stops as a signal named <paramref name="what"/> would: says so once and cancels the token.</summary>
    internal void Stop(string what)
    {
        if (_source.IsCancellationRequested) return;
        _stderr.WriteLine();
        _stderr.WriteLine($"{what}: {_stopping}");
        _source.Cancel();
    }

    public void Dispose()
    {
        Console.CancelKeyPress -= OnCancelKeyPress;
        _terminate?.Dispose();
        _source.Dispose();
    }
}
