using UrbanSim.Core.Development;
using UrbanSim.Core.Health;
using UrbanSim.Core.Icbs;
using UrbanSim.Core.Outcomes;
using UrbanSim.Core.Numerics;
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
/// incidence; pooled money the mayor spends is NHS care given up, counted in the QALYs it would have bought
/// (<see cref="IcbRules.ChargePooledMoney"/>).
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
            SpreadTargeted = new double[zones]; SpreadUniversal = new double[zones]; ZoneWeight = new double[zones];
            SchemeGain = new double[n * zones];
            Ranking = new MaxTree(zones);
            RankScratch = new double[zones];
        }

        internal readonly double[] ThemeMoney = new double[Themes.Count], DueThemeMoney = new double[Themes.Count];
        internal readonly double[] Benefit, Saturation, Cap, Spend, SpendFromTheme;
        internal readonly double[] SpreadTargeted, SpreadUniversal, ZoneWeight, SchemeGain, RankScratch;
        internal readonly MaxTree Ranking;
    }

    /// <summary>What the step reads and writes besides the world, the ledger and the outcome spans.</summary>
    /// <param name="Year">Simulated year.</param>
    /// <param name="Settlement">The variant's settlement: what is spendable and where spending is debited.</param>
    /// <param name="Parameters">The replication's parameters.</param>
    /// <param name="Programmes">The replication's programme settings.</param>
    /// <param name="RegionPopulation">[region] residents at the start of the variant.</param>
    /// <param name="Funding">The pots.</param>
    /// <param name="Mayors">The mayors: their appraisal, commitment and capacity; spend and capacity are recorded.</param>
    /// <param name="Icbs">The ICBs: what they offer to pool, and what the mayor used.</param>
    /// <param name="Sites">This year's sites that need remediation.</param>
    /// <param name="TopUp">Extra central money for one programme in one region (a marginal analysis), or null.</param>
    /// <param name="NationalSteer">Central government's steer on health this year (0–1), which sitting mayors' commitment follows.</param>
    /// <param name="Levers">The variant's levers (a year's money sets how fast held money loses its value to wait).</param>
    /// <param name="Reference">The readable reference: delivery computes every zone's scheme gain afresh instead of keeping those
    /// the appraisal of benefits computed (the fast kernels keep them, as nothing changes the programme's stock in between).</param>
    public readonly record struct Context(int Year, ISettlement Settlement, ModelParameters Parameters, ProgrammeSettings Programmes,
        double[] RegionPopulation, FundingState Funding, MayorState Mayors, IcbState Icbs, SitePipeline Sites, MarginalSpend? TopUp = null,
        double NationalSteer = double.NaN, PolicyLevers? Levers = null, bool Reference = false);

    /// <summary>
    /// Every region's spending for the year, in region order: the mayor's commitment follows the national steer and
    /// its beliefs about health are set from its appraisal and capacity; first the upkeep of the stock in use (from its
    /// programme's theme money, then flexible money; the share paid sets how fast the stock decays), then the
    /// allocation of what is left by perceived benefit per £ (money that can wait is held when nothing clears the
    /// value-for-money hurdle), then delivery, with partners' co-investment in area schemes as the mayor's political
    /// capital brings it; visible delivery builds political capital.
    /// </summary>
    /// <param name="c">What the step reads.</param>
    /// <param name="world">The working world.</param>
    /// <param name="work">Scratch.</param>
    /// <param name="ledger">Where the money went.</param>
    /// <param name="outcome">The variant's outcomes.</param>
    /// <param name="yearly">The year's series.</param>
    /// <param name="regionSpend">[region * programmes + programme] spend by region, added to (empty: not kept).</param>
    public static void AllocateAndSpend(in Context c, WorldState world, Workspace work, ref MoneyLedger ledger, Span<double> outcome, Span<double> yearly,
        Span<double> regionSpend)
    {
        double costDiscount = Discounting.Factor(Discounting.CostRatePerYear, c.Year);
        var settings = c.Programmes;
        var catalogue = settings.Catalogue;
        var mayors = c.Mayors;
        for (int r = 0; r < world.RegionCount; r++)
        {
            double pop = c.RegionPopulation[r];
            if (pop <= 0) continue;
            var politics = c.Parameters.Politics;
            if (!double.IsNaN(c.NationalSteer)) mayors.Commitment[r] = Government.NationalSteer.Respond(mayors.Commitment[r], c.NationalSteer, politics.SteerResponsePerYear);
            MayorKnowledge.SetPerceivedValues(mayors, r, c.Icbs.Partnership[r]);
            double pooled = c.Icbs.PooledOfferedGbp[r];
            ledger.PaidToMayorsGbp += pooled;
            c.Settlement.SpendableThisYear(c.Funding, r, c.Year, c.Parameters.Funding, work.ThemeMoney, work.DueThemeMoney, out double settlementFlexible);
            double flexible = pooled + settlementFlexible;
            double available = flexible;
            foreach (double m in work.ThemeMoney) available += m;
            var zonesOf = world.Regions.ZonesOf(r);
            var spent = new Spending(ref ledger, mayors, outcome, yearly, r, costDiscount,
                regionSpend.IsEmpty ? regionSpend : regionSpend.Slice(r * catalogue.Count, catalogue.Count));

            // 1. Upkeep of the stock in use.
            double fromFlexibleTotal = 0;
            for (int slot = 0; slot < catalogue.StockCount; slot++)
            {
                int p = catalogue.StockProgramme(slot);
                double due = 0;
                var stock = world.Programmes.StockOf(slot);
                var residents = world.Programmes.Residents;
                foreach (int z in zonesOf) due += stock[z] * residents[z];
                due *= settings.UpkeepSharePerYear[p];
                if (due <= 0) { world.Programmes.UpkeepPaidShare[slot * world.RegionCount + r] = 1; continue; }
                var theme = catalogue.All[p].Theme;
                double fromTheme = Math.Min(due, work.ThemeMoney[(int)theme]);
                work.ThemeMoney[(int)theme] -= fromTheme;
                work.DueThemeMoney[(int)theme] = Math.Max(0, work.DueThemeMoney[(int)theme] - fromTheme);
                double fromFlexible = Math.Min(due - fromTheme, flexible);
                flexible -= fromFlexible;
                world.Programmes.UpkeepPaidShare[slot * world.RegionCount + r] = (fromTheme + fromFlexible) / due;
                if (fromTheme > 0) c.Settlement.SpendFromTheme(c.Funding, r, theme, fromTheme);
                fromFlexibleTotal += fromFlexible;
                spent.Add(p, fromTheme + fromFlexible);
            }

            // 2. What is left, allocated by perceived benefit per £ (within what can be delivered this year).
            PerceivedBenefits.Set(new BenefitContext(settings, c.Settlement.AwardsByCompetition,
                c.Sites.RemediationNeedGbp[r], politics, work.SchemeGain, c.Reference), r, pop, world, mayors, work.Benefit, work.Saturation, work.Cap);
            bool targetedPossible = ProgrammeDelivery.SetSpreadPerResident(zonesOf, world.Programmes.Residents, mayors.ZoneTargetingWeight,
                Targeting.ProportionateUniversalism, work.SpreadTargeted);
            bool universalPossible = ProgrammeDelivery.SetSpreadPerResident(zonesOf, world.Programmes.Residents, mayors.ZoneTargetingWeight,
                Targeting.Universal, work.SpreadUniversal);
            double yearOfMoney = c.Levers is { } levers ? levers.FundingPerHeadGbp * pop * (1 - c.Parameters.Funding.NonHealthShare) : 0;
            double hold = HoldValuePerGbp(politics.ValueForMoneyHurdle, c.Settlement.HeldGbp(c.Funding, r), yearOfMoney);
            Allocation.AllocateByBenefitPerPound(work.DueThemeMoney, work.ThemeMoney, flexible, hold, work.Benefit, work.Saturation,
                work.Cap, catalogue.ThemeOfProgramme, work.Spend, work.SpendFromTheme);

            // A marginal analysis's extra money, on top of the mayor's allocation and paid from outside the settlement.
            double topUp = c.TopUp is { } extra && extra.Reaches(r) ? extra.GbpPerHeadPerYear * pop : 0;
            int topUpProgramme = c.TopUp?.Programme ?? -1;

            // 3. Delivery.
            var exposureValue = mayors.ExposureValueGbp.AsSpan(r * Health.ExposureCatalogue.Count, Health.ExposureCatalogue.Count);
            var delivered = mayors.DeliveredThisYearGbp.AsSpan(r * catalogue.Count, catalogue.Count);
            delivered.Clear();
            double visibleSpend = 0;
            for (int p = 0; p < catalogue.Count; p++)
            {
                double own = work.Spend[p];
                double planned = own + (p == topUpProgramme ? topUp : 0);
                if (planned <= 0) continue;
                var programme = catalogue.All[p];
                bool targeted = programme.Targeting == Targeting.ProportionateUniversalism;
                int year = c.Year + settings.LagYears[p];
                // Partners co-fund area schemes as far as the mayor's political capital galvanises them (figurehead): their
                // money joins the mayor's in the same schemes, and what is delivered is shared in proportion.
                double partners = programme.Delivery == DeliveryKind.AreaSchemes
                    ? planned * politics.CoInvestmentPerGbp * Math.Clamp(mayors.PoliticalCapital[r], 0, 1) : 0;
                double actual = programme.Delivery switch
                {
                    // The zones' scheme gains are those the benefits were appraised with (nothing has changed this
                    // programme's stock since), unless the readable reference computes them afresh.
                    DeliveryKind.AreaSchemes => ProgrammeDelivery.DeliverSchemes(
                        new SchemeContext(world, settings, zonesOf, mayors.ZoneTargetingWeight, programme.Targeting, exposureValue,
                            work.SchemeGain.AsSpan(p * world.ZoneCount, world.ZoneCount), work.Ranking, work.RankScratch),
                        catalogue.StockSlot(p), p, planned + partners, year, gainsAreCurrent: !c.Reference),
                    DeliveryKind.PopulationService => ProgrammeDelivery.SpreadAcrossZones(world.Programmes, zonesOf,
                        targeted ? work.SpreadTargeted : work.SpreadUniversal, targeted ? targetedPossible : universalPossible,
                        catalogue.StockSlot(p), planned, year),
                    DeliveryKind.ColdHomeRetrofit => ProgrammeDelivery.RetrofitColdHomes(world.Homes, zonesOf, mayors.ZoneTargetingWeight,
                        programme.Targeting, settings.UnitCostGbp[p], planned, work.ZoneWeight),
                    DeliveryKind.SiteRemediation => SiteAssembly.AssembleSites(r, planned, world, c.Sites),
                    DeliveryKind.MayoralCapacity => ProgrammeDelivery.ImproveCapacity(ref mayors.Capacity[r], ref mayors.AnalyticalCapacity[r],
                        planned, pop, settings.ScaleGbpPerHead[p], politics.CapacitySpendAnalyticalShare),
                    _ => throw new InvalidOperationException($"Programme {programme.Name} has no delivery rule for {programme.Delivery}."),
                };
                if (partners > 0)
                {
                    double partnersActual = actual * partners / (planned + partners);
                    ledger.CoInvestmentGbp += partnersActual;
                    actual -= partnersActual;
                }
                delivered[p] += actual;
                if (programme.Visibility > 0) visibleSpend += actual;
                if (programme.Delivery == DeliveryKind.PopulationService) c.Icbs.JointPreventionThisYearGbp[r] += actual;
                // Delivery short of the plan falls on the mayor's money and the extra alike, in proportion.
                double ownActual = actual * own / planned;
                ledger.PaidToMayorsGbp += actual - ownActual;
                double fromTheme = work.SpendFromTheme[p] * ownActual / Math.Max(own, double.Epsilon);
                if (fromTheme > 0) c.Settlement.SpendFromTheme(c.Funding, r, programme.Theme, fromTheme);
                fromFlexibleTotal += ownActual - fromTheme;
                spent.Add(p, actual);
            }
            // Pooled ICB money is used first; what the mayor could not use goes back to the ICB.
            double pooledUsed = Math.Clamp(fromFlexibleTotal, 0, pooled);
            ledger.PooledReturnedGbp += pooled - pooledUsed;
            outcome[StandardOutcomes.IcbPooledGbp] += pooledUsed;
            // Pooled money is NHS care given up: its opportunity cost in QALYs.
            outcome[StandardOutcomes.NhsCareQalysForgone] += IcbRules.ChargePooledMoney(c.Icbs, r, pooledUsed, c.Year, c.Parameters.Icb);
            c.Icbs.PooledUsedGbp[r] += pooledUsed;
            c.Icbs.PooledUsedThisYearGbp[r] = pooledUsed;
            // Visible delivery builds the mayor's political capital (the share of the year's money it put into visible schemes).
            if (available > 0)
                mayors.PoliticalCapital[r] = Math.Clamp(mayors.PoliticalCapital[r] + politics.PoliticalCapitalFromDelivery * Math.Min(1, visibleSpend / available), 0, 1);
            double fromPot = fromFlexibleTotal - pooledUsed;
            if (fromPot > 0) c.Settlement.SpendFlexible(c.Funding, r, fromPot);
        }
    }

    /// <summary>
    /// The value to the mayor of holding a £ for a later year: the value-for-money hurdle while little is held, falling
    /// as what is held grows against a year's money (hurdle / (1 + held / a year's money)), since what is held must
    /// itself be spent on next year's opportunities. So money is not forced into saturated programmes, and reserves do
    /// not grow without end.
    /// </summary>
    public static double HoldValuePerGbp(double hurdle, double heldGbp, double yearOfMoneyGbp) =>
        yearOfMoneyGbp > 0 ? hurdle / (1 + Math.Max(0, heldGbp) / yearOfMoneyGbp) : 0;

    /// <summary>
    /// Records programme spending in the ledger, the mayor's term record, the outcomes (with the discounted public cost),
    /// the year's series and the spend by region.
    /// </summary>
    private readonly ref struct Spending(ref MoneyLedger ledger, MayorState mayors, Span<double> outcome, Span<double> yearly, int region,
        double costDiscount, Span<double> regionSpend)
    {
        private readonly ref MoneyLedger _ledger = ref ledger;
        private readonly Span<double> _outcome = outcome, _yearly = yearly, _regionSpend = regionSpend;

        public void Add(int programme, double amountGbp)
        {
            if (!_regionSpend.IsEmpty) _regionSpend[programme] += amountGbp;
            _outcome[StandardOutcomes.PublicCostGbp] += amountGbp * costDiscount;
            _ledger.ProgrammeSpendGbp += amountGbp;
            mayors.SpentThisTermGbp[region] += amountGbp;
            _outcome[OutcomeCatalogue.FirstProgrammeSpend + programme] += amountGbp;
            _outcome[StandardOutcomes.PublicSpendGbp] += amountGbp;
            _yearly[OutcomeCatalogue.FirstProgrammeSpendSeries + programme] += amountGbp;
            _yearly[StandardSeries.PublicSpendGbp] += amountGbp;
        }
    }
}
