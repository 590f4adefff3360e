namespace UrbanSim.Runner.Sensitivity;

/// <summary>Morris elementary effects of one factor: mean, mean of absolute values (μ*) and standard deviation (σ).</summary>
internal sealed record MorrisEffect(string Factor, FactorKind Kind, double Mu, double MuStar, double Sigma, int Members = 1);

/// <summary>
/// Morris screening from <see cref="Designs.Morris"/> trajectories. An elementary effect is the change in the output
/// over the change in the factor's unit coordinate, so it is in output units per full range of the factor
/// (per 0.1th–99.9th percentile for an uncertain parameter): μ* ranks overall influence, σ flags interactions and
/// non-linearity. A group moves all its members the same way at once; its effect is per full range of every member
/// together, and its μ* ranks the group as a whole (Campolongo et al. 2007).
/// </summary>
internal static class MorrisAnalysis
{
    public static MorrisEffect[] Analyse(IReadOnlyList<FactorGroup> groups, int factors, int trajectories, int[] moved, double[] steps, double[] results, int outputs, int output)
    {
        int g = groups.Count;
        var effects = new List<double>[g];
        for (int i = 0; i < g; i++) effects[i] = new List<double>(trajectories);
        for (int t = 0; t < trajectories; t++)
        {
            int row = t * (g + 1);
            for (int s = 0; s < g; s++)
            {
                int i = moved[t * g + s];
                double before = results[(row + s) * outputs + output], after = results[(row + s + 1) * outputs + output];
                effects[i].Add((after - before) / steps[t * factors + groups[i].Members[0]]);
            }
        }
        return groups.Select((f, i) =>
        {
            var e = effects[i];
            double mu = e.Average();
            double sigma = e.Count > 1 ? Math.Sqrt(e.Sum(x => (x - mu) * (x - mu)) / (e.Count - 1)) : 0;
            return new MorrisEffect(f.Name, f.Kind, mu, e.Average(Math.Abs), sigma, f.Members.Length);
        }).ToArray();
    }
}
