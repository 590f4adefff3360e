using UrbanSim.Core.Development;
using UrbanSim.Core.Engine;
using UrbanSim.Core.Investors;
using UrbanSim.Core.Scenarios;
using UrbanSim.Core.World;

namespace UrbanSim.Core.Tests.KernelReferences;

/// <summary>
/// The assumptions the development shortcuts (<see cref="BreakEvenRates"/>, the unpaid-brownfield list of
/// <see cref="SiteAssembly"/>) rest on, each checked against full appraisals on the reference world. If a change
/// to the pro forma broke one (a cost that depends on the finance rate other than linearly, a price that rises in
/// a recession), these fail, not only the whole-replication comparison.
/// </summary>
public class DevelopmentShortcutTests
{
    private static readonly ModelParameters Parameters = new();

    private static WorldState ReferenceWorld()
    {
        var scenario = ScenarioLoader.LoadFile(RepositoryRoot.File("scenarios", "reference.json")).Scenario!;
        var world = WorldBuilder.Allocate(scenario);
        WorldBuilder.Build(scenario.World, Parameters, new ReplicationRandom(scenario.Seed, 0), world);
        return world;
    }

    private static readonly double[] Rates = [0.0, 0.02, 0.04, 0.07, 0.10, 0.115, 0.13, 0.16, 0.25, 0.5];

    [Fact]
    public void BreakEvenRate_IsExactlyWhereTheFullAppraisalFlips_ForEverySiteDesignPriceAndRemediationState()
    {
        // The cache assumes viability at rate r is r ≤ break-even: finance is the only term that depends on r, linearly.
        var world = ReferenceWorld();
        var rates = new BreakEvenRates();
        rates.Prepare(world, Parameters);
        int checkedCases = 0, viableCases = 0;
        for (int site = 0; site < world.SiteCount; site += 3)
            foreach (bool recession in new[] { false, true })
                foreach (bool paid in new[] { false, true })
                    foreach (var design in new[] { Design.Standard, Design.Healthy })
                        foreach (double rate in Rates)
                        {
                            var proForma = Developers.SiteProForma(world, site, Parameters, recession, rate, paid);
                            bool viable = Developers.IsViable(proForma, design, world.Sites.Developer[site], Developers.BenchmarkLandValueGbp(world, site, Parameters.Development));
                            double breakEven = rates.Rate(site, recession, paid, design);
                            // Within a hair of the break-even rate the comparison is decided by rounding; skip it.
                            if (Math.Abs(rate - breakEven) < 1e-9) continue;
                            Assert.True(viable == (rate <= breakEven), $"site {site} recession {recession} paid {paid} {design} rate {rate}: full appraisal says {viable}, break-even {breakEven}");
                            checkedCases++;
                            if (viable) viableCases++;
                        }
        // Both outcomes occur, or the test would prove nothing.
        Assert.InRange(viableCases, checkedCases / 20, checkedCases - checkedCases / 20);
    }

    [Fact]
    public void NeverViableMark_IsGivenOnlyToSitesNoConditionOfTheVariantMakesViable()
    {
        // The mark assumes prices only fall (in recessions) and the lowest rate on offer is the base rate less a figurehead's discount, or the patient rate.
        var world = ReferenceWorld();
        var rates = new BreakEvenRates();
        rates.Prepare(world, Parameters);
        var d = Parameters.Development;
        rates.MarkNeverViable(world.Sites, d, patientCapitalGbpPerYear: 10e6, figureheadDiscountPerYear: 0.005);
        int marked = 0;
        for (int site = 0; site < world.SiteCount; site++)
        {
            if (world.Sites.Status[site] != SiteStatus.NeverViable) continue;
            marked++;
            double benchmark = Developers.BenchmarkLandValueGbp(world, site, d);
            foreach (bool recession in new[] { false, true })
                foreach (bool paid in new[] { false, true })
                    foreach (var design in new[] { Design.Standard, Design.Healthy })
                        foreach (double rate in new[] { d.PatientFundReturnPerYear, d.BaseRequiredReturnPerYear, d.BaseRequiredReturnPerYear - 0.005 })
                        {
                            var proForma = Developers.SiteProForma(world, site, Parameters, recession, rate, paid);
                            Assert.False(Developers.IsViable(proForma, design, world.Sites.Developer[site], benchmark),
                                $"site {site} is marked never viable but is viable ({design}, recession {recession}, remediation paid {paid}, rate {rate})");
                        }
        }
        Assert.True(marked > 0, "no site was marked never viable, so the test proves nothing");
    }

    [Fact]
    public void RemediationSearch_FindsTheSameSitesAsFullAppraisals_AsRatesAndSitesChange()
    {
        // The fast search keeps a list of unpaid brownfield sites and tests break-even rates; the reference appraises
        // every site twice. Over years of changing rates, recessions, started and funded sites, they must agree.
        var world = ReferenceWorld();
        var rates = new BreakEvenRates();
        rates.Prepare(world, Parameters);
        var fast = new SitePipeline();
        var full = new SitePipeline();
        fast.Start(world.Sites, world.RegionCount);
        full.Start(world.Sites, world.RegionCount);
        var finance = new FinanceState(world.RegionCount);
        var random = new ReplicationRandom(11, 0);
        int found = 0;
        for (int year = 0; year < 12; year++)
        {
            bool recession = year % 3 == 2;
            for (int r = 0; r < world.RegionCount; r++) finance.RequiredReturnPerYear[r] = 0.06 + 0.08 * random.Uniform(RngStream.World, year, r, 0);
            SiteAssembly.FindSitesNeedingRemediation(world, finance, rates, recession, fast);
            DevelopmentReference.FindSitesNeedingRemediation(world, finance, Parameters, recession, full);
            Assert.Equal(full.NeedingRemediation.AsSpan(0, full.NeedingRemediationCount).ToArray(), fast.NeedingRemediation.AsSpan(0, fast.NeedingRemediationCount).ToArray());
            Assert.Equal(full.RemediationNeedGbp, fast.RemediationNeedGbp);
            found += fast.NeedingRemediationCount;
            // Change the sites as a year would: some start, some are funded.
            for (int site = 0; site < world.SiteCount; site++)
            {
                double u = random.Uniform(RngStream.Sites, year, site, 0);
                if (world.Sites.Status[site] != SiteStatus.Available) continue;
                if (u < 0.05) world.Sites.Status[site] = SiteStatus.UnderConstruction;
                else if (u < 0.10) world.Sites.RemediationFunded[site] = true;
            }
        }
        Assert.True(found > 0, "no site ever needed remediation money, so the test proves nothing");
    }
}
