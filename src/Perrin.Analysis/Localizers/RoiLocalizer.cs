using System.Buffers;
using Perrin.Analysis.Localizers.Candidates;
using Perrin.Core.Imaging;
using Perrin.Core.Tables;

namespace Perrin.Analysis.Localizers;

/// <summary>
/// The frame loop the ROI-fitting localizers share: convert counts to photoelectrons with the camera model, detect
/// candidates, cut a (2r + 1)² ROI around each (candidates whose ROI would leave the frame are skipped) and let the
/// method turn each ROI into a localization or reject it. Each call works on its own buffers, so one instance can
/// serve several threads.
/// </summary>
public abstract class RoiLocalizer : IFrameLocalizer
{
    private readonly CandidateDetector _detector;

    private protected RoiLocalizer(CandidateDetectorParameters detector, CameraModel camera, int roiRadiusPx)
    {
        _detector = new CandidateDetector(detector);
        Camera = camera;
        RoiRadiusPx = roiRadiusPx;
    }

    public abstract string Name { get; }

    private protected CameraModel Camera { get; }

    private protected int RoiRadiusPx { get; }

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

        var radius = RoiRadiusPx;
        var size = (2 * radius) + 1;
        var photo = ArrayPool<float>.Shared.Rent(n);
        try
        {
            var photoelectrons = photo.AsSpan(0, n);
            Camera.ToPhotoelectrons(frame.Pixels, photoelectrons);
            var fit = BeginFrame(size);
            var roi = new float[size * size];
            foreach (var c in _detector.Detect(photoelectrons, height, width, radius))
            {
                var (left, top) = (c.X - radius, c.Y - radius);
                if (!RoiStatistics.TryCopy(photoelectrons, width, left, top, size, roi))
                {
                    continue;
                }

                if (fit.Fit(new RoiView(roi, size, left, top, frame.Pixels, width, frameIndex, pixelSizeNm)) is { } localization)
                {
                    found.Add(localization);
                }
            }

            return found;
        }
        finally
        {
            ArrayPool<float>.Shared.Return(photo);
        }
    }

    /// <summary>The method's per-call fitter for ROIs of <paramref name="size"/>² pixels, with its scratch buffers.</summary>
    private protected abstract IRoiFit BeginFrame(int size);
}
