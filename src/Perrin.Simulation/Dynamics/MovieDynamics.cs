using Perrin.Core.Randomness;
using Perrin.Simulation.Truth;

namespace Perrin.Simulation.Dynamics;

/// <summary>
/// The particles of a movie, advanced frame by frame: they move and blink in a region larger than the field of
/// view, and a particle that leaves the region is replaced by a new one (new track id) entering from the opposite
/// side. The entry point is the periodic image of the exit point along the axis crossed, with the other
/// coordinates drawn uniformly; for Markov motion (Brownian, with or without drift) this keeps a uniform density
/// exactly uniform and the particle number constant, so the density in the field stays steady over any length
/// of movie. (Fractional Brownian motion restarts its memory on entry, so there it holds approximately.)
/// </summary>
public sealed class MovieDynamics
{
    /// <summary>The most particles a movie's region may hold.</summary>
    public const int MaxParticles = 1_000_000;

    private const ulong CountPurpose = 1;
    private const ulong LineagePurpose = 2;

    private readonly List<TrackedParticle> _particles;
    private readonly RandomStream _lineages;
    private readonly double _xLow;
    private readonly double _xHigh;
    private readonly double _yLow;
    private readonly double _yHigh;
    private readonly bool _zSlab;
    private readonly double _exposureS;
    private readonly double[]? _initialStates;
    private readonly ParticlePosition[] _scratch;
    private int _nextTrackId;

    /// <summary>A movie whose particle count is Poisson with mean density × region area.</summary>
    public MovieDynamics(MovieDynamicsOptions options, RandomStream random)
        : this(options, DrawCount(options, random), random)
    {
    }

    /// <summary>A movie with <paramref name="particleCount"/> particles, the lineages 0 … count − 1.</summary>
    public MovieDynamics(MovieDynamicsOptions options, int particleCount, RandomStream random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var areaUm2 = Validate(options);
        ArgumentOutOfRangeException.ThrowIfNegative(particleCount);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(particleCount, MaxParticles);
        Options = options;
        RegionAreaUm2 = areaUm2;
        var pixelUm = options.Motion.Units.PixelSizeNm / 1000;
        FieldAreaUm2 = options.FieldWidth * options.FieldHeight * pixelUm * pixelUm;
        _xLow = -0.5 - options.MarginPx;
        _xHigh = options.FieldWidth - 0.5 + options.MarginPx;
        _yLow = -0.5 - options.MarginPx;
        _yHigh = options.FieldHeight - 0.5 + options.MarginPx;
        _zSlab = options.ZMaxNm > options.ZMinNm;
        _exposureS = options.ExposureS ?? options.Motion.Units.FrameIntervalS;
        _initialStates = options.Photophysics is null ? null : [.. options.InitialStateDistribution ?? options.Photophysics.ReversibleStationaryDistribution()];
        _scratch = new ParticlePosition[options.Motion.Blur?.SubSteps ?? 0];
        _lineages = random.Substream(LineagePurpose);
        _particles = new List<TrackedParticle>(particleCount);
        for (var lineage = 0; lineage < particleCount; lineage++)
        {
            _particles.Add(CreateParticle(lineage, 0, null, default));
        }
    }

    public MovieDynamicsOptions Options { get; }

    public double RegionAreaUm2 { get; }

    public double FieldAreaUm2 { get; }

    /// <summary>The index of the frame <see cref="NextFrame"/> returns next.</summary>
    public int FrameIndex { get; private set; }

    /// <summary>Every particle in the region, in the field or in the margin, as of the start of the next frame.</summary>
    public IReadOnlyList<TrackedParticle> Particles => _particles;

    /// <summary>The truth of the particles in the field during the next frame; then moves every particle on.</summary>
    public DynamicsFrame NextFrame()
    {
        var truths = new List<ParticleTruth>();
        var samples = new List<ParticlePosition[]>();
        var brightness = Options.Brightness;
        for (var i = 0; i < _particles.Count; i++)
        {
            var particle = _particles[i];
            var start = particle.Position;
            particle.Motion.Advance(particle.MotionRandom, _scratch);
            var onFraction = particle.Emitter?.AdvanceFrame(Options.Motion.Units.FrameIntervalS, _exposureS, particle.BlinkingRandom) ?? 1;
            var photons = brightness is null ? double.NaN : onFraction > 0 ? brightness.Draw(particle.BrightnessRandom) * onFraction : 0;
            var seen = _scratch.Length == 0 ? start : Mean(_scratch);
            if (seen.X >= -0.5 && seen.X < Options.FieldWidth - 0.5 && seen.Y >= -0.5 && seen.Y < Options.FieldHeight - 0.5)
            {
                truths.Add(new ParticleTruth(seen.X, seen.Y, seen.Z) { TrackId = particle.TrackId, IsOn = onFraction > 0, Photons = photons });
                samples.Add([.. _scratch]);
            }

            var now = particle.Position;
            var leftX = !(now.X >= _xLow && now.X < _xHigh);
            var leftY = !(now.Y >= _yLow && now.Y < _yHigh);
            var leftZ = _zSlab && !(now.Z >= Options.ZMinNm && now.Z < Options.ZMaxNm);
            if (leftX || leftY || leftZ)
            {
                _particles[i] = CreateParticle(particle.Lineage, particle.Generation + 1, now, (leftX, leftY, leftZ));
            }
        }

        return new DynamicsFrame(FrameIndex++, truths, samples);
    }

    private static int DrawCount(MovieDynamicsOptions options, RandomStream random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var mean = options.DensityPerUm2 * Validate(options);
        return (int)random.Substream(CountPurpose).Poisson(mean);
    }

    /// <summary>Checks the options and returns the region's area in µm².</summary>
    private static double Validate(MovieDynamicsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(options.Motion);
        if (options.FieldWidth is < 1 or > 1 << 16 || options.FieldHeight is < 1 or > 1 << 16)
        {
            throw new ArgumentOutOfRangeException(nameof(options), $"the field must be 1 to 65536 pixels wide and high, not {options.FieldWidth}×{options.FieldHeight}");
        }

        if (!(options.MarginPx >= 0) || options.MarginPx > 1 << 20)
        {
            throw new ArgumentOutOfRangeException(nameof(options), $"the margin must be 0 to {1 << 20} pixels, not {options.MarginPx}");
        }

        var units = options.Motion.Units;
        var exposure = options.ExposureS ?? units.FrameIntervalS;
        if (!(exposure > 0) || exposure > units.FrameIntervalS)
        {
            throw new ArgumentOutOfRangeException(nameof(options), $"the exposure must be positive and at most the frame interval ({units.FrameIntervalS} s), not {exposure}");
        }

        if (options.Motion.Blur is { } blur && Math.Abs(blur.ExposureS - exposure) > 1e-12 * exposure)
        {
            throw new ArgumentException($"the motion blur covers {blur.ExposureS} s but the exposure is {exposure} s", nameof(options));
        }

        if (!double.IsFinite(options.ZMinNm) || !double.IsFinite(options.ZMaxNm) || options.ZMaxNm < options.ZMinNm)
        {
            throw new ArgumentOutOfRangeException(nameof(options), $"the z slab must be finite with ZMin ≤ ZMax, not [{options.ZMinNm}, {options.ZMaxNm}]");
        }

        if (options.Motion.Dimensions == 3 && !(options.ZMaxNm > options.ZMinNm))
        {
            throw new ArgumentException("3D motion needs a z slab (ZMaxNm > ZMinNm) for particles to leave and enter through", nameof(options));
        }

        if (options.InitialStateDistribution is { } initial)
        {
            if (options.Photophysics is null)
            {
                throw new ArgumentException("an initial state distribution needs a photophysics model", nameof(options));
            }

            options.Photophysics.CheckDistribution(initial);
        }

        var width = (options.FieldWidth + (2 * options.MarginPx)) * units.PixelSizeNm / 1000;
        var height = (options.FieldHeight + (2 * options.MarginPx)) * units.PixelSizeNm / 1000;
        var area = width * height;
        if (!(options.DensityPerUm2 >= 0) || options.DensityPerUm2 * area > MaxParticles)
        {
            throw new ArgumentOutOfRangeException(nameof(options), $"the density must be non-negative and give at most {MaxParticles} particles in the {area} µm² region, not {options.DensityPerUm2} /µm²");
        }

        return area;
    }

    private static ParticlePosition Mean(ReadOnlySpan<ParticlePosition> samples)
    {
        double x = 0, y = 0, z = 0;
        foreach (var s in samples)
        {
            x += s.X;
            y += s.Y;
            z += s.Z;
        }

        return new ParticlePosition(x / samples.Length, y / samples.Length, z / samples.Length);
    }

    private static double Wrap(double u, double low, double high)
    {
        var width = high - low;
        var wrapped = low + (u - low - (width * Math.Floor((u - low) / width)));
        return wrapped >= high ? low : wrapped;
    }

    private TrackedParticle CreateParticle(int lineage, int generation, ParticlePosition? exit, (bool X, bool Y, bool Z) left)
    {
        if (_nextTrackId == int.MaxValue)
        {
            throw new InvalidOperationException("the movie has used up its track ids");
        }

        var root = _lineages.Substream((ulong)lineage).Substream((ulong)generation);
        var placement = root.Substream(0);
        var x = placement.Uniform(_xLow, _xHigh);
        var y = placement.Uniform(_yLow, _yHigh);
        var z = _zSlab ? placement.Uniform(Options.ZMinNm, Options.ZMaxNm) : Options.ZMinNm;
        if (exit is { } e)
        {
            x = left.X ? Wrap(e.X, _xLow, _xHigh) : x;
            y = left.Y ? Wrap(e.Y, _yLow, _yHigh) : y;
            z = left.Z ? Wrap(e.Z, Options.ZMinNm, Options.ZMaxNm) : z;
        }

        var motion = Options.Motion.Start(new ParticlePosition(x, y, z));
        var emitter = Options.Photophysics is { } model ? new BlinkingEmitter(model, model.DrawState(_initialStates!, placement)) : null;
        return new TrackedParticle(_nextTrackId++, lineage, generation, motion, emitter, root);
    }
}
