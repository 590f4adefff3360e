using MathNet.Numerics.Distributions;

namespace UrbanSim.Core.Scenarios;

/// <summary>Kinds of distribution an uncertain parameter may follow.</summary>
public enum DistributionKind
{
    /// <summary>Normal: A = mean, B = standard deviation.</summary>
    Normal,
    /// <summary>Log-normal: A = median, B and C = bounds of the 95% interval.</summary>
    LogNormal,
    /// <summary>Uniform: A = minimum, B = maximum.</summary>
    Uniform,
    /// <summary>Triangular: A = minimum, B = maximum, C = mode.</summary>
    Triangular,
    /// <summary>Beta on (0, 1): A = α, B = β.</summary>
    Beta,
}

/// <summary>
/// An uncertain quantity. Sampled by MathNet's inverse CDF from a counter-based uniform, so a draw
/// depends only on its key (common random numbers across variants, threads and shards).
/// Log-normals are given by median and 95% interval, as published relative risks are.
/// </summary>
public sealed record Distribution(DistributionKind Kind, double A, double B, double C = 0)
{
    /// <summary>Normal with mean and standard deviation.</summary>
    public static Distribution Normal(double mean, double sd) => new(DistributionKind.Normal, mean, sd);
    /// <summary>Log-normal from its median and the bounds of its 95% interval (geometric mean of the two log-widths).</summary>
    public static Distribution LogNormal(double median, double lower95, double upper95) => new(DistributionKind.LogNormal, median, lower95, upper95);
    /// <summary>Uniform between <paramref name="min"/> and <paramref name="max"/>.</summary>
    public static Distribution Uniform(double min, double max) => new(DistributionKind.Uniform, min, max);
    /// <summary>Triangular with the given minimum, mode and maximum.</summary>
    public static Distribution Triangular(double min, double mode, double max) => new(DistributionKind.Triangular, min, max, mode);
    /// <summary>Beta with shape parameters α and β.</summary>
    public static Distribution Beta(double alpha, double beta) => new(DistributionKind.Beta, alpha, beta);

    /// <summary>The value at cumulative probability <paramref name="u"/> in (0, 1).</summary>
    public double Quantile(double u) => Kind switch
    {
        DistributionKind.Normal => MathNet.Numerics.Distributions.Normal.InvCDF(A, B, u),
        DistributionKind.LogNormal => Math.Exp(MathNet.Numerics.Distributions.Normal.InvCDF(Math.Log(A), LogSigma, u)),
        DistributionKind.Uniform => ContinuousUniform.InvCDF(A, B, u),
        DistributionKind.Triangular => MathNet.Numerics.Distributions.Triangular.InvCDF(A, B, C, u),
        DistributionKind.Beta => MathNet.Numerics.Distributions.Beta.InvCDF(A, B, u),
        _ => throw new InvalidOperationException($"Unknown distribution kind {Kind}"),
    };

    /// <summary>Log-scale standard deviation of a log-normal given by median and 95% interval.</summary>
    private double LogSigma => (Math.Log(C) - Math.Log(B)) / (2 * 1.959963984540054);

    /// <summary>Largest magnitude of any distribution parameter; the model's own parameters stay far below it.</summary>
    public const double MaxMagnitude = 1e15;
    /// <summary>Largest beta shape parameter: beyond it MathNet's inverse CDF fails, and the distribution is a spike anyway.</summary>
    public const double MaxBetaShape = 1e6;

    /// <summary>
    /// Why the distribution cannot be sampled, or null: its quantile function, at cumulative probabilities from the smallest
    /// the engine draws to the largest, must return a number (infinities are fine: draws are clamped to the parameter's range).
    /// </summary>
    public string? SamplingProblem()
    {
        const double smallest = 0.5 / 9007199254740992.0;   // the engine's uniforms lie in [2^-54, 1 − 2^-54]
        foreach (double u in (double[])[smallest, 1e-12, 1e-6, 1e-3, 0.025, 0.1, 0.25, 0.5, 0.75, 0.9, 0.975, 1 - 1e-3, 1 - 1e-6, 1 - smallest])
        {
            double q;
            try { q = Quantile(u); }
            catch (Exception e) when (e is ArithmeticException or ArgumentException or MathNet.Numerics.NonConvergenceException) { q = double.NaN; }
            if (double.IsNaN(q)) return $"its quantile at probability {u:G3} is not a number (the parameters are too extreme to compute with)";
        }
        return null;
    }

    /// <summary>Problems with the parameters, empty if the distribution is well defined.</summary>
    public IEnumerable<string> Problems()
    {
        bool finite = double.IsFinite(A) && double.IsFinite(B) && double.IsFinite(C);
        if (!finite) { yield return "parameters must be finite numbers"; yield break; }
        // Beyond this, differences such as max − min overflow and the quantile function returns NaN.
        if (Math.Abs(A) > MaxMagnitude || Math.Abs(B) > MaxMagnitude || Math.Abs(C) > MaxMagnitude)
        { yield return "parameters must lie between -1e15 and 1e15"; yield break; }
        if (Kind == DistributionKind.Beta && (A > MaxBetaShape || B > MaxBetaShape))
        { yield return $"alpha and beta must be at most {MaxBetaShape:G} (a beta that narrow is a fixed value: set the parameter instead)"; yield break; }
        switch (Kind)
        {
            case DistributionKind.Normal when B <= 0:
                yield return "sd must be greater than 0"; break;
            case DistributionKind.LogNormal when A <= 0 || B <= 0 || C <= 0:
                yield return "median and 95% bounds must all be greater than 0"; break;
            case DistributionKind.LogNormal when !(B < A && A < C):
                yield return "need lower95 < median < upper95"; break;
            case DistributionKind.Uniform when !(A < B):
                yield return "need min < max"; break;
            case DistributionKind.Triangular when !(A <= C && C <= B && A < B):
                yield return "need min <= mode <= max and min < max"; break;
            case DistributionKind.Beta when A <= 0 || B <= 0:
                yield return "alpha and beta must be greater than 0"; break;
        }
    }
}
