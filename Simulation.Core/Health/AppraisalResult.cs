namespace UrbanSim.Core.Health;

/// <summary>Health effects per year of one exposure's change, at full effect.</summary>
/// <param name="DeathsPreventedPerYear">Deaths prevented per year (negative: extra deaths).</param>
/// <param name="QalysPerYear">Discounted quality-adjusted life-years gained per year of deaths prevented.</param>
/// <param name="ValueOfDeathsPreventedGbpPerYear">Deaths prevented valued at the value of a statistical life.</param>
/// <param name="QalyValueGbpPerYear">QALYs valued at the QALY value.</param>
internal readonly record struct ExposureAppraisal(
    double DeathsPreventedPerYear,
    double QalysPerYear,
    double ValueOfDeathsPreventedGbpPerYear,
    double QalyValueGbpPerYear);

/// <summary>
/// Result of <see cref="HealthAppraisal.Appraise(in AppraisalPopulation, in ExposureLevels, in ExposureLevels)"/>:
/// effects per year once the change has reached full effect (see <see cref="HealthBuildUp"/>), for all
/// exposures together and for each alone.
/// </summary>
/// <remarks>
/// Each per-exposure figure is that exposure's change on its own. Because exposures combine
/// multiplicatively and a death can be prevented only once, the total is slightly less than the sum
/// of the per-exposure figures when several exposures improve.
/// </remarks>
/// <param name="DeathsPreventedPerYear">Deaths prevented per year by all changes together.</param>
/// <param name="QalysPerYear">Discounted QALYs gained per year by all changes together.</param>
/// <param name="ValueOfDeathsPreventedGbpPerYear">Deaths prevented × <paramref name="ValueOfStatisticalLifeGbp"/>.</param>
/// <param name="QalyValueGbpPerYear">QALYs × <paramref name="QalyValueGbp"/>.</param>
/// <param name="DiscountedQalysPerDeathPrevented">Discounted healthy life-years lost per death at the population's mean age.</param>
/// <param name="ValueOfStatisticalLifeGbp">Value of a prevented death used.</param>
/// <param name="QalyValueGbp">Value of a QALY used.</param>
/// <param name="ByExposure">Each exposure's change alone, indexed by <see cref="Exposure"/>.</param>
internal readonly record struct AppraisalResult(
    double DeathsPreventedPerYear,
    double QalysPerYear,
    double ValueOfDeathsPreventedGbpPerYear,
    double QalyValueGbpPerYear,
    double DiscountedQalysPerDeathPrevented,
    double ValueOfStatisticalLifeGbp,
    double QalyValueGbp,
    ExposureAppraisals ByExposure)
{
    /// <summary>The effects of one exposure's change alone.</summary>
    public ExposureAppraisal For(Exposure exposure) => ByExposure[(int)exposure];
}

/// <summary>One <see cref="ExposureAppraisal"/> per exposure of the catalogue, indexed by <see cref="Exposure"/>, held inline (no allocation).</summary>
[System.Runtime.CompilerServices.InlineArray(ExposureCatalogue.Count)]
internal struct ExposureAppraisals
{
    private ExposureAppraisal _first;
}
