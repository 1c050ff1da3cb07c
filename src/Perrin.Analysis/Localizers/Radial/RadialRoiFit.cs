using Perrin.Core.Tables;

namespace Perrin.Analysis.Localizers.Radial;

/// <summary>The radial-symmetry centre of one ROI and its conversion to a localization (see <see cref="RadialSymmetry"/>).</summary>
internal sealed class RadialRoiFit(CameraModel camera, int size) : IRoiFit
{
    private readonly double[] _scratch = new double[4 * (size - 1) * (size - 1)];

    public Localization? Fit(in RoiView roi)
    {
        var size = roi.Size;
        var (x, y) = RadialCentre.Locate(roi.Photoelectrons, size, _scratch);
        if (!(x >= -0.5 && x <= size - 0.5 && y >= -0.5 && y <= size - 0.5))
        {
            return null;
        }

        var px = roi.PixelSizeNm;
        var qe = camera.QuantumEfficiency;
        var pixels = roi.Photoelectrons;
        var photons = RoiStatistics.Measure(pixels, size, 0, 0, size);
        var rimMean = (photons.RawMass - photons.Mass) / (size * size);
        double spread = 0;
        for (var i = 0; i < size; i++)
        {
            foreach (var v in (ReadOnlySpan<float>)[pixels[i], pixels[((size - 1) * size) + i], pixels[i * size], pixels[(i * size) + size - 1]])
            {
                spread += (v - rimMean) * (v - rimMean);
            }
        }

        var stats = roi.CountStatistics();
        return new Localization(roi.FrameIndex, (roi.Left + x + 0.5) * px, (roi.Top + y + 0.5) * px)
        {
            Intensity = photons.Mass / qe,
            Offset = rimMean / qe,
            BkgStd = Math.Sqrt(spread / (4.0 * size)) / qe,
            RawMass = stats.RawMass,
            Mass = stats.Mass,
            Signal = stats.Signal,
        };
    }
}
