using System.Numerics;

namespace Perrin.Analysis.Localizers.Interferometric;

/// <summary>
/// The scattered field of a point scatterer as the objective images it, for fitting interferometric (iSCAT) frames.
/// A scatterer of complex amplitude a at (x, y) pixels and depth d from the focal plane changes the normalized frame
/// I/N − 1 by 2·Re(a·F(x, y, d)) (plus |a·F|², negligible for weak scatterers), F being the field this model adds.
/// Implementations are immutable and safe to share between threads.
/// </summary>
public interface ICoherentFieldModel
{
    /// <summary>The nearest depth from focus, in nm, the model holds (negative: between the objective and the focal plane).</summary>
    double MinDepthNm { get; }

    /// <summary>The farthest depth from focus, in nm, the model holds.</summary>
    double MaxDepthNm { get; }

    /// <summary>
    /// Adds amplitude × F to each pixel of a row-major complex window of width × height pixels; (x, y) are pixels
    /// from the window's first pixel centre and may lie outside it.
    /// </summary>
    void AddField(Span<Complex> field, int width, int height, double x, double y, double depthNm, Complex amplitude);
}
