using Perrin.Core.Randomness;

namespace Perrin.Simulation.Dynamics;

/// <summary>
/// One particle under <see cref="FractionalBrownianMotion"/>: it carries the memory of its own past steps, or its
/// whole future path when the model draws paths by circulant embedding (drawn on the first step, from that step's stream).
/// </summary>
public sealed class FractionalBrownianParticle : IParticleMotion
{
    private readonly FractionalBrownianMotion _model;
    private readonly FractionalNoiseGenerator? _x;
    private readonly FractionalNoiseGenerator? _y;
    private readonly FractionalNoiseGenerator? _z;
    private double[]? _pathX;
    private double[]? _pathY;
    private double[]? _pathZ;
    private int _step;

    internal FractionalBrownianParticle(FractionalBrownianMotion model, ParticlePosition start, int expectedSteps = 256)
    {
        _model = model;
        Position = start;
        if (model.Embedding is not null)
        {
            return;
        }

        _x = new FractionalNoiseGenerator(model.Hurst, expectedSteps);
        _y = new FractionalNoiseGenerator(model.Hurst, expectedSteps);
        _z = model.Dimensions == 3 ? new FractionalNoiseGenerator(model.Hurst, expectedSteps) : null;
    }

    public ParticlePosition Position { get; private set; }

    public void Advance(RandomStream random, Span<ParticlePosition> exposureSamples)
    {
        ArgumentNullException.ThrowIfNull(random);
        if (!exposureSamples.IsEmpty)
        {
            throw new ArgumentException("fractional Brownian motion has no motion blur, so it takes no exposure samples", nameof(exposureSamples));
        }

        var (dx, dy, dz) = _model.Embedding is { } embedding ? NextFromPath(embedding, random) : NextFromGenerators(random);
        var p = Position;
        Position = new ParticlePosition(p.X + (_model.StepSigmaXy * dx), p.Y + (_model.StepSigmaXy * dy), p.Z + (_model.StepSigmaZ * dz));
    }

    private (double X, double Y, double Z) NextFromGenerators(RandomStream random)
    {
        var x = _x!.Next(random);
        var y = _y!.Next(random);
        return (x, y, _z is null ? 0 : _z.Next(random));
    }

    private (double X, double Y, double Z) NextFromPath(CirculantFractionalNoise embedding, RandomStream random)
    {
        if (_pathX is null)
        {
            _pathX = new double[embedding.Length];
            _pathY = new double[embedding.Length];
            embedding.Generate(random, _pathX, _pathY);
            if (_model.Dimensions == 3)
            {
                _pathZ = new double[embedding.Length];
                embedding.Generate(random, _pathZ, []);
            }
        }

        if (_step >= embedding.Length)
        {
            throw new InvalidOperationException($"this fractional Brownian motion draws paths of {embedding.Length} steps; the particle has used them all");
        }

        var i = _step++;
        return (_pathX[i], _pathY![i], _pathZ is null ? 0 : _pathZ[i]);
    }
}
