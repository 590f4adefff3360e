using UrbanSim.Core.Scenarios;

namespace UrbanSim.Core.Tests.Scenarios;

/// <summary>Variants carry a human label, declared once in the scenario (or derived from the name) and read everywhere.</summary>
public sealed class VariantLabelTests : IDisposable
{
    private readonly TempFolder _temp = new("labels");

    public void Dispose() => _temp.Dispose();

    private ScenarioLoadResult Load(string variants) => ScenarioLoader.LoadFile(_temp.Write("s.json", $$"""
        {
          "name": "labels",
          "world": { "regions": [ { "name": "R", "capacity": "developing", "zones": 6 } ] },
          "variants": {{variants}}
        }
        """));

    [Theory]
    [InlineData("single_pot", "Single pot")]
    [InlineData("single_pot_icb_partnership", "Single pot ICB partnership")]
    [InlineData("health_devolution", "Health devolution")]
    [InlineData("nhs_first", "NHS first")]
    [InlineData("a", "A")]
    public void Label_WithoutALabelKey_IsTheNameInWords(string name, string expected) =>
        Assert.Equal(expected, new PolicyVariant(name, new PolicyLevers()).Label);

    [Fact]
    public void Label_FromTheScenariosLabelKey_ReplacesTheDefault()
    {
        var loaded = Load("""[ { "name": "tied_grants", "label": "Today's grants" }, { "name": "single_pot" } ]""");
        Assert.True(loaded.IsValid, string.Join("\n", loaded.Problems));
        Assert.Equal(["Today's grants", "Single pot"], loaded.Scenario!.Variants.Select(v => v.Label));
    }

    [Fact]
    public void Label_DoesNotChangeTheRunsIdentity_SoRelabellingKeepsResumableChunks()
    {
        var a = new PolicyVariant("x", new PolicyLevers());
        string json(PolicyVariant v) => Newtonsoft.Json.JsonConvert.SerializeObject(v);
        Assert.Equal(json(a), json(a with { Label = "Another label" }));
    }

    [Fact]
    public void TwoVariantsWithTheSameLabel_AreRefused_WithAFix()
    {
        var loaded = Load("""[ { "name": "a", "label": "Same" }, { "name": "b", "label": "Same" } ]""");
        var problem = Assert.Single(loaded.Problems);
        Assert.Equal("variants[1].label", problem.JsonPath);
        Assert.Contains("both be labelled 'Same'", problem.Message);
        Assert.Contains("different \"label\"", problem.Fix);
    }

    [Fact]
    public void ALabelLongerThanTheLimit_IsRefused()
    {
        var loaded = Load($$"""[ { "name": "a", "label": "{{new string('x', ScenarioLoader.MaxLabelLength + 1)}}" } ]""");
        var problem = Assert.Single(loaded.Problems);
        Assert.Equal("variants[0].label", problem.JsonPath);
        Assert.Contains($"more than {ScenarioLoader.MaxLabelLength}", problem.Message);
    }

    [Fact]
    public void AnEmptyLabel_IsRefused()
    {
        var problem = Assert.Single(Load("""[ { "name": "a", "label": " " } ]""").Problems);
        Assert.Equal("variants[0].label", problem.JsonPath);
    }
}
