using System.Collections.Immutable;
using System.Globalization;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using UrbanSim.Core.World;

namespace UrbanSim.Core.Scenarios;

/// <summary>The outcome of loading a scenario: the scenario, or every problem found.</summary>
public sealed record ScenarioLoadResult(Scenario? Scenario, IReadOnlyList<ValidationProblem> Problems)
{
    /// <summary>True when the scenario loaded without problems.</summary>
    public bool IsValid => Scenario is not null && Problems.Count == 0;
}

/// <summary>
/// Reads and validates a scenario JSON file (and the zones CSV it may name), reporting every problem at
/// once with file, line, column, JSON path and a fix. Bad input never throws.
/// </summary>
public static partial class ScenarioLoader
{
    /// <summary>Hard limits so that a scenario cannot ask for unbounded work or memory.</summary>
    public const int MaxZones = 100_000, MaxYears = 200, MaxVariants = 50, MaxUncertain = 500;
    /// <summary>Longest variant label: it names the variant in chart legends and table headings.</summary>
    public const int MaxLabelLength = 60;
    /// <summary>Most replications a scenario may ask for.</summary>
    public const int MaxReplications = 100_000_000;

    /// <summary>Keys a scenario's top level accepts (the JSON Schema is generated from these lists).</summary>
    internal static readonly ImmutableArray<string> TopKeys =
        ["name", "description", "world", "start_year", "horizon_years", "replications", "seed", "levers", "parameters", "uncertain", "variants", "sensitivity"];
    /// <summary>Keys of the <c>world</c> block.</summary>
    internal static readonly ImmutableArray<string> WorldKeys = ["archetype", "regions", "zones_csv", "places", "sites_per_zone"];
    /// <summary>Keys of a region of <c>world.regions</c>.</summary>
    internal static readonly ImmutableArray<string> RegionKeys = ["name", "capacity", "zones"];
    /// <summary>Keys of a variant.</summary>
    internal static readonly ImmutableArray<string> VariantKeys = ["name", "label", "description", "levers", "parameters"];
    /// <summary>Keys of the <c>sensitivity</c> block.</summary>
    internal static readonly ImmutableArray<string> SensitivityKeys = ["variant", "compare_with", "levers", "outcomes", "replications_per_sample", "factors"];
    /// <summary>Limit on the replications averaged per sample point of a sensitivity analysis.</summary>
    public const int MaxReplicationsPerSample = 10_000;
    /// <summary>Each distribution's name and its parameter keys, in order.</summary>
    internal static readonly IReadOnlyDictionary<string, string[]> DistributionKeys = new Dictionary<string, string[]>
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
        if (InputFile.TryReadText(path, InputFile.MaxScenarioBytes, out string? problem) is not { } text)
            return Fail(new ValidationProblem(path, 0, 0, "", problem!, problem == "file not found" ? "check the path; bundled scenarios are in scenarios/"
                : problem!.StartsWith("the file is", StringComparison.Ordinal) ? "give a scenario file (the bundled ones are about 4 KB); large data belongs in a zones CSV"
                : "check the path and the file's permissions"));
        return Parse(text, path, Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".");
    }

    private static ScenarioLoadResult Fail(ValidationProblem problem) => new(null, [problem]);

    /// <summary>Parses and validates scenario JSON text; <paramref name="file"/> names it in messages.</summary>
    public static ScenarioLoadResult Parse(string json, string file, string baseDirectory)
    {
        // Strict JSON first, which also bounds the work (values, depth) before a tree is built; for an ordinary syntax
        // error Newtonsoft's message, which names the JSON path, is kept.
        var notStrict = StrictJson.Check(json, file, out bool exceedsBounds);
        if (exceedsBounds) return Fail(notStrict!);
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
        // Newtonsoft read it, but it is not JSON to jq, Python or R (a comment, single quotes, a trailing comma).
        if (notStrict is not null) return Fail(notStrict);

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
        var variants = ReadVariants(binder, root, baseLevers, parameters);
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
        int given = (obj["archetype"] is null ? 0 : 1) + (obj["regions"] is null ? 0 : 1) + (obj["zones_csv"] is null ? 0 : 1) + (obj["places"] is null ? 0 : 1);
        if (given > 1)
            binder.Problem(obj, "give only one of 'archetype', 'regions', 'zones_csv' or 'places'", "keep the one that describes your world and delete the others");
        if (obj["places"] is { } placesToken) return ReadPlaces(binder, placesToken, sitesPerZone);
        if (obj["zones_csv"] is { } csvToken)
        {
            if (csvToken.Type != JTokenType.String) { binder.Problem(csvToken, "expected a file path string", "write \"zones_csv\": \"my-zones.csv\""); return null; }
            string csvPath = Path.Combine(baseDirectory, csvToken.Value<string>()!);
            if (InputFile.TryReadText(csvPath, InputFile.MaxZonesCsvBytes, out string? csvProblem) is not { } csvText)
            {
                binder.Problem(csvToken, csvProblem == "file not found" ? $"zones CSV file not found: {csvPath}" : $"zones CSV {csvPath}: {csvProblem}", csvProblem == "file not found" ? "check zones_csv; it is resolved relative to the scenario file"
                    : $"point zones_csv at a CSV file of at most {InputFile.Size(InputFile.MaxZonesCsvBytes)} ({MaxZones:N0} zones, the limit, take about 25 MB)");
                return null;
            }
            var zones = ZoneCsv.Parse(csvText.ReplaceLineEndings("\n").Split('\n'), csvPath);
            foreach (var p in zones.Problems) binder.Problems.Add(p);
            if (zones.Problems.Count > 0) return null;
            if (zones.Zones.Length > MaxZones) { binder.Problem(csvToken, $"{zones.Zones.Length} zones is more than the limit of {MaxZones}", "split the study area into several scenarios"); return null; }
            return new WorldSpec { Zones = zones.Zones, SitesPerZone = sitesPerZone, DataAttribution = zones.DataAttribution };
        }
        if (obj["regions"] is { } regionsToken)
        {
            if (regionsToken is not JArray array || array.Count == 0)
            {
                binder.Problem(regionsToken, "expected a non-empty array of regions", "write \"regions\": [ { \"name\": \"…\", \"capacity\": \"established\", \"zones\": 50 } ]");
                return null;
            }
            var regions = ImmutableArray.CreateBuilder<RegionSpec>();
            string[] capacities = ParameterPaths.EnumNames(typeof(CapacityClass));
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

    /// <summary>A built-in world of real places (<see cref="BuiltInPlaces"/>).</summary>
    private static WorldSpec? ReadPlaces(JsonBinder binder, JToken token, int sitesPerZone)
    {
        string? name = token.Type == JTokenType.String ? token.Value<string>() : null;
        if (name is null || !BuiltInPlaces.Names.Contains(name))
        {
            string? nearest = name is null ? null : NameSuggestion.Nearest(name, BuiltInPlaces.Names);
            binder.Problem(token, name is null ? $"expected the name of a built-in world, found {JsonBinder.Describe(token)}" : $"'{name}' is not a built-in world of places",
                nearest is not null ? $"did you mean '{nearest}'?" : $"write one of {string.Join(", ", BuiltInPlaces.Names)}, or build your own zones with `urbansim places build` and give \"zones_csv\"");
            return null;
        }
        var zones = BuiltInPlaces.Load(name);
        foreach (var p in zones.Problems) binder.Problems.Add(p);
        return zones.Problems.Count > 0 ? null : new WorldSpec { Zones = zones.Zones, SitesPerZone = sitesPerZone, DataAttribution = zones.DataAttribution };
    }

    private static void CheckParameterConsistency(JsonBinder binder, JToken? token, ModelParameters p)
    {
        foreach (var (group, message, fix) in ParameterConsistencyProblems(p))
            binder.Problem(token?[group] ?? token, message, fix, "parameters." + group);
    }

    /// <summary>Problems between parameters that are each in range: the parameter group, what is wrong, the fix.</summary>
    private static IEnumerable<(string Group, string Message, string Fix)> ParameterConsistencyProblems(ModelParameters p)
    {
        if (p.Funding.TiedPotMinYears > p.Funding.TiedPotMaxYears)
            yield return ("funding", $"tied_pot_min_years ({p.Funding.TiedPotMinYears}) is more than tied_pot_max_years ({p.Funding.TiedPotMaxYears})", "make the minimum no larger than the maximum");
        if (p.Funding.TransportShare + p.Funding.HousingShare + p.Funding.RegenerationShare + p.Funding.PublicHealthShare <= 0)
            yield return ("funding", "the four theme shares add up to 0", "give at least one theme a positive share");
        if (p.Development.SmeSiteShare + p.Development.RegenerationSiteShare > 1)
            yield return ("development", string.Create(CultureInfo.InvariantCulture, $"sme_site_share ({p.Development.SmeSiteShare}) and regeneration_site_share ({p.Development.RegenerationSiteShare}) add up to more than 1"),
                "make the two shares add up to at most 1 (volume builders hold the rest of the sites)");
        if (p.Politics.NewMayorCommitmentMin > p.Politics.NewMayorCommitmentMax)
            yield return ("politics", "new_mayor_commitment_min is more than new_mayor_commitment_max", "make the minimum no larger than the maximum");
    }

    private static ImmutableArray<PolicyVariant> ReadVariants(JsonBinder binder, JObject root, PolicyLevers baseLevers, ModelParameters parameters)
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
        var labels = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in array)
        {
            if (item is not JObject obj) { binder.Problem(item, $"expected a variant object, found {JsonBinder.Describe(item)}", "write { \"name\": \"…\", \"levers\": { … } }"); continue; }
            binder.CheckKeys(obj, VariantKeys);
            string? name = ReadString(binder, obj, "name", required: true);
            bool newName = name is not null && names.Add(name);
            if (name is not null && !newName) binder.Problem(obj["name"], $"variant name '{name}' is used twice", "give every variant a different name");
            string description = ReadString(binder, obj, "description", required: false) ?? "";
            string? label = ReadString(binder, obj, "label", required: false);
            if (label is not null && label.Length > MaxLabelLength)
                binder.Problem(obj["label"], $"the label is {label.Length} characters long, more than {MaxLabelLength}", "shorten it: it names the variant in chart legends and table headings");
            var levers = binder.Bind(obj["levers"], baseLevers);
            var variant = new PolicyVariant(name ?? "", levers, description) { Parameters = ReadVariantParameters(binder, obj["parameters"], parameters) };
            if (label is not null) variant = variant with { Label = label };
            if (newName && !labels.Add(variant.Label))
                binder.Problem(obj["label"] ?? obj["name"], $"two variants would both be labelled '{variant.Label}' in charts and tables", "give each variant a different \"label\"");
            list.Add(variant);
        }
        return list.ToImmutable();
    }

    /// <summary>
    /// A variant's own parameters: bound and checked as the scenario's are (names, types, ranges, consistency), and
    /// only of the groups a variant may set; returned as the settings the variant makes.
    /// </summary>
    private static ImmutableArray<ParameterSetting> ReadVariantParameters(JsonBinder binder, JToken? token, ModelParameters scenarioParameters)
    {
        if (token is null) return [];
        var bound = binder.Bind(token, scenarioParameters);
        if (token is not JObject groups) return [];
        CheckParameterConsistency(binder, token, bound);
        var settings = ImmutableArray.CreateBuilder<ParameterSetting>();
        foreach (var group in groups.Properties())
        {
            if (!PolicyVariant.VariantParameterGroups.Contains(group.Name))
            {
                binder.Problem(group.Value, $"a variant may not set '{group.Name}' parameters: they shape the world every variant shares",
                    $"set them in the scenario's top-level \"parameters\"; a variant may set {string.Join(", ", PolicyVariant.VariantParameterGroups)} parameters");
                continue;
            }
            if (group.Value is not JObject values) continue;
            foreach (var value in values.Properties())
                if (ParameterPaths.Find($"{group.Name}.{value.Name}") is { } info)
                    settings.Add(new ParameterSetting(info.Path, ParameterPaths.Get(bound, info)));
        }
        return settings.ToImmutable();
    }
}
