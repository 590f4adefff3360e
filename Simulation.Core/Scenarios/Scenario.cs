using System.Collections.Immutable;
using UrbanSim.Core.World;

namespace UrbanSim.Core.Scenarios;

/// <summary>
/// A validated, immutable scenario: the world, the horizon, the Monte Carlo set-up, the parameters,
/// what is uncertain, and the policy variants compared under common random numbers.
/// Build it with <see cref="ScenarioLoader"/>, which reports every problem at once.
/// </summary>
public sealed record Scenario
{
    /// <summary>Short name, used in captions and output folders.</summary>
    public required string Name { get; init; }
    /// <summary>What the scenario tests, in a sentence or two.</summary>
    public string Description { get; init; } = "";
    /// <summary>The places simulated: a synthetic archetype or the user's zones.</summary>
    public required WorldSpec World { get; init; }
    /// <summary>Calendar year of the start-year world (year 0 of the simulation is the year after).</summary>
    public int StartYear { get; init; } = 2026;
    /// <summary>Years simulated.</summary>
    public int HorizonYears { get; init; } = 25;
    /// <summary>Monte Carlo replications of a run, unless the command line says otherwise.</summary>
    public int Replications { get; init; } = 1000;
    /// <summary>Seed of every random draw: the same seed gives the same results on any machine, thread count and shard split.</summary>
    public ulong Seed { get; init; } = 1;
    /// <summary>The model's parameters (England defaults unless overridden).</summary>
    public ModelParameters Parameters { get; init; } = new();
    /// <summary>Parameters drawn anew from a distribution in each replication.</summary>
    public ImmutableArray<UncertainParameter> Uncertain { get; init; } = [];
    /// <summary>The policy variants compared; the first is the one the others are compared with.</summary>
    public required ImmutableArray<PolicyVariant> Variants { get; init; }
    /// <summary>What <c>urbansim sensitivity</c> varies and measures; null when the scenario has no "sensitivity" block.</summary>
    public SensitivitySpec? Sensitivity { get; init; }
    /// <summary>The programmes and outcomes the model runs with: <see cref="ModelCatalogue.Standard"/> unless extended in code.</summary>
    [Newtonsoft.Json.JsonIgnore]
    public ModelCatalogue Catalogue { get; init; } = ModelCatalogue.Standard;
}

/// <summary>A named policy setting; variants of one scenario share every random draw.</summary>
public sealed record PolicyVariant(string Name, PolicyLevers Levers, string Description = "")
{
    /// <summary>
    /// Parameters of the settlement's rules, the mayors and the ICBs (<see cref="VariantParameterGroups"/>) this variant
    /// sets for itself, e.g. to switch off one of the mayor's roles; they replace the scenario's value and any draw.
    /// Empty for most variants. The world (health, development, programmes, shocks) is the same in every variant.
    /// </summary>
    public ImmutableArray<ParameterSetting> Parameters { get; init; } = [];

    /// <summary>The parameter groups a variant may set: what a variant's policy or its agents' behaviour can change.</summary>
    public static readonly ImmutableArray<string> VariantParameterGroups = ["funding", "politics", "icb"];

    private readonly string? _label;

    /// <summary>
    /// The variant as a reader sees it in charts, tables and pages ("Single pot"): the scenario's <c>label</c>, or by
    /// default <see cref="ReadableName"/> of its name. Not part of the results' identity (a run key ignores it).
    /// </summary>
    [Newtonsoft.Json.JsonIgnore]
    public string Label { get => _label ?? ReadableName(Name); init => _label = value; }

    /// <summary>Words an upper-case abbreviation stands for in names, written as readers know them.</summary>
    private static readonly string[] Abbreviations = ["icb", "nhs", "hle", "le", "qaly", "qalys", "uk", "gm"];

    /// <summary>
    /// A snake_case name as words with a capital: <c>single_pot_icb_partnership</c> → "Single pot ICB partnership".
    /// </summary>
    public static string ReadableName(string name)
    {
        var words = name.Split('_', StringSplitOptions.RemoveEmptyEntries)
            .Select(w => Abbreviations.Contains(w) ? (w == "qalys" ? "QALYs" : w.ToUpperInvariant()) : w).ToArray();
        string text = string.Join(' ', words);
        return text.Length == 0 ? name : char.ToUpperInvariant(text[0]) + text[1..];
    }
}

/// <summary>A model parameter a variant sets for itself (dotted snake_case path, e.g. "politics.co_investment_per_gbp").</summary>
/// <param name="Path">The parameter's path.</param>
/// <param name="Value">Its value in this variant, whatever the scenario or its uncertainty draws give it.</param>
public sealed record ParameterSetting(string Path, double Value);

/// <summary>A parameter (dotted snake_case path, e.g. "health.walking_relative_risk") drawn anew each replication.</summary>
/// <param name="Path">The parameter's path.</param>
/// <param name="Distribution">What it is drawn from.</param>
/// <param name="Group">The group a sensitivity analysis varies it with (a programme of an uncertainty set); null: on its own.</param>
public sealed record UncertainParameter(string Path, Distribution Distribution, string? Group = null);

/// <summary>The world: synthetic regions from the seed, or zones loaded from a CSV file.</summary>
public sealed record WorldSpec
{
    /// <summary>Regions of the synthetic world (ignored when <see cref="Zones"/> is given).</summary>
    public ImmutableArray<RegionSpec> Regions { get; init; } = [];

    /// <summary>Zones loaded from a user's CSV file, if any.</summary>
    public ImmutableArray<ZoneRecord> Zones { get; init; } = [];

    /// <summary>
    /// The attribution the world's data require wherever results from it are published (for England's real places, the
    /// Open Government Licence v3.0 wording), read from the zones file's comments; null for a synthetic world.
    /// </summary>
    public string? DataAttribution { get; init; }

    /// <summary>Developable sites generated per zone.</summary>
    public int SitesPerZone { get; init; } = 4;

    /// <summary>Total zones in the world.</summary>
    public int ZoneCount => Zones.IsDefaultOrEmpty ? Regions.Sum(r => r.Zones) : Zones.Length;

    /// <summary>Regions (mayoralties) in the world: the synthetic regions, or the distinct region names of the zones.</summary>
    public int RegionCount => Zones.IsDefaultOrEmpty ? Regions.Length : Zones.Select(z => z.Region).Distinct(StringComparer.Ordinal).Count();

    /// <summary>England-like world: 2 established, 2 developing and 2 new mayoralties, 300 zones.</summary>
    public static WorldSpec EnglandLike { get; } = new()
    {
        Regions =
        [
            new("Established A", CapacityClass.Established, 70),
            new("Established B", CapacityClass.Established, 60),
            new("Developing A", CapacityClass.Developing, 50),
            new("Developing B", CapacityClass.Developing, 45),
            new("New A", CapacityClass.New, 40),
            new("New B", CapacityClass.New, 35),
        ],
    };
}

/// <summary>A synthetic city-region: its name, capacity class and number of zones.</summary>
public sealed record RegionSpec(string Name, CapacityClass Capacity, int Zones);
