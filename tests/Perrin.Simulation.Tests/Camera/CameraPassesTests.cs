using Perrin.Core.Randomness;
using Perrin.Simulation.Camera;

namespace Perrin.Simulation.Tests.Camera;

/// <summary>The vector passes give the scalar formula's bits in every lane and in the tail, at every length.</summary>
public sealed class CameraPassesTests
{
    [Fact]
    public void ExpectedElectronsMatchTheScalarFormulaBitForBit()
    {
        var rng = new RandomStream(7, 0);
        for (var length = 0; length <= 41; length++)
        {
            var photons = Values(rng, length, 1000);
            var gains = Values(rng, length, 2);
            var electrons = new double[length];
            Assert.True(CameraPasses.ExpectedElectrons(photons, 0.83, 0.07, 1.37, gains, electrons));
            for (var i = 0; i < length; i++)
            {
                Assert.Equal((photons[i] * 0.83 * (1.37 * gains[i])) + 0.07, electrons[i]);
            }

            Assert.True(CameraPasses.ExpectedElectrons(photons, 0.83, 0.07, 1, default, electrons));
            for (var i = 0; i < length; i++)
            {
                Assert.Equal((photons[i] * 0.83) + 0.07, electrons[i]);
            }

            for (var bad = 0; bad < length; bad += 5)
            {
                var broken = (float[])photons.Clone();
                broken[bad] = bad % 2 == 0 ? float.NaN : -1;
                Assert.False(CameraPasses.ExpectedElectrons(broken, 1, 0, 1, default, electrons));
            }
        }
    }

    [Fact]
    public void AduConversionMatchesTheScalarFormulaBitForBit()
    {
        var rng = new RandomStream(8, 0);
        for (var length = 0; length <= 41; length++)
        {
            var electrons = Values(rng, length, 3000).Select(v => v - 500.0).ToArray();
            var offsets = Values(rng, length, 200).Select(v => (double)v).ToArray();
            var gains = Values(rng, length, 3).Select(v => v + 0.1f).ToArray();
            var uniform = new float[length];
            var mapped = new float[length];
            AduConversion.Convert(electrons, 2.7, offsets, 1023, uniform);
            AduConversion.Convert(electrons, gains, offsets, 1023, mapped);
            for (var i = 0; i < length; i++)
            {
                Assert.Equal(Expected((electrons[i] / 2.7) + offsets[i]), uniform[i]);
                Assert.Equal(Expected((electrons[i] / gains[i]) + offsets[i]), mapped[i]);
            }
        }

        static float Expected(double value) => (float)Math.Clamp(Math.Floor(value + 0.5), 0, 1023);
    }

    private static float[] Values(RandomStream rng, int length, double scale) =>
        [.. Enumerable.Range(0, length).Select(_ => (float)(rng.NextDouble() * scale))];
}
