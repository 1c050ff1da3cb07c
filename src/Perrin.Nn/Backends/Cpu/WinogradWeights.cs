namespace Perrin.Nn.Backends.Cpu;

/// <summary>The Winograd F(2×2, 3×3) weight transform U = G·g·Gᵀ.</summary>
internal static unsafe class WinogradWeights
{
    /// <summary>
    /// Writes u[ξ][cOut][cIn] for the 16 positions ξ = 4·i + j of the transformed 4×4 kernel. The weight is
    /// [cOut][cIn][3][3], or with <paramref name="adjoint"/> [cIn][cOut][3][3] read rotated by 180°. Sums are
    /// formed in double so the transform adds no rounding beyond the final one.
    /// </summary>
    public static void Transform(float* weight, int cOut, int cIn, bool adjoint, float* u)
    {
        Span<double> g = stackalloc double[9];
        Span<double> t = stackalloc double[12];
        var plane = (nint)cOut * cIn;
        for (var co = 0; co < cOut; co++)
        for (var ci = 0; ci < cIn; ci++)
        {
            for (var k = 0; k < 9; k++)
                g[k] = adjoint ? weight[((nint)ci * cOut + co) * 9 + 8 - k] : weight[((nint)co * cIn + ci) * 9 + k];
            for (var c = 0; c < 3; c++)
            {
                double g0 = g[c], g1 = g[3 + c], g2 = g[6 + c];
                t[c] = g0;
                t[3 + c] = 0.5 * (g0 + g1 + g2);
                t[6 + c] = 0.5 * (g0 - g1 + g2);
                t[9 + c] = g2;
            }
            var at = u + (nint)co * cIn + ci;
            for (var i = 0; i < 4; i++)
            {
                double r0 = t[3 * i], r1 = t[3 * i + 1], r2 = t[3 * i + 2];
                at[(4 * i + 0) * plane] = (float)r0;
                at[(4 * i + 1) * plane] = (float)(0.5 * (r0 + r1 + r2));
                at[(4 * i + 2) * plane] = (float)(0.5 * (r0 - r1 + r2));
                at[(4 * i + 3) * plane] = (float)r2;
            }
        }
    }
}
