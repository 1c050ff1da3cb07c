namespace Perrin.Nn.Tests.Ops;

/// <summary>
/// Normalization forward and backward written directly from the definitions, in double, element by element:
/// groups of values share statistics; <c>group(i)</c> and <c>channel(i)</c> map element i to its group and channel.
/// </summary>
internal static class NormReference
{
    public static (double[] Y, double[] Dx, double[] Dw, double[] Db) Run(float[] x, float[] g, float[]? w, float[]? b,
        int groups, int channels, Func<int, int> group, Func<int, int> channel, double eps)
    {
        var sum = new double[groups];
        var count = new double[groups];
        for (var i = 0; i < x.Length; i++)
        {
            sum[group(i)] += x[i];
            count[group(i)]++;
        }
        var mean = new double[groups];
        for (var k = 0; k < groups; k++) mean[k] = sum[k] / count[k];
        var ss = new double[groups];
        for (var i = 0; i < x.Length; i++) ss[group(i)] += (x[i] - mean[group(i)]) * (x[i] - mean[group(i)]);
        var inv = new double[groups];
        for (var k = 0; k < groups; k++) inv[k] = 1.0 / Math.Sqrt((ss[k] / count[k]) + eps);

        var y = new double[x.Length];
        var xhat = new double[x.Length];
        var dw = new double[channels];
        var db = new double[channels];
        var sumDxhat = new double[groups];
        var sumDxhatXhat = new double[groups];
        for (var i = 0; i < x.Length; i++)
        {
            var k = group(i);
            var c = channel(i);
            var wc = w is null ? 1.0 : w[c];
            xhat[i] = (x[i] - mean[k]) * inv[k];
            y[i] = (xhat[i] * wc) + (b is null ? 0.0 : b[c]);
            dw[c] += g[i] * xhat[i];
            db[c] += g[i];
            sumDxhat[k] += g[i] * wc;
            sumDxhatXhat[k] += g[i] * wc * xhat[i];
        }
        var dx = new double[x.Length];
        for (var i = 0; i < x.Length; i++)
        {
            var k = group(i);
            var wc = w is null ? 1.0 : w[channel(i)];
            dx[i] = inv[k] * ((g[i] * wc) - (sumDxhat[k] / count[k]) - (xhat[i] * sumDxhatXhat[k] / count[k]));
        }
        return (y, dx, dw, db);
    }
}
