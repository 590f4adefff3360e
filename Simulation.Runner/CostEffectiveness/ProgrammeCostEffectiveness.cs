using UrbanSim.Core.Engine;
using UrbanSim.Core.Health;
using UrbanSim.Core.Outcomes;
using UrbanSim.Core.Programmes;
using UrbanSim.Core.Scenarios;
using UrbanSim.Core.World;

namespace UrbanSim.Runner.CostEffectiveness;

/// <summary>One programme's marginal cost-effectiveness in one region under one variant.</summary>
/// <param name="Variant">The variant's name.</param>
/// <param name="Region">The region's name.</param>
/// <param name="Programme">The programme's name.</param>
/// <param name="SpendGbpPerHeadPerYear">What the variant itself spends on the programme in the region, £ per resident per year (mean over replications).</param>
/// <param name="MarginalCostPerQalyGbp">Incremental public cost ÷ incremental QALYs of the extra money (ratio of means); null when it buys no QALYs.</param>
/// <param name="MarginalCostPerQalyLow90Gbp">5th percentile over replications (the replications' QALYs per £, inverted).</param>
/// <param name="MarginalCostPerQalyHigh90Gbp">95th percentile; null when at least one replication in twenty bought no QALYs.</param>
/// <param name="MarginalCostPerHleYearGbp">Incremental public cost ÷ incremental years in good health; null when none are gained.</param>
/// <param name="NhsSavingsPerGbp">NHS treatment costs saved per £ of public cost (both discounted 3.5%).</param>
/// <param name="BenefitCostRatio">(QALYs × £70,000 + NHS savings) ÷ public cost.</param>
/// <param name="Replications">Replications the figures are over.</param>
internal sealed record ProgrammeMarginalResult(string Variant, string Region, string Programme, double SpendGbpPerHeadPerYear,
    double? MarginalCostPerQalyGbp, double? MarginalCostPerQalyLow90Gbp, double? MarginalCostPerQalyHigh90Gbp,
    double? MarginalCostPerHleYearGbp, double NhsSavingsPerGbp, double BenefitCostRatio, int Replications);

/// <summary>
/// The marginal cost-effectiveness of each programme in each region at the scenario's budgets: for every variant,
/// region and programme, each replication is run with and without extra central money for that programme in that region
/// (<see cref="MarginalSpend"/>), under common random numbers, and the paired differences in discounted public cost,
/// QALYs, years in good health and NHS costs give the cost per QALY of the extra money. Results are stored by
/// replication, so they are the same for any thread count.
/// </summary>
internal static class ProgrammeCostEffectiveness
{
    /// <summary>Default extra money: £5 per resident a year, about 2.5% of an integrated settlement's £200.</summary>
    public const double DefaultTopUpGbpPerHeadPerYear = 5;

    /// <summary>Programmes whose benefit is not health (so no cost per QALY is sought): site assembly and capacity.</summary>
    public static bool IsHealthProgramme(ProgrammeDefinition programme) =>
        programme.Delivery is not (DeliveryKind.SiteRemediation or DeliveryKind.MayoralCapacity);

    /// <summary>Runs the analysis; <paramref name="progress"/> is called after each replication of each variant.</summary>
    public static IReadOnlyList<ProgrammeMarginalResult> Analyse(Scenario scenario, int replications, int threads, double topUpGbpPerHeadPerYear,
        Action? progress = null, CancellationToken cancellation = default)
    {
        var places = Places.Describe(scenario);
        var regionNames = places.Select(z => z.Region).Distinct(StringComparer.Ordinal).ToArray();
        var regionPeople = regionNames.Select(r => places.Where(z => z.Region == r).Sum(z => z.Population)).ToArray();
        var catalogue = scenario.Catalogue.Programmes;
        var programmes = Enumerable.Range(0, catalogue.Count).Where(p => IsHealthProgramme(catalogue.All[p])).ToArray();
        int regions = regionNames.Length, combos = regions * programmes.Length;
        var results = new List<ProgrammeMarginalResult>();
        for (int v = 0; v < scenario.Variants.Length; v++)
        {
            // [combo * replications + replication]: the paired differences, and the base spend.
            var cost = new double[combos * replications];
            var qalys = new double[combos * replications];
            var healthy = new double[combos * replications];
            var nhs = new double[combos * replications];
            var spend = new double[combos * replications];
            int variant = v;
            var runners = new System.Collections.Concurrent.ConcurrentBag<Worker>();
            Parallel.For(0, replications, new ParallelOptions { MaxDegreeOfParallelism = threads, CancellationToken = cancellation },
                () => runners.TryTake(out var w) ? w : new Worker(new ReplicationRunner(scenario), One(scenario), One(scenario)),
                (i, _, w) =>
                {
                    w.Runner.Run(i, variant, w.Base);
                    for (int c = 0; c < combos; c++)
                    {
                        int r = c / programmes.Length, p = programmes[c % programmes.Length];
                        w.Runner.Run(i, variant, w.Top, new MarginalSpend(r, p, topUpGbpPerHeadPerYear));
                        int k = c * replications + i;
                        cost[k] = w.Top.Get(0, StandardOutcomes.PublicCostGbp) - w.Base.Get(0, StandardOutcomes.PublicCostGbp);
                        qalys[k] = w.Top.Get(0, StandardOutcomes.Qalys) - w.Base.Get(0, StandardOutcomes.Qalys);
                        healthy[k] = w.Top.Get(0, StandardOutcomes.HealthyLifeYears) - w.Base.Get(0, StandardOutcomes.HealthyLifeYears);
                        nhs[k] = w.Top.Get(0, StandardOutcomes.NhsCostGbp) - w.Base.Get(0, StandardOutcomes.NhsCostGbp);
                        spend[k] = w.Base.RegionProgrammeSpendGbp[r * catalogue.Count + p] / regionPeople[r] / scenario.HorizonYears;
                    }
                    progress?.Invoke();
                    return w;
                },
                w => runners.Add(w));
            for (int c = 0; c < combos; c++)
            {
                int r = c / programmes.Length, p = programmes[c % programmes.Length];
                var slice = new Range(c * replications, (c + 1) * replications);
                results.Add(Summarise(scenario.Variants[v].Name, regionNames[r], catalogue.All[p].Name,
                    cost[slice], qalys[slice], healthy[slice], nhs[slice], spend[slice]));
            }
        }
        return results;
    }

    /// <summary>A worker thread's runner and its two reusable results.</summary>
    private sealed record Worker(ReplicationRunner Runner, ReplicationResult Base, ReplicationResult Top);

    private static ReplicationResult One(Scenario scenario) =>
        new(scenario.Catalogue.Outcomes, 1, scenario.HorizonYears, scenario.World.ZoneCount, scenario.World.RegionCount);

    /// <summary>The figures of one variant, region and programme from its replications' paired differences.</summary>
    internal static ProgrammeMarginalResult Summarise(string variant, string region, string programme,
        ReadOnlySpan<double> cost, ReadOnlySpan<double> qalys, ReadOnlySpan<double> healthy, ReadOnlySpan<double> nhs, ReadOnlySpan<double> spend)
    {
        int n = cost.Length;
        double totalCost = Sum(cost), totalQalys = Sum(qalys), totalHealthy = Sum(healthy), totalNhs = Sum(nhs);
        // The interval from the replications' QALYs per £ (which is well-defined when a replication buys no QALYs).
        var perGbp = new List<double>(n);
        for (int i = 0; i < n; i++) if (cost[i] > 0) perGbp.Add(qalys[i] / cost[i]);
        double? low = null, high = null;
        if (perGbp.Count >= 2)
        {
            var sorted = perGbp.Order().ToArray();
            double p5 = MathNet.Numerics.Statistics.SortedArrayStatistics.Quantile(sorted, 0.05);
            double p95 = MathNet.Numerics.Statistics.SortedArrayStatistics.Quantile(sorted, 0.95);
            if (p95 > 0) low = 1 / p95;
            if (p5 > 0) high = 1 / p5;
        }
        return new ProgrammeMarginalResult(variant, region, programme, Sum(spend) / n,
            totalCost > 0 && totalQalys > 0 ? totalCost / totalQalys : null, low, high,
            totalCost > 0 && totalHealthy > 0 ? totalCost / totalHealthy : null,
            totalCost > 0 ? -totalNhs / totalCost : 0,
            totalCost > 0 ? (totalQalys * Discounting.QalyValueGbp - totalNhs) / totalCost : 0, n);
    }

    private static double Sum(ReadOnlySpan<double> values)
    {
        double sum = 0;
        foreach (double v in values) sum += v;
        return sum;
    }
}
