using System.Collections.Concurrent;
using UrbanSim.Core.Engine;
using UrbanSim.Core.Outcomes;
using UrbanSim.Core.Scenarios;

namespace UrbanSim.Runner.Sensitivity;

/// <summary>Whether a factor is a policy lever or an uncertain model parameter.</summary>
public enum FactorKind { Lever, Parameter }

/// <summary>
/// An input of a sensitivity analysis. Designs work in the unit hypercube; <see cref="Value"/> maps a
/// coordinate u in [0, 1] to the factor's value: linearly over a lever's range, through the inverse CDF of an
/// uncertain parameter's distribution (u is kept within [0.001, 0.999], so grid designs such as Morris never
/// ask for an infinite quantile, and the value is clamped to the parameter's allowed range).
/// </summary>
public sealed record Factor(string Name, FactorKind Kind, Func<double, double> Value)
{
    /// <summary>A factor uniform on [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public static Factor Uniform(string name, FactorKind kind, double min, double max) => new(name, kind, u => min + u * (max - min));
}

/// <summary>A model evaluated at points of the unit hypercube; one worker per thread.</summary>
public interface ISensitivityModel
{
    IReadOnlyList<Factor> Factors { get; }
    IReadOnlyList<string> Outputs { get; }
    /// <summary>A worker with its own buffers; workers are used by one thread at a time.</summary>
    ISensitivityWorker CreateWorker();
}

/// <summary>Evaluates the model at one point: <c>unit</c> has one coordinate per factor, <c>outputs</c> one slot per output.</summary>
public interface ISensitivityWorker
{
    void Evaluate(ReadOnlySpan<double> unit, Span<double> outputs);
}

/// <summary>
/// The simulation as a function of a scenario's lever ranges and uncertain parameters. Each point is the mean
/// over replications 0..R−1 of one variant's outcomes, with the same replications (so the same world, shocks and
/// other draws) at every point: common random numbers, so the indices measure the factors and not noise.
/// Two derived outputs follow the listed outcomes: <c>mission_gap_halved</c> (share of the R replications that
/// halved the HLE gap) and <c>hle_gap_reduction_share</c> (1 − final gap / start-year gap, averaged).
/// </summary>
public sealed class ScenarioModel : ISensitivityModel
{
    public const string GapHalved = "mission_gap_halved", GapReduction = "hle_gap_reduction_share";
    private readonly Scenario _scenario;
    private readonly PolicyLevers _baseLevers;
    private readonly LeverInfo[] _levers;
    private readonly ParameterInfo[] _parameters;
    private readonly int[] _outcomeIndex;
    private readonly int _replications;

    public ScenarioModel(Scenario scenario)
    {
        var spec = scenario.Sensitivity ?? new SensitivitySpec();
        _scenario = scenario;
        _baseLevers = (spec.Variant is null ? scenario.Variants[0] : scenario.Variants.First(v => v.Name == spec.Variant)).Levers;
        BaseVariant = spec.Variant ?? scenario.Variants[0].Name;
        _replications = spec.ReplicationsPerSample;
        var factors = new List<Factor>();
        _levers = spec.Levers.Select(r => LeverPaths.Find(r.Lever)!).ToArray();
        foreach (var r in spec.Levers) factors.Add(Factor.Uniform(r.Lever, FactorKind.Lever, r.Min, r.Max));
        _parameters = scenario.Uncertain.Select(u => ParameterPaths.Find(u.Path)!).ToArray();
        foreach (var (u, info) in scenario.Uncertain.Zip(_parameters))
            factors.Add(new Factor(u.Path, FactorKind.Parameter, x => Math.Clamp(u.Distribution.Quantile(Math.Clamp(x, 0.001, 0.999)), info.Min, info.Max)));
        Factors = factors;
        var outputs = spec.Outcomes.Where(o => o != GapHalved).ToList();
        _outcomeIndex = outputs.Select(scenario.Catalogue.Outcomes.IndexOf).ToArray();
        outputs.Add(GapHalved); outputs.Add(GapReduction);
        Outputs = outputs;
    }

    public IReadOnlyList<Factor> Factors { get; }
    public IReadOnlyList<string> Outputs { get; }
    /// <summary>Name of the variant whose levers are the base.</summary>
    public string BaseVariant { get; }
    public int ReplicationsPerSample => _replications;

    public ISensitivityWorker CreateWorker() => new Worker(this);

    private sealed class Worker(ScenarioModel model) : ISensitivityWorker
    {
        private readonly ReplicationRunner _runner = new(model._scenario);
        private readonly ReplicationResult _result = new(1, model._scenario.HorizonYears, model._scenario.World.ZoneCount);

        public void Evaluate(ReadOnlySpan<double> unit, Span<double> outputs)
        {
            var levers = model._baseLevers;
            for (int i = 0; i < model._levers.Length; i++) levers = LeverPaths.With(levers, model._levers[i], model.Factors[i].Value(unit[i]));
            var parameters = model._scenario.Parameters;
            for (int j = 0; j < model._parameters.Length; j++)
            {
                int i = model._levers.Length + j;
                parameters = ParameterPaths.With(parameters, model._parameters[j], model.Factors[i].Value(unit[i]));
            }
            outputs.Clear();
            int n = model._outcomeIndex.Length;
            for (int r = 0; r < model._replications; r++)
            {
                _runner.Run(r, parameters, levers, _result);
                for (int o = 0; o < n; o++) outputs[o] += _result.Outcome[model._outcomeIndex[o]];
                outputs[n] += _result.Outcome[StandardOutcomes.MissionGapHalved];
                double startGap = _result.BaselineValues[Baseline.HleGapYears];
                outputs[n + 1] += 1 - _result.Outcome[StandardOutcomes.HleGapYears] / startGap;
            }
            for (int o = 0; o < outputs.Length; o++) outputs[o] /= model._replications;
        }
    }
}

/// <summary>
/// Evaluates a model at many points in parallel. Results are stored by point index and each point's value depends
/// only on its coordinates, so any thread count gives identical numbers. Work goes in blocks so that progress is
/// reported from the calling thread.
/// </summary>
public static class ParallelEvaluator
{
    public const int BlockSize = 64;

    /// <summary>Outputs [point * outputs + output] for points [point * factors + factor].</summary>
    public static double[] Evaluate(ISensitivityModel model, double[] points, int threads, Action<int>? advance = null)
    {
        int k = model.Factors.Count, m = model.Outputs.Count;
        int n = points.Length / k;
        var results = new double[n * m];
        var workers = new ConcurrentBag<ISensitivityWorker>();
        var options = new ParallelOptions { MaxDegreeOfParallelism = threads };
        for (int start = 0; start < n; start += BlockSize)
        {
            int size = Math.Min(BlockSize, n - start);
            Parallel.For(start, start + size, options,
                () => workers.TryTake(out var w) ? w : model.CreateWorker(),
                (p, _, worker) => { worker.Evaluate(points.AsSpan(p * k, k), results.AsSpan(p * m, m)); return worker; },
                worker => workers.Add(worker));
            advance?.Invoke(size);
        }
        return results;
    }
}
