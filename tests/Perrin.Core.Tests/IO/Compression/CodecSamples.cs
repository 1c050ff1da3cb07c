namespace Perrin.Core.Tests.IO.Compression;

/// <summary>Named inputs every codec must round-trip bit-exactly, and a decode that watches for stray writes.</summary>
public static class CodecSamples
{
    private const int GuardBytes = 64;
    private const byte GuardValue = 0xCD;

    public static TheoryData<string> Names => new()
    {
        "empty", "one byte", "two equal bytes", "zeros", "ramp", "random", "runs and literals", "noisy 16-bit image", "long single run",
    };

    public static byte[] Get(string name)
    {
        var random = new Random(name.Length * 7919);
        switch (name)
        {
            case "empty":
                return [];
            case "one byte":
                return [0x5A];
            case "two equal bytes":
                return [0x80, 0x80];
            case "zeros":
                return new byte[10_000];
            case "ramp":
                return [.. Enumerable.Range(0, 5_000).Select(i => (byte)i)];
            case "random":
                var bytes = new byte[20_000];
                random.NextBytes(bytes);
                return bytes;
            case "runs and literals":
                var mixed = new List<byte>();
                for (var block = 0; block < 300; block++)
                {
                    var run = random.Next(1, 300);
                    var value = (byte)random.Next(256);
                    mixed.AddRange(Enumerable.Repeat(value, run));
                    mixed.AddRange(Enumerable.Range(0, random.Next(0, 200)).Select(_ => (byte)random.Next(256)));
                }

                return [.. mixed];
            case "noisy 16-bit image":
                var image = new byte[2 * 128 * 96];
                for (var i = 0; i < image.Length / 2; i++)
                {
                    var value = 100 + (int)(30 * Math.Sin(i % 128 * 0.05)) + random.Next(16);
                    image[2 * i] = (byte)value;
                    image[(2 * i) + 1] = (byte)(value >> 8);
                }

                return image;
            case "long single run":
                return Enumerable.Repeat((byte)0xFF, 70_000).ToArray();
            default:
                throw new ArgumentException($"no sample named {name}", nameof(name));
        }
    }

    /// <summary>
    /// Decodes into a buffer of <paramref name="size"/> bytes that sits between guard bytes, fails if any guard
    /// byte changed, and returns what was produced.
    /// </summary>
    public static byte[] DecodeGuarded(SpanDecoder decoder, byte[] source, int size)
    {
        var buffer = new byte[size + (2 * GuardBytes)];
        buffer.AsSpan().Fill(GuardValue);
        var produced = decoder(source, buffer.AsSpan(GuardBytes, size));
        Assert.InRange(produced, 0, size);
        Assert.True(buffer.AsSpan(0, GuardBytes).IndexOfAnyExcept(GuardValue) < 0, "decoder wrote before its destination");
        Assert.True(buffer.AsSpan(GuardBytes + size).IndexOfAnyExcept(GuardValue) < 0, "decoder wrote after its destination");
        return buffer.AsSpan(GuardBytes, produced).ToArray();
    }
}
