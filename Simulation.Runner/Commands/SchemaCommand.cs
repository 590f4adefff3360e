using UrbanSim.Runner.Output;
using UrbanSim.Runner.Scenarios;

namespace UrbanSim.Runner.Commands;

/// <summary>
/// <c>urbansim schema [--out FILE]</c>: prints the JSON Schema of scenario files (<see cref="ScenarioSchema"/>),
/// or writes it atomically to FILE. The bundled copy is <c>scenarios/scenario.schema.json</c>.
/// </summary>
public static class SchemaCommand
{
    public static int Run(string? outPath, TextWriter stdout, TextWriter stderr)
    {
        string json = ScenarioSchema.ToJson();
        if (outPath is null)
        {
            stdout.Write(json);
            return ExitCodes.Ok;
        }
        try
        {
            AtomicFile.WriteAllText(outPath, json);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"{outPath}: cannot write the schema ({e.Message.TrimEnd('.')}). Fix: give --out a file in a folder that exists and that you may write to; nothing was written.");
            return ExitCodes.Usage;
        }
        stdout.WriteLine($"Wrote {outPath}");
        return ExitCodes.Ok;
    }
}
