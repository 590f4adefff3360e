using System.Collections.Immutable;
using UrbanSim.Core.Programmes;

namespace UrbanSim.Core.Outcomes;

/// <summary>
/// A run's outcomes and yearly series, in the order of result arrays: the <see cref="StandardOutcomes"/>, then
/// <c>spend_&lt;programme&gt;_gbp</c> for each programme of the catalogue, then the outcomes a study added (each
/// with its <see cref="OutcomeDefinition.Measure"/>). Series likewise: the <see cref="StandardSeries"/>, then one
/// spend series per programme.
/// </summary>
public sealed class OutcomeCatalogue
{
    internal OutcomeCatalogue(ProgrammeCatalogue programmes, ImmutableArray<OutcomeDefinition> added)
    {
        var spend = programmes.All.Select(p => new OutcomeDefinition($"spend_{p.Name}_gbp", "£", Better.Neither,
            $"Spend on {p.Name.Replace('_', ' ')} over the horizon, £") { Label = $"Spend on {p.Label.ToLowerInvariant()}" });
        Programmes = programmes;
        All = [.. StandardOutcomes.All, .. spend, .. added];
        Added = added;
        FirstAdded = StandardOutcomes.Count + programmes.Count;
        Series = [.. StandardSeries.All, .. programmes.All.Select(p => new SeriesDefinition($"spend_{p.Name}_gbp", "£", $"Spend on {p.Name.Replace('_', ' ')} in the year, £"))];
        var problems = new List<string>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var o in All) if (!names.Add(o.Name)) problems.Add($"Outcome name '{o.Name}' is used twice.");
        foreach (var o in added) if (o.Measure is null) problems.Add($"Added outcome '{o.Name}' needs a Measure.");
        if (problems.Count > 0) throw new ArgumentException(string.Join(" ", problems), nameof(added));
    }

    /// <summary>The programmes whose spend is an outcome and a series.</summary>
    public ProgrammeCatalogue Programmes { get; }

    /// <summary>Every outcome, in index order.</summary>
    public ImmutableArray<OutcomeDefinition> All { get; }

    /// <summary>Number of outcomes.</summary>
    public int Count => All.Length;

    /// <summary>Index of the first programme's spend outcome (programme p's is this + p).</summary>
    public static int FirstProgrammeSpend => StandardOutcomes.Count;

    /// <summary>Outcomes a study added, measured at the end of each variant; their indices start at <see cref="FirstAdded"/>.</summary>
    public ImmutableArray<OutcomeDefinition> Added { get; }

    /// <summary>Index of the first added outcome.</summary>
    public int FirstAdded { get; }

    /// <summary>Every yearly series, in index order.</summary>
    public ImmutableArray<SeriesDefinition> Series { get; }

    /// <summary>Number of yearly series.</summary>
    public int SeriesCount => Series.Length;

    /// <summary>Index of the first programme's spend series (programme p's is this + p).</summary>
    public static int FirstProgrammeSpendSeries => StandardSeries.Count;

    /// <summary>Index of an outcome by name, or −1.</summary>
    public int IndexOf(string name)
    {
        for (int o = 0; o < All.Length; o++) if (All[o].Name == name) return o;
        return -1;
    }
}
