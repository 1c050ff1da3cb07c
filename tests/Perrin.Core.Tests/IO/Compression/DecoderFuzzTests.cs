using System.Buffers;
using FsCheck;
using FsCheck.Fluent;
using Perrin.Core.IO.Compression;

namespace Perrin.Core.Tests.IO.Compression;

/// <summary>
/// Decoders fed random and damaged streams either decode or throw InvalidDataException: no other exception,
/// no write outside the destination, and (since each case must finish) no endless loop.
/// </summary>
public class DecoderFuzzTests
{
    private const int Cases = 2500;

    public static TheoryData<string> Codecs => ["PackBits", "LZW", "Deflate"];

    [Theory]
    [MemberData(nameof(Codecs))]
    public void RandomBytesDecodeOrFailCleanly(string codec)
    {
        var decoder = DecoderFor(codec);
        var gen = Gen.Zip(Bytes(Gen.Choose(0, 255), 300), Gen.Choose(0, 2000));
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(Cases), Prop.ForAll(gen.ToArbitrary(), c => DecodeAllowingInvalidData(decoder, c.Item1, c.Item2)));
    }

    [Theory]
    [MemberData(nameof(Codecs))]
    public void DamagedStreamsDecodeOrFailCleanly(string codec)
    {
        var decoder = DecoderFor(codec);
        var encode = EncoderFor(codec);

        // Few distinct values make long runs and long LZW strings, so damage hits interesting codes.
        var input = Bytes(Gen.Choose(0, 3), 800);
        var damage = Gen.ArrayOf(Gen.Zip(Gen.Choose(0, 10_000), Gen.Choose(0, 255)), 6);
        var gen = Gen.Zip(Gen.Zip(input, damage), Gen.Zip(Gen.Choose(0, 10_000), Gen.Choose(-5, 5)))
            .Select(c => (Data: c.Item1.Item1, Changes: c.Item1.Item2, Cut: c.Item2.Item1, SizeChange: c.Item2.Item2));
        Check.One(
            Config.QuickThrowOnFailure.WithMaxTest(Cases),
            Prop.ForAll(gen.ToArbitrary(), c =>
            {
                var stream = encode(c.Data);
                if (stream.Length == 0)
                {
                    return;
                }

                foreach (var change in c.Changes)
                {
                    stream[change.Item1 % stream.Length] = (byte)change.Item2;
                }

                // One case in four is also cut short.
                var kept = c.Cut % 4 != 0 ? stream.Length : c.Cut % stream.Length;
                DecodeAllowingInvalidData(decoder, stream[..kept], Math.Max(0, c.Data.Length + c.SizeChange));
            }));
    }

    private static Gen<byte[]> Bytes(Gen<int> value, int maxLength) =>
        Gen.Choose(0, maxLength).SelectMany(n => Gen.ArrayOf(value.Select(v => (byte)v), n));

    private static void DecodeAllowingInvalidData(SpanDecoder decoder, byte[] source, int size)
    {
        try
        {
            CodecSamples.DecodeGuarded(decoder, source, size);
        }
        catch (InvalidDataException)
        {
        }
    }

    private static SpanDecoder DecoderFor(string codec) => codec switch
    {
        "PackBits" => PackBits.Decode,
        "LZW" => TiffLzw.Decode,
        _ => Deflate.Decode,
    };

    private static Func<byte[], byte[]> EncoderFor(string codec) => input =>
    {
        var writer = new ArrayBufferWriter<byte>();
        switch (codec)
        {
            case "PackBits":
                PackBits.Encode(input, writer);
                break;
            case "LZW":
                TiffLzw.Encode(input, writer);
                break;
            default:
                Deflate.Encode(input, writer);
                break;
        }

        return writer.WrittenSpan.ToArray();
    };
}
