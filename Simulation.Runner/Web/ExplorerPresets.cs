using System.Collections.Immutable;
using System.Reflection;
using UrbanSim.Core.Scenarios;

namespace UrbanSim.Runner.Web;

/// <summary>
/// A bundled scenario as the policy explorer uses it: the same levers, parameters, uncertain parameters and
/// seed, in a smaller world so that a first answer arrives within a second. The baseline setting is the
/// scenario's first variant; the page starts the user's setting at its last variant.
/// </summary>
internal sealed record ExplorerPreset(string Key, string Name, string Description, Scenario Scenario, WorldSpec FullWorld,
    PolicyVariant Baseline, PolicyVariant Initial);

/// <summary>The explorer presets, read from the bundled scenarios embedded in the program (not from disk at run time).</summary>
internal static class ExplorerPresets
{
    /// <summary>Zones in an explorer world by default (the reference world has 300); also the most a request may ask for.</summary>
    public const int DefaultZones = 30;
    public const int MaxZones = 60;

    /// <summary>Presets in the page's order.</summary>
    public static readonly string[] Order = ["reference", "health_devolution", "high_turbulence", "patient_capital", "capacity_gap", "health_valuation"];

    private static readonly Lazy<IReadOnlyDictionary<string, ExplorerPreset>> Loaded = new(Load);

    public static IReadOnlyDictionary<string, ExplorerPreset> All => Loaded.Value;

    /// <summary>
    /// The world shrunk to about <paramref name="zones"/> zones, keeping each region, its capacity class and the
    /// regions' shares of zones (at least one zone each). Patient capital, a whole-world sum, is scaled with the
    /// number of zones by the caller (<see cref="ScaleLevers"/>), so that it stays the same per resident.
    /// </summary>
    public static WorldSpec Shrink(WorldSpec world, int zones)
    {
        int total = world.ZoneCount;
        if (total <= zones) return world;
        var regions = world.Regions.Select(r => r with { Zones = Math.Max(1, (int)Math.Round(r.Zones * (double)zones / total, MidpointRounding.AwayFromZero)) });
        return world with { Regions = [.. regions] };
    }

    /// <summary>Levers of the full-size scenario restated for a world of <paramref name="zones"/> out of <paramref name="fullZones"/> zones.</summary>
    public static PolicyLevers ScaleLevers(PolicyLevers levers, int zones, int fullZones) =>
        levers with { PatientCapitalGbpPerYear = Math.Round(levers.PatientCapitalGbpPerYear * zones / fullZones) };

    private static IReadOnlyDictionary<string, ExplorerPreset> Load()
    {
        var assembly = typeof(ExplorerPresets).Assembly;
        var presets = new Dictionary<string, ExplorerPreset>(StringComparer.Ordinal);
        foreach (string key in Order)
        {
            using var stream = assembly.GetManifestResourceStream($"scenarios/{key}.json")
                               ?? throw new InvalidOperationException($"the bundled scenario {key}.json is not embedded");
            string json = new StreamReader(stream).ReadToEnd();
            var loaded = ScenarioLoader.Parse(json, $"scenarios/{key}.json", ".");
            if (!loaded.IsValid) throw new InvalidOperationException($"bundled scenario {key}.json is invalid: {loaded.Problems[0]}");
            var full = loaded.Scenario!;
            if (!full.World.Zones.IsDefaultOrEmpty) continue;   // a zones CSV world cannot be shrunk; none is bundled
            var world = Shrink(full.World, DefaultZones);
            int zones = world.ZoneCount;
            PolicyVariant Scaled(PolicyVariant v) => v with { Levers = ScaleLevers(v.Levers, zones, full.World.ZoneCount) };
            var scenario = full with { World = world, Variants = [.. full.Variants.Select(Scaled)] };
            presets[key] = new ExplorerPreset(key, full.Name, full.Description, scenario, full.World,
                full.Variants[0], scenario.Variants[^1]);
        }
        return presets;
    }

    /// <summary>
    /// The scenario of one explorer request: the preset with its world at <paramref name="zones"/> zones, the given
    /// horizon and replications, and two variants under common random numbers: the preset's baseline and the user's levers.
    /// </summary>
    public static Scenario Build(ExplorerPreset preset, PolicyLevers levers, int horizonYears, int replications, int zones)
    {
        var world = Shrink(preset.FullWorld, zones);
        var baseline = preset.Baseline with { Levers = ScaleLevers(preset.Baseline.Levers, world.ZoneCount, preset.FullWorld.ZoneCount) };
        return preset.Scenario with
        {
            World = world,
            HorizonYears = horizonYears,
            Replications = replications,
            Variants = [baseline with { Name = "baseline", Label = preset.Baseline.Label, Description = $"The preset's first variant, {preset.Baseline.Name}" },
                new PolicyVariant("your_setting", levers, "The levers chosen in the explorer") { Label = "Your setting" }],
        };
    }

    /// <summary>Property of <see cref="PolicyLevers"/> by snake_case name, with its range and meaning (null for the settlement).</summary>
    public static readonly ImmutableArray<LeverInfo> Levers = [.. typeof(PolicyLevers).GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Select(p => new LeverInfo(Snake(p.Name), p, p.GetCustomAttribute<AllowedRangeAttribute>(), p.GetCustomAttribute<MeaningAttribute>()?.Text ?? ""))];

    private static string Snake(string pascal) =>
        string.Concat(pascal.Select((c, i) => char.IsUpper(c) ? (i > 0 ? "_" : "") + char.ToLowerInvariant(c) : c.ToString()));
}

/// <summary>A lever: its snake_case name, the property, its allowed range (null for the settlement) and its meaning.</summary>
internal sealed record LeverInfo(string Name, PropertyInfo Property, AllowedRangeAttribute? Range, string Meaning);
