using System.Collections.Immutable;
using System.Globalization;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using UrbanSim.Core.World;

namespace UrbanSim.Core.Scenarios;

/// <summary>The outcome of loading a scenario: the scenario, or every problem found.</summary>
public sealed record ScenarioLoadResult(Scenario? Scenario, IReadOnlyList<ValidationProblem> Problems)
{
    public bool IsValid => Scenario is not null && Problems.Count == 0;
}

/// <summary>
/// Reads and validates a scenario JSON file (and the zones CSV it may name), reporting every problem at
/// once with file, line, column, JSON path and a fix. Bad input never throws.
/// </summary>
public static class ScenarioLoader
{
    /// <summary>Hard limits so that a scenario cannot ask for unbounded work or memory.</summary>
    public const int MaxZones = 100_000, MaxYears = 200, MaxVariants = 50, MaxUncertain = 500;
    public const int MaxReplications = 100_000_000;

    /// <summary>Keys a scenario's top level accepts (the JSON Schema is generated from these lists).</summary>
    public static readonly ImmutableArray<string> TopKeys =
        ["name", "description", "world", "start_year", "horizon_years", "replications", "seed", "levers", "parameters", "uncertain", "variants", "sensitivity"];
    public static readonly ImmutableArray<string> WorldKeys = ["archetype", "regions", "zones_csv", "sites_per_zone"];
    public static readonly ImmutableArray<string> RegionKeys = ["name", "capacity", "zones"];
    public static readonly ImmutableArray<string> VariantKeys = ["name", "description", "levers"];
    public static readonly ImmutableArray<string> SensitivityKeys = ["variant", "levers", "outcomes", "replications_per_sample"];
    /// <summary>Limit on the replications averaged per sample point of a sensitivity analysis.</summary>
    public const int MaxReplicationsPerSample = 10_000;
    /// <summary>Each distribution's name and its parameter keys, in order.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> DistributionKeys = new Dictionary<string, string[]>
    {
        ["normal"] = ["mean", "sd"],
        ["lognormal"] = ["median", "lower95", "upper95"],
        ["uniform"] = ["min", "max"],
        ["triangular"] = ["min", "mode", "max"],
        ["beta"] = ["alpha", "beta"],
    };

    /// <summary>Loads a scenario file; a zones CSV path inside it is resolved relative to the file.</summary>
    public static ScenarioLoadResult LoadFile(string path)
    {
        if (!File.Exists(path))
            return Fail(new ValidationProblem(path, 0, 0, "", "file not found", "check the path; bundled scenarios are in scenarios/"));
        string text;
        try { text = File.ReadAllText(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        { return Fail(new ValidationProblem(path, 0, 0, "", $"cannot read the file ({e.Message})", "check the file's permissions")); }
        return Parse(text, path, Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".");
    }

    private static ScenarioLoadResult Fail(ValidationProblem problem) => new(null, [problem]);

    /// <summary>Parses and validates scenario JSON text; <paramref name="file"/> names it in messages.</summary>
    public static ScenarioLoadResult Parse(string json, string file, string baseDirectory)
    {
        JObject root;
        try
        {
            using var reader = new JsonTextReader(new StringReader(json)) { DateParseHandling = DateParseHandling.None };
            var token = JToken.ReadFrom(reader, new JsonLoadSettings { LineInfoHandling = LineInfoHandling.Load, DuplicatePropertyNameHandling = DuplicatePropertyNameHandling.Error });
            if (token is not JObject o)
                return Fail(new ValidationProblem(file, 1, 1, "", $"a scenario must be a JSON object, found {JsonBinder.Describe(token)}", "wrap the scenario in { … }"));
            root = o;
            while (reader.Read()) { }
        }
        catch (JsonReaderException e)
        {
            return Fail(new ValidationProblem(file, e.LineNumber, e.LinePosition, e.Path ?? "", $"malformed JSON: {FirstSentence(e.Message)}", "fix the JSON syntax at that position (missing comma, quote or bracket?)"));
        }

        var binder = new JsonBinder(file);
        binder.CheckKeys(root, TopKeys);
        string name = ReadString(binder, root, "name", required: true) ?? "";
        string description = ReadString(binder, root, "description", required: false) ?? "";
        int startYear = ReadInt(binder, root, "start_year", 2026, 1900, 3000);
        int horizon = ReadInt(binder, root, "horizon_years", 25, 1, MaxYears);
        int replications = ReadInt(binder, root, "replications", 1000, 1, MaxReplications);
        ulong seed = ReadSeed(binder, root);
        var world = ReadWorld(binder, root["world"], baseDirectory);
        var baseLevers = binder.Bind(root["levers"], new PolicyLevers());
        var parameters = binder.Bind(root["parameters"], new ModelParameters());
        CheckParameterConsistency(binder, root["parameters"], parameters);
        var uncertain = ReadUncertain(binder, root["uncertain"]);
        var variants = ReadVariants(binder, root, baseLevers);
        var sensitivity = ReadSensitivity(binder, root["sensitivity"], variants, uncertain.Length);

        if (binder.Problems.Count > 0) return new(null, binder.Problems);
        return new(new Scenario
        {
            Name = name, Description = description, World = world!, StartYear = startYear, HorizonYears = horizon,
            Replications = replications, Seed = seed, Parameters = parameters, Uncertain = uncertain, Variants = variants,
            Sensitivity = sensitivity,
        }, []);
    }

    private static string FirstSentence(string message)
    {
        int cut = message.IndexOf(" Path '", StringComparison.Ordinal);
        return (cut > 0 ? message[..cut] : message).TrimEnd('.');
    }

    private static string? ReadString(JsonBinder binder, JObject obj, string key, bool required)
    {
        var token = obj[key];
        if (token is null)
        {
            if (required) binder.Problem(obj, $"missing required key '{key}'", $"add \"{key}\": \"…\"", string.IsNullOrEmpty(obj.Path) ? key : $"{obj.Path}.{key}");
            return null;
        }
        if (token.Type != JTokenType.String || string.IsNullOrWhiteSpace(token.Value<string>()))
        {
            binder.Problem(token, $"expected a non-empty string, found {JsonBinder.Describe(token)}", $"write \"{key}\": \"…\"");
            return null;
        }
        return token.Value<string>();
    }

    private static int ReadInt(JsonBinder binder, JObject obj, string key, int fallback, int min, int max)
    {
        var token = obj[key];
        if (token is null) return fallback;
        if (token.Type != JTokenType.Integer)
        {
            binder.Problem(token, $"expected a whole number, found {JsonBinder.Describe(token)}", $"write a whole number from {min} to {max}");
            return fallback;
        }
        double value = JsonBinder.ToDouble(token);
        if (value < min || value > max)
        {
            binder.Problem(token, $"{token.ToString(Formatting.None)} is out of range", $"use a whole number from {min} to {max}");
            return fallback;
        }
        return (int)value;
    }

    private static ulong ReadSeed(JsonBinder binder, JObject root)
    {
        var token = root["seed"];
        if (token is null) return 1;
        if (token.Type == JTokenType.Integer && token is JValue { Value: var v } &&
            ulong.TryParse(Convert.ToString(v, CultureInfo.InvariantCulture), NumberStyles.None, CultureInfo.InvariantCulture, out ulong seed))
            return seed;
        binder.Problem(token, $"expected a non-negative whole number, found {JsonBinder.Describe(token)}", "write a seed such as 20261122 (0 to 18446744073709551615)");
        return 1;
    }

    private static WorldSpec? ReadWorld(JsonBinder binder, JToken? token, string baseDirectory)
    {
        if (token is null) return WorldSpec.EnglandLike;
        if (token is not JObject obj)
        {
            binder.Problem(token, $"expected an object, found {JsonBinder.Describe(token)}", "write \"world\": { \"archetype\": \"england_like\" }");
            return null;
        }
        binder.CheckKeys(obj, WorldKeys);
        int sitesPerZone = ReadInt(binder, obj, "sites_per_zone", 4, 1, 50);
        int given = (obj["archetype"] is null ? 0 : 1) + (obj["regions"] is null ? 0 : 1) + (obj["zones_csv"] is null ? 0 : 1);
        if (given > 1)
            binder.Problem(obj, "give only one of 'archetype', 'regions' or 'zones_csv'", "keep the one that describes your world and delete the others");
        if (obj["zones_csv"] is { } csvToken)
        {
            if (csvToken.Type != JTokenType.String) { binder.Problem(csvToken, "expected a file path string", "write \"zones_csv\": \"my-zones.csv\""); return null; }
            string csvPath = Path.Combine(baseDirectory, csvToken.Value<string>()!);
            if (!File.Exists(csvPath))
            {
                binder.Problem(csvToken, $"zones CSV file not found: {csvPath}", "check zones_csv; it is resolved relative to the scenario file");
                return null;
            }
            var zones = ZoneCsv.Load(csvPath);
            foreach (var p in zones.Problems) binder.Problems.Add(p);
            if (zones.Problems.Count > 0) return null;
            if (zones.Zones.Length > MaxZones) { binder.Problem(csvToken, $"{zones.Zones.Length} zones is more than the limit of {MaxZones}", "split the study area into several scenarios"); return null; }
            return new WorldSpec { Zones = zones.Zones, SitesPerZone = sitesPerZone };
        }
        if (obj["regions"] is { } regionsToken)
        {
            if (regionsToken is not JArray array || array.Count == 0)
            {
                binder.Problem(regionsToken, "expected a non-empty array of regions", "write \"regions\": [ { \"name\": \"…\", \"capacity\": \"established\", \"zones\": 50 } ]");
                return null;
            }
            var regions = ImmutableArray.CreateBuilder<RegionSpec>();
            string[] capacities = JsonBinder.EnumNames(typeof(CapacityClass));
            foreach (var item in array)
            {
                if (item is not JObject region) { binder.Problem(item, "expected a region object", "write { \"name\": \"…\", \"capacity\": \"new\", \"zones\": 40 }"); continue; }
                binder.CheckKeys(region, RegionKeys);
                string regionName = ReadString(binder, region, "name", required: true) ?? "";
                int zones = ReadInt(binder, region, "zones", 50, 1, MaxZones);
                var capacity = CapacityClass.Developing;
                if (region["capacity"] is { } capToken)
                {
                    int index = capToken.Type == JTokenType.String ? Array.IndexOf(capacities, capToken.Value<string>()) : -1;
                    if (index < 0) binder.Problem(capToken, $"capacity must be one of {string.Join(", ", capacities)}, found {JsonBinder.Describe(capToken)}", $"write one of \"{string.Join("\", \"", capacities)}\"");
                    else capacity = (CapacityClass)index;
                }
                regions.Add(new RegionSpec(regionName, capacity, zones));
            }
            int total = regions.Sum(r => r.Zones);
            if (total > MaxZones) binder.Problem(regionsToken, $"{total} zones in all is more than the limit of {MaxZones}", "use fewer zones per region");
            return new WorldSpec { Regions = regions.ToImmutable(), SitesPerZone = sitesPerZone };
        }
        if (obj["archetype"] is { } archetype && !(archetype.Type == JTokenType.String && archetype.Value<string>() == "england_like"))
        {
            binder.Problem(archetype, $"unknown archetype {JsonBinder.Describe(archetype)}", "write \"archetype\": \"england_like\", or give \"regions\" or \"zones_csv\"");
            return null;
        }
        return WorldSpec.EnglandLike with { SitesPerZone = sitesPerZone };
    }

    private static void CheckParameterConsistency(JsonBinder binder, JToken? token, ModelParameters p)
    {
        if (p.Funding.TiedPotMinYears > p.Funding.TiedPotMaxYears)
            binder.Problem(token?["funding"] ?? token, $"tied_pot_min_years ({p.Funding.TiedPotMinYears}) is more than tied_pot_max_years ({p.Funding.TiedPotMaxYears})", "make the minimum no larger than the maximum", "parameters.funding");
        if (p.Funding.TransportShare + p.Funding.HousingShare + p.Funding.RegenerationShare + p.Funding.PublicHealthShare <= 0)
            binder.Problem(token?["funding"] ?? token, "the four theme shares add up to 0", "give at least one theme a positive share", "parameters.funding");
        if (p.Politics.NewMayorCommitmentMin > p.Politics.NewMayorCommitmentMax)
            binder.Problem(token?["politics"] ?? token, "new_mayor_commitment_min is more than new_mayor_commitment_max", "make the minimum no larger than the maximum", "parameters.politics");
    }

    private static ImmutableArray<UncertainParameter> ReadUncertain(JsonBinder binder, JToken? token)
    {
        if (token is null) return [];
        if (token is not JArray array)
        {
            binder.Problem(token, $"expected an array, found {JsonBinder.Describe(token)}", "write \"uncertain\": [ { \"parameter\": \"health.walking_relative_risk\", \"distribution\": \"lognormal\", … } ]");
            return [];
        }
        if (array.Count > MaxUncertain) binder.Problem(token, $"{array.Count} uncertain parameters is more than the limit of {MaxUncertain}", "keep the ones that matter");
        var list = ImmutableArray.CreateBuilder<UncertainParameter>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var paths = ParameterPaths.All.Select(p => p.Path).ToArray();
        foreach (var item in array)
        {
            if (item is not JObject obj) { binder.Problem(item, $"expected an object, found {JsonBinder.Describe(item)}", "write { \"parameter\": \"…\", \"distribution\": \"normal\", \"mean\": 0, \"sd\": 1 }"); continue; }
            string? path = ReadString(binder, obj, "parameter", required: true);
            string? kind = ReadString(binder, obj, "distribution", required: true);
            ParameterInfo? info = null;
            if (path is not null)
            {
                info = ParameterPaths.Find(path);
                if (info is null)
                {
                    string? nearest = NameSuggestion.Nearest(path, paths);
                    binder.Problem(obj["parameter"], $"unknown parameter '{path}'", nearest is null ? "use a path such as health.walking_relative_risk (see docs/model.md)" : $"did you mean '{nearest}'?");
                }
                else if (!seen.Add(path)) binder.Problem(obj["parameter"], $"'{path}' is made uncertain twice", "keep one entry per parameter");
            }
            if (kind is null) continue;
            if (!DistributionKeys.TryGetValue(kind, out var keys))
            {
                string? nearest = NameSuggestion.Nearest(kind, DistributionKeys.Keys);
                binder.Problem(obj["distribution"], $"unknown distribution '{kind}'", nearest is null ? $"use one of {string.Join(", ", DistributionKeys.Keys)}" : $"did you mean '{nearest}'?");
                continue;
            }
            binder.CheckKeys(obj, ["parameter", "distribution", .. keys]);
            var values = new double[keys.Length];
            bool ok = true;
            for (int k = 0; k < keys.Length; k++)
            {
                var v = obj[keys[k]];
                if (v is null) { binder.Problem(obj, $"missing '{keys[k]}' for a {kind} distribution", $"add \"{keys[k]}\": <number>", $"{obj.Path}.{keys[k]}"); ok = false; }
                else if (v.Type is not (JTokenType.Integer or JTokenType.Float)) { binder.Problem(v, $"expected a number, found {JsonBinder.Describe(v)}", "write a number"); ok = false; }
                else values[k] = JsonBinder.ToDouble(v);
            }
            if (!ok) continue;
            var distribution = kind switch
            {
                "normal" => Distribution.Normal(values[0], values[1]),
                "lognormal" => Distribution.LogNormal(values[0], values[1], values[2]),
                "uniform" => Distribution.Uniform(values[0], values[1]),
                "triangular" => Distribution.Triangular(values[0], values[1], values[2]),
                _ => Distribution.Beta(values[0], values[1]),
            };
            var problems = distribution.Problems().ToList();
            foreach (var p in problems) binder.Problem(obj, $"impossible {kind} distribution: {p}", "correct the distribution's parameters");
            if (problems.Count == 0 && info is not null)
            {
                double median = distribution.Quantile(0.5);
                if (median < info.Min || median > info.Max)
                    binder.Problem(obj, $"the distribution's median {median.ToString("G6", CultureInfo.InvariantCulture)} lies outside the parameter's range {info.Min.ToString(CultureInfo.InvariantCulture)} to {info.Max.ToString(CultureInfo.InvariantCulture)}", "centre the distribution inside the allowed range (draws outside it are clamped)");
                list.Add(new UncertainParameter(path!, distribution));
            }
        }
        return list.ToImmutable();
    }

    private static ImmutableArray<PolicyVariant> ReadVariants(JsonBinder binder, JObject root, PolicyLevers baseLevers)
    {
        var token = root["variants"];
        if (token is null)
        {
            binder.Problem(root, "missing required key 'variants'", "add \"variants\": [ { \"name\": \"tied_grants\", \"levers\": { \"settlement\": \"tied_grants\" } }, … ]", "variants");
            return [];
        }
        if (token is not JArray array || array.Count == 0)
        {
            binder.Problem(token, "expected a non-empty array of variants", "add at least one { \"name\": \"…\", \"levers\": { … } }");
            return [];
        }
        if (array.Count > MaxVariants) binder.Problem(token, $"{array.Count} variants is more than the limit of {MaxVariants}", "split the comparison into several scenarios");
        var list = ImmutableArray.CreateBuilder<PolicyVariant>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in array)
        {
            if (item is not JObject obj) { binder.Problem(item, $"expected a variant object, found {JsonBinder.Describe(item)}", "write { \"name\": \"…\", \"levers\": { … } }"); continue; }
            binder.CheckKeys(obj, VariantKeys);
            string? name = ReadString(binder, obj, "name", required: true);
            if (name is not null && !names.Add(name)) binder.Problem(obj["name"], $"variant name '{name}' is used twice", "give every variant a different name");
            string description = ReadString(binder, obj, "description", required: false) ?? "";
            var levers = binder.Bind(obj["levers"], baseLevers);
            list.Add(new PolicyVariant(name ?? "", levers, description));
        }
        return list.ToImmutable();
    }

    private static SensitivitySpec? ReadSensitivity(JsonBinder binder, JToken? token, ImmutableArray<PolicyVariant> variants, int uncertainCount)
    {
        if (token is null || token.Type == JTokenType.Null) return null;
        if (token is not JObject obj)
        {
            binder.Problem(token, $"expected an object, found {JsonBinder.Describe(token)}", "write \"sensitivity\": { \"levers\": { \"funding_per_head_gbp\": [100, 400] } }");
            return null;
        }
        binder.CheckKeys(obj, SensitivityKeys);
        string? variant = ReadString(binder, obj, "variant", required: false);
        if (variant is not null && !variants.IsDefaultOrEmpty && variants.All(v => v.Name != variant))
        {
            string? nearest = NameSuggestion.Nearest(variant, variants.Select(v => v.Name));
            binder.Problem(obj["variant"], $"no variant is called '{variant}'", nearest is null ? $"use one of {string.Join(", ", variants.Select(v => v.Name))}" : $"did you mean '{nearest}'?");
        }
        int perSample = ReadInt(binder, obj, "replications_per_sample", 1, 1, MaxReplicationsPerSample);

        var levers = ImmutableArray.CreateBuilder<LeverRange>();
        var leverNames = LeverPaths.Numeric.Select(l => l.Name).ToArray();
        if (obj["levers"] is { } leversToken && leversToken.Type != JTokenType.Null)
        {
            if (leversToken is not JObject leversObj)
                binder.Problem(leversToken, $"expected an object, found {JsonBinder.Describe(leversToken)}", "write \"levers\": { \"funding_per_head_gbp\": [100, 400] }");
            else
                foreach (var property in leversObj.Properties())
                {
                    if (property.Name.StartsWith('$')) continue;
                    var info = LeverPaths.Find(property.Name);
                    if (info is null)
                    {
                        string? nearest = NameSuggestion.Nearest(property.Name, leverNames);
                        string fix = property.Name == "settlement" ? "the settlement is a category, not a range: set it with \"variant\" and vary the numeric levers"
                            : nearest is null ? $"use a numeric lever: {string.Join(", ", leverNames)}" : $"did you mean '{nearest}'?";
                        binder.Problem(property, $"unknown numeric lever '{property.Name}'", fix, property.Path);
                        continue;
                    }
                    string range = string.Create(CultureInfo.InvariantCulture, $"{info.Min} to {info.Max}");
                    if (property.Value is not JArray pair || pair.Count != 2 || pair.Any(v => v.Type is not (JTokenType.Integer or JTokenType.Float)))
                    {
                        binder.Problem(property.Value, $"expected [min, max], two numbers, found {JsonBinder.Describe(property.Value)}", $"write \"{info.Name}\": [min, max] inside {range}");
                        continue;
                    }
                    double min = JsonBinder.ToDouble(pair[0]), max = JsonBinder.ToDouble(pair[1]);
                    bool ok = true;
                    foreach (var (value, at) in new[] { (min, pair[0]), (max, pair[1]) })
                        if (!double.IsFinite(value) || value < info.Min || value > info.Max)
                        {
                            binder.Problem(at, $"{value.ToString(CultureInfo.InvariantCulture)} is outside the lever's range {range}", $"keep the range inside {range} ({info.Meaning})");
                            ok = false;
                        }
                    if (ok && !(min < max))
                    {
                        binder.Problem(pair, $"min {min.ToString(CultureInfo.InvariantCulture)} is not below max {max.ToString(CultureInfo.InvariantCulture)}", "write [min, max] with min < max (to fix a lever, set it in the variant instead)");
                        ok = false;
                    }
                    if (ok) levers.Add(new LeverRange(info.Name, min, max));
                }
        }

        var outcomes = SensitivitySpec.DefaultOutcomes;
        if (obj["outcomes"] is { } outcomesToken && outcomesToken.Type != JTokenType.Null)
        {
            var names = ModelCatalogue.Standard.Outcomes.All.Select(o => o.Name).ToArray();
            if (outcomesToken is not JArray array || array.Count == 0)
                binder.Problem(outcomesToken, $"expected a non-empty array of outcome names, found {JsonBinder.Describe(outcomesToken)}", "write \"outcomes\": [\"hle_years\", \"hle_gap_years\"]");
            else
            {
                var list = ImmutableArray.CreateBuilder<string>();
                foreach (var item in array)
                {
                    string? name = item.Type == JTokenType.String ? item.Value<string>() : null;
                    if (name is null || Array.IndexOf(names, name) < 0)
                    {
                        string? nearest = name is null ? null : NameSuggestion.Nearest(name, names);
                        binder.Problem(item, name is null ? $"expected an outcome name, found {JsonBinder.Describe(item)}" : $"unknown outcome '{name}'",
                            nearest is null ? "use an outcome name from the README, such as hle_gap_years" : $"did you mean '{nearest}'?");
                    }
                    else if (list.Contains(name)) binder.Problem(item, $"'{name}' is listed twice", "list each outcome once");
                    else list.Add(name);
                }
                outcomes = list.ToImmutable();
            }
        }
        if (levers.Count == 0 && uncertainCount == 0 && obj["levers"] is not JObject { HasValues: true })
            binder.Problem(obj, "nothing to vary: no lever ranges and no uncertain parameters", "add \"levers\": { \"funding_per_head_gbp\": [100, 400], … } (uncertain parameters are varied too)", string.IsNullOrEmpty(obj.Path) ? "sensitivity" : obj.Path);
        return new SensitivitySpec { Variant = variant, Levers = levers.ToImmutable(), Outcomes = outcomes, ReplicationsPerSample = perSample };
    }
}
