namespace Perrin.Simulation.Scatterers.Shapes;

/// <summary>
/// An extended body of uniform density (see <see cref="IShape"/> for units), with its exact volume and outline
/// area, so that a quantity spread over the body (photons of a dye, refractive index excess) can be normalized
/// without summing the render. Immutable and safe to share between threads.
/// </summary>
public abstract class SolidShape : IShape
{
    private readonly StarBody _body;

    private protected SolidShape(StarBody body, double pixelSizeNm)
    {
        _body = body;
        PixelSizeNm = pixelSizeNm;
    }

    /// <summary>Pixel size converting the in-plane sizes (nm) into the pixels of the image.</summary>
    public double PixelSizeNm { get; }

    /// <summary>Exact volume in nm³.</summary>
    public double VolumeNm3 => _body.VolumePx2Nm * PixelSizeNm * PixelSizeNm;

    /// <summary>Exact area of the outline (the projection along z) in nm².</summary>
    public double OutlineAreaNm2 => _body.AreaPx * PixelSizeNm * PixelSizeNm;

    public (double MinNm, double MaxNm) DepthExtent => _body.DepthExtent;

    public (int X0, int Y0, int X1, int Y1) PixelBounds => _body.PixelBounds;

    public void AddSlab(Span<float> image, int width, int height, double zFromNm, double zToNm, double weight) =>
        _body.AddSlab(image, width, height, zFromNm, zToNm, weight);

    public void AddCoverage(Span<float> image, int width, int height, double weight) =>
        _body.AddCoverage(image, width, height, weight);

    /// <summary>Whether (x, y), in pixels, lies inside the outline.</summary>
    public bool Contains(double xPx, double yPx) => _body.T(xPx, yPx) < 1;

    private protected static double Pixels(double nm, double pixelSizeNm, string name)
    {
        if (!(pixelSizeNm > 0 && double.IsFinite(pixelSizeNm)))
        {
            throw new ArgumentException($"The pixel size must be a positive finite number of nm, got {pixelSizeNm}.", nameof(pixelSizeNm));
        }

        if (!(nm > 0 && double.IsFinite(nm)))
        {
            throw new ArgumentException($"The {name} must be a positive finite number of nm, got {nm}.", name);
        }

        return nm / pixelSizeNm;
    }
}
