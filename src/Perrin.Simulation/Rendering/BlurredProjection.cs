using System.Buffers;
using System.Numerics;
using Perrin.Core.Maths;
using Perrin.Simulation.Scatterers.Shapes;
using Perrin.Simulation.Truth;

namespace Perrin.Simulation.Rendering;

/// <summary>
/// Extended fluorescent bodies seen through a Gaussian PSF, which ignores z: their projections (photons per pixel)
/// are summed on a grid padded by the kernel radius, so that light of bodies just outside the field still
/// reaches it, and blurred once by the separable, pixel-integrated Gaussian (each pixel's light spread from its
/// centre). The kernel is cut beyond 6σ + 1 pixels, as <see cref="Optics.GaussianPsf"/> is.
/// </summary>
internal sealed class BlurredProjection : IDisposable
{
    private readonly int _width;
    private readonly int _height;
    private readonly int _radius;
    private readonly int _paddedWidth;
    private readonly int _paddedHeight;
    private readonly float[] _grid;
    private readonly float[] _kernel;
    private int _x0 = int.MaxValue;
    private int _y0 = int.MaxValue;
    private int _x1 = int.MinValue;
    private int _y1 = int.MinValue;

    public BlurredProjection(int width, int height, double sigmaPixels)
    {
        SigmaPixels = sigmaPixels;
        _width = width;
        _height = height;
        _radius = (int)Math.Min(Math.Ceiling((6 * sigmaPixels) + 1), Math.Max(width, height));
        _paddedWidth = width + (2 * _radius);
        _paddedHeight = height + (2 * _radius);
        _grid = ArrayPool<float>.Shared.Rent(_paddedWidth * _paddedHeight);
        Array.Clear(_grid, 0, _paddedWidth * _paddedHeight);
        var mass = new double[(2 * _radius) + 1];
        GaussianPixelMass.Fill(mass, -_radius, 0, sigmaPixels);
        _kernel = [.. mass.Select(m => (float)m)];
    }

    public double SigmaPixels { get; }

    /// <summary>Adds a body whose <see cref="ParticleTruth.Photons"/> are spread uniformly over its volume.</summary>
    public void Add(in ParticleTruth particle, double pixelSizeNm)
    {
        var body = TruthShapes.For(particle with { X = particle.X + _radius, Y = particle.Y + _radius }, pixelSizeNm);
        var (x0, y0, x1, y1) = body.PixelBounds;
        x0 = Math.Max(x0, 0);
        y0 = Math.Max(y0, 0);
        x1 = Math.Min(x1, _paddedWidth - 1);
        y1 = Math.Min(y1, _paddedHeight - 1);
        if (x0 > x1 || y0 > y1)
        {
            return;
        }

        body.AddSlab(_grid.AsSpan(0, _paddedWidth * _paddedHeight), _paddedWidth, _paddedHeight, double.NegativeInfinity, double.PositiveInfinity, particle.Photons * pixelSizeNm * pixelSizeNm / body.VolumeNm3);
        _x0 = Math.Min(_x0, x0);
        _y0 = Math.Min(_y0, y0);
        _x1 = Math.Max(_x1, x1);
        _y1 = Math.Max(_y1, y1);
    }

    /// <summary>Adds the blurred projections to the image.</summary>
    public void AddTo(Span<float> image)
    {
        if (_x0 > _x1)
        {
            return;
        }

        // Image pixel c sits at padded column c + R; it receives light from padded columns c … c + 2R.
        var c0 = Math.Max(_x0 - (2 * _radius), 0);
        var c1 = Math.Min(_x1, _width - 1);
        var r0 = Math.Max(_y0 - (2 * _radius), 0);
        var r1 = Math.Min(_y1, _height - 1);
        if (c0 > c1 || r0 > r1)
        {
            return;
        }

        var columns = c1 - c0 + 1;
        var rows = r1 - r0 + 1 + (2 * _radius);
        var across = ArrayPool<float>.Shared.Rent(columns * rows);
        try
        {
            var kernel = _kernel.AsSpan();
            for (var row = 0; row < rows; row++)
            {
                var source = _grid.AsSpan(((r0 + row) * _paddedWidth) + c0, columns + (2 * _radius));
                var target = across.AsSpan(row * columns, columns);
                target.Clear();
                for (var i = 0; i < kernel.Length; i++)
                {
                    AddScaled(target, kernel[i], source.Slice(i, columns));
                }
            }

            for (var row = r0; row <= r1; row++)
            {
                var target = image.Slice((row * _width) + c0, columns);
                for (var i = 0; i < kernel.Length; i++)
                {
                    AddScaled(target, kernel[i], across.AsSpan((row - r0 + i) * columns, columns));
                }
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(across);
        }
    }

    public void Dispose() => ArrayPool<float>.Shared.Return(_grid);

    private static void AddScaled(Span<float> target, float scale, ReadOnlySpan<float> source)
    {
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var factor = new Vector<float>(scale);
            for (; i <= target.Length - Vector<float>.Count; i += Vector<float>.Count)
            {
                (new Vector<float>(target[i..]) + (factor * new Vector<float>(source[i..]))).CopyTo(target[i..]);
            }
        }

        for (; i < target.Length; i++)
        {
            target[i] += scale * source[i];
        }
    }
}
