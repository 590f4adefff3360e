using UrbanSim.Core.World;

namespace UrbanSim.Core.Health;

/// <summary>
/// A place's start-year health as the model sees it, and the local ratios that give a place its published life
/// expectancy and healthy life expectancy. A zone's start-year death rate in each age band is England's
/// (<see cref="EnglandReference.DeathRatePerPersonYear"/>) times its mortality ratio, and its odds of not being in
/// good health are England's times its ill-health odds ratio; its LE and HLE are those of the abridged life table and
/// the Sullivan method the model measures every zone with (docs/model.md §7.22 and §7.24). Importers of real places
/// use these functions to calibrate zones to official figures; a zones file can also give the targets directly
/// (<c>le_target_years</c>, <c>hle_target_years</c>).
/// </summary>
internal static class LocalHealth
{
    /// <summary>Smallest mortality or ill-health odds ratio a zone may have.</summary>
    public const double MinimumRatio = 0.05;

    /// <summary>Largest mortality or ill-health odds ratio a zone may have.</summary>
    public const double MaximumRatio = 20;

    /// <summary>Life expectancy at birth of a zone whose death rates are England's times <paramref name="mortalityRatio"/>, years.</summary>
    public static double LifeExpectancyYears(double mortalityRatio)
    {
        Span<double> rates = stackalloc double[AgeBands.Count];
        DeathRates(mortalityRatio, rates);
        return AbridgedLifeTable.LifeExpectancyAtBirthYears(rates);
    }

    /// <summary>
    /// Start-year life expectancy and healthy life expectancy at birth, in years, of a zone with the given mortality
    /// ratio and ill-health odds ratio: the values the model's start year measures for that zone.
    /// </summary>
    public static (double LifeExpectancyYears, double HealthyLifeExpectancyYears) ExpectanciesYears(double mortalityRatio, double illHealthOddsRatio)
    {
        Span<double> rates = stackalloc double[AgeBands.Count];
        Span<double> good = stackalloc double[AgeBands.Count];
        DeathRates(mortalityRatio, rates);
        GoodHealthShares(illHealthOddsRatio, good);
        return AbridgedLifeTable.ExpectanciesAtBirthYears(rates, good);
    }

    /// <summary>
    /// The mortality ratio whose life expectancy is <paramref name="lifeExpectancyYears"/>, or null when no ratio in
    /// [<see cref="MinimumRatio"/>, <see cref="MaximumRatio"/>] reaches it.
    /// </summary>
    public static double? MortalityRatioFor(double lifeExpectancyYears)
    {
        if (!(lifeExpectancyYears <= LifeExpectancyYears(MinimumRatio) && lifeExpectancyYears >= LifeExpectancyYears(MaximumRatio))) return null;
        // LE falls as the ratio rises; bisect on the log of the ratio.
        return Bisect(Math.Log(MinimumRatio), Math.Log(MaximumRatio), x => LifeExpectancyYears(Math.Exp(x)) - lifeExpectancyYears);
    }

    /// <summary>
    /// The ill-health odds ratio that, with <paramref name="mortalityRatio"/>, gives a healthy life expectancy of
    /// <paramref name="healthyLifeExpectancyYears"/>; null when no ratio in the allowed range reaches it.
    /// </summary>
    public static double? IllHealthOddsRatioFor(double healthyLifeExpectancyYears, double mortalityRatio)
    {
        double Hle(double ratio) => ExpectanciesYears(mortalityRatio, ratio).HealthyLifeExpectancyYears;
        if (!(healthyLifeExpectancyYears <= Hle(MinimumRatio) && healthyLifeExpectancyYears >= Hle(MaximumRatio))) return null;
        return Bisect(Math.Log(MinimumRatio), Math.Log(MaximumRatio), x => Hle(Math.Exp(x)) - healthyLifeExpectancyYears);
    }

    /// <summary>England's death rates by band times <paramref name="mortalityRatio"/>.</summary>
    private static void DeathRates(double mortalityRatio, Span<double> rates)
    {
        for (int b = 0; b < AgeBands.Count; b++) rates[b] = EnglandReference.DeathRatePerPersonYear[b] * mortalityRatio;
    }

    /// <summary>Share in good health by band when the odds of not being in good health are England's times <paramref name="oddsRatio"/>.</summary>
    private static void GoodHealthShares(double oddsRatio, Span<double> good)
    {
        for (int b = 0; b < AgeBands.Count; b++)
        {
            double odds = HealthConstants.IllHealthOdds[b] * oddsRatio;
            good[b] = 1 - odds / (1 + odds);
        }
    }

    /// <summary>Root of a decreasing function on [<paramref name="low"/>, <paramref name="high"/>] (value ≥ 0 at low, ≤ 0 at high), to about 1e-12.</summary>
    private static double Bisect(double low, double high, Func<double, double> decreasing)
    {
        for (int i = 0; i < 100 && high - low > 1e-13; i++)
        {
            double mid = 0.5 * (low + high);
            if (decreasing(mid) > 0) low = mid;
            else high = mid;
        }
        return Math.Exp(0.5 * (low + high));
    }
}
