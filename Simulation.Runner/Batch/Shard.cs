using System.Globalization;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using UrbanSim.Runner.Output;

namespace UrbanSim.Runner.Batch;

/// <summary>
/// One of <see cref="Count"/> deterministic slices of a run's replications (1-based <see cref="Index"/>):
/// the contiguous range [⌊(K−1)·R/N⌋, ⌊K·R/N⌋). The slices of 1/N … N/N cover 0..R exactly once.
/// </summary>
internal readonly record struct ShardSpec(int Index, int Count)
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

/// <summary>Which command made a shard: a Monte Carlo run (slices of replications), a sensitivity analysis (slices of points) or an evaluation of a design (slices of its rows).</summary>
internal enum ShardKind { Run, Sensitivity, Evaluation }

/// <summary>
/// The record a shard leaves in its output folder (<c>shard.json</c>, next to <c>chunks/</c>): which slice it is
/// and what run it belongs to. <c>urbansim merge</c> reads it to check the shards fit together. A run's shard
/// slices replications ("urbansim-shard/1"); a sensitivity analysis's slices its points ("urbansim-sensitivity-shard/1").
/// </summary>
internal sealed record ShardRecord
{
    public const string FileName = "shard.json";
    public const string RunFormat = "urbansim-shard/1";
    public const string SensitivityFormat = "urbansim-sensitivity-shard/1";
    public const string EvaluationFormat = "urbansim-evaluate-shard/1";

    public ShardKind Kind { get; init; } = ShardKind.Run;
    public required int Shard { get; init; }
    public required int Shards { get; init; }
    /// <summary>The slice [First, End) of the replications (run) or points (sensitivity).</summary>
    public required int First { get; init; }
    public required int End { get; init; }
    /// <summary>All replications (run) or points (sensitivity) of the study, over every shard.</summary>
    public required int Total { get; init; }
    /// <summary>How many of the slice's replications or points are on disk.</summary>
    public required int Done { get; init; }
    /// <summary>Sobol base samples (--samples) of a sensitivity shard; null for a run's.</summary>
    public int? Samples { get; init; }
    public required ulong Seed { get; init; }
    /// <summary>Replications per design row (--reps) of an evaluation shard; null for the others.</summary>
    public int? ReplicationsPerRow { get; init; }
    /// <summary>An evaluation shard's design file as typed, its absolute path (merge reads it) and its SHA-256; null for the others.</summary>
    public string? DesignPath { get; init; }
    public string? DesignFullPath { get; init; }
    public string? DesignSha256 { get; init; }
    /// <summary>Whether an evaluation shard was asked for results_by_replication.csv (--per-replication).</summary>
    public bool PerReplication { get; init; }
    public required string RunKey { get; init; }
    /// <summary>The scenario path as typed (it goes into the merged manifest, as in a single run).</summary>
    public required string ScenarioPath { get; init; }
    /// <summary>The scenario's absolute path, from which merge loads it.</summary>
    public required string ScenarioFullPath { get; init; }
    public required string ScenarioSha256 { get; init; }
    public required string ToolVersion { get; init; }
    /// <summary>The vector instruction set the slice was computed with (<see cref="Core.Numerics.InstructionSet"/>); "unknown" in records that predate it.</summary>
    public string InstructionSet { get; init; } = Core.Numerics.InstructionSet.Current;

    public string Format => Kind switch { ShardKind.Run => RunFormat, ShardKind.Sensitivity => SensitivityFormat, _ => EvaluationFormat };
    /// <summary>The command that makes such shards: "run", "sensitivity" or "evaluate".</summary>
    public string Command => Kind switch { ShardKind.Run => "run", ShardKind.Sensitivity => "sensitivity", _ => "evaluate" };
    /// <summary>What the slices divide, singular: "replication", "point" or "row".</summary>
    public string Item => ItemOf(Kind);
    public static string ItemOf(ShardKind kind) => kind switch { ShardKind.Run => "replication", ShardKind.Sensitivity => "point", _ => "row" };
    public string Items => Item + "s";
    public bool Complete => Done == End - First;
    public ShardSpec Spec => new(Shard, Shards);

    /// <summary>A record for <paramref name="scenarioPath"/> (as typed): its full path, SHA-256 and this tool's version filled in.</summary>
    public static ShardRecord For(ShardKind kind, ShardSpec shard, int first, int end, int total, int done, int? samples, ulong seed, string runKey, string scenarioPath) => new()
    {
        Kind = kind, Shard = shard.Index, Shards = shard.Count, First = first, End = end, Total = total, Done = done, Samples = samples,
        Seed = seed, RunKey = runKey, ScenarioPath = scenarioPath, ScenarioFullPath = Path.GetFullPath(scenarioPath),
        ScenarioSha256 = Manifest.Sha256OfFile(scenarioPath), ToolVersion = Manifest.ToolVersion,
    };

    /// <summary>The command that finishes this shard's missing chunks.</summary>
    public string ResumeCommand(string directory) => Kind == ShardKind.Evaluation
        ? string.Create(CultureInfo.InvariantCulture,
            $"urbansim evaluate {ScenarioPath} --design {DesignPath} --reps {ReplicationsPerRow} --seed {Seed} --shard {Shard}/{Shards}{(PerReplication ? " --per-replication" : "")} --out {directory} --resume")
        : string.Create(CultureInfo.InvariantCulture,
            $"urbansim {Command} {ScenarioPath} {(Kind == ShardKind.Run ? $"--reps {Total}" : $"--samples {Samples}")} --seed {Seed} --shard {Shard}/{Shards} --out {directory} --resume");

    public string ToJson()
    {
        var o = new JObject
        {
            ["format"] = Format,
            ["shard"] = Shard,
            ["shards"] = Shards,
            [$"first_{Item}"] = First,
            [$"end_{Item}"] = End,
            [Items] = Total,
            [$"{Items}_done"] = Done,
            ["complete"] = Complete,
        };
        if (Samples is { } samples) o["samples"] = samples;
        o["seed"] = Seed;
        if (Kind == ShardKind.Evaluation)
        {
            o["replications_per_row"] = ReplicationsPerRow;
            o["per_replication"] = PerReplication;
            o["design"] = DesignPath;
            o["design_full_path"] = DesignFullPath;
            o["design_sha256"] = DesignSha256;
        }
        o["run_key"] = RunKey;
        o["scenario"] = ScenarioPath;
        o["scenario_full_path"] = ScenarioFullPath;
        o["scenario_sha256"] = ScenarioSha256;
        o["tool_version"] = ToolVersion;
        o["instruction_set"] = InstructionSet;
        return o.ToString(Formatting.Indented).ReplaceLineEndings("\n") + "\n";
    }

    /// <summary>
    /// Reads <c>DIR/shard.json</c>; null with a reason when it is absent, malformed, incomplete or inconsistent (a field out
    /// of range, a slice that is not slice K of N), located as file:line:column: field (<see cref="ShardRecordFile"/>).
    /// </summary>
    public static ShardRecord? TryRead(string directory, out string? problem) => ShardRecordFile.Read(directory, out problem);

    public void Write(string directory) => AtomicFile.WriteAllText(Path.Combine(directory, FileName), ToJson());
}
