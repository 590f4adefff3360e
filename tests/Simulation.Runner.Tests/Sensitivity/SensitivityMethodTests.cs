using UrbanSim.Runner.Sensitivity;
using Xunit.Abstractions;

namespace UrbanSim.Runner.Tests.Sensitivity;

/// <summary>The analysis methods against known answers: Ishigami's Sobol indices, Morris's ranking, a smooth surrogate, a planted PRIM box.</summary>
public class SensitivityMethodTests(ITestOutputHelper output)
{
    private const int IshigamiSamples = 8192;

    private static SensitivityResults RunIshigami(int threads, int samples = IshigamiSamples) =>
        SensitivityAnalysis.Run(new Ishigami(), new SensitivitySettings(samples, 2026, threads, 200, 64), [0], surrogate: false);

    [Fact]
    public void Sobol_ReproducesIshigamisAnalyticIndicesWithinTheBootstrapInterval()
    {
        var sobol = RunIshigami(threads: 2).Analyses[0].Sobol;
        foreach (var s in sobol)
            output.WriteLine(System.FormattableString.Invariant(
                $"{s.Factor}: S1 {s.FirstOrder.Estimate:0.0000} [{s.FirstOrder.Low:0.0000}, {s.FirstOrder.High:0.0000}]  ST {s.Total.Estimate:0.0000} [{s.Total.Low:0.0000}, {s.Total.High:0.0000}]"));
        for (int i = 0; i < 3; i++)
        {
            var s = sobol[i];
            Assert.InRange(Ishigami.FirstOrder[i], s.FirstOrder.Low, s.FirstOrder.High);
            Assert.InRange(Ishigami.Total[i], s.Total.Low, s.Total.High);
            Assert.True(s.Total.High - s.Total.Low < 0.1, $"{s.Factor}: interval {s.Total.Low}…{s.Total.High} too wide to mean anything");
        }
    }

    [Fact]
    public void Sobol_AFactorTheModelNeverReadsHasATotalIndexOfZero()
    {
        var dummy = RunIshigami(threads: 2).Analyses[0].Sobol[3];
        Assert.True(dummy.Total.Estimate < 0.01);
        Assert.True(dummy.Total.Low <= 0 + 1e-12 && dummy.Total.High < 0.01);
        Assert.InRange(0, dummy.FirstOrder.Low, dummy.FirstOrder.High);
    }

    [Fact]
    public void Sobol_FewSamplesGiveWideIntervals()
    {
        // The interval must reflect the sample size; otherwise "within the interval" above proves little.
        var small = RunIshigami(threads: 1, samples: 64).Analyses[0].Sobol[0];
        var large = RunIshigami(threads: 1).Analyses[0].Sobol[0];
        Assert.True(small.Total.High - small.Total.Low > 3 * (large.Total.High - large.Total.Low));
    }

    [Fact]
    public void Analysis_IsIdenticalOnOneAndTwoThreads()
    {
        var one = RunIshigami(threads: 1, samples: 512);
        var two = RunIshigami(threads: 2, samples: 512);
        Assert.Equal(one.SobolValues, two.SobolValues);
        Assert.Equal(one.MorrisValues, two.MorrisValues);
        Assert.Equal(one.Analyses[0].Sobol, two.Analyses[0].Sobol);
    }

    [Fact]
    public void Morris_RanksIshigamisFactorsSensibly()
    {
        var morris = RunIshigami(threads: 2, samples: 64).Analyses[0].Morris;
        var (x1, x2, x3, dummy) = (morris[0], morris[1], morris[2], morris[3]);
        Assert.Equal(0, dummy.MuStar);
        Assert.Equal(0, dummy.Sigma);
        Assert.True(x1.MuStar > x3.MuStar && x2.MuStar > x3.MuStar, "x1 and x2 have the larger main effects");
        // x3 acts only through its interaction with x1: its effects average out (μ ≈ 0) but vary widely (σ large).
        Assert.True(x3.Sigma > 2 * Math.Abs(x3.Mu));
        Assert.True(x3.Sigma > x3.MuStar * 0.8);
    }

    private sealed class Smooth : ISensitivityModel
    {
        public IReadOnlyList<Factor> Factors { get; } =
            [Factor.Uniform("a", FactorKind.Lever, 0, 1), Factor.Uniform("b", FactorKind.Lever, -1, 1), Factor.Uniform("c", FactorKind.Parameter, 0, 2), Factor.Uniform("unused", FactorKind.Parameter, 0, 1)];
        public IReadOnlyList<string> Outputs { get; } = ["y"];
        public ISensitivityWorker CreateWorker() => new Worker();
        private sealed class Worker : ISensitivityWorker
        {
            public void Evaluate(ReadOnlySpan<double> u, Span<double> y) =>
                y[0] = 3 * u[0] + 2 * Math.Pow(2 * u[1] - 1, 2) + Math.Sin(3 * 2 * u[2]) * 0.5;
        }
    }

    [Fact]
    public void Surrogate_LearnsASmoothFunctionAndRanksItsFactors()
    {
        var model = new Smooth();
        var lhs = Designs.LatinHypercube(600, 4, 11);
        var values = ParallelEvaluator.Evaluate(model, lhs, 2);
        var fit = Surrogate.Fit(model.Factors, lhs, values, 1, 0, "y", 11);
        Assert.True(fit.TestRSquared > 0.9, $"R² {fit.TestRSquared}");
        Assert.True(fit.TestMeanAbsoluteError < 0.2);
        var ranked = fit.Importances.OrderByDescending(i => i.Importance).Select(i => i.Factor).ToArray();
        Assert.Equal("a", ranked[0]);
        Assert.Equal("unused", ranked[^1]);
        Assert.True(Math.Abs(fit.Importances.Single(i => i.Factor == "unused").Importance) < 0.02);
        var pd = fit.PartialDependences.Single(p => p.Factor == "a");
        Assert.True(pd.Predictions[^1] - pd.Predictions[0] > 2.4, "partial dependence on a rises by about 3 over its range");
    }

    [Fact]
    public void Prim_FindsAPlantedBox()
    {
        const int n = 2000, k = 4;
        var points = Designs.LatinHypercube(n, k, 5);
        var hit = Enumerable.Range(0, n).Select(j => points[j * k + 0] > 0.6 && points[j * k + 1] < 0.3).ToArray();
        var box = Prim.Choose(Prim.Peel(points, k, hit));
        Assert.True(box.Density > 0.8, $"density {box.Density}");
        Assert.True(box.Coverage > 0.6, $"coverage {box.Coverage}");
        Assert.InRange(box.Lower[0], 0.5, 0.7);
        Assert.InRange(box.Upper[1], 0.2, 0.4);
        Assert.True(box.Upper[0] > 0.95 && box.Lower[1] < 0.05);
        Assert.True(box.Lower[2] < 0.2 && box.Upper[2] > 0.8 && box.Lower[3] < 0.2 && box.Upper[3] > 0.8, "free factors stay (nearly) free");

        var simple = Prim.Simplify(points, k, hit, box);
        Assert.True(simple.Lower[2] == 0 && simple.Upper[2] == 1 && simple.Lower[3] == 0 && simple.Upper[3] == 1, "simplifying frees the factors that do not matter");
        Assert.Equal(box.Lower[0], simple.Lower[0]);
        Assert.Equal(box.Upper[1], simple.Upper[1]);
        Assert.True(simple.Density > box.Density - 0.02);

        var freed = Prim.DensityIfFreed(points, k, hit, simple);
        Assert.True(freed[0] < simple.Density - 0.3 && freed[1] < simple.Density - 0.3, "both planted restrictions matter");
        Assert.True(double.IsNaN(freed[2]) && double.IsNaN(freed[3]));
    }
}

/// <summary>Outputs that do not vary or are undefined give empty indices and no surrogate, not a crash.</summary>
public class DegenerateOutputTests
{
    private sealed class Flat : ISensitivityModel
    {
        public IReadOnlyList<Factor> Factors { get; } = [Factor.Uniform("a", FactorKind.Lever, 0, 1), Factor.Uniform("b", FactorKind.Lever, 0, 1)];
        public IReadOnlyList<string> Outputs { get; } = ["constant", "undefined", "varies"];
        public ISensitivityWorker CreateWorker() => new Worker();
        private sealed class Worker : ISensitivityWorker
        {
            public void Evaluate(ReadOnlySpan<double> u, Span<double> y) { y[0] = 5; y[1] = double.NaN; y[2] = u[0]; }
        }
    }

    [Fact]
    public void ConstantAndUndefinedOutputs_AreWrittenAsEmptyFieldsWithoutASurrogate()
    {
        var results = SensitivityAnalysis.Run(new Flat(), new SensitivitySettings(32, 3, 2, 4, 50), [0, 1, 2]);
        Assert.Null(results.Analyses[0].Surrogate);
        Assert.Null(results.Analyses[1].Surrogate);
        Assert.NotNull(results.Analyses[2].Surrogate);
        Assert.True(double.IsNaN(results.Analyses[0].Sobol[0].Total.Estimate));
        using var temp = new TempFolder("sensitivity-degenerate");
        var files = SensitivityOutputs.Write(temp.Path, results, null, new UrbanSim.Runner.Charts.ChartCaption("flat", 1, 3, "test", "Sobol N = 32"));
        Assert.Contains("charts/tornado_varies.png", files);
        Assert.DoesNotContain("charts/tornado_constant.png", files);
        var sobol = File.ReadAllLines(Path.Combine(temp.Path, "sobol.csv"));
        Assert.Contains("constant,a,lever,,,,,,,1", sobol);
    }
}
