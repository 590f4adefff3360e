using UrbanSim.Core.Scenarios;
using UrbanSim.Core.World;

namespace UrbanSim.Core.Tests.World;

/// <summary>A world built from official open data carries the attribution its licence requires; a synthetic one none.</summary>
public class DataAttributionTests
{
    [Fact]
    public void EnglandsRealPlaces_CarryTheOpenGovernmentLicenceAttribution()
    {
        var loaded = ScenarioLoader.LoadFile(RepositoryRoot.File("scenarios", "england_mcas.json"));
        Assert.True(loaded.IsValid, string.Join("\n", loaded.Problems));
        Assert.StartsWith("Contains public sector information licensed under the Open Government Licence v3.0.", loaded.Scenario!.World.DataAttribution);
        Assert.Contains("Contains OS data © Crown copyright", loaded.Scenario.World.DataAttribution);
    }

    [Fact]
    public void SyntheticWorld_HasNoAttribution()
    {
        var loaded = ScenarioLoader.LoadFile(RepositoryRoot.File("scenarios", "reference.json"));
        Assert.Null(loaded.Scenario!.World.DataAttribution);
    }

    [Fact]
    public void Attribution_IsTheCommentLinesAboveTheHeaderThatBeginContains()
    {
        string[] lines =
        [
            "# Built by hand.", "# Contains public sector information licensed under the Open Government Licence v3.0.",
            "#Contains OS data © Crown copyright and database right 2020.", "zone_id,region", "# Contains nothing: below the header",
        ];
        Assert.Equal("Contains public sector information licensed under the Open Government Licence v3.0. Contains OS data © Crown copyright and database right 2020.",
            ZoneCsv.Attribution(lines, headerLine: 3));
        Assert.Null(ZoneCsv.Attribution(["# Built by hand.", "zone_id,region"], headerLine: 1));
    }
}
