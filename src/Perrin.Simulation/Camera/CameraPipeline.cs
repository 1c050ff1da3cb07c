using Perrin.Core.Randomness;

namespace Perrin.Simulation.Camera;

/// <summary>The per-pixel loop of <see cref="CameraModel"/>, with every setting hoisted out of it.</summary>
internal static class CameraPipeline
{
    public static void Run(CameraModel model, ReadOnlySpan<float> photons, Span<float> adu, int width, int height, RandomStream rng)
    {
        var qe = model.QuantumEfficiency;
        var dark = model.DarkElectrons;
        var emGain = model.EmGain;
        var multiply = emGain > 1;
        var fullWell = model.FullWellElectrons;
        var maxAdu = model.MaxAdu;
        var readSigma = model.ReadNoiseElectrons;
        var electronsPerAdu = model.ElectronsPerAdu;
        var baseline = model.BaselineAdu;
        var maps = model.PixelMaps;
        var sigmaMap = maps?.ReadNoiseSigma;
        var offsetMap = maps?.OffsetMap;
        var gainMap = maps?.GainMap;
        var pattern = model.FixedPattern;

        for (var y = 0; y < height; y++)
        {
            var rowGain = pattern is null ? 1.0 : pattern.RowGainArray[y];
            var rowOffset = pattern is null ? 0.0 : pattern.RowOffsetArray[y];
            var row = y * width;
            for (var x = 0; x < width; x++)
            {
                var i = row + x;
                double p = photons[i];
                if (!(p is >= 0 and <= CameraModel.MaxPhotonsPerPixel))
                {
                    throw new ArgumentException(
                        $"photons at pixel (x {x}, y {y}) is {p}; expected photons must be finite, at least 0 and at most {CameraModel.MaxPhotonsPerPixel:0e0}",
                        nameof(photons));
                }

                var signal = p * qe;
                if (pattern is not null)
                {
                    signal *= rowGain * pattern.ColumnGainArray[x];
                }

                var expected = signal + dark;

                var electrons = expected > 0 ? CountingDraws.Poisson(rng, expected) : 0;
                if (multiply && electrons > 0)
                {
                    electrons = CountingDraws.GammaOfCount(rng, electrons, emGain);
                }

                if (electrons > fullWell)
                {
                    electrons = fullWell;
                }

                var sigma = sigmaMap is null ? readSigma : sigmaMap[i];
                if (sigma > 0)
                {
                    electrons += sigma * rng.Normal();
                }

                var value = (electrons / (gainMap is null ? electronsPerAdu : gainMap[i])) + (offsetMap is null ? baseline : offsetMap[i]);
                if (pattern is not null)
                {
                    value += rowOffset + pattern.ColumnOffsetArray[x];
                }

                value = Math.Floor(value + 0.5);
                adu[i] = (float)(value < 0 ? 0 : value > maxAdu ? maxAdu : value);
            }
        }
    }
}
