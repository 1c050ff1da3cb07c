using System.Buffers;
using Perrin.Simulation.Optics;
using Perrin.Simulation.Scatterers.Shapes;
using Perrin.Simulation.Truth;

namespace Perrin.Simulation.Rendering;

/// <summary>
/// An extended fluorescent body through a tabulated PSF (airy, pupil): the body is cut into z slabs, each slab's
/// emission is drawn pixel by pixel as a point at the pixel centre through the PSF at the slab's mid depth, and
/// the slabs are summed. The table's patches are small (tens of pixels), so this direct sum costs patch area ×
/// occupied pixels per slab and keeps the table's sub-pixel and depth interpolation; an FFT per slab would cost
/// more for bodies of cell size and would need the PSF resampled. Slabs are <see cref="RecipePsfs.DepthStepNm"/>
/// thick in depth, aligned with the table's depths; a PSF that ignores z takes the whole body as one slab.
/// </summary>
internal static class TabulatedBodyEmission
{
    public static void Add(Span<float> image, int width, int height, in ParticleTruth particle, double pixelSizeNm, IPsf psf, bool dependsOnDepth, double defocusNm)
    {
        var pad = psf is PsfTable table ? table.PatchSize / 2 : 0;
        var whole = TruthShapes.For(particle, pixelSizeNm);
        var (x0, y0, x1, y1) = whole.PixelBounds;
        x0 = Math.Max(x0, -pad);
        y0 = Math.Max(y0, -pad);
        x1 = Math.Min(x1, width - 1 + pad);
        y1 = Math.Min(y1, height - 1 + pad);
        if (x0 > x1 || y0 > y1)
        {
            return;
        }

        var body = TruthShapes.For(particle with { X = particle.X - x0, Y = particle.Y - y0 }, pixelSizeNm);
        var columns = x1 - x0 + 1;
        var rows = y1 - y0 + 1;
        var weight = particle.Photons * pixelSizeNm * pixelSizeNm / body.VolumeNm3;
        var scratch = ArrayPool<float>.Shared.Rent(columns * rows);
        try
        {
            var slab = scratch.AsSpan(0, columns * rows);
            if (!dependsOnDepth)
            {
                slab.Clear();
                body.AddSlab(slab, columns, rows, double.NegativeInfinity, double.PositiveInfinity, weight);
                Draw(image, width, height, slab, columns, x0, y0, psf, 0);
                return;
            }

            var (low, high) = body.DepthExtent;
            // Depths past the table's reach all use its end, so the slabs beyond it merge into two open ones.
            var reach = (long)Math.Ceiling(RecipePsfs.DepthReachNm / RecipePsfs.DepthStepNm);
            var first = (long)Math.Max(Math.Floor((low - defocusNm) / RecipePsfs.DepthStepNm), -reach - 1);
            var last = (long)Math.Min(Math.Floor((high - defocusNm) / RecipePsfs.DepthStepNm), reach);
            for (var s = first; s <= last; s++)
            {
                slab.Clear();
                var from = s == -reach - 1 ? double.NegativeInfinity : defocusNm + (s * RecipePsfs.DepthStepNm);
                var to = s == reach ? double.PositiveInfinity : defocusNm + ((s + 1) * RecipePsfs.DepthStepNm);
                body.AddSlab(slab, columns, rows, from, to, weight);
                Draw(image, width, height, slab, columns, x0, y0, psf, (s + 0.5) * RecipePsfs.DepthStepNm);
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(scratch);
        }
    }

    private static void Draw(Span<float> image, int width, int height, ReadOnlySpan<float> slab, int columns, int x0, int y0, IPsf psf, double depthNm)
    {
        for (var i = 0; i < slab.Length; i++)
        {
            if (slab[i] != 0)
            {
                psf.AddPoint(image, width, height, x0 + (i % columns), y0 + (i / columns), depthNm, slab[i]);
            }
        }
    }
}
