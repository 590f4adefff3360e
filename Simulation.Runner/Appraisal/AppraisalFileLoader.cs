using System.Globalization;
using System.Numerics;
using System.Text.RegularExpressions;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using UrbanSim.Core.Health;
using UrbanSim.Core.Scenarios;
using F = UrbanSim.Runner.Appraisal.AppraisalFileFormat;

namespace UrbanSim.Runner.Appraisal;

/// <summary>
/// Reads and validates an appraisal file (<see cref="AppraisalFileFormat"/>). Bad input is never an
/// exception: every problem (malformed JSON, unknown or misspelt keys, wrong types, missing keys, values
/// out of range) is collected with its file, line, column, JSON path and fix, and all are returned at once.
/// </summary>
internal static partial class AppraisalFileLoader
{
    private const string Example =
        "{\"population\": {\"people\": 100000, \"age_from_years\": 20, \"age_to_years\": 74, \"all_cause_mortality_per_100k\": 500}, " +
        "\"before\": {\"walking_minutes_per_week\": 60}, \"after\": {\"walking_minutes_per_week\": 90}}";

    private static readonly JsonLoadSettings LoadSettings = new()
    {
        LineInfoHandling = LineInfoHandling.Load,
        DuplicatePropertyNameHandling = DuplicatePropertyNameHandling.Error,
        CommentHandling = CommentHandling.Ignore,
    };

    // Rules for each numeric key: allowed range (as text for messages too), example, and how to fix.
    private static readonly Dictionary<string, NumberRule> Rules = new()
    {
        [F.People] = new(0, false, MaxPeople, true, false,
            "greater than 0 and at most 10000000000", "100000", "give the number of people in the population, a positive number up to 10 billion (more than live on Earth)"),
        [F.AgeFromYears] = new(0, true, 120, true, true,
            "a whole number from 0 to 120", "20", "give the youngest age in whole years, from 0 to 120"),
        [F.AgeToYears] = new(0, true, 120, true, true,
            "a whole number from 0 to 120", "74", "give the oldest age in whole years, from 0 to 120"),
        [F.AllCauseMortalityPer100k] = new(0, false, 100_000, false, false,
            "greater than 0 and less than 100000", "500", "give deaths per 100,000 people per year (for example 500)"),
        [F.ValueOfStatisticalLifeGbp] = new(0, false, MaxValueGbp, true, false,
            "greater than 0 and at most 10000000000", "2064189", "give a positive amount in pounds up to £10bn, or remove the key to use DfT TAG's 2064189"),
        [F.QalyValueGbp] = new(0, false, MaxValueGbp, true, false,
            "greater than 0 and at most 10000000000", "70000", "give a positive amount in pounds up to £10bn, or remove the key to use the Green Book's 70000"),
    };

    /// <summary>Each exposure's rule, from the exposure catalogue: its range, England's mean as the example, its unit.</summary>
    private static readonly Dictionary<string, NumberRule> ExposureRules = ExposureCatalogue.All.ToDictionary(e => e.Name, e =>
    {
        string min = e.MinimumLevel.ToString(CultureInfo.InvariantCulture), max = e.MaximumLevel.ToString(CultureInfo.InvariantCulture);
        return new NumberRule(e.MinimumLevel, true, e.MaximumLevel, true, false, $"from {min} to {max}",
            e.EnglandMean.ToString(CultureInfo.InvariantCulture), $"give {e.Label.ToLowerInvariant()} in {e.Unit}, from {min} to {max}");
    }, StringComparer.Ordinal);

    /// <summary>Most people an appraisal may cover: 10 billion, more than live on Earth (and far from overflowing any result).</summary>
    public const double MaxPeople = 1e10;
    /// <summary>Largest value of a statistical life or of a QALY accepted, £.</summary>
    public const double MaxValueGbp = 1e10;

    /// <summary>Largest appraisal file read: 1 MiB (the example is under 1 KB).</summary>
    public const long MaxBytes = 1L << 20;

    /// <summary>Loads and validates the appraisal file at <paramref name="path"/>.</summary>
    public static AppraisalLoadResult Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (Directory.Exists(path))
            return Fail(new ValidationProblem(path, 0, 0, "", "this is a folder, not an appraisal file",
                "give the path of an appraisal .json file, for example examples/appraisal-walking.json"));
        if (!File.Exists(path))
            return Fail(new ValidationProblem(path, 0, 0, "", "file not found",
                $"check the path (relative paths start from the current folder, {Directory.GetCurrentDirectory()})"));
        if (InputFile.TryReadText(path, MaxBytes, out string? problem) is not { } text)
            return Fail(new ValidationProblem(path, 0, 0, "", problem!.StartsWith("the file is", StringComparison.Ordinal) ? problem : $"the file could not be read ({problem})",
                problem.StartsWith("the file is", StringComparison.Ordinal) ? "give an appraisal file (the example is under 1 KB)" : "check that the file exists and that you may read it"));
        return Parse(text, path);
    }

    /// <summary>Validates appraisal JSON text; <paramref name="fileName"/> is used only in problem locations.</summary>
    public static AppraisalLoadResult Parse(string json, string fileName)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(fileName);
        return new Validator(json, fileName).Run();
    }

    private static AppraisalLoadResult Fail(ValidationProblem problem) => new(null, [problem]);

    private sealed record NumberRule(double Min, bool MinInclusive, double Max, bool MaxInclusive, bool WholeNumber,
        string RangeText, string ExampleValue, string Fix)
    {
        public bool Contains(double v) =>
            (MinInclusive ? v >= Min : v > Min) && (MaxInclusive ? v <= Max : v < Max);
    }

    // Newtonsoft appends its own location to messages; ours is already in front.
    [GeneratedRegex(@"\s*Path '.*', line \d+, position \d+\.?$")]
    private static partial Regex NewtonsoftLocationSuffix();

    private sealed class Validator(string json, string file)
    {
        private readonly string[] _lines = json.Split('\n');
        private readonly List<ValidationProblem> _problems = [];

        public AppraisalLoadResult Run()
        {
            JObject? root = ParseRoot();
            if (root is null) return Result(null);

            CheckKeys(root, F.RootKeys);
            string? description = null;
            if (root.Property(F.Description, StringComparison.Ordinal) is { } descriptionProperty)
            {
                if (descriptionProperty.Value.Type == JTokenType.String) description = (string?)descriptionProperty.Value;
                else Add(descriptionProperty, $"expected text in quotes, found {Describe(descriptionProperty.Value)}",
                    $"write \"{F.Description}\": \"what this appraisal is about\", or remove the key");
            }

            JObject? populationObject = RequireObject(root, F.Population,
                "{\"people\": 100000, \"age_from_years\": 20, \"age_to_years\": 74, \"all_cause_mortality_per_100k\": 500}");
            JObject? beforeObject = RequireObject(root, F.Before, "{\"walking_minutes_per_week\": 60} (omitted exposures are 0)");
            JObject? afterObject = RequireObject(root, F.After, "{\"walking_minutes_per_week\": 90} (omitted exposures stay as before)");

            AppraisalPopulation? population = populationObject is null ? null : ReadPopulation(populationObject);
            ExposureLevels? before = beforeObject is null ? null : ReadExposures(beforeObject, default);
            ExposureLevels? after = afterObject is null ? null : ReadExposures(afterObject, before ?? default);

            if (_problems.Count == 0 && population is { } p && before is { } b && after is { } a)
                return Result(new AppraisalInput(p, b, a, description));
            return Result(null);
        }

        private AppraisalLoadResult Result(AppraisalInput? input) =>
            new(input, _problems.OrderBy(p => p.Line).ThenBy(p => p.Column).ToList());

        private JObject? ParseRoot()
        {
            if (string.IsNullOrWhiteSpace(json))
            {
                _problems.Add(new ValidationProblem(file, 1, 1, "", "the file is empty", $"write an appraisal object, for example {Example}"));
                return null;
            }
            // Strict JSON, as jq and Python read it (Newtonsoft also takes comments, single quotes and trailing commas);
            // its bounds on values and depth are checked before a tree is built.
            var notStrict = StrictJson.Check(json, file, out bool exceedsBounds);
            if (exceedsBounds) { _problems.Add(notStrict!); return null; }
            JToken? root = null;
            try
            {
                using var reader = new JsonTextReader(new StringReader(json))
                {
                    DateParseHandling = DateParseHandling.None,
                    FloatParseHandling = FloatParseHandling.Double,
                };
                root = JToken.ReadFrom(reader, LoadSettings);
                while (reader.Read())
                {
                    if (reader.TokenType == JsonToken.Comment) continue;
                    AddTrailingContent(reader.LineNumber, reader.LinePosition);
                    return null;
                }
            }
            catch (JsonReaderException e)
            {
                if (root is not null)
                {
                    AddTrailingContent(e.LineNumber, e.LinePosition);
                    return null;
                }
                string message = NewtonsoftLocationSuffix().Replace(e.Message, "").TrimEnd('.');
                string fix = message.StartsWith("Property with the name", StringComparison.Ordinal)
                    ? "keep only one of the repeated keys"
                    : "correct the JSON syntax at this position (look for a missing comma, quote, colon or brace just before it)";
                _problems.Add(new ValidationProblem(file, e.LineNumber, e.LinePosition, e.Path ?? "", message, fix));
                return null;
            }

            if (notStrict is not null) { _problems.Add(notStrict); return null; }
            if (root is JObject rootObject) return rootObject;
            var info = (IJsonLineInfo)root;
            _problems.Add(new ValidationProblem(file, info.LineNumber, info.LinePosition, "",
                $"the top level must be a JSON object {{…}}, found {Describe(root)}", $"write an appraisal object, for example {Example}"));
            return null;
        }

        private void AddTrailingContent(int line, int column) =>
            _problems.Add(new ValidationProblem(file, line, column, "",
                "unexpected content after the end of the top-level object", "remove everything after the final closing brace }"));

        private AppraisalPopulation? ReadPopulation(JObject o)
        {
            CheckKeys(o, F.PopulationKeys);
            bool ok = TryReadNumber(o, F.People, required: true, out double? people);
            ok &= TryReadNumber(o, F.AgeFromYears, required: true, out double? ageFrom);
            ok &= TryReadNumber(o, F.AgeToYears, required: true, out double? ageTo);
            ok &= TryReadNumber(o, F.AllCauseMortalityPer100k, required: true, out double? mortality);
            ok &= TryReadNumber(o, F.ValueOfStatisticalLifeGbp, required: false, out double? vsl);
            ok &= TryReadNumber(o, F.QalyValueGbp, required: false, out double? qaly);
            if (ageFrom is { } from && ageTo is { } to && from > to)
            {
                Add(o.Property(F.AgeToYears)!,
                    $"{F.AgeToYears} ({Format(to)}) is below {F.AgeFromYears} ({Format(from)})",
                    $"make {F.AgeToYears} at least {F.AgeFromYears}, or swap the two");
                ok = false;
            }
            if (!ok || people is null || ageFrom is null || ageTo is null || mortality is null) return null;
            return new AppraisalPopulation(people.Value, (int)ageFrom.Value, (int)ageTo.Value, mortality.Value, vsl, qaly);
        }

        private ExposureLevels? ReadExposures(JObject o, ExposureLevels fallback)
        {
            CheckKeys(o, F.ExposureKeys);
            bool ok = true;
            Span<double> levels = stackalloc double[ExposureCatalogue.Count];
            foreach (var e in ExposureCatalogue.All)
            {
                ok &= TryReadNumber(o, e.Name, required: false, out double? level);
                levels[(int)e.Id] = level ?? fallback.Of(e.Id);
            }
            return ok ? ExposureLevels.From(levels) : null;
        }

        private void CheckKeys(JObject o, IReadOnlyList<string> allowed)
        {
            foreach (JProperty property in o.Properties())
            {
                if (allowed.Contains(property.Name, StringComparer.Ordinal)) continue;
                string? nearest = NameSuggestion.Nearest(property.Name, allowed);
                Add(property, $"unknown key \"{property.Name}\"",
                    nearest is not null
                        ? $"did you mean \"{nearest}\"? Rename the key"
                        : $"remove it; the keys allowed here are {string.Join(", ", allowed)}");
            }
        }

        private JObject? RequireObject(JObject parent, string key, string example)
        {
            JProperty? property = parent.Property(key, StringComparison.Ordinal);
            if (property is null)
            {
                AddMissing(parent, key, $"add \"{key}\": {example}");
                return null;
            }
            if (property.Value is JObject value) return value;
            Add(property, $"expected an object {{…}}, found {Describe(property.Value)}", $"write \"{key}\": {example}");
            return null;
        }

        // False when the key is present but invalid, or required and missing; value is null when absent.
        private bool TryReadNumber(JObject o, string key, bool required, out double? value)
        {
            value = null;
            NumberRule rule = Rules.TryGetValue(key, out var own) ? own : ExposureRules[key];
            JProperty? property = o.Property(key, StringComparison.Ordinal);
            if (property is null)
            {
                if (!required) return true;
                AddMissing(o, key, $"add \"{key}\": {rule.ExampleValue} ({rule.Fix})");
                return false;
            }

            JToken token = property.Value;
            if (token.Type == JTokenType.Null && !required) return true;
            if (token.Type is not (JTokenType.Integer or JTokenType.Float))
            {
                string fix = token.Type == JTokenType.String
                             && double.TryParse((string?)token, NumberStyles.Float, CultureInfo.InvariantCulture, out double parsed)
                    ? $"remove the quotes: \"{key}\": {Format(parsed)}"
                    : $"write a number, for example \"{key}\": {rule.ExampleValue}";
                Add(property, $"expected a number, found {Describe(token)}", fix);
                return false;
            }

            double v = ToDouble((JValue)token);
            if (!double.IsFinite(v))
            {
                Add(property, $"expected a finite number, found {Format(v)}", rule.Fix);
                return false;
            }
            if (rule.WholeNumber && v != Math.Floor(v))
            {
                Add(property, $"expected a whole number, found {Format(v)}", rule.Fix);
                return false;
            }
            if (!rule.Contains(v))
            {
                Add(property, $"{Format(v)} is out of range: must be {rule.RangeText}", rule.Fix);
                return false;
            }
            value = v;
            return true;
        }

        private void Add(JProperty property, string message, string fix)
        {
            var (line, column) = KeyLocation(property);
            _problems.Add(new ValidationProblem(file, line, column, property.Path, message, fix));
        }

        private void AddMissing(JObject parent, string key, string fix)
        {
            var info = (IJsonLineInfo)parent;
            string path = parent.Path.Length == 0 ? key : parent.Path + "." + key;
            string where = parent.Path.Length == 0 ? "" : $" in \"{parent.Path}\"";
            _problems.Add(new ValidationProblem(file, info.LineNumber, info.LinePosition, path,
                $"required key \"{key}\" is missing{where}", fix));
        }

        // Newtonsoft places a property at its colon; point at the opening quote of the key instead.
        private (int Line, int Column) KeyLocation(JProperty property)
        {
            var info = (IJsonLineInfo)property;
            int line = info.LineNumber, position = info.LinePosition;
            if (line >= 1 && line <= _lines.Length && position >= 1)
            {
                string text = _lines[line - 1];
                int searchFrom = Math.Min(position - 1, text.Length - 1);
                int index = searchFrom < 0 ? -1 : text.LastIndexOf("\"" + property.Name + "\"", searchFrom, StringComparison.Ordinal);
                if (index >= 0) return (line, index + 1);
            }
            return (line, position);
        }
    }

    private static double ToDouble(JValue value) => value.Value switch
    {
        long l => l,
        int i => i,
        double d => d,
        decimal m => (double)m,
        BigInteger b => (double)b,
        var other => Convert.ToDouble(other, CultureInfo.InvariantCulture),
    };

    private static string Format(double v) => v.ToString(CultureInfo.InvariantCulture);

    private static string Describe(JToken token) => token.Type switch
    {
        JTokenType.String => $"text \"{Truncate((string?)token ?? "")}\"",
        JTokenType.Integer or JTokenType.Float => "a number",
        JTokenType.Boolean => (bool)token ? "true" : "false",
        JTokenType.Null => "null",
        JTokenType.Object => "an object",
        JTokenType.Array => "an array",
        _ => token.Type.ToString().ToLowerInvariant(),
    };

    private static string Truncate(string s) => s.Length <= 30 ? s : s[..30] + "…";
}
