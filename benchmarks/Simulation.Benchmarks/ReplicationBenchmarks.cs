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

    /// <summary>Scenario preset: the bundled reference scenario, a small 1-region world, or the mayoralties' MSOAs (the real-places target).</summary>
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
            // The policy explorer's world: the reference world's six regions shrunk to 30 zones (its first answer).
            "explorer" => scenario with { World = UrbanSim.Runner.Web.ExplorerPresets.Shrink(scenario.World, UrbanSim.Runner.Web.ExplorerPresets.DefaultZones) },
            "msoa" => scenario with { World = new WorldSpec { Zones = RealPlaces("msoa") } },
            "lsoa" => scenario with { World = new WorldSpec { Zones = RealPlaces("lsoa") } },
            _ => throw new ArgumentException($"Unknown preset '{preset}'"),
        };
    }

    /// <summary>
    /// The mayoralties' zones built by <c>urbansim places build</c> from the official files (URBANSIM_ENGLAND_DATA, or
    /// ../shared/data/england beside the repository): about 3,500 MSOAs or 17,000 LSOAs.
    /// </summary>
    private static System.Collections.Immutable.ImmutableArray<UrbanSim.Core.World.ZoneRecord> RealPlaces(string level)
    {
        string folder = Environment.GetEnvironmentVariable("URBANSIM_ENGLAND_DATA") is { Length: > 0 } set ? set
            : Path.GetFullPath(Path.Combine(FindRepositoryRoot(), "..", "shared", "data", "england"));
        var problems = new List<UrbanSim.Core.Scenarios.ValidationProblem>();
        var built = UrbanSim.Runner.RealPlaces.PlacesBuilder.Build(folder, Enum.Parse<UrbanSim.Runner.RealPlaces.PlaceLevel>(level, ignoreCase: true), null, problems);
        if (built is null || problems.Count > 0)
            throw new InvalidOperationException($"The {level} preset needs the official files (set URBANSIM_ENGLAND_DATA): {string.Join("; ", problems.Take(3))}");
        return built.Zones;
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "UrbanSim.sln"))) return dir.FullName;
        throw new InvalidOperationException("Run the benchmarks from inside the UrbanSim repository.");
    }
}
