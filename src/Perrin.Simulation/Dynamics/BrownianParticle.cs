using Perrin.Core.Randomness;

namespace Perrin.Simulation.Dynamics;

/// <summary>One particle under <see cref="BrownianMotion"/>; remembers where it started, for traps centred there.</summary>
public sealed class BrownianParticle : IParticleMotion
{
    private readonly BrownianMotion _model;
    private readonly ParticlePosition _anchor;

    internal BrownianParticle(BrownianMotion model, ParticlePosition start)
    {
        _model = model;
        _anchor = start;
        Position = start;
    }

    public ParticlePosition Position { get; private set; }

    public void Advance(RandomStream random, Span<ParticlePosition> exposureSamples)
    {
        ArgumentNullException.ThrowIfNull(random);
        Position = _model.AdvanceFrame(Position, _anchor, random, exposureSamples);
    }
}
