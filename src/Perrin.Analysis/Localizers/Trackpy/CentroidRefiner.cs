namespace Perrin.Analysis.Localizers.Trackpy;

/// <summary>
/// trackpy's refine_com (the numba engine's arithmetic): the centroid of the masked processed image is taken
/// around an integer centre, which moves one pixel along an axis whenever the centroid lies more than 0.6 px off
/// along it, for at most the given number of steps; the last neighbourhood is then characterized.
/// </summary>
internal sealed class CentroidRefiner
{
    public const double ShiftThreshold = 0.6;

    private readonly FeatureMask _mask;
    private int[] _offsets = [];
    private int _offsetsWidth = -1;

    public CentroidRefiner(FeatureMask mask)
    {
        _mask = mask;
    }

    public void Refine(
        ReadOnlySpan<float> raw,
        ReadOnlySpan<double> image,
        int height,
        int width,
        List<(int Y, int X)> peaks,
        int maxIterations,
        bool characterize,
        List<CrockerGrierFeature> features)
    {
        var offsets = Offsets(width);
        var radius = _mask.Radius;
        var boxY = _mask.Dy;
        var boxX = _mask.Dx;
        foreach (var (peakY, peakX) in peaks)
        {
            var coordY = peakY;
            var coordX = peakX;
            var centre = 0;
            double centroidY = coordY, centroidX = coordX, mass = 0;
            for (var iteration = 0; iteration < maxIterations; iteration++)
            {
                centre = (coordY * width) + coordX;
                double sumY = 0, sumX = 0;
                mass = 0;
                for (var i = 0; i < offsets.Length; i++)
                {
                    var px = image[centre + offsets[i]];
                    sumY += px * (boxY[i] + radius);
                    sumX += px * (boxX[i] + radius);
                    mass += px;
                }

                var offY = mass == 0 ? 0 : (sumY / mass) - radius;
                var offX = mass == 0 ? 0 : (sumX / mass) - radius;
                centroidY = offY + coordY;
                centroidX = offX + coordX;
                if (Math.Abs(offY) < ShiftThreshold && Math.Abs(offX) < ShiftThreshold)
                {
                    break;
                }

                coordY = Math.Clamp(coordY + Step(offY), radius, height - 1 - radius);
                coordX = Math.Clamp(coordX + Step(offX), radius, width - 1 - radius);
            }

            features.Add(characterize
                ? Characterize(raw, image, centre, offsets, centroidX, centroidY, mass)
                : new CrockerGrierFeature(centroidX, centroidY, mass, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN));
        }
    }

    private static int Step(double offset) => offset > ShiftThreshold ? 1 : offset < -ShiftThreshold ? -1 : 0;

    private CrockerGrierFeature Characterize(
        ReadOnlySpan<float> raw, ReadOnlySpan<double> image, int centre, int[] offsets, double x, double y, double mass)
    {
        double gyration = 0, cosine = 0, sine = 0, rawMass = 0, signal = 0;
        for (var i = 0; i < offsets.Length; i++)
        {
            var index = centre + offsets[i];
            var px = image[index];
            gyration += _mask.RSquared[i] * px;
            cosine += _mask.Cos2Theta[i] * px;
            sine += _mask.Sin2Theta[i] * px;
            rawMass += raw[index];
            signal = Math.Max(signal, px);
        }

        var size = Math.Sqrt(gyration / mass);
        var ecc = Math.Sqrt((cosine * cosine) + (sine * sine)) / (mass - image[centre] + 1e-6);
        return new CrockerGrierFeature(x, y, mass, size, ecc, signal, rawMass, double.NaN);
    }

    /// <summary>Linear offsets of the mask pixels from the feature centre for rows of this width.</summary>
    private int[] Offsets(int width)
    {
        if (_offsetsWidth != width)
        {
            _offsets = new int[_mask.Count];
            for (var i = 0; i < _offsets.Length; i++)
            {
                _offsets[i] = (_mask.Dy[i] * width) + _mask.Dx[i];
            }

            _offsetsWidth = width;
        }

        return _offsets;
    }
}
