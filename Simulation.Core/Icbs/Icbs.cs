using UrbanSim.Core.Health;
using UrbanSim.Core.Programmes;
using UrbanSim.Core.Scenarios;
using UrbanSim.Core.Settlements;
using UrbanSim.Core.World;

namespace UrbanSim.Core.Icbs;

/// <summary>
/// Integrated Care Boards' rules: they hold the NHS allocation, pay the treatment costs of disease, spend a
/// prevention share, and pool money with the mayor when the partnership, the savings they expect or the settlement
/// allow; money pooled is NHS care given up, counted in the QALYs it would have bought.
/// </summary>
internal static class IcbRules
{
    /// <summary>
    /// Money the ICB pools with the mayor this year, £: the pooled share of its prevention budget, scaled by how far
    /// the partnership is past the pooling threshold (a ramp of width <paramref name="poolingRampWidth"/> centred on it, so
    /// pooling grows smoothly as the partnership grows), or the whole share when the settlement pools prevention, plus a
    /// share of its whole allocation under health devolution.
    /// </summary>
    public static double PooledWithMayorGbp(double allocationGbp, double preventionShare, double partnership,
        double poolingThreshold, double pooledPreventionShare, bool settlementPoolsPrevention, double allocationPooledShare, double poolingRampWidth)
    {
        double prevention = allocationGbp * preventionShare;
        double willing = settlementPoolsPrevention ? 1 : Math.Clamp((partnership - poolingThreshold) / poolingRampWidth + 0.5, 0, 1);
        double pooled = prevention * pooledPreventionShare * willing;
        if (allocationPooledShare > 0) pooled += allocationGbp * allocationPooledShare;
        return pooled;
    }

    /// <summary>
    /// Start of a variant: each partnership at the lever, and the yearly treatment cost of each zone's start-year cases of
    /// each disease, which prevention's savings are a share of.
    /// </summary>
    public static void Start(IcbState state, PolicyLevers levers, WorldState world, HealthParameters h, IcbParameters icb)
    {
        Array.Fill(state.Partnership, levers.IcbPartnership);
        Array.Fill(state.StartPartnership, levers.IcbPartnership);
        Array.Clear(state.SavingsLandedGbp);
        Array.Fill(state.ExpectedSavingsPerGbp, icb.PriorSavingsPerGbp);
        Array.Clear(state.JointMoneyGbp);
        Array.Clear(state.CareQalysForgone);
        Array.Clear(state.TreatmentCostTotalGbp);
        Array.Clear(state.TreatmentCareQalys);
        int zones = world.ZoneCount;
        for (int d = 0; d < DiseaseCatalogue.Count; d++)
        {
            double cost = DiseaseCatalogue.All[d].CostGbpPerCase(h);
            for (int z = 0; z < zones; z++)
            {
                var cases = world.Health.CasesOf((Disease)d, z);
                double sum = 0;
                for (int b = 0; b < AgeBands.Count; b++) sum += cases[b];
                state.StartCaseCostGbp[d * zones + z] = sum * cost;
            }
        }
    }

    /// <summary>
    /// The NHS savings the ICB attributes to joint work in a year, £: for each disease, the share by which prevention
    /// has cut incidence (one minus the five-year mean incidence factor, as prevalence follows) × the yearly cost of
    /// the start-year cases; and each cold home remedied × the yearly NHS cost of a cold home.
    /// </summary>
    public static double SavingsFromJointWorkGbp(IcbState state, ProgrammeState programmes, HousingStock homes, ReadOnlySpan<int> zonesOfRegion,
        double coldHomeCostGbp)
    {
        int zones = programmes.ZoneCount;
        double savings = 0;
        foreach (int z in zonesOfRegion)
        {
            savings += homes.RetrofittedHomes[z] * coldHomeCostGbp;
            for (int d = 0; d < DiseaseCatalogue.Count; d++)
                savings += (1 - programmes.IncidenceFactorSum[d * zones + z] / Exposures.ExposureState.BuildUpYears) * state.StartCaseCostGbp[d * zones + z];
        }
        // As the ICB's finance report gives it, to four significant figures, so that the last bits of a sum (which the
        // fast and reference exposure updates round differently) do not move the partnership.
        return Mayors.Appraisal.Reported(savings);
    }

    /// <summary>
    /// Convening, at the end of a year: the savings the ICB attributes to joint work (<see cref="SavingsFromJointWorkGbp"/>),
    /// and the partnership's move. Joint work is the mayor's joint prevention or pooled spending (the larger) over what
    /// the ICB would pool at full partnership (up to 1), and the savings over that money (up to 1); their weighted mean w
    /// (the money's weight `politics.convening_joint_money_weight`) lifts
    /// the partnership by gain × w × (1 − partnership) and, without it, it fades by decay × (1 − w) × its rise above the start.
    /// </summary>
    public static void Convene(IcbState state, int region, double savingsGbp, IcbParameters icb, PoliticsParameters politics)
    {
        state.SavingsLandedGbp[region] += savingsGbp;
        double joint = Math.Max(state.JointPreventionThisYearGbp[region], state.PooledUsedThisYearGbp[region]);
        double fullPooling = state.AllocationGbpPerYear[region] * icb.PreventionShare * icb.PartnershipPooledPreventionShare;
        double moneyWeight = politics.ConveningJointMoneyWeight;
        double work = moneyWeight * (fullPooling > 0 ? Math.Min(1, joint / fullPooling) : 0) + (1 - moneyWeight) * (joint > 0 ? Math.Min(1, savingsGbp / joint) : 0);
        double p = state.Partnership[region];
        p += politics.ConveningGainPerYear * work * (1 - p) - politics.ConveningDecayPerYear * (1 - work) * Math.Max(0, p - state.StartPartnership[region]);
        state.Partnership[region] = Math.Clamp(p, 0, 1);
    }

    /// <summary>
    /// Learning, at the end of a year: the year's joint money (the larger of the mayor's joint prevention and the pooled
    /// money used) is added to the total, and the ICB's expected savings per £ move a share
    /// <see cref="IcbParameters.SavingsLearningPerYear"/> of the way to what it observes (savings landed so far over joint
    /// money so far). Without joint money there is nothing to observe and the expectation stays.
    /// </summary>
    public static void LearnFromSavings(IcbState state, int region, IcbParameters icb)
    {
        state.JointMoneyGbp[region] += Math.Max(state.JointPreventionThisYearGbp[region], state.PooledUsedThisYearGbp[region]);
        if (!(state.JointMoneyGbp[region] > 0)) return;
        double observed = state.SavingsLandedGbp[region] / state.JointMoneyGbp[region];
        state.ExpectedSavingsPerGbp[region] += icb.SavingsLearningPerYear * (observed - state.ExpectedSavingsPerGbp[region]);
    }

    /// <summary>
    /// The partnership an ICB acts as if it had when it decides how much to pool: the partnership, moved by
    /// <see cref="IcbParameters.SavingsResponse"/> × (expected − prior savings per £), so savings that land make it pool more.
    /// </summary>
    public static double WillingnessPartnership(double partnership, double expectedSavingsPerGbp, IcbParameters icb) =>
        partnership + icb.SavingsResponse * (expectedSavingsPerGbp - icb.PriorSavingsPerGbp);

    /// <summary>
    /// The opportunity cost of pooled money the mayor spent in year <paramref name="year"/>: the QALYs it would have
    /// bought as NHS care at the margin (£ / <see cref="IcbParameters.NhsCostPerQalyGbp"/>), discounted as QALYs are;
    /// added to the ICB's total and returned.
    /// </summary>
    public static double ChargePooledMoney(IcbState state, int region, double pooledUsedGbp, int year, IcbParameters icb)
    {
        double forgone = pooledUsedGbp / icb.NhsCostPerQalyGbp * Discounting.Factor(Discounting.HealthRatePerYear, year);
        state.CareQalysForgone[region] += forgone;
        return forgone;
    }

    /// <summary>
    /// The year's treatment costs (<see cref="IcbState.TreatmentCostGbp"/>, from the health step) paid: added to each
    /// ICB's total, and counted as the QALYs they would buy as NHS care at the margin (discounted as QALYs are), for the
    /// health-system view of net QALYs.
    /// </summary>
    public static void PayTreatment(IcbState state, int year, IcbParameters icb)
    {
        double discount = Discounting.Factor(Discounting.HealthRatePerYear, year);
        for (int r = 0; r < state.TreatmentCostGbp.Length; r++)
        {
            state.TreatmentCostTotalGbp[r] += state.TreatmentCostGbp[r];
            state.TreatmentCareQalys[r] += state.TreatmentCostGbp[r] / icb.NhsCostPerQalyGbp * discount;
        }
    }

    /// <summary>Annual treatment cost of a zone's disease and cold homes, £: cases × cost per case, plus cold homes × cost per home.</summary>
    public static double TreatmentCostGbp(ReadOnlySpan<double> casesByDisease, ReadOnlySpan<double> costPerCaseGbp,
        double coldHomes, double costPerColdHomeGbp)
    {
        double cost = coldHomes * costPerColdHomeGbp;
        for (int d = 0; d < casesByDisease.Length; d++) cost += casesByDisease[d] * costPerCaseGbp[d];
        return cost;
    }

    /// <summary>
    /// Each ICB's offer to pool with its mayor this year (allocation per head × residents; the settlement, the
    /// partnership as it now stands and the savings the ICB expects decide how much), into <see cref="IcbState.PooledOfferedGbp"/>; the year's joint
    /// work is counted afresh.
    /// </summary>
    public static void OfferPooling(ISettlement settlement, PolicyLevers levers, IcbParameters icb, ReadOnlySpan<double> regionPopulation, IcbState state)
    {
        double allocationShare = settlement.IcbAllocationPooledShare(levers);
        for (int r = 0; r < regionPopulation.Length; r++)
        {
            double allocation = icb.AllocationGbpPerHead * regionPopulation[r];
            state.AllocationGbpPerYear[r] = allocation;
            state.PooledOfferedGbp[r] = PooledWithMayorGbp(allocation, icb.PreventionShare,
                WillingnessPartnership(state.Partnership[r], state.ExpectedSavingsPerGbp[r], icb),
                icb.PartnershipPoolingThreshold, icb.PartnershipPooledPreventionShare, settlement.PoolsIcbPrevention, allocationShare, icb.PoolingRampWidth);
            state.PooledUsedThisYearGbp[r] = state.JointPreventionThisYearGbp[r] = 0;
        }
    }
}
