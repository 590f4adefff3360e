using Newtonsoft.Json.Linq;
using UrbanSim.Core.Engine;
using UrbanSim.Core.Health;
using UrbanSim.Core.Outcomes;
using UrbanSim.Core.Programmes;
using UrbanSim.Core.Scenarios;
using UrbanSim.Core.Settlements;
using UrbanSim.Core.World;
using UrbanSim.Runner.Batch;
using UrbanSim.Runner.Output;

namespace UrbanSim.Runner.Tests.Extending;

/// <summary>
/// The recipes of docs/extending.md, followed through the public catalogue: a toy programme and a toy outcome added
/// in code reach summary.json, so the recipe cannot go stale.
/// </summary>
public class ExtendingTests
{
    /// <summary>docs/extending.md's example programme: street trees, paid from regeneration money, greening zones.</summary>
    private static readonly ProgrammeDefinition StreetTrees = new()
    {
        Name = "street_trees",
        Label = "Street trees",
        Description = "Street trees and pocket parks: more greenness near homes",
        Theme = Theme.Regeneration,
        Delivery = DeliveryKind.AreaSchemes,
        LagYears = _ => 1,
        SchemeDoseGbpPerHead = _ => 50,
        DepreciationPerYear = _ => 0.03,
        OtherBenefitPerGbp = _ => 2.0,
        ExposureEffects = [new ExposureEffect(Exposure.GreenSpace, EffectSize.Amount, _ => 0.05, _ => 60)],
        Source = "Toy programme of docs/extending.md",
    };

    /// <summary>docs/extending.md's example outcome: the population-weighted mean greenness in the final year.</summary>
    private static readonly OutcomeDefinition MeanGreenness = new("green_space_ndvi_mean", "NDVI", Better.Higher,
        "Population-weighted mean residential greenness in the final year, NDVI")
    {
        Measure = c =>
        {
            double people = 0, weighted = 0;
            for (int z = 0; z < c.ZoneCount; z++)
            {
                people += c.Population(z);
                weighted += c.Population(z) * c.ExposureLevel(Exposure.GreenSpace, z);
            }
            return weighted / people;
        },
    };

    private static Scenario Toy(ModelCatalogue catalogue) => new()
    {
        Name = "extending",
        World = new WorldSpec { Regions = [new RegionSpec("A", CapacityClass.Developing, 20), new RegionSpec("B", CapacityClass.New, 15)] },
        HorizonYears = 8,
        Replications = 6,
        Seed = 3,
        Variants =
        [
            new PolicyVariant("tied_grants", new PolicyLevers { Settlement = SettlementCatalogue.TiedGrants }),
            new PolicyVariant("single_pot", new PolicyLevers { Settlement = SettlementCatalogue.SinglePot, MissionCommitment = 0.3 }),
        ],
        Catalogue = catalogue,
    };

    private static JObject Summary(Scenario scenario)
    {
        var layout = RecordLayout.For(scenario);
        var batch = new BatchAccumulator(layout);
        var row = new double[layout.Width];
        MonteCarloBatch.Run(scenario, 0, scenario.Replications, 2, result =>
        {
            layout.Flatten(result, row);
            batch.Add(result.Replication, row);
        });
        return JObject.Parse(SummaryWriter.ToJson(scenario, batch, scenario.Replications));
    }

    [Fact]
    public void ProgrammeAndOutcomeAddedThroughTheCatalogue_ReachSummaryJson()
    {
        var catalogue = ModelCatalogue.Standard.WithProgramme(StreetTrees).WithOutcome(MeanGreenness);
        var summary = Summary(Toy(catalogue));

        foreach (string variant in new[] { "tied_grants", "single_pot" })
        {
            var outcomes = (JObject)summary["outcomes"]![variant]!;
            double spend = (double)outcomes["spend_street_trees_gbp"]!["mean"]!;
            Assert.True(spend > 0, $"{variant}: mayors never spent on the added programme");
            double greenness = (double)outcomes["green_space_ndvi_mean"]!["mean"]!;
            Assert.InRange(greenness, 0.05, 0.8);
            Assert.NotNull(summary["paired_differences"]!["single_pot"]!["green_space_ndvi_mean"]);
        }
        // The programme changes what it says it changes: greener than the same world without it.
        var without = Summary(Toy(ModelCatalogue.Standard.WithOutcome(MeanGreenness)));
        Assert.True((double)summary["outcomes"]!["single_pot"]!["green_space_ndvi_mean"]!["mean"]!
                    > (double)without["outcomes"]!["single_pot"]!["green_space_ndvi_mean"]!["mean"]!);
        Assert.Null(without["outcomes"]!["single_pot"]!["spend_street_trees_gbp"]);
    }

    [Fact]
    public void Catalogue_RefusesAProgrammeOrOutcomeThatCannotWork()
    {
        Assert.Throws<ArgumentException>(() => ModelCatalogue.Standard.WithProgramme(StreetTrees with { Name = "active_travel" }));
        Assert.Throws<ArgumentException>(() => ModelCatalogue.Standard.WithProgramme(StreetTrees with { ExposureEffects = [] }));
        Assert.Throws<ArgumentException>(() => ModelCatalogue.Standard.WithOutcome(MeanGreenness with { Measure = null }));
        Assert.Throws<ArgumentException>(() => ModelCatalogue.Standard.WithOutcome(MeanGreenness with { Name = "hle_years" }));
    }
}
