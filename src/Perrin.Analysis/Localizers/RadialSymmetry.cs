using System.Buffers;
using Perrin.Analysis.Localizers.Candidates;
using Perrin.Analysis.Localizers.Radial;
using Perrin.Core.Imaging;
using Perrin.Core.Tables;

namespace Perrin.Analysis.Localizers;

/// <summary>
/// Radial-symmetry centres (Parthasarathy 2012) of square ROIs around each candidate: no model and no iteration,
/// so it is fast and does not assume a Gaussian PSF. Intensity and Offset are the ROI's photons above its rim
/// mean and that mean, BkgStd the rim's spread; there is no uncertainty estimate (NaN). trackpy's mass, raw_mass
/// and signal are the same sums in the frame's counts. Centres outside their ROI are dropped. Thread-safe.
/// </summary>
public sealed class RadialSymmetry : IFrameLocalizer
{
    private readonly CandidateDetector _detector;

    public RadialSymmetry(RadialSymmetryParameters? parameters = null)
    {
        Parameters = parameters ?? new RadialSymmetryParameters();
        Parameters.Validate();
        _detector = new CandidateDetector(Parameters.Detector);
    }

    public string Name => "radial";

    public RadialSymmetryParameters Parameters { get; }

    public IReadOnlyList<Localization> Locate(ImageFrame frame, int frameIndex, double pixelSizeNm)
    {
        PixelCoordinates.Validate(pixelSizeNm, nameof(pixelSizeNm));
        ArgumentOutOfRangeException.ThrowIfNegative(frameIndex);
        var found = new List<Localization>();
        var (height, width) = (frame.Height, frame.Width);
        var n = height * width;
        if (n == 0)
        {
            return found;
        }

        var radius = Parameters.RoiRadiusPx;
        var size = (2 * radius) + 1;
        var photo = ArrayPool<float>.Shared.Rent(n);
        try
        {
            var photoelectrons = photo.AsSpan(0, n);
            Parameters.Camera.ToPhotoelectrons(frame.Pixels, photoelectrons);
            var roi = new float[size * size];
            var scratch = new double[4 * (size - 1) * (size - 1)];
            foreach (var c in _detector.Detect(photoelectrons, height, width, radius))
            {
                var (left, top) = (c.X - radius, c.Y - radius);
                if (!RoiStatistics.TryCopy(photoelectrons, width, left, top, size, roi))
                {
                    continue;
                }

                var (x, y) = RadialCentre.Locate(roi, size, scratch);
                if (x >= -0.5 && x <= size - 0.5 && y >= -0.5 && y <= size - 0.5)
                {
                    found.Add(ToLocalization(roi, size, frame.Pixels, width, left + x, top + y, left, top, frameIndex, pixelSizeNm));
                }
            }

            return found;
        }
        finally
        {
            ArrayPool<float>.Shared.Return(photo);
        }
    }

    private Localization ToLocalization(float[] roi, int size, ReadOnlySpan<float> counts, int width, double x, double y, int left, int top, int frameIndex, double px)
    {
        var qe = Parameters.Camera.QuantumEfficiency;
        var photons = RoiStatistics.Measure(roi, size, 0, 0, size);
        var rimMean = (photons.RawMass - photons.Mass) / (size * size);
        double spread = 0;
        for (var i = 0; i < size; i++)
        {
            foreach (var v in (ReadOnlySpan<float>)[roi[i], roi[((size - 1) * size) + i], roi[i * size], roi[(i * size) + size - 1]])
            {
                spread += (v - rimMean) * (v - rimMean);
            }
        }

        var stats = RoiStatistics.Measure(counts, width, left, top, size);
        return new Localization(frameIndex, (x + 0.5) * px, (y + 0.5) * px)
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
