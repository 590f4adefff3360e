using UrbanSim.Core.Settlements;

namespace UrbanSim.Core.Scenarios;

/// <summary>
/// The levers a policy variant sets. Defaults describe England's current mix; sources in docs/model.md.
/// </summary>
public sealed record PolicyLevers
{
    /// <summary>Devolution settlement: tied_grants, single_pot or health_devolution.</summary>
    [Meaning("Devolution settlement: tied_grants, single_pot or health_devolution")]
    public Settlement Settlement { get; init; } = SettlementCatalogue.TiedGrants;

    /// <summary>Central funding for place programmes, £ per resident per year (integrated settlements ~£200).</summary>
    [AllowedRange(0, 5000), Meaning("Central funding for place programmes, £ per resident per year (integrated settlements ~£200)")]
    public double FundingPerHeadGbp { get; init; } = 200;

    /// <summary>Share of tied money allocated by competition rather than formula (about a third).</summary>
    [AllowedRange(0, 1), Meaning("Share of tied money allocated by competition rather than formula (about a third)")]
    public double CompetitiveShare { get; init; } = 0.33;

    /// <summary>Bid success probability for a region of average capacity (LUF rounds: 34%, 21%).</summary>
    [AllowedRange(0, 1), Meaning("Bid success probability for a region of average capacity (LUF rounds: 34%, 21%)")]
    public double BidSuccessRate { get; init; } = 0.28;

    /// <summary>Probability a tied funding stream is discontinued in a year (more than a third).</summary>
    [AllowedRange(0, 1), Meaning("Probability a tied funding stream is discontinued in a year (more than a third)")]
    public double ChurnRatePerYear { get; init; } = 0.35;

    /// <summary>Single pot: share the mayor may move freely across themes; the rest stays ring-fenced by theme (integrated settlement grant letters: up to 10%).</summary>
    [AllowedRange(0, 1), Meaning("Single pot: share the mayor may move freely across themes; the rest stays ring-fenced by theme (integrated settlement grant letters: up to 10%)")]
    public double FlexibilityShare { get; init; } = 0.1;

    /// <summary>Health devolution: share of the ICB allocation pooled with the mayor.</summary>
    [AllowedRange(0, 1), Meaning("Health devolution: share of the ICB allocation pooled with the mayor")]
    public double IcbPooledShare { get; init; } = 0.01;

    /// <summary>Mayor's mission commitment: weight on health and on the most deprived places.</summary>
    [AllowedRange(0, 1), Meaning("Mayor's mission commitment: weight on health and on the most deprived places")]
    public double MissionCommitment { get; init; } = 0.5;

    /// <summary>How far a cross-party mission compact or national mission binds a new mayor to the mission's commitment (0: a new mayor brings their own).</summary>
    [AllowedRange(0, 1), Meaning("How far a cross-party mission compact or national mission binds a new mayor to the mission's commitment (0: a new mayor brings their own)")]
    public double MissionCompact { get; init; }

    /// <summary>Analytical capacity to value health (HAUS-like): 0 = a noisy, mortality-only view biased to visible schemes; 1 = the full value, morbidity and NHS costs included.</summary>
    [AllowedRange(0, 1), Meaning("Analytical capacity to value health (HAUS-like): 0 = a noisy, mortality-only view biased to visible schemes; 1 = the full value, morbidity and NHS costs included")]
    public double AnalyticalCapacity { get; init; } = 0.2;

    /// <summary>Strength of the mayor–ICB partnership at the start; it then grows with joint work and savings (convening); the ICB pools prevention money as it passes about 0.5.</summary>
    [AllowedRange(0, 1), Meaning("Strength of the mayor–ICB partnership at the start; it then grows with joint work and savings (convening); the ICB pools prevention money as it passes about 0.5")]
    public double IcbPartnership { get; init; } = 0.3;

    /// <summary>Planning health standard sought: share of schemes required to use the healthy design.</summary>
    [AllowedRange(0, 1), Meaning("Planning health standard sought: share of schemes required to use the healthy design")]
    public double PlanningHealthStandard { get; init; } = 0.2;

    /// <summary>Patient public capital for healthy schemes, £ per year across the world.</summary>
    [AllowedRange(0, 1e11), Meaning("Patient public capital for healthy schemes, £ per year across the world")]
    public double PatientCapitalGbpPerYear { get; init; }
}
