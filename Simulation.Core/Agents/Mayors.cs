using UrbanSim.Core.Settlements;

namespace UrbanSim.Core.Agents;

/// <summary>
/// Mayors' decisions as pure functions: how to split the money they may spend across programmes,
/// how strict a planning health standard they can impose, and how elections turn out.
/// </summary>
public static class Mayors
{
    /// <summary>Number of equal chunks the money is split into when allocating greedily by marginal benefit.</summary>
    public const int AllocationChunks = 64;

    /// <summary>
    /// The benefit per £ a mayor perceives from a programme: non-health benefits weighted by
    /// (1 − mission commitment), health value weighted by commitment × analytical capacity.
    /// Without analytical capacity (0) health benefits are not counted at all; with full capacity
    /// they are counted in full (HAUS-like valuation).
    /// </summary>
    public static double PerceivedBenefitPerGbp(double otherBenefitPerGbp, double healthValuePerGbp,
        double missionCommitment, double analyticalCapacity) =>
        (1 - missionCommitment) * otherBenefitPerGbp + missionCommitment * analyticalCapacity * healthValuePerGbp;

    /// <summary>
    /// Allocates money greedily, in chunks of 1/<see cref="AllocationChunks"/> of it, to the programme with the highest
    /// marginal perceived benefit per £. Marginal benefit of programme p after spending x this year is
    /// benefit[p] × exp(−x / saturation[p]); spending on p stops at cap[p]. Theme money may only go to
    /// programmes of its own theme (tied pots, ring-fences); flexible money may go anywhere and is
    /// allocated after theme money. Money that no programme can absorb is left unspent.
    /// </summary>
    /// <param name="themeMoneyGbp">[ThemeCount] money restricted to each theme.</param>
    /// <param name="flexibleMoneyGbp">Money free to move across themes.</param>
    /// <param name="benefitPerGbp">[Programmes.Count] marginal perceived benefit at zero spend this year.</param>
    /// <param name="saturationGbp">[Programmes.Count] spend at which the marginal benefit has fallen by a factor e.</param>
    /// <param name="capGbp">[Programmes.Count] most that can usefully be spent this year.</param>
    /// <param name="spendGbp">[Programmes.Count] output: spend by programme.</param>
    /// <param name="spendFromThemeGbp">[Programmes.Count] output: the part of spend paid from theme money.</param>
    public static void AllocateByBenefitPerPound(ReadOnlySpan<double> themeMoneyGbp, double flexibleMoneyGbp,
        ReadOnlySpan<double> benefitPerGbp, ReadOnlySpan<double> saturationGbp, ReadOnlySpan<double> capGbp,
        Span<double> spendGbp, Span<double> spendFromThemeGbp)
    {
        spendGbp.Clear();
        spendFromThemeGbp.Clear();
        for (int t = 0; t < Programmes.ThemeCount; t++)
        {
            double money = themeMoneyGbp[t];
            if (money <= 0) continue;
            AllocateChunks(money, (Theme)t, benefitPerGbp, saturationGbp, capGbp, spendGbp, spendFromThemeGbp);
        }
        if (flexibleMoneyGbp > 0)
            AllocateChunks(flexibleMoneyGbp, null, benefitPerGbp, saturationGbp, capGbp, spendGbp, default);
    }

    private static void AllocateChunks(double money, Theme? theme, ReadOnlySpan<double> benefit, ReadOnlySpan<double> saturation,
        ReadOnlySpan<double> cap, Span<double> spend, Span<double> spendFromTheme)
    {
        // Marginal benefit of each eligible programme at its current spend; updated only for the chosen one.
        Span<double> marginal = stackalloc double[Programmes.Count];
        for (int p = 0; p < Programmes.Count; p++)
        {
            bool eligible = (theme is not { } t || Programmes.ThemeOf((Programme)p) == t) && spend[p] < cap[p];
            marginal[p] = eligible ? benefit[p] * Math.Exp(-spend[p] / Math.Max(saturation[p], 1e-9)) : double.NegativeInfinity;
        }
        double chunk = money / AllocationChunks;
        // A full chunk always shrinks a programme's marginal benefit by the same factor: compute it once.
        Span<double> chunkDecay = stackalloc double[Programmes.Count];
        for (int p = 0; p < Programmes.Count; p++)
            chunkDecay[p] = marginal[p] > double.NegativeInfinity ? Math.Exp(-chunk / Math.Max(saturation[p], 1e-9)) : 0;
        double remaining = money;
        // Each step gives up to one chunk to the best programme; a programme reaching its cap takes only what
        // fits, and the rest of the money goes on to the next best. Stops when spent or nothing can absorb it.
        while (remaining > money * 1e-12)
        {
            int best = -1;
            double bestValue = double.NegativeInfinity;
            for (int p = 0; p < Programmes.Count; p++)
                if (marginal[p] > bestValue) { bestValue = marginal[p]; best = p; }
            if (best < 0) return;
            double amount = Math.Min(Math.Min(chunk, remaining), cap[best] - spend[best]);
            spend[best] += amount;
            remaining -= amount;
            if (theme is not null) spendFromTheme[best] += amount;
            marginal[best] = spend[best] >= cap[best] ? double.NegativeInfinity
                : marginal[best] * (amount == chunk ? chunkDecay[best] : Math.Exp(-amount / Math.Max(saturation[best], 1e-9)));
        }
    }

    /// <summary>
    /// The planning health standard actually imposed: what the mayor seeks, limited by planning powers
    /// and scaled by political capital (a mayor with none can enforce half of it).
    /// </summary>
    public static double AppliedPlanningStandard(double sought, double planningPowers, double politicalCapital) =>
        Math.Min(sought, planningPowers) * (0.5 + 0.5 * Math.Clamp(politicalCapital, 0, 1));

    /// <summary>
    /// Re-election probability: the base rate moved up or down by delivery (0 = nothing delivered,
    /// 0.5 = average, 1 = everything promised).
    /// </summary>
    public static double ReelectionProbability(double baseProbability, double deliveryEffect, double delivery) =>
        Math.Clamp(baseProbability + deliveryEffect * (Math.Clamp(delivery, 0, 1) - 0.5), 0.01, 0.99);

    /// <summary>
    /// Weight on a zone when a mayor targets spending: proportional to population, tilted towards
    /// deprived zones by mission commitment (proportionate universalism).
    /// </summary>
    public static double TargetingWeight(double population, double deprivationScore, double missionCommitment) =>
        population * Math.Exp(2.0 * missionCommitment * deprivationScore);
}
