namespace Perrin.Core.Tables;

/// <summary>
/// One localization in Perrin's single internal convention, whatever file it came from.
/// <list type="bullet">
/// <item><see cref="Frame"/> is 0-based.</item>
/// <item><see cref="X"/> and <see cref="Y"/> are nanometres from the top-left corner of the top-left pixel, so the
/// centre of pixel (col, row) lies at ((col + 0.5)·px, (row + 0.5)·px). <see cref="Z"/> is nanometres.</item>
/// <item>Sigma and the uncertainties are nanometres; intensity, offset and background spread are photons.</item>
/// <item>trackpy's extras keep trackpy's own units (mass, signal and raw mass in camera counts, size and ep in
/// pixels): they are only ever compared with other trackpy output, and converting them would cost exactness.</item>
/// </list>
/// A quantity that is absent is NaN (real numbers) or null (whole numbers).
/// </summary>
public readonly record struct Localization
{
    public Localization()
    {
        Z = double.NaN;
        Sigma = double.NaN;
        Intensity = double.NaN;
        Offset = double.NaN;
        BkgStd = double.NaN;
        Uncertainty = double.NaN;
        UncertaintyZ = double.NaN;
        Chi2 = double.NaN;
        Mass = double.NaN;
        Size = double.NaN;
        Ecc = double.NaN;
        Signal = double.NaN;
        RawMass = double.NaN;
        Ep = double.NaN;
    }

    public Localization(int frame, double x, double y)
        : this()
    {
        Frame = frame;
        X = x;
        Y = y;
    }

    /// <summary>0-based frame index.</summary>
    public int Frame { get; init; }

    /// <summary>Nanometres from the left edge of the first pixel column.</summary>
    public double X { get; init; }

    /// <summary>Nanometres from the top edge of the first pixel row.</summary>
    public double Y { get; init; }

    public double Z { get; init; }

    public long? Id { get; init; }

    public double Sigma { get; init; }

    public double Intensity { get; init; }

    public double Offset { get; init; }

    public double BkgStd { get; init; }

    /// <summary>Lateral localization uncertainty in nanometres.</summary>
    public double Uncertainty { get; init; }

    public double UncertaintyZ { get; init; }

    public double Chi2 { get; init; }

    /// <summary>How many detections ThunderSTORM merged into this one.</summary>
    public int? Detections { get; init; }

    public double Mass { get; init; }

    /// <summary>trackpy's radius of gyration, in pixels.</summary>
    public double Size { get; init; }

    public double Ecc { get; init; }

    public double Signal { get; init; }

    public double RawMass { get; init; }

    /// <summary>trackpy's static position error estimate, in pixels.</summary>
    public double Ep { get; init; }

    /// <summary>Track id assigned by linking.</summary>
    public long? Particle { get; init; }
}
