namespace UrbanSim.Runner.Web;

/// <summary>
/// Shares the machine between explorer users. Simulation runs in slices of at most <see cref="SliceReplications"/>
/// replications, and each slice holds the one computing slot on all cores; a user's long refinement therefore
/// gives way to another user's first answer after at most one slice, instead of starving it. At most
/// <see cref="MaxWaiting"/> requests may wait; beyond that the server answers 503 at once.
/// </summary>
public sealed class JobLimiter(int threads, int maxWaiting = JobLimiter.DefaultMaxWaiting)
{
    public const int SliceReplications = 100;
    public const int DefaultMaxWaiting = 32;
    private readonly SemaphoreSlim _slot = new(1, 1);
    private int _waiting;

    public int Threads { get; } = Math.Max(1, threads);
    public int MaxWaiting { get; } = maxWaiting;

    /// <summary>Waits for the computing slot; false (without waiting) when too many requests are already waiting.</summary>
    public async Task<IDisposable?> EnterAsync(CancellationToken cancellation)
    {
        if (Interlocked.Increment(ref _waiting) > MaxWaiting)
        {
            Interlocked.Decrement(ref _waiting);
            return null;
        }
        try { await _slot.WaitAsync(cancellation).ConfigureAwait(false); }
        finally { Interlocked.Decrement(ref _waiting); }
        return new Release(_slot);
    }

    private sealed class Release(SemaphoreSlim slot) : IDisposable
    {
        private int _done;
        public void Dispose() { if (Interlocked.Exchange(ref _done, 1) == 0) slot.Release(); }
    }
}

/// <summary>Thrown when the server is too busy to queue another request.</summary>
public sealed class ServerBusyException() : Exception("the server is busy with other requests; try again in a few seconds");
