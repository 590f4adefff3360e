namespace UrbanSim.Runner.Sensitivity;

/// <summary>Morris elementary effects of one factor: mean, mean of absolute values (μ*) and standard deviation (σ).</summary>
public sealed record MorrisEffect(string Factor, FactorKind Kind, double Mu, double MuStar, double Sigma);

/// <summary>
/// Morris screening from <see cref="Designs.Morris"/> trajectories. An elementary effect is the change in the output
/// over the change in the factor's unit coordinate, so it is in output units per full range of the factor
/// (per 0.1th–99.9th percentile for an uncertain parameter): μ* ranks overall influence, σ flags interactions and
/// non-linearity.
/// </summary>
public static class MorrisAnalysis
{
    public static MorrisEffect[] Analyse(IReadOnlyList<Factor> factors, int trajectories, int[] moved, double[] steps, double[] results, int outputs, int output)
    {
        int k = factors.Count;
        var effects = new List<double>[k];
        for (int i = 0; i < k; i++) effects[i] = new List<double>(trajectories);
        for (int t = 0; t < trajectories; t++)
        {
            int row = t * (k + 1);
            for (int s = 0; s < k; s++)
            {
                int c = moved[t * k + s];
                double before = results[(row + s) * outputs + output], after = results[(row + s + 1) * outputs + output];
                effects[c].Add((after - before) / steps[t * k + c]);
            }
        }
        return factors.Select((f, i) =>
        {
            var e = effects[i];
            double mu = e.Average();
            double sigma = e.Count > 1 ? Math.Sqrt(e.Sum(x => (x - mu) * (x - mu)) / (e.Count - 1)) : 0;
            return new MorrisEffect(f.Name, f.Kind, mu, e.Average(Math.Abs), sigma);
        }).ToArray();
    }
}
