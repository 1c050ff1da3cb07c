using System.Text.Json;
using Perrin.Core.Imaging;
using Perrin.Core.IO;

namespace Perrin.Core.Tests.IO;

/// <summary>
/// Files written by independent implementations (tifffile; libtiff and libpng through Pillow) must read back
/// exactly as those implementations wrote them. The fixtures and their expected samples come from
/// Fixtures/Interop/make_interop_fixtures.py.
/// </summary>
public sealed class InteropFixtureTests
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Fixtures", "Interop");

    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var entry in Manifest())
        {
            data.Add(entry.GetProperty("name").GetString()!);
        }

        return data;
    }

    [Fact]
    public void ManifestCoversEveryTiffCompressionAndBothByteOrders()
    {
        var names = Manifest().Select(e => e.GetProperty("name").GetString()!).ToList();
        Assert.Contains(names, n => n.Contains("lzw", StringComparison.Ordinal));
        Assert.Contains(names, n => n.Contains("packbits", StringComparison.Ordinal));
        Assert.Contains(names, n => n.Contains("deflate", StringComparison.Ordinal));
        Assert.Contains(names, n => n.EndsWith("_be", StringComparison.Ordinal));
        Assert.Contains(names, n => n.Contains("bigtiff", StringComparison.Ordinal));
        Assert.Contains(names, n => n.Contains("tiled", StringComparison.Ordinal));
        Assert.True(names.Count >= 30);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void ReadsExactlyWhatTheReferenceWrote(string name)
    {
        var entry = Manifest().Single(e => e.GetProperty("name").GetString() == name);
        var file = Path.Combine(Folder, entry.GetProperty("file").GetString()!);
        var type = entry.GetProperty("dtype").GetString() switch
        {
            "uint8" => PixelType.UInt8,
            "int8" => PixelType.Int8,
            "uint16" => PixelType.UInt16,
            "int16" => PixelType.Int16,
            "uint32" => PixelType.UInt32,
            "int32" => PixelType.Int32,
            "float32" => PixelType.Float32,
            "float64" => PixelType.Float64,
            var other => throw new InvalidOperationException($"manifest dtype {other}"),
        };
        var expected = File.ReadAllBytes(Path.Combine(Folder, name + ".raw"));
        if (!BitConverter.IsLittleEndian)
        {
            PixelCodec.ReverseEndianness(type, expected);
        }

        using var reader = MovieFile.OpenReader(file);
        Assert.Equal(entry.GetProperty("frames").GetInt32(), reader.FrameCount);
        Assert.Equal(entry.GetProperty("height").GetInt32(), reader.Height);
        Assert.Equal(entry.GetProperty("width").GetInt32(), reader.Width);
        Assert.Equal(type, reader.PixelType);
        var frameBytes = reader.Width * reader.Height * type.BytesPerSample();
        var frame = new byte[frameBytes];
        for (var f = 0; f < reader.FrameCount; f++)
        {
            reader.ReadFrameRaw(f, frame);
            Assert.True(expected.AsSpan(f * frameBytes, frameBytes).SequenceEqual(frame), $"{name}: frame {f} differs");
        }

        if (entry.TryGetProperty("pixel_size_nm", out var px))
        {
            Assert.Equal(px.GetDouble(), reader.Metadata.PixelSizeNm!.Value, 6);
            Assert.Equal(entry.GetProperty("frame_interval_s").GetDouble(), reader.Metadata.FrameIntervalS!.Value, 9);
        }
    }

    private static List<JsonElement> Manifest()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, "manifest.json")));
        return document.RootElement.EnumerateArray().Select(e => e.Clone()).ToList();
    }
}
