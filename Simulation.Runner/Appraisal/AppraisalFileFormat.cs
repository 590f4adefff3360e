namespace UrbanSim.Runner.Appraisal;

/// <summary>
/// Key names of the appraisal JSON file (snake_case, units in the name). Example:
/// <code>
/// {"description": "optional text",
///  "population": {"people": 100000, "age_from_years": 20, "age_to_years": 74,
///                 "all_cause_mortality_per_100k": 500,
///                 "value_of_statistical_life_gbp": 2064189, "qaly_value_gbp": 70000},
///  "before": {"walking_minutes_per_week": 60, "cycling_minutes_per_week": 10, "pm25_micrograms_per_m3": 10,
///             "green_space_ndvi": 0.3, "cold_home_share": 0.1},
///  "after":  {"walking_minutes_per_week": 90}}
/// </code>
/// <c>population</c>, <c>before</c> and <c>after</c> are required objects. In <c>population</c> the two values
/// are optional (defaults: DfT TAG and Green Book). An exposure omitted in <c>before</c> is 0; omitted in
/// <c>after</c> it stays as before.
/// </summary>
internal static class AppraisalFileFormat
{
    /// <summary>Optional free-text description.</summary>
    public const string Description = "description";

    /// <summary>Population object.</summary>
    public const string Population = "population";

    /// <summary>Exposures before the change.</summary>
    public const string Before = "before";

    /// <summary>Exposures after the change.</summary>
    public const string After = "after";

    /// <summary>Number of people.</summary>
    public const string People = "people";

    /// <summary>Youngest age, whole years.</summary>
    public const string AgeFromYears = "age_from_years";

    /// <summary>Oldest age, whole years.</summary>
    public const string AgeToYears = "age_to_years";

    /// <summary>Deaths per 100,000 per year.</summary>
    public const string AllCauseMortalityPer100k = "all_cause_mortality_per_100k";

    /// <summary>Value of a statistical life, £ (optional).</summary>
    public const string ValueOfStatisticalLifeGbp = "value_of_statistical_life_gbp";

    /// <summary>Value of a QALY, £ (optional).</summary>
    public const string QalyValueGbp = "qaly_value_gbp";






    /// <summary>Keys allowed at the top level.</summary>
    public static IReadOnlyList<string> RootKeys { get; } = [Description, Population, Before, After];

    /// <summary>Keys allowed in <c>population</c>.</summary>
    public static IReadOnlyList<string> PopulationKeys { get; } =
        [People, AgeFromYears, AgeToYears, AllCauseMortalityPer100k, ValueOfStatisticalLifeGbp, QalyValueGbp];

    /// <summary>Keys allowed in <c>before</c> and <c>after</c>.</summary>
    public static IReadOnlyList<string> ExposureKeys { get; } = [.. UrbanSim.Core.Health.ExposureCatalogue.All.Select(e => e.Name)];
}
