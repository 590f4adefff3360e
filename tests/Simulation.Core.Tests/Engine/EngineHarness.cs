using UrbanSim.Core.Engine;
using UrbanSim.Core.Outcomes;
using UrbanSim.Core.Scenarios;
using UrbanSim.Core.Settlements;
using UrbanSim.Core.World;

namespace UrbanSim.Core.Tests.Engine;

/// <summary>Small scenarios and runs shared by the engine tests: one or two small regions, few years.</summary>
internal static class EngineHarness
{
    /// <summary>One developing region of 20 zones over 10 years; shocks as in the defaults.</summary>
    public static Scenario Small(params PolicyVariant[] variants) => new()
    {
        Name = "t",
        World = new WorldSpec { Regions = [new RegionSpec("A", CapacityClass.Developing, 20)] },
        HorizonYears = 10,
        Replications = 4,
        Seed = 7,
        Variants = [.. variants],
    };

    /// <summary>Two regions of different capacity, so competitive rounds have several bidders.</summary>
    public static Scenario TwoRegions(params PolicyVariant[] variants) => Small(variants) with
    {
        World = new WorldSpec
        {
            Regions = [new RegionSpec("A", CapacityClass.Established, 12), new RegionSpec("B", CapacityClass.New, 10)],
        },
    };

    /// <summary>Default parameters without recessions, funding cuts or health shocks.</summary>
    public static ModelParameters NoShocks(ModelParameters? p = null)
    {
        p ??= new ModelParameters();
        return p with
        {
            Shocks = p.Shocks with { RecessionProbabilityPerYear = 0, FundingCutProbabilityPerYear = 0, HealthShockProbabilityPerYear = 0 },
        };
    }

    public static PolicyVariant Variant(string name, Settlement settlement, Func<PolicyLevers, PolicyLevers>? edit = null)
    {
        var levers = new PolicyLevers { Settlement = settlement };
        return new PolicyVariant(name, edit is null ? levers : edit(levers));
    }

    /// <summary>Runs one replication of every variant.</summary>
    public static ReplicationResult Run(Scenario scenario, int replication = 0,
        Action<int, int, WorldState, MoneyLedger>? observer = null, ReplicationRunner? runner = null)
    {
        runner ??= new ReplicationRunner(scenario);
        runner.YearObserver = observer;
        var result = ReplicationResult.For(scenario);
        runner.Run(replication, result);
        return result;
    }

    /// <summary>An outcome summed over replications 0..n−1 for one variant.</summary>
    public static double SumOverReplications(Scenario scenario, int replications, int variant, int outcome)
    {
        var runner = new ReplicationRunner(scenario);
        double sum = 0;
        for (int rep = 0; rep < replications; rep++) sum += Run(scenario, rep, runner: runner).Get(variant, outcome);
        return sum;
    }
}
