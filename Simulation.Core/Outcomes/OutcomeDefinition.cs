namespace UrbanSim.Core.Outcomes;

/// <summary>Which way an outcome is better, for paired comparisons and charts.</summary>
public enum Better
{
    /// <summary>More is better (HLE, homes).</summary>
    Higher,
    /// <summary>Less is better (the HLE gap, NHS costs).</summary>
    Lower,
    /// <summary>
    /// Neither way is better in itself: money spent, pooled, lent or earned (a change says what happened, not whether it
    /// was good), so it has no probability of being better and is never coloured as better or worse.
    /// </summary>
    Neither,
}

/// <summary>
/// An outcome reported per replication and variant, registered once in an <see cref="OutcomeCatalogue"/>: its
/// snake_case name (with its unit), unit, the direction that is better, and what it means. Every output, chart
/// and explorer row follows the catalogue.
/// </summary>
/// <param name="Name">snake_case name with its unit, as in outputs (<c>hle_years</c>).</param>
/// <param name="Unit">Unit of the value (for axis labels): "years", "£", "QALYs", "share", …</param>
/// <param name="Direction">Which way is better.</param>
/// <param name="Description">What it is, in a sentence.</param>
public sealed record OutcomeDefinition(string Name, string Unit, Better Direction, string Description)
{
    /// <summary>Plain-English label for tables, charts and pages ("Healthy life expectancy"); by default the name in words.</summary>
    public string Label { get; init; } = LabelFromName(Name);

    /// <summary>The name without its unit suffix, in words with a capital: <c>homes_built</c> → "Homes built".</summary>
    internal static string LabelFromName(string name)
    {
        foreach (string unit in new[] { "_years", "_gbp", "_share" })
            if (name.EndsWith(unit, StringComparison.Ordinal) && name.Length > unit.Length) { name = name[..^unit.Length]; break; }
        string words = name.Replace('_', ' ');
        return words.Length == 0 ? words : char.ToUpperInvariant(words[0]) + words[1..];
    }

    /// <summary>True when a higher value is better.</summary>
    public bool HigherIsBetter => Direction == Better.Higher;

    /// <summary>+1 when higher is better, −1 when lower is better, 0 when neither (<see cref="Better.Neither"/>).</summary>
    public int BetterSign => Direction switch { Better.Higher => 1, Better.Lower => -1, _ => 0 };

    /// <summary>The yearly rate at which the outcome is discounted to the start year (0.015 for QALYs), or null when it is not discounted.</summary>
    public double? DiscountRatePerYear { get; init; }

    /// <summary>
    /// For an outcome added to a study's catalogue: how it is measured at the end of each variant from the final
    /// state (<see cref="OutcomeContext"/>). Null for the model's own outcomes, which the yearly steps accumulate.
    /// </summary>
    public Func<OutcomeContext, double>? Measure { get; init; }
}

/// <summary>A yearly series recorded per variant (the value for the simulated year), as in <c>timeseries.csv</c>.</summary>
/// <param name="Name">snake_case name with its unit.</param>
/// <param name="Unit">Unit of the value.</param>
/// <param name="Description">What it is.</param>
public sealed record SeriesDefinition(string Name, string Unit, string Description)
{
    /// <summary>Which way is better, for paired differences by year (<see cref="Better.Neither"/> unless registered otherwise).</summary>
    public Better Direction { get; init; } = Better.Neither;

    /// <summary>The yearly rate at which the series is discounted to the start year, or null when it is not discounted.</summary>
    public double? DiscountRatePerYear { get; init; }

    /// <summary>+1 when higher is better, −1 when lower is better, 0 when neither.</summary>
    public int BetterSign => Direction switch { Better.Higher => 1, Better.Lower => -1, _ => 0 };
}
