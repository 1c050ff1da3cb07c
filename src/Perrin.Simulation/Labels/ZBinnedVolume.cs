using Perrin.Simulation.Truth;

namespace Perrin.Simulation.Labels;

/// <summary>
/// A 3D label volume for 3D localization networks: <see cref="Bins"/> channels, one per z slab, over a lateral
/// grid <see cref="LateralFactor"/> times finer than the image (bins as in <see cref="SuperResolutionMap"/>).
/// Slab b covers [zMin + b·Δ, zMin + (b+1)·Δ) nm with Δ = (zMax − zMin)/Bins, the last one ending exactly at zMax;
/// emitters outside [zMin, zMax) or outside the field are left out. Each emitter puts its weight in its voxel,
/// or, with blur, a peak-1 Gaussian of <see cref="LateralSigma"/> bins across and <see cref="AxialSigma"/> slabs
/// deep centred on that voxel, combined by <see cref="Combine"/> (Max: set; Sum: add).
/// </summary>
public sealed class ZBinnedVolume : ILabel
{
    private readonly double[] _lateral;
    private readonly double[] _axial;

    public ZBinnedVolume(int bins, double zMinNm, double zMaxNm, int lateralFactor = 1, double lateralSigma = 0, double axialSigma = 0)
    {
        if (bins is < 1 or > 4096)
        {
            throw new ArgumentOutOfRangeException(nameof(bins), bins, "the number of z bins must be between 1 and 4096");
        }

        if (!double.IsFinite(zMinNm) || !double.IsFinite(zMaxNm) || !(zMaxNm > zMinNm) || !double.IsFinite(zMaxNm - zMinNm))
        {
            throw new ArgumentOutOfRangeException(nameof(zMaxNm), $"the z range [{zMinNm}, {zMaxNm}) nm must be finite and not empty");
        }

        if (lateralFactor is < 1 or > 64)
        {
            throw new ArgumentOutOfRangeException(nameof(lateralFactor), lateralFactor, "the lateral upsampling factor must be between 1 and 64");
        }

        Bins = bins;
        ZMinNm = zMinNm;
        ZMaxNm = zMaxNm;
        LateralFactor = lateralFactor;
        LateralSigma = DiscreteKernel.CheckSigma(lateralSigma, nameof(lateralSigma));
        AxialSigma = DiscreteKernel.CheckSigma(axialSigma, nameof(axialSigma));
        _lateral = DiscreteKernel.Peaked(lateralSigma);
        _axial = DiscreteKernel.Peaked(axialSigma);
    }

    public string Name => LabelNames.Volume;

    public int Channels => Bins;

    public int Bins { get; }

    public double ZMinNm { get; }

    public double ZMaxNm { get; }

    public int LateralFactor { get; }

    /// <summary>Lateral blur in label bins; 0 for single voxels.</summary>
    public double LateralSigma { get; }

    /// <summary>Axial blur in z slabs; 0 for single voxels.</summary>
    public double AxialSigma { get; }

    public LabelWeight Weight { get; init; } = LabelWeight.Count;

    public LabelCombine Combine { get; init; } = LabelCombine.Max;

    /// <summary>Whether particles that are off count too.</summary>
    public bool IncludeOff { get; init; }

    public (int Width, int Height) OutputSize(int width, int height) => LabelGrid.Scaled(width, height, LateralFactor, Channels);

    /// <summary>Lower edge of slab <paramref name="bin"/> in nm; <see cref="Bins"/> gives zMax.</summary>
    public double SlabEdge(int bin) => bin >= Bins ? ZMaxNm : ZMinNm + ((ZMaxNm - ZMinNm) * bin / Bins);

    /// <summary>The slab holding <paramref name="zNm"/>, when it lies in [zMin, zMax).</summary>
    public bool TrySlab(double zNm, out int bin)
    {
        bin = 0;
        var u = (zNm - ZMinNm) / (ZMaxNm - ZMinNm) * Bins;
        if (!(u >= -1 && u < Bins + 1.0))
        {
            return false;
        }

        var b = (int)Math.Floor(u);
        if (zNm < SlabEdge(b))
        {
            b--;
        }
        else if (zNm >= SlabEdge(b + 1))
        {
            b++;
        }

        bin = b;
        return b >= 0 && b < Bins;
    }

    public void Render(ReadOnlySpan<ParticleTruth> truth, int width, int height, Span<float> destination)
    {
        var (w, h) = LabelGrid.Prepare(this, width, height, destination);
        var plane = w * h;
        foreach (ref readonly var p in truth)
        {
            var weight = Weight == LabelWeight.Count ? 1 : p.Photons;
            if (!LabelGrid.Counts(p, IncludeOff)
                || double.IsNaN(weight)
                || !TrySlab(p.Z, out var bz)
                || !LabelGrid.TryBin(p.X, LateralFactor, w, out var bx)
                || !LabelGrid.TryBin(p.Y, LateralFactor, h, out var by))
            {
                continue;
            }

            var fx = DiscreteKernel.Clip(_lateral, bx, w, out var x0);
            var fy = DiscreteKernel.Clip(_lateral, by, h, out var y0);
            var fz = DiscreteKernel.Clip(_axial, bz, Bins, out var z0);
            for (var k = 0; k < fz.Length; k++)
            {
                var slab = destination.Slice((z0 + k) * plane, plane);
                GaussianProfile.Splat(slab, w, x0, y0, fx, fy, weight * fz[k], Combine);
            }
        }
    }
}
