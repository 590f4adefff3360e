using System.Globalization;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using UrbanSim.Runner.Output;

namespace UrbanSim.Runner.Batch;

/// <summary>
/// One of <see cref="Count"/> deterministic slices of a run's replications (1-based <see cref="Index"/>):
/// the contiguous range [⌊(K−1)·R/N⌋, ⌊K·R/N⌋). The slices of 1/N … N/N cover 0..R exactly once.
/// </summary>
public readonly record struct ShardSpec(int Index, int Count)
{
    public (int First, int End) Range(int replications) =>
        ((int)((long)(Index - 1) * replications / Count), (int)((long)Index * replications / Count));

    public override string ToString() => $"{Index}/{Count}";

    /// <summary>Parses "K/N"; null with a reason when malformed or out of range (1 ≤ K ≤ N).</summary>
    public static ShardSpec? TryParse(string text, out string? problem)
    {
        problem = null;
        string[] parts = text.Split('/');
        if (parts.Length != 2
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int k)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int n))
        {
            problem = $"--shard must look like K/N (e.g. 3/8 for the third of eight slices), not '{text}'.";
            return null;
        }
        if (n < 1 || k < 1 || k > n)
        {
            problem = $"--shard {text}: K must be from 1 to N and N at least 1.";
            return null;
        }
        return new ShardSpec(k, n);
    }
}

/// <summary>
/// The record a sharded run leaves in its output folder (<c>shard.json</c>, next to <c>chunks/</c>): which
/// slice it is and what run it belongs to. <c>urbansim merge</c> reads it to check the shards fit together.
/// </summary>
public sealed record ShardRecord
{
    public const string FileName = "shard.json";
    public const string Format = "urbansim-shard/1";

    public required int Shard { get; init; }
    public required int Shards { get; init; }
    public required int First { get; init; }
    public required int End { get; init; }
    public required int Replications { get; init; }
    public required int ReplicationsDone { get; init; }
    public required ulong Seed { get; init; }
    public required string RunKey { get; init; }
    /// <summary>The scenario path as typed (it goes into the merged manifest, as in a single run).</summary>
    public required string ScenarioPath { get; init; }
    /// <summary>The scenario's absolute path, from which merge loads it.</summary>
    public required string ScenarioFullPath { get; init; }
    public required string ScenarioSha256 { get; init; }
    public required string ToolVersion { get; init; }

    public string ToJson()
    {
        var o = new JObject
        {
            ["format"] = Format,
            ["shard"] = Shard,
            ["shards"] = Shards,
            ["first_replication"] = First,
            ["end_replication"] = End,
            ["replications"] = Replications,
            ["replications_done"] = ReplicationsDone,
            ["complete"] = ReplicationsDone == End - First,
            ["seed"] = Seed,
            ["run_key"] = RunKey,
            ["scenario"] = ScenarioPath,
            ["scenario_full_path"] = ScenarioFullPath,
            ["scenario_sha256"] = ScenarioSha256,
            ["tool_version"] = ToolVersion,
        };
        return o.ToString(Formatting.Indented).ReplaceLineEndings("\n") + "\n";
    }

    /// <summary>Reads <c>DIR/shard.json</c>; null with a reason when it is absent, malformed or incomplete.</summary>
    public static ShardRecord? TryRead(string directory, out string? problem)
    {
        string path = Path.Combine(directory, FileName);
        problem = null;
        if (!File.Exists(path)) { problem = $"{directory}: no {FileName}; not the output folder of 'urbansim run --shard K/N'"; return null; }
        try
        {
            var o = JObject.Parse(File.ReadAllText(path));
            if ((string?)o["format"] != Format) { problem = $"{path}: not a shard record of this urbansim version (format '{(string?)o["format"]}', expected '{Format}')"; return null; }
            return new ShardRecord
            {
                Shard = (int)o["shard"]!,
                Shards = (int)o["shards"]!,
                First = (int)o["first_replication"]!,
                End = (int)o["end_replication"]!,
                Replications = (int)o["replications"]!,
                ReplicationsDone = (int)o["replications_done"]!,
                Seed = (ulong)o["seed"]!,
                RunKey = (string)o["run_key"]!,
                ScenarioPath = (string)o["scenario"]!,
                ScenarioFullPath = (string)o["scenario_full_path"]!,
                ScenarioSha256 = (string)o["scenario_sha256"]!,
                ToolVersion = (string)o["tool_version"]!,
            };
        }
        catch (Exception e) when (e is JsonException or InvalidCastException or ArgumentException or NullReferenceException or FormatException or OverflowException)
        {
            problem = $"{path}: damaged or incomplete ({e.Message.TrimEnd('.')})";
            return null;
        }
        catch (IOException e)
        {
            problem = $"{path}: cannot be read ({e.Message.TrimEnd('.')})";
            return null;
        }
    }

    public void Write(string directory) => AtomicFile.WriteAllText(Path.Combine(directory, FileName), ToJson());
}
