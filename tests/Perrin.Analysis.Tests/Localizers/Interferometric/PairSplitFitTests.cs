using System.Numerics;
using Perrin.Analysis.Localizers.Interferometric;

namespace Perrin.Analysis.Tests.Localizers.Interferometric;

public sealed class PairSplitFitTests
{
    /// <summary>
    /// The residual sum of squares against the least-squares fit of the same basis (2·Re(F·g), −2·Im(F·g) per
    /// scatterer, then 1) solved independently by Gram–Schmidt orthogonalization in double; a target the basis spans exactly leaves
    /// only its noise.
    /// </summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void CostIsTheLeastSquaresResidualOfTheBasis(bool pair)
    {
        var random = new Random(11);
        const int n = 61;
        Complex Draw() => new((random.NextDouble() * 2) - 1, (random.NextDouble() * 2) - 1);
        var gain = Enumerable.Range(0, n).Select(_ => Draw()).ToArray();
        var first = Enumerable.Range(0, n).Select(_ => Draw()).ToArray();
        var second = pair ? Enumerable.Range(0, n).Select(_ => Draw()).ToArray() : [];
        var target = Enumerable.Range(0, n).Select(_ => (random.NextDouble() * 2) - 1).ToArray();

        var columns = new List<double[]>();
        foreach (var field in pair ? new[] { first, second } : [first])
        {
            columns.Add([.. field.Zip(gain, (f, g) => 2 * (f * g).Real)]);
            columns.Add([.. field.Zip(gain, (f, g) => -2 * (f * g).Imaginary)]);
        }

        columns.Add([.. Enumerable.Repeat(1.0, n)]);
        var expected = QrResidual(columns, target);

        Assert.Equal(expected, PairSplitFit.Cost(target, gain, first, second), 1e-9 * expected);

        // The basis reproduces a target it spans, up to rounding.
        var spanned = Enumerable.Range(0, n).Select(i => columns.Select((c, k) => c[i] * (0.3 + k)).Sum()).ToArray();
        Assert.InRange(PairSplitFit.Cost(spanned, gain, first, second), 0, 1e-18 * n);
    }

    [Fact]
    public void ADegenerateBasisIsUnsolvable()
    {
        var gain = Enumerable.Repeat(Complex.One, 9).ToArray();
        var zero = new Complex[9];
        Assert.Equal(double.PositiveInfinity, PairSplitFit.Cost(new double[9], gain, zero, zero));
    }

    // ‖t − Q Qᵀ t‖² by modified Gram–Schmidt (columns few and well conditioned here).
    private static double QrResidual(List<double[]> columns, double[] target)
    {
        var residual = (double[])target.Clone();
        var basis = new List<double[]>();
        foreach (var column in columns)
        {
            var q = (double[])column.Clone();
            foreach (var b in basis)
            {
                var dot = q.Zip(b, (x, y) => x * y).Sum();
                for (var i = 0; i < q.Length; i++)
                {
                    q[i] -= dot * b[i];
                }
            }

            var norm = Math.Sqrt(q.Sum(x => x * x));
            for (var i = 0; i < q.Length; i++)
            {
                q[i] /= norm;
            }

            basis.Add(q);
            var projection = residual.Zip(q, (x, y) => x * y).Sum();
            for (var i = 0; i < residual.Length; i++)
            {
                residual[i] -= projection * q[i];
            }
        }

        return residual.Sum(x => x * x);
    }
}
