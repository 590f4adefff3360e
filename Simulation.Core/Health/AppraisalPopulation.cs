namespace UrbanSim.Core.Health;

/// <summary>The population whose exposures change in a <see cref="HealthAppraisal"/>.</summary>
/// <param name="People">Number of people, all ages in the range.</param>
/// <param name="AgeFromYears">Youngest age in the population, whole years (inclusive).</param>
/// <param name="AgeToYears">Oldest age in the population, whole years (inclusive).</param>
/// <param name="AllCauseMortalityPer100k">Deaths per 100,000 people per year at the current ("before") exposures.</param>
/// <param name="ValueOfStatisticalLifeGbp">Value of a prevented death; null for <see cref="Discounting.ValueOfPreventedFatalityGbp"/>.</param>
/// <param name="QalyValueGbp">Value of a QALY; null for <see cref="Discounting.QalyValueGbp"/>.</param>
internal readonly record struct AppraisalPopulation(
    double People,
    int AgeFromYears,
    int AgeToYears,
    double AllCauseMortalityPer100k,
    double? ValueOfStatisticalLifeGbp = null,
    double? QalyValueGbp = null);
