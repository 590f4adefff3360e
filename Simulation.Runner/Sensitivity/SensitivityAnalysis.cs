namespace UrbanSim.Runner.Sensitivity;

/// <summary>Sample sizes and seed of an analysis.</summary>
/// <param name="Samples">Sobol base samples N: the Saltelli design has N (k + 2) points.</param>
/// <param name="MorrisTrajectories">Morris trajectories r, each of k + 1 points.</param>
/// <param name="LhsSamples">Latin hypercube runs the surrogate and scenario discovery use.</param>
public sealed record SensitivitySettings(int Samples, ulong Seed, int Threads, int MorrisTrajectories, int LhsSamples,
    int MorrisLevels = 4, int BootstrapResamples = SobolAnalysis.BootstrapResamples)
{
    /// <summary>The defaults for <paramref name="samples"/> base samples: r = N / 16 trajectories (4 to 64), LHS of N runs (at least 50).</summary>
    public static SensitivitySettings For(int samples, ulong seed, int threads) =>
        new(samples, seed, threads, Math.Clamp(samples / 16, 4, 64), Math.Max(samples, 50));
}

/// <summary>Everything an analysis computed: the designs, the model's outputs at them, and the analyses per output.</summary>
public sealed class SensitivityResults
{
    public required IReadOnlyList<Factor> Factors { get; init; }
    public required IReadOnlyList<string> Outputs { get; init; }
    public required SensitivitySettings Settings { get; init; }
    public required double[] SobolPoints { get; init; }
    public required double[] SobolValues { get; init; }
    public required double[] MorrisPoints { get; init; }
    public required double[] MorrisValues { get; init; }
    public required double[] LhsPoints { get; init; }
    public required double[] LhsValues { get; init; }
    /// <summary>Per analysed output (by name): Sobol indices, Morris effects, the surrogate.</summary>
    public required IReadOnlyList<OutputAnalysis> Analyses { get; init; }

    public int Evaluations => (SobolPoints.Length + MorrisPoints.Length + LhsPoints.Length) / Factors.Count;
}

/// <summary>The analyses of one output.</summary>
public sealed record OutputAnalysis(string Output, int OutputIndex, SobolIndex[] Sobol, MorrisEffect[] Morris, SurrogateResult? Surrogate);

/// <summary>Runs the three designs through a model and analyses the chosen outputs.</summary>
public static class SensitivityAnalysis
{
    /// <summary>
    /// Whether a surrogate can be fitted to an output: every value finite (an outcome can be undefined, such as the HLE
    /// change of a capacity class the world lacks) and not all equal.
    /// </summary>
    private static bool Learnable(double[] values, int outputs, int output)
    {
        double first = values[output];
        bool varies = false;
        for (int i = output; i < values.Length; i += outputs)
        {
            if (!double.IsFinite(values[i])) return false;
            varies |= values[i] != first;
        }
        return varies;
    }

    /// <summary>Total model evaluations for <paramref name="k"/> factors.</summary>
    public static int EvaluationCount(SensitivitySettings s, int k) => s.Samples * (k + 2) + s.MorrisTrajectories * (k + 1) + s.LhsSamples;

    public static SensitivityResults Run(ISensitivityModel model, SensitivitySettings settings, IReadOnlyList<int> analysed,
        bool surrogate = true, Action<int>? advance = null)
    {
        int k = model.Factors.Count, m = model.Outputs.Count;
        var sobolPoints = Designs.Saltelli(settings.Samples, k, settings.Seed);
        var morrisPoints = Designs.Morris(settings.MorrisTrajectories, k, settings.MorrisLevels, settings.Seed, out int[] moved, out double[] steps);
        var lhsPoints = Designs.LatinHypercube(settings.LhsSamples, k, settings.Seed);
        var sobolValues = ParallelEvaluator.Evaluate(model, sobolPoints, settings.Threads, advance);
        var morrisValues = ParallelEvaluator.Evaluate(model, morrisPoints, settings.Threads, advance);
        var lhsValues = ParallelEvaluator.Evaluate(model, lhsPoints, settings.Threads, advance);
        var analyses = analysed.Select(o => new OutputAnalysis(model.Outputs[o], o,
            SobolAnalysis.Analyse(model.Factors, settings.Samples, sobolValues, m, o, settings.Seed, settings.BootstrapResamples),
            MorrisAnalysis.Analyse(model.Factors, settings.MorrisTrajectories, moved, steps, morrisValues, m, o),
            surrogate && Learnable(lhsValues, m, o) ? Surrogate.Fit(model.Factors, lhsPoints, lhsValues, m, o, model.Outputs[o], settings.Seed) : null)).ToList();
        return new SensitivityResults
        {
            Factors = model.Factors, Outputs = model.Outputs, Settings = settings,
            SobolPoints = sobolPoints, SobolValues = sobolValues, MorrisPoints = morrisPoints, MorrisValues = morrisValues,
            LhsPoints = lhsPoints, LhsValues = lhsValues, Analyses = analyses,
        };
    }
}
