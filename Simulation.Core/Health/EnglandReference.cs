namespace UrbanSim.Core.Health;

/// <summary>
/// Reference age schedules for England by <see cref="World.AgeBands"/> band, used where a model
/// needs a national yardstick (for example the quality-adjusted life-years lost per death in
/// <see cref="HealthAppraisal"/>). Kept in this one file so calibration can replace them in one place.
/// </summary>
public static class EnglandReference
{
    /// <summary>
    /// All-cause death rate per person-year by band, persons.
    /// Source: ONS national life tables, England, 2017–19, persons (mx), rounded.
    /// </summary>
    public static ReadOnlySpan<double> DeathRatePerPersonYear => DeathRates;

    /// <summary>
    /// Share of people in "good" or "very good" general health by band, persons.
    /// Source: Census 2021, England, general health by age, rounded.
    /// </summary>
    public static ReadOnlySpan<double> ShareInGoodHealth => GoodHealthShares;

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
        0.97, // <1
        0.97, // 1-4
        0.97, // 5-9
        0.96, // 10-14
        0.95, // 15-19
        0.94, // 20-24
        0.93, // 25-29
        0.92, // 30-34
        0.90, // 35-39
        0.88, // 40-44
        0.85, // 45-49
        0.81, // 50-54
        0.77, // 55-59
        0.73, // 60-64
        0.70, // 65-69
        0.66, // 70-74
        0.60, // 75-79
        0.53, // 80-84
        0.45, // 85+
    ];
}
