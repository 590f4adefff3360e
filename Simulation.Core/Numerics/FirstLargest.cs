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
        if (n >= 8)
        {
            // Two running maxima, so each waits on the one before it only every other step. The native maximum (one
            // instruction; the IEEE maximum takes three in a chain) may keep −0 over +0: the position found below is
            // the same either way, as −0 == +0.
            var even = Vector256.Create(double.NegativeInfinity);
            var odd = even;
            for (; i + 8 <= n; i += 8)
            {
                even = Vector256.MaxNative(even, Vector256.LoadUnsafe(ref start, (nuint)i));
                odd = Vector256.MaxNative(odd, Vector256.LoadUnsafe(ref start, (nuint)(i + 4)));
            }
            if (i + 4 <= n) { even = Vector256.MaxNative(even, Vector256.LoadUnsafe(ref start, (nuint)i)); i += 4; }
            var lanes = Vector256.MaxNative(even, odd);
            best = Math.Max(Math.Max(lanes.GetElement(0), lanes.GetElement(1)), Math.Max(lanes.GetElement(2), lanes.GetElement(3)));
        }
        else if (n >= 4)
        {
            var lanes = Vector256.LoadUnsafe(ref start);
            i = 4;
            best = Math.Max(Math.Max(lanes.GetElement(0), lanes.GetElement(1)), Math.Max(lanes.GetElement(2), lanes.GetElement(3)));
        }
        for (; i < n; i++) if (values[i] > best) best = values[i];
        // The first position holding it, four at a time.
        var target = Vector256.Create(best);
        int k = 0;
        for (; k + 4 <= n; k += 4)
        {
            uint equal = Vector256.Equals(Vector256.LoadUnsafe(ref start, (nuint)k), target).ExtractMostSignificantBits();
            if (equal != 0)
            {
                k += System.Numerics.BitOperations.TrailingZeroCount(equal);
                largest = values[k];
                return k;
            }
        }
        for (; k < n; k++) if (values[k] == best) { largest = values[k]; return k; }
        largest = best;
        return 0;   // not reached: the largest is one of the values
    }
}
