using UrbanSim.Core.Engine;
using UrbanSim.Core.Scenarios;
using UrbanSim.Runner.Batch;

namespace UrbanSim.Runner.Web;

/// <summary>
/// One explorer request's batch, grown in steps: <see cref="GrowAsync"/> runs the next replications (in slices,
/// each under the <see cref="JobLimiter"/>) and folds them, in replication order, into the same
/// <see cref="BatchAccumulator"/> the command line uses. Replications [0, n) therefore give exactly the numbers of
/// <c>urbansim run</c> with n replications of the same scenario, whatever the steps.
/// </summary>
internal sealed class ExplorerBatch(Scenario scenario, JobLimiter limiter, string client = "")
{
    /// <summary>
    /// What a batch of <paramref name="replications"/> of <paramref name="scenario"/> is estimated to hold at its largest:
    /// the values its columns keep for exact quantiles (up to <see cref="BatchAccumulator.QuantileBudgetBytes"/>), their
    /// digests, and a working margin for the charts and JSON of one answer. Used to keep the requests in progress within
    /// the server's memory budget.
    /// </summary>
    public static long EstimatedBytes(Scenario scenario, int replications)
    {
        var layout = RecordLayout.For(scenario);
        long columns = BatchAccumulator.ColumnCount(layout);
        int exact = BatchAccumulator.ExactCapacity(layout);
        // A column's array grows by doubling, so it can be twice what it holds; beyond the exact capacity it is a digest.
        long perColumn = replications <= exact ? 2L * sizeof(double) * Math.Max(64, replications) : 2L * sizeof(double) * exact + 16 * 1024;
        return columns * perColumn + WorkingMarginBytes;
    }

    /// <summary>
    /// Charts (nine rendered as SVG per answer), the JSON, the engine's buffers and the garbage collector's headroom: set so
    /// that a request at the caps is estimated at about 250 MB, what was measured (one alone raised the server's peak
    /// memory by 316 MB, four at once by 972 MB).
    /// </summary>
    public const long WorkingMarginBytes = 120L << 20;

    private readonly double[] _row = new double[RecordLayout.For(scenario).Width];

    public Scenario Scenario { get; } = scenario;
    public BatchAccumulator Accumulator { get; } = new(RecordLayout.For(scenario));
    public int Done => Accumulator.Replications;

    /// <summary>Runs replications up to <paramref name="upTo"/> (exclusive). Throws <see cref="ServerBusyException"/> or on cancellation.</summary>
    public async Task GrowAsync(int upTo, CancellationToken cancellation)
    {
        var layout = Accumulator.Layout;
        while (Done < upTo)
        {
            int first = Done, count = Math.Min(JobLimiter.SliceReplications, upTo - first);
            using (var slot = await limiter.EnterAsync(cancellation, client).ConfigureAwait(false) ?? throw new ServerBusyException())
            {
                cancellation.ThrowIfCancellationRequested();
                await Task.Run(() => MonteCarloBatch.Run(Scenario, first, count, limiter.Threads, result =>
                {
                    layout.Flatten(result, _row);
                    Accumulator.Add(result.Replication, _row);
                }, cancellation), cancellation).ConfigureAwait(false);
            }
            cancellation.ThrowIfCancellationRequested();
        }
    }

    /// <summary>Replication counts at which the page gets an answer: a few hundred first, then four times as many each step.</summary>
    public static IEnumerable<int> Steps(int target, int first = 200)
    {
        for (int n = Math.Min(first, target); ; n = Math.Min(target, n * 4))
        {
            yield return n;
            if (n >= target) yield break;
        }
    }
}
