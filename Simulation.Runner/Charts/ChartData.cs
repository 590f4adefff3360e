using System.Globalization;

namespace UrbanSim.Runner.Charts;

// Plain input records for the charts. They hold numbers only, never engine types, so whoever computes the
// results can fill them in without the charts knowing about the model.
//
// Variant order matters: variant i (its position in the scenario's variant list, 0 = the first) gets colour i
// of VariantPalette in every chart. Charts of differences against the first variant take the other variants
// only, so their k-th entry is variant k + 1 and is drawn in colour k + 1.

/// <summary>The small grey line at the bottom of every chart saying where the figures come from.</summary>
public sealed record ChartCaption(string Scenario, int Replications, ulong Seed, string ToolVersion, string? Design = null)
{
    /// <summary>
    /// E.g. "Scenario: reference · 1,000 replications · seed 20261122 · UrbanSim 0.3.0"; with a <see cref="Design"/>
    /// (a sensitivity analysis's sample, e.g. "Sobol N = 1,024"), that replaces the replication count.
    /// </summary>
    public string Text => string.Create(CultureInfo.InvariantCulture,
        $"Scenario: {Scenario} · {Design ?? $"{Replications:N0} replication{(Replications == 1 ? "" : "s")}"} · seed {Seed} · UrbanSim {ToolVersion}");
}

/// <summary>
/// One variant's weighted sample of an outcome. Weights are all 1 for raw replications, or the centroid
/// weights (counts) when the sample is read from a quantile sketch.
/// </summary>
public sealed record VariantSample(string Variant, double[] Values, double[] Weights);

/// <summary>Input of <see cref="OutcomeDistributionChart"/>: one headline outcome, one sample per variant.</summary>
/// <param name="OutcomeLabel">E.g. "Healthy life expectancy at birth".</param>
/// <param name="Unit">E.g. "years".</param>
/// <param name="Variants">All variants, in scenario order.</param>
public sealed record OutcomeDistributionData(string OutcomeLabel, string Unit, IReadOnlyList<VariantSample> Variants);

/// <summary>
/// One variant's replication-by-replication difference against the first variant (this variant minus the first).
/// </summary>
/// <param name="Variant">The variant's name.</param>
/// <param name="Values">Weighted sample of the difference, in the outcome's unit.</param>
/// <param name="Weights">Weights of <paramref name="Values"/> (all 1 for raw replications).</param>
/// <param name="Interval95Low">Lower end of the central 95% interval of the difference.</param>
/// <param name="Interval95High">Upper end of the central 95% interval of the difference.</param>
/// <param name="ProbabilityBetter">Share of replications where the variant did better (ties count half), 0…1.</param>
public sealed record VariantDifference(
    string Variant, double[] Values, double[] Weights, double Interval95Low, double Interval95High, double ProbabilityBetter);

/// <summary>Input of <see cref="PairedDifferenceChart"/>.</summary>
/// <param name="OutcomeLabel">E.g. "Healthy life expectancy at birth".</param>
/// <param name="Unit">E.g. "years".</param>
/// <param name="FirstVariant">The variant every difference is taken against.</param>
/// <param name="HigherIsBetter">True when a positive difference is an improvement (HLE); false for a gap or a cost.</param>
/// <param name="Differences">Every variant but the first, in scenario order (entry k is variant k + 1).</param>
public sealed record PairedDifferenceData(
    string OutcomeLabel, string Unit, string FirstVariant, bool HigherIsBetter, IReadOnlyList<VariantDifference> Differences);

/// <summary>One variant's percentiles over replications, one value per year.</summary>
public sealed record VariantFan(string Variant, double[] P5, double[] P25, double[] P50, double[] P75, double[] P95);

/// <summary>Input of <see cref="FanChart"/>: an outcome over the years.</summary>
/// <param name="Label">E.g. "Healthy life expectancy gap (slope index of inequality)".</param>
/// <param name="Unit">E.g. "years".</param>
/// <param name="Years">Calendar years, ascending.</param>
/// <param name="Variants">All variants, in scenario order.</param>
public sealed record FanChartData(string Label, string Unit, int[] Years, IReadOnlyList<VariantFan> Variants);

/// <summary>One variant's mean public money per programme and year.</summary>
/// <param name="Variant">The variant's name.</param>
/// <param name="GbpPerYear">Mean £ spent in the year, indexed [programme][year].</param>
public sealed record VariantMoney(string Variant, double[][] GbpPerYear);

/// <summary>Input of <see cref="MoneyByProgrammeChart"/>.</summary>
/// <param name="Years">Calendar years, ascending.</param>
/// <param name="Programmes">Display names, e.g. "Active travel"; programme p always gets colour p.</param>
/// <param name="Variants">All variants, in scenario order.</param>
public sealed record MoneyByProgrammeData(int[] Years, string[] Programmes, IReadOnlyList<VariantMoney> Variants);

/// <summary>One variant's mean change in £ against the first variant, per agent type, with 95% confidence intervals.</summary>
public sealed record VariantGbpChange(string Variant, double[] MeanGbp, double[] Ci95LowGbp, double[] Ci95HighGbp);

/// <summary>Input of <see cref="CostsAndSavingsChart"/>: who gains and who pays.</summary>
/// <param name="AgentTypes">Categories, e.g. "ICB", "Mayor", "Developers", "Investors".</param>
/// <param name="FirstVariant">The variant the changes are taken against.</param>
/// <param name="Variants">Every variant but the first, in scenario order (entry k is variant k + 1). Positive = gain.</param>
public sealed record CostsAndSavingsData(string[] AgentTypes, string FirstVariant, IReadOnlyList<VariantGbpChange> Variants);

/// <summary>One variant's mean change in healthy life expectancy per deprivation decile, with 95% confidence intervals.</summary>
public sealed record VariantDecileChange(string Variant, double[] MeanYears, double[] Ci95LowYears, double[] Ci95HighYears);

/// <summary>Input of <see cref="DecileChangeChart"/>: final-year HLE minus start-year HLE, by deprivation decile.</summary>
/// <param name="Deciles">Deprivation deciles, 1 = most deprived … 10 = least deprived.</param>
/// <param name="StartYear">The year the change is measured from.</param>
/// <param name="FinalYear">The year the change is measured to.</param>
/// <param name="Variants">All variants, in scenario order.</param>
public sealed record DecileChangeData(int[] Deciles, int StartYear, int FinalYear, IReadOnlyList<VariantDecileChange> Variants);
