using UrbanSim.Core.Engine;
using UrbanSim.Core.Outcomes;
using UrbanSim.Core.Scenarios;
using UrbanSim.Core.Settlements;
using UrbanSim.Core.World;
using static UrbanSim.Core.Tests.Engine.EngineHarness;

namespace UrbanSim.Core.Tests.Engine;

/// <summary>Money and people are neither created nor lost between years.</summary>
public class ConservationTests
{
    public static TheoryData<Settlement> Settlements => [SettlementCatalogue.TiedGrants, SettlementCatalogue.SinglePot, SettlementCatalogue.HealthDevolution];

    [Theory]
    [MemberData(nameof(Settlements))]
    public void Money_IsConservedEveryYear(Settlement settlement)
    {
        // A strong ICB partnership so pooled money (used and returned) flows too; default shocks include funding cuts.
        var scenario = TwoRegions(Variant("v", settlement, l => l with { IcbPartnership = 0.8 })) with
        {
            Parameters = new ModelParameters { Shocks = new ShockParameters { FundingCutProbabilityPerYear = 0.3, RecessionProbabilityPerYear = 0.3 } },
        };
        var runner = new ReplicationRunner(scenario);
        for (int rep = 0; rep < 2; rep++)
        {
            int years = 0;
            MoneyLedger last = default;
            Run(scenario, rep, (_, year, _, ledger) =>
            {
                Assert.True(ledger.PaidToMayorsGbp > 0);
                Assert.True(Math.Abs(ledger.ImbalanceGbp) <= 1e-9 * ledger.PaidToMayorsGbp,
                    $"{settlement} replication {rep} year {year}: imbalance £{ledger.ImbalanceGbp} of £{ledger.PaidToMayorsGbp} paid");
                years++;
                last = ledger;
            }, runner);
            Assert.Equal(scenario.HorizonYears, years);
            Assert.True(last.ProgrammeSpendGbp > 0);
        }
    }

    [Fact]
    public void Money_ImbalanceDetectsMoneyThatVanishes()
    {
        // The ledger check above is only as good as ImbalanceGbp: money unaccounted for must show.
        var ledger = new MoneyLedger { PaidToMayorsGbp = 100, ProgrammeSpendGbp = 60, BiddingCostGbp = 5, ClawbackGbp = 10, PooledReturnedGbp = 5, HeldAtEndGbp = 19 };
        Assert.Equal(1, ledger.ImbalanceGbp, 12);
    }

    [Theory]
    [MemberData(nameof(Settlements))]
    public void Population_NextYearIsThisYearPlusBirthsMinusDeaths(Settlement settlement)
    {
        var scenario = TwoRegions(Variant("v", settlement)) with
        {
            Parameters = new ModelParameters { Shocks = new ShockParameters { HealthShockProbabilityPerYear = 0.3 } },
        };
        double birthRate = scenario.Parameters.Health.BirthsPerPersonPerYear;
        var runner = new ReplicationRunner(scenario);
        var totals = new double[scenario.HorizonYears];
        var result = Run(scenario, 0, (_, year, world, _) => totals[year] = world.Health.TotalPopulation(), runner);

        double previous = runner.StartWorld.Health.TotalPopulation();
        for (int year = 0; year < scenario.HorizonYears; year++)
        {
            double deaths = result.GetYearly(0, year, StandardSeries.Deaths);
            double births = birthRate * previous;
            Assert.True(deaths > 0);
            // People are held in single precision (about 7 significant digits per zone and band), so the balance
            // holds to rounding: 1e-7 of the population, far below a lost band or a wrong birth or death count.
            Assert.Equal(previous + births - deaths, totals[year], 1e-7 * previous);
            previous = totals[year];
        }
    }
}
