using static UrbanSim.Runner.Tests.Commands.CliHarness;

namespace UrbanSim.Runner.Tests.Commands;

/// <summary>Bad command-line values are refused with a message and a non-zero exit, before anything runs.</summary>
public sealed class CommandLineTests : IDisposable
{
    private readonly CliHarness _h = new();

    public void Dispose() => _h.Dispose();

    [Theory]
    [InlineData("--reps", "0", "--reps must be from 1")]
    [InlineData("--reps", "-5", "--reps must be from 1")]
    [InlineData("--reps", "abc", "abc")]
    [InlineData("--threads", "0", "--threads must be from 1 to 1024")]
    [InlineData("--threads", "5000", "--threads must be from 1 to 1024")]
    [InlineData("--threads", "two", "two")]
    [InlineData("--seed", "-1", "-1")]
    public void Run_BadOptionValue_ExitsNonZeroWithAMessage(string option, string value, string expected)
    {
        string scenario = _h.Write("tiny.json", TinyScenario);
        string outDir = Path.Combine(_h.Folder, "out");

        var (code, _, stderr) = Cli("run", scenario, option, value, "--out", outDir);

        Assert.NotEqual(0, code);
        Assert.Contains(expected, stderr);
        Assert.Contains(option, stderr);
        AssertNoStackTrace(stderr);
        Assert.False(Directory.Exists(outDir));
    }

    [Fact]
    public void Run_WithoutScenario_ExitsNonZeroWithAMessage()
    {
        var (code, _, stderr) = Cli("run");

        Assert.NotEqual(0, code);
        Assert.Contains("scenario", stderr);
    }

    [Fact]
    public void UnknownCommand_ExitsNonZeroWithAMessage()
    {
        var (code, _, stderr) = Cli("rnu", "x.json");

        Assert.NotEqual(0, code);
        Assert.Contains("rnu", stderr);
    }
}
