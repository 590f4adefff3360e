using System.Collections.Concurrent;
using UrbanSim.Core.Scenarios;

namespace UrbanSim.Core.Engine;

/// <summary>
/// Runs replications in parallel and hands their results to a consumer strictly in replication order,
/// so everything downstream is identical for any thread count. Work proceeds in blocks: each block's
/// replications run in parallel into preallocated result slots, then the block is delivered in order.
/// Memory is bounded by the block, not by the number of replications.
/// </summary>
public static class MonteCarloBatch
{
    /// <summary>Replications per worker thread in one block.</summary>
    public const int BlockPerThread = 32;

    /// <summary>
    /// Runs replications [<paramref name="first"/>, <paramref name="first"/> + <paramref name="count"/>) of
    /// <paramref name="scenario"/> on <paramref name="threads"/> threads. <paramref name="consume"/> is called
    /// on the calling thread once per replication, in order; the result object is reused afterwards, so copy
    /// what you keep. Cancellation stops after the current block; every delivered result is complete.
    /// </summary>
    /// <returns>The number of replications delivered.</returns>
    public static int Run(Scenario scenario, int first, int count, int threads, Action<ReplicationResult> consume,
        CancellationToken cancellation = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        int block = Math.Max(1, threads * BlockPerThread);
        var slots = new ReplicationResult[Math.Min(block, Math.Max(count, 1))];
        for (int i = 0; i < slots.Length; i++) slots[i] = ReplicationResult.For(scenario);
        var runners = new ConcurrentBag<ReplicationRunner>();
        var options = new ParallelOptions { MaxDegreeOfParallelism = threads };
        int delivered = 0;
        for (int start = 0; start < count; start += block)
        {
            if (cancellation.IsCancellationRequested) break;
            int size = Math.Min(block, count - start);
            Parallel.For(0, size, options,
                () => runners.TryTake(out var r) ? r : new ReplicationRunner(scenario),
                (i, _, runner) => { runner.Run(first + start + i, slots[i]); return runner; },
                runner => runners.Add(runner));
            for (int i = 0; i < size; i++) consume(slots[i]);
            delivered += size;
        }
        return delivered;
    }
}
