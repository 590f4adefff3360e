namespace UrbanSim.Core.Health;

/// <summary>Discounting and monetary valuation of health, as HM Treasury and DfT appraisal guidance set them.</summary>
internal static class Discounting
{
    /// <summary>Discount rate for health effects. Source: HM Treasury Green Book (1.5%).</summary>
    public const double HealthRatePerYear = 0.015;

    /// <summary>Discount rate for costs. Source: HM Treasury Green Book (3.5%).</summary>
    public const double CostRatePerYear = 0.035;

    /// <summary>Value of a quality-adjusted life-year. Source: HM Treasury Green Book, 2022 prices (£70,000).</summary>
    public const double QalyValueGbp = 70_000;

    /// <summary>Value of a prevented fatality. Source: DfT TAG data book, 2020 (£2,064,189).</summary>
    public const double ValueOfPreventedFatalityGbp = 2_064_189;

    /// <summary>
    /// Discount factor 1 / (1 + r)^t for a flow <paramref name="yearsFromStart"/> years after the start
    /// (year 0 is undiscounted, as in the Green Book).
    /// </summary>
    public static double Factor(double ratePerYear, int yearsFromStart) =>
        1 / Math.Pow(1 + ratePerYear, yearsFromStart);
}
