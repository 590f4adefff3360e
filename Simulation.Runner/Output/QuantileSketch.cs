namespace UrbanSim.Runner.Output;

/// <summary>
/// Quantiles of a stream of values in bounded memory. Up to <see cref="ExactCapacity"/> values are kept
/// and quantiles are exact (definition R7, as R's and numpy's default). Beyond that the values are folded
/// into a merging t-digest (Dunning and Ertl 2019, scale function k1) of about <see cref="Compression"/>
/// centroids, whose quantile error is a small fraction of a percentile and smallest in the tails.
/// The sketch is deterministic: the same values in the same order give the same bits, which is why the
/// batch always feeds replications in replication order.
/// </summary>
internal sealed class QuantileSketch(int exactCapacity = QuantileSketch.DefaultExactCapacity, double compression = QuantileSketch.DefaultCompression)
{
    /// <summary>Values kept exactly before the sketch switches to a digest, unless the caller asks for fewer.</summary>
    public const int DefaultExactCapacity = 4096;
    /// <summary>Digest compression δ: at most about δ centroids.</summary>
    public const double DefaultCompression = 500;

    /// <summary>Values kept exactly before the sketch switches to a digest.</summary>
    public int ExactCapacity { get; } = exactCapacity;
    public double Compression { get; } = compression;
    private int BufferCapacity => Math.Max(64, (int)Compression);

    private double[] _values = new double[64];
    private int _buffered;
    private bool _sorted;
    // Reading settles the sketch (sorts the sample or compresses the digest) in place; the lock lets the output files
    // and charts read one folded batch from several threads at once. Adding is single-threaded (the fold).
    private readonly object _settling = new();
    private double[] _means = [], _weights = [], _spareMeans = [], _spareWeights = [];
    private int _centroids;
    private bool _digest;

    /// <summary>Values added.</summary>
    public long Count { get; private set; }
    public double Min { get; private set; } = double.PositiveInfinity;
    public double Max { get; private set; } = double.NegativeInfinity;
    /// <summary>True while every value is kept and quantiles are exact.</summary>
    public bool IsExact => !_digest;

    /// <summary>Adds a finite value (NaN and infinities are ignored).</summary>
    public void Add(double value)
    {
        if (!double.IsFinite(value)) return;
        Count++;
        if (value < Min) Min = value;
        if (value > Max) Max = value;
        if (!_digest && _buffered == _values.Length)
        {
            if (_values.Length < ExactCapacity) Array.Resize(ref _values, Math.Min(ExactCapacity, _values.Length * 2));
            else { _digest = true; Compress(); _values = new double[BufferCapacity]; }
        }
        else if (_digest && _buffered == BufferCapacity) Compress();
        _values[_buffered++] = value;
        _sorted = false;
    }

    /// <summary>The quantile at probability <paramref name="tau"/> in [0, 1]; NaN if empty.</summary>
    public double Quantile(double tau)
    {
        if (Count == 0) return double.NaN;
        lock (_settling)
        {
            if (!_digest)
            {
                // Sorted in place once; order does not matter to an exact sample, and Add clears the flag.
                var sorted = _values.AsSpan(0, _buffered);
                if (!_sorted) { sorted.Sort(); _sorted = true; }
                return SortedR7(sorted, tau);
            }
            Compress();
            return DigestQuantile(tau);
        }
    }

    /// <summary>
    /// Quantile of a sorted sample by definition R7 (Hyndman and Fan 1996; R's and numpy's default): linear
    /// interpolation between the order statistics either side of h = (n − 1)τ. The same as MathNet's
    /// SortedArrayStatistics.QuantileCustom(…, R7), which a test checks, without copying the sample to an array.
    /// </summary>
    private static double SortedR7(ReadOnlySpan<double> sorted, double tau)
    {
        double h = (sorted.Length - 1) * Math.Clamp(tau, 0, 1);
        int low = (int)Math.Floor(h);
        return low + 1 < sorted.Length ? sorted[low] + (h - low) * (sorted[low + 1] - sorted[low]) : sorted[low];
    }

    /// <summary>
    /// The distribution as weighted points: every value with weight 1 while exact, otherwise the digest's
    /// centroids with their weights. Suitable for density estimates and charts.
    /// </summary>
    public (double[] Values, double[] Weights) WeightedSample()
    {
        lock (_settling)
        {
            if (!_digest)
            {
                // Sorted, so the points do not depend on whether quantiles were asked for first.
                if (!_sorted) { _values.AsSpan(0, _buffered).Sort(); _sorted = true; }
                var values = _values.AsSpan(0, _buffered).ToArray();
                return (values, Enumerable.Repeat(1.0, values.Length).ToArray());
            }
            Compress();
            return (_means.AsSpan(0, _centroids).ToArray(), _weights.AsSpan(0, _centroids).ToArray());
        }
    }

    /// <summary>Merges buffered values into the digest (merging t-digest, one pass over sorted points).</summary>
    private void Compress()
    {
        if (_buffered == 0 && _centroids > 0) return;
        int n = _centroids + _buffered;
        // Two pairs of arrays, swapped each time, so compressing allocates nothing once they are big enough.
        if (_spareMeans.Length < n) { _spareMeans = new double[n * 5 / 4]; _spareWeights = new double[n * 5 / 4]; }
        var means = _spareMeans;
        var weights = _spareWeights;
        _means.AsSpan(0, _centroids).CopyTo(means);
        _weights.AsSpan(0, _centroids).CopyTo(weights);
        _values.AsSpan(0, _buffered).CopyTo(means.AsSpan(_centroids));
        weights.AsSpan(_centroids, _buffered).Fill(1);
        Array.Sort(means, weights, 0, n);
        double total = 0;
        for (int i = 0; i < n; i++) total += weights[i];

        int outCount = 0;
        double cumulative = 0;   // weight before the centroid being built
        double mean = means[0], weight = weights[0];
        double limit = WeightLimit(0, total);
        for (int i = 1; i < n; i++)
        {
            if (cumulative + weight + weights[i] <= limit)
            {
                weight += weights[i];
                mean += (means[i] - mean) * weights[i] / weight;
            }
            else
            {
                means[outCount] = mean; weights[outCount] = weight; outCount++;
                cumulative += weight;
                limit = WeightLimit(cumulative, total);
                mean = means[i]; weight = weights[i];
            }
        }
        means[outCount] = mean; weights[outCount] = weight; outCount++;
        (_spareMeans, _spareWeights) = (_means, _weights);
        _means = means; _weights = weights; _centroids = outCount;
        _buffered = 0;
    }

    /// <summary>Largest cumulative weight a centroid starting at <paramref name="before"/> may reach: k(q) grows by at most 1.</summary>
    private double WeightLimit(double before, double total)
    {
        double q = before / total;
        double k = Compression / (2 * Math.PI) * Math.Asin(2 * q - 1) + 1;
        double qLimit = k >= Compression / 4 ? 1 : (Math.Sin(k * 2 * Math.PI / Compression) + 1) / 2;
        return qLimit * total;
    }

    /// <summary>Interpolates between centroid centres, with the exact minimum and maximum at the ends.</summary>
    private double DigestQuantile(double tau)
    {
        double total = 0;
        for (int i = 0; i < _centroids; i++) total += _weights[i];
        double rank = Math.Clamp(tau, 0, 1) * total;
        if (_centroids == 1) return Interpolate(0, Min, total, Max, rank);
        double centre = _weights[0] / 2;
        if (rank < centre) return Interpolate(0, Min, centre, _means[0], rank);
        double cumulative = 0;
        for (int i = 0; i < _centroids - 1; i++)
        {
            double here = cumulative + _weights[i] / 2;
            double next = cumulative + _weights[i] + _weights[i + 1] / 2;
            if (rank <= next) return Interpolate(here, _means[i], next, _means[i + 1], rank);
            cumulative += _weights[i];
        }
        double last = total - _weights[_centroids - 1] / 2;
        return Interpolate(last, _means[_centroids - 1], total, Max, rank);
    }

    private static double Interpolate(double x0, double y0, double x1, double y1, double x) =>
        x1 <= x0 ? y1 : y0 + (y1 - y0) * Math.Clamp((x - x0) / (x1 - x0), 0, 1);
}
