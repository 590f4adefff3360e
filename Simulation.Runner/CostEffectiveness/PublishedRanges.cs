namespace UrbanSim.Runner.CostEffectiveness;

/// <summary>A range of cost per QALY that published evaluations support for a programme, and where it comes from.</summary>
/// <param name="Programme">The programme's name.</param>
/// <param name="LowGbp">Low end, £ per QALY.</param>
/// <param name="HighGbp">High end, £ per QALY.</param>
/// <param name="Source">The evaluations and how the range follows from them.</param>
internal sealed record PublishedRange(string Programme, double LowGbp, double HighGbp, string Source);

/// <summary>
/// The cost per QALY each health programme's marginal £ should fall in at real budgets (docs/model.md §9.4), as the
/// chart of <c>urbansim programmes</c> draws them and a test checks them. Where no evaluation gives a cost per QALY,
/// the range is a plausibility band and says so.
/// </summary>
internal static class PublishedRanges
{
    /// <summary>Every range, by programme.</summary>
    public static readonly IReadOnlyList<PublishedRange> All =
    [
        new("active_travel", 10_000, 150_000,
            "UK scheme benefit-cost ratios 2.4–13 (DfT 2014; ATF4; Cycling Demonstration Towns; Davis 2010), health about 60% of benefits valued by HEAT's value of a statistical life; at £70,000 a QALY and 11 QALYs a death, about £24k–£130k per QALY from deaths alone, less with morbidity"),
        new("clean_air", 10_000, 250_000,
            "No published cost per QALY for English clean air zones; a plausibility band: Bradford CAZ NO₂ −11.5 µg/m³ (Mebrahtu et al. 2025) for about £70 a resident, WHO 2021 NO₂ and PM2.5 coefficients"),
        new("warm_homes", 2_000, 40_000,
            "BRE 2023: a remedy (£6.7k–£6.8k) repays the NHS in 8–9 years; warmth improvements cut health service use 16% (Int J Public Health 2017); Hamilton et al. 2015: 2,241 QALYs per 10,000 people over 50 years"),
        new("green_space", 5_000, 250_000,
            "No published spend → health relationship (Raza et al. 2024); a plausibility band from Rojas-Rueda et al. 2019's mortality coefficient"),
        new("joint_prevention", 1_500, 30_000,
            "Marginal English public health spending about £3,800 per QALY (Martin, Lomas & Claxton 2020); NHS DPP about £25,000 per QALY in the short term (Thomas et al. 2017)"),
    ];

    /// <summary>The range of <paramref name="programme"/>, or null.</summary>
    public static PublishedRange? Of(string programme) => All.FirstOrDefault(r => r.Programme == programme);
}
