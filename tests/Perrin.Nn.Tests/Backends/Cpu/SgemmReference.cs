namespace Perrin.Nn.Tests.Backends.Cpu;

/// <summary>Straightforward double-precision GEMM and the tolerance a float32 GEMM is held to against it.</summary>
internal static class SgemmReference
{
    public static double[] Multiply(bool transA, bool transB, int m, int n, int k, float alpha, float[] a, int lda,
        float[] b, int ldb, float beta, float[] c, int ldc, float[]? bias, bool relu)
    {
        var result = new double[m * n];
        for (var i = 0; i < m; i++)
        {
            for (var j = 0; j < n; j++)
            {
                var sum = 0.0;
                for (var p = 0; p < k; p++)
                {
                    var aip = transA ? a[p * lda + i] : a[i * lda + p];
                    var bpj = transB ? b[j * ldb + p] : b[p * ldb + j];
                    sum += (double)aip * bpj;
                }
                var v = alpha * sum + (beta == 0f ? 0.0 : (double)beta * c[i * ldc + j]);
                if (bias is not null) v += bias[i];
                if (relu) v = Math.Max(v, 0.0);
                result[i * n + j] = v;
            }
        }
        return result;
    }

    /// <summary>
    /// Float32 accumulation error grows like sqrt(k) for random-sign data; the scale is the magnitude of the terms
    /// summed, so cancellation does not make the bound meaninglessly tight.
    /// </summary>
    public static void AssertClose(double[] expected, float[] actual, int m, int n, int ldc, int k, double scale, string label)
    {
        var tolerance = 1e-5 * Math.Sqrt(Math.Max(k, 1)) * scale + 1e-30;
        for (var i = 0; i < m; i++)
        {
            for (var j = 0; j < n; j++)
            {
                var got = actual[i * ldc + j];
                var want = expected[i * n + j];
                if (!(Math.Abs(got - want) <= tolerance * Math.Max(1.0, Math.Abs(want))))
                    Assert.Fail($"{label}: C[{i},{j}] = {got}, expected {want} (tolerance {tolerance}).");
            }
        }
    }
}
