using Newtonsoft.Json;
using UrbanSim.Core.Scenarios;

namespace UrbanSim.Runner.Commands;

/// <summary>How <c>urbansim validate</c> reports: lines for people, or one JSON document for editors and scripts.</summary>
internal enum ValidateFormat
{
    /// <summary><c>file:line:column: path: problem. Fix: …</c> on stderr; a one-line description on stdout when valid.</summary>
    Text,
    /// <summary><c>{"file", "valid", "problem_count", "problems": [{"file", "line", "column", "path", "message", "fix"}]}</c> on stdout.</summary>
    Json,
}

/// <summary><c>urbansim validate</c>: reports every problem in a scenario at once; exit 0 when valid.</summary>
internal static class ValidateCommand
{
    public static int Run(string scenarioPath, TextWriter stdout, TextWriter stderr, ValidateFormat format = ValidateFormat.Text)
    {
        if (format == ValidateFormat.Json) return RunJson(scenarioPath, stdout);
        if (ScenarioInput.Load(scenarioPath, stderr) is not { } s) return ExitCodes.InvalidInput;
        stdout.WriteLine($"{scenarioPath} is valid: '{s.Name}', {s.World.ZoneCount} zones, {s.HorizonYears} years from {s.StartYear}, " +
                         $"{s.Variants.Length} variants ({string.Join(", ", s.Variants.Select(v => v.Name))}), {s.Uncertain.Length} uncertain parameters, {s.Replications} replications, seed {s.Seed}.");
        return ExitCodes.Ok;
    }

    /// <summary>
    /// The problems as one JSON document on stdout, the result an editor or a script reads; nothing on stderr. A line or
    /// column that is unknown (a missing file, say) is <c>null</c>; <c>path</c> is the JSON path, empty for the whole
    /// file. At most <see cref="ScenarioInput.MaxPrinted"/> problems are listed, as in the text format;
    /// <c>problem_count</c> counts them all.
    /// </summary>
    private static int RunJson(string scenarioPath, TextWriter stdout)
    {
        var loaded = ScenarioLoader.LoadFile(scenarioPath);
        using (var w = new JsonTextWriter(stdout) { Formatting = Formatting.Indented, CloseOutput = false })
        {
            w.WriteStartObject();
            w.WritePropertyName("file"); w.WriteValue(scenarioPath);
            w.WritePropertyName("valid"); w.WriteValue(loaded.IsValid);
            w.WritePropertyName("problem_count"); w.WriteValue(loaded.Problems.Count);
            w.WritePropertyName("problems");
            w.WriteStartArray();
            foreach (var p in loaded.Problems.Take(ScenarioInput.MaxPrinted))
            {
                w.WriteStartObject();
                w.WritePropertyName("file"); w.WriteValue(p.File);
                w.WritePropertyName("line"); if (p.Line > 0) w.WriteValue(p.Line); else w.WriteNull();
                w.WritePropertyName("column"); if (p.Line > 0) w.WriteValue(Math.Max(p.Column, 1)); else w.WriteNull();
                w.WritePropertyName("path"); w.WriteValue(p.JsonPath);
                w.WritePropertyName("message"); w.WriteValue(p.Message.TrimEnd('.', ' '));
                w.WritePropertyName("fix"); w.WriteValue(p.Fix);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        stdout.WriteLine();
        return loaded.IsValid ? ExitCodes.Ok : ExitCodes.InvalidInput;
    }
}
