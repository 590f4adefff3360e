using System.Collections.Immutable;
using UrbanSim.Core.Scenarios;

namespace UrbanSim.Core.World;

/// <summary>One zone of a world as outputs describe it: the same place in every replication of a seed.</summary>
/// <param name="ZoneId">The zone's id (<c>Z0001</c>… in a synthetic world, the zones file's id otherwise).</param>
/// <param name="Region">Its region (mayoralty).</param>
/// <param name="Capacity">Its region's capacity class.</param>
/// <param name="DeprivationDecile">Deprivation decile, 1 = most deprived.</param>
/// <param name="Population">Start-year residents.</param>
public sealed record ZoneDescription(string ZoneId, string Region, CapacityClass Capacity, int DeprivationDecile, double Population);

/// <summary>The places a scenario simulates.</summary>
public static class Places
{
    /// <summary>The zones of <paramref name="scenario"/>'s world, in zone order (they depend on its world and seed only).</summary>
    public static ImmutableArray<ZoneDescription> Describe(Scenario scenario) => WorldBuilder.Describe(scenario);
}
