using System.Collections.Concurrent;
using UrbanSim.Core.Scenarios;

namespace UrbanSim.Runner.Batch;

/// <summary>
/// Folds a run's chunks into the batch and <c>replications.csv</c> on a thread of its own while the replications are
/// still being computed, so that little is left to do after the last one. Chunks are given in replication order: those
/// found on disk (a resume) and those just written, as each is written. The result is the same as folding the finished
/// list (<see cref="BatchOutputs.Fold"/>, which this runs).
/// </summary>
internal sealed class BackgroundFold : IDisposable
{
    private readonly BlockingCollection<ChunkStore.Entry> _chunks = new();
    private readonly CancellationTokenSource _abandon = new();
    private readonly Task<BatchAccumulator> _folding;
    private int _next = int.MinValue;

    public BackgroundFold(string outDir, Scenario scenario, string runKey) =>
        _folding = Task.Factory.StartNew(() => BatchOutputs.Fold(outDir, scenario, _chunks.GetConsumingEnumerable(_abandon.Token), runKey),
            CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    /// <summary>The next chunk: it must start after the last one given.</summary>
    public void Add(ChunkStore.Entry chunk)
    {
        if (chunk.First < _next) throw new InvalidOperationException($"chunk of replication {chunk.First} after one ending at {_next}");
        _next = chunk.End;
        // A fold that failed (say, a full disk) stops taking chunks; its exception is thrown by Finish.
        if (!_folding.IsCompleted) _chunks.Add(chunk);
    }

    /// <summary>No more chunks: waits for the fold and returns the batch (or throws what the fold threw, as itself).</summary>
    public BatchAccumulator Finish()
    {
        _chunks.CompleteAdding();
        return _folding.GetAwaiter().GetResult();
    }

    /// <summary>
    /// Ends the fold. Without <see cref="Finish"/> first (the run failed), the fold is abandoned: its
    /// <c>replications.csv</c> is left unwritten, as when a run fails before its outputs.
    /// </summary>
    public void Dispose()
    {
        if (!_chunks.IsAddingCompleted) { _abandon.Cancel(); _chunks.CompleteAdding(); }
        try { _folding.Wait(); } catch (AggregateException) { /* abandoned, or already thrown by Finish */ }
        _chunks.Dispose();
        _abandon.Dispose();
    }
}
