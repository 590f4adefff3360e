using System.CommandLine;
using System.Globalization;

namespace UrbanSim.Runner.Tests.Commands;

/// <summary>A temporary folder with a tiny scenario in it, and a way to run the <c>urbansim</c> command line in-process.</summary>
public sealed class CliHarness : IDisposable
{
    /// <summary>One region of 10 zones, 3 years, 4 replications, two variants: fast enough for unit tests.</summary>
    public const string TinyScenario = """
        {
          "name": "tiny",
          "world": { "regions": [ { "name": "Only", "capacity": "developing", "zones": 10 } ] },
          "horizon_years": 3,
          "replications": 4,
          "seed": 7,
          "uncertain": [
            { "parameter": "health.walking_relative_risk", "distribution": "lognormal", "median": 0.89, "lower95": 0.83, "upper95": 0.96 }
          ],
          "variants": [
            { "name": "tied_grants", "levers": { "settlement": "tied_grants" } },
            { "name": "single_pot", "levers": { "settlement": "single_pot" } }
          ]
        }
        """;

    /// <summary>Three problems: an unknown key, an out-of-range value and a misspelt settlement.</summary>
    public const string InvalidScenario = """
        {
          "name": "broken",
          "horizon_year": 3,
          "replications": 0,
          "variants": [ { "name": "a", "levers": { "settlement": "single-pot" } } ]
        }
        """;

    private readonly TempFolder _temp = new("cli");

    public string Folder => _temp.Path;

    public void Dispose() => _temp.Dispose();

    public string Write(string name, string text) => _temp.Write(name, text);

    /// <summary>Runs <c>urbansim args…</c> with captured output, parse errors included.</summary>
    public static (int Code, string Out, string Err) Cli(params string[] args)
    {
        var stdout = new StringWriter(CultureInfo.InvariantCulture);
        var stderr = new StringWriter(CultureInfo.InvariantCulture);
        int code = Program.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Output a person can read: no stack frames, no exception names.</summary>
    public static void AssertNoStackTrace(string text)
    {
        Assert.DoesNotContain("   at ", text);
        Assert.DoesNotContain("Exception", text);
    }
}
