using Perrin.Core.Randomness;

namespace Perrin.Core.Tests.Randomness;

public sealed class PhiloxBulkTests
{
    public static TheoryData<int> Widths => [(int)SimdWidth.Scalar, (int)SimdWidth.Vector256, (int)SimdWidth.Vector512];

    [Theory]
    [MemberData(nameof(Widths))]
    public void EveryWidthWritesTheBlocksOfTheScalarReference(int width)
    {
        var simd = (SimdWidth)width;
        if (!SimdSupport.Runs(simd))
        {
            return;
        }

        var pattern = new Random(20);

        // Counters where the low word wraps inside a vector, and where the whole 64-bit counter wraps.
        ulong[] counters = [0, 1, 0xFFFF_FFF0, 0xFFFF_FFFA, 0x1_FFFF_FFF9, ulong.MaxValue - 5, 0xDEAD_BEEF_0000_0007];
        foreach (var start in counters.Concat(Enumerable.Range(0, 40).Select(_ => (ulong)pattern.NextInt64())))
        {
            var (c2, c3, k0, k1) = ((uint)pattern.Next(), (uint)pattern.Next(), (uint)pattern.Next(), (uint)pattern.Next());
            var blocks = pattern.Next(1, 60);
            var bulk = new uint[4 * blocks];
            Philox4x32.FillBlocks(start, c2, c3, k0, k1, bulk, simd);
            for (var b = 0; b < blocks; b++)
            {
                var counter = start + (ulong)b;
                Assert.Equal(Philox4x32.Block((uint)counter, (uint)(counter >> 32), c2, c3, k0, k1), (bulk[4 * b], bulk[(4 * b) + 1], bulk[(4 * b) + 2], bulk[(4 * b) + 3]));
            }
        }
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public void EveryWidthReproducesTheRandom123KnownAnswer(int width)
    {
        var simd = (SimdWidth)width;
        if (!SimdSupport.Runs(simd))
        {
            return;
        }

        // Random123's kat_vectors: counter 243f6a88 85a308d3 13198a2e 03707344, key a4093822 299f31d0, at block 0 of 16.
        var bulk = new uint[64];
        Philox4x32.FillBlocks(0x85a308d3_243f6a88, 0x13198a2e, 0x03707344, 0xa4093822, 0x299f31d0, bulk, simd);
        Assert.Equal([0xd16cfe09u, 0x94fdccebu, 0x5001e420u, 0x24126ea1u], bulk[..4]);
    }

    [Fact]
    public void APartialBlockIsRejected()
    {
        Assert.Throws<ArgumentException>(() => Philox4x32.FillBlocks(0, 0, 0, 0, 0, new uint[6]));
    }
}
