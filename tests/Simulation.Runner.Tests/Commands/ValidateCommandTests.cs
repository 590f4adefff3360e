using System.Globalization;
using Newtonsoft.Json.Linq;
using UrbanSim.Runner.Commands;
using static UrbanSim.Runner.Tests.Commands.CliHarness;

namespace UrbanSim.Runner.Tests.Commands;

public sealed class ValidateCommandTests : IDisposable
{
    private readonly CliHarness _h = new();

    public void Dispose() => _h.Dispose();

    /// <summary>
    /// Every bundled JSON file in scenarios/ and examples/ that is a scenario. Appraisal files (population,
    /// before, after; see README) and JSON Schemas are other formats and are left out.
    /// </summary>
    public static TheoryData<string> BundledScenarios()
    {
        var data = new TheoryData<string>();
        foreach (string folder in new[] { "scenarios", "examples" })
        {
            foreach (string path in Directory.GetFiles(RepositoryRoot.File(folder), "*.json").Order(StringComparer.Ordinal))
            {
                if (path.EndsWith(".schema.json", StringComparison.Ordinal)) continue;
                if (JToken.Parse(File.ReadAllText(path)) is JObject o && o["population"] is not null && o["before"] is not null) continue;
                data.Add(Path.GetRelativePath(RepositoryRoot.Path, path));
            }
        }
        return data;
    }

    [Fact]
    public void BundledScenarios_IncludeTheReferenceAndUserZonesExamples()
    {
        string[] found = BundledScenarios().Cast<object[]>().Select(row => (string)row[0]).ToArray();
        Assert.Contains(Path.Combine("scenarios", "reference.json"), found);
        Assert.Contains(Path.Combine("examples", "user-zones.json"), found);
        Assert.DoesNotContain(Path.Combine("examples", "appraisal-walking.json"), found);
    }

    [Theory]
    [MemberData(nameof(BundledScenarios))]
    public void Validate_BundledScenario_ExitsZero(string relativePath)
    {
        string path = RepositoryRoot.File(relativePath);

        var (code, stdout, stderr) = Cli("validate", path);

        Assert.True(code == ExitCodes.Ok, stderr);
        Assert.Equal("", stderr);
        Assert.StartsWith($"{path} is valid: ", stdout);
    }

    [Fact]
    public void Validate_BadScenario_ExitsTwoAndReportsEveryProblem()
    {
        string path = _h.Write("broken.json", InvalidScenario);

        var (code, stdout, stderr) = Cli("validate", path);

        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Equal("", stdout);
        AssertNoStackTrace(stderr);
        Assert.Contains($"{path}:3:", stderr);
        Assert.Contains("did you mean 'horizon_years'?", stderr);
        Assert.Contains("did you mean 'single_pot'?", stderr);
        Assert.EndsWith($"3 problem(s) in {path}.\n", stderr.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Validate_MalformedJson_ExitsTwoWithLineAndColumn()
    {
        string path = _h.Write("malformed.json", "{\n  \"name\": \"x\",\n  \"variants\": [ { \"name\": \"a\" }\n}\n");

        var (code, _, stderr) = Cli("validate", path);

        Assert.Equal(ExitCodes.InvalidInput, code);
        AssertNoStackTrace(stderr);
        Assert.Contains($"{path}:4:", stderr);
        Assert.Contains("malformed JSON", stderr);
    }

    [Fact]
    public void ValidateMethod_ValidTinyScenario_DescribesIt()
    {
        string path = _h.Write("tiny.json", TinyScenario);
        var stdout = new StringWriter(CultureInfo.InvariantCulture);
        var stderr = new StringWriter(CultureInfo.InvariantCulture);

        int code = ValidateCommand.Run(path, stdout, stderr);

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Equal("", stderr.ToString());
        Assert.Contains("'tiny', 10 zones, 3 years from 2026, 2 variants (tied_grants, single_pot), 1 uncertain parameters, 4 replications, seed 7", stdout.ToString());
        Assert.Empty(Directory.GetDirectories(_h.Folder));
    }

    /// <summary>
    /// One scenario per kind of problem, each with the one line <c>validate</c> must print: file, line, column, JSON
    /// path, message and fix. Newtonsoft.Json reports a property at its colon and a value at its last character.
    /// <c>{file}</c> and <c>{folder}</c> stand for the scenario's path and folder.
    /// </summary>
    public static TheoryData<string, string, string> OneProblemEach() => new()
    {
        {
            "unknown key, with the nearest valid name",
            """
            {
              "name": "tiny",
              "levers": { "competitve_share": 0.5 },
              "variants": [ { "name": "a" } ]
            }
            """,
            "{file}:3:33: levers.competitve_share: unknown key 'competitve_share'. Fix: did you mean 'competitive_share'?"
        },
        {
            "wrong type",
            """
            {
              "name": "tiny",
              "replications": "many",
              "variants": [ { "name": "a" } ]
            }
            """,
            "{file}:3:24: replications: expected a whole number, found the string \"many\". Fix: write a whole number from 1 to 100000000"
        },
        {
            "value out of range",
            """
            {
              "name": "tiny",
              "parameters": { "shocks": { "recession_probability_per_year": 1.5 } },
              "variants": [ { "name": "a" } ]
            }
            """,
            "{file}:3:67: parameters.shocks.recession_probability_per_year: 1.5 is out of range. Fix: use a value from 0 to 1 (Probability a recession starts in a year (UK: 4 in 45 years))"
        },
        {
            "lognormal with lower95 above the median",
            """
            {
              "name": "tiny",
              "uncertain": [
                { "parameter": "health.walking_relative_risk", "distribution": "lognormal", "median": 0.89, "lower95": 0.95, "upper95": 0.96 }
              ],
              "variants": [ { "name": "a" } ]
            }
            """,
            "{file}:4:5: uncertain[0]: impossible lognormal distribution: need lower95 < median < upper95. Fix: correct the distribution's parameters"
        },
        {
            "beta with alpha 0",
            """
            {
              "name": "tiny",
              "uncertain": [
                { "parameter": "icb.prevention_share", "distribution": "beta", "alpha": 0, "beta": 20 }
              ],
              "variants": [ { "name": "a" } ]
            }
            """,
            "{file}:4:5: uncertain[0]: impossible beta distribution: alpha and beta must be greater than 0. Fix: correct the distribution's parameters"
        },
        {
            "triangular with the mode above the maximum",
            """
            {
              "name": "tiny",
              "uncertain": [
                { "parameter": "funding.tied_spend_rate_per_year", "distribution": "triangular", "min": 0.3, "mode": 0.95, "max": 0.9 }
              ],
              "variants": [ { "name": "a" } ]
            }
            """,
            "{file}:4:5: uncertain[0]: impossible triangular distribution: need min <= mode <= max and min < max. Fix: correct the distribution's parameters"
        },
        {
            "unknown parameter path, with the nearest valid path",
            """
            {
              "name": "tiny",
              "uncertain": [
                { "parameter": "health.walking_relative_rsk", "distribution": "uniform", "min": 0.8, "max": 0.95 }
              ],
              "variants": [ { "name": "a" } ]
            }
            """,
            "{file}:4:48: uncertain[0].parameter: unknown parameter 'health.walking_relative_rsk'. Fix: did you mean 'health.walking_relative_risk'?"
        },
        {
            "missing zones CSV file",
            """
            {
              "name": "tiny",
              "world": { "zones_csv": "no-such-zones.csv" },
              "variants": [ { "name": "a" } ]
            }
            """,
            "{file}:3:45: world.zones_csv: zones CSV file not found: {folder}/no-such-zones.csv. Fix: check zones_csv; it is resolved relative to the scenario file"
        },
        {
            "malformed JSON (a missing comma)",
            """
            {
              "name": "tiny",
              "horizon_years": 3
              "variants": [ { "name": "a" } ]
            }
            """,
            "{file}:4:2: horizon_years: malformed JSON: After parsing a value an unexpected character was encountered: \". Fix: fix the JSON syntax at that position (missing comma, quote or bracket?)"
        },
        {
            "missing required key",
            """
            {
              "horizon_years": 3,
              "variants": [ { "name": "a" } ]
            }
            """,
            "{file}:1:1: name: missing required key 'name'. Fix: add \"name\": \"…\""
        },
        {
            "duplicate variant name",
            """
            {
              "name": "tiny",
              "variants": [
                { "name": "same" },
                { "name": "same", "levers": { "settlement": "single_pot" } }
              ]
            }
            """,
            "{file}:5:20: variants[1].name: variant name 'same' is used twice. Fix: give every variant a different name"
        },
    };

    [Theory]
    [MemberData(nameof(OneProblemEach))]
    public void Validate_OneProblem_PrintsItsLineColumnPathAndFixAndExitsTwo(string kind, string json, string expected)
    {
        string path = _h.Write("scenario.json", json);

        var (code, stdout, stderr) = Cli("validate", path);

        Assert.True(code == ExitCodes.InvalidInput, $"{kind}: exit code {code}");
        Assert.Equal("", stdout);
        AssertNoStackTrace(stderr);
        string[] lines = stderr.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
        Assert.Equal([expected.Replace("{file}", path).Replace("{folder}", _h.Folder), $"1 problem(s) in {path}."], lines);
    }

    /// <summary>Every problem is printed in one run, in the order the loader reads the keys (the missing name after the top-level keys).</summary>
    [Fact]
    public void Validate_SeveralProblems_AreAllPrintedInOneRun()
    {
        string path = _h.Write("several.json", """
            {
              "horizon_year": 15,
              "replications": 0,
              "levers": { "settlement": "single-pot", "competitive_share": "a third" },
              "uncertain": [
                { "parameter": "icb.prevention_share", "distribution": "beta", "alpha": 0, "beta": 20 },
                { "parameter": "health.walking_relative_rsk", "distribution": "uniform", "min": 0.8, "max": 0.95 }
              ],
              "variants": [ { "name": "x" }, { "name": "x" } ]
            }
            """);

        var (code, stdout, stderr) = Cli("validate", path);

        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Equal("", stdout);
        string[] lines = stderr.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
        Assert.Equal(
        [
            $"{path}:2:17: horizon_year: unknown key 'horizon_year'. Fix: did you mean 'horizon_years'?",
            $"{path}:1:1: name: missing required key 'name'. Fix: add \"name\": \"…\"",
            $"{path}:3:19: replications: 0 is out of range. Fix: use a whole number from 1 to 100000000",
            $"{path}:4:40: levers.settlement: 'single-pot' is not one of tied_grants, single_pot, health_devolution. Fix: did you mean 'single_pot'?",
            $"{path}:4:72: levers.competitive_share: expected a number, found the string \"a third\". Fix: write a number from 0 to 1 (Share of tied money allocated by competition rather than formula (about a third))",
            $"{path}:6:5: uncertain[0]: impossible beta distribution: alpha and beta must be greater than 0. Fix: correct the distribution's parameters",
            $"{path}:7:48: uncertain[1].parameter: unknown parameter 'health.walking_relative_rsk'. Fix: did you mean 'health.walking_relative_risk'?",
            $"{path}:9:46: variants[1].name: variant name 'x' is used twice. Fix: give every variant a different name",
            $"8 problem(s) in {path}.",
        ], lines);
    }

    [Fact]
    public void Run_InvalidScenario_WritesNothingIntoAnExistingOutFolder()
    {
        string scenario = _h.Write("broken.json", InvalidScenario);
        string outDir = Path.Combine(_h.Folder, "out");
        Directory.CreateDirectory(outDir);
        File.WriteAllText(Path.Combine(outDir, "summary.json"), "an earlier run");

        var (code, stdout, stderr) = Cli("run", scenario, "--out", outDir, "--threads", "1");

        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Equal("", stdout);
        Assert.EndsWith($"3 problem(s) in {scenario}; nothing was run or written.\n", stderr.ReplaceLineEndings("\n"));
        Assert.Equal([Path.Combine(outDir, "summary.json")], Directory.GetFileSystemEntries(outDir));
        Assert.Equal("an earlier run", File.ReadAllText(Path.Combine(outDir, "summary.json")));
    }

    [Theory]
    [MemberData(nameof(BundledScenarios))]
    public void BundledScenario_RunsTwoReplications(string relativePath)
    {
        string path = RepositoryRoot.File(relativePath);
        var scenario = Core.Scenarios.ScenarioLoader.LoadFile(path).Scenario!;
        string outDir = Path.Combine(_h.Folder, "out");
        var stdout = new StringWriter(CultureInfo.InvariantCulture);
        var stderr = new StringWriter(CultureInfo.InvariantCulture);

        // RunOptions has no horizon override, so each scenario runs its full horizon (2 replications are quick).
        int code = RunCommand.Run(new RunOptions(path, 2, null, 2, outDir), stdout, stderr);

        Assert.True(code == ExitCodes.Ok, stderr.ToString());
        var summary = JObject.Parse(File.ReadAllText(Path.Combine(outDir, "summary.json")));
        Assert.Equal(2, (int)summary["replications"]!);
        Assert.Equal(scenario.HorizonYears, (int)summary["horizon_years"]!);
        Assert.Equal(scenario.Variants.Select(v => v.Name), summary["variants"]!.Values<string>());
        foreach (var variant in scenario.Variants)
        {
            double hle = (double)summary["outcomes"]![variant.Name]!["hle_years"]!["mean"]!;
            Assert.InRange(hle, 55, 70);
        }
    }
}
