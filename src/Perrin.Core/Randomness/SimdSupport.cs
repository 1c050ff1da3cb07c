using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Perrin.Core.Randomness;

/// <summary>The widest <see cref="SimdWidth"/> the processor runs the bulk kernels at.</summary>
internal static class SimdSupport
{
    public static SimdWidth Widest { get; } =
        Vector512.IsHardwareAccelerated && Avx512F.IsSupported && Avx512DQ.IsSupported ? SimdWidth.Vector512
        : Vector256.IsHardwareAccelerated && Avx2.IsSupported && Fma.IsSupported ? SimdWidth.Vector256
        : SimdWidth.Scalar;

    /// <summary>Whether this processor can run <paramref name="width"/>, so tests can force every path it has.</summary>
    public static bool Runs(SimdWidth width) => width <= Widest;
}
