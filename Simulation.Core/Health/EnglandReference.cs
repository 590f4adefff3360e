namespace UrbanSim.Core.Health;

/// <summary>
/// Reference age schedules for England by <see cref="World.AgeBands"/> band, used where a model
/// needs a national yardstick (for example the quality-adjusted life-years lost per death in
/// <see cref="HealthAppraisal"/>). Kept in this one file so calibration can replace them in one place.
/// </summary>
internal static class EnglandReference
{
    /// <summary>
    /// All-cause death rate per person-year by band, persons.
    /// Source: ONS national life tables, England, 2017–19, persons (mx), rounded.
    /// </summary>
    public static ReadOnlySpan<double> DeathRatePerPersonYear => DeathRates;

    /// <summary>
    /// Share of people in "good" or "very good" general health by band, persons, on the level of the survey
    /// measure ONS uses for healthy life expectancy (Annual Population Survey). Census 2021 shares are higher
    /// (they would give an HLE of 67 years), so these follow the census age profile lowered at every age,
    /// by 0.5–3 points for children and up to 9 points at the oldest ages: with the death rates above, the Sullivan HLE at
    /// birth is 62.7 years, inside ONS's 61.5–63.5 for England (2018–20 to 2021–23).
    /// </summary>
    public static ReadOnlySpan<double> ShareInGoodHealth => GoodHealthShares;

    /// <summary>
    /// Share of deaths in each age band from non-communicable diseases (ONS deaths by ICD-10 chapter, WHO NCD
    /// grouping; rounded): the start-year NCD share of deaths, a calibration target.
    /// </summary>
    public static ReadOnlySpan<double> NcdShareOfDeaths => NcdShares;

    private static readonly double[] NcdShares =
    [
        0.45, 0.55, 0.60, 0.55, 0.30, 0.30, 0.35, 0.45, 0.55, 0.65,
        0.75, 0.82, 0.87, 0.90, 0.92, 0.93, 0.92, 0.91, 0.88,
    ];

    // Static arrays behind read-only spans: callers cannot change them, and reading allocates nothing even
    // in unoptimised builds (a span literal there goes through a runtime helper that allocates).
    private static readonly double[] DeathRates =
    [
        0.0039,  // <1
        0.00012, // 1-4
        0.00008, // 5-9
        0.0001,  // 10-14
        0.00025, // 15-19
        0.0004,  // 20-24
        0.0005,  // 25-29
        0.0007,  // 30-34
        0.001,   // 35-39
        0.0015,  // 40-44
        0.0022,  // 45-49
        0.0033,  // 50-54
        0.005,   // 55-59
        0.0078,  // 60-64
        0.012,   // 65-69
        0.019,   // 70-74
        0.032,   // 75-79
        0.057,   // 80-84
        0.145,   // 85+
    ];

    private static readonly double[] GoodHealthShares =
    [
        0.965, // <1
        0.965, // 1-4
        0.955, // 5-9
        0.945, // 10-14
        0.92, // 15-19
        0.9, // 20-24
        0.885, // 25-29
        0.87, // 30-34
        0.85, // 35-39
        0.82, // 40-44
        0.78, // 45-49
        0.73, // 50-54
        0.68, // 55-59
        0.64, // 60-64
        0.61, // 65-69
        0.57, // 70-74
        0.51, // 75-79
        0.44, // 80-84
        0.36, // 85+
    ];
}
