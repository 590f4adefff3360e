using UrbanSim.Core.World;

namespace UrbanSim.Core.Health;

/// <summary>
/// HEAT-style health economic appraisal of a change in exposures for one population: deaths prevented
/// per year at full effect, the quality-adjusted life-years they represent, and their monetary value.
/// Usable on its own (the <c>appraise</c> command) and by the simulated mayor when valuing programmes;
/// allocation-free.
/// </summary>
/// <remarks>
/// <para>
/// Deaths prevented = people × mortality × (1 − RRafter / RRbefore) over the people whose ages lie in each
/// exposure's age range (ages assumed spread evenly, in whole years, over [AgeFrom, AgeTo]). The stated
/// mortality is taken to be the population's mortality at the "before" exposures, so only the ratio of
/// relative risks matters.
/// </para>
/// <para>
/// Exposures combine multiplicatively: for each single year of age, the ratios RRafter / RRbefore of the
/// exposures that apply at that age are multiplied, so a death is never prevented twice; the total is the
/// sum over ages. Each per-exposure figure is that exposure's change alone.
/// </para>
/// <para>
/// QALYs per death prevented are the healthy life-years a person at the population's mean age would still
/// live by the England reference life table (<see cref="EnglandReference"/>), weighted by the share in good
/// health at each age and discounted at <see cref="Discounting.HealthRatePerYear"/>.
/// </para>
/// <para>Figures are at full effect; with HEAT's build-up, year t after the change reaches
/// <see cref="HealthBuildUp.BuildUpFraction"/>(t) of them.</para>
/// </remarks>
internal static class HealthAppraisal
{
    /// <summary>Average years lived in their year of death by those dying at ages 1+ (deaths spread evenly).</summary>
    private const double HalfYear = 0.5;

    /// <summary>Appraises with the central exposure–response estimates.</summary>
    public static AppraisalResult Appraise(in AppraisalPopulation population, in ExposureLevels before, in ExposureLevels after) =>
        Appraise(population, before, after, ExposureResponseParameters.Default);

    /// <summary>Appraises with the given exposure–response coefficients (for example one replication's draw).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The population is impossible (a caller's bug; files are validated before).</exception>
    public static AppraisalResult Appraise(in AppraisalPopulation population, in ExposureLevels before, in ExposureLevels after,
        in ExposureResponseParameters parameters)
    {
        RequirePopulation(population);
        double mortalityPerPersonYear = population.AllCauseMortalityPer100k / 100_000;
        int from = population.AgeFromYears, to = population.AgeToYears;
        double ageCount = to - from + 1;
        double vslGbp = population.ValueOfStatisticalLifeGbp ?? Discounting.ValueOfPreventedFatalityGbp;
        double qalyGbp = population.QalyValueGbp ?? Discounting.QalyValueGbp;
        double qalysPerDeath = DiscountedQalysLostPerDeath((from + to + 1) / 2.0);

        // A worse exposure can at most kill everyone: mortality × ratio stays at or below one death per person-year, so
        // deaths "prevented" are bounded below by −(people − baseline deaths) as they are above by the baseline deaths.
        double mostRatio = mortalityPerPersonYear > 0 ? 1 / mortalityPerPersonYear : 1;
        Span<double> riskRatio = stackalloc double[ExposureResponse.ExposureCount];
        var alone = new ExposureAppraisals();
        for (int i = 0; i < ExposureResponse.ExposureCount; i++)
        {
            var exposure = (Exposure)i;
            riskRatio[i] = ExposureResponse.RelativeRisk(parameters, exposure, after) / ExposureResponse.RelativeRisk(parameters, exposure, before);
            int overlapFrom = Math.Max(from, ExposureResponse.AgeFromYears(exposure));
            int overlapTo = Math.Min(to, ExposureResponse.AgeToYears(exposure));
            double applicableShare = overlapTo < overlapFrom ? 0 : (overlapTo - overlapFrom + 1) / ageCount;
            double deaths = population.People * applicableShare * mortalityPerPersonYear * (1 - Math.Min(riskRatio[i], mostRatio));
            alone[i] = Value(deaths, qalysPerDeath, vslGbp, qalyGbp);
        }

        // Joint effect, one single year of age at a time, so exposures with different age ranges combine exactly.
        Span<int> ageFrom = stackalloc int[ExposureResponse.ExposureCount], ageTo = stackalloc int[ExposureResponse.ExposureCount];
        for (int i = 0; i < ExposureResponse.ExposureCount; i++)
        {
            ageFrom[i] = ExposureResponse.AgeFromYears((Exposure)i);
            ageTo[i] = ExposureResponse.AgeToYears((Exposure)i);
        }
        double preventedShareSum = 0;
        for (int age = from; age <= to; age++)
        {
            double ratio = 1;
            for (int i = 0; i < ExposureResponse.ExposureCount; i++)
                if (age >= ageFrom[i] && age <= ageTo[i]) ratio *= riskRatio[i];
            preventedShareSum += 1 - Math.Min(ratio, mostRatio);
        }
        var total = Value(population.People * mortalityPerPersonYear * preventedShareSum / ageCount, qalysPerDeath, vslGbp, qalyGbp);

        return new AppraisalResult(
            total.DeathsPreventedPerYear, total.QalysPerYear, total.ValueOfDeathsPreventedGbpPerYear, total.QalyValueGbpPerYear,
            qalysPerDeath, vslGbp, qalyGbp,
            alone);
    }

    /// <summary>
    /// Discounted quality-adjusted life-years lost by a death at exact age <paramref name="ageYears"/>, from the
    /// England reference life table and good-health shares, discounted at <see cref="Discounting.HealthRatePerYear"/>.
    /// </summary>
    public static double DiscountedQalysLostPerDeath(double ageYears) =>
        DiscountedHealthyLifeExpectancyYears(ageYears, EnglandReference.DeathRatePerPersonYear,
            EnglandReference.ShareInGoodHealth, Discounting.HealthRatePerYear);

    /// <summary>
    /// Discounted healthy life expectancy at exact age <paramref name="ageYears"/>: Σ over the years ahead of
    /// (survivors × years lived in the year × share in good health × discount factor), in single-year steps
    /// with each band's death rate (qx by Chiang's formula with n = 1), and the open band summed in closed form
    /// as a geometric series.
    /// </summary>
    /// <param name="ageYears">Exact age, 0 to 120.</param>
    /// <param name="deathRatePerPersonYear">Death rate mx by <see cref="AgeBands"/> band.</param>
    /// <param name="shareInGoodHealth">Share in good health by band, 0–1.</param>
    /// <param name="discountRatePerYear">Discount rate; year 0 (the first year after death) is undiscounted.</param>
    public static double DiscountedHealthyLifeExpectancyYears(double ageYears, ReadOnlySpan<double> deathRatePerPersonYear,
        ReadOnlySpan<double> shareInGoodHealth, double discountRatePerYear)
    {
        if (deathRatePerPersonYear.Length != AgeBands.Count || shareInGoodHealth.Length != AgeBands.Count)
            throw new ArgumentException($"Expected {AgeBands.Count} age bands.");
        if (!(ageYears >= 0 && ageYears <= ExposureResponse.OldestAgeYears))
            throw new ArgumentOutOfRangeException(nameof(ageYears), ageYears, "Age must be in 0..120.");

        double survivors = 1, total = 0, discount = 1, yearFactor = 1 / (1 + discountRatePerYear);
        for (double age = ageYears; ; age += 1)
        {
            int band = AgeBands.BandOfAge(age);
            double mx = deathRatePerPersonYear[band];
            if (band == AgeBands.OpenBand)
            {
                mx = Math.Max(mx, AbridgedLifeTable.MinimumOpenBandDeathRatePerPersonYear);
                double qOpen = Math.Min(1, mx / (1 + HalfYear * mx));
                double perYear = survivors * (1 - HalfYear * qOpen) * shareInGoodHealth[band] * discount;
                return total + perYear / (1 - (1 - qOpen) * yearFactor);
            }
            double ax = band == 0 ? AbridgedLifeTable.InfantAverageYearsLivedByThoseDying : HalfYear;
            double qx = Math.Min(1, mx / (1 + (1 - ax) * mx));
            total += survivors * (1 - (1 - ax) * qx) * shareInGoodHealth[band] * discount;
            survivors *= 1 - qx;
            discount *= yearFactor;
        }
    }

    private static ExposureAppraisal Value(double deathsPrevented, double qalysPerDeath, double vslGbp, double qalyGbp)
    {
        double qalys = deathsPrevented * qalysPerDeath;
        return new ExposureAppraisal(deathsPrevented, qalys, deathsPrevented * vslGbp, qalys * qalyGbp);
    }

    private static void RequirePopulation(in AppraisalPopulation p)
    {
        if (!(p.People >= 0) || double.IsPositiveInfinity(p.People))
            throw new ArgumentOutOfRangeException(nameof(p.People), p.People, "People must be finite and non-negative.");
        if (p.AgeFromYears < 0 || p.AgeToYears > ExposureResponse.OldestAgeYears || p.AgeFromYears > p.AgeToYears)
            throw new ArgumentOutOfRangeException(nameof(p.AgeFromYears), p.AgeFromYears, "Ages must satisfy 0 <= from <= to <= 120.");
        if (!(p.AllCauseMortalityPer100k >= 0 && p.AllCauseMortalityPer100k <= 100_000))
            throw new ArgumentOutOfRangeException(nameof(p.AllCauseMortalityPer100k), p.AllCauseMortalityPer100k, "Mortality must be in 0..100000 per 100k.");
        if (p.ValueOfStatisticalLifeGbp is { } vsl && !(vsl >= 0))
            throw new ArgumentOutOfRangeException(nameof(p.ValueOfStatisticalLifeGbp), vsl, "Value of a statistical life must be non-negative.");
        if (p.QalyValueGbp is { } qaly && !(qaly >= 0))
            throw new ArgumentOutOfRangeException(nameof(p.QalyValueGbp), qaly, "QALY value must be non-negative.");
    }
}
