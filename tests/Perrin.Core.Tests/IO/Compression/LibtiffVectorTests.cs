using System.Buffers;
using Perrin.Core.IO.Compression;

namespace Perrin.Core.Tests.IO.Compression;

/// <summary>Strips compressed by libtiff 4.5.0 itself; make_libtiff_vectors.py in this folder printed them.</summary>
public class LibtiffVectorTests
{
    private const string LzwNoPredictor =
        "800004C8A160305486103E41E637AB15A61F549C8F0BC1F3F9F838591ACC29503ADD4AD11DB9194EE283C19CEA2237566C70CAA4EE8366958382"
        + "031389409C6B13C0AF915A6C92352FB20DC523A350E44E34304AE2B1EA3436E7788E980844331888007D0CD525D279FDDA9941AB024B64C2E0"
        + "2CB246295F68F309C57E4B0A878C8E8552A9D0640F05C9AC13998D22FD53A416C1A5E2717416582253EF342954C6AF1C808104C6723918C8213"
        + "EDE2254B91C6A61659D0B47E70200BC7A6A1B48657548E40E132EB9958B0791C8602C3337D2A895D8ADB2C577961FCE20219004DE7C145CEBB6"
        + "6875567740B28A0140B159A8904530C72ED6F83CFA29098F14446141214C420E0D5161F788049EDB52AB9E8781D0E8F0F45729DBA5101BCC424"
        + "686E1008C5509816094530800C85E4182A729E61F992491306E0BC0F0382C1A4459025A84E6B98A788B6021D4070E0081DC050C87E9A6738726"
        + "492E519DA3B07820104011805E1EC3784A0C8965D8D22A8FE7411C391287A12437110708EE258BA56876038222D1C05214C730C810034299923"
        + "E8DE4F81A5C946660646B1706C06C691586283657902489BE3586A1F10804194650104207C1B8DA70926419620E98E581AC1D1B85E1B41B1A05"
        + "497E0994A3A906678B2808";

    private const string FloatInput = "0000C84265E2D44281B5DB42A243D94224B3CE42FDFBC0428891B642D859B442";
    private const string LzwFloatPredictor = "801080103820010C0C03BF9EAF27B3F898E269A38E0484B3214E650E08504D94594202";

    private static byte[] LzwInput => [.. Enumerable.Range(0, 400).Select(i => (byte)((i * i * 31) + (i * 7) + (i >> 3)))];

    [Fact]
    public void DecodesLibtiffLzwPastTheFirstCodeWidthChange()
    {
        var input = LzwInput;
        Assert.Equal(input, CodecSamples.DecodeGuarded(TiffLzw.Decode, Convert.FromHexString(LzwNoPredictor), input.Length));
    }

    [Fact]
    public void EncodesLzwToTheSameBytesAsLibtiff()
    {
        var writer = new ArrayBufferWriter<byte>();
        TiffLzw.Encode(LzwInput, writer);
        Assert.Equal(LzwNoPredictor, Convert.ToHexString(writer.WrittenSpan));
    }

    [Fact]
    public void UndoesLibtiffsFloatingPointPredictor()
    {
        var expected = Convert.FromHexString(FloatInput);
        var row = CodecSamples.DecodeGuarded(TiffLzw.Decode, Convert.FromHexString(LzwFloatPredictor), expected.Length);
        TiffPredictor.Undo(TiffPredictor.FloatingPoint, row, 8, 1, 1, 4, littleEndian: true);
        Assert.Equal(expected, row);
    }

    [Fact]
    public void AppliesTheFloatingPointPredictorAsLibtiffDoes()
    {
        var row = Convert.FromHexString(FloatInput);
        TiffPredictor.Apply(TiffPredictor.FloatingPoint, row, 8, 1, 1, 4, littleEndian: true);
        var writer = new ArrayBufferWriter<byte>();
        TiffLzw.Encode(row, writer);
        Assert.Equal(LzwFloatPredictor, Convert.ToHexString(writer.WrittenSpan));
    }
}
