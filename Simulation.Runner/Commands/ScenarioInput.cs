using UrbanSim.Core.Scenarios;

namespace UrbanSim.Runner.Commands;

/// <summary>Loading a scenario for a command: every problem printed to stderr, then a closing count.</summary>
internal static class ScenarioInput
{
    /// <summary>
    /// The validated scenario, or null after printing every problem and "N problem(s) in FILE" followed by
    /// <paramref name="consequence"/> (e.g. "; nothing was run or written").
    /// </summary>
    public static Scenario? Load(string path, TextWriter stderr, string consequence = "")
    {
        var loaded = ScenarioLoader.LoadFile(path);
        if (loaded.IsValid) return loaded.Scenario!;
        foreach (var problem in loaded.Problems.Take(MaxPrinted)) stderr.WriteLine(problem);
        if (loaded.Problems.Count > MaxPrinted) stderr.WriteLine($"… and {loaded.Problems.Count - MaxPrinted:N0} more; fix these first.");
        stderr.WriteLine($"{loaded.Problems.Count:N0} problem(s) in {path}{consequence}.");
        return null;
    }

    /// <summary>Problems printed before the rest are only counted (a zones CSV of the wrong kind can have one per line).</summary>
    public const int MaxPrinted = 100;
}
