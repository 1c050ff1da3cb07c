using System.Numerics;

namespace Perrin.Analysis.Localizers.Interferometric;

/// <summary>
/// One scatterer while <see cref="IpsfRefiner"/> fits a frame: its current position (pixels), depth, complex
/// amplitude, and the field a·F it contributes to the frame's model, kept so it can be taken out again.
/// </summary>
internal sealed class IpsfScatterer(double x, double y)
{
    /// <summary>True for a scatterer the residual search added, false for a detection.</summary>
    public bool Added { get; init; }

    public double StartX { get; } = x;

    public double StartY { get; } = y;

    public double X { get; set; } = x;

    public double Y { get; set; } = y;

    public double DepthNm { get; set; }

    public Complex Amplitude { get; set; }

    /// <summary>False once a fit failed; the scatterer then keeps its detection and adds nothing to the model.</summary>
    public bool Fitted { get; set; }

    public PixelBox Box { get; set; }

    public Complex[] Contribution { get; set; } = [];
}
