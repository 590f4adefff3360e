using MathNet.Numerics.Distributions;
using Newtonsoft.Json.Linq;
using UrbanSim.Runner.Commands;
using UrbanSim.Runner.Tests.Commands;

namespace UrbanSim.Runner.Tests.Batch;

/// <summary>Why variants share random numbers: paired comparisons are far more precise than unpaired ones.</summary>
public sealed class CommonRandomNumbersTests : IDisposable
{
    private readonly TempFolder _temp = new("crn");
    public void Dispose() => _temp.Dispose();

    [Fact]
    public void OnTheReferenceScenario_ThePairedDifferenceIntervalIsNarrowerThanTheUnpairedOne()
    {
        string scenario = Path.Combine(RepositoryRoot.Path, "scenarios", "reference.json");
        string outDir = Path.Combine(_temp.Path, "out");
        var (code, _, stderr) = CliHarness.Cli("run", scenario, "--reps", "100", "--out", outDir);
        Assert.True(code == ExitCodes.Ok, stderr);
        var summary = JObject.Parse(File.ReadAllText(Path.Combine(outDir, "summary.json")));
        // Homes and LE move with the world and the parameters every variant shares. Tied grants' HLE and NHS cost also
        // vary with the churn, bids and clawback the single pot does not have (they decide which schemes are built, and
        // where), so pairing helps less there.
        foreach (var (outcome, atMostShare) in new[] { ("homes_built", 0.5), ("le_years", 0.5), ("hle_years", 0.75), ("nhs_cost_gbp", 1.0) })
        {
            int n = (int)summary["replications"]!;
            double sdA = (double)summary["outcomes"]!["tied_grants"]![outcome]!["sd"]!;
            double sdB = (double)summary["outcomes"]!["single_pot"]![outcome]!["sd"]!;
            var paired = summary["paired_differences"]!["single_pot"]![outcome]!;
            double pairedHalfWidth = ((double)paired["ci95_high"]! - (double)paired["ci95_low"]!) / 2;
            // Welch's interval for the difference of two independent means.
            double se = Math.Sqrt((sdA * sdA + sdB * sdB) / n);
            double df = Math.Pow(se, 4) / ((Math.Pow(sdA * sdA / n, 2) + Math.Pow(sdB * sdB / n, 2)) / (n - 1));
            double unpairedHalfWidth = StudentT.InvCDF(0, 1, df, 0.975) * se;
            Assert.True(pairedHalfWidth < atMostShare * unpairedHalfWidth,
                $"{outcome}: paired ±{pairedHalfWidth:G4} vs unpaired ±{unpairedHalfWidth:G4}");
        }
    }
}
