using Perrin.Core.Randomness;

namespace Perrin.Simulation.Dynamics;

/// <summary>One particle under <see cref="FractionalBrownianMotion"/>: it carries the memory of its own past steps.</summary>
public sealed class FractionalBrownianParticle : IParticleMotion
{
    private readonly FractionalBrownianMotion _model;
    private readonly FractionalNoiseGenerator _x;
    private readonly FractionalNoiseGenerator _y;
    private readonly FractionalNoiseGenerator? _z;

    internal FractionalBrownianParticle(FractionalBrownianMotion model, ParticlePosition start, int expectedSteps = 256)
    {
        _model = model;
        _x = new FractionalNoiseGenerator(model.Hurst, expectedSteps);
        _y = new FractionalNoiseGenerator(model.Hurst, expectedSteps);
        _z = model.Dimensions == 3 ? new FractionalNoiseGenerator(model.Hurst, expectedSteps) : null;
        Position = start;
    }

    public ParticlePosition Position { get; private set; }

    public void Advance(RandomStream random, Span<ParticlePosition> exposureSamples)
    {
        ArgumentNullException.ThrowIfNull(random);
        if (!exposureSamples.IsEmpty)
        {
            throw new ArgumentException("fractional Brownian motion has no motion blur, so it takes no exposure samples", nameof(exposureSamples));
        }

        var p = Position;
        var sigma = _model.StepSigmaXy;
        var x = p.X + (sigma * _x.Next(random));
        var y = p.Y + (sigma * _y.Next(random));
        var z = _z is null ? p.Z : p.Z + (_model.StepSigmaZ * _z.Next(random));
        Position = new ParticlePosition(x, y, z);
    }
}
