using System.Collections.Immutable;

namespace UrbanSim.Core.Health;

/// <summary>Urban exposures with an all-cause mortality exposure–response function, in the order of exposure arrays.</summary>
public enum Exposure
{
    /// <summary>Walking, minutes per week.</summary>
    Walking,

    /// <summary>Cycling, minutes per week.</summary>
    Cycling,

    /// <summary>Fine particulate matter (PM2.5), annual mean µg/m³.</summary>
    Pm25,

    /// <summary>Residential greenness, NDVI within 500 m.</summary>
    GreenSpace,

    /// <summary>Share of homes that are excessively cold.</summary>
    ColdHomes,

    /// <summary>Nitrogen dioxide (NO₂), annual mean µg/m³.</summary>
    No2,
}

/// <summary>
/// What the model knows about one exposure, declared once in <see cref="ExposureCatalogue"/>: its name and unit, the
/// ages its all-cause mortality function applies to, the range its level is kept in, which way is healthier, and
/// England's mean. The exposure–response formula itself is in <see cref="ExposureResponse"/>.
/// </summary>
/// <param name="Id">The exposure.</param>
/// <param name="Name">snake_case name with its unit, as in zone files and outputs (e.g. <c>walking_minutes_per_week</c>).</param>
/// <param name="Label">Plain-English label for charts and pages.</param>
/// <param name="Unit">Unit of the level.</param>
/// <param name="AgeFromYears">Youngest age its mortality function applies to.</param>
/// <param name="AgeToYears">Oldest age its mortality function applies to.</param>
/// <param name="MinimumLevel">Lowest level it can take (programmes cannot push it below).</param>
/// <param name="MaximumLevel">Highest level it can take.</param>
/// <param name="HigherIsHealthier">True when more of it lowers risk (walking), false when less does (PM2.5).</param>
/// <param name="EnglandMean">England's mean level, the reference of the synthetic world.</param>
/// <param name="Source">Where the age range and England's mean come from.</param>
public sealed record ExposureDefinition(
    Exposure Id, string Name, string Label, string Unit, int AgeFromYears, int AgeToYears,
    double MinimumLevel, double MaximumLevel, bool HigherIsHealthier, double EnglandMean, string Source)
{
    /// <summary>Short snake_case key, as in appraisal results (<c>walking</c>, <c>pm25</c>).</summary>
    public required string Key { get; init; }

    /// <summary>+1 when a higher level is healthier, −1 when a lower one is: the sign of an improvement.</summary>
    public double HealthierSign => HigherIsHealthier ? 1 : -1;
}

/// <summary>The model's exposures, declared once; everything that lists or loops over exposures reads this.</summary>
public static class ExposureCatalogue
{
    /// <summary>Number of exposures.</summary>
    public const int Count = 6;

    /// <summary>Upper age used for exposures that apply "and over".</summary>
    public const int OldestAgeYears = 120;

    /// <summary>Every exposure, in the order of <see cref="Exposure"/>.</summary>
    public static readonly ImmutableArray<ExposureDefinition> All =
    [
        new(Exposure.Walking, "walking_minutes_per_week", "Walking", "minutes per week", 20, 74, 0, 10_080, true, 80,
            "WHO HEAT (adults 20–74); England mean NTS 2019: about 250 walking trips a person a year × 17 min") { Key = "walking" },
        new(Exposure.Cycling, "cycling_minutes_per_week", "Cycling", "minutes per week", 20, 64, 0, 10_080, true, 6,
            "WHO HEAT (adults 20–64); England mean NTS 2019: about 15 cycle trips a person a year × 20 min") { Key = "cycling" },
        new(Exposure.Pm25, "pm25_micrograms_per_m3", "PM2.5", "µg/m³", 30, OldestAgeYears, 0, 500, false, 9.5,
            "WHO 2021 / Chen & Hoek 2020 (adults 30+); England mean Defra PCM, population-weighted, about 2019") { Key = "pm25" },
        new(Exposure.GreenSpace, "green_space_ndvi", "Green space", "NDVI within 500 m", 20, OldestAgeYears, -1, 1, true, 0.35,
            "Rojas-Rueda et al. 2019 (adult cohorts, 20+); typical urban residential NDVI within 500 m") { Key = "green_space" },
        new(Exposure.ColdHomes, "cold_home_share", "Cold homes", "share of homes", 65, OldestAgeYears, 0, 1, false, 0.06,
            "Excess winter deaths concentrate at 65+ (ONS); England mean EHS excess cold and damp hazards") { Key = "cold_homes" },
        new(Exposure.No2, "no2_micrograms_per_m3", "NO₂", "µg/m³", 30, OldestAgeYears, 0, 500, false, 16,
            "WHO 2021 / Atkinson et al. 2018 (adult cohorts, 30+); England mean about 16: Defra PCM urban background, population-weighted, early 2020s (approximate)") { Key = "no2" },
    ];

    /// <summary>The definition of <paramref name="exposure"/>.</summary>
    public static ExposureDefinition Of(Exposure exposure) => All[(int)exposure];

    /// <summary>England's mean exposures (the reference of the synthetic world).</summary>
    public static ExposureLevels EnglandMean => new(All[0].EnglandMean, All[1].EnglandMean, All[2].EnglandMean, All[3].EnglandMean, All[4].EnglandMean, All[5].EnglandMean);
}
