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

    /// <summary>Problems with the parameters, empty if the distribution is well defined.</summary>
    public IEnumerable<string> Problems()
    {
        bool finite = double.IsFinite(A) && double.IsFinite(B) && double.IsFinite(C);
        if (!finite) { yield return "parameters must be finite numbers"; yield break; }
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
