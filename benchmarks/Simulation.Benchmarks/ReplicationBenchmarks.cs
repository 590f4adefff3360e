using BenchmarkDotNet.Attributes;
using UrbanSim.Core.Engine;
using UrbanSim.Core.Outcomes;
using UrbanSim.Core.Scenarios;

namespace UrbanSim.Benchmarks;

/// <summary>
/// One replication of the reference scenario (both variants, 25 years, 300 zones) and a single simulated
/// year, on one core. Targets: at most 5 ms and 64 KB allocated per replication.
/// </summary>
[MemoryDiagnoser]
public class ReplicationBenchmarks
{
    private ReplicationRunner _runner = null!;
    private ReplicationResult _result = null!;
    private ReplicationRunner _oneYearRunner = null!;
    private ReplicationResult _oneYearResult = null!;
    private int _replication;

    /// <summary>Scenario preset: the bundled reference scenario, or a small 1-region world.</summary>
    [Params("reference", "small")]
    public string Preset { get; set; } = "reference";

    [GlobalSetup]
    public void Setup()
    {
        var scenario = BenchmarkScenarios.Load(Preset);
        _runner = new ReplicationRunner(scenario);
        _result = ReplicationResult.For(scenario);
        var oneYear = scenario with { HorizonYears = 1 };
        _oneYearRunner = new ReplicationRunner(oneYear);
        _oneYearResult = ReplicationResult.For(oneYear);
        _runner.Run(0, _result);
        _oneYearRunner.Run(0, _oneYearResult);
    }

    /// <summary>A whole replication: world generation, every variant, every year.</summary>
    [Benchmark]
    public double Replication()
    {
        _runner.Run(++_replication, _result);
        return _result.Outcome[StandardOutcomes.HleYears];
    }

    /// <summary>
    /// A replication of a one-year horizon: world generation plus one year of every variant. The yearly
    /// step is (Replication − ReplicationOneYear) / (horizon − 1) per variant-year.
    /// </summary>
    [Benchmark]
    public double ReplicationOneYear()
    {
        _oneYearRunner.Run(++_replication, _oneYearResult);
        return _oneYearResult.Outcome[StandardOutcomes.HleYears];
    }
}

/// <summary>Scenario presets for benchmarks.</summary>
public static class BenchmarkScenarios
{
    public static Scenario Load(string preset)
    {
        string root = FindRepositoryRoot();
        var loaded = ScenarioLoader.LoadFile(Path.Combine(root, "scenarios", "reference.json"));
        if (!loaded.IsValid) throw new InvalidOperationException(string.Join("\n", loaded.Problems));
        var scenario = loaded.Scenario!;
        return preset switch
        {
            "reference" => scenario,
            "small" => scenario with { World = new WorldSpec { Regions = [new RegionSpec("Small", UrbanSim.Core.World.CapacityClass.Developing, 30)] } },
            _ => throw new ArgumentException($"Unknown preset '{preset}'"),
        };
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "UrbanSim.sln"))) return dir.FullName;
        throw new InvalidOperationException("Run the benchmarks from inside the UrbanSim repository.");
    }
}
