using UrbanSim.Core.Scenarios;

namespace UrbanSim.Runner.Commands;

/// <summary>Loading a scenario for a command: every problem printed to stderr, then a closing count.</summary>
public static class ScenarioInput
{
    /// <summary>
    /// The validated scenario, or null after printing every problem and "N problem(s) in FILE" followed by
    /// <paramref name="consequence"/> (e.g. "; nothing was run or written").
    /// </summary>
    public static Scenario? Load(string path, TextWriter stderr, string consequence = "")
    {
        var loaded = ScenarioLoader.LoadFile(path);
        if (loaded.IsValid) return loaded.Scenario!;
        foreach (var problem in loaded.Problems) stderr.WriteLine(problem);
        stderr.WriteLine($"{loaded.Problems.Count} problem(s) in {path}{consequence}.");
        return null;
    }
}
