using Perrin.Core.Randomness;

namespace Perrin.Simulation.Dynamics;

/// <summary>
/// Brownian motion with diffusion coefficient D: each axis moves by N(0, 2DΔt) in a step of Δt, plus a constant
/// drift, optionally confined by walls or a harmonic trap, optionally sampled within the exposure for motion blur.
/// </summary>
public sealed class BrownianMotion : IMotionModel
{
    private readonly AxisScales _scales;

    /// <param name="diffusionUm2PerS">D in µm²/s.</param>
    /// <param name="units">Pixel size and frame interval.</param>
    /// <param name="dimensions">2 moves x and y; 3 also moves z.</param>
    /// <param name="drift">Constant drift in µm/s.</param>
    /// <param name="confinement">Walls or trap; null for free diffusion.</param>
    /// <param name="blur">Exposure sampling; its exposure may not exceed the frame interval.</param>
    public BrownianMotion(
        double diffusionUm2PerS,
        DynamicsUnits units,
        int dimensions = 2,
        DriftVelocity drift = default,
        Confinement? confinement = null,
        MotionBlur? blur = null)
    {
        ArgumentNullException.ThrowIfNull(units);
        if (!(diffusionUm2PerS >= 0) || double.IsInfinity(diffusionUm2PerS))
        {
            throw new ArgumentOutOfRangeException(nameof(diffusionUm2PerS), $"D must be a finite number of µm²/s, not negative: {diffusionUm2PerS}");
        }

        if (dimensions is not (2 or 3))
        {
            throw new ArgumentOutOfRangeException(nameof(dimensions), $"Brownian motion is in 2 or 3 dimensions, not {dimensions}");
        }

        if (!double.IsFinite(drift.XUmPerS) || !double.IsFinite(drift.YUmPerS) || !double.IsFinite(drift.ZUmPerS))
        {
            throw new ArgumentOutOfRangeException(nameof(drift), $"the drift must be finite, not {drift}");
        }

        if (blur is not null && blur.ExposureS > units.FrameIntervalS)
        {
            throw new ArgumentOutOfRangeException(nameof(blur), $"the exposure ({blur.ExposureS} s) cannot be longer than the frame interval ({units.FrameIntervalS} s)");
        }

        if (confinement is HarmonicTrap && !(diffusionUm2PerS > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(diffusionUm2PerS), "a harmonic trap needs a positive D to define its relaxation time");
        }

        DiffusionUm2PerS = diffusionUm2PerS;
        Units = units;
        Dimensions = dimensions;
        Drift = drift;
        Confinement = confinement ?? Confinement.None;
        Blur = blur;
        var pixelsPerUm = units.PixelsPerMicrometre;
        _scales = new AxisScales(
            diffusionUm2PerS * pixelsPerUm * pixelsPerUm,
            diffusionUm2PerS * 1e6,
            drift.XUmPerS * pixelsPerUm,
            drift.YUmPerS * pixelsPerUm,
            drift.ZUmPerS * 1000,
            dimensions == 3,
            pixelsPerUm);
    }

    public double DiffusionUm2PerS { get; }

    public DynamicsUnits Units { get; }

    public int Dimensions { get; }

    public DriftVelocity Drift { get; }

    public Confinement Confinement { get; }

    public MotionBlur? Blur { get; }

    public IParticleMotion Start(ParticlePosition start) => new BrownianParticle(this, start);

    /// <summary>The positions at the starts of <paramref name="frameCount"/> frames, the first being <paramref name="start"/>.</summary>
    public ParticlePosition[] Track(ParticlePosition start, int frameCount, RandomStream random)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(frameCount, 1);
        ArgumentNullException.ThrowIfNull(random);
        var track = new ParticlePosition[frameCount];
        var particle = Start(start);
        Span<ParticlePosition> samples = new ParticlePosition[Blur?.SubSteps ?? 0];
        track[0] = start;
        for (var i = 1; i < frameCount; i++)
        {
            particle.Advance(random, samples);
            track[i] = particle.Position;
        }

        return track;
    }

    /// <summary>
    /// One frame from <paramref name="from"/>: the first sample half a sub-step into the exposure, the others a
    /// sub-step apart, then the rest of the frame interval. Markov steps chain exactly, so the end position has
    /// the same law as one step of the whole interval.
    /// </summary>
    internal ParticlePosition AdvanceFrame(ParticlePosition from, ParticlePosition anchor, RandomStream random, Span<ParticlePosition> exposureSamples)
    {
        var interval = Units.FrameIntervalS;
        if (Blur is null)
        {
            if (!exposureSamples.IsEmpty)
            {
                throw new ArgumentException("this motion has no motion blur, so it takes no exposure samples", nameof(exposureSamples));
            }

            return Confinement.Step(_scales, from, anchor, interval, random);
        }

        var n = Blur.SubSteps;
        if (exposureSamples.Length != n)
        {
            throw new ArgumentException($"motion blur with {n} sub-steps needs {n} exposure samples, not {exposureSamples.Length}", nameof(exposureSamples));
        }

        var subStep = Blur.ExposureS / n;
        var p = Confinement.Step(_scales, from, anchor, 0.5 * subStep, random);
        exposureSamples[0] = p;
        for (var i = 1; i < n; i++)
        {
            p = Confinement.Step(_scales, p, anchor, subStep, random);
            exposureSamples[i] = p;
        }

        return Confinement.Step(_scales, p, anchor, interval - ((n - 0.5) * subStep), random);
    }
}
