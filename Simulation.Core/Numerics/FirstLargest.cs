using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace UrbanSim.Core.Numerics;

/// <summary>
/// The position of the largest of a few dozen values, found afresh each time: the largest value four lanes at a time,
/// then the first position holding it, so ties go to the lowest position as a scan from the start that keeps the first
/// strictly larger value would choose (and as <see cref="MaxTree"/> does). For a region's zones (tens) it is cheaper
/// than keeping a tree, which pays off only for hundreds. Values must not be NaN.
/// </summary>
internal static class FirstLargest
{
    /// <summary>Regions with at most this many zones choose scheme zones by scanning; larger ones keep a <see cref="MaxTree"/>.</summary>
    public const int ScanAtMost = 128;

    /// <summary>The first position of the largest of <paramref name="values"/> (−1 when empty), and that value.</summary>
    public static int Of(ReadOnlySpan<double> values, out double largest)
    {
        int n = values.Length;
        if (n == 0) { largest = double.NegativeInfinity; return -1; }
        ref double start = ref MemoryMarshal.GetReference(values);
        int i = 0;
        double best = double.NegativeInfinity;
        if (n >= 4)
        {
            var lanes = Vector256.Create(double.NegativeInfinity);
            for (; i + 4 <= n; i += 4) lanes = Vector256.Max(lanes, Vector256.LoadUnsafe(ref start, (nuint)i));
            best = Math.Max(Math.Max(lanes.GetElement(0), lanes.GetElement(1)), Math.Max(lanes.GetElement(2), lanes.GetElement(3)));
        }
        for (; i < n; i++) if (values[i] > best) best = values[i];
        largest = best;
        for (int k = 0; k < n; k++) if (values[k] == best) return k;
        return 0;   // every value −∞
    }
}
