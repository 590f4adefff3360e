using System.Collections.Immutable;
using System.Globalization;
using UrbanSim.Core.Health;
using UrbanSim.Core.Scenarios;

namespace UrbanSim.Core.World;

internal static partial class ZoneCsv
{
    /// <summary>Optional text columns: names and codes of the zone, its council and its ICB.</summary>
    private static readonly string[] TextColumns = ["zone_name", "local_authority_code", "local_authority_name", "icb_code", "icb_name"];

    /// <summary>The age-band columns, all or none: <c>people_aged_0</c>, <c>people_aged_1_4</c>, … <c>people_aged_85_plus</c>.</summary>
    public static readonly string[] AgeColumns = [.. Enumerable.Range(0, AgeBands.Count).Select(AgeColumn)];

    /// <summary>Optional local health columns: a ratio, or a target the ratio is solved from (<see cref="LocalHealth"/>).</summary>
    private static readonly string[] HealthColumns = ["mortality_ratio", "ill_health_odds_ratio", "le_target_years", "hle_target_years"];

    /// <summary>Every optional column (besides region_capacity).</summary>
    public static readonly string[] OptionalColumnNames = [.. TextColumns, .. AgeColumns, .. HealthColumns];

    /// <summary>Column of age band <paramref name="band"/>: people_aged_0, people_aged_1_4, …, people_aged_85_plus.</summary>
    public static string AgeColumn(int band) =>
        band == AgeBands.OpenBand ? $"people_aged_{AgeBands.LowerAgeYears(band)}_plus"
        : band == 0 ? "people_aged_0"
        : $"people_aged_{AgeBands.LowerAgeYears(band)}_{AgeBands.LowerAgeYears(band) + AgeBands.WidthYears(band) - 1}";

    /// <summary>The optional values of one row.</summary>
    private sealed record OptionalValues(string? ZoneName, string? LocalAuthorityCode, string? LocalAuthorityName, string? IcbCode, string? IcbName,
        ImmutableArray<double> PeopleByAgeBand, double? MortalityRatio, double? IllHealthOddsRatio);

    /// <summary>A data row, for reading its cells by column name.</summary>
    private readonly record struct Row(string File, int Line, List<Cell> Cells, Dictionary<string, int> Index)
    {
        public bool Has(string column) => Index.ContainsKey(column);
        public string Text(string column) => Index.TryGetValue(column, out int c) ? Cells[c].Text.Trim() : "";
        public int ColumnOf(string column) => Cells[Index[column]].Column;
        public ValidationProblem Problem(string column, string message, string fix) => new(File, Line, ColumnOf(column), column, message, fix);
    }

    private static void CheckOptionalHeader(Dictionary<string, int> index, string file, int line, List<ValidationProblem> problems)
    {
        int ages = AgeColumns.Count(index.ContainsKey);
        if (ages is > 0 and < AgeBands.Count)
        {
            string missing = AgeColumns.First(c => !index.ContainsKey(c));
            problems.Add(new(file, line, 1, missing, $"{ages} of the {AgeBands.Count} age-band columns are given, '{missing}' is missing",
                $"give all {AgeBands.Count} columns {AgeColumns[0]} … {AgeColumns[^1]}, or none (England's age structure)"));
        }
    }

    /// <summary>The optional values of a row, or null after adding its problems to <paramref name="problems"/>.</summary>
    private static OptionalValues? ReadOptional(Row row, List<ValidationProblem> problems)
    {
        int before = problems.Count;
        string? TextOrNull(string column) => row.Text(column) is { Length: > 0 } t ? t : null;
        var ages = ReadAges(row, problems);
        double? mortality = ReadRatio(row, "mortality_ratio", problems);
        double? illHealth = ReadRatio(row, "ill_health_odds_ratio", problems);
        double? leTarget = ReadNumber(row, "le_target_years", 30, 100, "life expectancy at birth, years", problems);
        double? hleTarget = ReadNumber(row, "hle_target_years", 20, 100, "healthy life expectancy at birth, years", problems);
        if (problems.Count > before) return null;
        if (leTarget is double le)
        {
            if (mortality is not null)
                problems.Add(row.Problem("le_target_years", "both mortality_ratio and le_target_years are given", "give one: the ratio, or the life expectancy it is solved from"));
            else if ((mortality = LocalHealth.MortalityRatioFor(le)) is null)
                problems.Add(row.Problem("le_target_years", string.Create(CultureInfo.InvariantCulture, $"no mortality ratio from {LocalHealth.MinimumRatio} to {LocalHealth.MaximumRatio} gives a life expectancy of {le} years"),
                    string.Create(CultureInfo.InvariantCulture, $"give a life expectancy from {LocalHealth.LifeExpectancyYears(LocalHealth.MaximumRatio):0.0} to {LocalHealth.LifeExpectancyYears(LocalHealth.MinimumRatio):0.0} years")));
        }
        if (hleTarget is double hle && problems.Count == before)
        {
            if (illHealth is not null)
                problems.Add(row.Problem("hle_target_years", "both ill_health_odds_ratio and hle_target_years are given", "give one: the ratio, or the healthy life expectancy it is solved from"));
            else if (mortality is not double m)
                problems.Add(row.Problem("hle_target_years", "hle_target_years needs the zone's mortality", "give mortality_ratio or le_target_years on the same row"));
            else if ((illHealth = LocalHealth.IllHealthOddsRatioFor(hle, m)) is null)
                problems.Add(row.Problem("hle_target_years", string.Create(CultureInfo.InvariantCulture, $"no ill-health odds ratio gives a healthy life expectancy of {hle} years with this zone's mortality"),
                    "give a healthy life expectancy below the zone's life expectancy, and at most about 20 years below it"));
        }
        if (problems.Count > before) return null;
        return new(TextOrNull("zone_name"), TextOrNull("local_authority_code"), TextOrNull("local_authority_name"), TextOrNull("icb_code"), TextOrNull("icb_name"),
            ages, mortality, illHealth);
    }

    private static ImmutableArray<double> ReadAges(Row row, List<ValidationProblem> problems)
    {
        if (!row.Has(AgeColumns[0]) || AgeColumns.All(c => row.Text(c).Length == 0)) return [];
        var people = new double[AgeBands.Count];
        bool ok = true;
        for (int b = 0; b < AgeBands.Count; b++)
        {
            double? value = ReadNumber(row, AgeColumns[b], 0, 10_000_000, $"residents aged {AgeBands.Label(b)}", problems);
            if (value is double v) people[b] = v;
            else
            {
                if (row.Text(AgeColumns[b]).Length == 0)
                    problems.Add(row.Problem(AgeColumns[b], "empty age-band value", $"give all {AgeBands.Count} age bands on this row, or leave them all empty"));
                ok = false;
            }
        }
        if (ok && people.Sum() <= 0)
        {
            problems.Add(row.Problem(AgeColumns[0], "the age bands add up to 0 people", "give the number of residents in each age band"));
            ok = false;
        }
        return ok ? [.. people] : [];
    }

    private static double? ReadRatio(Row row, string column, List<ValidationProblem> problems) =>
        ReadNumber(row, column, LocalHealth.MinimumRatio, LocalHealth.MaximumRatio, "ratio to England's rates at every age", problems);

    /// <summary>The cell's number; null when the column is absent or the cell empty (nothing added), or bad (a problem added).</summary>
    private static double? ReadNumber(Row row, string column, double min, double max, string meaning, List<ValidationProblem> problems)
    {
        string text = row.Text(column);
        if (text.Length == 0) return null;
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) || !double.IsFinite(v))
        {
            problems.Add(row.Problem(column, $"'{text}' is not a number", $"write a number ({meaning}) using '.' as the decimal point, or leave the cell empty"));
            return null;
        }
        if (v < min || v > max)
        {
            problems.Add(row.Problem(column, $"{text} is out of range", string.Create(CultureInfo.InvariantCulture, $"use a value from {min} to {max} ({meaning})")));
            return null;
        }
        return v;
    }
}
