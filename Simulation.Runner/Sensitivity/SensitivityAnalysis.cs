using UrbanSim.Runner.Output;

namespace UrbanSim.Runner.Sensitivity;

/// <summary>Sample sizes and seed of an analysis.</summary>
/// <param name="Samples">Sobol base samples N: the Saltelli design has N (k + 2) points.</param>
/// <param name="MorrisTrajectories">Morris trajectories r, each of k + 1 points.</param>
/// <param name="LhsSamples">Latin hypercube runs the surrogate and scenario discovery use.</param>
internal sealed record SensitivitySettings(int Samples, ulong Seed, int Threads, int MorrisTrajectories, int LhsSamples,
    int MorrisLevels = 4, int BootstrapResamples = SobolAnalysis.BootstrapResamples)
{
    /// <summary>The defaults for <paramref name="samples"/> base samples: r = N / 16 trajectories (4 to 64), LHS of N runs (at least 50).</summary>
    public static SensitivitySettings For(int samples, ulong seed, int threads) =>
        new(samples, seed, threads, Math.Clamp(samples / 16, 4, 64), Math.Max(samples, 50));
}

/// <summary>Everything an analysis computed: the designs, the model's outputs at them, and the analyses per output.</summary>
internal sealed class SensitivityResults
{
    public required IReadOnlyList<Factor> Factors { get; init; }
    /// <summary>The factors as the Sobol and Morris designs grouped them.</summary>
    public required IReadOnlyList<FactorGroup> Groups { get; init; }
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

    /// <summary>Whether any factors are grouped.</summary>
    public bool Grouped => Groups.Count < Factors.Count;
}

/// <summary>The analyses of one output.</summary>
internal sealed record OutputAnalysis(string Output, int OutputIndex, SobolIndex[] Sobol, MorrisEffect[] Morris, SurrogateResult? Surrogate);

/// <summary>Runs the three designs through a model and analyses the chosen outputs.</summary>
internal static class SensitivityAnalysis
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

    /// <summary>Total model evaluations for <paramref name="g"/> groups of factors (each factor alone: g = k).</summary>
    public static int EvaluationCount(SensitivitySettings s, int g) => s.Samples * (g + 2) + s.MorrisTrajectories * (g + 1) + s.LhsSamples;

    public static SensitivityResults Run(ISensitivityModel model, SensitivitySettings settings, IReadOnlyList<int> analysed,
        bool surrogate = true, Action<int>? advance = null)
    {
        var design = SensitivityDesign.Create(settings, model);
        var values = ParallelEvaluator.Evaluate(model, design.Points(0, design.Count), settings.Threads, advance);
        return Analyse(model.Factors, model.Outputs, settings, design, values, analysed, surrogate);
    }

    /// <summary>The design's groups, named after their factors when every factor is alone.</summary>
    private static IReadOnlyList<FactorGroup> GroupsOf(IReadOnlyList<Factor> factors, SensitivityDesign design) =>
        design.Groups.Count == factors.Count && design.Groups.Select((g, i) => g.Members is [var c] && c == i).All(x => x)
            ? FactorGroup.Singletons(factors) : design.Groups;

    /// <summary>
    /// Analyses the model's outputs at every point of <paramref name="design"/>: <paramref name="values"/> is
    /// [point * outputs + output] over the global point list (Sobol, then Morris, then LHS), however it was computed.
    /// </summary>
    public static SensitivityResults Analyse(IReadOnlyList<Factor> factors, IReadOnlyList<string> outputs, SensitivitySettings settings,
        SensitivityDesign design, double[] values, IReadOnlyList<int> analysed, bool surrogate = true)
    {
        int m = outputs.Count;
        var sobolValues = values.AsSpan(0, design.SobolCount * m).ToArray();
        var morrisValues = values.AsSpan(design.SobolCount * m, design.MorrisCount * m).ToArray();
        var lhsValues = values.AsSpan((design.SobolCount + design.MorrisCount) * m, design.LhsCount * m).ToArray();
        // Each output's bootstrap, Morris effects and surrogate are independent of the others': analysed on every thread.
        var groups = GroupsOf(factors, design);
        var analyses = new OutputAnalysis[analysed.Count];
        Concurrently.For(analysed.Count, settings.Threads, i =>
        {
            int o = analysed[i];
            analyses[i] = new OutputAnalysis(outputs[o], o,
                SobolAnalysis.Analyse(groups, settings.Samples, sobolValues, m, o, settings.Seed, settings.BootstrapResamples),
                MorrisAnalysis.Analyse(groups, factors.Count, settings.MorrisTrajectories, design.MorrisMoved, design.MorrisSteps, morrisValues, m, o),
                surrogate && Learnable(lhsValues, m, o) ? Surrogate.Fit(factors, design.LhsPoints, lhsValues, m, o, outputs[o], settings.Seed) : null);
        });
        return new SensitivityResults
        {
            Factors = factors, Groups = GroupsOf(factors, design), Outputs = outputs, Settings = settings,
            SobolPoints = design.SobolPoints, SobolValues = sobolValues, MorrisPoints = design.MorrisPoints, MorrisValues = morrisValues,
            LhsPoints = design.LhsPoints, LhsValues = lhsValues, Analyses = [.. analyses],
        };
    }
}
