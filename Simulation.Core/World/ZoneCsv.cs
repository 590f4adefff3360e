using System.Collections.Immutable;
using System.Globalization;
using UrbanSim.Core.Scenarios;

namespace UrbanSim.Core.World;

/// <summary>The zones of a CSV file, or every problem found in it.</summary>
/// <summary>The zones of a file, the problems found, and the attribution its data require (see <see cref="ZoneCsv.Attribution"/>).</summary>
internal sealed record ZoneCsvResult(ImmutableArray<ZoneRecord> Zones, IReadOnlyList<ValidationProblem> Problems)
{
    public string? DataAttribution { get; init; }
}

/// <summary>
/// Reads a user's zones from CSV: a header row, then one row per zone. Columns (any order; documented in
/// README.md): zone_id, region, region_capacity (optional: established, developing, new),
/// deprivation_decile (1 = most deprived … 10), population, walking_minutes_per_week,
/// cycling_minutes_per_week, pm25_micrograms_per_m3, green_space_ndvi, cold_home_share,
/// house_price_gbp_per_m2, site_capacity_homes, remediation_cost_gbp_per_home; and the optional columns of real places
/// (<see cref="OptionalColumnNames"/>, ZoneCsv.Optional.cs). Lines starting with '#' are comments (a built file's
/// sources). Every problem is reported with its line and column.
/// </summary>
internal static partial class ZoneCsv
{
    private sealed record Column(string Name, double Min, double Max, string Meaning);

    private static readonly Column[] NumericColumns =
    [
        new("deprivation_decile", 1, 10, "IMD decile, 1 = most deprived, whole number"),
        new("population", 1, 10_000_000, "residents"),
        new("walking_minutes_per_week", 0, 10_080, "minutes of walking per adult per week"),
        new("cycling_minutes_per_week", 0, 10_080, "minutes of cycling per adult per week"),
        new("pm25_micrograms_per_m3", 0, 500, "annual mean PM2.5, µg/m³"),
        new("green_space_ndvi", -1, 1, "mean NDVI within 500 m"),
        new("cold_home_share", 0, 1, "share of homes excessively cold or damp"),
        new("house_price_gbp_per_m2", 1, 100_000, "new-build sales price, £ per m²"),
        new("site_capacity_homes", 0, 1_000_000, "homes the zone's developable sites can hold"),
        new("remediation_cost_gbp_per_home", 0, 1_000_000, "brownfield remediation cost, £ per home"),
    ];

    /// <summary>All column names, required first.</summary>
    public static readonly string[] ColumnNames = ["zone_id", "region", "region_capacity", .. NumericColumns.Select(c => c.Name)];

    /// <summary>Reads and validates a zones file.</summary>
    public static ZoneCsvResult Load(string path)
    {
        if (!File.Exists(path))
            return new([], [new ValidationProblem(path, 0, 0, "", "zones CSV file not found", "check zones_csv; it is resolved relative to the scenario file")]);
        string[] lines;
        try { lines = File.ReadAllLines(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        { return new([], [new ValidationProblem(path, 0, 0, "", $"cannot read the file ({e.Message})", "check the file's permissions")]); }
        return Parse(lines, path);
    }

    /// <summary>Parses the lines of a zones CSV file; <paramref name="file"/> names it in messages.</summary>
    public static ZoneCsvResult Parse(IReadOnlyList<string> lines, string file)
    {
        var problems = new List<ValidationProblem>();
        int headerLine = 0;
        while (headerLine < lines.Count && IsComment(lines[headerLine])) headerLine++;
        if (headerLine == lines.Count || string.IsNullOrWhiteSpace(lines[headerLine]))
            return new([], [new ValidationProblem(file, headerLine + 1, 1, "", "the file is empty", $"start with a header row: {string.Join(",", ColumnNames)}")]);
        var header = SplitLine(lines[headerLine]);
        int headerNumber = headerLine + 1;
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int c = 0; c < header.Count; c++)
        {
            string name = header[c].Text.Trim();
            if (!ColumnNames.Contains(name) && !OptionalColumnNames.Contains(name))
            {
                string? nearest = NameSuggestion.Nearest(name, ColumnNames.Concat(OptionalColumnNames));
                problems.Add(new(file, headerNumber, header[c].Column, name, $"unknown column '{name}'", nearest is null ? $"columns are: {string.Join(", ", ColumnNames)} (optional: {string.Join(", ", OptionalColumnNames)})" : $"did you mean '{nearest}'?"));
            }
            else if (!index.TryAdd(name, c)) problems.Add(new(file, headerNumber, header[c].Column, name, $"column '{name}' appears twice", "keep one"));
        }
        foreach (string required in ColumnNames.Where(n => n != "region_capacity"))
            if (!index.ContainsKey(required)) problems.Add(new(file, headerNumber, 1, required, $"missing column '{required}'", $"add a '{required}' column to the header"));
        CheckOptionalHeader(index, file, headerNumber, problems);
        if (problems.Count > 0) return new([], problems);

        var zones = ImmutableArray.CreateBuilder<ZoneRecord>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        string[] capacities = ParameterPaths.EnumNames(typeof(CapacityClass));
        for (int li = headerLine + 1; li < lines.Count; li++)
        {
            if (string.IsNullOrWhiteSpace(lines[li]) || IsComment(lines[li])) continue;
            int lineNumber = li + 1;
            var cells = SplitLine(lines[li]);
            if (cells.Count != header.Count)
            {
                problems.Add(new(file, lineNumber, 1, "", $"{cells.Count} fields where the header has {header.Count}", "give every row one value per column (quote text containing commas)"));
                continue;
            }
            string Cell(string name) => cells[index[name]].Text.Trim();
            int ColumnOf(string name) => cells[index[name]].Column;
            string id = Cell("zone_id"), region = Cell("region");
            if (id.Length == 0) problems.Add(new(file, lineNumber, ColumnOf("zone_id"), "zone_id", "empty zone_id", "give every zone an identifier"));
            else if (!ids.Add(id)) problems.Add(new(file, lineNumber, ColumnOf("zone_id"), "zone_id", $"zone_id '{id}' appears twice", "make zone identifiers unique"));
            if (region.Length == 0) problems.Add(new(file, lineNumber, ColumnOf("region"), "region", "empty region", "name the city-region the zone belongs to"));
            var capacity = CapacityClass.Developing;
            if (index.ContainsKey("region_capacity") && Cell("region_capacity").Length > 0)
            {
                int k = Array.IndexOf(capacities, Cell("region_capacity"));
                if (k < 0) problems.Add(new(file, lineNumber, ColumnOf("region_capacity"), "region_capacity", $"'{Cell("region_capacity")}' is not a capacity class", $"write one of {string.Join(", ", capacities)}"));
                else capacity = (CapacityClass)k;
            }
            var values = new double[NumericColumns.Length];
            bool ok = true;
            for (int n = 0; n < NumericColumns.Length; n++)
            {
                var column = NumericColumns[n];
                string text = Cell(column.Name);
                if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) || !double.IsFinite(v))
                {
                    problems.Add(new(file, lineNumber, ColumnOf(column.Name), column.Name, $"'{text}' is not a number", $"write a number ({column.Meaning}) using '.' as the decimal point"));
                    ok = false;
                }
                else if (v < column.Min || v > column.Max || (column.Name == "deprivation_decile" && v != Math.Round(v)))
                {
                    problems.Add(new(file, lineNumber, ColumnOf(column.Name), column.Name, $"{text} is out of range",
                        string.Create(CultureInfo.InvariantCulture, $"use a value from {column.Min} to {column.Max} ({column.Meaning})")));
                    ok = false;
                }
                values[n] = v;
            }
            var optional = ReadOptional(new Row(file, lineNumber, cells, index), problems);
            if (!ok || optional is null || id.Length == 0 || region.Length == 0) continue;
            zones.Add(new ZoneRecord
            {
                ZoneId = id, Region = region, RegionCapacity = capacity,
                DeprivationDecile = (int)values[0], Population = values[1], WalkingMinutesPerWeek = values[2],
                CyclingMinutesPerWeek = values[3], Pm25MicrogramsPerM3 = values[4], GreenSpaceNdvi = values[5],
                ColdHomeShare = values[6], HousePriceGbpPerM2 = values[7], SiteCapacityHomes = values[8],
                RemediationCostGbpPerHome = values[9],
                ZoneName = optional.ZoneName, LocalAuthorityCode = optional.LocalAuthorityCode, LocalAuthorityName = optional.LocalAuthorityName,
                IcbCode = optional.IcbCode, IcbName = optional.IcbName, PeopleByAgeBand = optional.PeopleByAgeBand,
                MortalityRatio = optional.MortalityRatio, IllHealthOddsRatio = optional.IllHealthOddsRatio,
            });
        }
        if (problems.Count == 0 && zones.Count == 0)
            problems.Add(new(file, headerNumber + 1, 1, "", "no zone rows", "add one row per zone under the header"));
        return problems.Count > 0 ? new([], problems) : new(zones.ToImmutable(), []) { DataAttribution = Attribution(lines, headerLine) };
    }

    private readonly record struct Cell(string Text, int Column);

    /// <summary>
    /// The attribution the data require, from the comment lines above the header that begin "Contains" (a file built by
    /// <c>urbansim places build</c> carries the Open Government Licence wording there); null when there is none.
    /// </summary>
    internal static string? Attribution(IReadOnlyList<string> lines, int headerLine)
    {
        var parts = lines.Take(headerLine).Select(l => l.Trim().TrimStart('#').Trim())
            .Where(l => l.StartsWith("Contains ", StringComparison.Ordinal)).ToArray();
        return parts.Length == 0 ? null : string.Join(" ", parts);
    }

    private static bool IsComment(string line) => line.AsSpan().TrimStart().StartsWith("#");

    /// <summary>Splits one CSV line (RFC 4180 quotes, no embedded newlines), keeping each field's 1-based column.</summary>
    private static List<Cell> SplitLine(string line)
    {
        var cells = new List<Cell>();
        var sb = new System.Text.StringBuilder();
        int start = 1;
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
            else if (c == ',') { cells.Add(new(sb.ToString(), start)); sb.Clear(); start = i + 2; }
            else sb.Append(c);
        }
        cells.Add(new(sb.ToString(), start));
        return cells;
    }
}
