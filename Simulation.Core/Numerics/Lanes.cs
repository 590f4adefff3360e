using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace UrbanSim.Core.Numerics;

/// <summary>
/// Vector helpers of the fast kernels. Every span given to <see cref="Load"/> and <see cref="Store"/> is at least four
/// past the index (age profiles are <see cref="World.AgeBands.Stride"/> long, zone arrays are read four at a time
/// below their length); debug assertions check it, and the unchecked access avoids a bounds check per vector.
/// Lane sums have a fixed order, so results do not depend on threads.
/// </summary>
internal static class Lanes
{
    /// <summary>Four doubles from <paramref name="index"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Load(ReadOnlySpan<double> span, int index)
    {
        Debug.Assert(index >= 0 && index + 4 <= span.Length);
        return Vector256.LoadUnsafe(ref MemoryMarshal.GetReference(span), (nuint)index);
    }

    /// <summary>Stores four doubles at <paramref name="index"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Vector256<double> value, Span<double> span, int index)
    {
        Debug.Assert(index >= 0 && index + 4 <= span.Length);
        value.StoreUnsafe(ref MemoryMarshal.GetReference(span), (nuint)index);
    }

    /// <summary>Eight doubles from <paramref name="index"/> in single precision.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Narrow8(ReadOnlySpan<double> values, int index) => Vector256.Narrow(Load(values, index), Load(values, index + 4));

    /// <summary>The eight lanes in double precision, added in pairs into four (lane k + lane k + 4).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Widened(Vector256<float> v)
    {
        var (lower, upper) = Vector256.Widen(v);
        return lower + upper;
    }

    /// <summary>Sum of the eight lanes in double precision, in a fixed order.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double SumInDouble(Vector256<float> v) => Vector256.Sum(Widened(v));
}
