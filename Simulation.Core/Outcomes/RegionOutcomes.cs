using System.Collections.Immutable;
using UrbanSim.Core.World;

namespace UrbanSim.Core.Outcomes;

/// <summary>
/// Outcomes of each region (mayoralty), for <c>summary.json</c>'s <c>by_region</c> block: its start-year population,
/// LE and HLE, and per variant its final LE and HLE, their change from the start year, the homes built in it and the
/// central money it received per resident. LE and HLE of a region are the population-weighted means of its zones'
/// (start-year residents as weights), as published figures for a group of councils are compared
/// (docs/places.md); the world's own LE and HLE pool all zones into one life table.
/// </summary>
public static class RegionOutcomes
{
    /// <summary>Index of the final-year HLE (population-weighted over the region's zones), years.</summary>
    public const int HleYears = 0;
    /// <summary>Index of the final-year LE, years.</summary>
    public const int LeYears = 1;
    /// <summary>Index of the HLE change from the start year, years.</summary>
    public const int HleChangeYears = 2;
    /// <summary>Index of the LE change from the start year, years.</summary>
    public const int LeChangeYears = 3;
    /// <summary>Index of the homes completed in the region's zones over the horizon.</summary>
    public const int HomesBuilt = 4;
    /// <summary>Index of the money central government paid the region's mayor over the horizon, per start-year resident, £.</summary>
    public const int FundingPerHeadGbp = 5;
    /// <summary>Number of outcomes per region.</summary>
    public const int Count = 6;

    /// <summary>Names of the outcomes, in index order (snake_case, unit in the name).</summary>
    public static readonly ImmutableArray<string> Names =
        ["hle_years", "le_years", "hle_change_years", "le_change_years", "homes_built", "funding_per_head_gbp"];

    /// <summary>Index of the start-year residents in the region baseline.</summary>
    public const int BaselinePopulation = 0;
    /// <summary>Index of the start-year LE in the region baseline, years.</summary>
    public const int BaselineLeYears = 1;
    /// <summary>Index of the start-year HLE in the region baseline, years.</summary>
    public const int BaselineHleYears = 2;
    /// <summary>Values in a region's baseline.</summary>
    public const int BaselineCount = 3;

    /// <summary>Names of the region baseline's values, in index order.</summary>
    public static readonly ImmutableArray<string> BaselineNames = ["population", "le_years", "hle_years"];

    /// <summary>Start-year population, LE and HLE of each region, from the zones' start-year values in <paramref name="result"/>.</summary>
    internal static void MeasureBaseline(WorldState start, ReplicationResult result)
    {
        if (result.Regions != start.RegionCount || result.Zones != start.ZoneCount) return;
        for (int r = 0; r < start.RegionCount; r++)
        {
            double people = 0, le = 0, hle = 0;
            foreach (int z in start.Regions.ZonesOf(r))
            {
                double w = start.Health.ZonePopulation(z);
                people += w;
                hle += w * result.ZoneBaseline[z * 2];
                le += w * result.ZoneBaseline[z * 2 + 1];
            }
            var row = result.RegionBaseline.AsSpan(r * BaselineCount, BaselineCount);
            row[BaselinePopulation] = people;
            row[BaselineLeYears] = people > 0 ? le / people : double.NaN;
            row[BaselineHleYears] = people > 0 ? hle / people : double.NaN;
        }
    }

    /// <summary>
    /// Variant <paramref name="variant"/>'s outcomes of each region: <paramref name="zoneFinal"/> holds each zone's final HLE
    /// and LE [zone * 2 + (0 HLE, 1 LE)], <paramref name="receivedGbp"/> the money each region's mayor received.
    /// </summary>
    internal static void Measure(WorldState start, WorldState end, ReadOnlySpan<double> zoneFinal, ReadOnlySpan<double> receivedGbp,
        ReplicationResult result, int variant)
    {
        if (result.Regions != start.RegionCount || result.Zones != start.ZoneCount) return;
        for (int r = 0; r < start.RegionCount; r++)
        {
            double people = 0, le = 0, hle = 0, leStart = 0, hleStart = 0, homes = 0;
            foreach (int z in start.Regions.ZonesOf(r))
            {
                double w = start.Health.ZonePopulation(z);
                people += w;
                hle += w * zoneFinal[z * 2];
                le += w * zoneFinal[z * 2 + 1];
                hleStart += w * result.ZoneBaseline[z * 2];
                leStart += w * result.ZoneBaseline[z * 2 + 1];
                homes += end.Homes.Dwellings[z] - start.Homes.Dwellings[z];
            }
            var row = result.RegionOutcomesOf(variant, r);
            row[HleYears] = hle / people;
            row[LeYears] = le / people;
            row[HleChangeYears] = (hle - hleStart) / people;
            row[LeChangeYears] = (le - leStart) / people;
            row[HomesBuilt] = homes;
            row[FundingPerHeadGbp] = receivedGbp[r] / people;
        }
    }
}
