namespace UrbanSim.Runner.Sensitivity;

/// <summary>A box in the unit hypercube: per factor, the lower and upper unit coordinate kept.</summary>
internal sealed record PrimBox(double[] Lower, double[] Upper, double Coverage, double Density, double Support);

/// <summary>
/// Scenario discovery by PRIM (Friedman and Fisher 1999), peeling only: starting from the whole sample, repeatedly cut
/// the share <see cref="Alpha"/> of the points in the box at the low or high end of one factor, choosing the cut that
/// leaves the highest density (share of points in the box that are "hits"), until fewer than
/// <see cref="MinimumSupport"/> of the points remain. Coverage is the share of all hits that lie in the box.
/// </summary>
internal static class Prim
{
    public const double Alpha = 0.05, MinimumSupport = 0.05;

    /// <summary>The peeling trajectory, from the whole space to the last box.</summary>
    public static List<PrimBox> Peel(double[] unitPoints, int k, bool[] hit)
    {
        int n = hit.Length;
        int hits = hit.Count(h => h);
        var inBox = Enumerable.Range(0, n).ToList();
        var lower = new double[k];
        var upper = Enumerable.Repeat(1.0, k).ToArray();
        var trajectory = new List<PrimBox> { Box(lower, upper, inBox, hit, hits, n) };
        if (hits == 0) return trajectory;
        while (true)
        {
            int remove = Math.Max(1, (int)Math.Floor(Alpha * inBox.Count));
            if (inBox.Count - remove < MinimumSupport * n) break;
            double bestDensity = -1;
            (int Factor, bool Low, double Cut, List<int> Keep)? best = null;
            for (int c = 0; c < k; c++)
            {
                var sorted = inBox.Select(j => unitPoints[j * k + c]).Order().ToArray();
                foreach (bool low in new[] { true, false })
                {
                    double cut = low ? sorted[remove] : sorted[sorted.Length - 1 - remove];
                    var keep = inBox.Where(j => low ? unitPoints[j * k + c] >= cut : unitPoints[j * k + c] <= cut).ToList();
                    if (keep.Count == inBox.Count || keep.Count < MinimumSupport * n) continue;
                    double density = keep.Count(j => hit[j]) / (double)keep.Count;
                    if (density > bestDensity + 1e-12) { bestDensity = density; best = (c, low, cut, keep); }
                }
            }
            if (best is not { } b) break;
            if (b.Low) lower[b.Factor] = b.Cut; else upper[b.Factor] = b.Cut;
            inBox = b.Keep;
            trajectory.Add(Box(lower, upper, inBox, hit, hits, n));
        }
        return trajectory;
    }

    /// <summary>
    /// The box a policy-maker would pick from the trajectory: the densest one that still covers at least
    /// <paramref name="minimumCoverage"/> of the hits (the first of equals, so the largest).
    /// </summary>
    public static PrimBox Choose(List<PrimBox> trajectory, double minimumCoverage = 0.5)
    {
        var candidates = trajectory.Where(b => b.Coverage >= minimumCoverage).ToList();
        if (candidates.Count == 0) return trajectory[0];
        double best = candidates.Max(b => b.Density);
        return candidates.First(b => b.Density >= best - 1e-12);
    }

    /// <summary>
    /// Drops restrictions that barely matter: repeatedly frees the factor whose release keeps the density highest, while
    /// the density stays within <paramref name="tolerance"/> of the box's. Peeling trims a few percent off many factors
    /// by chance; what is left are the factors a policy-maker needs to know about.
    /// </summary>
    public static PrimBox Simplify(double[] unitPoints, int k, bool[] hit, PrimBox box, double tolerance = 0.02)
    {
        int n = hit.Length, hits = hit.Count(h => h);
        var lower = (double[])box.Lower.Clone();
        var upper = (double[])box.Upper.Clone();
        List<int> Inside(double[] lo, double[] hi) => Enumerable.Range(0, n)
            .Where(j => Enumerable.Range(0, k).All(c => unitPoints[j * k + c] >= lo[c] && unitPoints[j * k + c] <= hi[c])).ToList();
        var current = Box(lower, upper, Inside(lower, upper), hit, hits, n);
        while (true)
        {
            PrimBox? best = null;
            int bestFactor = -1;
            for (int c = 0; c < k; c++)
            {
                if (lower[c] <= 0 && upper[c] >= 1) continue;
                var lo = (double[])lower.Clone(); var hi = (double[])upper.Clone();
                lo[c] = 0; hi[c] = 1;
                var candidate = Box(lo, hi, Inside(lo, hi), hit, hits, n);
                if (best is null || candidate.Density > best.Density + 1e-12) { best = candidate; bestFactor = c; }
            }
            if (best is null || best.Density < box.Density - tolerance) return current;
            lower[bestFactor] = 0; upper[bestFactor] = 1;
            current = best;
        }
    }

    /// <summary>
    /// For each restricted factor, the box's density with that factor's restriction removed (NaN for factors the box
    /// does not restrict): the lower it falls, the more the restriction matters.
    /// </summary>
    public static double[] DensityIfFreed(double[] unitPoints, int k, bool[] hit, PrimBox box)
    {
        int n = hit.Length;
        var result = new double[k];
        for (int c = 0; c < k; c++)
        {
            if (box.Lower[c] <= 0 && box.Upper[c] >= 1) { result[c] = double.NaN; continue; }
            int inside = 0, hits = 0;
            for (int j = 0; j < n; j++)
            {
                bool ok = true;
                for (int d = 0; d < k && ok; d++)
                    if (d != c) ok = unitPoints[j * k + d] >= box.Lower[d] && unitPoints[j * k + d] <= box.Upper[d];
                if (!ok) continue;
                inside++;
                if (hit[j]) hits++;
            }
            result[c] = inside > 0 ? hits / (double)inside : double.NaN;
        }
        return result;
    }

    private static PrimBox Box(double[] lower, double[] upper, List<int> inBox, bool[] hit, int hits, int n)
    {
        int inside = inBox.Count(j => hit[j]);
        return new PrimBox((double[])lower.Clone(), (double[])upper.Clone(),
            hits > 0 ? inside / (double)hits : 0, inBox.Count > 0 ? inside / (double)inBox.Count : 0, inBox.Count / (double)n);
    }
}
