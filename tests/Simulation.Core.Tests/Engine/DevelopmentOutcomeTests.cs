using UrbanSim.Core.Engine;
using UrbanSim.Core.Outcomes;
using UrbanSim.Core.Scenarios;
using UrbanSim.Core.Settlements;
using static UrbanSim.Core.Tests.Engine.EngineHarness;

namespace UrbanSim.Core.Tests.Engine;

/// <summary>The planning health standard and the patient fund in whole runs.</summary>
public class DevelopmentOutcomeTests
{
    private const int Replications = 4;

    private static Scenario StandardComparison(double healthyDesignCostUplift)
    {
        var p = new ModelParameters();
        return Small(
            Variant("no_standard", SettlementCatalogue.TiedGrants, l => l with { PlanningHealthStandard = 0 }),
            Variant("strict_standard", SettlementCatalogue.TiedGrants, l => l with { PlanningHealthStandard = 1 })) with
        {
            Parameters = p with
            {
                Politics = p.Politics with { PlanningPowers = 1 },
                Development = p.Development with { HealthyDesignCostUplift = healthyDesignCostUplift },
            },
        };
    }

    [Fact]
    public void StricterHealthStandard_RaisesHealthyHomesShare_AndDoesNotRaiseHomesBuilt()
    {
        var scenario = StandardComparison(new DevelopmentParameters().HealthyDesignCostUplift);
        var runner = new ReplicationRunner(scenario);
        double homesLax = 0, homesStrict = 0;
        for (int rep = 0; rep < Replications; rep++)
        {
            var result = Run(scenario, rep, runner: runner);
            Assert.True(result.Get(1, StandardOutcomes.HealthyHomesShare) > result.Get(0, StandardOutcomes.HealthyHomesShare) + 0.2,
                $"replication {rep}: healthy share {result.Get(1, StandardOutcomes.HealthyHomesShare)} vs {result.Get(0, StandardOutcomes.HealthyHomesShare)}");
            homesLax += result.Get(0, StandardOutcomes.HomesBuilt);
            homesStrict += result.Get(1, StandardOutcomes.HomesBuilt);
        }
        Assert.True(homesStrict <= homesLax, $"homes built {homesStrict} with the standard vs {homesLax} without");
    }

    [Fact]
    public void StricterHealthStandard_WhenHealthyDesignCostsMoreThanItEarns_BuildsFewerHomes()
    {
        // The healthy design adds 15% to build cost but only 2% to price: required, it makes sites unviable.
        var scenario = StandardComparison(0.15);
        var runner = new ReplicationRunner(scenario);
        for (int rep = 0; rep < Replications; rep++)
        {
            var result = Run(scenario, rep, runner: runner);
            Assert.Equal(0, result.Get(0, StandardOutcomes.HealthyHomesShare));
            Assert.True(result.Get(1, StandardOutcomes.HealthyHomesShare) > 0.3);
            Assert.True(result.Get(1, StandardOutcomes.HomesBuilt) < result.Get(0, StandardOutcomes.HomesBuilt),
                $"replication {rep}: {result.Get(1, StandardOutcomes.HomesBuilt)} homes with the standard vs {result.Get(0, StandardOutcomes.HomesBuilt)} without");
        }
    }

    [Fact]
    public void HealthStandard_WithoutPlanningPowers_ChangesNothing()
    {
        var scenario = StandardComparison(0.15);
        scenario = scenario with { Parameters = scenario.Parameters with { Politics = scenario.Parameters.Politics with { PlanningPowers = 0 } } };
        var result = Run(scenario);
        Assert.Equal(result.Get(0, StandardOutcomes.HomesBuilt), result.Get(1, StandardOutcomes.HomesBuilt));
        Assert.Equal(0, result.Get(1, StandardOutcomes.HealthyHomesShare));
    }

    [Fact]
    public void PatientFund_RaisesHealthyHomesShare()
    {
        var scenario = Small(
            Variant("private_only", SettlementCatalogue.TiedGrants, l => l with { PlanningHealthStandard = 0 }),
            Variant("patient_fund", SettlementCatalogue.TiedGrants, l => l with { PlanningHealthStandard = 0, PatientCapitalGbpPerYear = 50e6 }));
        var runner = new ReplicationRunner(scenario);
        for (int rep = 0; rep < Replications; rep++)
        {
            var result = Run(scenario, rep, runner: runner);
            Assert.Equal(0, result.Get(0, StandardOutcomes.PatientCapitalGbp));
            Assert.True(result.Get(1, StandardOutcomes.PatientCapitalGbp) > 0);
            Assert.True(result.Get(1, StandardOutcomes.PatientCapitalGbp) <= 50e6 * scenario.HorizonYears);
            Assert.True(result.Get(1, StandardOutcomes.HealthyHomesShare) > result.Get(0, StandardOutcomes.HealthyHomesShare),
                $"replication {rep}: healthy share {result.Get(1, StandardOutcomes.HealthyHomesShare)} with the fund vs {result.Get(0, StandardOutcomes.HealthyHomesShare)}");
        }
    }
}
