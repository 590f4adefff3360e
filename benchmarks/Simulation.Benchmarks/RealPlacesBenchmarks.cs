using BenchmarkDotNet.Attributes;
using UrbanSim.Core.Engine;
using UrbanSim.Core.Outcomes;

namespace UrbanSim.Benchmarks;

/// <summary>
/// One replication of the mayoralties' MSOA world (about 3,500 zones and 29 million residents built by
/// <c>urbansim places build</c> from the official files; the reference scenario's 2 variants, 25 years and uncertain
/// parameters), on one core. Targets: at most 60 ms and 2 MB allocated per replication. Needs the official files
/// (URBANSIM_ENGLAND_DATA, or ../shared/data/england beside the repository).
/// </summary>
[MemoryDiagnoser]
public class RealPlacesBenchmarks
{
    private ReplicationRunner _runner = null!;
    private ReplicationResult _result = null!;
    private int _replication;

    /// <summary>The world: the mayoralties' 2021 MSOAs.</summary>
    [Params("msoa")]
    public string Preset { get; set; } = "msoa";

    [GlobalSetup]
    public void Setup()
    {
        var scenario = BenchmarkScenarios.Load(Preset);
        _runner = new ReplicationRunner(scenario);
        _result = ReplicationResult.For(scenario);
        _runner.Run(0, _result);
    }

    /// <summary>A whole replication: the replication's start year, both variants, every year.</summary>
    [Benchmark]
    public double Replication()
    {
        _runner.Run(++_replication, _result);
        return _result.Outcome[StandardOutcomes.HleYears];
    }
}
