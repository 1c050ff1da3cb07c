using System.Buffers.Binary;
using Perrin.Core.IO.Compression;

namespace Perrin.Core.Tests.IO.Compression;

public class TiffPredictorTests
{
    public static TheoryData<int, int, bool> HorizontalCases()
    {
        var cases = new TheoryData<int, int, bool>();
        foreach (var bytes in new[] { 1, 2, 4, 8 })
        {
            foreach (var samples in new[] { 1, 3 })
            {
                cases.Add(bytes, samples, true);
                cases.Add(bytes, samples, false);
            }
        }

        return cases;
    }

    public static TheoryData<int, int, bool> FloatingPointCases()
    {
        var cases = new TheoryData<int, int, bool>();
        foreach (var bytes in new[] { 2, 4, 8 })
        {
            foreach (var samples in new[] { 1, 2 })
            {
                cases.Add(bytes, samples, true);
                cases.Add(bytes, samples, false);
            }
        }

        return cases;
    }

    [Fact]
    public void DifferencesEightBitSamples()
    {
        byte[] row = [1, 2, 3, 5];
        TiffPredictor.Apply(TiffPredictor.Horizontal, row, 4, 1, 1, 1, littleEndian: true);
        Assert.Equal([1, 1, 1, 2], row);
        TiffPredictor.Undo(TiffPredictor.Horizontal, row, 4, 1, 1, 1, littleEndian: true);
        Assert.Equal([1, 2, 3, 5], row);
    }

    [Fact]
    public void DifferencesEachSampleOfAPixelWithTheSameSampleOfTheLeftPixel()
    {
        byte[] rgb = [10, 20, 30, 11, 22, 33, 9, 20, 40];
        TiffPredictor.Apply(TiffPredictor.Horizontal, rgb, 3, 1, 3, 1, littleEndian: false);
        Assert.Equal([10, 20, 30, 1, 2, 3, 254, 254, 7], rgb);
    }

    [Fact]
    public void StartsEveryRowAfresh()
    {
        byte[] rows = [5, 6, 7, 100, 101, 99];
        TiffPredictor.Apply(TiffPredictor.Horizontal, rows, 3, 2, 1, 1, littleEndian: true);
        Assert.Equal([5, 1, 1, 100, 1, 254], rows);
    }

    [Theory]
    [InlineData(true, "0100" + "FFFF" + "0100")]
    [InlineData(false, "0001" + "FFFF" + "0001")]
    public void DifferencesSixteenBitSamplesInFileByteOrderWithWrapAround(bool littleEndian, string expected)
    {
        // Samples 1, 0, 1: the second difference is 0 - 1, which wraps to 0xFFFF.
        var row = new byte[6];
        for (var i = 0; i < 3; i++)
        {
            var value = (ushort)(i == 1 ? 0 : 1);
            if (littleEndian)
            {
                BinaryPrimitives.WriteUInt16LittleEndian(row.AsSpan(2 * i), value);
            }
            else
            {
                BinaryPrimitives.WriteUInt16BigEndian(row.AsSpan(2 * i), value);
            }
        }

        TiffPredictor.Apply(TiffPredictor.Horizontal, row, 3, 1, 1, 2, littleEndian);
        Assert.Equal(Convert.FromHexString(expected), row);
    }

    [Theory]
    [InlineData(true, "0000803F00000040")]
    [InlineData(false, "3F80000040000000")]
    public void ArrangesFloatsInBytePlanesAsTechnicalNote3Describes(bool littleEndian, string samples)
    {
        // 1.0f = 3F800000 and 2.0f = 40000000. Planes, most significant first: 3F 40 | 80 00 | 00 00 | 00 00.
        // Byte differences: 3F, 40-3F = 01, 80-40 = 40, 00-80 = 80, then zeros. Either file order gives this.
        var row = Convert.FromHexString(samples);
        TiffPredictor.Apply(TiffPredictor.FloatingPoint, row, 2, 1, 1, 4, littleEndian);
        Assert.Equal(Convert.FromHexString("3F01408000000000"), row);
        TiffPredictor.Undo(TiffPredictor.FloatingPoint, row, 2, 1, 1, 4, littleEndian);
        Assert.Equal(Convert.FromHexString(samples), row);
    }

    [Theory]
    [MemberData(nameof(HorizontalCases))]
    public void HorizontalRoundTripsBitExactly(int bytesPerSample, int samplesPerPixel, bool littleEndian)
    {
        AssertRoundTrip(TiffPredictor.Horizontal, bytesPerSample, samplesPerPixel, littleEndian);
    }

    [Theory]
    [MemberData(nameof(FloatingPointCases))]
    public void FloatingPointRoundTripsBitExactly(int bytesPerSample, int samplesPerPixel, bool littleEndian)
    {
        AssertRoundTrip(TiffPredictor.FloatingPoint, bytesPerSample, samplesPerPixel, littleEndian);
    }

    [Fact]
    public void HorizontalUndoIsTheSameSumInEitherByteOrder()
    {
        var random = new Random(3);
        var values = Enumerable.Range(0, 40).Select(_ => (uint)random.Next()).ToArray();
        var little = new byte[160];
        var big = new byte[160];
        for (var i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(little.AsSpan(4 * i), values[i]);
            BinaryPrimitives.WriteUInt32BigEndian(big.AsSpan(4 * i), values[i]);
        }

        TiffPredictor.Undo(TiffPredictor.Horizontal, little, 20, 2, 1, 4, littleEndian: true);
        TiffPredictor.Undo(TiffPredictor.Horizontal, big, 20, 2, 1, 4, littleEndian: false);
        for (var i = 0; i < values.Length; i++)
        {
            var expected = i % 20 == 0 ? values[i] : unchecked(values[i] + BinaryPrimitives.ReadUInt32LittleEndian(little.AsSpan(4 * (i - 1))));
            Assert.Equal(expected, BinaryPrimitives.ReadUInt32LittleEndian(little.AsSpan(4 * i)));
            Assert.Equal(expected, BinaryPrimitives.ReadUInt32BigEndian(big.AsSpan(4 * i)));
        }
    }

    [Fact]
    public void LeavesBytesAfterTheRowsUntouchedAndPredictorOneAlone()
    {
        byte[] data = [1, 2, 3, 5, 9, 9];
        TiffPredictor.Apply(TiffPredictor.Horizontal, data, 2, 2, 1, 1, littleEndian: true);
        Assert.Equal([1, 1, 3, 2, 9, 9], data);
        TiffPredictor.Apply(TiffPredictor.None, data, 2, 2, 1, 1, littleEndian: true);
        Assert.Equal([1, 1, 3, 2, 9, 9], data);
    }

    [Theory]
    [InlineData(2, 3)]
    [InlineData(3, 1)]
    [InlineData(4, 2)]
    public void RejectsUnsupportedCombinations(int predictor, int bytesPerSample)
    {
        Assert.False(TiffPredictor.IsSupported(predictor, bytesPerSample));
        Assert.Throws<ArgumentOutOfRangeException>(() => TiffPredictor.Undo(predictor, new byte[64], 2, 1, 1, bytesPerSample, true));
    }

    [Fact]
    public void RejectsRowsThatDoNotFit()
    {
        Assert.Throws<ArgumentException>(() => TiffPredictor.Undo(TiffPredictor.Horizontal, new byte[15], 4, 2, 1, 2, true));
    }

    private static void AssertRoundTrip(int predictor, int bytesPerSample, int samplesPerPixel, bool littleEndian)
    {
        const int width = 37;
        const int rows = 5;
        var random = new Random((bytesPerSample * 10) + samplesPerPixel);
        var original = new byte[width * rows * samplesPerPixel * bytesPerSample];
        random.NextBytes(original);
        var data = (byte[])original.Clone();

        TiffPredictor.Apply(predictor, data, width, rows, samplesPerPixel, bytesPerSample, littleEndian);
        Assert.NotEqual(original, data);
        TiffPredictor.Undo(predictor, data, width, rows, samplesPerPixel, bytesPerSample, littleEndian);
        Assert.Equal(original, data);
    }
}
