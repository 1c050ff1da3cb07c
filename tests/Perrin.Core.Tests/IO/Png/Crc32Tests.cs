using System.Text;
using Perrin.Core.IO.Png;

namespace Perrin.Core.Tests.IO.Png;

public class Crc32Tests
{
    [Fact]
    public void StandardCheckValue() => Assert.Equal(0xCBF43926u, Crc32.Compute(Encoding.ASCII.GetBytes("123456789")));

    [Fact]
    public void EmptyInputGivesZero() => Assert.Equal(0u, Crc32.Compute([]));

    [Fact]
    public void IendChunkCrcIsTheWellKnownValue() => Assert.Equal(0xAE426082u, Crc32.Compute("IEND"u8));

    [Fact]
    public void UpdatingInPiecesEqualsOneCall()
    {
        var data = Enumerable.Range(0, 1000).Select(i => (byte)(i * 7)).ToArray();
        var state = Crc32.Update(Crc32.Initial, data.AsSpan(0, 333));
        state = Crc32.Update(state, data.AsSpan(333));
        Assert.Equal(Crc32.Compute(data), Crc32.Finish(state));
    }
}
