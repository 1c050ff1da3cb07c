using Perrin.Core.Randomness;

namespace Perrin.Simulation.Properties;

/// <summary>
/// Normal with mean and standard deviation, optionally truncated to [Min, Max] (the density renormalized
/// there, not clamped). Truncated draws use whichever rejection scheme keeps the acceptance rate above about
/// a third for the interval at hand, so even an interval far in a tail costs a few draws.
/// </summary>
public sealed record NormalSpec(double Mean, double Sd, double? Min = null, double? Max = null) : PropertySpec
{
    private const int MaxAttempts = 100_000;

    public override Interval? Hull => new Interval(Min ?? double.NegativeInfinity, Max ?? double.PositiveInfinity);

    public bool IsTruncated => Min.HasValue || Max.HasValue;

    public override string? Check()
    {
        if (!double.IsFinite(Mean) || !double.IsFinite(Sd) || Sd <= 0)
        {
            return $"normal needs a finite mean and sd > 0, not mean {Format(Mean)} and sd {Format(Sd)}";
        }

        if ((Min is { } min && !double.IsFinite(min)) || (Max is { } max && !double.IsFinite(max)))
        {
            return "normal truncation bounds must be finite numbers";
        }

        return Min is { } low && Max is { } high && !(low < high)
            ? $"normal truncation needs min < max, not [{Format(low)}, {Format(high)}]"
            : null;
    }

    public override PropertyValue Draw(RandomStream stream, ReadOnlySpan<double> references)
    {
        if (!IsTruncated)
        {
            return PropertyValue.Of(stream.Normal(Mean, Sd));
        }

        var alpha = Min is { } min ? (min - Mean) / Sd : double.NegativeInfinity;
        var beta = Max is { } max ? (max - Mean) / Sd : double.PositiveInfinity;
        var z = alpha >= 0 ? StandardTruncated(stream, alpha, beta)
            : beta <= 0 ? -StandardTruncated(stream, -beta, -alpha)
            : Straddling(stream, alpha, beta);
        return PropertyValue.Of(Math.Clamp(Mean + (Sd * z), Min ?? double.NegativeInfinity, Max ?? double.PositiveInfinity));
    }

    /// <summary>A standard normal restricted to [alpha, beta] with alpha ≤ 0 ≤ beta.</summary>
    private static double Straddling(RandomStream stream, double alpha, double beta)
    {
        var wide = beta - alpha >= 1;
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            if (wide)
            {
                var z = stream.Normal();
                if (z >= alpha && z <= beta)
                {
                    return z;
                }
            }
            else
            {
                var z = stream.Uniform(alpha, beta);
                if (stream.NextDouble() < Math.Exp(-0.5 * z * z))
                {
                    return z;
                }
            }
        }

        throw Exhausted();
    }

    /// <summary>A standard normal restricted to [alpha, beta] with 0 ≤ alpha: uniform proposals for a short interval, Robert's exponential ones otherwise.</summary>
    private static double StandardTruncated(RandomStream stream, double alpha, double beta)
    {
        var shortInterval = (beta - alpha) * (beta + alpha) <= 2;
        var rate = 0.5 * (alpha + Math.Sqrt((alpha * alpha) + 4));
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            if (shortInterval)
            {
                var z = stream.Uniform(alpha, beta);
                if (stream.NextDouble() < Math.Exp(0.5 * ((alpha * alpha) - (z * z))))
                {
                    return z;
                }
            }
            else
            {
                var z = alpha + stream.Exponential(rate);
                var excess = z - rate;
                if (z <= beta && stream.NextDouble() < Math.Exp(-0.5 * excess * excess))
                {
                    return z;
                }
            }
        }

        throw Exhausted();
    }

    private static PropertyException Exhausted() =>
        new(string.Empty, $"a truncated normal found no value in {MaxAttempts} attempts");
}
