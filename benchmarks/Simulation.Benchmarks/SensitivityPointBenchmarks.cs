using BenchmarkDotNet.Attributes;
using UrbanSim.Core.Engine;
using UrbanSim.Core.Outcomes;
using UrbanSim.Core.Scenarios;

namespace UrbanSim.Benchmarks;

/// <summary>
/// One point of a sensitivity analysis of the reference scenario: one replication of one variant with given
/// parameters and levers (what <c>urbansim sensitivity</c> runs 21,632 times at N = 1,024).
/// </summary>
[MemoryDiagnoser]
public class SensitivityPointBenchmarks
{
    private ReplicationRunner _runner = null!;
    private ReplicationResult _result = null!;
    private ModelParameters _parameters = null!;
    private PolicyLevers _levers = null!;
    private int _point;

    [GlobalSetup]
    public void Setup()
    {
        var scenario = BenchmarkScenarios.Load("reference");
        var single = scenario with { Variants = [scenario.Variants[0]] };
        _runner = new ReplicationRunner(single);
        _result = ReplicationResult.For(single);
        _parameters = scenario.Parameters;
        _levers = scenario.Variants[0].Levers;
        _runner.Run(0, _parameters, _levers, _result);
    }

    /// <summary>A point with its lever moved, as a design does, under replication 0's random numbers.</summary>
    [Benchmark]
    public double EvaluatePoint()
    {
        var levers = _levers with { FundingPerHeadGbp = 100 + (_point++ % 300) };
        _runner.Run(0, _parameters, levers, _result);
        return _result.Outcome[StandardOutcomes.HleYears];
    }
}
