using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Perrin.Core.Randomness;

/// <summary>The widest <see cref="SimdWidth"/> the processor runs the bulk kernels at.</summary>
internal static class SimdSupport
{
    // The runtime calls Vector512 unaccelerated on processors whose clock drops under sustained 512-bit work, but
    // these kernels are short bursts and run about twice as fast as at 256 bits there, so the instruction set decides.
    public static SimdWidth Widest { get; } =
        Avx512F.IsSupported && Avx512DQ.IsSupported && Fma.IsSupported ? SimdWidth.Vector512
        : Vector256.IsHardwareAccelerated && Avx2.IsSupported && Fma.IsSupported ? SimdWidth.Vector256
        : SimdWidth.Scalar;

    /// <summary>Whether this processor can run <paramref name="width"/>, so tests can force every path it has.</summary>
    public static bool Runs(SimdWidth width) => width <= Widest;
}
