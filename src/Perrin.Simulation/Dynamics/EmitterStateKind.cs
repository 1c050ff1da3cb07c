namespace Perrin.Simulation.Dynamics;

/// <summary>What a photophysical state does: emit, stay dark for a while, or stay dark for good.</summary>
public enum EmitterStateKind
{
    On,
    Dark,
    Bleached,
}
