using System.CommandLine;
using System.CommandLine.Help;
using System.Globalization;
using Newtonsoft.Json.Linq;
using UrbanSim.Runner.Commands;
using UrbanSim.Runner.Output;
using static UrbanSim.Runner.Tests.Commands.CliHarness;

namespace UrbanSim.Runner.Tests.Commands;

/// <summary>
/// What users of dotnet tools expect of a command line: help that gives every option's default, results on stdout and
/// messages on stderr, machine-readable validation, no colours or escape sequences, documented exit codes.
/// </summary>
public sealed class CliConventionsTests : IDisposable
{
    private readonly CliHarness _h = new();

    public void Dispose() => _h.Dispose();

    /// <summary>Every command, subcommands included, as the words that name it (e.g. "places build").</summary>
    public static TheoryData<string> Commands()
    {
        var data = new TheoryData<string>();
        void Walk(Command command, string prefix)
        {
            foreach (var sub in command.Subcommands)
            {
                string path = (prefix + " " + sub.Name).Trim();
                data.Add(path);
                Walk(sub, path);
            }
        }
        Walk(Program.BuildRoot(TextWriter.Null, TextWriter.Null), "");
        return data;
    }

    private static Command Find(string path)
    {
        Command command = Program.BuildRoot(TextWriter.Null, TextWriter.Null);
        foreach (string word in path.Split(' ')) command = command.Subcommands.Single(c => c.Name == word);
        return command;
    }

    [Fact]
    public void Commands_IncludeEveryTopLevelCommandAndPlacesBuild()
    {
        string[] found = Commands().Cast<object[]>().Select(row => (string)row[0]).ToArray();
        Assert.Superset(new HashSet<string> { "run", "merge", "validate", "schema", "sensitivity", "programmes", "trace", "appraise", "serve", "places", "places build", "help" },
            found.ToHashSet());
    }

    /// <summary>
    /// In <c>--help</c>, every option shows its default (<c>[default: …]</c>), or is marked required, or is a flag (off unless
    /// given). The help text of an option runs from its line to the next option's.
    /// </summary>
    [Theory]
    [MemberData(nameof(Commands))]
    public void Help_ListsEveryOptionWithItsDefaultUnlessRequiredOrAFlag(string commandPath)
    {
        var command = Find(commandPath);

        var (code, stdout, stderr) = Cli([.. commandPath.Split(' '), "--help"]);

        Assert.True(code == ExitCodes.Ok, stderr);
        string[] lines = stdout.ReplaceLineEndings("\n").Split('\n');
        int optionsAt = Array.FindIndex(lines, l => l.TrimEnd() == "Options:");
        Assert.True(optionsAt >= 0, $"'{commandPath} --help' has no Options section:\n{stdout}");
        var optionLines = Enumerable.Range(optionsAt + 1, lines.Length - optionsAt - 1).Where(i => lines[i].StartsWith("  -", StringComparison.Ordinal)).ToList();
        foreach (var option in command.Options.Where(o => o is not HelpOption and not VersionOption))
        {
            int at = optionLines.FindIndex(i => lines[i].TrimStart().Split(' ', ',')[0] == option.Name || lines[i].Contains(", " + option.Name + " ", StringComparison.Ordinal));
            Assert.True(at >= 0, $"'{commandPath} --help' does not list {option.Name}:\n{stdout}");
            int end = at + 1 < optionLines.Count ? optionLines[at + 1] : lines.Length;
            string help = string.Join(" ", lines[optionLines[at]..end]);
            bool flag = option.ValueType == typeof(bool);
            Assert.True(flag || option.Required || help.Contains("[default: ", StringComparison.Ordinal),
                $"'{commandPath} --help': {option.Name} shows no default: {help.Trim()}");
        }
    }

    [Fact]
    public void Help_OfRun_ShowsTheDefaultsOfReplicationsAndOutputFolder()
    {
        var (_, stdout, _) = Cli("run", "--help");

        Assert.Contains("Monte Carlo replications [default: the scenario's]", stdout);
        Assert.Contains("Output folder [default: out/<scenario name>]", stdout);
    }

    [Fact]
    public void Help_OfSensitivityAndProgrammes_ShowsTheirNumericDefaults()
    {
        Assert.Contains($"[default: {SensitivityCommand.DefaultSamples}]", Cli("sensitivity", "--help").Out);
        string programmes = Cli("programmes", "--help").Out;
        Assert.Contains($"[default: {ProgrammesCommand.DefaultReplications}]", programmes);
        Assert.Contains("[default: 5]", programmes);
    }

    [Fact]
    public void Validate_ValidScenario_PrintsTheResultOnStdoutAndNothingOnStderr()
    {
        string path = _h.Write("tiny.json", TinyScenario);

        var (code, stdout, stderr) = Cli("validate", path);

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Equal("", stderr);
        Assert.StartsWith($"{path} is valid: 'tiny'", stdout);
    }

    [Fact]
    public void Validate_InvalidScenario_PrintsProblemsOnStderrAndNothingOnStdout()
    {
        string path = _h.Write("broken.json", InvalidScenario);

        var (code, stdout, stderr) = Cli("validate", path);

        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Equal("", stdout);
        Assert.Contains("did you mean 'single_pot'?", stderr);
    }

    [Fact]
    public void ValidateJson_InvalidScenario_PrintsEveryProblemWithItsLocationAndFixOnStdoutAndExitsTwo()
    {
        string path = _h.Write("broken.json", InvalidScenario);

        var (code, stdout, stderr) = Cli("validate", path, "--format", "json");

        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Equal("", stderr);
        var result = JObject.Parse(stdout);
        Assert.Equal(path, (string?)result["file"]);
        Assert.False((bool)result["valid"]!);
        Assert.Equal(3, (int)result["problem_count"]!);
        var problems = result["problems"]!.Children<JObject>().ToArray();
        Assert.Equal(3, problems.Length);
        foreach (var p in problems)
            Assert.Equal(["file", "line", "column", "path", "message", "fix"], p.Properties().Select(q => q.Name));
        // The same problems as the text format, field by field.
        var loaded = Core.Scenarios.ScenarioLoader.LoadFile(path);
        for (int i = 0; i < problems.Length; i++)
        {
            var expected = loaded.Problems[i];
            Assert.Equal(expected.File, (string?)problems[i]["file"]);
            Assert.Equal(expected.Line, (int)problems[i]["line"]!);
            Assert.Equal(expected.Column, (int)problems[i]["column"]!);
            Assert.Equal(expected.JsonPath, (string?)problems[i]["path"]);
            Assert.Equal(expected.Fix, (string?)problems[i]["fix"]);
        }
        var settlement = problems.Single(p => (string?)p["path"] == "variants[0].levers.settlement");
        Assert.Equal(5, (int)settlement["line"]!);
        Assert.Equal("'single-pot' is not one of tied_grants, single_pot, health_devolution", (string?)settlement["message"]);
        Assert.Equal("did you mean 'single_pot'?", (string?)settlement["fix"]);
    }

    [Fact]
    public void ValidateJson_ValidScenario_SaysValidWithNoProblemsAndExitsZero()
    {
        string path = _h.Write("tiny.json", TinyScenario);

        var (code, stdout, stderr) = Cli("validate", path, "--format", "json");

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Equal("", stderr);
        var result = JObject.Parse(stdout);
        Assert.True((bool)result["valid"]!);
        Assert.Equal(0, (int)result["problem_count"]!);
        Assert.Empty(result["problems"]!);
    }

    [Fact]
    public void ValidateJson_MissingFile_HasNullLineAndColumn()
    {
        string path = Path.Combine(_h.Folder, "no-such.json");

        var (code, stdout, _) = Cli("validate", path, "--format", "json");

        Assert.Equal(ExitCodes.InvalidInput, code);
        var problem = JObject.Parse(stdout)["problems"]!.Single();
        Assert.Equal(JTokenType.Null, problem["line"]!.Type);
        Assert.Equal(JTokenType.Null, problem["column"]!.Type);
        Assert.Equal(path, (string?)problem["file"]);
    }

    [Fact]
    public void Validate_UnknownFormat_IsAUsageErrorNamingTheFormats()
    {
        string path = _h.Write("tiny.json", TinyScenario);

        var (code, stdout, stderr) = Cli("validate", path, "--format", "xml");

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Equal("", stdout);
        Assert.Contains("json", stderr);
        Assert.Contains("text", stderr);
    }

    /// <summary>A resumed run's note about the chunks it kept is a message (stderr); the table is the result (stdout).</summary>
    [Fact]
    public void Run_Resumed_PrintsTheTableOnStdoutAndTheResumeNoteOnStderr()
    {
        string scenario = _h.Write("tiny.json", TinyScenario);
        string outDir = Path.Combine(_h.Folder, "out");
        Assert.Equal(ExitCodes.Ok, Cli("run", scenario, "--out", outDir, "--threads", "1").Code);

        var (code, stdout, stderr) = Cli("run", scenario, "--out", outDir, "--threads", "1", "--resume");

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Contains("Healthy life expectancy (years)", stdout);
        Assert.DoesNotContain("Healthy life expectancy (years)", stderr);
        Assert.NotEqual("", stderr.Trim());
        string note = stderr.ReplaceLineEndings("\n").Split('\n').First(l => l.Length > 0);
        Assert.DoesNotContain(note, stdout);
    }

    /// <summary>
    /// NO_COLOR, log files and pipes get plain text because urbansim writes no colours or other escape sequences at all:
    /// not in help, errors, validation, a run's table and progress, nor the progress bar drawn on a terminal.
    /// </summary>
    [Fact]
    public void Output_HasNoColoursOrEscapeSequences_SoNoColorAndRedirectionGetPlainText()
    {
        string scenario = _h.Write("tiny.json", TinyScenario);
        string broken = _h.Write("broken.json", InvalidScenario);
        var outputs = new List<(string What, string Text)>();
        foreach (string[] args in new string[][]
        {
            ["--help"], ["run", "--help"], ["validate", broken], ["validate", broken, "--format", "json"], ["run", "--reps", "ten", scenario],
            ["run", scenario, "--out", Path.Combine(_h.Folder, "out"), "--threads", "1"],
        })
        {
            var (_, stdout, stderr) = Cli(args);
            outputs.Add((string.Join(' ', args), stdout + stderr));
        }
        var bar = new StringWriter(CultureInfo.InvariantCulture);
        var progress = new ProgressReporter(bar, terminal: true, total: 10, alreadyDone: 0);
        for (int i = 0; i < 10; i++) progress.Advance();
        progress.Finish();
        outputs.Add(("progress bar", bar.ToString()));

        foreach (var (what, text) in outputs)
        {
            Assert.NotEqual("", text);
            Assert.False(text.Contains('\u001b'), $"{what} writes an escape sequence: {text}");
        }
    }

    [Theory]
    [InlineData(true, "xterm-256color", true)]
    [InlineData(true, null, true)]
    [InlineData(true, "dumb", false)]
    [InlineData(false, "xterm-256color", false)]
    public void ProgressBar_IsDrawnInPlaceOnlyOnATerminalThatCanReturnTheCursor(bool stderrIsTerminal, string? term, bool bar)
    {
        Assert.Equal(bar, ProgressReporter.DrawsBar(stderrIsTerminal, term));
    }

    /// <summary>The exit codes the code uses are the ones README's table documents, and no others.</summary>
    [Fact]
    public void ExitCodes_AreTheOnesTheReadmeTableDocuments()
    {
        int[] inCode = typeof(ExitCodes).GetFields().Where(f => f.IsLiteral).Select(f => (int)f.GetRawConstantValue()!).Distinct().Order().ToArray();
        string readme = File.ReadAllText(RepositoryRoot.File("README.md"));
        int tableAt = readme.IndexOf("| exit code | meaning |", StringComparison.Ordinal);
        Assert.True(tableAt >= 0, "README.md has no exit code table");
        int[] documented = readme[tableAt..].Split('\n').Skip(2).TakeWhile(l => l.StartsWith('|'))
            .Select(l => int.Parse(l.Split('|')[1].Trim(), CultureInfo.InvariantCulture)).Order().ToArray();
        Assert.Equal([0, 2, 70, 74, 75, 130], documented);
        Assert.Equal(documented, inCode);
    }
}
