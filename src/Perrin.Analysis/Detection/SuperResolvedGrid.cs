namespace Perrin.Analysis.Detection;

/// <summary>
/// The geometry of a map upsampled <c>U</c> times relative to the camera (Deep-STORM style): every camera pixel is
/// cut into U × U map pixels, and the map's top-left corner is the camera's top-left corner. Map pixel j therefore
/// covers camera coordinates [j/U, (j + 1)/U) and its centre lies at (j + 0.5)·pixelSize/U nanometres.
/// </summary>
public static class SuperResolvedGrid
{
    /// <summary>
    /// Nanometres from the camera's top-left corner of <paramref name="mapPixels"/>, a position in map pixels with
    /// 0 at the centre of the first map pixel.
    /// </summary>
    public static double ToNanometres(double mapPixels, int upsampling, double cameraPixelSizeNm) =>
        (mapPixels + 0.5) * cameraPixelSizeNm / upsampling;

    /// <summary>The inverse of <see cref="ToNanometres"/>.</summary>
    public static double ToMapPixels(double nanometres, int upsampling, double cameraPixelSizeNm) =>
        (nanometres * upsampling / cameraPixelSizeNm) - 0.5;
}
