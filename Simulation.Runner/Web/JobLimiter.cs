namespace UrbanSim.Runner.Web;

/// <summary>
/// Shares the machine between explorer users. Simulation runs in slices of at most <see cref="SliceReplications"/>
/// replications, and each slice holds the one computing slot on all cores; a user's long refinement therefore
/// gives way to another user's first answer after at most one slice, instead of starving it. At most
/// <see cref="MaxWaiting"/> requests may wait for a slice, and at most <see cref="DefaultMaxRequests"/> (by default)
/// may be in progress; beyond that the server answers 503 at once.
/// </summary>
public sealed class JobLimiter(int threads, int maxWaiting = JobLimiter.DefaultMaxWaiting, int maxRequests = JobLimiter.DefaultMaxRequests)
{
    public const int SliceReplications = 100;
    public const int DefaultMaxWaiting = 32;
    /// <summary>Simulation requests in progress at once; each holds its batch's statistics (up to tens of MB at the caps).</summary>
    public const int DefaultMaxRequests = 8;
    private readonly SemaphoreSlim _slot = new(1, 1);
    private int _waiting, _requests;

    /// <summary>Admits a simulation request for its whole life (dispose when done); null when <see cref="DefaultMaxRequests"/> are in progress.</summary>
    public IDisposable? Admit()
    {
        if (Interlocked.Increment(ref _requests) > maxRequests)
        {
            Interlocked.Decrement(ref _requests);
            return null;
        }
        return new Leave(() => Interlocked.Decrement(ref _requests));
    }

    private sealed class Leave(Action leave) : IDisposable
    {
        private int _done;
        public void Dispose() { if (Interlocked.Exchange(ref _done, 1) == 0) leave(); }
    }

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
