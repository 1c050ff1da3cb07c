using System.Buffers.Binary;
using FsCheck;
using FsCheck.Fluent;
using Perrin.Core.Imaging;
using Perrin.Core.IO;
using Perrin.Core.IO.Tiff;
using static Perrin.Core.Tests.IO.Tiff.TiffFixture;

namespace Perrin.Core.Tests.IO.Tiff;

/// <summary>
/// Valid files of every layout Perrin writes, damaged thousands of ways (byte flips, truncation, extreme values
/// in IFD fields, offsets aimed back at earlier IFDs): opening and reading every frame either works or throws
/// a <see cref="PerrinFormatException"/> that names the file and an offset. Nothing else may escape.
/// </summary>
public sealed class TiffMutationTests : IDisposable
{
    private const int Cases = 6000;

    private readonly TempFolder _folder = new(inMemory: true);
    private readonly List<MutationSample> _samples;

    public TiffMutationTests()
    {
        _samples = BuildSamples();
    }

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void UndamagedSamplesReadBack()
    {
        Assert.Equal(38, _samples.Count);
        foreach (var sample in _samples)
        {
            var path = _folder.File("intact.tif");
            File.WriteAllBytes(path, sample.Bytes);
            using var reader = TiffReader.Open(path);
            Assert.Equal(3, reader.FrameCount);
            var raw = new byte[reader.FrameBytes];
            for (var f = 0; f < 3; f++)
            {
                reader.ReadFrameRaw(f, raw);
            }
        }
    }

    [Fact]
    public void DamagedFilesFailOnlyWithPerrinFormatException()
    {
        var path = _folder.File("mutant.tif");
        var step = Gen.Choose(0, 5).SelectMany(kind => Gen.Choose(0, int.MaxValue).SelectMany(position =>
            Gen.Choose(0, int.MaxValue).Select(choice => new MutationStep(kind, position, choice))));
        var cases = Gen.Choose(0, _samples.Count - 1).SelectMany(sample =>
            Gen.Choose(1, 3).SelectMany(n => Gen.ArrayOf(step, n)).Select(steps => new MutationCase(sample, steps)));
        var property = Prop.ForAll(cases.ToArbitrary(), c => Check(path, Mutate(_samples[c.Sample], c.Steps)));
        FsCheck.Check.One(Config.QuickThrowOnFailure.WithMaxTest(Cases), property);
    }

    private static bool Check(string path, byte[] file)
    {
        File.WriteAllBytes(path, file);
        try
        {
            using var reader = TiffReader.Open(path);
            var raw = new byte[reader.FrameBytes];
            for (var f = 0; f < reader.FrameCount; f++)
            {
                reader.ReadFrameRaw(f, raw);
            }

            if (reader.FrameCount > 0)
            {
                reader.ReadFrame(0, new float[reader.Width * reader.Height]);
            }

            return true;
        }
        catch (PerrinFormatException e)
        {
            return e.FilePath == path && e.Offset is >= 0 && e.Message.StartsWith(path, StringComparison.Ordinal);
        }
    }

    private static byte[] Mutate(MutationSample sample, MutationStep[] steps)
    {
        var file = sample.Bytes.ToArray();
        foreach (var s in steps)
        {
            if (file.Length == 0)
            {
                break;
            }

            switch (s.Kind)
            {
                case 0:
                    file[s.Position % file.Length] ^= (byte)(1 + (s.Choice % 255));
                    break;
                case 1:
                    file = file[..(s.Position % file.Length)];
                    break;
                default:
                    var width = (s.Choice % 3) switch { 0 => 2, 1 => 4, _ => 8 };
                    var at = s.Kind >= 4 ? IfdField(sample, s.Position) : s.Position % file.Length;
                    Overwrite(file, at, width, Value(sample, file.Length, s.Choice / 3), sample.LittleEndian);
                    break;
            }
        }

        return file;
    }

    /// <summary>A position inside an IFD: its entry count, an entry's tag, type, count or value, or its next-IFD pointer.</summary>
    private static int IfdField(MutationSample sample, int choice)
    {
        var (offset, entries) = sample.Ifds[choice % sample.Ifds.Count];
        var countSize = sample.Big ? 8 : 2;
        var entrySize = sample.Big ? 20 : 12;
        var entry = (choice / 7) % (entries + 2);
        if (entry == entries)
        {
            return (int)offset;
        }

        if (entry == entries + 1)
        {
            return (int)offset + countSize + (entries * entrySize);
        }

        int[] fields = sample.Big ? [0, 2, 4, 12] : [0, 2, 4, 8];
        return (int)offset + countSize + (entry * entrySize) + fields[(choice / 3) % 4];
    }

    private static ulong Value(MutationSample sample, long length, int choice)
    {
        var k = (choice / 16 % 33) - 16;
        return (choice % 16) switch
        {
            0 => 0,
            1 => 1,
            2 => ulong.MaxValue,
            3 => 0x7FFF_FFFF_FFFF_FFFF,
            4 => 0x8000_0000,
            5 => uint.MaxValue,
            6 or 7 => (ulong)Math.Max(0, length + k),
            8 or 9 => (ulong)sample.Ifds[choice / 16 % sample.Ifds.Count].Offset,
            10 => (ulong)(sample.Big ? 16 : 8),
            11 => (ulong)(choice / 16 % 20),
            12 => (ulong)(uint)(choice / 16 % 20) * 0x1_0000_0001UL,
            13 => 0xFFFF,
            14 => (ulong)(1 + (choice / 16 % 18)) << (sample.LittleEndian ? 0 : 16),
            _ => (ulong)choice * 2654435761u,
        };
    }

    private static void Overwrite(byte[] file, int at, int width, ulong value, bool little)
    {
        Span<byte> bytes = stackalloc byte[8];
        if (little)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(bytes, value);
        }
        else
        {
            BinaryPrimitives.WriteUInt64BigEndian(bytes, value << (8 * (8 - width)));
        }

        for (var i = 0; i < width && at + i < file.Length; i++)
        {
            file[at + i] = bytes[i];
        }
    }

    private List<MutationSample> BuildSamples()
    {
        var samples = new List<MutationSample>();
        var random = new Random(11);
        var metadata = new StackMetadata { PixelSizeNm = 160, FrameIntervalS = 0.03 };
        var variants = new List<(PixelType, TiffWriteOptions)>();
        foreach (var little in new[] { true, false })
        {
            foreach (var layout in Enum.GetValues<TiffLayout>())
            {
                foreach (var (compression, predictor) in new[] { (TiffCompression.None, 1), (TiffCompression.PackBits, 1), (TiffCompression.Lzw, 2), (TiffCompression.Deflate, 1) })
                {
                    foreach (var big in new[] { false, true })
                    {
                        variants.Add((PixelType.UInt16, new TiffWriteOptions
                        {
                            LittleEndian = little, Layout = layout, Compression = compression, Predictor = predictor,
                            BigTiff = big, TileSize = 16, RowsPerStrip = 4, Metadata = metadata,
                        }));
                    }
                }
            }
        }

        variants.Add((PixelType.UInt8, new TiffWriteOptions { Compression = TiffCompression.Lzw, RowsPerStrip = 13 }));
        variants.Add((PixelType.Float32, new TiffWriteOptions { LittleEndian = false, Compression = TiffCompression.Deflate, Predictor = 3, Layout = TiffLayout.Tiles, TileSize = 16 }));
        variants.Add((PixelType.Float64, new TiffWriteOptions { Compression = TiffCompression.Lzw, Predictor = 3, BigTiff = true, Metadata = metadata }));
        variants.Add((PixelType.Int32, new TiffWriteOptions { LittleEndian = false, WriteImageJ = false }));
        variants.Add((PixelType.Int8, new TiffWriteOptions { Compression = TiffCompression.PackBits, Layout = TiffLayout.Tiles, TileSize = 16, BigTiff = true }));
        foreach (var (type, options) in variants)
        {
            var path = _folder.File("sample.tif");
            using (var writer = TiffWriter.Create(path, 20, 13, type, options))
            {
                for (var f = 0; f < 3; f++)
                {
                    writer.WriteFrameRaw(TiffTestData.Frame(type, 20, 13, random));
                }

                writer.Complete();
            }

            samples.Add(MutationSample.Of(File.ReadAllBytes(path)));
        }

        samples.Add(MutationSample.Of(ContiguousImageJ()));
        return samples;
    }

    private static byte[] ContiguousImageJ()
    {
        var fixture = new TiffFixture(littleEndian: true);
        const string Text = "ImageJ=1.54f\nimages=3\nframes=3\nunit=micron\nloop=false\n";
        var description = fixture.AppendAscii(Text);
        var ifd = fixture.AppendIfd(
            (256, Short, 1, 20), (257, Short, 1, 13), (258, Short, 1, 16), (270, AsciiString, (uint)Text.Length + 1, (uint)description),
            (273, Long, 1, 0), (278, Short, 1, 13), (279, Long, 1, 520));
        var data = fixture.Append(new byte[3 * 520]);
        fixture.PutU32(ifd + 2 + (12 * 4) + 8, (uint)data);
        fixture.SetFirstIfd(ifd);
        return fixture.ToArray();
    }
}
