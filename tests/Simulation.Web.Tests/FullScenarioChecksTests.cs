using System.Security.Cryptography;
using UrbanSim.Core.Scenarios;
using UrbanSim.Runner.Web;

namespace UrbanSim.Web.Tests;

/// <summary>
/// The committed full runs of the bundled scenarios, against which the explorer checks its small world, are those of the
/// scenarios and the model as they are now. When a scenario or the model changes this test fails until the file is
/// regenerated: <c>URBANSIM_UPDATE_EXPLORER_CHECKS=1 dotnet test tests/Simulation.Web.Tests --filter FullScenarioChecksTests</c>
/// (a few minutes), then rebuild so the program embeds it.
/// </summary>
public sealed class FullScenarioChecksTests
{
    private static readonly string CommittedFile = RepositoryRoot.File("Simulation.Runner", "Web", "full-scenario-checks.json");

    private static Scenario Full(string preset) => ScenarioLoader.LoadFile(RepositoryRoot.File("scenarios", preset + ".json")).Scenario!;

    [Fact]
    public void CommittedChecks_CoverEveryPreset_AndAreOfTheScenariosAndTheModelAsTheyAreNow()
    {
        if (Environment.GetEnvironmentVariable("URBANSIM_UPDATE_EXPLORER_CHECKS") == "1")
        {
            var computed = ExplorerPresets.Order.Select(key => FullScenarioChecks.Compute(key, Full(key),
                File.ReadAllBytes(RepositoryRoot.File("scenarios", key + ".json")), Environment.ProcessorCount)).ToList();
            File.WriteAllText(CommittedFile, FullScenarioChecks.ToJson(computed));
            return;
        }
        const string fix = "Fix: URBANSIM_UPDATE_EXPLORER_CHECKS=1 dotnet test tests/Simulation.Web.Tests --filter FullScenarioChecksTests, then rebuild.";
        var committed = FullScenarioChecks.Parse(File.ReadAllText(CommittedFile));
        Assert.Equal(committed.Keys.Order(), FullScenarioChecks.All.Keys.Order());   // the program embeds the committed file
        foreach (string key in ExplorerPresets.Order)
        {
            Assert.True(committed.TryGetValue(key, out var check), $"{key} has no full-scenario check. {fix}");
            Assert.True(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(RepositoryRoot.File("scenarios", key + ".json")))) == check!.ScenarioSha256,
                $"scenarios/{key}.json changed since its full-scenario check. {fix}");
            var scenario = Full(key);
            Assert.Equal(scenario.Variants.Skip(1).Select(v => v.Name), check.Variants.Keys);
            double[] now = FullScenarioChecks.Fingerprint(scenario);
            for (int v = 0; v < now.Length; v++)
                Assert.True(Math.Abs(now[v] - check.FirstReplicationHleYears[v]) <= 1e-9 * Math.Abs(now[v]),
                    $"{key}: the model now gives HLE {now[v]} in replication 0 of variant {v}, the check was made with {check.FirstReplicationHleYears[v]}. {fix}");
        }
    }
}
