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
}
