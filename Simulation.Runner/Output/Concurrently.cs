using System.Runtime.ExceptionServices;

namespace UrbanSim.Runner.Output;

/// <summary>
/// Writing independent outputs at once, on every core, with the first failure rethrown as itself (an
/// <see cref="IOException"/> from a full disk stays one, so the commands' messages and exit codes do not change).
/// </summary>
internal static class Concurrently
{
    /// <summary>Runs every action, in parallel, and waits for all of them.</summary>
    public static void Invoke(params Action[] actions) => Unwrapped(() => Parallel.Invoke(actions));

    /// <summary>Runs <paramref name="body"/> for every item, in parallel, and waits for all of them.</summary>
    public static void ForEach<T>(IEnumerable<T> items, Action<T> body) => Unwrapped(() => Parallel.ForEach(items, body));

    /// <summary>Runs <paramref name="body"/> for 0 … <paramref name="count"/> − 1 on at most <paramref name="threads"/> threads.</summary>
    public static void For(int count, int threads, Action<int> body) =>
        Unwrapped(() => Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, threads) }, body));

    private static void Unwrapped(Action run)
    {
        try { run(); }
        catch (AggregateException e) when (e.InnerExceptions.Count > 0)
        {
            ExceptionDispatchInfo.Capture(e.Flatten().InnerExceptions[0]).Throw();
        }
    }
}
