using System.Runtime.CompilerServices;

namespace Perrin.Nn.Backends.Cpu;

/// <summary>
/// Scalar direct-convolution kernel for machines without AVX2+FMA. It sums the taps in the vector kernels' order
/// (channel, ky, kx) with fused multiply-adds, so it rounds exactly as they do.
/// </summary>
internal static unsafe class DirectConvForwardScalar
{
    /// <summary>One output channel over <paramref name="count"/> pixels of one row; weights [channel][ky][kx].</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Run(float* input, nint planeStride, nint rowStride, int channels, int kh, int kw,
        float* weight, float* output, int count, float bias, bool relu)
    {
        for (var x = 0; x < count; x++)
        {
            var acc = 0f;
            var w = weight;
            for (var c = 0; c < channels; c++)
            {
                var plane = input + c * planeStride + x;
                for (var ky = 0; ky < kh; ky++)
                {
                    var p = plane + ky * rowStride;
                    for (var kx = 0; kx < kw; kx++) acc = MathF.FusedMultiplyAdd(p[kx], *w++, acc);
                }
            }
            acc += bias;
            output[x] = relu ? (acc > 0f ? acc : 0f) : acc;
        }
    }
}
