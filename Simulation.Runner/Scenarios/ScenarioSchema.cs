using System.Globalization;
using System.Reflection;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using UrbanSim.Core.Scenarios;
using UrbanSim.Core.Settlements;
using UrbanSim.Core.World;

namespace UrbanSim.Runner.Scenarios;

/// <summary>
/// The JSON Schema (draft 2020-12) of scenario files, generated from the code that reads them, so that it
/// cannot drift from what <see cref="ScenarioLoader"/> accepts. Levers and parameters come from the
/// <see cref="PolicyLevers"/> and <see cref="ModelParameters"/> records by the binder's own reflection rules
/// (snake_case names, <see cref="AllowedRangeAttribute"/>, <see cref="MeaningAttribute"/>, defaults from a new
/// record); the structural keys (top level, world, regions, variants, distributions) are the loader's own key
/// lists and limits. What JSON Schema cannot say (unique variant names, lower95 &lt; median &lt; upper95, a
/// zones CSV that exists) is left to <c>urbansim validate</c> and stated in the descriptions.
/// </summary>
internal static class ScenarioSchema
{
    /// <summary>The JSON Schema dialect the schema is written in.</summary>
    public const string Dialect = "https://json-schema.org/draft/2020-12/schema";

    /// <summary>The command that regenerates the bundled schema file.</summary>
    public const string RegenerateCommand = "dotnet run --project Simulation.Runner -c Release -- schema --out scenarios/scenario.schema.json";

    /// <summary>Keys starting with '$' (such as "$schema" or "$comment") are ignored by the loader in every object.</summary>
    private const string DollarKeys = "^\\$";

    /// <summary>Descriptions of the loader's structural keys. Every key the loader accepts must have one (checked when building).</summary>
    private static readonly Dictionary<string, string> TopDescriptions = new(StringComparer.Ordinal)
    {
        ["name"] = "Name of the scenario, as shown in the console table and in summary.json (key \"scenario\").",
        ["description"] = "What the scenario compares and why, in a sentence or two.",
        ["world"] = "The world simulated: the England-like archetype (the default), regions you list, your own zones from a CSV file, or a built-in world of real places.",
        ["start_year"] = "Calendar year of the first simulated year; a label only, it does not enter the dynamics.",
        ["horizon_years"] = "Number of simulated years.",
        ["replications"] = "Monte Carlo replications; `urbansim run --reps` overrides it.",
        ["seed"] = "Random seed; `urbansim run --seed` overrides it. The same seed gives byte-identical results on any number of threads.",
        ["levers"] = "Policy levers shared by every variant; each variant may change some of them.",
        ["parameters"] = "Overrides of model parameters, by group (docs/model.md §8.2 lists each with its source).",
        ["uncertain"] = "Parameters drawn anew in each replication (the same draw for every variant of a replication). Draws outside a parameter's allowed range are clamped to it; the distribution's median must lie inside it. Each parameter at most once. { \"set\": \"programme_evidence\" } includes the model's standard set of programme and pathway uncertainties; an entry of the scenario's own replaces the set's for that parameter.",
        ["variants"] = "The policy variants compared under common random numbers. The first is the baseline: paired differences are each variant minus the first. Names must be unique.",
        ["sensitivity"] = "What `urbansim sensitivity` varies and measures: lever ranges, outcomes and replications per sample point. The scenario's uncertain parameters are varied too, over their distributions.",
    };

    private static readonly Dictionary<string, string> SensitivityDescriptions = new(StringComparer.Ordinal)
    {
        ["variant"] = "Name of the variant whose levers are the base that the ranges change (default: the first variant). The settlement is fixed by it.",
        ["levers"] = "Numeric levers to vary, each as [min, max] inside the lever's allowed range, min < max; each is sampled uniformly.",
        ["outcomes"] = "Outcomes to analyse (default: hle_years, hle_gap_years, qalys, nhs_cost_gbp, homes_built).",
        ["replications_per_sample"] = "Replications 0..R−1 averaged at every sample point; the same for every point (common random numbers).",
        ["compare_with"] = "A second variant run at every point with the same draws: the outputs become its differences from the base variant, with the net monetary benefit at £70,000 per QALY, and scenario discovery finds where it wins, so the analysis says which assumptions decide the ranking.",
        ["factors"] = "grouped (default): the Sobol and Morris designs vary an uncertainty set's parameters in groups, one per programme, so dozens of parameters cost a handful of factors; individual: every parameter is its own factor. The surrogate and scenario discovery always see every parameter.",
    };

    private static readonly Dictionary<string, string> WorldDescriptions = new(StringComparer.Ordinal)
    {
        ["archetype"] = "A bundled synthetic world: england_like has 6 city-regions (2 established, 2 developing, 2 new mayoralties) and 300 zones.",
        ["regions"] = "Synthetic city-regions you list, each with a capacity class and a number of zones.",
        ["zones_csv"] = "Path of a zones CSV file (one row per zone), relative to the scenario file; see the README's 'Your own zones (CSV)'.",
        ["places"] = "A built-in world of real places, shipped with UrbanSim: england_mcas is England's 13 mayoral combined authorities and the Greater London Authority (May 2025), one zone per mayoralty and deprivation decile, calibrated to ONS LE and HLE 2021-23 (docs/places.md).",
        ["sites_per_zone"] = "Developable sites generated in each zone.",
    };

    private static readonly Dictionary<string, string> RegionDescriptions = new(StringComparer.Ordinal)
    {
        ["name"] = "Name of the city-region (mayoral combined authority).",
        ["capacity"] = "Capacity class of the mayoralty: established, developing or new (parameters politics.*_capacity).",
        ["zones"] = "Number of zones (neighbourhoods of about 40,000 residents) in the region.",
    };

    private static readonly Dictionary<string, string> VariantDescriptions = new(StringComparer.Ordinal)
    {
        ["name"] = "Name of the variant, unique within the scenario; used in output files and links (snake_case).",
        ["label"] = "How charts, tables and the explorer name the variant, e.g. \"Single pot\" (default: the name in words). Unique within the scenario.",
        ["description"] = "What the variant stands for.",
        ["levers"] = "The levers this variant changes; the others keep the scenario's top-level levers.",
        ["parameters"] = "Funding, politics and ICB parameters this variant sets for itself (e.g. to switch off one of the mayor's roles): they replace the scenario's value and any uncertainty draw. The world's parameters (health, development, programmes, shocks) are shared by every variant.",
    };

    /// <summary>Each distribution's parameters: description and, where the loader requires it, a lower bound (exclusive).</summary>
    private static readonly Dictionary<string, (string Description, double? ExclusiveMinimum)> DistributionParameters = new(StringComparer.Ordinal)
    {
        ["normal.mean"] = ("Mean.", null),
        ["normal.sd"] = ("Standard deviation, greater than 0.", 0),
        ["lognormal.median"] = ("Median, greater than 0; lower95 < median < upper95.", 0),
        ["lognormal.lower95"] = ("Lower bound of the 95% interval, greater than 0 and below the median.", 0),
        ["lognormal.upper95"] = ("Upper bound of the 95% interval, above the median. The log-scale sd is the mean of the two log-widths / 1.96.", 0),
        ["uniform.min"] = ("Lower bound; min < max.", null),
        ["uniform.max"] = ("Upper bound; min < max.", null),
        ["triangular.min"] = ("Lower bound; min <= mode <= max and min < max.", null),
        ["triangular.mode"] = ("Most likely value, from min to max.", null),
        ["triangular.max"] = ("Upper bound.", null),
        ["beta.alpha"] = ("First shape parameter, greater than 0 (a beta lies in 0–1, so use it for shares and probabilities).", 0),
        ["beta.beta"] = ("Second shape parameter, greater than 0.", 0),
    };

    private static readonly Dictionary<string, string> DistributionDescriptions = new(StringComparer.Ordinal)
    {
        ["normal"] = "Normal distribution with a mean and standard deviation.",
        ["lognormal"] = "Log-normal given by its median and 95% interval, as published relative risks are.",
        ["uniform"] = "Uniform between min and max.",
        ["triangular"] = "Triangular with a minimum, mode and maximum.",
        ["beta"] = "Beta distribution with shape parameters alpha and beta (values in 0–1).",
    };

    /// <summary>The schema as a JSON object.</summary>
    public static JObject Build()
    {
        string[] topKeys = ScenarioLoader.TopKeys.ToArray();
        string[] worldKeys = ScenarioLoader.WorldKeys.ToArray();
        string[] regionKeys = ScenarioLoader.RegionKeys.ToArray();
        string[] variantKeys = ScenarioLoader.VariantKeys.ToArray();
        var distributionKeys = ScenarioLoader.DistributionKeys;
        var defaults = new Scenario { Name = "", World = WorldSpec.EnglandLike, Variants = [] };

        var top = new Dictionary<string, JObject>(StringComparer.Ordinal)
        {
            ["name"] = NonEmptyString(TopDescriptions["name"]),
            ["description"] = NonEmptyString(TopDescriptions["description"]),
            ["world"] = Ref("world", TopDescriptions["world"]),
            ["start_year"] = Integer(TopDescriptions["start_year"], 1900, 3000, defaults.StartYear),
            ["horizon_years"] = Integer(TopDescriptions["horizon_years"], 1, ScenarioLoader.MaxYears, defaults.HorizonYears),
            ["replications"] = Integer(TopDescriptions["replications"], 1, ScenarioLoader.MaxReplications, defaults.Replications),
            ["seed"] = new JObject
            {
                ["description"] = TopDescriptions["seed"],
                ["type"] = "integer",
                ["minimum"] = 0,
                ["maximum"] = new JValue(ulong.MaxValue),
                ["default"] = new JValue(defaults.Seed),
            },
            ["levers"] = Ref("levers", TopDescriptions["levers"]),
            ["parameters"] = RecordSchema(typeof(ModelParameters), new ModelParameters(), TopDescriptions["parameters"]),
            ["uncertain"] = new JObject
            {
                ["description"] = TopDescriptions["uncertain"],
                ["type"] = "array",
                ["maxItems"] = ScenarioLoader.MaxUncertain,
                // An entry with "set" names an uncertainty set; any other is one parameter's distribution.
                ["items"] = new JObject
                {
                    ["allOf"] = new JArray(
                        new JObject { ["if"] = new JObject { ["required"] = new JArray("set") }, ["then"] = new JObject { ["$ref"] = "#/$defs/uncertainty_set" } },
                        new JObject { ["if"] = new JObject { ["not"] = new JObject { ["required"] = new JArray("set") } }, ["then"] = new JObject { ["$ref"] = "#/$defs/uncertain_parameter" } }),
                },
            },
            ["variants"] = new JObject
            {
                ["description"] = TopDescriptions["variants"],
                ["type"] = "array",
                ["minItems"] = 1,
                ["maxItems"] = ScenarioLoader.MaxVariants,
                ["items"] = new JObject { ["$ref"] = "#/$defs/variant" },
            },
            ["sensitivity"] = Ref("sensitivity", TopDescriptions["sensitivity"]),
        };

        var properties = new JObject
        {
            ["$schema"] = new JObject
            {
                ["description"] = "Path or URL of this JSON Schema, for editors: \"./scenario.schema.json\" in scenarios/. Ignored by UrbanSim.",
                ["type"] = "string",
            },
        };
        foreach (string key in topKeys) properties[key] = Take(top, key, "top level");
        NothingLeft(top, "top level");

        var root = new JObject
        {
            ["$schema"] = Dialect,
            ["title"] = "UrbanSim scenario",
            ["description"] = "A scenario for `urbansim run` and `urbansim validate`: the world, the horizon, the Monte Carlo set-up, parameter overrides, uncertain parameters and the policy variants compared. Generated from the code by `urbansim schema`; do not edit by hand. `urbansim validate` checks what a schema cannot (see scenarios/README.md).",
            ["type"] = "object",
            ["required"] = new JArray("name", "variants"),
            ["properties"] = properties,
        };
        Closed(root);
        root["$defs"] = new JObject
        {
            ["world"] = World(worldKeys),
            ["region"] = Region(regionKeys),
            ["levers"] = RecordSchema(typeof(PolicyLevers), new PolicyLevers(),
                "Policy levers (docs/model.md §8.3). Units are in the names; the allowed ranges are checked when loading."),
            ["variant"] = Variant(variantKeys),
            ["uncertain_parameter"] = Uncertain(distributionKeys),
            ["uncertainty_set"] = Closed(new JObject
            {
                ["description"] = "A named set of uncertain parameters declared once in the model (Simulation.Core/Scenarios/UncertaintySets.cs; docs/model.md §8.2): every programme and pathway parameter without a tight published source, each with its distribution. The scenario's own entry for a parameter replaces the set's.",
                ["type"] = "object",
                ["required"] = new JArray("set"),
                ["properties"] = new JObject { ["set"] = new JObject { ["type"] = "string", ["enum"] = new JArray(UncertaintySets.All.Keys) } },
            }),
            ["sensitivity"] = Sensitivity(ScenarioLoader.SensitivityKeys.ToArray()),
        };
        foreach (var (kind, keys) in distributionKeys) ((JObject)root["$defs"]!)[$"{kind}_distribution"] = DistributionSchema(kind, keys);
        return root;
    }

    /// <summary>The schema as indented JSON with \n line endings and a final newline, as committed in scenarios/.</summary>
    public static string ToJson()
    {
        var text = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        using (var writer = new JsonTextWriter(text) { Formatting = Formatting.Indented, Indentation = 2 })
            Build().WriteTo(writer);
        return text.ToString().ReplaceLineEndings("\n") + "\n";
    }

    private static JObject World(string[] keys)
    {
        var defaults = WorldSpec.EnglandLike;
        var known = new Dictionary<string, JObject>(StringComparer.Ordinal)
        {
            ["archetype"] = new JObject
            {
                ["description"] = WorldDescriptions["archetype"],
                ["type"] = "string",
                ["enum"] = new JArray("england_like"),
                ["default"] = "england_like",
            },
            ["regions"] = new JObject
            {
                ["description"] = WorldDescriptions["regions"] + $" At most {ScenarioLoader.MaxZones} zones in all.",
                ["type"] = "array",
                ["minItems"] = 1,
                ["items"] = new JObject { ["$ref"] = "#/$defs/region" },
            },
            ["zones_csv"] = new JObject
            {
                ["description"] = WorldDescriptions["zones_csv"] + $" At most {ScenarioLoader.MaxZones} zones.",
                ["type"] = "string",
            },
            ["places"] = new JObject
            {
                ["description"] = WorldDescriptions["places"],
                ["type"] = "string",
                ["enum"] = new JArray(BuiltInPlaces.Names.ToArray()),
            },
            ["sites_per_zone"] = Integer(WorldDescriptions["sites_per_zone"], 1, 50, defaults.SitesPerZone),
        };
        var properties = new JObject();
        foreach (string key in keys) properties[key] = Take(known, key, "world");
        NothingLeft(known, "world");
        var world = new JObject
        {
            ["description"] = "Give at most one of archetype, regions, zones_csv or places; with none, the England-like archetype is used.",
            ["type"] = "object",
            ["properties"] = properties,
            ["not"] = new JObject
            {
                ["anyOf"] = new JArray(
                    new JObject { ["required"] = new JArray("archetype", "regions") },
                    new JObject { ["required"] = new JArray("archetype", "zones_csv") },
                    new JObject { ["required"] = new JArray("regions", "zones_csv") },
                    new JObject { ["required"] = new JArray("archetype", "places") },
                    new JObject { ["required"] = new JArray("regions", "places") },
                    new JObject { ["required"] = new JArray("zones_csv", "places") }),
            },
        };
        return Closed(world);
    }

    private static JObject Region(string[] keys)
    {
        var known = new Dictionary<string, JObject>(StringComparer.Ordinal)
        {
            ["name"] = NonEmptyString(RegionDescriptions["name"]),
            ["capacity"] = new JObject
            {
                ["description"] = RegionDescriptions["capacity"],
                ["type"] = "string",
                ["enum"] = new JArray(ParameterPaths.EnumNames(typeof(CapacityClass))),
                ["default"] = ParameterPaths.SnakeCase(nameof(CapacityClass.Developing)),
            },
            ["zones"] = Integer(RegionDescriptions["zones"], 1, ScenarioLoader.MaxZones, 50),
        };
        var properties = new JObject();
        foreach (string key in keys) properties[key] = Take(known, key, "region");
        NothingLeft(known, "region");
        return Closed(new JObject
        {
            ["description"] = "A synthetic city-region.",
            ["type"] = "object",
            ["required"] = new JArray("name"),
            ["properties"] = properties,
        });
    }

    /// <summary>The parameter groups a variant may set, with the same schema as the scenario's "parameters".</summary>
    private static JObject VariantParameters()
    {
        var schema = RecordSchema(typeof(ModelParameters), new ModelParameters(), VariantDescriptions["parameters"]);
        var groups = (JObject)schema["properties"]!;
        foreach (var group in groups.Properties().Select(g => g.Name).Where(g => !PolicyVariant.VariantParameterGroups.Contains(g)).ToList())
            groups.Remove(group);
        return schema;
    }

    private static JObject Variant(string[] keys)
    {
        var known = new Dictionary<string, JObject>(StringComparer.Ordinal)
        {
            ["name"] = NonEmptyString(VariantDescriptions["name"]),
            ["label"] = WithMaxLength(NonEmptyString(VariantDescriptions["label"]), ScenarioLoader.MaxLabelLength),
            ["description"] = NonEmptyString(VariantDescriptions["description"]),
            ["levers"] = Ref("levers", VariantDescriptions["levers"]),
            ["parameters"] = VariantParameters(),
        };
        var properties = new JObject();
        foreach (string key in keys) properties[key] = Take(known, key, "variant");
        NothingLeft(known, "variant");
        return Closed(new JObject
        {
            ["description"] = "A policy variant: a name and the levers it sets.",
            ["type"] = "object",
            ["required"] = new JArray("name"),
            ["properties"] = properties,
        });
    }

    private static JObject Sensitivity(string[] keys)
    {
        var levers = new JObject();
        foreach (var lever in LeverPaths.Numeric)
            levers[lever.Name] = new JObject
            {
                ["description"] = $"[min, max] of {lever.Meaning}",
                ["type"] = "array",
                ["minItems"] = 2,
                ["maxItems"] = 2,
                ["items"] = new JObject { ["type"] = "number", ["minimum"] = lever.Min, ["maximum"] = lever.Max },
            };
        var known = new Dictionary<string, JObject>(StringComparer.Ordinal)
        {
            ["variant"] = NonEmptyString(SensitivityDescriptions["variant"]),
            ["levers"] = Closed(new JObject { ["description"] = SensitivityDescriptions["levers"], ["type"] = "object", ["properties"] = levers }),
            ["outcomes"] = new JObject
            {
                ["description"] = SensitivityDescriptions["outcomes"],
                ["type"] = "array",
                ["minItems"] = 1,
                ["items"] = new JObject { ["type"] = "string", ["enum"] = new JArray(UrbanSim.Core.Scenarios.ModelCatalogue.Standard.Outcomes.All.Select(o => o.Name)) },
            },
            ["replications_per_sample"] = Integer(SensitivityDescriptions["replications_per_sample"], 1, ScenarioLoader.MaxReplicationsPerSample, 1),
            ["compare_with"] = NonEmptyString(SensitivityDescriptions["compare_with"]),
            ["factors"] = new JObject
            {
                ["description"] = SensitivityDescriptions["factors"],
                ["type"] = "string",
                ["enum"] = new JArray("grouped", "individual"),
                ["default"] = "grouped",
            },
        };
        var properties = new JObject();
        foreach (string key in keys) properties[key] = Take(known, key, "sensitivity");
        NothingLeft(known, "sensitivity");
        return Closed(new JObject
        {
            ["description"] = "Global sensitivity analysis set-up for `urbansim sensitivity` (scenarios/README.md).",
            ["type"] = "object",
            ["properties"] = properties,
        });
    }

    private static JObject Uncertain(IReadOnlyDictionary<string, string[]> distributionKeys)
    {
        var paths = new JArray(ParameterPaths.All.Select(p => p.Path));
        var cases = new JArray();
        foreach (string kind in distributionKeys.Keys)
        {
            cases.Add(new JObject
            {
                ["if"] = new JObject
                {
                    ["required"] = new JArray("distribution"),
                    ["properties"] = new JObject { ["distribution"] = new JObject { ["const"] = kind } },
                },
                ["then"] = new JObject { ["$ref"] = $"#/$defs/{kind}_distribution" },
            });
        }
        return new JObject
        {
            ["description"] = "A parameter drawn anew in each replication from a distribution (sampled by inverse CDF from counter-based uniforms, so draws are common to every variant).",
            ["type"] = "object",
            ["required"] = new JArray("parameter", "distribution"),
            ["properties"] = new JObject
            {
                ["parameter"] = new JObject
                {
                    ["description"] = "Path of a model parameter, <group>.<name> (docs/model.md §8.2).",
                    ["type"] = "string",
                    ["enum"] = paths,
                },
                ["distribution"] = new JObject
                {
                    ["description"] = "Kind of distribution; each kind has its own keys.",
                    ["type"] = "string",
                    ["enum"] = new JArray(distributionKeys.Keys),
                },
            },
            ["allOf"] = cases,
        };
    }

    private static JObject DistributionSchema(string kind, string[] keys)
    {
        var properties = new JObject
        {
            ["parameter"] = new JObject(),
            ["distribution"] = new JObject { ["const"] = kind },
        };
        foreach (string key in keys)
        {
            if (!DistributionParameters.TryGetValue($"{kind}.{key}", out var info))
                throw new InvalidOperationException($"The loader's {kind} distribution has a key '{key}' that ScenarioSchema does not describe.");
            var schema = new JObject { ["description"] = info.Description, ["type"] = "number" };
            if (info.ExclusiveMinimum is { } min) schema["exclusiveMinimum"] = Number(min);
            properties[key] = schema;
        }
        return Closed(new JObject
        {
            ["description"] = DistributionDescriptions.TryGetValue(kind, out string? text) ? text
                : throw new InvalidOperationException($"ScenarioSchema has no description of the '{kind}' distribution."),
            ["type"] = "object",
            ["required"] = new JArray(keys),
            ["properties"] = properties,
        });
    }

    /// <summary>
    /// An object whose keys are <paramref name="type"/>'s writable properties in snake_case, exactly as
    /// <see cref="JsonBinder"/> binds them: numbers with their allowed range, enums as snake_case strings,
    /// nested records as nested objects. JSON null is accepted, as the binder keeps the defaults for it.
    /// </summary>
    private static JObject RecordSchema(Type type, object defaults, string? description)
    {
        var properties = new JObject();
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
            properties[ParameterPaths.SnakeCase(property.Name)] = ValueSchema(property, property.GetValue(defaults));
        var schema = new JObject();
        if (description is not null) schema["description"] = description;
        schema["type"] = new JArray("object", "null");
        schema["properties"] = properties;
        return Closed(schema);
    }

    private static JObject ValueSchema(PropertyInfo property, object? value)
    {
        var type = property.PropertyType;
        string meaning = property.GetCustomAttribute<MeaningAttribute>()?.Text ?? "";
        var range = property.GetCustomAttribute<AllowedRangeAttribute>();
        if (type == typeof(double) || type == typeof(int))
        {
            var schema = new JObject();
            if (meaning.Length > 0) schema["description"] = meaning;
            schema["type"] = type == typeof(int) ? "integer" : "number";
            if (range is not null)
            {
                schema["minimum"] = Number(range.Min);
                schema["maximum"] = Number(range.Max);
            }
            schema["default"] = Number(Convert.ToDouble(value, CultureInfo.InvariantCulture));
            return schema;
        }
        if (type == typeof(bool))
            return Described(meaning, new JObject { ["type"] = "boolean", ["default"] = (bool)value! });
        if (type.IsEnum)
            return Described(meaning, new JObject
            {
                ["type"] = "string",
                ["enum"] = new JArray(ParameterPaths.EnumNames(type)),
                ["default"] = ParameterPaths.SnakeCase(Enum.GetName(type, value!)!),
            });
        if (type == typeof(Settlement))
            return Described(meaning, new JObject
            {
                ["type"] = "string",
                ["enum"] = new JArray(SettlementCatalogue.Names),
                ["default"] = ((Settlement)value!).Name,
            });
        if (type == typeof(string))
            return Described(meaning, new JObject { ["type"] = "string", ["default"] = (string?)value });
        if (type.IsClass && value is not null)
            return RecordSchema(type, value, meaning.Length > 0 ? meaning : GroupDescription(property));
        throw new InvalidOperationException($"ScenarioSchema cannot describe {property.DeclaringType?.Name}.{property.Name} of type {type.Name}; the binder cannot bind it either.");
    }

    private static string? GroupDescription(PropertyInfo property) =>
        property.DeclaringType == typeof(ModelParameters)
            ? $"Parameters of the {property.PropertyType.Name} group (docs/model.md §8.2)."
            : null;

    private static JObject Described(string meaning, JObject schema)
    {
        if (meaning.Length == 0) return schema;
        var described = new JObject { ["description"] = meaning };
        foreach (var p in schema.Properties()) described[p.Name] = p.Value;
        return described;
    }

    /// <summary>Rejects keys the loader does not know, except '$'-keys, which it ignores.</summary>
    private static JObject Closed(JObject schema)
    {
        schema["patternProperties"] = new JObject { [DollarKeys] = new JObject() };
        schema["additionalProperties"] = false;
        return schema;
    }

    private static JObject WithMaxLength(JObject schema, int maxLength)
    {
        schema["maxLength"] = maxLength;
        return schema;
    }

    private static JObject NonEmptyString(string description) => new()
    {
        ["description"] = description,
        ["type"] = "string",
        ["minLength"] = 1,
        ["pattern"] = "\\S",
    };

    private static JObject Integer(string description, long min, long max, long defaultValue) => new()
    {
        ["description"] = description,
        ["type"] = "integer",
        ["minimum"] = min,
        ["maximum"] = max,
        ["default"] = defaultValue,
    };

    private static JObject Ref(string definition, string description) => new()
    {
        ["description"] = description,
        ["$ref"] = $"#/$defs/{definition}",
    };

    /// <summary>Whole numbers are written without a decimal point (1 rather than 1.0).</summary>
    private static JValue Number(double value) =>
        Math.Abs(value) <= 9_007_199_254_740_992 && value == Math.Floor(value) ? new JValue((long)value) : new JValue(value);

    private static JObject Take(Dictionary<string, JObject> known, string key, string where)
    {
        if (!known.Remove(key, out var schema))
            throw new InvalidOperationException($"ScenarioLoader accepts the {where} key '{key}', which ScenarioSchema does not describe; add it to ScenarioSchema.");
        return schema;
    }

    private static void NothingLeft(Dictionary<string, JObject> known, string where)
    {
        if (known.Count > 0)
            throw new InvalidOperationException($"ScenarioSchema describes {where} keys the loader does not accept: {string.Join(", ", known.Keys)}.");
    }
}
