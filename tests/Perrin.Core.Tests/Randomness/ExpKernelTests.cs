using System.Runtime.Intrinsics;
using Perrin.Core.Randomness;

namespace Perrin.Core.Tests.Randomness;

public sealed class ExpKernelTests
{
    [Fact]
    public void ScalarExpIsWithinTwoUlpsOfTheLibraryExp()
    {
        var pattern = new Random(4);
        var xs = Enumerable.Range(0, 20_000).Select(i => -10.0 * i / 20_000)
            .Concat(Enumerable.Range(0, 20_000).Select(_ => -700 * pattern.NextDouble()))
            .Concat([0.0, -0.0, -Math.Log(2), -0.5 * Math.Log(2), -1e-300, -700]);
        foreach (var x in xs)
        {
            var exact = Math.Exp(x);
            Assert.True(Math.Abs(ExpKernel.Exp(x) - exact) <= 2 * (Math.BitIncrement(exact) - exact), $"e^{x:R}: {ExpKernel.Exp(x):R} against {exact:R}");
        }

        Assert.Equal(1.0, ExpKernel.Exp(0));
    }

    [Fact]
    public void VectorLanesHaveTheBitsOfTheScalarExp()
    {
        var pattern = new Random(5);
        var xs = Enumerable.Range(0, 80_000).Select(_ => pattern.Next(2) == 0 ? -10 * pattern.NextDouble() : -700 * pattern.NextDouble()).ToArray();
        for (var i = 0; i + 8 <= xs.Length; i += 8)
        {
            var wide = ExpKernel.Exp(Vector512.Create(xs.AsSpan(i, 8)));
            var narrow = ExpKernel.Exp(Vector256.Create(xs.AsSpan(i, 4)));
            for (var lane = 0; lane < 8; lane++)
            {
                Assert.Equal(BitConverter.DoubleToInt64Bits(ExpKernel.Exp(xs[i + lane])), BitConverter.DoubleToInt64Bits(wide[lane]));
            }

            for (var lane = 0; lane < 4; lane++)
            {
                Assert.Equal(BitConverter.DoubleToInt64Bits(ExpKernel.Exp(xs[i + lane])), BitConverter.DoubleToInt64Bits(narrow[lane]));
            }
        }
    }
}
