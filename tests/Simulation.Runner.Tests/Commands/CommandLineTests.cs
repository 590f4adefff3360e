using UrbanSim.Runner.Commands;
using static UrbanSim.Runner.Tests.Commands.CliHarness;

namespace UrbanSim.Runner.Tests.Commands;

/// <summary>
/// The command line's conventions: a wrong option or argument gets one clear line naming it and the fix, no type names
/// and no help dump, exit code 2 as for bad input, and nothing runs; help and the version are there when asked for.
/// </summary>
public sealed class CommandLineTests : IDisposable
{
    private readonly CliHarness _h = new();

    public void Dispose() => _h.Dispose();

    [Theory]
    [InlineData("--reps", "0", "urbansim run: --reps must be from 1 to 100000000; got 0. Fix: see 'urbansim run --help'.")]
    [InlineData("--reps", "-5", "urbansim run: --reps must be from 1 to 100000000; got -5. Fix: see 'urbansim run --help'.")]
    [InlineData("--reps", "ten", "urbansim run: --reps must be a whole number from 1 to 100000000; got 'ten'. Fix: see 'urbansim run --help'.")]
    [InlineData("--threads", "0", "urbansim run: --threads must be from 1 to 1024; got 0. Fix: see 'urbansim run --help'.")]
    [InlineData("--threads", "two", "urbansim run: --threads must be a whole number from 1 to 1024; got 'two'. Fix: see 'urbansim run --help'.")]
    [InlineData("--seed", "-1", "urbansim run: --seed must be a whole number from 0 to 18446744073709551615; got '-1'. Fix: see 'urbansim run --help'.")]
    [InlineData("--shard", "3/2", "3/2")]
    public void Run_BadOptionValue_GivesOneClearLineAndExitCode2_AndRunsNothing(string option, string value, string expected)
    {
        string scenario = _h.Write("tiny.json", TinyScenario);
        string outDir = Path.Combine(_h.Folder, "out");

        var (code, stdout, stderr) = Cli("run", scenario, option, value, "--out", outDir);

        Assert.Equal(ExitCodes.InvalidInput, code);
        string line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(expected, line);
        Assert.DoesNotContain("System.", stderr);
        Assert.DoesNotContain("Usage:", stderr + stdout);
        AssertNoStackTrace(stderr);
        Assert.False(Directory.Exists(outDir));
    }

    [Fact]
    public void Run_WithoutScenario_GivesOneLineAndExitCode2()
    {
        var (code, _, stderr) = Cli("run");

        Assert.Equal(ExitCodes.InvalidInput, code);
        string line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("urbansim run: ", line);
        Assert.Contains("scenario", line);
    }

    [Theory]
    [InlineData(new[] { "rnu", "x.json" }, "urbansim: ", "rnu")]
    [InlineData(new[] { "run", "x.json", "--rep", "5" }, "urbansim run: ", "--rep")]
    [InlineData(new[] { "serve", "--port", "http" }, "urbansim serve: ", "--port must be a whole number from 0 to 65535; got 'http'")]
    [InlineData(new[] { "sensitivity", "x.json", "--samples", "4" }, "urbansim sensitivity: ", "--samples must be from 8 to 1000000; got 4")]
    [InlineData(new[] { "help", "rnu" }, "urbansim help: ", "there is no command 'rnu'")]
    public void WrongCommandOrOption_GivesOneLinePerProblemAndExitCode2(string[] args, string prefix, string expected)
    {
        var (code, stdout, stderr) = Cli(args);

        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.All(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries), line => Assert.StartsWith(prefix, line));
        Assert.Contains(expected, stderr);
        Assert.Equal("", stdout);
    }

    [Fact]
    public void Help_ListsTheCommands_AndExplainsOne()
    {
        var (code, stdout, _) = Cli("help");
        Assert.Equal(ExitCodes.Ok, code);
        foreach (string command in new[] { "run", "merge", "validate", "schema", "sensitivity", "appraise", "serve", "help" }) Assert.Contains(command, stdout);

        (code, stdout, _) = Cli("help", "run");
        Assert.Equal(ExitCodes.Ok, code);
        Assert.Contains("--reps", stdout);
        Assert.Contains("run <scenario> [options]", stdout);
    }

    [Fact]
    public void Version_PrintsTheToolVersion()
    {
        var (code, stdout, _) = Cli("--version");
        Assert.Equal(ExitCodes.Ok, code);
        Assert.Equal(UrbanSim.Runner.Output.Manifest.ToolVersion, stdout.Trim());
    }
}

/// <summary>Each long-running command says, on Ctrl-C or SIGTERM, what it does when it stops.</summary>
public sealed class StopSignalsTests
{
    [Fact]
    public void Serve_HasItsOwnStopMessage_NotTheBatchRunsOne()
    {
        var stderr = new StringWriter();
        using (var stop = StopSignals.Listen(stderr, Web.ServeCommand.StoppingMessage))
        {
            stop.Stop("Ctrl-C");
            Assert.True(stop.Token.IsCancellationRequested);
        }
        Assert.Equal("Ctrl-C: stopping the explorer; requests in progress are cancelled…", stderr.ToString().Trim());

        var run = new StringWriter();
        using (var stop = StopSignals.Listen(run)) stop.Stop("SIGTERM");
        Assert.Contains("saving what is done", run.ToString());
    }
}
