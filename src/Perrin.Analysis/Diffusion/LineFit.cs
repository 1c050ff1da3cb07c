namespace Perrin.Analysis.Diffusion;

/// <summary>Weighted least-squares line y = intercept + slope·x, with standard errors from the residuals.</summary>
internal readonly record struct LineFit(double Slope, double Intercept, double SlopeStdErr, int Points)
{
    /// <summary>Fits the points whose weight is positive and whose x, y are finite.</summary>
    public static LineFit Weighted(ReadOnlySpan<double> x, ReadOnlySpan<double> y, ReadOnlySpan<double> w)
    {
        double sw = 0, sx = 0, sy = 0;
        var n = 0;
        for (var i = 0; i < x.Length; i++)
        {
            if (Usable(x[i], y[i], w[i]))
            {
                (sw, sx, sy) = (sw + w[i], sx + (w[i] * x[i]), sy + (w[i] * y[i]));
                n++;
            }
        }

        if (n < 2)
        {
            return new LineFit(double.NaN, double.NaN, double.NaN, n);
        }

        // Centred sums keep the fit accurate when x is far from zero.
        var (mx, my) = (sx / sw, sy / sw);
        double sxx = 0, sxy = 0;
        for (var i = 0; i < x.Length; i++)
        {
            if (Usable(x[i], y[i], w[i]))
            {
                sxx += w[i] * (x[i] - mx) * (x[i] - mx);
                sxy += w[i] * (x[i] - mx) * (y[i] - my);
            }
        }

        if (!(sxx > 0))
        {
            return new LineFit(double.NaN, double.NaN, double.NaN, n);
        }

        var slope = sxy / sxx;
        var intercept = my - (slope * mx);
        var stdErr = double.NaN;
        if (n > 2)
        {
            double rss = 0;
            for (var i = 0; i < x.Length; i++)
            {
                if (Usable(x[i], y[i], w[i]))
                {
                    var r = y[i] - intercept - (slope * x[i]);
                    rss += w[i] * r * r;
                }
            }

            // Weights are relative, so the residual scatter sets the error scale.
            stdErr = Math.Sqrt(rss / (n - 2) / sxx);
        }

        return new LineFit(slope, intercept, stdErr, n);
    }

    /// <summary>Least-squares line through the origin, y = slope·x (unweighted).</summary>
    public static LineFit ThroughOrigin(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        double sxx = 0, sxy = 0;
        var n = 0;
        for (var i = 0; i < x.Length; i++)
        {
            if (double.IsFinite(x[i]) && double.IsFinite(y[i]))
            {
                sxx += x[i] * x[i];
                sxy += x[i] * y[i];
                n++;
            }
        }

        if (n < 1 || !(sxx > 0))
        {
            return new LineFit(double.NaN, double.NaN, double.NaN, n);
        }

        var slope = sxy / sxx;
        var stdErr = double.NaN;
        if (n > 1)
        {
            double rss = 0;
            for (var i = 0; i < x.Length; i++)
            {
                if (double.IsFinite(x[i]) && double.IsFinite(y[i]))
                {
                    var r = y[i] - (slope * x[i]);
                    rss += r * r;
                }
            }

            stdErr = Math.Sqrt(rss / (n - 1) / sxx);
        }

        return new LineFit(slope, 0, stdErr, n);
    }

    private static bool Usable(double x, double y, double w) => w > 0 && double.IsFinite(x) && double.IsFinite(y) && double.IsFinite(w);
}
