using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.FastTree;

namespace UrbanSim.Runner.Sensitivity;

/// <summary>How well a surrogate fits, what it relies on, and how it responds to its top factors.</summary>
internal sealed record SurrogateResult(
    string Output, int TrainRows, int TestRows, double TestRSquared, double TestMeanAbsoluteError,
    IReadOnlyList<(string Factor, double Importance)> Importances,
    double[] TestSimulated, double[] TestPredicted,
    IReadOnlyList<PartialDependence> PartialDependences);

/// <summary>The surrogate's mean prediction as one factor moves over its range, the others as sampled.</summary>
internal sealed record PartialDependence(string Factor, double[] Values, double[] Predictions);

/// <summary>
/// A learned stand-in for the simulation: ML.NET FastTree (gradient-boosted regression trees, one thread and a fixed
/// seed, so it is deterministic) trained on 80% of a Latin hypercube sample of runs and scored on the other 20%.
/// Permutation importance is the fall in held-out R² when one factor's column is shuffled (mean of
/// <see cref="PermutationRepeats"/> seeded shuffles), as ML.NET's PermutationFeatureImportance measures it.
/// </summary>
internal static class Surrogate
{
    public const int PermutationRepeats = 5, GridPoints = 21, TopFactors = 3;

    private sealed class Row
    {
        public float[] Features { get; set; } = [];
        public float Label { get; set; }
    }

    /// <summary>Fits output <paramref name="output"/> of <paramref name="results"/> on the factor values at <paramref name="unitPoints"/>.</summary>
    public static SurrogateResult Fit(IReadOnlyList<Factor> factors, double[] unitPoints, double[] results, int outputs, int output, string outputName, ulong seed)
    {
        int k = factors.Count, n = unitPoints.Length / k;
        var x = new double[n * k];
        for (int j = 0; j < n; j++) for (int c = 0; c < k; c++) x[j * k + c] = factors[c].Value(unitPoints[j * k + c]);
        var y = Enumerable.Range(0, n).Select(j => results[j * outputs + output]).ToArray();
        var test = Enumerable.Range(0, n).Where(j => j % 5 == 4).ToArray();
        var train = Enumerable.Range(0, n).Where(j => j % 5 != 4).ToArray();

        var ml = new MLContext(seed: (int)(seed % int.MaxValue));
        var schema = SchemaDefinition.Create(typeof(Row));
        schema[nameof(Row.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, k);
        IDataView View(int[] rows, double[] features) => ml.Data.LoadFromEnumerable(
            rows.Select(j => new Row { Features = Enumerable.Range(0, k).Select(c => (float)features[j * k + c]).ToArray(), Label = (float)y[j] }).ToList(), schema);
        var trainer = ml.Regression.Trainers.FastTree(new FastTreeRegressionTrainer.Options
        {
            NumberOfTrees = 300, NumberOfLeaves = 16, MinimumExampleCountPerLeaf = Math.Max(2, Math.Min(10, train.Length / 20)),
            LearningRate = 0.1, NumberOfThreads = 1, Seed = (int)(seed % int.MaxValue),
            FeatureColumnName = nameof(Row.Features), LabelColumnName = nameof(Row.Label),
        });
        var model = trainer.Fit(View(train, x));
        double[] Predict(int[] rows, double[] features) =>
            model.Transform(View(rows, features)).GetColumn<float>("Score").Select(s => (double)s).ToArray();

        var simulated = test.Select(j => y[j]).ToArray();
        var predicted = Predict(test, x);
        double r2 = RSquared(simulated, predicted);
        double mae = simulated.Zip(predicted, (a, b) => Math.Abs(a - b)).Average();

        var importances = new List<(string, double)>();
        for (int c = 0; c < k; c++)
        {
            double drop = 0;
            for (int rep = 0; rep < PermutationRepeats; rep++)
            {
                var shuffled = (double[])x.Clone();
                var order = Designs.Permutation(seed, c * PermutationRepeats + rep, test.Length);
                for (int t = 0; t < test.Length; t++) shuffled[test[t] * k + c] = x[test[order[t]] * k + c];
                drop += r2 - RSquared(simulated, Predict(test, shuffled));
            }
            importances.Add((factors[c].Name, drop / PermutationRepeats));
        }

        var top = importances.Select((imp, c) => (imp.Item2, c)).OrderByDescending(t => t.Item1).ThenBy(t => t.c).Take(Math.Min(TopFactors, k)).Select(t => t.c);
        var all = Enumerable.Range(0, n).ToArray();
        var dependences = new List<PartialDependence>();
        foreach (int c in top)
        {
            var values = Enumerable.Range(0, GridPoints).Select(g => factors[c].Value(g / (GridPoints - 1.0))).ToArray();
            var mean = new double[GridPoints];
            for (int g = 0; g < GridPoints; g++)
            {
                var fixedAt = (double[])x.Clone();
                for (int j = 0; j < n; j++) fixedAt[j * k + c] = values[g];
                mean[g] = Predict(all, fixedAt).Average();
            }
            dependences.Add(new PartialDependence(factors[c].Name, values, mean));
        }
        return new SurrogateResult(outputName, train.Length, test.Length, r2, mae, importances, simulated, predicted, dependences);
    }

    /// <summary>1 − residual sum of squares / total sum of squares (NaN when the simulated values do not vary).</summary>
    public static double RSquared(double[] simulated, double[] predicted)
    {
        double mean = simulated.Average();
        double total = simulated.Sum(v => (v - mean) * (v - mean));
        double residual = simulated.Zip(predicted, (a, b) => (a - b) * (a - b)).Sum();
        return total > 0 ? 1 - residual / total : double.NaN;
    }
}
