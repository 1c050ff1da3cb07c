using System.Buffers.Binary;
using Perrin.Core.IO;
using Perrin.Core.IO.Png;

namespace Perrin.Core.Tests.IO.Png;

public class PngBadInputTests
{
    private const string Name = "bad.png";

    private static readonly byte[] Ihdr = PngTestFiles.Ihdr(2, 2, 8, 0);

    private static readonly byte[] Data = PngTestFiles.Idat([0, 1, 2, 0, 3, 4]);

    private static readonly byte[] Valid = PngTestFiles.File(Ihdr, Data, PngTestFiles.Iend());

    private static readonly int DataOffset = 8 + Ihdr.Length;

    [Fact]
    public void TheBaseFileIsValid() => Assert.Equal([1, 2, 3, 4], PngReader.Read(new MemoryStream(Valid)).Samples);

    [Fact]
    public void WrongSignature()
    {
        var file = (byte[])Valid.Clone();
        file[1] = (byte)'J';
        Expect(file, 0, "signature");
    }

    [Fact]
    public void EmptyAndShortFiles()
    {
        Expect([], 0, "8-byte PNG signature");
        Expect(Valid[..5], 0, "8-byte PNG signature");
    }

    [Fact]
    public void BadCrcInHeader()
    {
        var file = (byte[])Valid.Clone();
        file[8 + 8 + 3] ^= 0x40;
        Expect(file, 8, "CRC");
    }

    [Fact]
    public void BadCrcInImageData()
    {
        var file = (byte[])Valid.Clone();
        file[DataOffset + Data.Length - 1] ^= 1;
        Expect(file, DataOffset, "IDAT chunk's CRC");
    }

    [Fact]
    public void TruncatedInsideTheImageData() => Expect(Valid[..(DataOffset + 10)], DataOffset, "ends inside the IDAT chunk");

    [Fact]
    public void TruncatedInsideAChunkHeader() => Expect(Valid[..(DataOffset + 3)], DataOffset, "ends inside a chunk header");

    [Fact]
    public void MissingIend() => Expect(Valid[..(DataOffset + Data.Length)], DataOffset + Data.Length, "IEND chunk is missing");

    [Fact]
    public void FirstChunkIsNotIhdr() => Expect(PngTestFiles.File(Data, Ihdr, PngTestFiles.Iend()), 8, "expected IHDR");

    [Fact]
    public void SecondIhdr() => Expect(PngTestFiles.File(Ihdr, Ihdr, Data, PngTestFiles.Iend()), DataOffset, "second IHDR");

    [Fact]
    public void IendBeforeImageData() => Expect(PngTestFiles.File(Ihdr, PngTestFiles.Iend(), Data), DataOffset, "before any IDAT");

    [Fact]
    public void ImageDataNotConsecutive()
    {
        var zlib = PngTestFiles.Zlib([0, 1, 2, 0, 3, 4]);
        var first = PngTestFiles.Chunk("IDAT", zlib.AsSpan(0, 4));
        var text = PngTestFiles.Chunk("tEXt", [.. "a"u8, 0]);
        var file = PngTestFiles.File(Ihdr, first, text, PngTestFiles.Chunk("IDAT", zlib.AsSpan(4)), PngTestFiles.Iend());
        Expect(file, DataOffset + first.Length + text.Length, "consecutive");
    }

    [Fact]
    public void PaletteImageWithoutPalette() => Expect(PngTestFiles.File(PngTestFiles.Ihdr(2, 2, 8, 3), Data, PngTestFiles.Iend()), DataOffset, "before any PLTE");

    [Fact]
    public void PaletteAfterImageData()
    {
        var plte = PngTestFiles.Chunk("PLTE", [0, 0, 0]);
        var file = PngTestFiles.File(PngTestFiles.Ihdr(2, 2, 8, 2), Data, plte, PngTestFiles.Iend());
        Expect(file, DataOffset + Data.Length, "PLTE chunk out of place");
    }

    [Fact]
    public void PaletteInGrayImage() =>
        Expect(PngTestFiles.File(Ihdr, PngTestFiles.Chunk("PLTE", [0, 0, 0]), Data, PngTestFiles.Iend()), DataOffset, "expected none for grayscale");

    [Fact]
    public void PaletteLengthNotTriples() =>
        Expect(PngTestFiles.File(PngTestFiles.Ihdr(2, 2, 8, 3), PngTestFiles.Chunk("PLTE", [0, 0]), Data, PngTestFiles.Iend()), DataOffset, "RGB triples");

    [Fact]
    public void TransparencyLongerThanPalette()
    {
        var plte = PngTestFiles.Chunk("PLTE", [0, 0, 0]);
        var file = PngTestFiles.File(PngTestFiles.Ihdr(2, 2, 8, 3), plte, PngTestFiles.Chunk("tRNS", [1, 2]), Data, PngTestFiles.Iend());
        Expect(file, DataOffset + plte.Length, "one per palette entry");
    }

    [Fact]
    public void PaletteIndexBeyondThePalette()
    {
        var plte = PngTestFiles.Chunk("PLTE", [0, 0, 0, 9, 9, 9]);
        var file = PngTestFiles.File(PngTestFiles.Ihdr(2, 2, 8, 3), plte, Data, PngTestFiles.Iend());
        Expect(file, DataOffset + plte.Length, "palette index 2");
    }

    [Fact]
    public void UnknownCriticalChunk() =>
        Expect(PngTestFiles.File(Ihdr, PngTestFiles.Chunk("ZZZZ", [1]), Data, PngTestFiles.Iend()), DataOffset, "unknown critical chunk ZZZZ");

    [Fact]
    public void ChunkTypeThatIsNotLetters() =>
        Expect(PngTestFiles.File(Ihdr, PngTestFiles.Chunk("a1b2", [1]), Data, PngTestFiles.Iend()), DataOffset, "not four ASCII letters");

    [Fact]
    public void IendWithData() => Expect(PngTestFiles.File(Ihdr, Data, PngTestFiles.Chunk("IEND", [0])), DataOffset + Data.Length, "expected 0");

    [Theory]
    [InlineData(0x80000000u)]
    [InlineData(0xFFFFFFFFu)]
    public void ChunkLengthBeyondTheLimit(uint length)
    {
        var file = (byte[])Valid.Clone();
        BinaryPrimitives.WriteUInt32BigEndian(file.AsSpan(DataOffset), length);
        Expect(file, DataOffset, "chunk lengths are at most");
    }

    [Fact]
    public void ChunkLengthLargerThanTheFile()
    {
        var file = (byte[])Valid.Clone();
        BinaryPrimitives.WriteUInt32BigEndian(file.AsSpan(DataOffset), int.MaxValue);
        Expect(file, DataOffset, "ends inside the IDAT chunk");
    }

    [Fact]
    public void WrongIhdrLength() => Expect(PngTestFiles.File(PngTestFiles.Chunk("IHDR", new byte[12]), Data, PngTestFiles.Iend()), 8, "expected 13");

    [Theory]
    [InlineData(0u, 2u, 8, 0, 0, 0, 0, "width and height")]
    [InlineData(2u, 0x80000000u, 8, 0, 0, 0, 0, "width and height")]
    [InlineData(2u, 2u, 8, 5, 0, 0, 0, "colour type 5")]
    [InlineData(2u, 2u, 4, 2, 0, 0, 0, "bit depth 4 with colour type 2")]
    [InlineData(2u, 2u, 16, 3, 0, 0, 0, "bit depth 16 with colour type 3")]
    [InlineData(2u, 2u, 3, 0, 0, 0, 0, "bit depth 3")]
    [InlineData(2u, 2u, 8, 0, 0, 1, 0, "compression method 1")]
    [InlineData(2u, 2u, 8, 0, 0, 0, 1, "filter method 1")]
    [InlineData(2u, 2u, 8, 0, 2, 0, 0, "interlace method 2")]
    [InlineData(100_000u, 100_000u, 8, 0, 0, 0, 0, "exceeds the limit")]
    [InlineData(40_000u, 40_000u, 16, 6, 0, 0, 0, "exceeds the limit")]
    [InlineData(0x7FFFFFFFu, 0x7FFFFFFFu, 1, 0, 0, 0, 0, "exceeds the limit")]
    public void InvalidHeaderFields(uint width, uint height, int bitDepth, int colorType, int interlace, int compression, int filter, string expected) =>
        Expect(PngTestFiles.File(PngTestFiles.Ihdr(width, height, bitDepth, colorType, interlace, compression, filter), Data, PngTestFiles.Iend()), 8, expected);

    [Fact]
    public void HugeClaimedImageWithLittleDataFailsWithoutAllocatingForIt()
    {
        // 30000 × 30000 gray is under the size limit, so only the missing data gives the lie away.
        var file = PngTestFiles.File(PngTestFiles.Ihdr(30_000, 30_000, 8, 0), Data, PngTestFiles.Iend());
        var before = GC.GetAllocatedBytesForCurrentThread();
        Expect(file, DataOffset, "too little IDAT data");
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 16 << 20);
    }

    [Fact]
    public void InvalidFilterType() =>
        Expect(PngTestFiles.File(Ihdr, PngTestFiles.Idat([0, 1, 2, 5, 3, 4]), PngTestFiles.Iend()), DataOffset, "row 1 has filter type 5");

    [Fact]
    public void InvalidFilterTypeInAnInterlacedPass() =>
        Expect(PngTestFiles.File(PngTestFiles.Ihdr(2, 2, 8, 0, 1), PngTestFiles.Idat([0, 1, 0, 2, 9, 3, 4]), PngTestFiles.Iend()), DataOffset, "row 0 of Adam7 pass 7 has filter type 9");

    [Fact]
    public void TooLittleImageData() =>
        Expect(PngTestFiles.File(Ihdr, PngTestFiles.Idat([0, 1, 2, 0, 3]), PngTestFiles.Iend()), DataOffset, "too little IDAT data");

    [Fact]
    public void TooMuchImageData() =>
        Expect(PngTestFiles.File(Ihdr, PngTestFiles.Idat([0, 1, 2, 0, 3, 4, 0]), PngTestFiles.Iend()), DataOffset, "too much IDAT data");

    [Fact]
    public void ImageDataThatIsNotZlib() =>
        Expect(PngTestFiles.File(Ihdr, PngTestFiles.Chunk("IDAT", [0x78, 0x9C, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF]), PngTestFiles.Iend()), DataOffset, "zlib");

    [Fact]
    public void ZlibStreamAskingForAPresetDictionary() =>
        Expect(PngTestFiles.File(Ihdr, PngTestFiles.Chunk("IDAT", [0x78, 0x20, 0, 0, 0, 1, 0x63, 0, 0]), PngTestFiles.Iend()), DataOffset, "zlib");

    [Fact]
    public void ZlibChecksumMismatch()
    {
        var zlib = PngTestFiles.Zlib([0, 1, 2, 0, 3, 4]);
        zlib[^1] ^= 0xFF;
        Expect(PngTestFiles.File(Ihdr, PngTestFiles.Chunk("IDAT", zlib), PngTestFiles.Iend()), DataOffset, "zlib");
    }

    [Fact]
    public void MessagesNameTheFile()
    {
        var path = Path.Combine(Path.GetTempPath(), $"perrin-png-{Guid.NewGuid():N}.png");
        File.WriteAllBytes(path, Valid[..20]);
        try
        {
            var e = Assert.Throws<PerrinFormatException>(() => PngReader.Read(path));
            Assert.Equal(path, e.FilePath);
            Assert.StartsWith($"{path}, byte 8: ", e.Message, StringComparison.Ordinal);
            Assert.Throws<PerrinFormatException>(() => PngReader.ReadHeader(path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static void Expect(byte[] file, long offset, string expected)
    {
        var e = Assert.Throws<PerrinFormatException>(() => PngReader.Read(new MemoryStream(file), Name));
        Assert.Equal(Name, e.FilePath);
        Assert.Equal(offset, e.Offset);
        Assert.Contains(expected, e.Problem, StringComparison.Ordinal);
    }
}
