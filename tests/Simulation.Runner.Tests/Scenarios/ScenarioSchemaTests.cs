using System.Reflection;
using Newtonsoft.Json.Linq;
using UrbanSim.Core.Scenarios;
using UrbanSim.Core.Settlements;
using UrbanSim.Core.World;
using UrbanSim.Runner.Commands;
using UrbanSim.Runner.Scenarios;
using UrbanSim.Runner.Tests.Commands;
using static UrbanSim.Runner.Tests.Commands.CliHarness;

namespace UrbanSim.Runner.Tests.Scenarios;

/// <summary>
/// The scenario JSON Schema is generated from the code, the bundled copy is up to date, it agrees with what the
/// loader accepts, and every bundled scenario conforms to it and points editors to it.
/// </summary>
public sealed class ScenarioSchemaTests : IDisposable
{
    private static readonly string CommittedPath = RepositoryRoot.File("scenarios", "scenario.schema.json");
    private static readonly JObject Schema = ScenarioSchema.Build();
    private readonly CliHarness _h = new();

    public void Dispose() => _h.Dispose();

    private static JObject Def(string name) => (JObject)Schema["$defs"]![name]!;

    [Fact]
    public void CommittedSchema_IsWhatTheSchemaCommandGeneratesNow()
    {
        string committed = File.ReadAllText(CommittedPath).ReplaceLineEndings("\n");
        string generated = ScenarioSchema.ToJson();

        if (committed != generated)
        {
            string[] a = committed.Split('\n'), b = generated.Split('\n');
            int line = Enumerable.Range(0, Math.Min(a.Length, b.Length)).FirstOrDefault(i => a[i] != b[i], Math.Min(a.Length, b.Length));
            Assert.Fail($"scenarios/scenario.schema.json is out of date with the code (first difference at line {line + 1}: " +
                        $"committed '{(line < a.Length ? a[line].Trim() : "<end>")}', generated '{(line < b.Length ? b[line].Trim() : "<end>")}'). " +
                        $"Regenerate it with:\n  {ScenarioSchema.RegenerateCommand}");
        }
    }

    [Fact]
    public void SchemaCommand_PrintsTheSchema()
    {
        var (code, stdout, stderr) = Cli("schema");

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Equal("", stderr);
        Assert.Equal(ScenarioSchema.ToJson(), stdout);
        Assert.Equal(ScenarioSchema.Dialect, (string?)JObject.Parse(stdout)["$schema"]);
    }

    [Fact]
    public void SchemaCommand_Out_WritesTheFileAndNothingElse()
    {
        string path = Path.Combine(_h.Folder, "scenario.schema.json");
        File.WriteAllText(path, "old");

        var (code, stdout, stderr) = Cli("schema", "--out", path);

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Equal("", stderr);
        Assert.Equal($"Wrote {path}", stdout.Trim());
        Assert.Equal(ScenarioSchema.ToJson(), File.ReadAllText(path));
        Assert.Equal([path], Directory.GetFileSystemEntries(_h.Folder)); // no temporary file left behind
    }

    [Fact]
    public void SchemaCommand_OutInAMissingFolder_FailsWithAMessageAndWritesNothing()
    {
        string path = Path.Combine(_h.Folder, "no-such-folder", "scenario.schema.json");

        var (code, stdout, stderr) = Cli("schema", "--out", path);

        Assert.NotEqual(ExitCodes.Ok, code);
        Assert.Equal("", stdout);
        Assert.StartsWith($"{path}: cannot write the schema", stderr);
        Assert.Contains("Fix: ", stderr);
        AssertNoStackTrace(stderr);
        Assert.Empty(Directory.GetFileSystemEntries(_h.Folder));
    }

    [Fact]
    public void Schema_DescribesEveryLeverWithItsTypeRangeDefaultAndMeaning()
    {
        var levers = (JObject)Def("levers")["properties"]!;
        var defaults = new PolicyLevers();
        var properties = typeof(PolicyLevers).GetProperties(BindingFlags.Public | BindingFlags.Instance);

        Assert.Equal(properties.Select(p => ParameterPaths.SnakeCase(p.Name)), levers.Properties().Select(p => p.Name));
        foreach (var p in properties)
        {
            var s = (JObject)levers[ParameterPaths.SnakeCase(p.Name)]!;
            Assert.Equal(p.GetCustomAttribute<MeaningAttribute>()!.Text, (string?)s["description"]);
            if (p.PropertyType == typeof(Settlement))
            {
                Assert.Equal(["tied_grants", "single_pot", "health_devolution"], s["enum"]!.Values<string>());
                Assert.Equal("tied_grants", (string?)s["default"]);
                continue;
            }
            var range = p.GetCustomAttribute<AllowedRangeAttribute>()!;
            Assert.Equal("number", (string?)s["type"]);
            Assert.Equal(range.Min, (double)s["minimum"]!);
            Assert.Equal(range.Max, (double)s["maximum"]!);
            Assert.Equal((double)p.GetValue(defaults)!, (double)s["default"]!);
        }
        // The top level and every variant use the same lever definitions.
        Assert.Equal("#/$defs/levers", (string?)Schema["properties"]!["levers"]!["$ref"]);
        Assert.Equal("#/$defs/levers", (string?)Def("variant")["properties"]!["levers"]!["$ref"]);
    }

    [Fact]
    public void Schema_DescribesEveryParameterPathWithItsRangeDefaultAndMeaning()
    {
        var parameters = (JObject)Schema["properties"]!["parameters"]!;
        var defaults = new ModelParameters();
        var leaves = ((JObject)parameters["properties"]!).Properties()
            .SelectMany(g => ((JObject)g.Value["properties"]!).Properties().Select(p => (Path: $"{g.Name}.{p.Name}", Schema: (JObject)p.Value)))
            .ToList();

        Assert.Equal(ParameterPaths.All.Select(p => p.Path), leaves.Select(l => l.Path));
        foreach (var (info, leaf) in ParameterPaths.All.Zip(leaves.Select(l => l.Schema)))
        {
            Assert.Equal(info.Type == typeof(int) ? "integer" : "number", (string?)leaf["type"]);
            Assert.Equal(info.Min, (double)leaf["minimum"]!);
            Assert.Equal(info.Max, (double)leaf["maximum"]!);
            Assert.Equal(ParameterPaths.Get(defaults, info), (double)leaf["default"]!);
            Assert.Equal(info.Meaning, (string?)leaf["description"]);
        }
        // An uncertain entry may name exactly these paths.
        Assert.Equal(ParameterPaths.All.Select(p => p.Path), Def("uncertain_parameter")["properties"]!["parameter"]!["enum"]!.Values<string>());
    }

    [Fact]
    public void Schema_HasOneSubschemaPerDistributionKindWithItsRequiredKeys()
    {
        var expected = new Dictionary<string, string[]>
        {
            ["normal"] = ["mean", "sd"],
            ["lognormal"] = ["median", "lower95", "upper95"],
            ["uniform"] = ["min", "max"],
            ["triangular"] = ["min", "mode", "max"],
            ["beta"] = ["alpha", "beta"],
        };

        Assert.Equal(expected.Keys, Def("uncertain_parameter")["properties"]!["distribution"]!["enum"]!.Values<string>());
        foreach (var (kind, keys) in expected)
        {
            var sub = Def($"{kind}_distribution");
            Assert.Equal(keys, sub["required"]!.Values<string>());
            Assert.Equal(["parameter", "distribution", .. keys], ((JObject)sub["properties"]!).Properties().Select(p => p.Name));
            Assert.False((bool)sub["additionalProperties"]!);
        }
    }

    /// <summary>Every structural key the schema lists, with where it goes (a JSON path), for checking it against the loader.</summary>
    public static TheoryData<string, string> StructuralKeys()
    {
        var data = new TheoryData<string, string>();
        foreach (string key in ((JObject)Schema["properties"]!).Properties().Select(p => p.Name).Where(k => !k.StartsWith('$'))) data.Add("", key);
        foreach (string key in ((JObject)Def("world")["properties"]!).Properties().Select(p => p.Name)) data.Add("world", key);
        foreach (string key in ((JObject)Def("region")["properties"]!).Properties().Select(p => p.Name)) data.Add("world.regions[0]", key);
        foreach (string key in ((JObject)Def("variant")["properties"]!).Properties().Select(p => p.Name)) data.Add("variants[0]", key);
        return data;
    }

    [Theory]
    [MemberData(nameof(StructuralKeys))]
    public void SchemaKey_IsAcceptedByTheLoader(string where, string key)
    {
        var scenario = Minimal(regions: where == "world.regions[0]");
        var target = where.Length == 0 ? scenario : (JObject)scenario.SelectToken(where)!;
        if (where == "world" && key != "sites_per_zone") target.RemoveAll(); // archetype, regions, zones_csv and places exclude each other
        target[key] = target[key] ?? ValidValue(where, key);

        var problems = Load(scenario);

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    private static JToken ValidValue(string where, string key) => (where, key) switch
    {
        ("", "start_year") => 2030,
        ("", "world") => new JObject { ["archetype"] = "england_like" },
        ("", "levers" or "parameters") => new JObject(),
        ("", "uncertain") => new JArray(),
        ("", "sensitivity") => new JObject { ["levers"] = new JObject { ["mission_commitment"] = new JArray(0, 1) }, ["outcomes"] = new JArray("hle_years"), ["replications_per_sample"] = 2 },
        ("world", "archetype") => "england_like",
        ("world", "regions") => new JArray(new JObject { ["name"] = "R", ["zones"] = 2 }),
        ("world", "zones_csv") => RepositoryRoot.File("examples", "zones-example.csv"),
        ("world", "places") => "england_mcas",
        ("world.regions[0]", "capacity") => "new",
        ("variants[0]", "levers") => new JObject { ["settlement"] = "single_pot" },
        ("variants[0]", "parameters") => new JObject { ["politics"] = new JObject { ["co_investment_per_gbp"] = 0 } },
        (_, "name" or "description" or "label") => "text",
        _ => 3,
    };

    public static TheoryData<string, string> IntegerLimits() => new()
    {
        { "", "start_year" }, { "", "horizon_years" }, { "", "replications" }, { "", "seed" },
        { "world", "sites_per_zone" }, { "world.regions[0]", "zones" },
    };

    [Theory]
    [MemberData(nameof(IntegerLimits))]
    public void SchemaLimits_AreTheLoadersLimits(string where, string key)
    {
        var s = SchemaAt(where, key);
        var min = JToken.Parse(s["minimum"]!.ToString());
        var max = JToken.Parse(s["maximum"]!.ToString());
        var belowMin = JToken.Parse((System.Numerics.BigInteger.Parse(min.ToString()) - 1).ToString());
        var aboveMax = JToken.Parse((System.Numerics.BigInteger.Parse(max.ToString()) + 1).ToString());
        string path = where.Length == 0 ? key : $"{where}.{key}";

        Assert.DoesNotContain(LoadWith(where, key, min), p => p.JsonPath == path);
        Assert.DoesNotContain(LoadWith(where, key, max), p => p.JsonPath == path);
        Assert.Contains(LoadWith(where, key, belowMin), p => p.JsonPath == path);
        Assert.Contains(LoadWith(where, key, aboveMax), p => p.JsonPath == path);
    }

    [Fact]
    public void SchemaDefaults_AreTheLoadersDefaults()
    {
        var withRegion = Minimal(regions: true);
        ((JObject)withRegion["world"]!["regions"]![0]!).Remove("zones");
        var scenario = ScenarioLoader.Parse(Minimal(regions: false).ToString(), "x.json", _h.Folder).Scenario!;
        var region = ScenarioLoader.Parse(withRegion.ToString(), "x.json", _h.Folder).Scenario!.World.Regions[0];
        var top = (JObject)Schema["properties"]!;

        Assert.Equal((int)top["start_year"]!["default"]!, scenario.StartYear);
        Assert.Equal((int)top["horizon_years"]!["default"]!, scenario.HorizonYears);
        Assert.Equal((int)top["replications"]!["default"]!, scenario.Replications);
        Assert.Equal((ulong)top["seed"]!["default"]!, scenario.Seed);
        Assert.Equal((int)Def("world")["properties"]!["sites_per_zone"]!["default"]!, scenario.World.SitesPerZone);
        Assert.Equal(WorldSpec.EnglandLike.Regions, scenario.World.Regions);
        Assert.Equal((int)Def("region")["properties"]!["zones"]!["default"]!, region.Zones);
        Assert.Equal((string?)Def("region")["properties"]!["capacity"]!["default"], ParameterPaths.SnakeCase(region.Capacity.ToString()));
        Assert.Equal(ParameterPaths.EnumNames(typeof(CapacityClass)), Def("region")["properties"]!["capacity"]!["enum"]!.Values<string>());
        Assert.Equal(["england_like"], Def("world")["properties"]!["archetype"]!["enum"]!.Values<string>());
        Assert.Equal(["name", "variants"], Schema["required"]!.Values<string>());
    }

    [Fact]
    public void Schema_UsesOnlyKeywordsTheTestValidatorChecks()
    {
        var unknown = SchemaSubsetValidator.KeywordsUsed(Schema).Distinct().Where(k => !SchemaSubsetValidator.Keywords.Contains(k)).ToList();

        Assert.Empty(unknown);
    }

    [Theory]
    [MemberData(nameof(ValidateCommandTests.BundledScenarios), MemberType = typeof(ValidateCommandTests))]
    public void BundledScenario_ConformsToTheSchema(string relativePath)
    {
        var document = JToken.Parse(File.ReadAllText(RepositoryRoot.File(relativePath)));

        var errors = new SchemaSubsetValidator(Schema).Validate(document);

        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Theory]
    [MemberData(nameof(ValidateCommandTests.BundledScenarios), MemberType = typeof(ValidateCommandTests))]
    public void BundledScenario_PointsEditorsToTheSchema(string relativePath)
    {
        string path = RepositoryRoot.File(relativePath);
        string? reference = (string?)JObject.Parse(File.ReadAllText(path))["$schema"];

        Assert.NotNull(reference);
        if (Path.GetDirectoryName(relativePath) == "scenarios") Assert.Equal("./scenario.schema.json", reference);
        Assert.Equal(CommittedPath, Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, reference)));
    }

    [Fact]
    public void ScenarioLibrary_HasTheBundledScenarios()
    {
        string[] names = Directory.GetFiles(RepositoryRoot.File("scenarios"), "*.json")
            .Where(p => !p.EndsWith(".schema.json", StringComparison.Ordinal)).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray()!;

        Assert.Equal(["capacity_gap.json", "england_mcas.json", "health_devolution.json", "health_valuation.json", "high_turbulence.json", "patient_capital.json",
            "reference.json", "role_convening.json", "role_figurehead.json", "role_national_missions.json", "role_test_and_learn.json"], names);
        // Each has its section in the library, with the claim it tests.
        string library = File.ReadAllText(RepositoryRoot.File("scenarios", "README.md"));
        Assert.All(names, n => Assert.Contains($"\n### {n} — ", library));
    }

    [Fact]
    public void ScenariosReadme_LeverTable_IsTheCodes()
    {
        string[] rows = File.ReadAllLines(RepositoryRoot.File("scenarios", "README.md"))
            .SkipWhile(l => !l.StartsWith("| lever |", StringComparison.Ordinal)).Skip(2).TakeWhile(l => l.StartsWith('|')).ToArray();
        var defaults = new PolicyLevers();
        var properties = typeof(PolicyLevers).GetProperties(BindingFlags.Public | BindingFlags.Instance);

        Assert.Equal(properties.Length, rows.Length);
        foreach (var (p, row) in properties.Zip(rows))
        {
            string[] cells = row.Trim('|').Split('|').Select(c => c.Trim()).ToArray();
            Assert.Equal(5, cells.Length);
            Assert.Equal($"`{ParameterPaths.SnakeCase(p.Name)}`", cells[0]);
            if (p.PropertyType == typeof(Settlement))
            {
                Assert.Equal(string.Join(", ", SettlementCatalogue.Names.Select(n => $"`{n}`")), cells[2]);
                Assert.Equal($"`{((Settlement)p.GetValue(defaults)!).Name}`", cells[3]);
            }
            else
            {
                var range = p.GetCustomAttribute<AllowedRangeAttribute>()!;
                Assert.Equal($"{Format(range.Min)} – {Format(range.Max)}", cells[2]);
                Assert.Equal(Format((double)p.GetValue(defaults)!), cells[3]);
            }
            Assert.Equal(p.GetCustomAttribute<MeaningAttribute>()!.Text, cells[4]);
        }

        static string Format(double x) => x == Math.Floor(x)
            ? x.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)
            : x.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public void ScenariosReadme_NamesEveryTopLevelKeyWorldOptionAndDistribution()
    {
        string readme = File.ReadAllText(RepositoryRoot.File("scenarios", "README.md"));
        string[] kinds = Def("uncertain_parameter")["properties"]!["distribution"]!["enum"]!.Values<string>().OfType<string>().ToArray();
        var names = ((JObject)Schema["properties"]!).Properties().Select(p => p.Name)
            .Concat(((JObject)Def("world")["properties"]!).Properties().Select(p => p.Name))
            .Concat(kinds)
            .Concat(kinds.SelectMany(kind => Def($"{kind}_distribution")["required"]!.Values<string>().OfType<string>()));

        foreach (string name in names) Assert.Contains($"`{name}`", readme);
    }

    /// <summary>Documents the loader rejects are also rejected by the schema, at the same place, so the conformance test above can fail.</summary>
    [Theory]
    [InlineData("\"levers\": { \"funding_per_head\": 200 }", "levers.funding_per_head", null)]
    [InlineData("\"levers\": { \"competitive_share\": 1.5 }", "levers.competitive_share", null)]
    [InlineData("\"levers\": { \"settlement\": \"single-pot\" }", "levers.settlement", null)]
    [InlineData("\"parameters\": { \"health\": { \"walking_relative_rsk\": 0.9 } }", "parameters.health.walking_relative_rsk", null)]
    [InlineData("\"parameters\": { \"funding\": { \"bids_per_theme_per_year\": 2.5 } }", "parameters.funding.bids_per_theme_per_year", null)]
    [InlineData("\"uncertain\": [ { \"parameter\": \"health.walking_relative_rsk\", \"distribution\": \"uniform\", \"min\": 0.8, \"max\": 0.9 } ]", "uncertain[0].parameter", null)]
    [InlineData("\"uncertain\": [ { \"parameter\": \"icb.prevention_share\", \"distribution\": \"beta\", \"alpha\": 0, \"beta\": 2 } ]", "uncertain[0]", "uncertain[0].alpha")]
    [InlineData("\"uncertain\": [ { \"parameter\": \"icb.prevention_share\", \"distribution\": \"normal\", \"mean\": 0.05, \"sd\": 0.01, \"max\": 1 } ]", "uncertain[0].max", null)]
    [InlineData("\"uncertain\": [ { \"parameter\": \"icb.prevention_share\", \"distribution\": \"normal\", \"mean\": 0.05 } ]", "uncertain[0].sd", "uncertain[0]")]
    [InlineData("\"world\": { \"archetype\": \"england_like\", \"regions\": [ { \"name\": \"R\" } ] }", "world", null)]
    [InlineData("\"world\": { \"regions\": [ { \"name\": \"R\", \"capacity\": \"mature\" } ] }", "world.regions[0].capacity", null)]
    [InlineData("\"horizon_year\": 10", "horizon_year", null)]
    [InlineData("\"replications\": 0", "replications", null)]
    public void SchemaAndLoader_RejectTheSameMistake(string member, string loaderPath, string? schemaPath)
    {
        string json = $$"""{ "name": "x", {{member}}, "variants": [ { "name": "a" } ] }""";

        var loaderProblems = ScenarioLoader.Parse(json, "x.json", _h.Folder).Problems;
        var schemaErrors = new SchemaSubsetValidator(Schema).Validate(JObject.Parse(json));

        Assert.Contains(loaderProblems, p => p.JsonPath == loaderPath);
        Assert.Contains(schemaErrors, e => e.StartsWith((schemaPath ?? loaderPath) + ": ", StringComparison.Ordinal));
    }

    private static JObject Minimal(bool regions) => new()
    {
        ["name"] = "x",
        ["world"] = regions ? new JObject { ["regions"] = new JArray(new JObject { ["name"] = "R", ["zones"] = 2 }) } : new JObject(),
        ["variants"] = new JArray(new JObject { ["name"] = "a" }),
    };

    private static JObject SchemaAt(string where, string key) => where switch
    {
        "" => (JObject)Schema["properties"]![key]!,
        "world" => (JObject)Def("world")["properties"]![key]!,
        _ => (JObject)Def("region")["properties"]![key]!,
    };

    private IReadOnlyList<ValidationProblem> LoadWith(string where, string key, JToken value)
    {
        var scenario = Minimal(regions: where == "world.regions[0]");
        var target = where.Length == 0 ? scenario : (JObject)scenario.SelectToken(where)!;
        target[key] = value;
        return Load(scenario);
    }

    private IReadOnlyList<ValidationProblem> Load(JObject scenario) => ScenarioLoader.Parse(scenario.ToString(), "x.json", _h.Folder).Problems;
}
