using System.Collections.Immutable;

namespace UrbanSim.Core.World;

/// <summary>How long a mayoralty has existed and how much capacity it has built.</summary>
public enum CapacityClass
{
    /// <summary>A mayoralty of 2017 or earlier with a deep settlement (Greater Manchester, West Midlands, London).</summary>
    Established = 0,
    /// <summary>A mayoralty with a few years of devolved powers behind it.</summary>
    Developing = 1,
    /// <summary>A mayoralty created recently, still building its staff and powers.</summary>
    New = 2,
}

/// <summary>One zone as a user supplies it in a zones CSV file (one row per zone).</summary>
public sealed record ZoneRecord
{
    /// <summary>The zone's id, unique in the file.</summary>
    public required string ZoneId { get; init; }
    /// <summary>Name of the zone's region (mayoralty).</summary>
    public required string Region { get; init; }
    /// <summary>Capacity class of the zone's region.</summary>
    public CapacityClass RegionCapacity { get; init; } = CapacityClass.Developing;
    /// <summary>Deprivation decile, 1 = most deprived.</summary>
    public required int DeprivationDecile { get; init; }
    /// <summary>Start-year residents.</summary>
    public required double Population { get; init; }
    /// <summary>Walking, minutes per adult per week.</summary>
    public required double WalkingMinutesPerWeek { get; init; }
    /// <summary>Cycling, minutes per adult per week.</summary>
    public required double CyclingMinutesPerWeek { get; init; }
    /// <summary>Annual mean PM2.5, µg/m³.</summary>
    public required double Pm25MicrogramsPerM3 { get; init; }
    /// <summary>Annual mean NO₂, µg/m³; when not given, <see cref="No2FromPm25"/> × PM2.5.</summary>
    public double? No2MicrogramsPerM3 { get; init; }
    /// <summary>NO₂ per µg/m³ of PM2.5 where a zone's NO₂ is not given: England's means, 16 / 9.5 (docs/model.md §5.2).</summary>
    public const double No2FromPm25 = 16 / 9.5;
    /// <summary>Residential greenness, NDVI within 500 m.</summary>
    public required double GreenSpaceNdvi { get; init; }
    /// <summary>Share of homes that are excessively cold.</summary>
    public required double ColdHomeShare { get; init; }
    /// <summary>New-build sales price, £ per m².</summary>
    public required double HousePriceGbpPerM2 { get; init; }
    /// <summary>Homes the zone's developable sites could hold, all sites together.</summary>
    public required double SiteCapacityHomes { get; init; }
    /// <summary>Brownfield remediation cost of the zone's sites, £ per home (0 for greenfield).</summary>
    public required double RemediationCostGbpPerHome { get; init; }

    // Optional: what real places carry (docs/places.md). Null or empty when the file does not give them.

    /// <summary>The zone's name (for an ONS small area, its ONS name), or null.</summary>
    public string? ZoneName { get; init; }
    /// <summary>ONS code of the zone's local authority (council), or null.</summary>
    public string? LocalAuthorityCode { get; init; }
    /// <summary>Name of the zone's local authority, or null.</summary>
    public string? LocalAuthorityName { get; init; }
    /// <summary>ONS code of the zone's Integrated Care Board (several separated by "; " for a zone that spans ICBs), or null.</summary>
    public string? IcbCode { get; init; }
    /// <summary>Name of the zone's Integrated Care Board (several separated by "; "), or null.</summary>
    public string? IcbName { get; init; }
    /// <summary>
    /// Residents in each of the <see cref="AgeBands.Count"/> age bands (0, 1–4, …, 85+); the zone's population is
    /// spread in these proportions. Empty: England's age structure.
    /// </summary>
    public ImmutableArray<double> PeopleByAgeBand { get; init; } = [];
    /// <summary>
    /// Start-year death rates relative to England's at every age (<see cref="Health.LocalHealth"/>); null: the
    /// deprivation decile's multiplier (the <c>health.deprivation_mortality_gradient</c> parameter) applies instead.
    /// </summary>
    public double? MortalityRatio { get; init; }
    /// <summary>
    /// Start-year odds of not being in good health relative to England's at every age; null: the deprivation decile's
    /// multiplier (<c>health.deprivation_ill_health_gradient</c>) applies instead.
    /// </summary>
    public double? IllHealthOddsRatio { get; init; }
}
