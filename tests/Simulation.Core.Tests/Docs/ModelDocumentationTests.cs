using System.Globalization;
using System.Text.RegularExpressions;
using UrbanSim.Core.Scenarios;

namespace UrbanSim.Core.Tests.Docs;

/// <summary>
/// docs/model.md §8.2 against the code: its parameter tables list every parameter of <see cref="ParameterPaths.All"/>
/// once, with the code's default, allowed range and meaning, and every entry of every uncertainty set
/// (<see cref="UncertaintySets.All"/>) with the distribution it declares, so the documentation cannot drift from the model.
/// </summary>
public sealed partial class ModelDocumentationTests
{
    /// <summary>One row of a parameter table: the parameter's path, its cells, and the line it is on.</summary>
    private sealed record Row(string Path, string[] Cells, int Line);

    /// <summary>Column of the uncertainty-set distribution in the tables that have one (§8.2.3, §8.2.7).</summary>
    private const int UncertaintyColumn = 6;

    [GeneratedRegex(@"^\| `(?<path>[a-z_]+\.[a-z0-9_]+)` \|")]
    private static partial Regex ParameterRow();

    /// <summary>The rows of docs/model.md §8.2 whose first cell is a parameter path.</summary>
    private static IReadOnlyList<Row> ParameterRows()
    {
        string[] lines = File.ReadAllLines(RepositoryRoot.File("docs", "model.md"));
        int start = Array.FindIndex(lines, l => l.StartsWith("### 8.2 Model parameters", StringComparison.Ordinal));
        int end = Array.FindIndex(lines, start + 1, l => l.StartsWith("### ", StringComparison.Ordinal));
        Assert.True(start >= 0 && end > start, "docs/model.md has no section '### 8.2 Model parameters' followed by another section");
        var rows = new List<Row>();
        for (int i = start; i < end; i++)
        {
            var match = ParameterRow().Match(lines[i]);
            if (!match.Success) continue;
            string[] cells = lines[i].Trim().Trim('|').Split(" | ").Select(c => c.Trim()).ToArray();
            rows.Add(new Row(match.Groups["path"].Value, cells, i + 1));
        }
        return rows;
    }

    /// <summary>
    /// A distribution as docs/model.md §8.1 writes it: U(min, max), LN(median; lower95–upper95), Tri(min, mode, max),
    /// N(mean, sd) or Beta(α, β), numbers in the shortest invariant form.
    /// </summary>
    internal static string Notation(Distribution d)
    {
        static string N(double v) => v.ToString("G", CultureInfo.InvariantCulture);
        return d.Kind switch
        {
            DistributionKind.Uniform => $"U({N(d.A)}, {N(d.B)})",
            DistributionKind.LogNormal => $"LN({N(d.A)}; {N(d.B)}–{N(d.C)})",
            DistributionKind.Triangular => $"Tri({N(d.A)}, {N(d.C)}, {N(d.B)})",
            DistributionKind.Normal => $"N({N(d.A)}, {N(d.B)})",
            _ => $"Beta({N(d.A)}, {N(d.B)})",
        };
    }

    /// <summary>A table number such as "1,350" or "0.0101".</summary>
    private static bool TryNumber(string text, out double value) =>
        double.TryParse(text.Replace(",", "", StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture, out value);

    [Fact]
    public void ParameterTables_ListEveryParameterOnce_WithTheCodesDefaultRangeAndMeaning()
    {
        var rows = ParameterRows();
        var defaults = new ModelParameters();
        var problems = new List<string>();
        foreach (var row in rows.Where(r => ParameterPaths.Find(r.Path) is null))
            problems.Add($"line {row.Line}: `{row.Path}` is not a parameter of the model (remove the row)");
        foreach (var info in ParameterPaths.All)
        {
            var mine = rows.Where(r => r.Path == info.Path).ToList();
            if (mine.Count != 1) { problems.Add($"`{info.Path}` has {mine.Count} rows in §8.2 (needs exactly one)"); continue; }
            var row = mine[0];
            if (row.Cells.Length < 6) { problems.Add($"line {row.Line}: `{info.Path}` has {row.Cells.Length} cells, not path | default | unit | range | meaning | source"); continue; }
            double central = ParameterPaths.Get(defaults, info);
            if (!TryNumber(row.Cells[1], out double documented) || documented != central)
                problems.Add($"line {row.Line}: `{info.Path}` default is '{row.Cells[1]}' in the docs, {central.ToString(CultureInfo.InvariantCulture)} in the code");
            string[] range = row.Cells[3].Split(" – ");
            if (range.Length != 2 || !TryNumber(range[0], out double min) || !TryNumber(range[1], out double max) || min != info.Min || max != info.Max)
                problems.Add($"line {row.Line}: `{info.Path}` allowed range is '{row.Cells[3]}' in the docs, {info.Min.ToString(CultureInfo.InvariantCulture)} – {info.Max.ToString(CultureInfo.InvariantCulture)} in the code");
            if (row.Cells[4] != info.Meaning)
                problems.Add($"line {row.Line}: `{info.Path}` meaning differs from the code's [Meaning]: '{info.Meaning}'");
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void ParameterTables_GiveEveryUncertaintySetEntryWithTheDistributionTheSetDeclares()
    {
        var rows = ParameterRows().ToDictionary(r => r.Path, StringComparer.Ordinal);
        var declared = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, set) in UncertaintySets.All)
            foreach (var entry in set)
                declared[entry.Parameter.Path] = Notation(entry.Parameter.Distribution);
        var problems = new List<string>();
        foreach (var (path, notation) in declared)
        {
            if (!rows.TryGetValue(path, out var row)) { problems.Add($"`{path}` (in an uncertainty set) has no row in §8.2"); continue; }
            if (row.Cells.Length <= UncertaintyColumn || !row.Cells[UncertaintyColumn].StartsWith(notation + " — ", StringComparison.Ordinal))
                problems.Add($"line {row.Line}: `{path}` should give its distribution as '{notation} — <basis>' in its last column");
        }
        // A row with an uncertainty column whose parameter is in no set must say so, so a dropped entry cannot linger.
        foreach (var row in rows.Values.Where(r => r.Cells.Length > UncertaintyColumn && !declared.ContainsKey(r.Path)))
            if (row.Cells[UncertaintyColumn] != "—")
                problems.Add($"line {row.Line}: `{row.Path}` is in no uncertainty set, so its last column should be '—', not '{row.Cells[UncertaintyColumn]}'");
        Assert.NotEmpty(declared);
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void Notation_WritesEachKindOfDistributionAsTheDocsExplainIt()
    {
        Assert.Equal("U(120, 220)", Notation(Distribution.Uniform(120, 220)));
        Assert.Equal("LN(700; 400–1200)", Notation(Distribution.LogNormal(700, 400, 1200)));
        Assert.Equal("Tri(1, 1.5, 2.5)", Notation(Distribution.Triangular(1, 1.5, 2.5)));
        Assert.Equal("LN(0.96; 0.88–0.995)", Notation(Distribution.LogNormal(0.96, 0.88, 0.995)));
    }
}
