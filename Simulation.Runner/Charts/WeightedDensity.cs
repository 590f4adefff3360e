namespace UrbanSim.Runner.Charts;

/// <summary>A smoothed density evaluated on an even grid: <c>Density[i]</c> is the density at <c>X[i]</c>.</summary>
internal sealed record DensityCurve(double[] X, double[] Density, double BandwidthUnits);

/// <summary>
/// Summaries of a weighted sample (raw replications with weight 1, or centroids of a quantile sketch weighted by
/// their counts): mean, spread, quantiles and a Gaussian kernel density estimate.
/// </summary>
internal static class WeightedDensity
{
    /// <summary>Throws when the sample is empty, the arrays differ in length, or a weight is negative or not finite.</summary>
    public static void Check(double[] values, double[] weights)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(weights);
        if (values.Length == 0) throw new ArgumentException("The sample is empty.", nameof(values));
        if (values.Length != weights.Length)
            throw new ArgumentException($"{values.Length} values but {weights.Length} weights.", nameof(weights));
        for (int i = 0; i < values.Length; i++)
        {
            if (!double.IsFinite(values[i])) throw new ArgumentException($"Value {i} is {values[i]}.", nameof(values));
            if (!double.IsFinite(weights[i]) || weights[i] < 0) throw new ArgumentException($"Weight {i} is {weights[i]}.", nameof(weights));
        }
        if (weights.Sum() <= 0) throw new ArgumentException("The weights sum to zero.", nameof(weights));
    }

    /// <summary>Weighted mean.</summary>
    public static double Mean(double[] values, double[] weights)
    {
        Check(values, weights);
        double sum = 0, total = 0;
        for (int i = 0; i < values.Length; i++) { sum += weights[i] * values[i]; total += weights[i]; }
        return sum / total;
    }

    /// <summary>Weighted standard deviation, with the frequency-weight correction (divides by Σw − 1 when Σw &gt; 1).</summary>
    public static double StandardDeviation(double[] values, double[] weights)
    {
        double mean = Mean(values, weights);
        double squares = 0, total = 0;
        for (int i = 0; i < values.Length; i++) { squares += weights[i] * (values[i] - mean) * (values[i] - mean); total += weights[i]; }
        return Math.Sqrt(squares / (total > 1 ? total - 1 : total));
    }

    /// <summary>
    /// Kish's effective sample size (Σw)² / Σw²: n for equal weights, fewer when a few points carry most of the weight.
    /// Used for the bandwidth, as scipy's weighted gaussian_kde does, so that coarse sketch centroids get a smoother curve.
    /// </summary>
    public static double EffectiveSize(double[] weights)
    {
        double total = 0, squares = 0;
        foreach (double w in weights) { total += w; squares += w * w; }
        return squares > 0 ? total * total / squares : 0;
    }

    /// <summary>
    /// Weighted quantile, <paramref name="probability"/> in [0, 1]. Each point stands at the middle of its weight on the
    /// cumulative scale and the quantile is interpolated linearly between neighbours (as for t-digest centroids); with
    /// equal weights this is the Hazen definition, whose median is the usual median.
    /// </summary>
    public static double Quantile(double[] values, double[] weights, double probability)
    {
        Check(values, weights);
        if (probability is < 0 or > 1 || double.IsNaN(probability)) throw new ArgumentOutOfRangeException(nameof(probability));
        int[] order = Enumerable.Range(0, values.Length).Where(i => weights[i] > 0).OrderBy(i => values[i]).ThenBy(i => i).ToArray();
        double total = order.Sum(i => weights[i]);
        double target = probability * total;
        double cumulative = 0, previousCentre = double.NaN, previousValue = double.NaN;
        foreach (int i in order)
        {
            double centre = cumulative + weights[i] / 2;
            if (target <= centre)
            {
                if (double.IsNaN(previousCentre)) return values[i];
                double fraction = (target - previousCentre) / (centre - previousCentre);
                return previousValue + fraction * (values[i] - previousValue);
            }
            cumulative += weights[i];
            previousCentre = centre;
            previousValue = values[i];
        }
        return previousValue;
    }

    /// <summary>
    /// Silverman's rule of thumb, 0.9 · min(sd, IQR / 1.34) · n^(−1/5), with the weighted sd and IQR and Kish's
    /// effective n. Falls back to the sd when the IQR is zero, and to a small width when every value is the same.
    /// </summary>
    public static double SilvermanBandwidth(double[] values, double[] weights)
    {
        double sd = StandardDeviation(values, weights);
        double iqr = Quantile(values, weights, 0.75) - Quantile(values, weights, 0.25);
        double spread = iqr > 0 ? Math.Min(sd, iqr / 1.34) : sd;
        if (!(spread > 0))
        {
            // A point mass (e.g. two identical variants): draw a narrow bump rather than divide by zero.
            double scale = Math.Abs(Mean(values, weights));
            return scale > 0 ? scale * 1e-3 : 1e-3;
        }
        return 0.9 * spread * Math.Pow(EffectiveSize(weights), -0.2);
    }

    /// <summary>
    /// Gaussian kernel density estimate on <paramref name="points"/> evenly spaced x values from <paramref name="from"/>
    /// to <paramref name="to"/>; it integrates to 1 when the range covers the sample plus a few bandwidths.
    /// </summary>
    public static DensityCurve GaussianKde(double[] values, double[] weights, double bandwidth, double from, double to, int points = 400)
    {
        Check(values, weights);
        if (!(bandwidth > 0)) throw new ArgumentOutOfRangeException(nameof(bandwidth), bandwidth, "The bandwidth must be positive.");
        if (!(to > from)) throw new ArgumentException($"Empty range {from}…{to}.", nameof(to));
        if (points < 2) throw new ArgumentOutOfRangeException(nameof(points));

        double[] x = MathNet.Numerics.Generate.LinearSpaced(points, from, to);
        double[] density = new double[points];
        double total = weights.Sum();
        double normalisation = 1 / (total * bandwidth * Math.Sqrt(2 * Math.PI));
        for (int j = 0; j < points; j++)
        {
            double sum = 0;
            for (int i = 0; i < values.Length; i++)
            {
                double z = (x[j] - values[i]) / bandwidth;
                if (z is > -8 and < 8) sum += weights[i] * Math.Exp(-0.5 * z * z); // exp(−32) is below plotting precision
            }
            density[j] = sum * normalisation;
        }
        return new DensityCurve(x, density, bandwidth);
    }

    /// <summary>Density over the sample's range widened by three Silverman bandwidths on each side, where the curve has faded.</summary>
    public static DensityCurve GaussianKde(double[] values, double[] weights, int points = 400)
    {
        double bandwidth = SilvermanBandwidth(values, weights);
        return GaussianKde(values, weights, bandwidth, values.Min() - 3 * bandwidth, values.Max() + 3 * bandwidth, points);
    }
}
