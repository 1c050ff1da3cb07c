using System.Numerics;
using Perrin.Analysis.Localizers.Interferometric;
using Perrin.Simulation.Iscat;

namespace Perrin.Cli.Localize;

/// <summary>The simulator's iSCAT field PSF as the field model <see cref="IpsfRefiner"/> fits.</summary>
internal sealed class IscatFieldModel(IscatField psf, double minDepthNm, double maxDepthNm) : ICoherentFieldModel
{
    public double MinDepthNm { get; } = minDepthNm;

    public double MaxDepthNm { get; } = maxDepthNm;

    public void AddField(Span<Complex> field, int width, int height, double x, double y, double depthNm, Complex amplitude) =>
        psf.Add(field, width, height, x, y, depthNm, amplitude);
}
