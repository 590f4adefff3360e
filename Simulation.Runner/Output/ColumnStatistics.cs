using MathNet.Numerics.Distributions;
using MathNet.Numerics.Statistics;
using UrbanSim.Core.Outcomes;

namespace UrbanSim.Runner.Output;

/// <summary>
/// Everything summary.json and timeseries.csv report about one column of results (an outcome of a variant,
/// a paired difference, a year of a series), accumulated one replication at a time in bounded memory:
/// mean and standard deviation (MathNet's RunningStatistics), a Student-t 95% interval of the mean,
/// quantiles (<see cref="QuantileSketch"/>), and for paired differences the probability of being better (undefined,
/// NaN, for an outcome where neither direction is better). NaN values (an outcome that does not exist in this world) are skipped.
/// </summary>
internal sealed class ColumnStatistics(Better direction = Better.Higher, int exactCapacity = QuantileSketch.DefaultExactCapacity, double compression = QuantileSketch.DefaultCompression)
{
    private readonly RunningStatistics _moments = new();
    private readonly int _sign = direction switch { Better.Higher => 1, Better.Lower => -1, _ => 0 };
    private double _better;

    /// <summary>A column whose better direction is up (<paramref name="higherIsBetter"/>) or down.</summary>
    public ColumnStatistics(bool higherIsBetter) : this(higherIsBetter ? Better.Higher : Better.Lower) { }

    public QuantileSketch Quantiles { get; } = new(exactCapacity, compression);
    public long Count => _moments.Count;

    public void Add(double value)
    {
        if (!double.IsFinite(value)) return;
        _moments.Push(value);
        Quantiles.Add(value);
        double signed = _sign * value;
        _better += signed > 0 ? 1 : signed == 0 ? 0.5 : 0;
    }

    /// <summary>Mean, sd, interval and quantiles; every field NaN when there were no finite values, the sd and interval NaN for one.</summary>
    public OutcomeSummary Summary()
    {
        var (mean, sd, low, high) = MeanAndInterval();
        return new OutcomeSummary(mean, sd, low, high,
            Quantiles.Quantile(0.05), Quantiles.Quantile(0.25), Quantiles.Quantile(0.50), Quantiles.Quantile(0.75), Quantiles.Quantile(0.95));
    }

    /// <summary>For a column of paired differences: mean, its interval, and the share pointing the better way (ties half).</summary>
    public PairedSummary Paired()
    {
        var (mean, sd, low, high) = MeanAndInterval();
        return new PairedSummary(mean, sd, low, high, Count > 0 && _sign != 0 ? _better / Count : double.NaN);
    }

    private (double Mean, double Sd, double Low, double High) MeanAndInterval()
    {
        long n = _moments.Count;
        if (n == 0) return (double.NaN, double.NaN, double.NaN, double.NaN);
        double mean = _moments.Mean;
        // One value has no spread to estimate: the sd and the interval are undefined (null in the outputs), not zero.
        if (n == 1) return (mean, double.NaN, double.NaN, double.NaN);
        double sd = _moments.StandardDeviation;
        double half = StudentT975(n - 1) * sd / Math.Sqrt(n);
        return (mean, sd, mean - half, mean + half);
    }

    /// <summary>
    /// The Student-t 97.5% quantile for <paramref name="degreesOfFreedom"/>, computed once per count: MathNet finds it by
    /// iteration, and a run's thousands of columns (or an explorer answer's) mostly share one count. The same value as
    /// computing it each time.
    /// </summary>
    internal static double StudentT975(long degreesOfFreedom)
    {
        if (StudentT975Cache.TryGetValue(degreesOfFreedom, out double t)) return t;
        t = StudentT.InvCDF(0, 1, degreesOfFreedom, 0.975);
        if (StudentT975Cache.Count < 4096) StudentT975Cache.TryAdd(degreesOfFreedom, t);
        return t;
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<long, double> StudentT975Cache = new();
}
