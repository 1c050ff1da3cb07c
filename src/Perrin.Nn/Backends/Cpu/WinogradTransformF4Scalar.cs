namespace Perrin.Nn.Backends.Cpu;

/// <summary>
/// Portable Winograd F(4×4, 3×3) tile transforms, one tile at a time: V = Bᵀ·d·B over 6×6 windows, rows first, and
/// Y = Aᵀ·M·A into 4×4 outputs, columns first, with the one-dimensional transforms of <see cref="WinogradF4"/>.
/// </summary>
internal static unsafe class WinogradTransformF4Scalar
{
    /// <summary>
    /// Transforms <paramref name="count"/> consecutive tiles whose windows start at <paramref name="source"/>
    /// (4 columns apart); tile k's value ξ = 6·i + j goes to dst[ξ·xiStride + k].
    /// </summary>
    public static void Input(float* source, nint stride, int count, float* dst, nint xiStride)
    {
        var h = stackalloc float[36];
        for (var k = 0; k < count; k++)
        {
            var p = source + 4 * k;
            for (var i = 0; i < 6; i++)
            {
                var row = p + i * stride;
                var o = h + 6 * i;
                WinogradF4.In(row[0], row[1], row[2], row[3], row[4], row[5], out o[0], out o[1], out o[2], out o[3],
                    out o[4], out o[5]);
            }
            for (var j = 0; j < 6; j++)
            {
                WinogradF4.In(h[j], h[6 + j], h[12 + j], h[18 + j], h[24 + j], h[30 + j], out var v0, out var v1,
                    out var v2, out var v3, out var v4, out var v5);
                var d = dst + j * xiStride + k;
                d[0] = v0;
                d[6 * xiStride] = v1;
                d[12 * xiStride] = v2;
                d[18 * xiStride] = v3;
                d[24 * xiStride] = v4;
                d[30 * xiStride] = v5;
            }
        }
    }

    /// <summary>
    /// Transforms <paramref name="count"/> tiles of products (tile k's value ξ at m[ξ·xiStride + k]) into 4×4 outputs
    /// at <paramref name="output"/>, 4 columns apart, adding the bias and applying ReLU. Only the first
    /// <paramref name="validColumns"/> columns (at most 4·count; fewer where the image's last column is cropped) and
    /// the first <paramref name="validRows"/> rows (1 to 4) are stored.
    /// </summary>
    public static void Output(float* m, nint xiStride, int count, float bias, bool relu, float* output,
        nint outStride, int validColumns, int validRows)
    {
        var s = stackalloc float[24];
        for (var k = 0; k < count; k++)
        {
            for (var j = 0; j < 6; j++)
            {
                var c = m + j * xiStride + k;
                WinogradF4.Out(c[0], c[6 * xiStride], c[12 * xiStride], c[18 * xiStride], c[24 * xiStride],
                    c[30 * xiStride], out s[j], out s[6 + j], out s[12 + j], out s[18 + j]);
            }
            var x = 4 * k;
            var columns = Math.Min(4, validColumns - x);
            for (var r = 0; r < validRows; r++)
            {
                var t = s + 6 * r;
                WinogradF4.Out(t[0], t[1], t[2], t[3], t[4], t[5], out var y0, out var y1, out var y2, out var y3);
                var at = output + r * outStride + x;
                Put(at, y0, bias, relu);
                if (columns > 1) Put(at + 1, y1, bias, relu);
                if (columns > 2) Put(at + 2, y2, bias, relu);
                if (columns > 3) Put(at + 3, y3, bias, relu);
            }
        }
    }

    private static void Put(float* at, float value, float bias, bool relu)
    {
        value += bias;
        *at = relu && !(value > 0f) ? 0f : value;
    }
}
