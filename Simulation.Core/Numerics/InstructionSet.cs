using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.Arm;
using System.Runtime.Intrinsics.X86;

namespace UrbanSim.Core.Numerics;

/// <summary>
/// The vector instruction set the fast kernels run with on this machine. Results are byte-identical for any thread
/// count and shard split on one instruction set; another (a processor without AVX2, say, where .NET takes software
/// paths for 256-bit vectors) may change the last bits of some outputs. Run and shard records carry it, so that
/// merging shards computed on different ones is a deliberate choice.
/// </summary>
internal static class InstructionSet
{
    /// <summary>A short description, e.g. <c>x64 AVX2 FMA</c>, <c>arm64 AdvSimd (256-bit vectors in software)</c>.</summary>
    public static string Current { get; } = Describe();

    private static string Describe()
    {
        string architecture = RuntimeInformation.ProcessArchitecture.ToString().ToLowerInvariant();
        var features = new List<string>();
        if (architecture is "x64" or "x86")
        {
            if (Avx512F.IsSupported) features.Add("AVX-512F");
            if (Avx2.IsSupported) features.Add("AVX2");
            else if (Avx.IsSupported) features.Add("AVX");
            else if (Sse42.IsSupported) features.Add("SSE4.2");
            if (Fma.IsSupported) features.Add("FMA");
        }
        else if (AdvSimd.IsSupported) features.Add("AdvSimd");
        if (!Vector256.IsHardwareAccelerated) features.Add("(256-bit vectors in software)");
        return features.Count == 0 ? architecture : architecture + " " + string.Join(' ', features);
    }
}
