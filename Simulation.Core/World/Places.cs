using System.Collections.Immutable;
using UrbanSim.Core.Scenarios;

namespace UrbanSim.Core.World;

/// <summary>One zone of a world as outputs describe it: the same place in every replication of a seed.</summary>
/// <param name="ZoneId">The zone's id (<c>Z0001</c>… in a synthetic world, the zones file's id otherwise).</param>
/// <param name="Region">Its region (mayoralty).</param>
/// <param name="Capacity">Its region's capacity class.</param>
/// <param name="DeprivationDecile">Deprivation decile, 1 = most deprived.</param>
/// <param name="Population">Start-year residents.</param>
internal sealed record ZoneDescription(string ZoneId, string Region, CapacityClass Capacity, int DeprivationDecile, double Population)
{
    /// <summary>Index of its region, in the world's region order (<see cref="Places.Regions"/>).</summary>
    public int RegionIndex { get; init; }
    /// <summary>The zone's name from the zones file (for an ONS small area, its ONS name), or null.</summary>
    public string? ZoneName { get; init; }
    /// <summary>Its local authority's name from the zones file, or null.</summary>
    public string? LocalAuthorityName { get; init; }
    /// <summary>Its Integrated Care Board's name from the zones file, or null.</summary>
    public string? IcbName { get; init; }
}

/// <summary>One region (mayoralty) of a world as outputs describe it.</summary>
/// <param name="Name">Its name, as the scenario or zones file gives it (for real places, as ONS names it).</param>
/// <param name="Capacity">Its capacity class.</param>
/// <param name="Population">Start-year residents.</param>
/// <param name="Zones">Number of zones.</param>
/// <param name="IcbNames">The Integrated Care Boards its zones name, most residents first (empty when the zones do not say).</param>
internal sealed record RegionDescription(string Name, CapacityClass Capacity, double Population, int Zones, ImmutableArray<string> IcbNames);

/// <summary>The places a scenario simulates.</summary>
internal static class Places
{
    /// <summary>The zones of <paramref name="scenario"/>'s world, in zone order (they depend on its world and seed only).</summary>
    public static ImmutableArray<ZoneDescription> Describe(Scenario scenario) => WorldBuilder.Describe(scenario);

    /// <summary>Name of the zones-file column of age band <paramref name="band"/>: <c>people_aged_0</c>, <c>people_aged_1_4</c>, … <c>people_aged_85_plus</c>.</summary>
    public static string AgeBandColumn(int band) => ZoneCsv.AgeColumn(band);

    /// <summary>
    /// Reads the lines of a zones file (README, 'Your own zones (CSV)'; docs/places.md for the columns of real places):
    /// its zones, or every problem found, located by <paramref name="file"/>, line and column.
    /// </summary>
    public static (ImmutableArray<ZoneRecord> Zones, IReadOnlyList<ValidationProblem> Problems) ReadZones(IReadOnlyList<string> lines, string file)
    {
        var result = ZoneCsv.Parse(lines, file);
        return (result.Zones, result.Problems);
    }

    /// <summary>The regions of <paramref name="zones"/> (from <see cref="Describe"/>), in the world's region order.</summary>
    public static ImmutableArray<RegionDescription> Regions(IReadOnlyList<ZoneDescription> zones)
    {
        int count = zones.Count == 0 ? 0 : zones.Max(z => z.RegionIndex) + 1;
        var regions = ImmutableArray.CreateBuilder<RegionDescription>(count);
        for (int r = 0; r < count; r++)
        {
            var own = zones.Where(z => z.RegionIndex == r).ToList();
            var icbs = own.Where(z => z.IcbName is not null)
                .SelectMany(z => z.IcbName!.Split("; ").Select(name => (name, z.Population)))
                .GroupBy(x => x.name, StringComparer.Ordinal)
                .OrderByDescending(g => g.Sum(x => x.Population)).ThenBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => g.Key);
            regions.Add(new RegionDescription(own[0].Region, own[0].Capacity, own.Sum(z => z.Population), own.Count, [.. icbs]));
        }
        return regions.MoveToImmutable();
    }
}
