namespace UrbanSim.Runner.Sensitivity;

/// <summary>
/// The three designs of an analysis — Saltelli (Sobol), Morris trajectories, Latin hypercube — as one global list of
/// points in that order, deterministic from the settings' samples and seed and the factor count. Chunks, shards and
/// resumes address points by their index in this list.
/// </summary>
internal sealed class SensitivityDesign
{
    public required int Factors { get; init; }
    /// <summary>How the Sobol and Morris designs group the factors.</summary>
    public required IReadOnlyList<FactorGroup> Groups { get; init; }
    public required double[] SobolPoints { get; init; }
    public required double[] MorrisPoints { get; init; }
    /// <summary>The moved factors and steps of the Morris trajectories, as <see cref="Designs.Morris"/> gives them.</summary>
    public required int[] MorrisMoved { get; init; }
    public required double[] MorrisSteps { get; init; }
    public required double[] LhsPoints { get; init; }

    public int SobolCount => SobolPoints.Length / Factors;
    public int MorrisCount => MorrisPoints.Length / Factors;
    public int LhsCount => LhsPoints.Length / Factors;
    /// <summary>All points: Sobol, then Morris, then LHS.</summary>
    public int Count => SobolCount + MorrisCount + LhsCount;

    /// <summary>The designs for <paramref name="model"/>'s factors, grouped as the model groups them.</summary>
    public static SensitivityDesign Create(SensitivitySettings settings, ISensitivityModel model) => Create(settings, model.Factors.Count, model.Groups);

    /// <summary>The designs for <paramref name="factors"/> factors, each alone unless <paramref name="groups"/> says otherwise.</summary>
    public static SensitivityDesign Create(SensitivitySettings settings, int factors, IReadOnlyList<FactorGroup>? groups = null) => new()
    {
        Factors = factors,
        Groups = groups ?? [.. Enumerable.Range(0, factors).Select(c => new FactorGroup(c.ToString(System.Globalization.CultureInfo.InvariantCulture), FactorKind.Parameter, [c]))],
        SobolPoints = Designs.Saltelli(settings.Samples, factors, settings.Seed, groups),
        MorrisPoints = Designs.Morris(settings.MorrisTrajectories, factors, settings.MorrisLevels, settings.Seed, out int[] moved, out double[] steps, groups),
        MorrisMoved = moved, MorrisSteps = steps,
        LhsPoints = Designs.LatinHypercube(settings.LhsSamples, factors, settings.Seed),
    };

    /// <summary>The coordinates of points [first, end) of the global list, [point * factors + factor].</summary>
    public double[] Points(int first, int end)
    {
        var points = new double[(end - first) * Factors];
        int written = 0;
        foreach (var (design, offset) in new[] { (SobolPoints, 0), (MorrisPoints, SobolCount), (LhsPoints, SobolCount + MorrisCount) })
        {
            int from = Math.Max(first, offset), to = Math.Min(end, offset + design.Length / Factors);
            if (from >= to) continue;
            design.AsSpan((from - offset) * Factors, (to - from) * Factors).CopyTo(points.AsSpan(written));
            written += (to - from) * Factors;
        }
        return points;
    }
}
