using Perrin.Nn.Losses;
using Perrin.Nn.Tensors;

namespace Perrin.Nn.Tests.Losses;

public class LossValueTests
{
    private static float Value(Tensor loss)
    {
        using (loss) return loss.Item();
    }

    /// <summary>The pooled BCE (chunked vector logarithms) sums the same terms as the per-element form, across chunks and at the log floor.</summary>
    [Fact]
    public void BceTotalMatchesTheSumOfItsElements()
    {
        const int n = 5000;
        var p = new float[n];
        var t = new float[n];
        for (var i = 0; i < n; i++)
        {
            p[i] = i % 97 == 0 ? 0f : i % 89 == 0 ? 1f : (float)((i * 0.618034) % 1.0);
            t[i] = i % 3 == 0 ? 1f : i % 3 == 1 ? 0f : 0.3f;
        }
        using var x = Tensor.FromArray(p, n);
        using var y = Tensor.FromArray(t, n);
        var elements = Loss.Bce(x, y, Reduction.None).ToArray();
        var sum = elements.Sum(e => (double)e);
        Assert.Equal(sum, Value(Loss.Bce(x, y, Reduction.Sum)), sum * 1e-6);
        Assert.Equal(sum / n, Value(Loss.Bce(x, y)), sum / n * 1e-6);
        Assert.Contains(100f, elements); // p = 0 with t = 1: ln p floored at −100
    }

    [Fact]
    public void ClosedFormsByHand()
    {
        using var x = Tensor.FromArray([1f, 2f, -1f, 0.5f], 4);
        using var t = Tensor.FromArray([0f, 0f, 1f, 0.5f], 4);
        Assert.Equal((1f + 4f + 4f) / 4f, Value(Loss.Mse(x, t)));
        Assert.Equal(9f, Value(Loss.Mse(x, t, Reduction.Sum)));
        Assert.Equal([1f, 4f, 4f, 0f], Loss.Mse(x, t, Reduction.None).ToArray());
        Assert.Equal((1f + 2f + 2f) / 4f, Value(Loss.L1(x, t)));

        using var zero = Tensor.FromArray([0f], 1);
        using var one = Tensor.FromArray([1f], 1);
        using var three = Tensor.FromArray([3f], 1);
        Assert.Equal(MathF.Log(2f), Value(Loss.BceWithLogits(zero, one)), 6);
        Assert.Equal(3f * MathF.Log(2f), Value(Loss.BceWithLogits(zero, one, three)), 6);
        Assert.Equal(MathF.Log(2f), Value(Loss.BceWithLogits(zero, zero, three)), 6);
        using var quarter = Tensor.FromArray([0.25f], 1);
        Assert.Equal(-MathF.Log(0.25f), Value(Loss.Bce(quarter, one)), 6);
        Assert.Equal(-MathF.Log(0.75f), Value(Loss.Bce(quarter, zero)), 6);

        using var logits = Tensor.FromArray([0f, 0f, 1f, 2f, 3f, 4f], 2, 3);
        var ce1 = MathF.Log(2f + MathF.E);
        var ce2 = 4f - MathF.Log(MathF.Exp(2f) + MathF.Exp(3f) + MathF.Exp(4f));
        Assert.Equal((ce1 + -ce2) / 2f, Value(Loss.CrossEntropy(logits, [0, 2])), 5);
        using var w = Tensor.FromArray([2f, 1f, 3f], 3);
        Assert.Equal(((2f * ce1) + (3f * -ce2)) / 5f, Value(Loss.CrossEntropy(logits, [0, 2], w)), 5);
        Assert.Equal(ce1, Value(Loss.CrossEntropy(logits, [0, -100])), 5);

        using var m = Tensor.FromArray([1f], 1);
        using var v = Tensor.FromArray([4f], 1);
        Assert.Equal(0.5f * (MathF.Log(4f) + 0.25f), Value(Loss.GaussianNll(m, zero, v)), 6);
        Assert.Equal(0.5f * (MathF.Log(4f) + 0.25f + MathF.Log(2f * MathF.PI)), Value(Loss.GaussianNll(m, zero, v, full: true)), 6);
        using var tiny = Tensor.FromArray([0f], 1);
        Assert.Equal(0.5f * (MathF.Log(0.01f) + 100f), Value(Loss.GaussianNll(m, zero, tiny, eps: 0.01f)), 4);
    }

    [Fact]
    public void ExtremeLogitsStayFinite()
    {
        var x = Tensor.FromArray([100f, -100f, 100f, -100f], 4);
        x.RequiresGrad = true;
        using var t = Tensor.FromArray([0f, 1f, 1f, 0f], 4);
        using var pw = Tensor.FromArray([5f], 1);
        var loss = Loss.BceWithLogits(x, t, pw, Reduction.None);
        Assert.Equal([100f, 500f, 0f, 0f], loss.ToArray());
        loss.Backward(Tensor.Ones(4));
        // σ(−100) ≈ 3.7e-44 survives as a denormal in the saturated elements.
        var grad = x.Grad!.ToArray();
        float[] expected = [1f, -5f, 0f, 0f];
        for (var i = 0; i < 4; i++) Assert.Equal(expected[i], grad[i], 1e-30f);

        var logits = Tensor.FromArray([100f, -100f, -100f, 100f], 2, 2);
        logits.RequiresGrad = true;
        var ce = Loss.CrossEntropy(logits, [1, 1], reduction: Reduction.Sum);
        Assert.Equal(200f, ce.Item());
        ce.Backward();
        Assert.Equal([1f, -1f, 0f, 0f], logits.Grad!.ToArray());

        var p = Tensor.FromArray([0f, 1f], 2);
        p.RequiresGrad = true;
        using var labels = Tensor.FromArray([1f, 0f], 2);
        var bce = Loss.Bce(p, labels, Reduction.None);
        Assert.Equal([100f, 100f], bce.ToArray());
        bce.Backward(Tensor.Ones(2));
        foreach (var g in p.Grad!.ToArray()) Assert.True(float.IsFinite(g));
    }

    [Fact]
    public void MismatchedShapesNameTheLossAndBothShapes()
    {
        using var a = Tensor.Zeros(2, 3);
        using var b = Tensor.Zeros(3, 2);
        foreach (var (name, f) in new (string, Action)[]
        {
            ("Mse", () => Loss.Mse(a, b)),
            ("L1", () => Loss.L1(a, b)),
            ("Bce", () => Loss.Bce(a, b)),
            ("BceWithLogits", () => Loss.BceWithLogits(a, b)),
            ("GaussianNll", () => Loss.GaussianNll(a, b, a)),
            ("Pix2PixGenerator", () => GanLoss.Pix2PixGenerator(a, a, b)),
        })
        {
            var e = Assert.Throws<ArgumentException>(f);
            Assert.Contains(name, e.Message);
            Assert.Contains("[2, 3]", e.Message);
            Assert.Contains("[3, 2]", e.Message);
        }
        var ce = Assert.Throws<ArgumentException>(() => Loss.CrossEntropy(a, [0, 1, 2]));
        Assert.Contains("CrossEntropy", ce.Message);
        Assert.Contains("[2, 3]", ce.Message);
        Assert.Contains("[3]", ce.Message);
    }

    [Fact]
    public void BadValuesAreRefusedWithTheirPosition()
    {
        using var logits = Tensor.Zeros(2, 3);
        Assert.Contains("target 3 at element 1", Assert.Throws<ArgumentException>(() => Loss.CrossEntropy(logits, [0, 3])).Message);
        using var half = Tensor.FromArray([0f, 1.5f], 2);
        Assert.Contains("not an integer", Assert.Throws<ArgumentException>(() => Loss.CrossEntropy(logits, half)).Message);
        using var p = Tensor.FromArray([0.5f, 1.5f], 2);
        Assert.Contains("1.5 at element 1", Assert.Throws<ArgumentException>(() => Loss.Bce(p, p)).Message);
        using var v = Tensor.FromArray([1f, -1f], 2);
        Assert.Contains("negative", Assert.Throws<ArgumentException>(() => Loss.GaussianNll(v, v, v)).Message);
        using var pw = Tensor.FromArray([1f, 2f, 3f], 3);
        Assert.Contains("BceWithLogits", Assert.Throws<ArgumentException>(() => Loss.BceWithLogits(half, half, pw)).Message);
    }

    [Fact]
    public void GanLossesAgreeWithTheirDefinitions()
    {
        using var real = Tensor.FromArray([2f, -1f, 0.5f], 3);
        using var fake = Tensor.FromArray([-0.5f, 1f, 3f], 3);
        using var ones = Tensor.Ones(3);
        using var zeros = Tensor.Zeros(3);
        Assert.Equal(Value(Loss.BceWithLogits(fake, ones)), Value(GanLoss.Generator(fake)), 6);
        Assert.Equal(Value(Loss.Mse(fake, ones)), Value(GanLoss.Generator(fake, GanLossKind.LeastSquares)), 6);
        var d = 0.5f * (Value(Loss.BceWithLogits(real, ones)) + Value(Loss.BceWithLogits(fake, zeros)));
        Assert.Equal(d, Value(GanLoss.Discriminator(real, fake)), 6);
        var g = Value(Loss.BceWithLogits(fake, ones)) + (7f * Value(Loss.L1(real, zeros)));
        Assert.Equal(g, Value(GanLoss.Pix2PixGenerator(fake, real, zeros, 7f)), 4);
    }
}
