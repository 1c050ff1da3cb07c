using System.Numerics;

namespace Perrin.Analysis.Localizers.Interferometric;

/// <summary>The buffers of one <see cref="IpsfRefiner.Refine"/> call, sized for its largest fit window.</summary>
internal sealed class IpsfWork(int size, int modelSize, int depths)
{
    public double[] Target { get; } = new double[size * size];

    /// <summary>1 + S₀*, the other scatterers' field's gain on this one's interference term (<see cref="IpsfFrame.Prepare"/>).</summary>
    public Complex[] Gain { get; } = new Complex[size * size];

    public Complex[] Field { get; } = new Complex[size * size];

    /// <summary>A scatterer's field over its model box.</summary>
    public Complex[] Model { get; } = new Complex[modelSize * modelSize];

    public Complex[] FieldXPlus { get; } = new Complex[size * size];

    public Complex[] FieldXMinus { get; } = new Complex[size * size];

    public Complex[] FieldYPlus { get; } = new Complex[size * size];

    public Complex[] FieldYMinus { get; } = new Complex[size * size];

    public Complex[] FieldDepthPlus { get; } = new Complex[size * size];

    public Complex[] FieldDepthMinus { get; } = new Complex[size * size];

    /// <summary>x, y (window pixels), Re a, Im a, offset, depth (nm).</summary>
    public double[] Parameters { get; } = new double[6];

    public double[] DepthCosts { get; } = new double[depths];
}
