using System.Globalization;

namespace UrbanSim.Runner.Charts;

// Plain input records for the charts. They hold numbers only, never engine types, so whoever computes the
// results can fill them in without the charts knowing about the model.
//
// Variant order matters: variant i (its position in the scenario's variant list, 0 = the first) gets colour i
// of VariantPalette in every chart. Charts of differences against the first variant take the other variants
// only, so their k-th entry is variant k + 1 and is drawn in colour k + 1.

/// <summary>The small grey line at the bottom of every chart saying where the figures come from.</summary>
/// <param name="Note">A last part of the line, e.g. the explorer's setting, so a chart saved on its own still says what it shows.</param>
internal sealed record ChartCaption(string Scenario, int Replications, ulong Seed, string ToolVersion, string? Design = null, string? Note = null)
{
    /// <summary>The attribution the world's data require (England's real places: the Open Government Licence wording), ending the caption.</summary>
    public string? Attribution { get; init; }

    /// <summary>
    /// E.g. "Scenario: reference · 1,000 replications · seed 20261122 · UrbanSim 0.3.0"; with a <see cref="Design"/>
    /// (a sensitivity analysis's sample, e.g. "Sobol N = 1,024"), that replaces the replication count.
    /// </summary>
    public string Text => string.Create(CultureInfo.InvariantCulture,
        $"Scenario: {Scenario} · {Design ?? $"{Replications:N0} replication{(Replications == 1 ? "" : "s")}"} · seed {Seed} · UrbanSim {ToolVersion}{(Note is null ? "" : " · " + Note)}{(Attribution is null ? "" : " · " + Attribution)}");

    /// <summary>The same, with the tool version without its commit, for charts laid out on a phone.</summary>
    public string ShortText => string.Create(CultureInfo.InvariantCulture,
        $"Scenario: {Scenario} · {Design ?? $"{Replications:N0} replication{(Replications == 1 ? "" : "s")}"} · seed {Seed} · UrbanSim {ToolVersion.Split('+')[0]}{(Note is null ? "" : " · " + Note)}{(Attribution is null ? "" : " · " + Attribution)}");
}

/// <summary>
/// One variant's weighted sample of an outcome. Weights are all 1 for raw replications, or the centroid
/// weights (counts) when the sample is read from a quantile sketch.
/// </summary>
internal sealed record VariantSample(string Variant, double[] Values, double[] Weights);

/// <summary>Input of <see cref="OutcomeDistributionChart"/>: one headline outcome, one sample per variant.</summary>
/// <param name="OutcomeLabel">E.g. "Healthy life expectancy at birth".</param>
/// <param name="Unit">E.g. "years".</param>
/// <param name="Variants">All variants, in scenario order.</param>
/// <param name="Cluster">A separate cluster of replications to point out (a shock in the final year), or null.</param>
internal sealed record OutcomeDistributionData(string OutcomeLabel, string Unit, IReadOnlyList<VariantSample> Variants, ClusterNote? Cluster = null);

/// <summary>
/// One variant's replication-by-replication difference against the first variant (this variant minus the first).
/// </summary>
/// <param name="Variant">The variant's name.</param>
/// <param name="Values">Weighted sample of the difference, in the outcome's unit.</param>
/// <param name="Weights">Weights of <paramref name="Values"/> (all 1 for raw replications).</param>
/// <param name="Interval95Low">Lower end of the central 95% interval of the difference.</param>
/// <param name="Interval95High">Upper end of the central 95% interval of the difference.</param>
/// <param name="ProbabilityBetter">Share of replications where the variant did better (ties count half), 0…1.</param>
internal sealed record VariantDifference(
    string Variant, double[] Values, double[] Weights, double Interval95Low, double Interval95High, double ProbabilityBetter);

/// <summary>Input of <see cref="PairedDifferenceChart"/>.</summary>
/// <param name="OutcomeLabel">E.g. "Healthy life expectancy at birth".</param>
/// <param name="Unit">E.g. "years".</param>
/// <param name="FirstVariant">The variant every difference is taken against.</param>
/// <param name="HigherIsBetter">True when a positive difference is an improvement (HLE); false for a gap or a cost.</param>
/// <param name="Differences">Every variant but the first, in scenario order (entry k is variant k + 1).</param>
internal sealed record PairedDifferenceData(
    string OutcomeLabel, string Unit, string FirstVariant, bool HigherIsBetter, IReadOnlyList<VariantDifference> Differences);

/// <summary>One variant's percentiles over replications, one value per year.</summary>
internal sealed record VariantFan(string Variant, double[] P5, double[] P25, double[] P50, double[] P75, double[] P95);

/// <summary>Input of <see cref="FanChart"/>: an outcome over the years.</summary>
/// <param name="Label">E.g. "Healthy life expectancy gap (slope index of inequality)".</param>
/// <param name="Unit">E.g. "years".</param>
/// <param name="Years">Calendar years, ascending.</param>
/// <param name="Variants">All variants, in scenario order.</param>
internal sealed record FanChartData(string Label, string Unit, int[] Years, IReadOnlyList<VariantFan> Variants);

/// <summary>One variant's mean public money per programme and year.</summary>
/// <param name="Variant">The variant's name.</param>
/// <param name="GbpPerYear">Mean £ spent in the year, indexed [programme][year].</param>
internal sealed record VariantMoney(string Variant, double[][] GbpPerYear);

/// <summary>Input of <see cref="MoneyByProgrammeChart"/>.</summary>
/// <param name="Years">Calendar years, ascending.</param>
/// <param name="Programmes">Display names, e.g. "Active travel"; programme p always gets colour p.</param>
/// <param name="Variants">All variants, in scenario order.</param>
internal sealed record MoneyByProgrammeData(int[] Years, string[] Programmes, IReadOnlyList<VariantMoney> Variants);

/// <summary>One variant's mean change in £ against the first variant, per agent type, with 95% confidence intervals.</summary>
internal sealed record VariantGbpChange(string Variant, double[] MeanGbp, double[] Ci95LowGbp, double[] Ci95HighGbp);

/// <summary>Input of <see cref="CostsAndSavingsChart"/>: who gains and who pays.</summary>
/// <param name="AgentTypes">Categories, e.g. "ICB", "Mayor", "Developers", "Lenders".</param>
/// <param name="FirstVariant">The variant the changes are taken against.</param>
/// <param name="Variants">Every variant but the first, in scenario order (entry k is variant k + 1). Positive = gain.</param>
internal sealed record CostsAndSavingsData(string[] AgentTypes, string FirstVariant, IReadOnlyList<VariantGbpChange> Variants);

/// <summary>One variant's mean change in healthy life expectancy per deprivation decile, with 95% confidence intervals.</summary>
internal sealed record VariantDecileChange(string Variant, double[] MeanYears, double[] Ci95LowYears, double[] Ci95HighYears);

/// <summary>
/// Input of <see cref="DecileChangeChart"/>: by deprivation decile, either each variant's change in HLE from the start year
/// to the final year, or (when <paramref name="AgainstVariant"/> is set) each other variant's paired difference from it.
/// </summary>
/// <param name="Deciles">Deprivation deciles, 1 = most deprived … 10 = least deprived.</param>
/// <param name="StartYear">The year the change is measured from.</param>
/// <param name="FinalYear">The year the change is measured to.</param>
/// <param name="Variants">All variants in scenario order; or, with <paramref name="AgainstVariant"/>, every variant but the first (entry k is variant k + 1).</param>
/// <param name="AgainstVariant">The first variant's label when the values are paired differences from it; null for changes.</param>
internal sealed record DecileChangeData(int[] Deciles, int StartYear, int FinalYear, IReadOnlyList<VariantDecileChange> Variants, string? AgainstVariant = null);

/// <summary>One variant's paired difference against the first variant in one outcome, for a forest plot.</summary>
/// <param name="Mean">Mean paired difference.</param>
/// <param name="Ci95Low">Lower end of the 95% confidence interval of the mean.</param>
/// <param name="Ci95High">Upper end of the 95% confidence interval of the mean.</param>
/// <param name="P5">5th percentile of the paired difference over replications.</param>
/// <param name="P95">95th percentile of the paired difference over replications.</param>
internal sealed record ForestRow(double Mean, double Ci95Low, double Ci95High, double P5, double P95);

/// <summary>One outcome's panel of a forest plot: every compared variant's paired difference.</summary>
/// <param name="Label">E.g. "Healthy life expectancy, final year".</param>
/// <param name="Unit">The unit the rows are in, e.g. "years" or "£bn".</param>
/// <param name="HigherIsBetter">True when a positive difference is an improvement.</param>
/// <param name="Rows">Entry k is variant k + 1.</param>
internal sealed record ForestOutcome(string Label, string Unit, bool HigherIsBetter, IReadOnlyList<ForestRow> Rows);

/// <summary>Input of <see cref="ForestPlot"/>: every variant but the first × every headline outcome.</summary>
/// <param name="FirstVariant">The variant every difference is taken against.</param>
/// <param name="Variants">Every variant but the first, in scenario order (entry k is variant k + 1).</param>
/// <param name="Outcomes">One panel per outcome.</param>
internal sealed record ForestPlotData(string FirstVariant, IReadOnlyList<string> Variants, IReadOnlyList<ForestOutcome> Outcomes);

/// <summary>One variant's paired difference against the first over the years.</summary>
/// <param name="Variant">The variant's label.</param>
/// <param name="Mean">Mean paired difference per year.</param>
/// <param name="Ci95Low">Lower end of the 95% confidence interval of the mean, per year.</param>
/// <param name="Ci95High">Upper end of the 95% confidence interval of the mean, per year.</param>
/// <param name="P5">5th percentile of the difference over replications, per year.</param>
/// <param name="P95">95th percentile, per year.</param>
internal sealed record VariantDifferenceByYear(string Variant, double[] Mean, double[] Ci95Low, double[] Ci95High, double[] P5, double[] P95);

/// <summary>Input of <see cref="DifferenceByYearChart"/>.</summary>
/// <param name="Label">E.g. "Healthy life expectancy".</param>
/// <param name="Unit">E.g. "years".</param>
/// <param name="FirstVariant">The variant the differences are taken against.</param>
/// <param name="HigherIsBetter">True when a positive difference is an improvement.</param>
/// <param name="Years">Calendar years, ascending (the start year first, where every difference is 0).</param>
/// <param name="Variants">Every variant but the first (entry k is variant k + 1).</param>
internal sealed record DifferenceByYearData(string Label, string Unit, string FirstVariant, bool HigherIsBetter, int[] Years, IReadOnlyList<VariantDifferenceByYear> Variants);

/// <summary>A cluster of replications a reader should be told about: where it lies and what it is.</summary>
/// <param name="X">Where the cluster lies, in the chart's unit (its mean).</param>
/// <param name="Text">What it is, e.g. "2.3% of replications: an epidemic in the final year".</param>
internal sealed record ClusterNote(double X, string Text);
