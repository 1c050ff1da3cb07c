using System.Numerics;
using Perrin.Core.Maths;
using Perrin.Core.Randomness;

namespace Perrin.Core.Tests.Maths;

public sealed class FftTests
{
    public static TheoryData<int> Lengths()
    {
        var data = new TheoryData<int>();
        for (int n = 1; n <= 64; n++)
        {
            data.Add(n);
        }

        data.Add(97);
        data.Add(128);
        data.Add(180);
        data.Add(192);
        data.Add(375);
        data.Add(960);
        data.Add(1000);
        data.Add(1024);
        return data;
    }

    [Theory]
    [MemberData(nameof(Lengths))]
    public void ForwardMatchesTheNaiveDft(int n)
    {
        Complex[] x = RandomVector(n, seed: (ulong)n);
        Complex[] expected = NaiveDft(x, sign: -1);
        Complex[] actual = (Complex[])x.Clone();
        Fft.Forward(actual);
        AssertClose(expected, actual, 1e-11 * Math.Sqrt(n) * MaxAbs(expected));
    }

    [Theory]
    [MemberData(nameof(Lengths))]
    public void InverseMatchesTheNaiveDftDividedByN(int n)
    {
        Complex[] x = RandomVector(n, seed: 1000 + (ulong)n);
        Complex[] expected = NaiveDft(x, sign: +1).Select(v => v / n).ToArray();
        Complex[] actual = (Complex[])x.Clone();
        Fft.Inverse(actual);
        AssertClose(expected, actual, 1e-11 * Math.Sqrt(n) * MaxAbs(expected));
    }

    [Theory]
    [MemberData(nameof(Lengths))]
    public void InverseUndoesForwardAndParsevalHolds(int n)
    {
        Complex[] x = RandomVector(n, seed: 2000 + (ulong)n);
        Complex[] y = (Complex[])x.Clone();
        Fft.Forward(y);
        double timeEnergy = x.Sum(v => v.Real * v.Real + v.Imaginary * v.Imaginary);
        double frequencyEnergy = y.Sum(v => v.Real * v.Real + v.Imaginary * v.Imaginary) / n;
        Assert.Equal(timeEnergy, frequencyEnergy, 1e-12 * timeEnergy);
        Fft.Inverse(y);
        AssertClose(x, y, 1e-12);
    }

    [Fact]
    public void KnownTransformOfAShiftedImpulse()
    {
        // The transform of δ[n − 1] is exp(−2πik/N): the sign convention of the forward transform.
        var x = new Complex[8];
        x[1] = 1;
        Fft.Forward(x);
        for (int k = 0; k < 8; k++)
        {
            Assert.Equal(Math.Cos(-2 * Math.PI * k / 8), x[k].Real, 1e-15);
            Assert.Equal(Math.Sin(-2 * Math.PI * k / 8), x[k].Imaginary, 1e-15);
        }
    }

    [Fact]
    public void ConcurrentUseOfNewPlansGivesTheSameResults()
    {
        int[] lengths = [3000, 4096, 777, 2048, 1500];
        Complex[][] expected = lengths.Select(n =>
        {
            Complex[] v = RandomVector(n, (ulong)n);
            Complex[] y = NaiveDft(v, -1);
            return y;
        }).ToArray();
        var failures = 0;
        Parallel.For(0, 40, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i =>
        {
            int n = lengths[i % lengths.Length];
            Complex[] v = RandomVector(n, (ulong)n);
            Fft.Forward(v);
            double scale = MaxAbs(expected[i % lengths.Length]);
            for (int k = 0; k < n; k++)
            {
                if (Complex.Abs(v[k] - expected[i % lengths.Length][k]) > 1e-9 * scale)
                {
                    Interlocked.Increment(ref failures);
                    break;
                }
            }
        });
        Assert.Equal(0, failures);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(4, 8)]
    [InlineData(5, 7)]
    [InlineData(16, 3)]
    [InlineData(12, 32)]
    public void TwoDimensionalMatchesTheNaiveDft(int rows, int cols)
    {
        Complex[] x = RandomVector(rows * cols, seed: (ulong)(rows * 100 + cols));
        var expected = new Complex[rows * cols];
        for (int u = 0; u < rows; u++)
        {
            for (int v = 0; v < cols; v++)
            {
                Complex sum = 0;
                for (int r = 0; r < rows; r++)
                {
                    for (int c = 0; c < cols; c++)
                    {
                        double angle = -2 * Math.PI * (((double)u * r / rows) + ((double)v * c / cols));
                        sum += x[(r * cols) + c] * new Complex(Math.Cos(angle), Math.Sin(angle));
                    }
                }

                expected[(u * cols) + v] = sum;
            }
        }

        Complex[] actual = (Complex[])x.Clone();
        Fft2D.Forward(actual, rows, cols);
        AssertClose(expected, actual, 1e-10 * MaxAbs(expected));
        Fft2D.Inverse(actual, rows, cols);
        AssertClose(x, actual, 1e-12);
    }

    [Fact]
    public void TwoDimensionalRejectsAMismatchedShape()
    {
        var data = new Complex[12];
        Assert.Throws<ArgumentException>(() => Fft2D.Forward(data, 5, 3));
    }

    [Fact]
    public void ShiftsMatchNumpyForEvenAndOddLengths()
    {
        int[] even = [0, 1, 2, 3, 4, 5];
        FftShift.Shift<int>(even);
        Assert.Equal([3, 4, 5, 0, 1, 2], even);
        FftShift.InverseShift<int>(even);
        Assert.Equal([0, 1, 2, 3, 4, 5], even);

        int[] odd = [0, 1, 2, 3, 4];
        FftShift.Shift<int>(odd);
        Assert.Equal([3, 4, 0, 1, 2], odd);
        FftShift.InverseShift<int>(odd);
        Assert.Equal([0, 1, 2, 3, 4], odd);
    }

    [Fact]
    public void TwoDimensionalShiftMovesTheOriginToTheCentre()
    {
        int[] grid = Enumerable.Range(0, 3 * 4).ToArray();
        FftShift.Shift2D<int>(grid, 3, 4);
        // numpy.fft.fftshift(np.arange(12).reshape(3, 4))
        Assert.Equal([10, 11, 8, 9, 2, 3, 0, 1, 6, 7, 4, 5], grid);
        FftShift.InverseShift2D<int>(grid, 3, 4);
        Assert.Equal(Enumerable.Range(0, 12), grid);
    }

    private static Complex[] RandomVector(int n, ulong seed)
    {
        var random = new RandomStream(seed, 0);
        var x = new Complex[n];
        for (int i = 0; i < n; i++)
        {
            x[i] = new Complex(random.Uniform(-1, 1), random.Uniform(-1, 1));
        }

        return x;
    }

    private static Complex[] NaiveDft(Complex[] x, int sign)
    {
        int n = x.Length;
        var y = new Complex[n];
        for (int k = 0; k < n; k++)
        {
            Complex sum = 0;
            for (int j = 0; j < n; j++)
            {
                double angle = sign * 2 * Math.PI * ((long)k * j % n) / n;
                sum += x[j] * new Complex(Math.Cos(angle), Math.Sin(angle));
            }

            y[k] = sum;
        }

        return y;
    }

    private static double MaxAbs(Complex[] values) => Math.Max(1e-300, values.Max(Complex.Abs));

    private static void AssertClose(Complex[] expected, Complex[] actual, double tolerance)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.True(Complex.Abs(expected[i] - actual[i]) <= tolerance, $"index {i}: expected {expected[i]}, got {actual[i]}");
        }
    }
}
