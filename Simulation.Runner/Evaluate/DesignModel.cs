using System.Collections.Immutable;
using UrbanSim.Core.Engine;
using UrbanSim.Core.Outcomes;
using UrbanSim.Core.Scenarios;
using UrbanSim.Runner.Sensitivity;

namespace UrbanSim.Runner.Evaluate;

/// <summary>
/// The simulation as a function of a design's columns, for <see cref="ParallelEvaluator"/> and <see cref="PointChunk"/>
/// (so evaluate streams, resumes and shards as a sensitivity analysis does). A point is a design row's values as they
/// are (no unit cube); its outputs are every outcome of every variant in each of the R replications,
/// [(replication * variants + variant) * outcomes + outcome], replication r being the same draws at every row
/// (common random numbers), so rows differ by their design values only.
/// </summary>
internal sealed class DesignModel : ISensitivityModel
{
    private readonly Scenario _scenario;
    private readonly ImmutableArray<DesignColumn> _columns;

    public DesignModel(Scenario scenario, ImmutableArray<DesignColumn> columns, int replications)
    {
        _scenario = scenario;
        _columns = columns;
        Replications = replications;
        Factors = [.. columns.Select(c => new Factor(c.Name, c.IsLever ? FactorKind.Lever : FactorKind.Parameter, x => x))];
        OutcomeCount = scenario.Catalogue.Outcomes.Count;
        Outputs = new OutputNames(this);
    }

    public IReadOnlyList<Factor> Factors { get; }
    public IReadOnlyList<string> Outputs { get; }
    public int Replications { get; }
    public int Variants => _scenario.Variants.Length;
    public int OutcomeCount { get; }

    /// <summary>Where the value of (replication, variant, outcome) sits in a point's outputs.</summary>
    public int Index(int replication, int variant, int outcome) => (replication * Variants + variant) * OutcomeCount + outcome;

    public ISensitivityWorker CreateWorker() => new Worker(this);

    /// <summary>"replication.variant.outcome" for each output, named on demand: R × variants × outcomes strings need not be held.</summary>
    private sealed class OutputNames(DesignModel model) : IReadOnlyList<string>
    {
        public int Count => model.Replications * model.Variants * model.OutcomeCount;

        public string this[int index]
        {
            get
            {
                ArgumentOutOfRangeException.ThrowIfNegative(index);
                ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
                int outcome = index % model.OutcomeCount, variant = index / model.OutcomeCount % model.Variants, replication = index / (model.OutcomeCount * model.Variants);
                return $"{replication}.{model._scenario.Variants[variant].Name}.{model._scenario.Catalogue.Outcomes.All[outcome].Name}";
            }
        }

        public IEnumerator<string> GetEnumerator()
        {
            for (int i = 0; i < Count; i++) yield return this[i];
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    private sealed class Worker(DesignModel model) : ISensitivityWorker
    {
        private readonly ReplicationRunner _runner = new(model._scenario);
        private readonly ReplicationResult _result = ReplicationResult.For(model._scenario);

        public void Evaluate(ReadOnlySpan<double> values, Span<double> outputs)
        {
            var point = Design.Point(model._columns, values);
            int size = model.Variants * model.OutcomeCount;
            for (int r = 0; r < model.Replications; r++)
            {
                _runner.Run(r, point, _result);
                _result.Outcome.AsSpan(0, size).CopyTo(outputs.Slice(r * size, size));
            }
        }
    }
}
