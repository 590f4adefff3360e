using UrbanSim.Core.Outcomes;
using UrbanSim.Runner.Batch;
using Xunit;

namespace UrbanSim.Runner.Tests.Batch;

public class AgentLedgerTests
{
    [Fact]
    public void DevelopersPosition_IsTheProfitRealisedInEveryRegion_NotTheProfitExpectedAtStart()
    {
        var outcomes = new double[StandardOutcomes.Count];
        outcomes[StandardOutcomes.DeveloperProfitGbp] = 9e9;   // expected at the start of schemes: not the developers' money
        var regions = new double[3 * RegionOutcomes.Count];
        regions[0 * RegionOutcomes.Count + RegionOutcomes.DevelopersRealisedProfitGbp] = 2e8;
        regions[1 * RegionOutcomes.Count + RegionOutcomes.DevelopersRealisedProfitGbp] = -5e7;   // a recession's loss
        regions[2 * RegionOutcomes.Count + RegionOutcomes.DevelopersRealisedProfitGbp] = 1e8;
        int developers = Array.IndexOf(AgentLedger.Agents, "Developers");

        Assert.Equal(2.5e8, AgentLedger.PositionGbp(developers, outcomes, regions), 6);
    }

    [Fact]
    public void LendersPosition_IsTheirFinanceIncome_AndIcbPaysTreatmentAndPooledMoney()
    {
        var outcomes = new double[StandardOutcomes.Count];
        outcomes[StandardOutcomes.InvestorReturnGbp] = 3e8;
        outcomes[StandardOutcomes.NhsCostGbp] = 1e9;
        outcomes[StandardOutcomes.IcbPooledGbp] = 2e8;

        Assert.Equal(3e8, AgentLedger.PositionGbp(Array.IndexOf(AgentLedger.Agents, "Lenders"), outcomes, []));
        Assert.Equal(-1.2e9, AgentLedger.PositionGbp(Array.IndexOf(AgentLedger.Agents, "ICB"), outcomes, []));
    }
}
