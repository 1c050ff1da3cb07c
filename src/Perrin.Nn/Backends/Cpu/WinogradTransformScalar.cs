namespace Perrin.Nn.Backends.Cpu;

/// <summary>
/// Portable Winograd F(2×2, 3×3) tile transforms, one tile at a time. V = Bᵀ·d·B with
/// Bᵀ = [1 0 −1 0; 0 1 1 0; 0 −1 1 0; 0 1 0 −1] and Y = Aᵀ·M·A with Aᵀ = [1 1 1 0; 0 1 −1 −1].
/// </summary>
internal static unsafe class WinogradTransformScalar
{
    /// <summary>
    /// Transforms <paramref name="count"/> consecutive tiles whose windows start at <paramref name="source"/>
    /// (2 columns apart); tile k's value ξ goes to dst[ξ·xiStride + k].
    /// </summary>
    public static void Input(float* source, nint stride, int count, float* dst, nint xiStride)
    {
        var h = stackalloc float[16];
        for (var k = 0; k < count; k++)
        {
            var p = source + 2 * k;
            for (var i = 0; i < 4; i++)
            {
                var row = p + i * stride;
                float d0 = row[0], d1 = row[1], d2 = row[2], d3 = row[3];
                h[4 * i] = d0 - d2;
                h[4 * i + 1] = d1 + d2;
                h[4 * i + 2] = d2 - d1;
                h[4 * i + 3] = d1 - d3;
            }
            for (var j = 0; j < 4; j++)
            {
                float h0 = h[j], h1 = h[4 + j], h2 = h[8 + j], h3 = h[12 + j];
                dst[j * xiStride + k] = h0 - h2;
                dst[(4 + j) * xiStride + k] = h1 + h2;
                dst[(8 + j) * xiStride + k] = h2 - h1;
                dst[(12 + j) * xiStride + k] = h1 - h3;
            }
        }
    }

    /// <summary>
    /// Transforms <paramref name="count"/> tiles of products (tile k's value ξ at m[ξ·xiStride + k]) into 2×2 outputs
    /// at <paramref name="output"/>, 2 columns apart, adding the bias and applying ReLU. Only the first
    /// <paramref name="validColumns"/> columns (at most 2·count; fewer where the image's last column is cropped) and,
    /// unless <paramref name="secondRow"/>, only the first row are stored.
    /// </summary>
    public static void Output(float* m, nint xiStride, int count, float bias, bool relu, float* output,
        nint outStride, int validColumns, bool secondRow)
    {
        var t = stackalloc float[8];
        for (var k = 0; k < count; k++)
        {
            for (var j = 0; j < 4; j++)
            {
                float m0 = m[j * xiStride + k], m1 = m[(4 + j) * xiStride + k];
                float m2 = m[(8 + j) * xiStride + k], m3 = m[(12 + j) * xiStride + k];
                t[j] = m0 + m1 + m2;
                t[4 + j] = m1 - m2 - m3;
            }
            var x = 2 * k;
            Put(output + x, t[0] + t[1] + t[2], bias, relu);
            if (x + 1 < validColumns) Put(output + x + 1, t[1] - t[2] - t[3], bias, relu);
            if (!secondRow) continue;
            Put(output + outStride + x, t[4] + t[5] + t[6], bias, relu);
            if (x + 1 < validColumns) Put(output + outStride + x + 1, t[5] - t[6] - t[7], bias, relu);
        }
    }

    private static void Put(float* at, float value, float bias, bool relu)
    {
        value += bias;
        *at = relu && !(value > 0f) ? 0f : value;
    }
}
