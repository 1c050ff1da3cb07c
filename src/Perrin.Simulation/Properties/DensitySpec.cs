using Perrin.Core.Randomness;

namespace Perrin.Simulation.Properties;

/// <summary>
/// A count drawn as Poisson with mean = density × field area, the field being
/// <c>image.width × image.height</c> pixels of <c>optics.pixel_size_nm</c> (in the sample plane), in µm².
/// A mean above <see cref="PropertyLimits.MaxCount"/> is an error, never clamped.
/// </summary>
public sealed record DensitySpec(double PerUm2) : PropertySpec
{
    public const string WidthPath = "image.width";
    public const string HeightPath = "image.height";
    public const string PixelSizePath = "optics.pixel_size_nm";

    private static readonly string[] FieldPaths = [WidthPath, HeightPath, PixelSizePath];

    public override IReadOnlyList<string> References => FieldPaths;

    public override Interval? Hull => new Interval(0, double.PositiveInfinity);

    public static double AreaUm2(double width, double height, double pixelSizeNm) =>
        width * height * pixelSizeNm * pixelSizeNm / 1e6;

    public override string? Check() =>
        PerUm2 >= 0 && double.IsFinite(PerUm2) ? null : $"density_per_um2 must be a finite number ≥ 0, not {Format(PerUm2)}";

    /// <summary>Why this density over this field is too many particles, or null.</summary>
    public string? CheckMean(double areaUm2)
    {
        var mean = PerUm2 * areaUm2;
        return mean <= PropertyLimits.MaxCount
            ? null
            : $"density_per_um2 = {Format(PerUm2)} over the {Format(areaUm2)} µm² field needs {mean:G3} particles on average; at most {PropertyLimits.MaxCount:G3} are allowed";
    }

    public override PropertyValue Draw(RandomStream stream, ReadOnlySpan<double> references)
    {
        var area = AreaUm2(references[0], references[1], references[2]);
        if (CheckMean(area) is { } problem)
        {
            throw new PropertyException(string.Empty, problem);
        }

        return PropertyValue.Of(stream.Poisson(PerUm2 * area));
    }
}
