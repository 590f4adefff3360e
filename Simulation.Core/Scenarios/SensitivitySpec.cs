using System.Collections.Immutable;
using System.Reflection;

namespace UrbanSim.Core.Scenarios;

/// <summary>
/// What <c>urbansim sensitivity</c> varies and measures: the ranges of numeric policy levers (each uniform
/// between its min and max), the outcomes analysed, and the replications averaged per sample point. The
/// scenario's uncertain parameters are factors too, spread by their distributions.
/// </summary>
public sealed record SensitivitySpec
{
    /// <summary>Outcomes analysed when the scenario names none: the headline outcomes of a run.</summary>
    public static readonly ImmutableArray<string> DefaultOutcomes = ["hle_years", "hle_gap_years", "qalys", "nhs_cost_gbp", "homes_built"];

    /// <summary>The variant whose levers are the base; the ranges below replace some of them. Null: the first variant.</summary>
    public string? Variant { get; init; }

    /// <summary>Levers varied, each uniformly over its range, in the order given.</summary>
    public ImmutableArray<LeverRange> Levers { get; init; } = [];

    /// <summary>Outcome names analysed.</summary>
    public ImmutableArray<string> Outcomes { get; init; } = DefaultOutcomes;

    /// <summary>Replications 0..R−1 averaged at every sample point (the same for every point: common random numbers).</summary>
    public int ReplicationsPerSample { get; init; } = 1;

    /// <summary>
    /// A second variant run at every point with the same draws: the outputs become its differences from the base
    /// variant, and the analysis says which factors decide the ranking of the two. Null: the base variant's levels.
    /// </summary>
    public string? CompareWith { get; init; }

    /// <summary>
    /// Whether parameters of an uncertainty set are varied in groups (one factor per programme) for the Sobol and
    /// Morris designs, so that dozens of parameters cost a handful of factors; the surrogate and scenario discovery
    /// always see every parameter. False: every parameter is its own factor.
    /// </summary>
    public bool GroupParameters { get; init; } = true;
}

/// <summary>A numeric lever (snake_case name) varied uniformly from <paramref name="Min"/> to <paramref name="Max"/>.</summary>
public sealed record LeverRange(string Lever, double Min, double Max);

/// <summary>A numeric policy lever: its snake_case name, allowed range, meaning and property.</summary>
internal sealed record LeverInfo(string Name, double Min, double Max, string Meaning, PropertyInfo Property);

/// <summary>The numeric levers of <see cref="PolicyLevers"/>, read from the record, and a way to set one.</summary>
internal static class LeverPaths
{
    /// <summary>Every numeric lever in declaration order (the settlement, a category, is not one).</summary>
    public static readonly IReadOnlyList<LeverInfo> Numeric = typeof(PolicyLevers).GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(p => p.PropertyType == typeof(double))
        .Select(p =>
        {
            var range = p.GetCustomAttribute<AllowedRangeAttribute>() ?? throw new InvalidOperationException($"Lever {p.Name} has no AllowedRange.");
            return new LeverInfo(ParameterPaths.SnakeCase(p.Name), range.Min, range.Max, p.GetCustomAttribute<MeaningAttribute>()?.Text ?? "", p);
        })
        .ToArray();

    /// <summary>The numeric lever called <paramref name="name"/>, or null.</summary>
    public static LeverInfo? Find(string name) => Numeric.FirstOrDefault(l => l.Name == name);

    /// <summary>The value of a lever.</summary>
    public static double Get(PolicyLevers levers, LeverInfo info) => (double)info.Property.GetValue(levers)!;

    /// <summary>A copy of <paramref name="levers"/> with one lever changed.</summary>
    public static PolicyLevers With(PolicyLevers levers, LeverInfo info, double value)
    {
        var copy = (PolicyLevers)ParameterPaths.CloneRecord(levers);
        info.Property.SetValue(copy, value);
        return copy;
    }
}
