using System.Collections.Immutable;
using System.Collections.Concurrent;
using UrbanSim.Core.Engine;
using UrbanSim.Core.Outcomes;
using UrbanSim.Core.Scenarios;

namespace UrbanSim.Runner.Sensitivity;

/// <summary>Whether a factor is a policy lever, an uncertain model parameter, or a group of parameters varied together.</summary>
internal enum FactorKind { Lever, Parameter, ParameterGroup }

/// <summary>
/// Factors the Sobol and Morris designs vary together: a group's columns are swapped together in the Saltelli design
/// and moved together (in one direction) along a Morris trajectory, so its indices are those of the group as a whole
/// (Jacques et al. 2006; Campolongo et al. 2007). A factor on its own is a group of one.
/// </summary>
/// <param name="Name">The group's name (a factor's own name when it is alone).</param>
/// <param name="Kind">The factor's kind when alone, <see cref="FactorKind.ParameterGroup"/> otherwise.</param>
/// <param name="Members">Indices of the member factors, ascending.</param>
internal sealed record FactorGroup(string Name, FactorKind Kind, int[] Members)
{
    /// <summary>Every factor in a group of its own.</summary>
    public static IReadOnlyList<FactorGroup> Singletons(IReadOnlyList<Factor> factors) =>
        [.. factors.Select((f, i) => new FactorGroup(f.Name, f.Kind, [i]))];

    /// <summary>Groups by each factor's group name, in order of first appearance; factors without one stand alone.</summary>
    public static IReadOnlyList<FactorGroup> ByName(IReadOnlyList<Factor> factors, IReadOnlyList<string?> groupNames)
    {
        var groups = new List<(string Name, FactorKind Kind, List<int> Members)>();
        for (int i = 0; i < factors.Count; i++)
        {
            string name = groupNames[i] ?? factors[i].Name;
            int at = groups.FindIndex(g => g.Name == name);
            if (at < 0) groups.Add((name, factors[i].Kind, [i]));
            else groups[at].Members.Add(i);
        }
        return [.. groups.Select(g => new FactorGroup(g.Name, g.Members.Count > 1 ? FactorKind.ParameterGroup : g.Kind, [.. g.Members]))];
    }
}

/// <summary>
/// An input of a sensitivity analysis. Designs work in the unit hypercube; <see cref="Value"/> maps a
/// coordinate u in [0, 1] to the factor's value: linearly over a lever's range, through the inverse CDF of an
/// uncertain parameter's distribution (u is kept within [0.001, 0.999], so grid designs such as Morris never
/// ask for an infinite quantile, and the value is clamped to the parameter's allowed range).
/// </summary>
internal sealed record Factor(string Name, FactorKind Kind, Func<double, double> Value)
{
    /// <summary>A factor uniform on [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public static Factor Uniform(string name, FactorKind kind, double min, double max) => new(name, kind, u => min + u * (max - min));
}

/// <summary>A model evaluated at points of the unit hypercube; one worker per thread.</summary>
internal interface ISensitivityModel
{
    IReadOnlyList<Factor> Factors { get; }
    /// <summary>How the Sobol and Morris designs group the factors; every factor alone unless a model says otherwise.</summary>
    IReadOnlyList<FactorGroup> Groups => FactorGroup.Singletons(Factors);
    IReadOnlyList<string> Outputs { get; }
    /// <summary>A worker with its own buffers; workers are used by one thread at a time.</summary>
    ISensitivityWorker CreateWorker();
}

/// <summary>Evaluates the model at one point: <c>unit</c> has one coordinate per factor, <c>outputs</c> one slot per output.</summary>
internal interface ISensitivityWorker
{
    void Evaluate(ReadOnlySpan<double> unit, Span<double> outputs);
}

/// <summary>
/// The simulation as a function of a scenario's lever ranges and uncertain parameters. Each point is the mean
/// over replications 0..R−1 of one variant's outcomes, with the same replications (so the same world, shocks and
/// other draws) at every point: common random numbers, so the indices measure the factors and not noise.
/// Two derived outputs follow the listed outcomes: <c>mission_gap_halved</c> (share of the R replications that
/// halved the HLE gap) and <c>hle_gap_reduction_share</c> (1 − final gap / start-year gap, averaged).
/// With <see cref="SensitivitySpec.CompareWith"/>, the compared variant runs at every point too, with the same draws,
/// and the outputs are its paired differences from the base: each outcome, then <c>net_monetary_benefit_gbp</c>
/// (QALYs at £70,000 less public and NHS costs) and <c>compared_better_share</c> (the share of replications in which
/// that benefit is positive), so the analysis says which factors decide the ranking of the two.
/// </summary>
internal sealed class ScenarioModel : ISensitivityModel
{
    public const string GapHalved = "mission_gap_halved", GapReduction = "hle_gap_reduction_share";
    public const string NetBenefit = "net_monetary_benefit_gbp", ComparedBetter = "compared_better_share";
    private readonly Scenario _scenario;
    private readonly PolicyLevers _baseLevers;
    private readonly PolicyLevers? _comparedLevers;
    private readonly ImmutableArray<ParameterSetting> _baseSettings, _comparedSettings;   // the variants' own parameters, which win over the factors
    private readonly LeverInfo[] _levers;
    private readonly ParameterInfo[] _parameters;
    private readonly int[] _outcomeIndex;
    private readonly int _replications;

    public ScenarioModel(Scenario scenario)
    {
        var spec = scenario.Sensitivity ?? new SensitivitySpec();
        _scenario = scenario;
        var baseVariant = spec.Variant is null ? scenario.Variants[0] : scenario.Variants.First(v => v.Name == spec.Variant);
        _baseLevers = baseVariant.Levers;
        _baseSettings = baseVariant.Parameters;
        BaseVariant = baseVariant.Name;
        ComparedVariant = spec.CompareWith;
        var comparedVariant = spec.CompareWith is null ? null : scenario.Variants.First(v => v.Name == spec.CompareWith);
        _comparedLevers = comparedVariant?.Levers;
        _comparedSettings = comparedVariant?.Parameters ?? [];
        _replications = spec.ReplicationsPerSample;
        var factors = new List<Factor>();
        var groupNames = new List<string?>();
        _levers = spec.Levers.Select(r => LeverPaths.Find(r.Lever)!).ToArray();
        foreach (var r in spec.Levers) { factors.Add(Factor.Uniform(r.Lever, FactorKind.Lever, r.Min, r.Max)); groupNames.Add(null); }
        _parameters = scenario.Uncertain.Select(u => ParameterPaths.Find(u.Path)!).ToArray();
        foreach (var (u, info) in scenario.Uncertain.Zip(_parameters))
        {
            factors.Add(new Factor(u.Path, FactorKind.Parameter, x => Math.Clamp(u.Distribution.Quantile(Math.Clamp(x, 0.001, 0.999)), info.Min, info.Max)));
            groupNames.Add(spec.GroupParameters ? u.Group : null);
        }
        Factors = factors;
        Groups = FactorGroup.ByName(factors, groupNames);
        var outputs = spec.Outcomes.Where(o => o != GapHalved).ToList();
        _outcomeIndex = outputs.Select(scenario.Catalogue.Outcomes.IndexOf).ToArray();
        if (Compares) { outputs.Add(NetBenefit); outputs.Add(ComparedBetter); }
        else { outputs.Add(GapHalved); outputs.Add(GapReduction); }
        Outputs = outputs;
    }

    public IReadOnlyList<Factor> Factors { get; }
    public IReadOnlyList<FactorGroup> Groups { get; }
    public IReadOnlyList<string> Outputs { get; }
    /// <summary>Name of the variant whose levers are the base.</summary>
    public string BaseVariant { get; }
    /// <summary>Name of the variant compared with the base at every point, or null.</summary>
    public string? ComparedVariant { get; }
    /// <summary>Whether the outputs are the compared variant's differences from the base.</summary>
    public bool Compares => ComparedVariant is not null;
    public int ReplicationsPerSample => _replications;

    public ISensitivityWorker CreateWorker() => new Worker(this);

    private sealed class Worker(ScenarioModel model) : ISensitivityWorker
    {
        private readonly ReplicationRunner _runner = new(model._scenario);
        private readonly ReplicationResult _result = new(1, model._scenario.HorizonYears, model._scenario.World.ZoneCount);
        private readonly double[] _base = new double[model._scenario.Catalogue.Outcomes.Count];

        /// <summary>The levers at a point: the variant's, with each varied lever set from its coordinate.</summary>
        private PolicyLevers Levers(PolicyLevers variant, ReadOnlySpan<double> unit)
        {
            for (int i = 0; i < model._levers.Length; i++) variant = LeverPaths.With(variant, model._levers[i], model.Factors[i].Value(unit[i]));
            return variant;
        }

        public void Evaluate(ReadOnlySpan<double> unit, Span<double> outputs)
        {
            var levers = Levers(model._baseLevers, unit);
            var compared = model._comparedLevers is { } c ? Levers(c, unit) : null;
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
                _runner.Run(r, ParameterPaths.With(parameters, model._baseSettings), levers, _result);
                if (compared is null)
                {
                    for (int o = 0; o < n; o++) outputs[o] += _result.Outcome[model._outcomeIndex[o]];
                    outputs[n] += _result.Outcome[StandardOutcomes.MissionGapHalved];
                    double startGap = _result.BaselineValues[Baseline.HleGapYears];
                    outputs[n + 1] += 1 - _result.Outcome[StandardOutcomes.HleGapYears] / startGap;
                    continue;
                }
                _result.Outcome.AsSpan().CopyTo(_base);
                _runner.Run(r, ParameterPaths.With(parameters, model._comparedSettings), compared, _result);
                for (int o = 0; o < n; o++) outputs[o] += _result.Outcome[model._outcomeIndex[o]] - _base[model._outcomeIndex[o]];
                double benefit = CostEffectiveness.IncrementalCosts.NetMonetaryBenefitGbp(_result.Outcome, _base);
                outputs[n] += benefit;
                outputs[n + 1] += benefit > 0 ? 1 : benefit == 0 ? 0.5 : 0;
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
internal static class ParallelEvaluator
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
