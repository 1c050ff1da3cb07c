using System.Buffers.Binary;
using FsCheck;
using FsCheck.Fluent;
using Perrin.Core.Imaging;
using Perrin.Core.IO;
using Perrin.Core.IO.Png;

namespace Perrin.Core.Tests.IO.Png;

/// <summary>
/// Mutates small valid PNGs thousands of times. Whatever the damage, the reader returns a consistent image or
/// throws <see cref="PerrinFormatException"/>; nothing else escapes and nothing hangs. Mutations that repair the
/// chunk CRC afterwards get past the integrity check into the header, zlib, filter and palette code.
/// </summary>
public class PngMutationTests
{
    private static readonly byte[][] Bases = BuildBases();

    private static readonly uint[] ExtremeLengths = [0, 1, 12, 13, 0x7FFFFFFF, 0x80000000, 0xFFFFFFFF, 65536];

    [Fact]
    public void RandomCorruptionGivesAnImageOrAFormatError()
    {
        var outcomes = new List<string>();
        Prop.ForAll(Mutations(0, 1, 2, 6, 7), m => Survives(Apply(m), outcomes)).Check(Config.QuickThrowOnFailure.WithMaxTest(3000));
        Assert.Equal(3000, outcomes.Count);
        Assert.Contains(outcomes, o => o.Contains("CRC", StringComparison.Ordinal));
        Assert.Contains(outcomes, o => o.Contains("ends inside", StringComparison.Ordinal));
    }

    [Fact]
    public void CorruptionBehindValidCrcsReachesTheDecoder()
    {
        var outcomes = new List<string>();
        Prop.ForAll(Mutations(3, 4, 5), m => Survives(Apply(m), outcomes)).Check(Config.QuickThrowOnFailure.WithMaxTest(3000));
        Assert.Equal(3000, outcomes.Count);
        Assert.DoesNotContain(outcomes, o => o.Contains("CRC", StringComparison.Ordinal));
        Assert.Contains("decoded", outcomes);
        Assert.Contains(outcomes, o => o.Contains("filter type", StringComparison.Ordinal));
        Assert.Contains(outcomes, o => o.Contains("zlib", StringComparison.Ordinal));
        Assert.Contains(outcomes, o => o.Contains("too little IDAT data", StringComparison.Ordinal));
        Assert.Contains(outcomes, o => o.Contains("too much IDAT data", StringComparison.Ordinal));
        Assert.Contains(outcomes, o => o.Contains("colour type", StringComparison.Ordinal) || o.Contains("bit depth", StringComparison.Ordinal));
    }

    private static bool Survives(byte[] file, List<string> outcomes)
    {
        try
        {
            var image = PngReader.Read(new MemoryStream(file), "mutant.png");
            outcomes.Add("decoded");
            return image.Samples.Length == (long)image.Width * image.Height * image.Channels;
        }
        catch (PerrinFormatException e)
        {
            outcomes.Add(e.Problem);
            return e.FilePath == "mutant.png" && e.Offset is >= 0 && e.Offset <= file.Length;
        }
    }

    private static Arbitrary<PngMutation> Mutations(params int[] kinds) =>
        (from file in Gen.Choose(0, Bases.Length - 1)
         from kind in Gen.Elements(kinds)
         from a in Gen.Choose(0, int.MaxValue)
         from b in Gen.Choose(0, int.MaxValue)
         from c in Gen.Choose(0, int.MaxValue)
         select new PngMutation(file, kind, a, b, c)).ToArbitrary();

    private static byte[] Apply(PngMutation m)
    {
        var file = (byte[])Bases[m.File].Clone();
        var chunks = PngTestFiles.Chunks(file);
        var chunk = chunks[m.A % chunks.Count];
        switch (m.Kind)
        {
            case 0:
                file[m.A % file.Length] ^= (byte)((m.B % 255) + 1);
                return file;
            case 1:
                return file[..(m.A % file.Length)];
            case 2:
                BinaryPrimitives.WriteUInt32BigEndian(file.AsSpan(chunk.Offset), ExtremeLengths[m.B % ExtremeLengths.Length] + (uint)(m.C % 3) - 1);
                return file;
            case 3:
                if (chunk.Length > 0)
                {
                    file[chunk.Offset + 8 + (m.B % chunk.Length)] ^= (byte)((m.C % 255) + 1);
                    PngTestFiles.FixCrc(file, chunk.Offset);
                }

                return file;
            case 4:
                SetHeaderField(file, m.B % 13, m.C);
                PngTestFiles.FixCrc(file, 8);
                return file;
            case 5:
                return MutateImageData(file, chunks, m);
            case 6:
                return Reorder(file, chunks, m);
            default:
                var at = m.A % (file.Length + 1);
                var inserted = Enumerable.Range(0, (m.B % 8) + 1).Select(i => (byte)(m.C >> i)).ToArray();
                return [.. file[..at], .. inserted, .. file[at..]];
        }
    }

    /// <summary>Width and height bytes get small or extreme values, the one-byte fields any byte.</summary>
    private static void SetHeaderField(byte[] file, int field, int value)
    {
        if (field < 8)
        {
            uint[] sizes = [0, 1, 2, 3, 7, 9, 255, 65535, 0x7FFFFFFF, 0x80000000, 0xFFFFFFFF, 46341, 100_000];
            BinaryPrimitives.WriteUInt32BigEndian(file.AsSpan(16 + (field < 4 ? 0 : 4)), sizes[value % sizes.Length]);
        }
        else
        {
            file[16 + field] = (byte)(value % 3 == 0 ? value % 7 : value % 17);
        }
    }

    /// <summary>Changes the inflated scanlines (a byte, or their length) and deflates them again into one IDAT.</summary>
    private static byte[] MutateImageData(byte[] file, List<(int Offset, int Length, string Type)> chunks, PngMutation m)
    {
        var data = chunks.Where(c => c.Type == "IDAT").SelectMany(c => file.Skip(c.Offset + 8).Take(c.Length)).ToArray();
        var scanlines = PngTestFiles.Inflate(data);
        scanlines = (m.B % 3) switch
        {
            0 => [.. scanlines[..(m.A % scanlines.Length)], (byte)(scanlines[m.A % scanlines.Length] ^ ((m.C % 255) + 1)), .. scanlines[((m.A % scanlines.Length) + 1)..]],
            1 => scanlines[..(m.A % scanlines.Length)],
            _ => [.. scanlines, .. new byte[(m.C % 5) + 1]],
        };
        var first = chunks.First(c => c.Type == "IDAT");
        var last = chunks.Last(c => c.Type == "IDAT");
        return [.. file[..first.Offset], .. PngTestFiles.Idat(scanlines), .. file[(last.Offset + 12 + last.Length)..]];
    }

    /// <summary>Swaps, duplicates or drops whole chunks, CRCs intact, to break the chunk order.</summary>
    private static byte[] Reorder(byte[] file, List<(int Offset, int Length, string Type)> chunks, PngMutation m)
    {
        var pieces = chunks.Select(c => file[c.Offset..(c.Offset + 12 + c.Length)]).ToList();
        int i = m.A % pieces.Count, j = m.C % pieces.Count;
        switch (m.B % 3)
        {
            case 0:
                (pieces[i], pieces[j]) = (pieces[j], pieces[i]);
                break;
            case 1:
                pieces.Insert(j, pieces[i]);
                break;
            default:
                pieces.RemoveAt(i);
                break;
        }

        return PngTestFiles.File([.. pieces]);
    }

    private static byte[][] BuildBases()
    {
        static ulong Pattern(int x, int y) => (ulong)((x * 31) + (y * 17));
        var plte = PngTestFiles.Chunk("PLTE", [0, 0, 0, 80, 80, 80, 160, 160, 160, 255, 255, 255]);
        var trns = PngTestFiles.Chunk("tRNS", [0, 128]);
        var writer = new MemoryStream();
        var rgb16 = new PngImage(5, 3, PngColor.Rgb, 16, [.. Enumerable.Range(0, 45).Select(i => (ushort)(i * 1400))])
        {
            Metadata = new StackMetadata { PixelSizeNm = 65, Description = "mutant" },
        };
        PngWriter.Write(writer, rgb16);
        var grayAlpha = new MemoryStream();
        PngWriter.Write(grayAlpha, new PngImage(4, 4, PngColor.GrayAlpha, 8, [.. Enumerable.Range(0, 32).Select(i => (ushort)(i * 8))]));
        return
        [
            PngTestFiles.File(PngTestFiles.Ihdr(7, 5, 8, 0, 1), PngTestFiles.Idat(PngTestFiles.Scanlines(7, 5, 8, (x, y) => Pattern(x, y) & 0xFF, true)), PngTestFiles.Iend()),
            writer.ToArray(),
            PngTestFiles.File(PngTestFiles.Ihdr(6, 4, 2, 3, 1), plte, trns, PngTestFiles.Idat(PngTestFiles.Scanlines(6, 4, 2, (x, y) => Pattern(x, y) & 3, true)), PngTestFiles.Iend()),
            PngTestFiles.File(PngTestFiles.Ihdr(9, 3, 1, 0), PngTestFiles.Idat(PngTestFiles.Scanlines(9, 3, 1, (x, y) => Pattern(x, y) & 1, false)), PngTestFiles.Iend()),
            grayAlpha.ToArray(),
            PngTestFiles.File(PngTestFiles.Ihdr(3, 3, 8, 6, 1), PngTestFiles.Idat(PngTestFiles.Scanlines(3, 3, 32, (x, y) => Pattern(x, y) * 0x01030507UL, true)), PngTestFiles.Iend()),
        ];
    }

}
