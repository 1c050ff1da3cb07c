using System.Numerics;
using Perrin.Core.Randomness;

namespace Perrin.Simulation.Camera;

/// <summary>
/// The passes of <see cref="CameraModel"/> over blocks of <see cref="Block"/> pixels in row-major order: expected
/// electrons (and the photon check), one bulk Poisson draw (none for a block that expects no electron), EM
/// multiplication of the non-zero counts, the full well, one bulk normal draw for the read noise, then conversion
/// to ADU. Within a block the stream is used in that order, so a frame depends on the stream and the settings only.
/// </summary>
internal static class CameraPipeline
{
    /// <summary>Pixels per pass: the block's two buffers of doubles live on the stack.</summary>
    public const int Block = 256;

    public static void Run(CameraModel model, ReadOnlySpan<float> photons, Span<float> adu, int width, int height, RandomStream rng)
    {
        Span<double> electronBuffer = stackalloc double[Block];
        Span<double> scratchBuffer = stackalloc double[Block];
        var pixels = (long)width * height;
        for (var start = 0; start < pixels; start += Block)
        {
            var count = (int)Math.Min(Block, pixels - start);
            var electrons = electronBuffer[..count];
            var scratch = scratchBuffer[..count];
            ExpectedElectrons(model, photons, start, width, electrons);

            // A block with no light and no dark charge holds no electron: nothing to draw.
            if (electrons.IndexOfAnyExcept(0.0) >= 0)
            {
                rng.Poisson(electrons, electrons);
                if (model.EmGain > 1)
                {
                    Multiply(electrons, model.EmGain, rng);
                }
            }

            if (double.IsFinite(model.FullWellElectrons))
            {
                CameraPasses.ClampAbove(electrons, model.FullWellElectrons);
            }

            AddReadNoise(model, electrons, start, scratch, rng);
            Digitize(model, electrons, start, width, scratch, adu.Slice(start, count));
        }
    }

    private static void ExpectedElectrons(CameraModel model, ReadOnlySpan<float> photons, int start, int width, Span<double> electrons)
    {
        var pattern = model.FixedPattern;
        var valid = true;
        if (pattern is null)
        {
            valid = CameraPasses.ExpectedElectrons(photons.Slice(start, electrons.Length), model.QuantumEfficiency, model.DarkElectrons, 1, default, electrons);
        }
        else
        {
            for (var at = 0; at < electrons.Length;)
            {
                var (y, x) = Math.DivRem(start + at, width);
                var run = Math.Min(width - x, electrons.Length - at);
                valid &= CameraPasses.ExpectedElectrons(
                    photons.Slice(start + at, run),
                    model.QuantumEfficiency,
                    model.DarkElectrons,
                    pattern.RowGainArray[y],
                    pattern.ColumnGainArray.AsSpan(x, run),
                    electrons.Slice(at, run));
                at += run;
            }
        }

        if (!valid)
        {
            ThrowForPhotons(photons.Slice(start, electrons.Length), start, width);
        }
    }

    // Most pixels of a dim frame hold no electron; whole vectors of zeros are skipped without a draw.
    private static void Multiply(Span<double> electrons, double gain, RandomStream rng)
    {
        var lanes = Vector<double>.Count;
        for (var i = 0; i < electrons.Length; i += lanes)
        {
            var end = Math.Min(i + lanes, electrons.Length);
            if (end - i == lanes && Vector.EqualsAll(new Vector<double>(electrons[i..]), Vector<double>.Zero))
            {
                continue;
            }

            for (var j = i; j < end; j++)
            {
                if (electrons[j] > 0)
                {
                    electrons[j] = CountGamma.Draw(rng, electrons[j], gain);
                }
            }
        }
    }

    private static void AddReadNoise(CameraModel model, Span<double> electrons, int start, Span<double> normals, RandomStream rng)
    {
        if (model.PixelMaps is { } maps)
        {
            ZigguratNormal.Fill(rng, normals);
            CameraPasses.AddNoise(electrons, maps.ReadNoiseSigma.AsSpan(start, electrons.Length), normals);
        }
        else if (model.ReadNoiseElectrons > 0)
        {
            ZigguratNormal.Fill(rng, normals);
            CameraPasses.AddNoise(electrons, model.ReadNoiseElectrons, normals);
        }
    }

    private static void Digitize(CameraModel model, ReadOnlySpan<double> electrons, int start, int width, Span<double> offsets, Span<float> adu)
    {
        var maps = model.PixelMaps;
        if (maps is null)
        {
            offsets.Fill(model.BaselineAdu);
        }
        else
        {
            CameraPasses.Widen(maps.OffsetMap.AsSpan(start, offsets.Length), offsets);
        }

        if (model.FixedPattern is { } pattern)
        {
            for (var at = 0; at < offsets.Length;)
            {
                var (y, x) = Math.DivRem(start + at, width);
                var run = Math.Min(width - x, offsets.Length - at);
                CameraPasses.AddPatternOffsets(offsets.Slice(at, run), pattern.RowOffsetArray[y], pattern.ColumnOffsetArray.AsSpan(x, run));
                at += run;
            }
        }

        if (maps?.GainMap is { } gains)
        {
            AduConversion.Convert(electrons, gains.AsSpan(start, electrons.Length), offsets, model.MaxAdu, adu);
        }
        else
        {
            AduConversion.Convert(electrons, model.ElectronsPerAdu, offsets, model.MaxAdu, adu);
        }
    }

    private static void ThrowForPhotons(ReadOnlySpan<float> photons, int start, int width)
    {
        for (var i = 0; i < photons.Length; i++)
        {
            double p = photons[i];
            if (!(p is >= 0 and <= CameraModel.MaxPhotonsPerPixel))
            {
                var (y, x) = Math.DivRem(start + i, width);
                throw new ArgumentException(
                    $"photons at pixel (x {x}, y {y}) is {p}; expected photons must be finite, at least 0 and at most {CameraModel.MaxPhotonsPerPixel:0e0}",
                    nameof(photons));
            }
        }
    }
}
