using System.Collections.Immutable;
using UrbanSim.Core.Health;
using UrbanSim.Core.Scenarios;
using UrbanSim.Core.Settlements;

namespace UrbanSim.Core.Programmes;

/// <summary>How a programme's money is turned into change; each kind has its delivery rule in <see cref="ProgrammeDelivery"/>.</summary>
public enum DeliveryKind
{
    /// <summary>
    /// Spent per resident in the region's zones (shares by <see cref="ProgrammeDefinition.Targeting"/>), effective after
    /// the lag; its cumulative effective spend per head S gives a saturating response 1 − e^(−S / scale) that moves
    /// the exposures and incidence it names.
    /// </summary>
    ZonalSaturating,
    /// <summary>Remedies excessively cold homes at a unit cost per home, most-targeted zones first by weight; takes effect at once.</summary>
    ColdHomeRetrofit,
    /// <summary>Pays the remediation of whole brownfield sites that only public money makes viable this year.</summary>
    SiteRemediation,
    /// <summary>Raises the mayoralty's delivery and analytical capacity, saturating in spend per head this year.</summary>
    MayoralCapacity,
}

/// <summary>Which zones a zonal or retrofit programme's money goes to.</summary>
public enum Targeting
{
    /// <summary>In proportion to residents (or cold homes), tilted towards deprived zones by the mayor's mission commitment (proportionate universalism).</summary>
    ProportionateUniversalism,
    /// <summary>In proportion to residents (or cold homes) alone.</summary>
    Universal,
}

/// <summary>A change a zonal programme makes to an exposure at full response (1 − e^(−S/scale) = 1).</summary>
/// <param name="Exposure">The exposure changed.</param>
/// <param name="MaxImprovement">Most improvement, in the exposure's unit, in its healthier direction (a PM2.5 reduction is positive).</param>
public sealed record ExposureEffect(Exposure Exposure, Func<ModelParameters, double> MaxImprovement);

/// <summary>A reduction a zonal programme makes in the incidence of diseases at full response.</summary>
/// <param name="Diseases">The diseases whose incidence falls.</param>
/// <param name="MaxReduction">Most proportional reduction of their incidence (0–1).</param>
public sealed record IncidenceEffect(ImmutableArray<Disease> Diseases, Func<ModelParameters, double> MaxReduction);

/// <summary>
/// One programme a mayor can spend on, declared once in a <see cref="ProgrammeCatalogue"/>: its name, the theme whose
/// money may pay for it, how it is delivered, its lag, response scale, unit cost and targeting, what it changes, and
/// the non-health benefit per £ a mayor perceives. Allocation, delivery, the mayor's appraisal, exposures, outcomes
/// (<c>spend_&lt;name&gt;_gbp</c>), charts, the explorer and the docs tables all read these fields. Parameters are
/// read from the replication's <see cref="ModelParameters"/>, so they can be uncertain.
/// </summary>
public sealed record ProgrammeDefinition
{
    /// <summary>snake_case name, used in outputs as <c>spend_&lt;name&gt;_gbp</c>.</summary>
    public required string Name { get; init; }

    /// <summary>Plain-English label for charts and pages.</summary>
    public required string Label { get; init; }

    /// <summary>What the programme is, in a sentence.</summary>
    public required string Description { get; init; }

    /// <summary>The theme whose tied or ring-fenced money may pay for it.</summary>
    public required Theme Theme { get; init; }

    /// <summary>How money becomes change.</summary>
    public required DeliveryKind Delivery { get; init; }

    /// <summary>Non-health benefit per £ the mayor perceives.</summary>
    public required Func<ModelParameters, double> OtherBenefitPerGbp { get; init; }

    /// <summary>Years from spending to effect (zonal programmes; at most <see cref="Programmes.ProgrammeState.MaxLagYears"/>).</summary>
    public Func<ModelParameters, int> LagYears { get; init; } = static _ => 0;

    /// <summary>Spend per resident at which the response reaches 1 − 1/e (63%) of its maximum, £ (zonal and capacity programmes).</summary>
    public Func<ModelParameters, double> ScaleGbpPerHead { get; init; } = static _ => double.PositiveInfinity;

    /// <summary>Cost of one unit delivered, £ (cold home retrofit: one home).</summary>
    public Func<ModelParameters, double> UnitCostGbp { get; init; } = static _ => 0;

    /// <summary>Which zones get the money.</summary>
    public Targeting Targeting { get; init; } = Targeting.ProportionateUniversalism;

    /// <summary>Exposures a zonal programme changes.</summary>
    public ImmutableArray<ExposureEffect> ExposureEffects { get; init; } = [];

    /// <summary>Disease incidence a zonal programme reduces.</summary>
    public ImmutableArray<IncidenceEffect> IncidenceEffects { get; init; } = [];

    /// <summary>Where its parameters' values come from (docs).</summary>
    public string Source { get; init; } = "";
}
