using System.Runtime.Intrinsics;
using UrbanSim.Core.World;

namespace UrbanSim.Core.Health;

/// <summary>
/// Disease incidence consistent with observed prevalence. The model moves people up the age bands
/// (1/width of a band each year) carrying their disease state; the incidence that keeps the start-year
/// prevalence by age unchanged under that ageing, mortality and remission is solved band by band
/// (DisMod-style consistency), so a world with no change in exposure has no spurious trend.
/// </summary>
internal static class DiseaseDynamics
{
    /// <summary>
    /// Annual incidence per person free of the disease, by band, that keeps <paramref name="prevalence"/>
    /// steady for a population with age structure <paramref name="populationShare"/> and death rates
    /// <paramref name="deathRatePerPersonYear"/>. Where prevalence falls with age faster than remission
    /// explains, incidence is 0. A band with no people (a small zone) gets the incidence that only offsets remission.
    /// </summary>
    public static void SteadyStateIncidence(ReadOnlySpan<double> prevalence, ReadOnlySpan<double> populationShare,
        ReadOnlySpan<double> deathRatePerPersonYear, double remissionPerYear, Span<double> incidence)
    {
        int bands = AgeBands.Count;
        double previousSurvivorsMovingUp = 0, previousQ = 0;
        for (int b = 0; b < bands; b++)
        {
            // Deaths as the engine removes them: probability m / (1 + m/2) (Chiang, one-year step).
            double m = deathRatePerPersonYear[b];
            double survivors = populationShare[b] * (1 - Math.Min(1, m / (1 + 0.5 * m)));
            double stay = b == AgeBands.OpenBand ? 1 : 1 - 1.0 / AgeBands.WidthYears(b);
            double next = survivors * stay + previousSurvivorsMovingUp;
            double p = prevalence[b];
            // q = prevalence among this band's survivors after this year's incidence and remission. A band with nobody
            // staying in it (the open band's width aside, an empty band of a small zone) has nothing to keep steady.
            double staying = survivors * stay;
            double q = staying > 0 ? (p * next - previousSurvivorsMovingUp * previousQ) / staying : p;
            double i = p < 1 ? (q - p + remissionPerYear * p) / (1 - p) : 0;
            incidence[b] = Math.Clamp(i, 0, 1);
            previousQ = p + incidence[b] * (1 - p) - remissionPerYear * p;
            previousSurvivorsMovingUp = b == AgeBands.OpenBand ? 0 : survivors / AgeBands.WidthYears(b);
        }
    }

    /// <summary>
    /// <see cref="SteadyStateIncidence"/> of four diseases of one population at once, one disease per lane: the same
    /// arithmetic in the same order in each lane (so the same bits as four separate calls; a test compares them), with
    /// the survivors and ageing, which do not depend on the disease, worked out once per band.
    /// </summary>
    /// <param name="prevalence">[band] the four diseases' prevalence.</param>
    /// <param name="populationShare">[band] the population's age structure.</param>
    /// <param name="deathRatePerPersonYear">[band] death rates.</param>
    /// <param name="remissionPerYear">The four diseases' remission.</param>
    /// <param name="incidence">[band] the four diseases' incidence, written.</param>
    public static void SteadyStateIncidence4(ReadOnlySpan<Vector256<double>> prevalence, ReadOnlySpan<double> populationShare,
        ReadOnlySpan<double> deathRatePerPersonYear, Vector256<double> remissionPerYear, Span<Vector256<double>> incidence)
    {
        int bands = AgeBands.Count;
        var one = Vector256.Create(1.0);
        double previousSurvivorsMovingUp = 0;
        var previousQ = Vector256<double>.Zero;
        for (int b = 0; b < bands; b++)
        {
            double m = deathRatePerPersonYear[b];
            double survivors = populationShare[b] * (1 - Math.Min(1, m / (1 + 0.5 * m)));
            double stay = b == AgeBands.OpenBand ? 1 : 1 - 1.0 / AgeBands.WidthYears(b);
            double next = survivors * stay + previousSurvivorsMovingUp;
            var p = prevalence[b];
            double staying = survivors * stay;
            var q = staying > 0 ? (p * Vector256.Create(next) - Vector256.Create(previousSurvivorsMovingUp) * previousQ) / Vector256.Create(staying) : p;
            var i = Vector256.ConditionalSelect(Vector256.LessThan(p, one), (q - p + remissionPerYear * p) / (one - p), Vector256<double>.Zero);
            var clamped = Vector256.Min(Vector256.Max(i, Vector256<double>.Zero), one);
            incidence[b] = clamped;
            previousQ = p + clamped * (one - p) - remissionPerYear * p;
            previousSurvivorsMovingUp = b == AgeBands.OpenBand ? 0 : survivors / AgeBands.WidthYears(b);
        }
    }
}
