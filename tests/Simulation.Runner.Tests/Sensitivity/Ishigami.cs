using UrbanSim.Runner.Sensitivity;

namespace UrbanSim.Runner.Tests.Sensitivity;

/// <summary>
/// The Ishigami function f = sin x1 + a sin² x2 + b x3⁴ sin x1 (a = 7, b = 0.1), x_i uniform on [−π, π], plus a
/// fourth factor the function never reads. Analytic Sobol indices (docs/evidence.md): S1 = 0.3139, 0.4424, 0;
/// ST = 0.5576, 0.4424, 0.2437; the dummy's are 0.
/// </summary>
internal sealed class Ishigami : ISensitivityModel
{
    public static readonly double[] FirstOrder = [0.3139, 0.4424, 0, 0];
    public static readonly double[] Total = [0.5576, 0.4424, 0.2437, 0];

    public IReadOnlyList<Factor> Factors { get; } =
        [.. new[] { "x1", "x2", "x3", "dummy" }.Select(n => Factor.Uniform(n, FactorKind.Parameter, -Math.PI, Math.PI))];

    public IReadOnlyList<string> Outputs { get; } = ["y"];

    public ISensitivityWorker CreateWorker() => new Worker(this);

    private sealed class Worker(Ishigami model) : ISensitivityWorker
    {
        public void Evaluate(ReadOnlySpan<double> unit, Span<double> outputs)
        {
            double x1 = model.Factors[0].Value(unit[0]), x2 = model.Factors[1].Value(unit[1]), x3 = model.Factors[2].Value(unit[2]);
            outputs[0] = Math.Sin(x1) + 7 * Math.Sin(x2) * Math.Sin(x2) + 0.1 * Math.Pow(x3, 4) * Math.Sin(x1);
        }
    }
}
