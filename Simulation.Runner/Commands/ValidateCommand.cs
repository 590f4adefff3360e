using UrbanSim.Core.Scenarios;

namespace UrbanSim.Runner.Commands;

/// <summary><c>urbansim validate</c>: reports every problem in a scenario at once; exit 0 when valid.</summary>
public static class ValidateCommand
{
    public static int Run(string scenarioPath, TextWriter stdout, TextWriter stderr)
    {
        if (ScenarioInput.Load(scenarioPath, stderr) is not { } s) return ExitCodes.InvalidInput;
        stdout.WriteLine($"{scenarioPath} is valid: '{s.Name}', {s.World.ZoneCount} zones, {s.HorizonYears} years from {s.StartYear}, " +
                         $"{s.Variants.Length} variants ({string.Join(", ", s.Variants.Select(v => v.Name))}), {s.Uncertain.Length} uncertain parameters, {s.Replications} replications, seed {s.Seed}.");
        return ExitCodes.Ok;
    }
}
