using Perrin.Core.Randomness;
using Perrin.Nn.Backends.Cpu;

namespace Perrin.Nn.Tests.Backends.Cpu;

/// <summary>
/// The AVX2 micro-kernel reading B in place gives the bits of the same kernel on a packed copy of B, for every row
/// count of a tile, with plain stores and with beta, bias and ReLU; rows and columns outside the tile stay untouched.
/// </summary>
public unsafe class SgemmKernelStridedBTests
{
    [Theory]
    [InlineData(1, 16)]
    [InlineData(37, 16)]
    [InlineData(64, 80)]
    [InlineData(128, 19)]
    public void ReadingBInPlaceMatchesThePackedPanel(int kc, int ldb)
    {
        if (!Sgemm.IsSupported(SgemmKernelKind.Avx2)) return;
        const int mr = SgemmKernelAvx2.MR, nr = SgemmKernelAvx2.NR, ldc = 23;
        var rng = new RandomStream(17, (ulong)kc);
        var a = TestArrays.Uniform(rng, mr * kc);
        var b = TestArrays.Uniform(rng, kc * ldb);
        var bias = TestArrays.Uniform(rng, mr);
        var start = TestArrays.Uniform(rng, mr * ldc);
        var panel = new float[kc * nr];
        for (var p = 0; p < kc; p++) Array.Copy(b, p * ldb, panel, p * nr, nr);
        fixed (float* pa = a, pb = b, pp = panel, pbias = bias)
        {
            foreach (var store in new[] { new SgemmTileStore(true, 0f, null, false), new SgemmTileStore(false, 0.5f, pbias, true) })
            {
                for (var rows = 1; rows <= mr; rows++)
                {
                    var packed = (float[])start.Clone();
                    var inPlace = (float[])start.Clone();
                    fixed (float* c1 = packed, c2 = inPlace)
                    {
                        SgemmKernelAvx2.Run(kc, pa, pp, c1 + 2, ldc, rows, nr, in store);
                        SgemmKernelAvx2.RunStridedB(kc, pa, pb, ldb, c2 + 2, ldc, rows, in store);
                    }

                    TestArrays.BitEqual(packed, inPlace, $"kc {kc}, ldb {ldb}, {rows} rows, plain {store.Plain}");
                    Assert.NotEqual(start[2], inPlace[2]);
                    Assert.Equal(start[(rows - 1) * ldc + 2 + nr], inPlace[(rows - 1) * ldc + 2 + nr]);
                    if (rows < mr) Assert.Equal(start[rows * ldc + 2], inPlace[rows * ldc + 2]);
                }
            }
        }
    }
}
