using System.Text;
using UrbanSim.Core.Scenarios;
using UrbanSim.Runner.Batch;
using UrbanSim.Runner.Output;
using UrbanSim.Runner.Sensitivity;

namespace UrbanSim.Runner.Evaluate;

/// <summary>
/// <c>results.csv</c> (one row per design row: <c>row</c>, the design's cells as written, then for each variant and
/// outcome the mean over the replications, and its standard deviation when there are several) and, when asked,
/// <c>results_by_replication.csv</c> (one row per design row and replication), streamed: rows are appended in design
/// order as the chunks holding them are done, and flushed, so a partial file is usable. Chunks may be done out of order
/// (on resume, some were on disk already); a row is written once every row before it has been.
/// </summary>
internal sealed class EvaluationResults : IDisposable
{
    public const string FileName = "results.csv";
    public const string ByReplicationFileName = "results_by_replication.csv";

    private readonly Scenario _scenario;
    private readonly Design _design;
    private readonly DesignModel _model;
    private readonly string _runKey;
    private readonly StreamWriter _results;
    private readonly StreamWriter? _byReplication;
    private readonly SortedDictionary<int, ChunkStore.Entry> _waiting = [];
    private int _next;

    /// <summary>Starts the files in <paramref name="outDir"/> (replacing any), for design rows from <paramref name="first"/> on.</summary>
    public EvaluationResults(string outDir, Scenario scenario, Design design, DesignModel model, string runKey, int first, bool byReplication)
    {
        _scenario = scenario;
        _design = design;
        _model = model;
        _runKey = runKey;
        _next = first;
        _results = Open(Path.Combine(outDir, FileName));
        _results.WriteLine(string.Join(',', Columns(scenario, design, model.Replications)));
        if (byReplication)
        {
            _byReplication = Open(Path.Combine(outDir, ByReplicationFileName));
            _byReplication.WriteLine(string.Join(',', ByReplicationColumns(scenario, design)));
        }
        Flush();
    }

    /// <summary>Rows written so far end before this design row (0-based).</summary>
    public int Next => _next;

    private static StreamWriter Open(string path) => new(new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read), new UTF8Encoding(false)) { NewLine = "\n" };

    /// <summary>The name of the column holding the mean of <paramref name="outcome"/> in <paramref name="variant"/>.</summary>
    public static string MeanColumn(string variant, string outcome) => $"{variant}.{outcome}";

    /// <summary>The name of the column holding its standard deviation over the replications.</summary>
    public static string SdColumn(string variant, string outcome) => $"{variant}.{outcome}.sd";

    public static IEnumerable<string> Columns(Scenario scenario, Design design, int replications)
    {
        yield return "row";
        foreach (var c in design.Columns) yield return Csv.Text(c.Name);
        foreach (var v in scenario.Variants)
            foreach (var o in scenario.Catalogue.Outcomes.All)
            {
                yield return MeanColumn(v.Name, o.Name);
                if (replications > 1) yield return SdColumn(v.Name, o.Name);
            }
    }

    public static IEnumerable<string> ByReplicationColumns(Scenario scenario, Design design)
    {
        yield return "row";
        yield return "replication";
        foreach (var c in design.Columns) yield return Csv.Text(c.Name);
        foreach (var v in scenario.Variants)
            foreach (var o in scenario.Catalogue.Outcomes.All) yield return MeanColumn(v.Name, o.Name);
    }

    /// <summary>Offers a chunk that is on disk; writes it and any waiting after it when it is the next in design order.</summary>
    public void Add(ChunkStore.Entry chunk)
    {
        _waiting[chunk.First] = chunk;
        while (_waiting.Remove(_next, out var entry))
        {
            Write(entry);
            _next = entry.End;
        }
        Flush();
    }

    private void Write(ChunkStore.Entry entry)
    {
        int outputs = _model.Outputs.Count;
        var chunk = PointChunk.TryRead(entry.Path, out string? problem)
                    ?? throw new IOException($"{entry.Path}: {problem} (it was valid moments ago; is something else writing to the folder?)");
        if (chunk.RunKey != _runKey || chunk.First != entry.First || chunk.End != entry.End || chunk.Outputs != outputs)
            throw new IOException($"{entry.Path}: no longer the chunk of these design rows {entry.First + 1}–{entry.End} (is something else writing to the folder?)");
        int k = _design.Columns.Length, reps = _model.Replications, variants = _model.Variants, outcomes = _model.OutcomeCount;
        var line = new StringBuilder();
        for (int p = 0; p < chunk.Count; p++)
        {
            int row = chunk.First + p;
            var values = chunk.Values.AsSpan(p * outputs, outputs);
            string cells = Cells(row, k);
            line.Clear().Append(Csv.Whole(row + 1)).Append(cells);
            for (int v = 0; v < variants; v++)
                for (int o = 0; o < outcomes; o++)
                {
                    double sum = 0;
                    for (int r = 0; r < reps; r++) sum += values[_model.Index(r, v, o)];
                    double mean = sum / reps;
                    line.Append(',').Append(Csv.Number(mean));
                    if (reps < 2) continue;
                    double squares = 0;
                    for (int r = 0; r < reps; r++) { double d = values[_model.Index(r, v, o)] - mean; squares += d * d; }
                    line.Append(',').Append(Csv.Number(Math.Sqrt(squares / (reps - 1))));
                }
            _results.WriteLine(line);
            if (_byReplication is null) continue;
            for (int r = 0; r < reps; r++)
            {
                line.Clear().Append(Csv.Whole(row + 1)).Append(',').Append(Csv.Whole(r)).Append(cells);
                for (int v = 0; v < variants; v++)
                    for (int o = 0; o < outcomes; o++) line.Append(',').Append(Csv.Number(values[_model.Index(r, v, o)]));
                _byReplication.WriteLine(line);
            }
        }
    }

    /// <summary>
    /// The design's cells of <paramref name="row"/>, each after a comma, as written in the design file: each is a number
    /// (checked when the design was read), so it needs no quoting, and a sign is not a spreadsheet formula.
    /// </summary>
    private string Cells(int row, int k)
    {
        var sb = new StringBuilder();
        for (int c = 0; c < k; c++) sb.Append(',').Append(_design.Cells[row * k + c]);
        return sb.ToString();
    }

    private void Flush()
    {
        _results.Flush();
        _byReplication?.Flush();
    }

    public void Dispose()
    {
        _results.Dispose();
        _byReplication?.Dispose();
    }
}
