using UrbanSim.Core.Scenarios;

namespace UrbanSim.Core.Tests.Scenarios;

public class ValidationProblemTests
{
    [Fact]
    public void ToString_IsFileLineColumnPathMessageFix()
    {
        var p = new ValidationProblem("a.json", 3, 7, "population.people", "expected a number, found text \"x\"", "write a number");
        Assert.Equal("a.json:3:7: population.people: expected a number, found text \"x\". Fix: write a number", p.ToString());
    }

    [Fact]
    public void ToString_LeavesOutUnknownLocationAndPath()
    {
        var p = new ValidationProblem("missing.json", 0, 0, "", "file not found.", "check the path");
        Assert.Equal("missing.json: file not found. Fix: check the path", p.ToString());
    }
}

public class NameSuggestionTests
{
    private static readonly string[] Keys = ["walking_minutes_per_week", "cycling_minutes_per_week", "pm25_micrograms_per_m3", "people"];

    [Theory]
    [InlineData("walkng_minutes_per_week", "walking_minutes_per_week")]
    [InlineData("walking_minutes_per_wk", "walking_minutes_per_week")]
    [InlineData("Cycling_Minutes_Per_Week", "cycling_minutes_per_week")]
    [InlineData("peolpe", "people")] // adjacent swap counts as one edit
    [InlineData("pm25", null)]
    [InlineData("colour", null)]
    public void Nearest_SuggestsOnlyCloseNames(string given, string? expected) =>
        Assert.Equal(expected, NameSuggestion.Nearest(given, Keys));

    [Fact]
    public void Distance_CountsEdits()
    {
        Assert.Equal(0, NameSuggestion.Distance("abc", "ABC"));
        Assert.Equal(1, NameSuggestion.Distance("abc", "acb"));
        Assert.Equal(3, NameSuggestion.Distance("kitten", "sitting"));
        Assert.Equal(4, NameSuggestion.Distance("", "four"));
    }
}
