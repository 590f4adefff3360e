using System.Collections.Immutable;
using System.Globalization;
using System.Security.Cryptography;
using UrbanSim.Core.Scenarios;

namespace UrbanSim.Runner.Evaluate;

/// <summary>A column of a design: a numeric lever (as a scenario's <c>levers</c> block names it) or a model parameter path.</summary>
internal sealed record DesignColumn(string Name, LeverInfo? Lever, ParameterInfo? Parameter)
{
    public double Min => Lever?.Min ?? Parameter!.Min;
    public double Max => Lever?.Max ?? Parameter!.Max;
    public string Meaning => Lever?.Meaning ?? Parameter!.Meaning;
    public bool IsLever => Lever is not null;
}

/// <summary>
/// A design read from a CSV file, as SALib or EMA Workbench samples are written: one column per lever or parameter,
/// one row per point, every value checked against its allowed range.
/// </summary>
internal sealed class Design
{
    public required string Path { get; init; }
    public required ImmutableArray<DesignColumn> Columns { get; init; }
    /// <summary>Values [row * columns + column], as parsed.</summary>
    public required double[] Values { get; init; }
    /// <summary>The cells as written (trimmed), echoed in the results: [row * columns + column].</summary>
    public required string[] Cells { get; init; }

    public int Rows => Values.Length / Columns.Length;

    /// <summary>The values of row <paramref name="row"/> (0-based) as a point of the scenario.</summary>
    public static ScenarioPoint Point(ImmutableArray<DesignColumn> columns, ReadOnlySpan<double> values)
    {
        var levers = ImmutableArray.CreateBuilder<(LeverInfo, double)>();
        var parameters = ImmutableArray.CreateBuilder<(ParameterInfo, double)>();
        for (int c = 0; c < columns.Length; c++)
        {
            if (columns[c].Lever is { } lever) levers.Add((lever, values[c]));
            else parameters.Add((columns[c].Parameter!, values[c]));
        }
        return new ScenarioPoint(levers.ToImmutable(), parameters.ToImmutable());
    }

    /// <summary>SHA-256 of the column names and the values' exact bits: what the results depend on (not the cells' spelling).</summary>
    public string ContentSha256()
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(System.Text.Encoding.UTF8.GetBytes(string.Join('\t', Columns.Select(c => c.Name)) + "\n"));
        hash.AppendData(System.Runtime.InteropServices.MemoryMarshal.AsBytes(Values.AsSpan()));
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}

/// <summary>
/// Reads a design CSV as untrusted input: bounded in size; a header of distinct, known lever names and parameter paths;
/// every row with one cell per column, each a finite number within its column's allowed range. Every problem is found
/// at once, as <c>design.csv:line:column: column-name: problem. Fix: …</c>. Blank lines are skipped, as pandas skips them,
/// so design row i is the i-th non-blank row after the header, as in the DataFrame the sampler wrote.
/// </summary>
internal static class DesignFile
{
    /// <summary>Largest design file read: 64 MiB (a million rows of ten columns is about 200 MB; shard or split beyond).</summary>
    public const long MaxBytes = 64L << 20;

    /// <summary>Problems kept in full; more are only counted.</summary>
    public const int MaxProblemsKept = 1000;

    /// <summary>The names a design column may have: the numeric levers, then the parameter paths.</summary>
    public static IEnumerable<string> ValidNames => LeverPaths.Numeric.Select(l => l.Name).Concat(ParameterPaths.All.Select(p => p.Path));

    /// <summary>The design in <paramref name="path"/>, or null with every problem in <paramref name="problems"/> (and their count).</summary>
    public static Design? Load(string path, out List<ValidationProblem> problems, out int problemCount)
    {
        problems = [];
        int count = 0;
        var found = problems;
        void Problem(int line, int column, string field, string message, string fix)
        {
            count++;
            if (found.Count < MaxProblemsKept) found.Add(new ValidationProblem(path, line, column, field, message, fix));
        }

        string? text = InputFile.TryReadText(path, MaxBytes, out string? unreadable);
        if (text is null)
        {
            Problem(0, 0, "", unreadable!, $"give a CSV file of at most {InputFile.Size(MaxBytes)} whose header names levers and parameter paths");
            problemCount = count;
            return null;
        }

        var lines = text.Split('\n');
        int headerLine = Array.FindIndex(lines, l => l.Trim().Length > 0);
        if (headerLine < 0)
        {
            Problem(0, 0, "", "the design is empty", "write a header of lever names and parameter paths (e.g. funding_per_head_gbp,health.walking_relative_risk), then one row per design point");
            problemCount = count;
            return null;
        }

        // The header.
        var header = Cells(lines[headerLine]);
        var columns = new List<DesignColumn?>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int h = 0; h < header.Count; h++)
        {
            var (name, at, quoteProblem) = header[h];
            int line = headerLine + 1;
            DesignColumn? column = null;
            if (quoteProblem is not null) Problem(line, at, name, quoteProblem, "quote a cell as \"…\", doubling any quote inside it");
            if (name.Length == 0)
                Problem(line, at, "", $"column {h + 1} has no name", "name every column by a lever or parameter path; pandas writes its index as an unnamed first column, so write the design with to_csv(..., index=False)");
            else if (seen.TryGetValue(name, out int first))
                Problem(line, at, name, $"the column appears twice (first as column {first + 1})", "keep one column per lever or parameter");
            else
            {
                seen[name] = h;
                if (LeverPaths.Find(name) is { } lever) column = new DesignColumn(name, lever, null);
                else if (ParameterPaths.Find(name) is { } parameter) column = new DesignColumn(name, null, parameter);
                else if (name == "settlement")
                    Problem(line, at, name, "the settlement is a category, not a number a sampler can vary", "compare settlements as the scenario's variants (every design row runs every variant), and drop this column");
                else
                {
                    string? nearest = NameSuggestion.Nearest(name, ValidNames);
                    Problem(line, at, name, "not a lever or parameter path", nearest is not null
                        ? $"did you mean '{nearest}'?"
                        : "name a numeric lever (e.g. funding_per_head_gbp) or a parameter path (e.g. health.walking_relative_risk); 'urbansim schema' lists them, and docs/model.md gives their ranges");
                }
            }
            columns.Add(column);
        }

        // The rows.
        int width = header.Count;
        var values = new List<double>();
        var cells = new List<string>();
        int rows = 0;
        for (int i = headerLine + 1; i < lines.Length; i++)
        {
            string raw = lines[i];
            if (raw.Trim().Length == 0) continue;
            rows++;
            int line = i + 1;
            var row = Cells(raw);
            if (row.Count != width)
            {
                int at = row.Count > width ? row[width].Column : raw.TrimEnd('\r').Length + 1;
                Problem(line, at, row.Count > width ? "" : Name(header, row.Count), $"design row {rows} has {row.Count} cell(s); the header has {width} column(s)",
                    "give every row one number per column, separated by commas");
                continue;
            }
            for (int c = 0; c < width; c++)
            {
                var (cell, at, quoteProblem) = row[c];
                var column = columns[c];
                string field = header[c].Text;
                cells.Add(cell);
                if (quoteProblem is not null) { Problem(line, at, field, quoteProblem, "quote a cell as \"…\", doubling any quote inside it"); values.Add(0); continue; }
                if (cell.Length == 0) { Problem(line, at, field, "empty", Fix(column)); values.Add(0); continue; }
                if (!double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || !double.IsFinite(value))
                { Problem(line, at, field, $"'{cell}' is not a number", Fix(column)); values.Add(0); continue; }
                values.Add(value);
                if (column is not null && (value < column.Min || value > column.Max))
                    Problem(line, at, field, string.Create(CultureInfo.InvariantCulture, $"{cell} is out of range ({column.Min} to {column.Max})"), Fix(column));
            }
        }
        if (rows == 0 && count == 0)
            Problem(headerLine + 1, 1, "", "the design has a header but no rows", "write one row per design point under the header");
        problemCount = count;
        if (count > 0) return null;
        return new Design { Path = path, Columns = [.. columns.Select(c => c!)], Values = [.. values], Cells = [.. cells] };
    }

    private static string Name(List<(string Text, int Column, string? Problem)> header, int index) => index < header.Count ? header[index].Text : "";

    private static string Fix(DesignColumn? column) => column is null
        ? "give a number"
        : string.Create(CultureInfo.InvariantCulture, $"give a number from {column.Min} to {column.Max} ({(column.IsLever ? "the lever's" : "the parameter's")} allowed range: {column.Meaning.TrimEnd('.')})");

    /// <summary>
    /// The cells of one line (RFC 4180: a cell may be quoted, with "" for a quote inside), trimmed, each with its 1-based
    /// column, and a problem when its quoting is broken. A carriage return before the newline is dropped.
    /// </summary>
    internal static List<(string Text, int Column, string? Problem)> Cells(string line)
    {
        line = line.TrimEnd('\r');
        var cells = new List<(string, int, string?)>();
        int i = 0;
        while (true)
        {
            int start = i;
            while (i < line.Length && line[i] == ' ') i++;
            if (i < line.Length && line[i] == '"')
            {
                int at = i + 1;
                var sb = new System.Text.StringBuilder();
                i++;
                bool closed = false;
                while (i < line.Length)
                {
                    if (line[i] == '"')
                    {
                        if (i + 1 < line.Length && line[i + 1] == '"') { sb.Append('"'); i += 2; continue; }
                        closed = true; i++; break;
                    }
                    sb.Append(line[i++]);
                }
                while (i < line.Length && line[i] == ' ') i++;
                string? problem = !closed ? "a quoted cell is not closed on its line" : i < line.Length && line[i] != ',' ? "text after the closing quote of a cell" : null;
                while (i < line.Length && line[i] != ',') i++;
                cells.Add((sb.ToString().Trim(), at, problem));
            }
            else
            {
                int end = line.IndexOf(',', i);
                if (end < 0) end = line.Length;
                cells.Add((line[start..end].Trim(), start + 1, null));
                i = end;
            }
            if (i >= line.Length) break;
            i++;   // the comma
        }
        return cells;
    }
}
