namespace Perrin.Nn.Backends.Cpu;

/// <summary>Weight layouts for the direct-convolution kernels.</summary>
internal static unsafe class DirectConvWeights
{
    /// <summary>
    /// Packs weight[cOut][cIn][kh][kw] as [cOut/r block][cIn][kh][kw][r], zero-filling the channels past cOut so every
    /// block runs the full-width kernel. With <paramref name="adjoint"/> the source is instead the kernel of the
    /// adjoint convolution, weight[cIn][cOut][kh][kw] read with the taps rotated by 180°.
    /// </summary>
    public static void Pack(float* weight, int cOut, int cIn, int kh, int kw, int r, bool adjoint, float* dst)
    {
        var blocks = (cOut + r - 1) / r;
        var taps = kh * kw;
        for (var b = 0; b < blocks; b++)
        for (var ci = 0; ci < cIn; ci++)
        for (var t = 0; t < taps; t++)
        for (var j = 0; j < r; j++)
        {
            var co = b * r + j;
            float value = 0;
            if (co < cOut)
            {
                value = adjoint
                    ? weight[((nint)ci * cOut + co) * taps + (taps - 1 - t)]
                    : weight[((nint)co * cIn + ci) * taps + t];
            }
            *dst++ = value;
        }
    }
}
