using UrbanSim.Core.Development;
using UrbanSim.Core.Health;
using UrbanSim.Core.Icbs;
using UrbanSim.Core.Outcomes;
using UrbanSim.Core.Programmes;
using UrbanSim.Core.Scenarios;
using UrbanSim.Core.Settlements;
using UrbanSim.Core.World;

namespace UrbanSim.Core.Mayors;

/// <summary>
/// Step 3 of a year: each mayor splits the money the settlement lets them spend this year, plus what the ICB pools
/// with them, across programmes by perceived benefit per £ (<see cref="Allocation"/>), and the programmes are
/// delivered in the region's zones (<see cref="ProgrammeDelivery"/>, <see cref="SiteAssembly"/>). The ICB's routine
/// prevention is already reflected in start-year incidence, so only money the mayor spends changes exposures or
/// incidence; what pooled money would otherwise have done is not modelled.
/// </summary>
internal static class MayoralSpending
{
    /// <summary>Scratch of the allocation, sized for a world and a programme catalogue.</summary>
    public sealed class Workspace
    {
        /// <summary>Scratch for <paramref name="zones"/> zones and <paramref name="catalogue"/>'s programmes.</summary>
        public Workspace(int zones, ProgrammeCatalogue catalogue)
        {
            int n = catalogue.Count;
            Benefit = new double[n]; Saturation = new double[n]; Cap = new double[n]; Spend = new double[n]; SpendFromTheme = new double[n];
            CumulativePerHead = new double[catalogue.ZonalCount];
            SpreadTargeted = new double[zones]; SpreadUniversal = new double[zones]; ZoneWeight = new double[zones];
        }

        internal readonly double[] ThemeMoney = new double[Themes.Count];
        internal readonly double[] Benefit, Saturation, Cap, Spend, SpendFromTheme, CumulativePerHead;
        internal readonly double[] SpreadTargeted, SpreadUniversal, ZoneWeight;
    }

    /// <summary>What the step reads and writes besides the world, the ledger and the outcome spans.</summary>
    /// <param name="Year">Simulated year.</param>
    /// <param name="Settlement">The variant's settlement: what is spendable and where spending is debited.</param>
    /// <param name="Parameters">The replication's parameters.</param>
    /// <param name="Programmes">The replication's programme settings.</param>
    /// <param name="AppraisalAnnuity">Σ of discount factors over the appraisal years: a year's health value counted over them.</param>
    /// <param name="RegionPopulation">[region] residents at the start of the variant.</param>
    /// <param name="Funding">The pots.</param>
    /// <param name="Mayors">The mayors: their appraisal, commitment and capacity; spend and capacity are recorded.</param>
    /// <param name="Icbs">The ICBs: what they offer to pool, and what the mayor used.</param>
    /// <param name="Sites">This year's sites that need remediation.</param>
    public readonly record struct Context(int Year, ISettlement Settlement, ModelParameters Parameters, ProgrammeSettings Programmes,
        double AppraisalAnnuity, double[] RegionPopulation, FundingState Funding, MayorState Mayors, IcbState Icbs, SitePipeline Sites);

    /// <summary>Σ of the health discount factors over the appraisal years.</summary>
    public static double AppraisalAnnuity(ProgrammeParameters programmes)
    {
        double annuity = 0;
        for (int k = 0; k < programmes.AppraisalYears; k++) annuity += Discounting.Factor(Discounting.HealthRatePerYear, k);
        return annuity;
    }

    /// <summary>Every region's allocation and delivery for the year, in region order.</summary>
    public static void AllocateAndSpend(in Context c, WorldState world, Workspace work, ref MoneyLedger ledger, Span<double> outcome, Span<double> yearly)
    {
        var catalogue = c.Programmes.Catalogue;
        var mayors = c.Mayors;
        for (int r = 0; r < world.RegionCount; r++)
        {
            double pop = c.RegionPopulation[r];
            if (pop <= 0) continue;
            double pooled = c.Icbs.PooledOfferedGbp[r];
            ledger.PaidToMayorsGbp += pooled;
            c.Settlement.SpendableThisYear(c.Funding, r, c.Parameters.Funding, work.ThemeMoney, out double settlementFlexible);
            double flexible = pooled;
            flexible += settlementFlexible;

            PerceivedBenefits.Set(r, pop, c.AppraisalAnnuity, c.Settlement.AwardsByCompetition, world, c.Programmes, mayors,
                c.Sites.RemediationNeedGbp[r], work.CumulativePerHead, work.Benefit, work.Saturation, work.Cap);
            var zonesOf = world.Regions.ZonesOf(r);
            bool targetedPossible = ProgrammeDelivery.SetSpreadPerResident(zonesOf, world.Health.ZoneTotal, mayors.ZoneTargetingWeight,
                Targeting.ProportionateUniversalism, work.SpreadTargeted);
            bool universalPossible = ProgrammeDelivery.SetSpreadPerResident(zonesOf, world.Health.ZoneTotal, mayors.ZoneTargetingWeight,
                Targeting.Universal, work.SpreadUniversal);
            Allocation.AllocateByBenefitPerPound(work.ThemeMoney, flexible, work.Benefit, work.Saturation, work.Cap,
                catalogue.ThemeOfProgramme, work.Spend, work.SpendFromTheme);

            double fromFlexibleTotal = 0;
            for (int p = 0; p < catalogue.Count; p++)
            {
                double planned = work.Spend[p];
                if (planned <= 0) continue;
                var programme = catalogue.All[p];
                bool targeted = programme.Targeting == Targeting.ProportionateUniversalism;
                double actual = programme.Delivery switch
                {
                    DeliveryKind.ZonalSaturating => ProgrammeDelivery.SpreadAcrossZones(world.Programmes, zonesOf,
                        targeted ? work.SpreadTargeted : work.SpreadUniversal, targeted ? targetedPossible : universalPossible,
                        catalogue.ZonalSlot(p), planned, c.Year + c.Programmes.LagYears[p]),
                    DeliveryKind.ColdHomeRetrofit => ProgrammeDelivery.RetrofitColdHomes(world.Homes, zonesOf, mayors.ZoneTargetingWeight,
                        programme.Targeting, c.Programmes.UnitCostGbp[p], planned, work.ZoneWeight),
                    DeliveryKind.SiteRemediation => SiteAssembly.AssembleSites(r, planned, world, c.Sites),
                    DeliveryKind.MayoralCapacity => ProgrammeDelivery.ImproveCapacity(ref mayors.Capacity[r], ref mayors.AnalyticalCapacity[r],
                        planned, pop, c.Programmes.ScaleGbpPerHead[p]),
                    _ => throw new InvalidOperationException($"Programme {programme.Name} has no delivery rule for {programme.Delivery}."),
                };
                double fromTheme = work.SpendFromTheme[p] * actual / planned;
                if (fromTheme > 0) c.Settlement.SpendFromTheme(c.Funding, r, programme.Theme, fromTheme);
                fromFlexibleTotal += actual - fromTheme;
                ledger.ProgrammeSpendGbp += actual;
                mayors.SpentThisTermGbp[r] += actual;
                outcome[OutcomeCatalogue.FirstProgrammeSpend + p] += actual;
                outcome[StandardOutcomes.PublicSpendGbp] += actual;
                yearly[OutcomeCatalogue.FirstProgrammeSpendSeries + p] += actual;
                yearly[StandardSeries.PublicSpendGbp] += actual;
            }
            // Pooled ICB money is used first; what the mayor could not use goes back to the ICB.
            double pooledUsed = Math.Clamp(fromFlexibleTotal, 0, pooled);
            ledger.PooledReturnedGbp += pooled - pooledUsed;
            outcome[StandardOutcomes.IcbPooledGbp] += pooledUsed;
            c.Icbs.PooledUsedGbp[r] += pooledUsed;
            double fromPot = fromFlexibleTotal - pooledUsed;
            if (fromPot > 0) c.Settlement.SpendFlexible(c.Funding, r, fromPot);
        }
    }
}
