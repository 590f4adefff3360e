using System.Globalization;
using System.Text;
using UrbanSim.Core.Scenarios;

namespace UrbanSim.Runner.RealPlaces;

/// <summary>
/// The problems an import found, each located in a file (line, column, field) with a fix. Reported all at once,
/// capped so that a file of the wrong release does not print thousands of lines.
/// </summary>
internal sealed class ImportProblems
{
    /// <summary>Most problems kept; the rest are only counted.</summary>
    public const int Shown = 25;

    public List<ValidationProblem> List { get; } = [];
    /// <summary>What the import filled in or assumed where a file has small gaps (written into the built file's comments).</summary>
    public List<string> Notes { get; } = [];
    public int Count { get; private set; }
    public bool Any => Count > 0;

    public void Add(string file, int line, int column, string field, string message, string fix)
    {
        Count++;
        if (List.Count < Shown) List.Add(new ValidationProblem(file, line, column, field, message, fix));
    }
}

/// <summary>
/// One CSV file of the open-data folder, read whole: its header and rows with their line numbers. Quoted fields
/// (RFC 4180, on one line) are unquoted; a UTF-8 byte-order mark is dropped. Columns are found by name, and a file
/// without the columns an import needs is reported as of the wrong shape.
/// </summary>
internal sealed class OpenDataTable
{
    private readonly Dictionary<string, int> _columns;

    private OpenDataTable(string file, string[] header, List<string[]> rows, List<int> lines)
    {
        File = file; Header = header; Rows = rows; Lines = lines;
        _columns = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int c = 0; c < header.Length; c++) _columns.TryAdd(header[c], c);
    }

    /// <summary>The file as messages name it: its path under the open-data folder (e.g. <c>lookups/LAD25_CAUTH25_EN_LU.csv</c>).</summary>
    public string File { get; }
    public string[] Header { get; }
    public List<string[]> Rows { get; }
    /// <summary>The 1-based line of each row.</summary>
    public List<int> Lines { get; }

    /// <summary>1-based column of <paramref name="column"/>, for messages.</summary>
    public int ColumnNumber(int column) => column + 1;

    /// <summary>
    /// Reads <paramref name="file"/> under <paramref name="folder"/>, checking it has <paramref name="required"/> columns;
    /// null (with the problem added) when it is missing, unreadable, empty or of the wrong shape.
    /// </summary>
    public static OpenDataTable? Read(string folder, string file, IReadOnlyList<string> required, ImportProblems problems)
    {
        string path = Path.Combine(folder, file);
        if (!System.IO.File.Exists(path))
        {
            problems.Add(file, 0, 0, "", $"missing from {folder}", $"download it (see docs/places.md, 'Input files') and save it as {file} under {folder}");
            return null;
        }
        List<string> text;
        try { text = [.. System.IO.File.ReadLines(path, Encoding.UTF8)]; }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problems.Add(file, 0, 0, "", $"cannot be read ({e.Message})", "check the file's permissions");
            return null;
        }
        if (text.Count == 0 || string.IsNullOrWhiteSpace(text[0]))
        {
            problems.Add(file, 1, 1, "", "the file is empty", $"download it again; its header should name {string.Join(", ", required)}");
            return null;
        }
        string[] header = Split(text[0]).Select(h => h.Trim()).ToArray();
        var missing = required.Where(r => !header.Contains(r, StringComparer.Ordinal)).ToList();
        if (missing.Count > 0)
        {
            problems.Add(file, 1, 1, missing[0], $"the header has no column '{missing[0]}'{(missing.Count > 1 ? $" (nor {string.Join(", ", missing.Skip(1).Select(m => $"'{m}'"))})" : "")}; it has {string.Join(", ", header.Take(12))}{(header.Length > 12 ? ", …" : "")}",
                "this is not the file the import expects, or another release of it: use the file listed in docs/places.md");
            return null;
        }
        var rows = new List<string[]>(text.Count);
        var lines = new List<int>(text.Count);
        for (int i = 1; i < text.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(text[i])) continue;
            string[] cells = Split(text[i]);
            if (cells.Length != header.Length)
            {
                problems.Add(file, i + 1, 1, "", $"{cells.Length} fields where the header has {header.Length}", "the file is damaged or cut short: download it again");
                return null;
            }
            rows.Add(cells);
            lines.Add(i + 1);
        }
        return new OpenDataTable(file, header, rows, lines);
    }

    /// <summary>Index of a column the table was read with (see <see cref="Read"/>).</summary>
    public int Column(string name) => _columns[name];

    /// <summary>
    /// The number in row <paramref name="row"/>, column <paramref name="column"/>; null for a missing value ("", "NA",
    /// "..", ":", "x"). Thousands separators ("29,199") are accepted. A cell that is neither adds a problem.
    /// </summary>
    public double? Number(int row, int column, ImportProblems problems)
    {
        string text = Rows[row][column].Trim();
        if (text.Length == 0 || text is "NA" or ".." or ":" or "x" or "-") return null;
        if (double.TryParse(text, NumberStyles.Float | NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out double v) && double.IsFinite(v)) return v;
        problems.Add(File, Lines[row], ColumnNumber(column), Header[column], $"'{text}' is not a number", "the file is damaged or of another release: download it again");
        return null;
    }

    /// <summary>Adds a problem located at row <paramref name="row"/>, column <paramref name="column"/>.</summary>
    public void Problem(ImportProblems problems, int row, int column, string message, string fix) =>
        problems.Add(File, Lines[row], ColumnNumber(column), Header[column], message, fix);

    /// <summary>Splits one CSV line (RFC 4180 quotes, no embedded newlines).</summary>
    private static string[] Split(string line)
    {
        var cells = new List<string>();
        var sb = new StringBuilder();
        bool quoted = false;
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"') { sb.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else sb.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { cells.Add(sb.ToString()); sb.Clear(); }
            else sb.Append(c);
        }
        cells.Add(sb.ToString());
        return [.. cells];
    }
}
