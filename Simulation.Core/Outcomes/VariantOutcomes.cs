using UrbanSim.Core.Health;
using UrbanSim.Core.Mayors;
using UrbanSim.Core.Scenarios;
using UrbanSim.Core.World;

namespace UrbanSim.Core.Outcomes;

/// <summary>
/// The end of a variant: the outcomes that are read off its final year, its ledger and its start, rather than added
/// up year by year; the outcomes by the mayoralties' capacity class; and every added outcome's measure.
/// </summary>
internal static class VariantOutcomes
{
    /// <summary>What the end of a variant reads.</summary>
    /// <param name="Ledger">The variant's money ledger, with the money held at the end.</param>
    /// <param name="HealthyHomesBuilt">Healthy homes completed over the variant.</param>
    /// <param name="Start">The replication's start-year world (population weights by zone).</param>
    /// <param name="World">The world at the end of the variant.</param>
    /// <param name="Mayors">The mayors (central money received by region).</param>
    /// <param name="RegionPopulation">[region] residents at the start of the variant.</param>
    /// <param name="DecileHleYears">[decile] HLE in the final year.</param>
    /// <param name="ZoneFinal">[zone * 2 + (0 HLE, 1 LE)] in the final year.</param>
    /// <param name="Parameters">The replication's parameters.</param>
    /// <param name="Levers">The variant's levers.</param>
    /// <param name="Icbs">The ICBs (the partnership at the end).</param>
    /// <param name="Agents">The agents as the variant left them (the mayors and ICBs are also given above).</param>
    public readonly record struct End(MoneyLedger Ledger, double HealthyHomesBuilt, WorldState Start, WorldState World, MayorState Mayors,
        double[] RegionPopulation, double[] DecileHleYears, double[] ZoneFinal, ModelParameters Parameters, PolicyLevers Levers, Icbs.IcbState Icbs,
        AgentStates Agents);

    /// <summary>
    /// At the end of a year: the running totals of the outcomes that add up over the years (discounted QALYs, discounted NHS
    /// costs, homes), as the year's "to date" series, so that every year says what the outcome would be with a horizon ending then.
    /// </summary>
    public static void RecordToDate(ReadOnlySpan<double> outcome, Span<double> yearly)
    {
        yearly[StandardSeries.QalysToDate] = outcome[StandardOutcomes.Qalys];
        yearly[StandardSeries.NhsCostToDateGbp] = outcome[StandardOutcomes.NhsCostGbp];
        yearly[StandardSeries.HomesBuiltToDate] = outcome[StandardOutcomes.HomesBuilt];
    }

    /// <summary>Writes variant <paramref name="variant"/>'s end-of-variant outcomes, decile HLE, zone results and ledger into <paramref name="result"/>.</summary>
    public static void Finish(in End end, ReplicationResult result, int variant, OutcomeContext context)
    {
        var outcome = result.OutcomesOf(variant);
        int last = result.Years - 1;
        outcome[StandardOutcomes.HleYears] = result.GetYearly(variant, last, StandardSeries.HleYears);
        outcome[StandardOutcomes.HleGapYears] = result.GetYearly(variant, last, StandardSeries.HleGapYears);
        outcome[StandardOutcomes.LeYears] = result.GetYearly(variant, last, StandardSeries.LeYears);
        outcome[StandardOutcomes.LeGapYears] = result.GetYearly(variant, last, StandardSeries.LeGapYears);
        outcome[StandardOutcomes.HealthValueGbp] = outcome[StandardOutcomes.Qalys] * Discounting.QalyValueGbp;
        outcome[StandardOutcomes.HealthyHomesShare] = outcome[StandardOutcomes.HomesBuilt] > 0 ? end.HealthyHomesBuilt / outcome[StandardOutcomes.HomesBuilt] : 0;
        outcome[StandardOutcomes.ClawbackGbp] = end.Ledger.ClawbackGbp;
        outcome[StandardOutcomes.BiddingCostGbp] = end.Ledger.BiddingCostGbp;
        outcome[StandardOutcomes.NonHealthSpendGbp] = end.Ledger.NonHealthSpendGbp;
        outcome[StandardOutcomes.TiedMoneyExtendedGbp] = end.Ledger.ExtendedGbp;
        outcome[StandardOutcomes.CoInvestmentGbp] = end.Ledger.CoInvestmentGbp;
        outcome[StandardOutcomes.OutcomesFrameworkMisses] = end.Ledger.OutcomesFrameworkMisses;
        double people = 0, commitment = 0, partnership = 0, newMayors = 0;
        for (int r = 0; r < end.RegionPopulation.Length; r++)
        {
            people += end.RegionPopulation[r];
            commitment += end.RegionPopulation[r] * end.Mayors.Commitment[r];
            partnership += end.RegionPopulation[r] * end.Icbs.Partnership[r];
            newMayors += end.Mayors.MayorsElected[r];
        }
        double treatmentCare = 0;
        foreach (double q in end.Icbs.TreatmentCareQalys) treatmentCare += q;
        outcome[StandardOutcomes.NetQalys] = outcome[StandardOutcomes.Qalys] - outcome[StandardOutcomes.NhsCareQalysForgone] - treatmentCare;
        outcome[StandardOutcomes.NewMayors] = newMayors;
        outcome[StandardOutcomes.FinalCommitment] = people > 0 ? commitment / people : double.NaN;
        outcome[StandardOutcomes.FinalIcbPartnership] = people > 0 ? partnership / people : double.NaN;
        outcome[StandardOutcomes.MissionGapHalved] = outcome[StandardOutcomes.HleGapYears] <= 0.5 * result.BaselineValues[Baseline.HleGapYears] ? 1 : 0;
        end.DecileHleYears.CopyTo(result.DecileHleYears, variant * ReplicationResult.Deciles);
        int zones = end.Start.ZoneCount;
        if (result.Zones == zones) end.ZoneFinal.AsSpan(0, zones * 2).CopyTo(result.ZoneFinal.AsSpan(variant * zones * 2));
        ByCapacityClass(end, result, outcome);
        RegionOutcomes.Measure(end.Start, end.World, end.ZoneFinal, end.Agents, result, variant);
        MeasureFirms(end, result, variant);
        result.Ledger[variant] = end.Ledger;
        var catalogue = result.Catalogue;
        context.Set(end.World, end.Parameters, end.Levers, end.Ledger, result.Outcome, variant * result.OutcomeCount);
        for (int i = catalogue.FirstAdded; i < catalogue.Count; i++)
            outcome[i] = catalogue.All[i].Measure!(context);
    }

    /// <summary>
    /// Each firm's kept quantities at the end of the variant (<see cref="FirmOutcomes.Kept"/>); NaN when this replication's
    /// firms are not the ones the result was shaped for (a variant or a draw that changes the number of firms).
    /// </summary>
    private static void MeasureFirms(in End end, ReplicationResult result, int variant)
    {
        if (result.Firms == 0) return;
        int kept = FirmOutcomes.Kept.Length;
        var block = result.FirmOutcome.AsSpan(variant * result.Firms * kept, result.Firms * kept);
        var firms = end.Agents.Firms;
        if (firms.Count != result.Firms) { block.Fill(double.NaN); return; }
        for (int f = 0; f < firms.Count; f++)
            for (int k = 0; k < kept; k++) block[f * kept + k] = FirmOutcomes.Value(firms, f, FirmOutcomes.Kept[k]);
    }

    /// <summary>
    /// HLE change (population-weighted over zones, start-year weights) and central money per head, by the capacity
    /// class of the mayoralty; NaN where the world has no mayoralty of a class.
    /// </summary>
    private static void ByCapacityClass(in End end, ReplicationResult result, Span<double> outcome)
    {
        int classes = StandardOutcomes.CapacityClasses.Length;
        Span<double> weight = stackalloc double[classes], change = stackalloc double[classes];
        Span<double> money = stackalloc double[classes], people = stackalloc double[classes];
        weight.Clear(); change.Clear(); money.Clear(); people.Clear();
        var start = end.Start;
        for (int z = 0; z < start.ZoneCount; z++)
        {
            int c = (int)start.Regions.CapacityClass[start.Zones.Region[z]];
            double w = start.Health.ZonePopulation(z);
            weight[c] += w;
            change[c] += w * (end.ZoneFinal[z * 2] - result.ZoneBaseline[z * 2]);
        }
        for (int r = 0; r < start.RegionCount; r++)
        {
            int c = (int)start.Regions.CapacityClass[r];
            money[c] += end.Mayors.ReceivedTotalGbp[r];
            people[c] += end.RegionPopulation[r];
        }
        for (int c = 0; c < classes; c++)
        {
            outcome[StandardOutcomes.FirstHleChangeByCapacity + c] = weight[c] > 0 ? change[c] / weight[c] : double.NaN;
            outcome[StandardOutcomes.FirstFundingPerHeadByCapacity + c] = people[c] > 0 ? money[c] / people[c] : double.NaN;
        }
    }
}
