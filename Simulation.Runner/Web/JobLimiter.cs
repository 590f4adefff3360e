namespace UrbanSim.Runner.Web;

/// <summary>
/// Shares the machine between explorer users, so that no one client can lock the others out. Simulation runs in slices
/// of at most <see cref="SliceReplications"/> replications, each holding the one computing slot on all cores; when a
/// slice ends the slot goes to the next <em>client</em> in turn (round robin over clients, first come first served within
/// one), so a client's many or long requests give way to another client's first answer after at most one slice. Admission
/// is bounded three ways, each answered at once with 503 beyond: requests in progress (<see cref="DefaultMaxRequests"/>),
/// requests in progress of one client (<see cref="DefaultMaxRequestsPerClient"/>), and the memory their batches are
/// estimated to hold (<see cref="DefaultMemoryBudgetBytes"/>, of which one client may hold half beyond its first request);
/// at most <see cref="MaxWaiting"/> slices may wait.
/// A client is its remote IP address.
/// </summary>
internal sealed class JobLimiter(int threads, int maxWaiting = JobLimiter.DefaultMaxWaiting, int maxRequests = JobLimiter.DefaultMaxRequests,
    int maxRequestsPerClient = JobLimiter.DefaultMaxRequestsPerClient, long memoryBudgetBytes = JobLimiter.DefaultMemoryBudgetBytes)
{
    public const int SliceReplications = 100;
    public const int DefaultMaxWaiting = 32;
    /// <summary>Simulation requests in progress at once.</summary>
    public const int DefaultMaxRequests = 8;
    /// <summary>Simulation requests in progress at once from one client: half the slots, so another client always finds some.</summary>
    public const int DefaultMaxRequestsPerClient = 4;
    /// <summary>Memory the batches of the requests in progress may be estimated to hold together (<see cref="ExplorerBatch.EstimatedBytes"/>).</summary>
    public const long DefaultMemoryBudgetBytes = 1280L << 20;

    private readonly object _gate = new();
    private readonly Dictionary<string, int> _requestsByClient = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _bytesByClient = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Queue<TaskCompletionSource<IDisposable?>>> _waitingByClient = new(StringComparer.Ordinal);
    private readonly LinkedList<string> _turns = new();
    private bool _slotTaken;
    private int _waiting, _requests;
    private long _reservedBytes;

    public int Threads { get; } = Math.Max(1, threads);
    public int MaxWaiting { get; } = maxWaiting;

    /// <summary>
    /// Admits a simulation request of <paramref name="client"/> for its whole life (dispose when done), reserving
    /// <paramref name="bytes"/> of the memory budget; null, with the reason, when a limit would be passed.
    /// </summary>
    public IDisposable? Admit(string client, long bytes, out string? refusal)
    {
        lock (_gate)
        {
            int mine = _requestsByClient.GetValueOrDefault(client);
            long myBytes = _bytesByClient.GetValueOrDefault(client);
            refusal = _requests >= maxRequests ? $"the server is busy with {maxRequests} requests; try again in a few seconds"
                : mine >= Math.Min(maxRequestsPerClient, maxRequests) ? $"you already have {mine} requests in progress, the most one client may have; wait for one to finish"
                : mine > 0 && myBytes + bytes > memoryBudgetBytes / 2 ? "your requests in progress hold half the memory the server allows, the most one client may; wait for one to finish, or ask for fewer replications, years or zones"
                : _reservedBytes + bytes > memoryBudgetBytes ? "the requests in progress hold all the memory the server allows; try again in a few seconds, or ask for fewer replications, years or zones"
                : null;
            if (refusal is not null) return null;
            _requests++;
            _requestsByClient[client] = mine + 1;
            _bytesByClient[client] = myBytes + bytes;
            _reservedBytes += bytes;
        }
        return new Once(() =>
        {
            lock (_gate)
            {
                _requests--;
                _reservedBytes -= bytes;
                _bytesByClient[client] -= bytes;
                if (--_requestsByClient[client] == 0) { _requestsByClient.Remove(client); _bytesByClient.Remove(client); }
            }
        });
    }

    /// <summary>Admits a request of an anonymous client that reserves no memory (tests, and callers that do not share).</summary>
    public IDisposable? Admit() => Admit("", 0, out _);

    /// <summary>
    /// Waits for the computing slot, taking turns with the other clients; null (without waiting) when too many slices
    /// already wait.
    /// </summary>
    public async Task<IDisposable?> EnterAsync(CancellationToken cancellation, string client = "")
    {
        TaskCompletionSource<IDisposable?> turn;
        lock (_gate)
        {
            if (!_slotTaken)
            {
                _slotTaken = true;
                return new Once(Release);
            }
            if (_waiting >= MaxWaiting) return null;
            _waiting++;
            turn = new TaskCompletionSource<IDisposable?>(TaskCreationOptions.RunContinuationsAsynchronously);
            if (!_waitingByClient.TryGetValue(client, out var queue)) _waitingByClient[client] = queue = new Queue<TaskCompletionSource<IDisposable?>>();
            queue.Enqueue(turn);
            if (!_turns.Contains(client)) _turns.AddLast(client);
        }
        using (cancellation.Register(() => { if (turn.TrySetCanceled(cancellation)) lock (_gate) _waiting--; }))
            return await turn.Task.ConfigureAwait(false);
    }

    /// <summary>Hands the slot to the first waiting slice of the next client in turn (who then goes to the back), or frees it.</summary>
    private void Release()
    {
        lock (_gate)
        {
            while (_turns.First is { } node)
            {
                string client = node.Value;
                _turns.RemoveFirst();
                var queue = _waitingByClient[client];
                var turn = queue.Dequeue();
                if (queue.Count > 0) _turns.AddLast(client);
                else _waitingByClient.Remove(client);
                if (turn.Task.IsCanceled) continue;   // gave up waiting; its count was already taken off
                _waiting--;
                if (turn.TrySetResult(new Once(Release))) return;
            }
            _slotTaken = false;
        }
    }

    private sealed class Once(Action action) : IDisposable
    {
        private int _done;
        public void Dispose() { if (Interlocked.Exchange(ref _done, 1) == 0) action(); }
    }
}

/// <summary>Thrown when the server is too busy to queue another request.</summary>
internal sealed class ServerBusyException() : Exception("the server is busy with other requests; try again in a few seconds");
