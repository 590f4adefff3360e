using UrbanSim.Core.World;

namespace UrbanSim.Core.Health;

/// <summary>
/// England's age structure, the deprivation score of a decile, and each disease's deprivation multiplier by
/// decile (from the gradients in <see cref="DiseaseCatalogue"/>). Rounded from the sources cited; see docs/model.md.
/// </summary>
internal static class DiseaseBaseline
{
    /// <summary>England population share by age band (ONS mid-2022 population estimates, rounded).</summary>
    public static ReadOnlySpan<double> PopulationShare =>
    [
        0.0100, 0.0441, 0.0591, 0.0611, 0.0571, 0.0611, 0.0661, 0.0691, 0.0671, 0.0631,
        0.0621, 0.0681, 0.0671, 0.0581, 0.0501, 0.0501, 0.0371, 0.0251, 0.0240,
    ];

    /// <summary>
    /// Deprivation multiplier of a disease's prevalence and incidence in a decile (1 = most deprived):
    /// exp(gradient × score), normalised so that the ten deciles average 1.
    /// </summary>
    public static double DeprivationMultiplier(Disease disease, int decile) => DeprivationMultipliers[(int)disease * 10 + decile - 1];

    private static readonly double[] DeprivationMultipliers = BuildDeprivationMultipliers();

    private static double[] BuildDeprivationMultipliers()
    {
        var multipliers = new double[DiseaseCatalogue.Count * 10];
        for (int d = 0; d < DiseaseCatalogue.Count; d++)
        {
            double gradient = DiseaseCatalogue.All[d].DeprivationGradient, norm = 0;
            for (int decile = 1; decile <= 10; decile++) norm += Math.Exp(gradient * DeprivationScore(decile)) / 10;
            for (int decile = 1; decile <= 10; decile++) multipliers[d * 10 + decile - 1] = Math.Exp(gradient * DeprivationScore(decile)) / norm;
        }
        return multipliers;
    }

    /// <summary>
    /// Deprivation score of a decile: +0.45 for the most deprived (1) to −0.45 for the least (10);
    /// multipliers are exp(gradient × score), so a gradient is the log ratio between the extremes / 0.9.
    /// </summary>
    public static double DeprivationScore(int decile) => 0.5 - (decile - 0.5) / 10.0;
}
