using System.Collections.Concurrent;
using UrbanSim.Core.Outcomes;
using UrbanSim.Core.Scenarios;

namespace UrbanSim.Core.Engine;

/// <summary>
/// Runs replications in parallel and hands their results to a consumer strictly in replication order,
/// so everything downstream is identical for any thread count. Work proceeds in blocks: each block's
/// replications run in parallel into preallocated result slots and are then delivered in order. Blocks are
/// pipelined: while the calling thread delivers one block, the workers compute the next, so a slow
/// consumer (writing to disk) does not leave the cores idle. Memory is bounded by two blocks, not by the
/// number of replications.
/// </summary>
public static class MonteCarloBatch
{
    /// <summary>Replications per worker thread in one block.</summary>
    internal const int BlockPerThread = 32;

    /// <summary>
    /// Runs replications [<paramref name="first"/>, <paramref name="first"/> + <paramref name="count"/>) of
    /// <paramref name="scenario"/> on <paramref name="threads"/> threads. <paramref name="consume"/> is called
    /// on the calling thread once per replication, in order; the result object is reused afterwards, so copy
    /// what you keep. Cancellation stops after the blocks already computing; every delivered result is complete.
    /// </summary>
    /// <returns>The number of replications delivered.</returns>
    public static int Run(Scenario scenario, int first, int count, int threads, Action<ReplicationResult> consume,
        CancellationToken cancellation = default) => Run(scenario, first, count, threads, consume, cancellation, Kernels.Fast);

    /// <summary>As the public overload, with the kernels chosen: the readable reference, or the fast ones.</summary>
    internal static int Run(Scenario scenario, int first, int count, int threads, Action<ReplicationResult> consume,
        CancellationToken cancellation, Kernels kernels)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        int block = Math.Max(1, threads * BlockPerThread);
        int slotCount = Math.Min(block, Math.Max(count, 1));
        var slots = new ReplicationResult[2][];
        for (int s = 0; s < 2; s++)
        {
            slots[s] = new ReplicationResult[slotCount];
            for (int i = 0; i < slotCount; i++) slots[s][i] = ReplicationResult.For(scenario);
        }
        var runners = new ConcurrentBag<ReplicationRunner>();
        var options = new ParallelOptions { MaxDegreeOfParallelism = threads };

        void Compute(int start, ReplicationResult[] into) =>
            Parallel.For(0, Math.Min(block, count - start), options,
                () => runners.TryTake(out var r) ? r : new ReplicationRunner(scenario, kernels),
                (i, _, runner) => { runner.Run(first + start + i, into[i]); return runner; },
                runner => runners.Add(runner));

        if (count == 0 || cancellation.IsCancellationRequested) return 0;
        int delivered = 0;
        var computing = Task.Run(() => Compute(0, slots[0]));
        for (int start = 0, k = 0; start < count; start += block, k++)
        {
            computing.GetAwaiter().GetResult();
            int next = start + block;
            bool more = next < count && !cancellation.IsCancellationRequested;
            var nextSlots = slots[(k + 1) % 2];   // evaluated now: the lambda must not read the loop counter later
            computing = more ? Task.Run(() => Compute(next, nextSlots)) : Task.CompletedTask;
            int size = Math.Min(block, count - start);
            for (int i = 0; i < size; i++) consume(slots[k % 2][i]);
            delivered += size;
            if (!more) break;
        }
        computing.GetAwaiter().GetResult();
        return delivered;
    }
}
