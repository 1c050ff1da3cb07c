namespace Perrin.Simulation.Optics;

/// <summary>
/// Everything that shapes the scalar pupil: the optics, Zernike aberrations (RMS nm of wavefront, Noll order),
/// an optional engineered phase mask and the apodization. Two models with the same content are equal, so a
/// model can key a cache of tables.
/// </summary>
public sealed record PupilModel
{
    private readonly ZernikeTerm[] _aberrations = [];

    public PupilModel(OpticalSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        System = system;
    }

    public OpticalSystem System { get; }

    public IReadOnlyList<ZernikeTerm> Aberrations
    {
        get => _aberrations;
        init => _aberrations = [.. value ?? throw new ArgumentNullException(nameof(value))];
    }

    public PupilPhaseMask? Mask { get; init; }

    public Apodization Apodization { get; init; } = Apodization.None;

    /// <summary>Astigmatism for 3D localization: Zernike Z₆ (cos 2θ, along x and y) of the given RMS in nm.</summary>
    public static PupilModel Astigmatic(OpticalSystem system, double rmsNm) =>
        new(system) { Aberrations = [new ZernikeTerm(6, rmsNm)] };

    public bool Equals(PupilModel? other) =>
        other is not null
        && System.Equals(other.System)
        && Equals(Mask, other.Mask)
        && Apodization == other.Apodization
        && _aberrations.AsSpan().SequenceEqual(other._aberrations);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(System);
        hash.Add(Mask);
        hash.Add(Apodization);
        foreach (ZernikeTerm term in _aberrations)
        {
            hash.Add(term);
        }

        return hash.ToHashCode();
    }
}
