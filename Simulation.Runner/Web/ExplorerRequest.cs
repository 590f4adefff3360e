using System.Globalization;
using UrbanSim.Core.Scenarios;
using UrbanSim.Core.Settlements;

namespace UrbanSim.Runner.Web;

/// <summary>A problem with one field of a request: the field, the value given, what is allowed, and a sentence.</summary>
internal sealed record RequestProblem(string Field, string? Value, string Allowed, string Message);

/// <summary>
/// A validated explorer request: the preset, the user's levers, horizon, replications and zones. Every field comes
/// from the query string (so a URL is a shareable setting) and is checked against a cap, so no request can ask for
/// unbounded work; every problem is reported at once, naming the field, the value and the allowed range.
/// </summary>
/// <param name="ChartWidthPx">
/// The width the page shows charts at, so they are laid out for it with readable text (null: the report size). A display
/// setting, not part of the setting a link shares.
/// </param>
internal sealed record ExplorerRequest(ExplorerPreset Preset, PolicyLevers Levers, int HorizonYears, int Replications, int Zones, int? ChartWidthPx = null)
{
    public const int MaxReplications = 5000, DefaultReplications = 1600;
    public const int MaxHorizonYears = 50;
    public const int MinZones = 6;
    /// <summary>Longest accepted value of any field, in characters.</summary>
    public const int MaxValueLength = 40;

    public static readonly string[] OtherFields = ["preset", "horizon_years", "replications", "zones", "chart_width"];

    /// <summary>Widest a page may ask charts to be laid out at, in pixels.</summary>
    public const int MaxChartWidthPx = 1200;

    /// <summary>The scenario this request runs: baseline and the user's setting as two variants under common random numbers.</summary>
    public Scenario Scenario() => ExplorerPresets.Build(Preset, Levers, HorizonYears, Replications, Zones);

    /// <summary>Parses query fields; returns the request or the problems (never both).</summary>
    public static (ExplorerRequest? Request, List<RequestProblem> Problems) Parse(IEnumerable<KeyValuePair<string, string?>> query)
    {
        var problems = new List<RequestProblem>();
        var fields = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (key, value) in query)
        {
            if (!ExplorerPresets.Levers.Any(l => l.Name == key) && !OtherFields.Contains(key))
            {
                string? near = NameSuggestion.Nearest(key, [.. ExplorerPresets.Levers.Select(l => l.Name), .. OtherFields]);
                problems.Add(new RequestProblem(key, Truncate(value), "a lever name, preset, horizon_years, replications or zones",
                    $"unknown field '{Truncate(key)}'" + (near is null ? "" : $"; did you mean '{near}'?")));
                continue;
            }
            if (fields.ContainsKey(key)) { problems.Add(new RequestProblem(key, Truncate(value), "one value", $"{key} is given more than once")); continue; }
            fields[key] = value;
        }

        fields.TryGetValue("preset", out string? presetKey);
        presetKey ??= "reference";
        ExplorerPresets.All.TryGetValue(presetKey, out var preset);
        if (preset is null)
            problems.Add(new RequestProblem("preset", Truncate(presetKey), string.Join(", ", ExplorerPresets.Order), $"preset '{Truncate(presetKey)}' is not one of the bundled scenarios"));

        int horizon = Whole(fields, "horizon_years", preset?.Scenario.HorizonYears ?? 25, 1, MaxHorizonYears, "years", problems);
        int reps = Whole(fields, "replications", DefaultReplications, 1, MaxReplications, "replications", problems);
        int zones = Whole(fields, "zones", ExplorerPresets.DefaultZones, MinZones, ExplorerPresets.MaxZones, "zones", problems);
        int? chartWidth = fields.ContainsKey("chart_width") ? Whole(fields, "chart_width", MaxChartWidthPx, Charts.ChartSize.MinWidthPx, MaxChartWidthPx, "pixels", problems) : null;

        var levers = preset?.Initial.Levers ?? new PolicyLevers();
        foreach (var lever in ExplorerPresets.Levers)
        {
            if (!fields.TryGetValue(lever.Name, out string? text)) continue;
            if (lever.Range is null)
            {
                var settlement = SettlementCatalogue.Find(text ?? "");
                if (settlement is null) problems.Add(new RequestProblem(lever.Name, Truncate(text), SettlementChoices,
                    $"settlement '{Truncate(text)}' is not one of {string.Join(", ", SettlementCatalogue.Names)}"));
                else levers = With(levers, lever, settlement);
                continue;
            }
            if (!TryNumber(text, out double value))
                problems.Add(new RequestProblem(lever.Name, Truncate(text), Range(lever.Range), $"{lever.Name} must be a number from {Range(lever.Range)}; got '{Truncate(text)}'"));
            else if (value < lever.Range.Min || value > lever.Range.Max)
                problems.Add(new RequestProblem(lever.Name, Truncate(text), Range(lever.Range), $"{lever.Name} must be from {Range(lever.Range)}; got {Truncate(text)}"));
            else levers = With(levers, lever, value);
        }
        return problems.Count > 0 || preset is null ? (null, problems) : (new ExplorerRequest(preset, levers, horizon, reps, zones, chartWidth), problems);
    }

    /// <summary>The request as query fields, in a fixed order: every lever, then horizon, replications and zones (the chart width is the page's, not the setting's).</summary>
    public IEnumerable<KeyValuePair<string, string>> ToQuery()
    {
        yield return new("preset", Preset.Key);
        foreach (var lever in ExplorerPresets.Levers) yield return new(lever.Name, LeverText(Levers, lever));
        yield return new("horizon_years", HorizonYears.ToString(CultureInfo.InvariantCulture));
        yield return new("replications", Replications.ToString(CultureInfo.InvariantCulture));
        yield return new("zones", Zones.ToString(CultureInfo.InvariantCulture));
    }

    public static string LeverText(PolicyLevers levers, LeverInfo lever) => lever.Property.GetValue(levers) switch
    {
        Settlement s => s.Name,
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        var o => Convert.ToString(o, CultureInfo.InvariantCulture) ?? "",
    };

    /// <summary>The settlements' names as a reader lists them: "a, b or c".</summary>
    public static string SettlementChoices => string.Join(", ", SettlementCatalogue.Names[..^1]) + " or " + SettlementCatalogue.Names[^1];

    private static PolicyLevers With(PolicyLevers levers, LeverInfo lever, object value)
    {
        // Records have no setter by name; the init-only property is set on a copy made through the record's clone.
        var copy = levers with { };
        lever.Property.SetValue(copy, value);
        return copy;
    }

    private static int Whole(Dictionary<string, string?> fields, string name, int fallback, int min, int max, string unit, List<RequestProblem> problems)
    {
        if (!fields.TryGetValue(name, out string? text)) return fallback;
        string allowed = $"{min} to {max} {unit}";
        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int value) || value < min || value > max)
        {
            problems.Add(new RequestProblem(name, Truncate(text), allowed,
                $"{name} must be a whole number from {allowed}" + (name == "replications" ? " (a cap, so that one request cannot occupy the server)" : "") + $"; got '{Truncate(text)}'"));
            return fallback;
        }
        return value;
    }

    private static bool TryNumber(string? text, out double value)
    {
        value = 0;
        return text is not null && text.Length <= MaxValueLength
               && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
    }

    private static string Range(AllowedRangeAttribute r) =>
        $"{r.Min.ToString("G", CultureInfo.InvariantCulture)} to {r.Max.ToString("G", CultureInfo.InvariantCulture)}";

    private static string? Truncate(string? text) => text is null || text.Length <= MaxValueLength ? text : text[..MaxValueLength] + "…";
}
