using System.Globalization;
using Newtonsoft.Json.Linq;
using UrbanSim.Runner.Appraisal;

namespace UrbanSim.Runner.Tests.Appraisal;

public sealed class AppraiseCommandTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "urbansim-appraise-" + Guid.NewGuid().ToString("N"));

    public AppraiseCommandTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private const string Valid = """
        {
          "population": {"people": 100000, "age_from_years": 20, "age_to_years": 74, "all_cause_mortality_per_100k": 500},
          "before": {"walking_minutes_per_week": 0},
          "after": {"walking_minutes_per_week": 168}
        }
        """;

    private string Write(string name, string json)
    {
        string path = Path.Combine(_folder, name);
        File.WriteAllText(path, json.ReplaceLineEndings("\n"));
        return path;
    }

    private static (int Code, string Out, string Err) Run(string path, string? outPath = null)
    {
        var stdout = new StringWriter(CultureInfo.InvariantCulture);
        var stderr = new StringWriter(CultureInfo.InvariantCulture);
        int code = AppraiseCommand.Run(path, outPath ?? AppraiseCommand.BesideInputPath(path), stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    private string[] ErrorLines(string json)
    {
        string path = Write("input.json", json);
        var (code, _, err) = Run(path);
        Assert.Equal(AppraiseCommand.InvalidInput, code);
        Assert.False(File.Exists(AppraiseCommand.BesideInputPath(path)));
        return err.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[..^1];
    }

    [Fact]
    public void ValidFile_WritesExpectedNumbersNextToInput()
    {
        string path = Write("walk.json", Valid);
        var (code, stdout, stderr) = Run(path);

        Assert.Equal(AppraiseCommand.Success, code);
        Assert.Equal("", stderr);
        string output = Path.Combine(_folder, "walk.result.json");
        Assert.True(File.Exists(output));
        JObject result = JObject.Parse(File.ReadAllText(output));
        Assert.Equal(100_000 * 0.005 * 0.11, (double)result["deaths_prevented_per_year"]!, 9);
        Assert.Equal(55 * 2_064_189.0, (double)result["value_gbp_per_year"]!, 4);
        Assert.Equal((double)result["qalys_per_year"]! * 70_000, (double)result["qaly_value_gbp_per_year"]!, 4);
        Assert.Equal(55.0, (double)result["by_exposure"]!["walking"]!["deaths_prevented_per_year"]!, 9);
        Assert.Equal(0.0, (double)result["by_exposure"]!["cycling"]!["deaths_prevented_per_year"]!);
        Assert.Contains("walking", stdout);
        Assert.Contains("55.0", stdout);
        Assert.Contains("113,530,395", stdout); // 55 x 2,064,189
        Assert.Empty(Directory.GetFiles(_folder, "*.tmp"));
    }

    [Fact]
    public void OutOption_WritesThereAndOverwrites()
    {
        string path = Write("walk.json", Valid);
        string output = Path.Combine(_folder, "custom.json");
        File.WriteAllText(output, "old");
        Assert.Equal(AppraiseCommand.Success, Run(path, output).Code);
        Assert.StartsWith("{", File.ReadAllText(output));
        Assert.False(File.Exists(Path.Combine(_folder, "walk.result.json")));
    }

    [Fact]
    public void OmittedAfterKeys_StayAsBefore_OmittedBeforeKeys_AreZero()
    {
        string path = Write("keys.json", """
            {"population": {"people": 1000, "age_from_years": 30, "age_to_years": 39, "all_cause_mortality_per_100k": 100},
             "before": {"pm25_micrograms_per_m3": 10, "walking_minutes_per_week": 100},
             "after": {"cycling_minutes_per_week": 100}}
            """);
        Assert.Equal(AppraiseCommand.Success, Run(path).Code);
        JObject result = JObject.Parse(File.ReadAllText(AppraiseCommand.BesideInputPath(path)));
        Assert.Equal(0.0, (double)result["by_exposure"]!["pm25"]!["deaths_prevented_per_year"]!);
        Assert.Equal(0.0, (double)result["by_exposure"]!["walking"]!["deaths_prevented_per_year"]!);
        Assert.Equal(1000 * 0.001 * 0.1, (double)result["by_exposure"]!["cycling"]!["deaths_prevented_per_year"]!, 12);
    }

    [Fact]
    public void UnknownKey_NamesLinePathAndNearestKey()
    {
        string[] lines = ErrorLines("""
            {
              "population": {"people": 100000, "age_from_years": 20, "age_to_years": 74, "all_cause_mortality_per_100k": 500},
              "before": {"walkng_minutes_per_week": 60},
              "after": {}
            }
            """);
        string line = Assert.Single(lines);
        Assert.Contains("input.json:3:14: before.walkng_minutes_per_week: unknown key \"walkng_minutes_per_week\"", line);
        Assert.Contains("Fix: did you mean \"walking_minutes_per_week\"?", line);
    }

    [Fact]
    public void UnknownKeyWithNothingClose_ListsAllowedKeys()
    {
        string line = Assert.Single(ErrorLines("""
            {"population": {"people": 1, "age_from_years": 20, "age_to_years": 74, "all_cause_mortality_per_100k": 500},
             "before": {}, "after": {}, "colour": "blue"}
            """));
        Assert.Contains("input.json:2:29: colour: unknown key", line);
        Assert.Contains("Fix: remove it; the keys allowed here are description, population, before, after", line);
    }

    [Fact]
    public void WrongType_SaysWhatWasFoundAndHowToFix()
    {
        string line = Assert.Single(ErrorLines("""
            {"population": {"people": "100000", "age_from_years": 20, "age_to_years": 74, "all_cause_mortality_per_100k": 500},
             "before": {}, "after": {}}
            """));
        Assert.Contains("input.json:1:17: population.people: expected a number, found text \"100000\"", line);
        Assert.Contains("Fix: remove the quotes: \"people\": 100000", line);
    }

    [Fact]
    public void MissingRequiredKeys_PointAtTheirObject()
    {
        string[] lines = ErrorLines("""
            {
              "population": {"people": 100000, "age_from_years": 20, "age_to_years": 74},
              "before": {}
            }
            """);
        Assert.Equal(2, lines.Length);
        Assert.Contains("input.json:1:1: after: required key \"after\" is missing", lines[0]);
        Assert.Contains("Fix: add \"after\":", lines[0]);
        Assert.Contains("input.json:2:17: population.all_cause_mortality_per_100k: required key \"all_cause_mortality_per_100k\" is missing", lines[1]);
        Assert.Contains("Fix: add \"all_cause_mortality_per_100k\": 500", lines[1]);
    }

    [Theory]
    [InlineData("people", "0", "0 is out of range: must be greater than 0 and at most 10000000000")]
    [InlineData("people", "1e308", "1E+308 is out of range: must be greater than 0 and at most 10000000000")]
    [InlineData("all_cause_mortality_per_100k", "100000", "100000 is out of range: must be greater than 0 and less than 100000")]
    [InlineData("age_from_years", "121", "121 is out of range: must be a whole number from 0 to 120")]
    [InlineData("age_from_years", "20.5", "expected a whole number, found 20.5")]
    [InlineData("value_of_statistical_life_gbp", "-1", "-1 is out of range: must be greater than 0 and at most 10000000000")]
    [InlineData("qaly_value_gbp", "0", "0 is out of range: must be greater than 0 and at most 10000000000")]
    public void PopulationOutOfRange_IsReported(string key, string value, string message)
    {
        var population = new Dictionary<string, string>
        {
            ["people"] = "100000", ["age_from_years"] = "20", ["age_to_years"] = "74", ["all_cause_mortality_per_100k"] = "500",
        };
        population[key] = value;
        string body = string.Join(", ", population.Select(kv => $"\"{kv.Key}\": {kv.Value}"));
        string line = Assert.Single(ErrorLines("{\"population\": {" + body + "}, \"before\": {}, \"after\": {}}"));
        Assert.Contains($": population.{key}: {message}. Fix: ", line);
    }

    [Theory]
    [InlineData("walking_minutes_per_week", "-1", "must be from 0 to 10080")]
    [InlineData("cycling_minutes_per_week", "10081", "must be from 0 to 10080")]
    [InlineData("pm25_micrograms_per_m3", "501", "must be from 0 to 500")]
    [InlineData("green_space_ndvi", "-1.5", "must be from -1 to 1")]
    [InlineData("cold_home_share", "1.2", "must be from 0 to 1")]
    public void ExposureOutOfRange_IsReported(string key, string value, string message)
    {
        string line = Assert.Single(ErrorLines("""
            {"population": {"people": 1, "age_from_years": 20, "age_to_years": 74, "all_cause_mortality_per_100k": 500},
             "before": {}, "after": {"KEY": VALUE}}
            """.Replace("KEY", key).Replace("VALUE", value)));
        Assert.Contains($"input.json:2:26: after.{key}: {value} is out of range: {message}. Fix: ", line);
    }

    [Fact]
    public void AgesInWrongOrder_AreReported()
    {
        string line = Assert.Single(ErrorLines("""
            {"population": {"people": 1, "age_from_years": 74, "age_to_years": 20, "all_cause_mortality_per_100k": 500},
             "before": {}, "after": {}}
            """));
        Assert.Contains("population.age_to_years: age_to_years (20) is below age_from_years (74). Fix: make age_to_years at least age_from_years", line);
    }

    [Fact]
    public void SeveralProblems_AreAllReportedInFileOrder()
    {
        string[] lines = ErrorLines("""
            {
              "population": {"people": -5, "age_from_years": 20, "age_to_years": 74, "all_cause_mortality_per_100k": "high"},
              "before": {"walking_minutes_per_week": 60, "cyclng_minutes_per_week": 10},
              "after": {"pm25_micrograms_per_m3": 600, "green_space_ndvi": true}
            }
            """);
        Assert.Equal(5, lines.Length);
        Assert.Contains("input.json:2:18: population.people:", lines[0]);
        Assert.Contains("input.json:2:74: population.all_cause_mortality_per_100k: expected a number, found text \"high\"", lines[1]);
        Assert.Contains("input.json:3:46: before.cyclng_minutes_per_week: unknown key", lines[2]);
        Assert.Contains("input.json:4:13: after.pm25_micrograms_per_m3: 600 is out of range", lines[3]);
        Assert.Contains("input.json:4:44: after.green_space_ndvi: expected a number, found true", lines[4]);
    }

    [Fact]
    public void StderrEndsWithCount()
    {
        string path = Write("input.json", "{\"population\": 1, \"before\": [], \"after\": {}}");
        var (_, _, err) = Run(path);
        Assert.Contains("expected an object {…}, found a number", err);
        Assert.Contains("expected an object {…}, found an array", err);
        Assert.EndsWith("2 problems; nothing was written.", err.TrimEnd());
    }

    [Fact]
    public void MalformedJson_ReportsLineAndPosition()
    {
        string line = Assert.Single(ErrorLines("""
            {
              "population": {"people": 100000 "age_from_years": 20},
              "before": {}, "after": {}
            }
            """));
        Assert.Contains("input.json:2:34: population.people: After parsing a value an unexpected character was encountered", line);
        Assert.Contains("Fix: correct the JSON syntax", line);
        Assert.DoesNotContain("Path '", line);
    }

    [Fact]
    public void DuplicateKey_IsReported()
    {
        string line = Assert.Single(ErrorLines("""{"population": {"people": 1, "people": 2}, "before": {}, "after": {}}"""));
        Assert.Contains("input.json:1:", line);
        Assert.Contains("people", line);
        Assert.Contains("Fix: keep only one of the repeated keys", line);
    }

    [Fact]
    public void EmptyFileAndNonObject_AreReported()
    {
        Assert.Contains("the file is empty", Assert.Single(ErrorLines("  \n")));
        Assert.Contains("the top level must be a JSON object", Assert.Single(ErrorLines("[1, 2]")));
        Assert.Contains("unexpected content after the end", Assert.Single(ErrorLines(Valid + "\n{}")));
    }

    [Fact]
    public void MissingFile_GivesClearMessageAndExitCode2()
    {
        string path = Path.Combine(_folder, "nope.json");
        var (code, stdout, stderr) = Run(path);
        Assert.Equal(AppraiseCommand.InvalidInput, code);
        Assert.Equal("", stdout);
        Assert.Contains($"{path}: file not found. Fix: check the path", stderr);
        Assert.Empty(Directory.GetFiles(_folder));
    }

    [Fact]
    public void OutputFolderMissing_IsAProblemAndNothingIsWritten()
    {
        string path = Write("walk.json", Valid);
        var (code, _, stderr) = Run(path, Path.Combine(_folder, "no-such-folder", "r.json"));
        Assert.Equal(AppraiseCommand.InvalidInput, code);
        Assert.Contains("does not exist", stderr);
        Assert.Single(Directory.GetFiles(_folder));
    }

    [Fact]
    public void OutputSameAsInput_IsRefused()
    {
        string path = Write("walk.json", Valid);
        var (code, _, stderr) = Run(path, path);
        Assert.Equal(AppraiseCommand.InvalidInput, code);
        Assert.Contains("the output path is the appraisal file itself", stderr);
        Assert.Equal(Valid.ReplaceLineEndings("\n"), File.ReadAllText(path));
    }

    [Theory]
    [InlineData("a/appraisal.json", "a/appraisal.result.json")]
    [InlineData("a/appraisal.JSON", "a/appraisal.result.json")]
    [InlineData("a/appraisal.txt", "a/appraisal.txt.result.json")]
    public void BesideInputPath_SitsNextToInput(string input, string expected) =>
        Assert.Equal(expected, AppraiseCommand.BesideInputPath(input));

    [Theory]
    [InlineData("examples/appraisal-walking.json", "out/appraisal-walking.result.json")]
    [InlineData("/data/a/appraisal.txt", "out/appraisal.txt.result.json")]
    public void DefaultOutputPath_IsInTheOutFolder_SoTheRepositoryGainsNoUntrackedFile(string input, string expected) =>
        Assert.Equal(expected, AppraiseCommand.DefaultOutputPath(input));

    [Fact]
    public void BesideInput_OnTheCommandLine_WritesNextToTheInput_AndWithOutIsRefused()
    {
        string path = Write("walk.json", Valid);
        var stdout = new StringWriter(CultureInfo.InvariantCulture);
        var stderr = new StringWriter(CultureInfo.InvariantCulture);
        Assert.Equal(AppraiseCommand.Success, Program.Run(["appraise", path, "--beside-input"], stdout, stderr));
        Assert.True(File.Exists(Path.Combine(_folder, "walk.result.json")));

        stderr = new StringWriter(CultureInfo.InvariantCulture);
        Assert.Equal(UrbanSim.Runner.Commands.ExitCodes.Usage, Program.Run(["appraise", path, "--beside-input", "--out", Path.Combine(_folder, "x.json")], stdout, stderr));
        Assert.Equal("urbansim appraise: --out and --beside-input both say where to write; give one of them. Fix: see 'urbansim appraise --help'.", stderr.ToString().Trim());
    }

    [Fact]
    public void Example_RunsAndGivesPlausibleResult()
    {
        string example = Path.Combine(RepositoryRoot(), "examples", "appraisal-walking.json");
        string output = Path.Combine(_folder, "example.result.json");
        var (code, stdout, stderr) = Run(example, output);

        Assert.True(code == AppraiseCommand.Success, stderr);
        JObject result = JObject.Parse(File.ReadAllText(output));
        double walking = (double)result["by_exposure"]!["walking"]!["deaths_prevented_per_year"]!;
        double pm25 = (double)result["by_exposure"]!["pm25"]!["deaths_prevented_per_year"]!;
        Assert.True(walking > 0 && pm25 > 0);
        Assert.Equal(0.0, (double)result["by_exposure"]!["cycling"]!["deaths_prevented_per_year"]!);
        Assert.True((double)result["deaths_prevented_per_year"]! <= walking + pm25);
        Assert.Contains("PM2.5", stdout);
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "UrbanSim.sln"))) return dir.FullName;
        throw new InvalidOperationException("UrbanSim.sln not found above " + AppContext.BaseDirectory);
    }
}
