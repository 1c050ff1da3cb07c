using Perrin.Nn.Backends.Cpu;

namespace Perrin.Nn.Tests.Backends.Cpu;

/// <summary>
/// Direct double-precision convolution loops written from the definition: every (output, input, tap) triple is
/// visited once. Each returns the exact result and the sum of |terms| for the tolerance.
/// </summary>
internal static class NaiveConv
{
    /// <summary>Calls visit(inputIndex, weightIndex, outputIndex) for every tap of a conv in the given geometry.</summary>
    private static void ForEachTap(Conv2dGeometry g, Action<int, int, int> visit)
    {
        int cinG = g.Cin / g.Groups, coutG = g.Cout / g.Groups;
        for (var n = 0; n < g.N; n++)
        for (var co = 0; co < g.Cout; co++)
        for (var oh = 0; oh < g.OutH; oh++)
        for (var ow = 0; ow < g.OutW; ow++)
        {
            var o = ((n * g.Cout + co) * g.OutH + oh) * g.OutW + ow;
            var group = co / coutG;
            for (var ci = 0; ci < cinG; ci++)
            for (var kh = 0; kh < g.KH; kh++)
            for (var kw = 0; kw < g.KW; kw++)
            {
                var ih = oh * g.StrideH - g.PadH + kh * g.DilationH;
                var iw = ow * g.StrideW - g.PadW + kw * g.DilationW;
                if (ih < 0 || ih >= g.H || iw < 0 || iw >= g.W) continue;
                var i = ((n * g.Cin + group * cinG + ci) * g.H + ih) * g.W + iw;
                var w = ((co * cinG + ci) * g.KH + kh) * g.KW + kw;
                visit(i, w, o);
            }
        }
    }

    public static (double[] Value, double[] Scale) Forward(Conv2dGeometry g, float[] x, float[] w, float[]? bias)
    {
        var y = new double[g.OutputLength];
        var scale = new double[g.OutputLength];
        ForEachTap(g, (i, k, o) =>
        {
            y[o] += (double)x[i] * w[k];
            scale[o] += Math.Abs((double)x[i] * w[k]);
        });
        if (bias != null) AddBias(g.N, g.Cout, g.OutH * g.OutW, bias, y, scale);
        return (y, scale);
    }

    public static (double[] Value, double[] Scale) BackwardData(Conv2dGeometry g, float[] dy, float[] w)
    {
        var dx = new double[g.InputLength];
        var scale = new double[g.InputLength];
        ForEachTap(g, (i, k, o) =>
        {
            dx[i] += (double)dy[o] * w[k];
            scale[i] += Math.Abs((double)dy[o] * w[k]);
        });
        return (dx, scale);
    }

    public static (double[] Value, double[] Scale) BackwardWeight(Conv2dGeometry g, float[] dy, float[] x)
    {
        var dw = new double[g.WeightLength];
        var scale = new double[g.WeightLength];
        ForEachTap(g, (i, k, o) =>
        {
            dw[k] += (double)dy[o] * x[i];
            scale[k] += Math.Abs((double)dy[o] * x[i]);
        });
        return (dw, scale);
    }

    public static (double[] Value, double[] Scale) BiasGradient(int n, int c, int plane, float[] dy)
    {
        var db = new double[c];
        var scale = new double[c];
        for (var i = 0; i < n; i++)
        for (var ch = 0; ch < c; ch++)
        for (var p = 0; p < plane; p++)
        {
            db[ch] += dy[(i * c + ch) * plane + p];
            scale[ch] += Math.Abs(dy[(i * c + ch) * plane + p]);
        }
        return (db, scale);
    }

    public static void AddBias(int n, int c, int plane, float[] bias, double[] y, double[] scale)
    {
        for (var i = 0; i < n; i++)
        for (var ch = 0; ch < c; ch++)
        for (var p = 0; p < plane; p++)
        {
            y[(i * c + ch) * plane + p] += bias[ch];
            scale[(i * c + ch) * plane + p] += Math.Abs(bias[ch]);
        }
    }
}
