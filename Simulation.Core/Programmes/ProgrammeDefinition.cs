using System.Collections.Immutable;
using UrbanSim.Core.Health;
using UrbanSim.Core.Scenarios;
using UrbanSim.Core.Settlements;

namespace UrbanSim.Core.Programmes;

/// <summary>How a programme's money is turned into change; each kind has its delivery rule in <see cref="ProgrammeDelivery"/>.</summary>
public enum DeliveryKind
{
    /// <summary>
    /// Capital schemes delivered in areas: each scheme adds a dose of stock per resident to one zone (the mayor's
    /// priority zone; a share spills over the region), after the lag. The stock depreciates, costs upkeep, and moves the
    /// exposures and incidence the programme names by a Hill response to the zone's stock.
    /// </summary>
    AreaSchemes,
    /// <summary>
    /// A service spread over the region's residents (shares by <see cref="ProgrammeDefinition.Targeting"/>): its spend per
    /// resident builds a stock whose effect wanes (depreciation), reducing the incidence the programme names.
    /// </summary>
    PopulationService,
    /// <summary>Remedies excessively cold homes at a unit cost per home, most-targeted zones first by weight; takes effect at once.</summary>
    ColdHomeRetrofit,
    /// <summary>Pays the remediation of whole brownfield sites that only public money makes viable this year.</summary>
    SiteRemediation,
    /// <summary>Raises the mayoralty's delivery and analytical capacity, saturating in spend per head this year.</summary>
    MayoralCapacity,
}

/// <summary>Which zones a programme's money goes to first.</summary>
public enum Targeting
{
    /// <summary>By residents (or cold homes), tilted towards deprived zones by the mayor's mission commitment (proportionate universalism).</summary>
    ProportionateUniversalism,
    /// <summary>By residents (or cold homes) alone.</summary>
    Universal,
}

/// <summary>How big an exposure change a programme makes at full response.</summary>
public enum EffectSize
{
    /// <summary>Towards a level (a ceiling from the best real places): the gap between the zone's start level and it.</summary>
    TowardsLevel,
    /// <summary>A share of the zone's start level (a pollutant's local traffic share).</summary>
    ShareOfStart,
    /// <summary>A fixed amount in the exposure's unit.</summary>
    Amount,
}

/// <summary>
/// A change a stock programme makes to an exposure: at stock K per resident the exposure moves, in its healthier
/// direction, by size × K^h / (K^h + K½^h) (h: the programme's <see cref="ProgrammeDefinition.ResponseExponent"/>).
/// </summary>
/// <param name="Exposure">The exposure changed.</param>
/// <param name="Size">How the full change is measured.</param>
/// <param name="Value">The level, share or amount of <paramref name="Size"/>.</param>
/// <param name="HalfResponseGbpPerHead">Stock per resident at half the full change, £ (K½).</param>
public sealed record ExposureEffect(Exposure Exposure, EffectSize Size, Func<ModelParameters, double> Value, Func<ModelParameters, double> HalfResponseGbpPerHead);

/// <summary>A reduction a stock programme makes in the incidence of diseases: at stock K, max × K^h / (K^h + K½^h).</summary>
/// <param name="Diseases">The diseases whose incidence falls.</param>
/// <param name="MaxReduction">Most proportional reduction of their incidence (0–1).</param>
/// <param name="HalfResponseGbpPerHead">Stock per resident at half the most reduction, £ (K½).</param>
public sealed record IncidenceEffect(ImmutableArray<Disease> Diseases, Func<ModelParameters, double> MaxReduction, Func<ModelParameters, double> HalfResponseGbpPerHead);

/// <summary>
/// One programme a mayor can spend on, declared once in a <see cref="ProgrammeCatalogue"/>: its name, the theme whose
/// money may pay for it, how it is delivered, what it changes and how that responds to its stock, how the stock
/// depreciates and what its upkeep costs, how fast money can be delivered, and the non-health benefit a mayor
/// perceives. Allocation, delivery, the mayor's appraisal, exposures, outcomes (<c>spend_&lt;name&gt;_gbp</c>), charts,
/// the explorer and the docs tables all read these fields. Parameters are read from the replication's
/// <see cref="ModelParameters"/>, so they can be uncertain.
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

    /// <summary>Non-health benefit per £ the mayor perceives from a first scheme (it falls as the stock's response saturates).</summary>
    public required Func<ModelParameters, double> OtherBenefitPerGbp { get; init; }

    /// <summary>
    /// How visible the programme's results are to residents and to a mayoralty without analytical tools: +1 visible
    /// (schemes in streets and parks), −1 invisible (inside homes, in health services), 0 neither. Without analytical
    /// capacity a mayor overvalues the visible and undervalues the invisible (seed 000 §4.5).
    /// </summary>
    public int Visibility { get; init; }

    /// <summary>Years from spending to stock in place (stock programmes; at most <see cref="ProgrammeState.MaxLagYears"/>).</summary>
    public Func<ModelParameters, int> LagYears { get; init; } = static _ => 0;

    /// <summary>Stock per resident one scheme adds to its zone, £ (area schemes).</summary>
    public Func<ModelParameters, double> SchemeDoseGbpPerHead { get; init; } = static _ => 0;

    /// <summary>Share of a scheme's stock spread over the whole region per resident (area schemes).</summary>
    public Func<ModelParameters, double> SpilloverShare { get; init; } = static _ => 0;

    /// <summary>Hill exponent h of the response to stock (stock programmes).</summary>
    public Func<ModelParameters, double> ResponseExponent { get; init; } = static _ => 1;

    /// <summary>Share of the stock lost each year when it is maintained (stock programmes; remedied homes reverting, for retrofit).</summary>
    public Func<ModelParameters, double> DepreciationPerYear { get; init; } = static _ => 0;

    /// <summary>Upkeep a year as a share of the stock's value, £ per £ (stock programmes).</summary>
    public Func<ModelParameters, double> UpkeepSharePerYear { get; init; } = static _ => 0;

    /// <summary>Extra share of the stock lost in a year its upkeep is not paid (stock programmes).</summary>
    public Func<ModelParameters, double> UnmaintainedDecayPerYear { get; init; } = static _ => 0;

    /// <summary>Most new spend a year a mayoralty at full capacity can deliver, £ per resident (infinite: no limit).</summary>
    public Func<ModelParameters, double> DeliveryGbpPerHeadPerYear { get; init; } = static _ => double.PositiveInfinity;

    /// <summary>Spend per resident at which capacity closes 63% of its gap to 1, £ (capacity programmes).</summary>
    public Func<ModelParameters, double> ScaleGbpPerHead { get; init; } = static _ => double.PositiveInfinity;

    /// <summary>Cost of one unit delivered, £ (cold home retrofit: one home).</summary>
    public Func<ModelParameters, double> UnitCostGbp { get; init; } = static _ => 0;

    /// <summary>Which zones get the money first.</summary>
    public Targeting Targeting { get; init; } = Targeting.ProportionateUniversalism;

    /// <summary>Exposures a stock programme changes.</summary>
    public ImmutableArray<ExposureEffect> ExposureEffects { get; init; } = [];

    /// <summary>Disease incidence a stock programme reduces.</summary>
    public ImmutableArray<IncidenceEffect> IncidenceEffects { get; init; } = [];

    /// <summary>Where its parameters' values come from (docs).</summary>
    public string Source { get; init; } = "";

    /// <summary>True for programmes that build a stock in zones (<see cref="DeliveryKind.AreaSchemes"/>, <see cref="DeliveryKind.PopulationService"/>).</summary>
    public bool BuildsStock => Delivery is DeliveryKind.AreaSchemes or DeliveryKind.PopulationService;
}
