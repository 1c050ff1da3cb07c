namespace Perrin.Simulation.Truth;

/// <summary>
/// The ground truth of one scatterer or emitter in one image, travelling with the image through augmentations
/// and into labels and truth tables.
/// Positions: <see cref="X"/> and <see cref="Y"/> are in pixels of the image, with (0, 0) at the centre of the
/// first (top-left) pixel, x along columns and y along rows; <see cref="Z"/> is in nm from the focal plane,
/// positive away from the objective (into the sample). Quantities that do not apply are NaN.
/// </summary>
public readonly record struct ParticleTruth
{
    public ParticleTruth(double x, double y, double z = 0)
    {
        X = x;
        Y = y;
        Z = z;
    }

    public double X { get; init; }

    public double Y { get; init; }

    public double Z { get; init; }

    /// <summary>Expected photons the emitter sends into the objective during the exposure (fluorescence).</summary>
    public double Photons { get; init; } = double.NaN;

    /// <summary>Scattering amplitude relative to the reference field (iSCAT, holography), or a dimensionless intensity.</summary>
    public double Intensity { get; init; } = double.NaN;

    /// <summary>Radius in nm (spheres, blobs); for ellipses, the semi-major axis.</summary>
    public double RadiusNm { get; init; } = double.NaN;

    /// <summary>Semi-minor axis in nm (ellipses, ellipsoids, cells).</summary>
    public double MinorRadiusNm { get; init; } = double.NaN;

    /// <summary>Semi-axis along z in nm (ellipsoids).</summary>
    public double AxialRadiusNm { get; init; } = double.NaN;

    /// <summary>In-plane angle of the major axis from +x towards +y, in radians (ellipses, ellipsoids, cells).</summary>
    public double AngleRad { get; init; } = double.NaN;

    /// <summary>Refractive index of the particle.</summary>
    public double RefractiveIndex { get; init; } = double.NaN;

    /// <summary>Signed contrast of the particle in the final image (iSCAT), when defined.</summary>
    public double Contrast { get; init; } = double.NaN;

    /// <summary>Identity of the particle across the frames of a movie; -1 when not tracked.</summary>
    public int TrackId { get; init; } = -1;

    /// <summary>The feature type the particle was drawn from.</summary>
    public ScattererKind Kind { get; init; } = ScattererKind.PointEmitter;

    /// <summary>Index of the recipe feature (<c>sample[k]</c>) the particle was drawn from, or -1.</summary>
    public int Feature { get; init; } = -1;

    /// <summary>Copy index within its feature's draws, or -1 when the particle is not one of the sample's own copies (a movie's particles).</summary>
    public int Copy { get; init; } = -1;

    /// <summary>Seed of the random parts of the particle's shape (a cell's outline), so the shape is a pure function of the truth.</summary>
    public ulong ShapeSeed { get; init; }

    /// <summary>Whether the emitter was on (emitting) during the exposure.</summary>
    public bool IsOn { get; init; } = true;
}
