using UrbanSim.Core.Engine;

namespace UrbanSim.Runner.Output;

/// <summary>
/// The outcomes of a batch kept for summarising: [replication, variant, outcome] and the start-year
/// baseline per replication, in replication order.
/// </summary>
public sealed class BatchResults(int replications, int variants)
{
    private readonly double[] _outcomes = new double[replications * variants * Outcomes.Count];
    private readonly double[] _baseline = new double[replications * Baseline.Count];

    public int Replications { get; private set; }
    public int Variants { get; } = variants;

    /// <summary>Stores a replication's result in the next row.</summary>
    public void Add(ReplicationResult result)
    {
        int row = Replications++;
        result.Outcome.AsSpan().CopyTo(_outcomes.AsSpan(row * Variants * Outcomes.Count));
        result.BaselineValues.AsSpan().CopyTo(_baseline.AsSpan(row * Baseline.Count));
    }

    public double Outcome(int replication, int variant, int outcome) =>
        _outcomes[(replication * Variants + variant) * Outcomes.Count + outcome];

    /// <summary>One outcome of one variant across replications.</summary>
    public double[] Sample(int variant, int outcome)
    {
        var values = new double[Replications];
        for (int r = 0; r < Replications; r++) values[r] = Outcome(r, variant, outcome);
        return values;
    }

    /// <summary>Variant minus the first variant, replication by replication.</summary>
    public double[] PairedDifferences(int variant, int outcome)
    {
        var values = new double[Replications];
        for (int r = 0; r < Replications; r++) values[r] = Outcome(r, variant, outcome) - Outcome(r, 0, outcome);
        return values;
    }

    /// <summary>A start-year baseline value across replications.</summary>
    public double[] BaselineSample(int index)
    {
        var values = new double[Replications];
        for (int r = 0; r < Replications; r++) values[r] = _baseline[r * Baseline.Count + index];
        return values;
    }
}
