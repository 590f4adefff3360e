namespace UrbanSim.Core.World;

/// <summary>How long a mayoralty has existed and how much capacity it has built.</summary>
public enum CapacityClass
{
    Established = 0,
    Developing = 1,
    New = 2,
}

/// <summary>One zone as a user supplies it in a zones CSV file (one row per zone).</summary>
public sealed record ZoneRecord
{
    public required string ZoneId { get; init; }
    public required string Region { get; init; }
    public CapacityClass RegionCapacity { get; init; } = CapacityClass.Developing;
    public required int DeprivationDecile { get; init; }
    public required double Population { get; init; }
    public required double WalkingMinutesPerWeek { get; init; }
    public required double CyclingMinutesPerWeek { get; init; }
    public required double Pm25MicrogramsPerM3 { get; init; }
    public required double GreenSpaceNdvi { get; init; }
    public required double ColdHomeShare { get; init; }
    public required double HousePriceGbpPerM2 { get; init; }
    public required double SiteCapacityHomes { get; init; }
    public required double RemediationCostGbpPerHome { get; init; }
}
