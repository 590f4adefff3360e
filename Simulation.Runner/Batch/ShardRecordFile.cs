using System.Globalization;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using UrbanSim.Core.Scenarios;

namespace UrbanSim.Runner.Batch;

/// <summary>
/// Reads a shard record (<c>shard.json</c>) as untrusted input: bounded in size, strict JSON, every field present, of its
/// type and in range, and the slice it names exactly slice K of N of the study. A problem is one line naming the file, line,
/// column and field, and how to fix it, as for a scenario; merge never meets a record it cannot act on safely.
/// </summary>
internal static class ShardRecordFile
{
    /// <summary>Largest shard record read; a real one is under 1 KB.</summary>
    public const long MaxBytes = 64 << 10;

    private const string Rerun = "the record was damaged or edited; rerun this shard with the command that made it (urbansim run, sensitivity or evaluate … --shard K/N --out this folder)";

    public static ShardRecord? Read(string directory, out string? problem)
    {
        string path = Path.Combine(directory, ShardRecord.FileName);
        problem = null;
        if (!File.Exists(path)) { problem = $"{directory}: no {ShardRecord.FileName}; not the output folder of a finished 'urbansim run --shard K/N', 'urbansim sensitivity --shard K/N' or 'urbansim evaluate --shard K/N'"; return null; }
        if (InputFile.TryReadText(path, MaxBytes, out string? readProblem) is not { } text)
        {
            problem = new ValidationProblem(path, 0, 0, "", readProblem!, Rerun).ToString().TrimEnd('.');
            return null;
        }
        if (StrictJson.Check(text, path, out _) is { } notJson) { problem = (notJson with { Fix = Rerun }).ToString().TrimEnd('.'); return null; }
        JObject o;
        try
        {
            using var reader = new JsonTextReader(new StringReader(text)) { DateParseHandling = DateParseHandling.None, FloatParseHandling = FloatParseHandling.Double };
            o = JToken.ReadFrom(reader, new JsonLoadSettings { LineInfoHandling = LineInfoHandling.Load }) as JObject
                ?? throw new JsonReaderException("the record is not a JSON object");
        }
        catch (JsonReaderException e)
        {
            problem = new ValidationProblem(path, e.LineNumber, e.LinePosition, "", $"malformed JSON: {e.Message}", Rerun).ToString().TrimEnd('.');
            return null;
        }

        var fields = new Fields(path, o);
        string? format = fields.Text("format");
        ShardKind kind = format == ShardRecord.RunFormat ? ShardKind.Run : format == ShardRecord.EvaluationFormat ? ShardKind.Evaluation : ShardKind.Sensitivity;
        if (format is not null && format != ShardRecord.RunFormat && format != ShardRecord.SensitivityFormat && format != ShardRecord.EvaluationFormat)
            fields.Problem("format", $"'{format}' is not a shard record of this urbansim version (expected '{ShardRecord.RunFormat}', '{ShardRecord.SensitivityFormat}' or '{ShardRecord.EvaluationFormat}')");
        string item = ShardRecord.ItemOf(kind);
        int maxTotal = kind == ShardKind.Run ? ScenarioLoader.MaxReplications : int.MaxValue;
        int shards = fields.Whole("shards", 1, int.MaxValue);
        int shard = fields.Whole("shard", 1, Math.Max(1, shards));
        int total = fields.Whole(item + "s", 1, maxTotal);
        int first = fields.Whole($"first_{item}", 0, Math.Max(0, total - 1));
        int end = fields.Whole($"end_{item}", first + 1, total);
        int done = fields.Whole($"{item}s_done", 0, Math.Max(0, end - first));
        int? samples = kind == ShardKind.Sensitivity ? fields.Whole("samples", 8, 1_000_000) : null;
        ulong seed = fields.Seed("seed");
        bool evaluation = kind == ShardKind.Evaluation;
        int? replicationsPerRow = evaluation ? fields.Whole("replications_per_row", 1, ScenarioLoader.MaxReplicationsPerSample) : null;
        bool perReplication = evaluation && fields.Flag("per_replication");
        string? design = evaluation ? fields.Text("design") : null, designFullPath = evaluation ? fields.Text("design_full_path") : null;
        string? designSha = evaluation ? fields.Text("design_sha256", hex: true) : null;
        string runKey = fields.Text("run_key", hex: true) ?? "";
        string scenario = fields.Text("scenario") ?? "", scenarioFullPath = fields.Text("scenario_full_path") ?? "";
        string scenarioSha = fields.Text("scenario_sha256", hex: true) ?? "", toolVersion = fields.Text("tool_version") ?? "";
        string instructionSet = o["instruction_set"] is null ? "unknown" : fields.Text("instruction_set") ?? "";
        if (fields.First is null && shards >= 1 && shard <= shards && (first, end) != new ShardSpec(shard, shards).Range(total))
        {
            var (f, e) = new ShardSpec(shard, shards).Range(total);
            fields.Problem($"first_{item}", string.Create(CultureInfo.InvariantCulture, $"{item}s {first}–{end - 1} are not slice {shard}/{shards} of {total} ({f}–{e - 1})"));
        }
        if (fields.First is { } bad) { problem = bad.ToString().TrimEnd('.'); return null; }
        return new ShardRecord
        {
            Kind = kind, Shard = shard, Shards = shards, First = first, End = end, Total = total, Done = done, Samples = samples, Seed = seed,
            ReplicationsPerRow = replicationsPerRow, PerReplication = perReplication, DesignPath = design, DesignFullPath = designFullPath, DesignSha256 = designSha,
            RunKey = runKey, ScenarioPath = scenario, ScenarioFullPath = scenarioFullPath, ScenarioSha256 = scenarioSha, ToolVersion = toolVersion,
            InstructionSet = instructionSet,
        };
    }

    /// <summary>Reads fields of the record, keeping the first problem found.</summary>
    private sealed class Fields(string path, JObject o)
    {
        public ValidationProblem? First { get; private set; }

        public void Problem(string field, string message, JToken? at = null)
        {
            if (First is not null) return;
            var info = (IJsonLineInfo?)(at ?? o[field]?.Parent ?? o);
            First = new ValidationProblem(path, info?.HasLineInfo() == true ? info.LineNumber : 0, info?.HasLineInfo() == true ? info.LinePosition : 0, field, message, Rerun);
        }

        public int Whole(string field, int min, int max)
        {
            var token = o[field];
            if (token is null) { Problem(field, "missing"); return min; }
            if (token.Type != JTokenType.Integer || !long.TryParse(token.ToString(Formatting.None), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long value))
            { Problem(field, $"expected a whole number, found {token.ToString(Formatting.None)}", token); return min; }
            if (value < min || value > max)
            { Problem(field, string.Create(CultureInfo.InvariantCulture, $"{value} is out of range ({min} to {max})"), token); return min; }
            return (int)value;
        }

        public bool Flag(string field)
        {
            var token = o[field];
            if (token is not null && token.Type == JTokenType.Boolean) return (bool)token;
            Problem(field, token is null ? "missing" : $"expected true or false, found {token.ToString(Formatting.None)}", token);
            return false;
        }

        public ulong Seed(string field)
        {
            var token = o[field];
            if (token is not null && token.Type == JTokenType.Integer && ulong.TryParse(token.ToString(Formatting.None), NumberStyles.None, CultureInfo.InvariantCulture, out ulong seed)) return seed;
            Problem(field, token is null ? "missing" : $"expected a seed from 0 to {ulong.MaxValue}, found {token.ToString(Formatting.None)}", token);
            return 0;
        }

        public string? Text(string field, bool hex = false)
        {
            var token = o[field];
            if (token is null) { Problem(field, "missing"); return null; }
            if (token.Type != JTokenType.String || string.IsNullOrEmpty((string?)token)) { Problem(field, $"expected a non-empty string, found {token.ToString(Formatting.None)}", token); return null; }
            string text = (string)token!;
            if (hex && (text.Length != 64 || !text.All(char.IsAsciiHexDigitLower))) { Problem(field, "expected 64 lower-case hexadecimal digits (a SHA-256)", token); return null; }
            return text;
        }
    }
}
