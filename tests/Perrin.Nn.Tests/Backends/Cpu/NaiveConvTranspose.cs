using Perrin.Nn.Backends.Cpu;

namespace Perrin.Nn.Tests.Backends.Cpu;

/// <summary>
/// Transposed convolution from its scatter definition: input pixel (ih, iw) of channel ci adds
/// x·w[ci, co, kh, kw] to output (ih·s − p + kh·d, iw·s − p + kw·d), in double precision.
/// </summary>
internal static class NaiveConvTranspose
{
    private static void ForEachTap(ConvTranspose2dGeometry g, Action<int, int, int> visit)
    {
        int cinG = g.Cin / g.Groups, coutG = g.Cout / g.Groups;
        for (var n = 0; n < g.N; n++)
        for (var ci = 0; ci < g.Cin; ci++)
        for (var ih = 0; ih < g.H; ih++)
        for (var iw = 0; iw < g.W; iw++)
        {
            var i = ((n * g.Cin + ci) * g.H + ih) * g.W + iw;
            var group = ci / cinG;
            for (var co = 0; co < coutG; co++)
            for (var kh = 0; kh < g.KH; kh++)
            for (var kw = 0; kw < g.KW; kw++)
            {
                var oh = ih * g.StrideH - g.PadH + kh * g.DilationH;
                var ow = iw * g.StrideW - g.PadW + kw * g.DilationW;
                if (oh < 0 || oh >= g.OutH || ow < 0 || ow >= g.OutW) continue;
                var o = ((n * g.Cout + group * coutG + co) * g.OutH + oh) * g.OutW + ow;
                var w = ((ci * coutG + co) * g.KH + kh) * g.KW + kw;
                visit(i, w, o);
            }
        }
    }

    public static (double[] Value, double[] Scale) Forward(ConvTranspose2dGeometry g, float[] x, float[] w, float[]? bias)
    {
        var y = new double[g.OutputLength];
        var scale = new double[g.OutputLength];
        ForEachTap(g, (i, k, o) =>
        {
            y[o] += (double)x[i] * w[k];
            scale[o] += Math.Abs((double)x[i] * w[k]);
        });
        if (bias != null) NaiveConv.AddBias(g.N, g.Cout, g.OutH * g.OutW, bias, y, scale);
        return (y, scale);
    }

    public static (double[] Value, double[] Scale) BackwardData(ConvTranspose2dGeometry g, float[] dy, float[] w)
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

    public static (double[] Value, double[] Scale) BackwardWeight(ConvTranspose2dGeometry g, float[] dy, float[] x)
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
}
