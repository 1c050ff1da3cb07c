using System.Runtime.CompilerServices;

namespace Perrin.Nn.Backends.Cpu;

/// <summary>Scalar weight-gradient kernel of the direct convolution, for machines without AVX2+FMA.</summary>
internal static unsafe class DirectConvWeightGradScalar
{
    /// <summary>Adds Σ over a band of rows of g·x (x shifted by one tap) to <paramref name="acc"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Run(float* g, nint gRow, float* x, nint xRow, int rows, int width, float* acc)
    {
        var sum = *acc;
        for (var y = 0; y < rows; y++)
        {
            for (var i = 0; i < width; i++) sum = MathF.FusedMultiplyAdd(g[i], x[i], sum);
            g += gRow;
            x += xRow;
        }
        *acc = sum;
    }
}
