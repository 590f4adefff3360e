using UrbanSim.Core.Outcomes;
using UrbanSim.Core.Scenarios;
using UrbanSim.Runner.Batch;

namespace UrbanSim.Runner.Output;

/// <summary>A stretch of consecutive years in which a variant is clearly better (+1), clearly worse (−1) or not clearly different (0).</summary>
internal sealed record Period(int FromYear, int ToYear, int Direction);

/// <summary>
/// A headline outcome's paired difference over the years (the variant minus the first): its periods of clear lead and
/// lag, the year of the largest lead and of the largest lag, and the final year's difference with its interval.
/// </summary>
internal sealed record Trajectory(OutcomeDefinition Outcome, SeriesDefinition Series, IReadOnlyList<Period> Periods,
    int BestYear, double BestMean, int WorstYear, double WorstMean, PairedSummary Final, int FinalDirection)
{
    /// <summary>True when the variant is clearly better in some years and clearly worse in others.</summary>
    public bool ChangesSign => Periods.Any(p => p.Direction > 0) && Periods.Any(p => p.Direction < 0);
}

/// <summary>A programme whose spending moved: the change over the horizon and, per year, over the last years.</summary>
internal sealed record SpendChange(string Programme, string Label, string Effect, double HorizonGbp, double LateGbpPerYear);

/// <summary>Why a variant's results look as they do against the first variant, from the model's own accounting.</summary>
/// <param name="Variant">Index of the variant (1 or more).</param>
/// <param name="Trajectories">The headline outcomes over the years.</param>
/// <param name="Rises">Programmes with the largest rises in spending, largest first.</param>
/// <param name="Falls">Programmes with the largest falls in spending, largest first.</param>
/// <param name="Why">Sentences explaining a disagreement among the headline outcomes (empty when they agree).</param>
internal sealed record VariantExplanation(int Variant, IReadOnlyList<Trajectory> Trajectories, IReadOnlyList<SpendChange> Rises, IReadOnlyList<SpendChange> Falls,
    IReadOnlyList<string> Why)
{
    /// <summary>Headline outcomes whose final difference is clearly better (+1) or clearly worse (−1).</summary>
    public IEnumerable<Trajectory> Better => Trajectories.Where(t => t.FinalDirection > 0);
    /// <summary>Headline outcomes that are clearly worse at the end.</summary>
    public IEnumerable<Trajectory> Worse => Trajectories.Where(t => t.FinalDirection < 0);
    /// <summary>True when some headline outcomes are clearly better and others clearly worse.</summary>
    public bool Disagree => Better.Any() && Worse.Any();
}

/// <summary>
/// Explanations a reader can trust, built only from what the run recorded: when each headline outcome's difference
/// changes sign over the horizon; where headline outcomes disagree in sign, why (timing, since QALYs and NHS costs add up
/// over every year but HLE is the final year's; life expectancy against healthy life expectancy; which programmes'
/// spending rose and fell, with what the programme catalogue says each changes; deaths and new cases of disease; and
/// whether the comparison is budget-neutral). "Clearly" means the 95% confidence interval of the mean paired
/// difference excludes zero and the difference is more than 1/100,000 of the outcome's level.
/// </summary>
internal static class Explanations
{
    /// <summary>The headline outcomes and the yearly series that gives each one's value with a horizon ending that year.</summary>
    public static readonly (int Outcome, int Series)[] Headlines =
    [
        (StandardOutcomes.HleYears, StandardSeries.HleYears),
        (StandardOutcomes.HleGapYears, StandardSeries.HleGapYears),
        (StandardOutcomes.Qalys, StandardSeries.QalysToDate),
        (StandardOutcomes.NhsCostGbp, StandardSeries.NhsCostToDateGbp),
        (StandardOutcomes.HomesBuilt, StandardSeries.HomesBuiltToDate),
    ];

    /// <summary>Years at the end of the horizon over which late spending is compared.</summary>
    public const int LateYears = 5;

    /// <summary>Differences smaller than this share of the outcome's level (0.0006 years of an HLE of 64) are too small to report as a lead or a lag.</summary>
    public const double NegligibleShareOfLevel = 1e-5;

    /// <summary>+1 clearly better, −1 clearly worse, 0 not clearly different; <paramref name="betterSign"/> is +1 when higher is better.</summary>
    public static int Direction(PairedSummary d, int betterSign, double level)
    {
        if (betterSign == 0 || !double.IsFinite(d.Mean) || Math.Abs(d.Mean) <= NegligibleShareOfLevel * Math.Abs(level)) return 0;
        if (d.Ci95Low > 0) return betterSign;
        if (d.Ci95High < 0) return -betterSign;
        return 0;
    }

    /// <summary>The explanation of variant <paramref name="variant"/> (1 or more) against the first.</summary>
    public static VariantExplanation For(Scenario scenario, BatchAccumulator batch, int variant)
    {
        var trajectories = Headlines.Select(h => Trace(scenario, batch, variant, h.Outcome, h.Series)).ToList();
        var (rises, falls) = SpendChanges(batch, variant);
        var explanation = new VariantExplanation(variant, trajectories, rises, falls, []);
        return explanation with { Why = explanation.Disagree ? Why(scenario, batch, explanation) : [] };
    }

    private static Trajectory Trace(Scenario scenario, BatchAccumulator batch, int variant, int outcome, int series)
    {
        var o = batch.Layout.Outcomes.All[outcome];
        var s = batch.Layout.Outcomes.Series[series];
        var periods = new List<Period>();
        int bestYear = 0, worstYear = 0;
        double best = 0, worst = 0;
        for (int y = 0; y < batch.Layout.Years; y++)
        {
            var d = batch.PairedYearly[variant - 1][y][series].Paired();
            double level = batch.Yearly[0][y][series].Summary().Mean;
            int direction = Direction(d, s.BetterSign, level);
            int year = scenario.StartYear + y + 1;
            if (periods.Count > 0 && periods[^1].Direction == direction) periods[^1] = periods[^1] with { ToYear = year };
            else periods.Add(new Period(year, year, direction));
            double signed = s.BetterSign * d.Mean;
            if (direction > 0 && signed > best) (best, bestYear) = (signed, year);
            if (direction < 0 && signed < worst) (worst, worstYear) = (signed, year);
        }
        var final = batch.Paired[variant - 1][outcome].Paired();
        int finalDirection = Direction(final, o.BetterSign, batch.Outcome[0][outcome].Summary().Mean);
        return new Trajectory(o, s, periods, bestYear, s.BetterSign * best, worstYear, s.BetterSign * worst, final, finalDirection);
    }

    /// <summary>Programmes whose spending rose and fell most over the horizon (at least £1m and 0.1% of all programme spending).</summary>
    public static (List<SpendChange> Rises, List<SpendChange> Falls) SpendChanges(BatchAccumulator batch, int variant, int count = 3)
    {
        var outcomes = batch.Layout.Outcomes;
        double total = Math.Abs(batch.Outcome[0][StandardOutcomes.PublicSpendGbp].Summary().Mean);
        int late = Math.Min(LateYears, batch.Layout.Years);
        var changes = outcomes.Programmes.All.Select((p, i) =>
        {
            double horizon = batch.Paired[variant - 1][OutcomeCatalogue.FirstProgrammeSpend + i].Paired().Mean;
            double lateChange = Enumerable.Range(batch.Layout.Years - late, late)
                .Average(y => batch.PairedYearly[variant - 1][y][OutcomeCatalogue.FirstProgrammeSpendSeries + i].Paired().Mean);
            int colon = p.Description.IndexOf(':', StringComparison.Ordinal);
            string effect = colon >= 0 ? p.Description[(colon + 1)..].Trim() : p.Description;
            return new SpendChange(p.Name, p.Label, effect, horizon, lateChange);
        }).Where(c => Math.Abs(c.HorizonGbp) >= Math.Max(1e6, 1e-3 * total)).ToList();
        return ([.. changes.Where(c => c.HorizonGbp > 0).OrderByDescending(c => c.HorizonGbp).Take(count)],
                [.. changes.Where(c => c.HorizonGbp < 0).OrderBy(c => c.HorizonGbp).Take(count)]);
    }

    private static List<string> Why(Scenario scenario, BatchAccumulator batch, VariantExplanation e)
    {
        var why = new List<string>();
        string label = scenario.Variants[e.Variant].Label, first = scenario.Variants[0].Label;
        int lastYear = scenario.StartYear + scenario.HorizonYears;
        PairedSummary D(int outcome) => batch.Paired[e.Variant - 1][outcome].Paired();

        // Timing: a final-year outcome against ones that add up over the years.
        foreach (var state in e.Trajectories.Where(t => !IsRunningTotal(t) && t.FinalDirection != 0 && t.ChangesSign))
        {
            // Discounted totals (QALYs, NHS costs) that point the other way: they count every year, the state only the last.
            var totals = e.Trajectories.Where(t => IsRunningTotal(t) && t.Series.DiscountRatePerYear is not null && t.FinalDirection == -state.FinalDirection).ToList();
            if (totals.Count == 0) continue;
            var earlier = state.Periods.Where(p => p.Direction == -state.FinalDirection).ToList();
            int peakYear = state.FinalDirection < 0 ? state.BestYear : state.WorstYear;
            double peak = state.FinalDirection < 0 ? state.BestMean : state.WorstMean;
            string rates = string.Join(" and ", totals.Select(t => ColumnsCsv.Discounted(t.Series.DiscountRatePerYear).Replace(" to the start year", "", StringComparison.Ordinal)));
            why.Add($"Timing: {label} was {(state.FinalDirection < 0 ? "better" : "worse")} on {Lower(state.Outcome.Label)} from {earlier[0].FromYear} to {earlier[^1].ToYear} "
                    + $"(by {Readable.Value(peak, state.Outcome.Unit, signed: true)} in {peakYear}) and ends {(state.FinalDirection < 0 ? "worse" : "better")}, "
                    + $"{Readable.Value(state.Final.Mean, state.Outcome.Unit, signed: true)} in {lastYear}. "
                    + $"{Capital(string.Join(" and ", totals.Select(t => Lower(WithoutParenthesis(t.Outcome.Label)))))} add up every year of the horizon, discounted ({rates}) so that early years weigh most, "
                    + $"so the earlier years still count in them; {Lower(state.Outcome.Label)} is the final year's alone.");
        }

        // Longer lives against healthier lives.
        var hle = e.Trajectories.First(t => t.Outcome.Name == "hle_years");
        var le = D(StandardOutcomes.LeYears);
        int leDirection = Direction(le, 1, batch.Outcome[0][StandardOutcomes.LeYears].Summary().Mean);
        if (hle.FinalDirection != 0 && leDirection == -hle.FinalDirection)
            why.Add($"Life expectancy moves the other way ({Readable.Years(le.Mean, signed: true)}; deaths {Readable.Count(D(StandardOutcomes.Deaths).Mean, signed: true)}): "
                    + (le.Mean > 0 ? "people live longer but spend more of their lives in ill health, which lowers healthy life expectancy while QALYs gain from the extra years."
                                   : "people live shorter lives but a larger share of them in good health."));

        // Which spending moved.
        if (e.Falls.Count > 0 || e.Rises.Count > 0)
        {
            string Items(IEnumerable<SpendChange> list) => string.Join("; ", list.Select(c =>
                $"{Lower(c.Label)} {Readable.Gbp(c.HorizonGbp, signed: true)} ({Readable.Gbp(c.LateGbpPerYear, signed: true)} a year in the last {Math.Min(LateYears, scenario.HorizonYears)} years; {c.Effect})"));
            why.Add($"Spending: {label} spends less than {first} on {(e.Falls.Count > 0 ? Items(e.Falls) : "no programme")}, "
                    + $"and more on {(e.Rises.Count > 0 ? Items(e.Rises) : "no programme")}.");
        }

        // The disease stock and deaths, as the model counted them.
        var cases = D(StandardOutcomes.NcdCases);
        why.Add($"Disease: new cases of CVD, type 2 diabetes, chronic respiratory disease and common mental disorders differ by {Readable.Count(cases.Mean, signed: true)} "
                + $"(95% CI {Readable.Count(cases.Ci95Low, signed: true)} to {Readable.Count(cases.Ci95High, signed: true)}) and deaths by {Readable.Count(D(StandardOutcomes.Deaths).Mean, signed: true)} over the horizon.");

        // Budget neutrality.
        var spend = D(StandardOutcomes.PublicSpendGbp);
        double spendLevel = Math.Abs(batch.Outcome[0][StandardOutcomes.PublicSpendGbp].Summary().Mean);
        if (Math.Abs(spend.Mean) > 0.01 * spendLevel)
            why.Add($"Not budget-neutral: {label} puts {Readable.Gbp(Math.Abs(spend.Mean))} {(spend.Mean > 0 ? "more" : "less")} into programmes than {first} over the horizon "
                    + "(tied grants lose money to clawback and bids), so its results are not those of the same money spent differently.");
        return why;
    }

    /// <summary>True for a series that adds up over the years (QALYs, costs, homes to date), false for a year's state (HLE).</summary>
    public static bool IsRunningTotal(Trajectory t) => t.Series.Name.Contains("_to_date", StringComparison.Ordinal);

    /// <summary>"Single pot is better on QALYs, NHS treatment costs and homes built but worse on healthy life expectancy."</summary>
    public static string DisagreementSentence(Scenario scenario, VariantExplanation e)
    {
        static string List(IEnumerable<Trajectory> ts)
        {
            var labels = ts.Select(t => Lower(WithoutParenthesis(t.Outcome.Label))).ToList();
            return labels.Count <= 1 ? string.Concat(labels) : string.Join(", ", labels.Take(labels.Count - 1)) + " and " + labels[^1];
        }
        return $"{scenario.Variants[e.Variant].Label} is better than {scenario.Variants[0].Label} on {List(e.Better)} but worse on {List(e.Worse)}.";
    }

    /// <summary>Plain sentences on when each headline outcome's difference changes sign over the horizon (none when none does).</summary>
    public static IEnumerable<string> SignChanges(Scenario scenario, VariantExplanation e)
    {
        string label = scenario.Variants[e.Variant].Label;
        foreach (var t in e.Trajectories.Where(t => t.ChangesSign))
        {
            var parts = t.Periods.Select(p =>
            {
                string span = p.FromYear == p.ToYear ? $"in {p.FromYear}" : $"{p.FromYear}–{p.ToYear}";
                return p.Direction switch
                {
                    > 0 => $"better {span}" + (t.BestYear >= p.FromYear && t.BestYear <= p.ToYear ? $" (most: {Readable.Value(t.BestMean, t.Series.Unit, signed: true)} in {t.BestYear})" : ""),
                    < 0 => $"worse {span}" + (t.WorstYear >= p.FromYear && t.WorstYear <= p.ToYear ? $" (most: {Readable.Value(t.WorstMean, t.Series.Unit, signed: true)} in {t.WorstYear})" : ""),
                    _ => $"no clear difference {span}",
                };
            });
            yield return $"{label}, {Lower(t.Outcome.Label)}{(IsRunningTotal(t) ? " to date" : "")}: {string.Join(", then ", parts)}.";
        }
    }

    private static string WithoutParenthesis(string label)
    {
        int open = label.IndexOf(" (", StringComparison.Ordinal);
        return open > 0 ? label[..open] : label;
    }

    private static string Capital(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private static string Lower(string text) =>
        text.Length > 1 && char.IsUpper(text[0]) && !char.IsUpper(text[1]) ? char.ToLowerInvariant(text[0]) + text[1..] : text;
}
