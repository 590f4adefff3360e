using System.Text.RegularExpressions;

namespace UrbanSim.Runner.RealPlaces;

/// <summary>A council's official figures: ONS health (2021–23) and the exposures known at council level.</summary>
internal sealed record CouncilFigures
{
    /// <summary>Life expectancy at birth 2021–23, persons (mean of males and females), years.</summary>
    public double LeYears { get; init; }
    /// <summary>Slope index of inequality in LE within the council 2021–23, persons, years (0 when ONS publishes none).</summary>
    public double LeGapYears { get; init; }
    /// <summary>Healthy life expectancy at birth 2021–23, persons; null where ONS does not publish it (district councils).</summary>
    public double? HleYears { get; init; }
    /// <summary>Share of adults physically active 2021/22, %.</summary>
    public double ActiveAdultsPercent { get; init; }
    /// <summary>Share of adults cycling at least once a week 2021, %.</summary>
    public double CyclingWeeklyPercent { get; init; }
    /// <summary>Population-weighted annual mean PM2.5 2019, µg/m³.</summary>
    public double Pm25MicrogramsPerM3 { get; init; }
    /// <summary>Average house price March 2021, £.</summary>
    public double HousePriceGbp { get; init; }
}

/// <summary>England-wide references the council figures are compared with.</summary>
internal sealed record EnglandFigures(double ActiveAdultsPercent, double CyclingWeeklyPercent, double HousePriceGbp);

/// <summary>
/// Reads each council's figures. Files keyed by older council codes are carried to 2024 councils through the ONS code
/// history (a council formed by merging, such as North Yorkshire in 2023, takes the population-weighted mean of its
/// predecessors, weighted by mid-2020 population). ONS publishes the City of London's health figures with Hackney's and
/// the Isles of Scilly's with Cornwall's, and the Health Index and the House Price Index leave them out: those two take
/// their neighbour's figures (<see cref="Aliases"/>).
/// </summary>
internal static class CouncilFigureReader
{
    /// <summary>Councils whose figures are published together with a neighbour's.</summary>
    public static readonly IReadOnlyDictionary<string, string> Aliases = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["E09000001"] = "E09000012", // City of London with Hackney
        ["E06000053"] = "E06000052", // Isles of Scilly with Cornwall
    };

    /// <summary>The period of the ONS health figures the start year is calibrated to.</summary>
    public const string HealthPeriod = "2021 - 23";
    public const string ActivePeriod = "2021/22";
    public const int CyclingYear = 2021;
    public const int AirYear = 2019;
    public const string EnglandCode = "E92000001";

    public static (Dictionary<int, CouncilFigures> Figures, EnglandFigures England)? Read(string folder, Geography geography, IReadOnlyList<int> councils, ImportProblems problems)
    {
        var codes = OpenDataTable.Read(folder, OpenDataFiles.CouncilCodes.Path, OpenDataFiles.CouncilCodes.Columns, problems);
        var population = OpenDataTable.Read(folder, OpenDataFiles.CouncilPopulation.Path, OpenDataFiles.CouncilPopulation.Columns, problems);
        var le = OpenDataTable.Read(folder, OpenDataFiles.LifeExpectancy.Path, OpenDataFiles.LifeExpectancy.Columns, problems);
        var hle = OpenDataTable.Read(folder, OpenDataFiles.HealthyLifeExpectancy.Path, OpenDataFiles.HealthyLifeExpectancy.Columns, problems);
        var gap = OpenDataTable.Read(folder, OpenDataFiles.LifeExpectancyGap.Path, OpenDataFiles.LifeExpectancyGap.Columns, problems);
        var active = OpenDataTable.Read(folder, OpenDataFiles.ActiveAdults.Path, OpenDataFiles.ActiveAdults.Columns, problems);
        var index = OpenDataTable.Read(folder, OpenDataFiles.HealthIndex.Path, OpenDataFiles.HealthIndex.Columns, problems);
        var cycling = OpenDataTable.Read(folder, OpenDataFiles.CyclingByCouncil.Path, OpenDataFiles.CyclingByCouncil.Columns, problems);
        var prices = OpenDataTable.Read(folder, OpenDataFiles.HousePrices.Path, OpenDataFiles.HousePrices.Columns, problems);
        if (codes is null || population is null || le is null || hle is null || gap is null || active is null || index is null || cycling is null || prices is null) return null;

        var history = CodeHistory(codes);
        var weight = new Dictionary<string, double>(StringComparer.Ordinal);
        for (int r = 0; r < population.Rows.Count; r++)
            if (population.Number(r, population.Column("total_population"), problems) is double p) weight[population.Rows[r][population.Column("ltla21_code")]] = p;

        var leValues = Persons(le, problems);
        var hleValues = Persons(hle, problems);
        var gapValues = Persons(gap, problems);
        var activeValues = Values(active, r => active.Rows[r][active.Column("period")] == ActivePeriod, "area_code", "value", problems);
        var airValues = Values(index, r => index.Rows[r][index.Column("indicator")] == "Air pollution" && index.Rows[r][index.Column("year")] == AirYear.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "ltla21_code", "value", problems);
        var cyclingValues = Values(cycling, r => cycling.Rows[r][cycling.Column("purpose")] == "Any" && cycling.Rows[r][cycling.Column("frequency")] == "At least once per week"
            && cycling.Rows[r][cycling.Column("year")] == CyclingYear.ToString(System.Globalization.CultureInfo.InvariantCulture), "area_code", "percent", problems);
        var priceValues = PricesByCode(prices, geography, codes, problems);
        if (problems.Any) return null;

        var result = new Dictionary<int, CouncilFigures>();
        foreach (int c in councils)
        {
            var council = geography.Councils[c];
            double? Get(Dictionary<string, (double Value, int Row)> values, OpenDataFile file, string what, bool optional = false)
            {
                double? v = ForCouncil(council.Code, values, history, weight);
                if (v is null && !optional)
                    problems.Add(file.Path, 0, 0, "", $"no {what} for council {council.Code} ({council.Name}) of {council.Authority.Name}",
                        $"use the release listed in docs/places.md, which covers every council of England");
                return v;
            }
            var figures = new CouncilFigures
            {
                LeYears = Get(leValues, OpenDataFiles.LifeExpectancy, $"life expectancy for {HealthPeriod}") ?? 0,
                LeGapYears = Get(gapValues, OpenDataFiles.LifeExpectancyGap, "inequality in life expectancy", optional: true) ?? 0,
                HleYears = Get(hleValues, OpenDataFiles.HealthyLifeExpectancy, "healthy life expectancy", optional: true),
                ActiveAdultsPercent = Get(activeValues, OpenDataFiles.ActiveAdults, $"share of active adults for {ActivePeriod}") ?? 0,
                CyclingWeeklyPercent = Get(cyclingValues, OpenDataFiles.CyclingByCouncil, $"share of adults cycling weekly in {CyclingYear}") ?? 0,
                Pm25MicrogramsPerM3 = Get(airValues, OpenDataFiles.HealthIndex, $"air pollution for {AirYear}") ?? 0,
                HousePriceGbp = Get(priceValues, OpenDataFiles.HousePrices, "average house price") ?? 0,
            };
            result[c] = figures;
        }
        double? England(Dictionary<string, (double Value, int Row)> values, OpenDataFile file, string what)
        {
            if (values.TryGetValue(EnglandCode, out var v)) return v.Value;
            problems.Add(file.Path, 0, 0, "", $"no England row ({EnglandCode}) for {what}", "use the file listed in docs/places.md, which has an England row");
            return null;
        }
        var england = new EnglandFigures(England(activeValues, OpenDataFiles.ActiveAdults, "active adults") ?? 0,
            England(cyclingValues, OpenDataFiles.CyclingByCouncil, "cycling") ?? 0, England(priceValues, OpenDataFiles.HousePrices, "house prices") ?? 0);
        return problems.Any ? null : (result, england);
    }

    /// <summary>Every council code of any year 2016–2024 → its 2024 council.</summary>
    private static Dictionary<string, string> CodeHistory(OpenDataTable codes)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        int target = codes.Column("ltla24_code");
        var columns = Enumerable.Range(0, codes.Header.Length).Where(c => codes.Header[c].EndsWith("_code", StringComparison.Ordinal)).ToArray();
        foreach (var row in codes.Rows)
            foreach (int c in columns) map.TryAdd(row[c], row[target]);
        return map;
    }

    /// <summary>
    /// A council's value: its own; else the population-weighted mean of the older councils it was formed from; else its
    /// neighbour's (<see cref="Aliases"/>); null when there is none.
    /// </summary>
    private static double? ForCouncil(string code, Dictionary<string, (double Value, int Row)> values, Dictionary<string, string> history, Dictionary<string, double> weight)
    {
        if (values.TryGetValue(code, out var own)) return own.Value;
        double sum = 0, total = 0;
        foreach (var (older, value) in values)
        {
            if (!history.TryGetValue(older, out string? now) || now != code || older == code) continue;
            double w = weight.GetValueOrDefault(older, 1);
            sum += w * value.Value;
            total += w;
        }
        if (total > 0) return sum / total;
        return Aliases.TryGetValue(code, out string? alias) ? ForCouncil(alias, values, history, weight) : null;
    }

    /// <summary>Figures for males and females of <see cref="HealthPeriod"/>, as persons: the mean of those published.</summary>
    private static Dictionary<string, (double Value, int Row)> Persons(OpenDataTable table, ImportProblems problems)
    {
        var sums = new Dictionary<string, (double Sum, int Count, int Row)>(StringComparer.Ordinal);
        int code = table.Column("area_code"), period = table.Column("period"), value = table.Column("value"), sex = table.Column("inequality");
        for (int r = 0; r < table.Rows.Count; r++)
        {
            if (table.Rows[r][period] != HealthPeriod || table.Rows[r][sex] is not ("Male" or "Female")) continue;
            if (table.Number(r, value, problems) is not double v) continue;
            var s = sums.GetValueOrDefault(table.Rows[r][code]);
            sums[table.Rows[r][code]] = (s.Sum + v, s.Count + 1, r);
        }
        if (sums.Count == 0)
            problems.Add(table.File, 0, 0, "period", $"no figures for the period '{HealthPeriod}'", "use the release listed in docs/places.md (2021–23 figures are needed)");
        return sums.ToDictionary(kv => kv.Key, kv => (kv.Value.Sum / kv.Value.Count, kv.Value.Row), StringComparer.Ordinal);
    }

    private static Dictionary<string, (double Value, int Row)> Values(OpenDataTable table, Func<int, bool> keep, string codeColumn, string valueColumn, ImportProblems problems)
    {
        var values = new Dictionary<string, (double Value, int Row)>(StringComparer.Ordinal);
        int code = table.Column(codeColumn), value = table.Column(valueColumn);
        for (int r = 0; r < table.Rows.Count; r++)
            if (keep(r) && table.Number(r, value, problems) is double v) values.TryAdd(table.Rows[r][code], (v, r));
        if (values.Count == 0) problems.Add(table.File, 0, 0, "", "none of its rows is of the year and kind the import reads", "use the release listed in docs/places.md");
        return values;
    }

    /// <summary>
    /// House prices are listed by council name, not code (as the HM Land Registry file has them, before the 2023
    /// reorganisations): names are matched, ignoring case, punctuation and "City of" / "County of", to the councils'
    /// names in the code history.
    /// </summary>
    private static Dictionary<string, (double Value, int Row)> PricesByCode(OpenDataTable prices, Geography geography, OpenDataTable codes, ImportProblems problems)
    {
        var codeByName = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var c in geography.Councils) codeByName.TryAdd(NormalName(c.Name), c.Code);
        var namePairs = Enumerable.Range(0, codes.Header.Length)
            .Where(c => codes.Header[c].EndsWith("_name", StringComparison.Ordinal))
            .Select(c => (Name: c, Code: Array.IndexOf(codes.Header, codes.Header[c][..^"_name".Length] + "_code")))
            .Where(p => p.Code >= 0).ToArray();
        foreach (var row in codes.Rows)
            foreach (var (n, c) in namePairs)
                codeByName.TryAdd(NormalName(row[n]), row[c]);
        codeByName[NormalName("England")] = EnglandCode;
        var values = new Dictionary<string, (double Value, int Row)>(StringComparer.Ordinal);
        int name = prices.Column("Local authorities"), price = prices.Column("March 2021");
        for (int r = 0; r < prices.Rows.Count; r++)
        {
            if (prices.Number(r, price, problems) is not double v) continue;
            if (codeByName.TryGetValue(NormalName(prices.Rows[r][name]), out string? code)) values.TryAdd(code, (v, r));
        }
        return values;
    }

    /// <summary>"Bristol, City of", "City of Bristol" → "bristol"; "St. Helens" → "st helens".</summary>
    public static string NormalName(string name)
    {
        string n = name.ToLowerInvariant().Replace("&", " and ").Replace(".", "");
        n = Regex.Replace(n, @",\s*(city|county) of$", "");
        n = Regex.Replace(n, @"^(city|county) of\s+", "");
        n = Regex.Replace(n, "[^a-z0-9]+", " ");
        return n.Trim();
    }
}
