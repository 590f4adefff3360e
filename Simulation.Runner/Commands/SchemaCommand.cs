using UrbanSim.Runner.Output;
using UrbanSim.Runner.Scenarios;

namespace UrbanSim.Runner.Commands;

/// <summary>
/// <c>urbansim schema [--out FILE]</c>: prints the JSON Schema of scenario files (<see cref="ScenarioSchema"/>),
/// or writes it atomically to FILE. The bundled copy is <c>scenarios/scenario.schema.json</c>.
/// </summary>
internal static class SchemaCommand
{
    public static int Run(string? outPath, TextWriter stdout, TextWriter stderr)
    {
        string json = ScenarioSchema.ToJson();
        if (outPath is null)
        {
            stdout.Write(json);
            return ExitCodes.Ok;
        }
        string? folder = Path.GetDirectoryName(Path.GetFullPath(outPath));
        if (Directory.Exists(outPath) || (folder is not null && !Directory.Exists(folder)))
        {
            stderr.WriteLine($"{outPath}: cannot write the schema ({(Directory.Exists(outPath) ? "it is a folder" : $"the folder {folder} does not exist")}). Fix: give --out a file in a folder that exists; nothing was written.");
            return ExitCodes.InvalidInput;
        }
        try
        {
            AtomicFile.WriteAllText(outPath, json);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The path was fine; the write failed (a full disk, no permission): an I/O failure, as for every command.
            stderr.WriteLine($"{outPath}: writing the schema failed ({e.Message.TrimEnd('.')}). Fix: free some space or choose a folder you may write to; nothing was written.");
            return ExitCodes.WriteFailed;
        }
        stdout.WriteLine($"Wrote {outPath}");
        return ExitCodes.Ok;
    }
}
