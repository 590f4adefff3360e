using PublicApiGenerator;
using UrbanSim.Core.Scenarios;

namespace UrbanSim.Core.Tests.Library;

/// <summary>
/// UrbanSim.Core is a library package whose public surface is locked: a change to it (a type or member made public,
/// removed or changed) must update <c>Simulation.Core/PublicApi.approved.txt</c> on purpose, and the change is then
/// visible in review and recorded in CHANGELOG.md. Regenerate with
/// <c>URBANSIM_UPDATE_PUBLIC_API=1 dotnet test tests/Simulation.Core.Tests --filter PublicApiTests</c>.
/// </summary>
public class PublicApiTests
{
    private static string ApprovedFile => RepositoryRoot.File("Simulation.Core", "PublicApi.approved.txt");

    private static string CurrentPublicApi() =>
        typeof(Scenario).Assembly.GeneratePublicApi(new ApiGeneratorOptions
        {
            // Attributes that say nothing about the API a caller compiles against.
            ExcludeAttributes =
            [
                "System.Runtime.Versioning.TargetFrameworkAttribute",
                "System.Reflection.AssemblyMetadataAttribute",
                "System.Runtime.CompilerServices.InternalsVisibleToAttribute",
            ],
        }).ReplaceLineEndings("\n");

    [Fact]
    public void PublicSurface_IsTheApprovedOne()
    {
        string current = CurrentPublicApi();
        if (Environment.GetEnvironmentVariable("URBANSIM_UPDATE_PUBLIC_API") == "1")
            File.WriteAllText(ApprovedFile, current);
        Assert.True(File.Exists(ApprovedFile),
            $"{ApprovedFile} is missing. Fix: run URBANSIM_UPDATE_PUBLIC_API=1 dotnet test tests/Simulation.Core.Tests --filter PublicApiTests and commit it.");
        string approved = File.ReadAllText(ApprovedFile).ReplaceLineEndings("\n");
        if (approved == current) return;
        var approvedLines = approved.Split('\n').ToHashSet(StringComparer.Ordinal);
        var currentLines = current.Split('\n').ToHashSet(StringComparer.Ordinal);
        var added = current.Split('\n').Where(l => !approvedLines.Contains(l)).Take(20);
        var removed = approved.Split('\n').Where(l => !currentLines.Contains(l)).Take(20);
        Assert.Fail("UrbanSim.Core's public API changed.\nAdded:\n  " + string.Join("\n  ", added)
            + "\nRemoved:\n  " + string.Join("\n  ", removed)
            + "\nIf the change is intended, regenerate with URBANSIM_UPDATE_PUBLIC_API=1 dotnet test tests/Simulation.Core.Tests "
            + "--filter PublicApiTests, record it in CHANGELOG.md (a removal or change is a breaking change: a new major version) "
            + "and commit both; otherwise make the new type or member internal.");
    }

    [Fact]
    public void EngineInternals_AreNotPublic()
    {
        var core = typeof(Scenario).Assembly;
        foreach (string name in new[]
                 {
                     "UrbanSim.Core.Engine.ReplicationRunner", "UrbanSim.Core.Engine.CounterRng", "UrbanSim.Core.Engine.Kernels",
                     "UrbanSim.Core.Health.HealthAppraisal", "UrbanSim.Core.Settlements.FundingYear", "UrbanSim.Core.Scenarios.StrictJson",
                 })
        {
            var type = core.GetType(name, throwOnError: true)!;
            Assert.False(type.IsPublic, $"{name} is an engine internal and must not be public");
        }
    }
}
