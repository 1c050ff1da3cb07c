using Perrin.Core.Randomness;

namespace Perrin.Simulation.Scatterers.Shapes;

/// <summary>
/// A cell-like blob for counting: an ellipse (semi-axes a at <see cref="AngleRad"/>, b) whose boundary radius is
/// multiplied by 1 + Σₖ εₖ cos(kθ + φₖ) over orders k = 2 … <see cref="MaxOrder"/> (θ measured in the frame where the
/// ellipse is a circle; order 1 is left out as it would mostly shift the centre), with a dome profile: half
/// thickness c√(1 − t²) at relative radius t. The amplitudes εₖ = <see cref="MaxAmplitude"/>·u/(k − 1) (u uniform on
/// [0, 1)) and phases are drawn from the stream keyed by <see cref="ShapeSeed"/> alone, so the same seed always
/// gives the same outline. Its area is πab(1 + ½Σεₖ²) and its volume 4/3πabc(1 + ½Σεₖ²).
/// </summary>
public sealed class CellShape : SolidShape
{
    public const int MaxOrder = 5;
    public const double MaxAmplitude = 0.06;
    private static readonly ulong OutlinePurpose = Properties.StablePathHash.Of("perrin.simulation.cell-outline");

    public CellShape(double xPx, double yPx, double zNm, double semiMajorNm, double semiMinorNm, double halfThicknessNm, double angleRad, ulong shapeSeed, double pixelSizeNm)
        : base(new StarBody(xPx, yPx, zNm, Pixels(semiMajorNm, pixelSizeNm, nameof(semiMajorNm)), Pixels(semiMinorNm, pixelSizeNm, nameof(semiMinorNm)), angleRad, halfThicknessNm, flat: false, Harmonics(shapeSeed)), pixelSizeNm)
    {
        SemiMajorNm = semiMajorNm;
        SemiMinorNm = semiMinorNm;
        HalfThicknessNm = halfThicknessNm;
        AngleRad = angleRad;
        ShapeSeed = shapeSeed;
    }

    public double SemiMajorNm { get; }

    public double SemiMinorNm { get; }

    public double HalfThicknessNm { get; }

    public double AngleRad { get; }

    public ulong ShapeSeed { get; }

    /// <summary>(εₖ, φₖ) for k = 1 … <see cref="MaxOrder"/> (ε₁ = 0).</summary>
    public static (double Epsilon, double Phi)[] Harmonics(ulong shapeSeed)
    {
        var stream = new RandomStream(shapeSeed, 0, OutlinePurpose);
        var harmonics = new (double Epsilon, double Phi)[MaxOrder];
        for (var k = 2; k <= MaxOrder; k++)
        {
            var epsilon = MaxAmplitude * stream.NextDouble() / (k - 1);
            harmonics[k - 1] = (epsilon, 2 * Math.PI * stream.NextDouble());
        }

        return harmonics;
    }
}
