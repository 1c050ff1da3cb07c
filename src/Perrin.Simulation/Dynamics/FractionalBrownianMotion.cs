using Perrin.Core.Randomness;

namespace Perrin.Simulation.Dynamics;

/// <summary>
/// Anomalous diffusion as fractional Brownian motion: Hurst exponent H = α/2 and generalized diffusion coefficient
/// K_α, so that the mean squared displacement is 2d·K_α·t^α in d dimensions (4K_α t^α in the plane). Sub-diffusion
/// for α &lt; 1, super-diffusion for α &gt; 1. Generated exactly: with a <see cref="PathLength"/>, each particle
/// draws its whole path at once by circulant embedding (<see cref="CirculantFractionalNoise"/>, O(n log n), at most
/// that many frames per particle); without one, or when the embedding fails, step by step by Hosking's method
/// (<see cref="FractionalNoiseGenerator"/>, O(frames²), at most <see cref="FractionalNoiseGenerator.MaxSteps"/>
/// frames). Motion blur is not offered.
/// </summary>
public sealed class FractionalBrownianMotion : IMotionModel
{
    /// <param name="alpha">The anomalous exponent α in (0, 2).</param>
    /// <param name="generalizedDiffusion">K_α in µm²/s^α.</param>
    /// <param name="units">Pixel size and frame interval.</param>
    /// <param name="dimensions">2 moves x and y; 3 also moves z.</param>
    /// <param name="pathLength">The most frames any particle moves, for whole-path generation; null steps by Hosking's method.</param>
    public FractionalBrownianMotion(double alpha, double generalizedDiffusion, DynamicsUnits units, int dimensions = 2, int? pathLength = null)
    {
        ArgumentNullException.ThrowIfNull(units);
        if (!(alpha > 0 && alpha < 2))
        {
            throw new ArgumentOutOfRangeException(nameof(alpha), $"the anomalous exponent must lie in (0, 2), not {alpha}");
        }

        if (!(generalizedDiffusion >= 0) || double.IsInfinity(generalizedDiffusion))
        {
            throw new ArgumentOutOfRangeException(nameof(generalizedDiffusion), $"K_α must be a finite number of µm²/s^α, not negative: {generalizedDiffusion}");
        }

        if (dimensions is not (2 or 3))
        {
            throw new ArgumentOutOfRangeException(nameof(dimensions), $"fractional Brownian motion is in 2 or 3 dimensions, not {dimensions}");
        }

        if (pathLength is { } frames && frames is < 1 or > CirculantFractionalNoise.MaxLength)
        {
            throw new ArgumentOutOfRangeException(nameof(pathLength), $"the path length must be 1 to {CirculantFractionalNoise.MaxLength} frames, not {frames}");
        }

        Alpha = alpha;
        PathLength = pathLength;
        if (pathLength is { } length)
        {
            Embedding = CirculantFractionalNoise.TryCreate(alpha / 2, length, out var problem);
            Method = Embedding is null ? $"Hosking's method, because {problem}" : "circulant embedding";
        }
        else
        {
            Method = "Hosking's method";
        }

        GeneralizedDiffusion = generalizedDiffusion;
        Units = units;
        Dimensions = dimensions;
        var stepUm = Math.Sqrt(2 * generalizedDiffusion * Math.Pow(units.FrameIntervalS, alpha));
        StepSigmaXy = stepUm * units.PixelsPerMicrometre;
        StepSigmaZ = stepUm * 1000;
    }

    public double Alpha { get; }

    public double Hurst => Alpha / 2;

    public double GeneralizedDiffusion { get; }

    public DynamicsUnits Units { get; }

    public int Dimensions { get; }

    public MotionBlur? Blur => null;

    /// <summary>The most frames a particle may move when paths are drawn whole; null when they are drawn step by step.</summary>
    public int? PathLength { get; }

    /// <summary>How the paths are generated, and why Hosking's method when the circulant embedding was asked for.</summary>
    public string Method { get; }

    internal CirculantFractionalNoise? Embedding { get; }

    /// <summary>Standard deviation of one frame's displacement along x or y, in pixels.</summary>
    internal double StepSigmaXy { get; }

    /// <summary>Standard deviation of one frame's displacement along z, in nm.</summary>
    internal double StepSigmaZ { get; }

    public IParticleMotion Start(ParticlePosition start) => new FractionalBrownianParticle(this, start);

    /// <summary>The positions at the starts of <paramref name="frameCount"/> frames, the first being <paramref name="start"/>.</summary>
    public ParticlePosition[] Track(ParticlePosition start, int frameCount, RandomStream random)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(frameCount, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(frameCount, FractionalNoiseGenerator.MaxSteps);
        ArgumentNullException.ThrowIfNull(random);
        var particle = new FractionalBrownianParticle(this, start, frameCount);
        var track = new ParticlePosition[frameCount];
        track[0] = start;
        for (var i = 1; i < frameCount; i++)
        {
            particle.Advance(random, []);
            track[i] = particle.Position;
        }

        return track;
    }
}
