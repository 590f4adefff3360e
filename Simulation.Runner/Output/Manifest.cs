using System.Globalization;
using System.Reflection;
using System.Runtime.InteropServices;
using Newtonsoft.Json;

namespace UrbanSim.Runner.Output;

/// <summary>Provenance of a run, written as manifest.json: what ran, on what, when, and what it wrote.</summary>
internal sealed record Manifest
{
    public required string ScenarioPath { get; init; }
    public required string ScenarioSha256 { get; init; }
    public required string RunKey { get; init; }
    public required ulong Seed { get; init; }
    public required int Replications { get; init; }
    public required int ReplicationsDone { get; init; }
    public required int Threads { get; init; }
    public required DateTimeOffset Started { get; init; }
    public required DateTimeOffset Finished { get; init; }
    /// <summary>Output file name → SHA-256 of its bytes.</summary>
    public required IReadOnlyList<(string File, string Sha256)> Files { get; init; }
    /// <summary>The scenario as run, for its variants' names, labels and levers (recorded in <c>variant_settings</c>); none when null.</summary>
    public Core.Scenarios.Scenario? Scenario { get; init; }
    /// <summary>The vector instruction set the replications were computed with ("mixed: …" for a merge allowed to mix them).</summary>
    public string InstructionSet { get; init; } = UrbanSim.Core.Numerics.InstructionSet.Current;

    /// <summary>The tool's version, e.g. "0.2.0+3f2a…" (the part after '+' is the git commit it was built from).</summary>
    public static string ToolVersion =>
        typeof(Manifest).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    public static string GitCommit => ToolVersion.Contains('+', StringComparison.Ordinal) ? ToolVersion[(ToolVersion.IndexOf('+', StringComparison.Ordinal) + 1)..] : "unknown";

    public string ToJson()
    {
        var sb = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        using (var w = new JsonTextWriter(sb) { Formatting = Formatting.Indented })
        {
            w.WriteStartObject();
            Write(w, "tool", "urbansim");
            Write(w, "tool_version", ToolVersion);
            Write(w, "git_commit", GitCommit);
            Write(w, "instruction_set", InstructionSet);
            Write(w, "scenario", ScenarioPath);
            Write(w, "scenario_sha256", ScenarioSha256);
            Write(w, "run_key", RunKey);
            w.WritePropertyName("seed"); w.WriteValue(Seed);
            w.WritePropertyName("replications"); w.WriteValue(Replications);
            w.WritePropertyName("replications_done"); w.WriteValue(ReplicationsDone);
            w.WritePropertyName("complete"); w.WriteValue(ReplicationsDone == Replications);
            w.WritePropertyName("threads"); w.WriteValue(Threads);
            if (Scenario is not null) VariantSettings.Write(w, Scenario);
            // Results from England's real places are published with the Open Government Licence attribution.
            if (Scenario?.World.DataAttribution is { } attribution) { w.WritePropertyName("data_attribution"); w.WriteValue(attribution); }
            Write(w, "started_utc", Started.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture));
            Write(w, "finished_utc", Finished.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture));
            w.WritePropertyName("wall_seconds"); w.WriteRawValue((Finished - Started).TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture));
            WriteMachine(w);
            w.WritePropertyName("files");
            w.WriteStartObject();
            foreach (var (file, sha) in Files) Write(w, file, sha);
            w.WriteEndObject();
            w.WriteEndObject();
        }
        return sb + "\n";
    }

    /// <summary>Writes the "machine" property: host, OS, CPU, cores, memory and .NET version (shared by every command's manifest).</summary>
    internal static void WriteMachine(JsonWriter w)
    {
        w.WritePropertyName("machine");
        w.WriteStartObject();
        Write(w, "host", Environment.MachineName);
        Write(w, "os", RuntimeInformation.OSDescription);
        Write(w, "architecture", RuntimeInformation.OSArchitecture.ToString());
        Write(w, "cpu", CpuModel());
        w.WritePropertyName("logical_cores"); w.WriteValue(Environment.ProcessorCount);
        w.WritePropertyName("memory_gib"); w.WriteRawValue((GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (double)(1L << 30)).ToString("0.0", CultureInfo.InvariantCulture));
        Write(w, "dotnet", RuntimeInformation.FrameworkDescription);
        w.WriteEndObject();
    }

    private static void Write(JsonWriter w, string name, string value) { w.WritePropertyName(name); w.WriteValue(value); }

    private static string CpuModel()
    {
        try
        {
            if (File.Exists("/proc/cpuinfo"))
                foreach (string line in File.ReadLines("/proc/cpuinfo"))
                    if (line.StartsWith("model name", StringComparison.Ordinal)) return line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
        }
        catch (IOException) { }
        return RuntimeInformation.ProcessArchitecture.ToString();
    }

    /// <summary>SHA-256 of a file, lower-case hex.</summary>
    public static string Sha256OfFile(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(stream));
    }
}
