using Perrin.Nn.Losses;
using Perrin.Nn.Tensors;

namespace Perrin.Nn.Tests.Losses;

/// <summary>
/// Every loss's backward against central finite differences in float (step 1e-2, relative tolerance 1e-2 plus an
/// absolute 1e-3: far below the error of a wrong sign, factor or missing term). Inputs stay away from kinks and
/// from the edges of the domain so the differences are smooth.
/// </summary>
public class LossGradientTests
{
    public static TheoryData<Reduction> Reductions => new() { Reduction.Mean, Reduction.Sum, Reduction.None };

    [Theory]
    [MemberData(nameof(Reductions))]
    public void Mse(Reduction r)
    {
        var x = GradientCheck.Leaf(1, -2f, 2f, 2, 3, 4);
        var t = GradientCheck.Leaf(2, -2f, 2f, 2, 3, 4);
        GradientCheck.Check(a => Loss.Mse(a[0], a[1], r), [x, t]);
    }

    [Theory]
    [MemberData(nameof(Reductions))]
    public void L1(Reduction r)
    {
        var x = GradientCheck.Leaf(3, 0.5f, 2f, 3, 5);
        var t = GradientCheck.Leaf(4, -2f, 0f, 3, 5);
        GradientCheck.Check(a => Loss.L1(a[0], a[1], r), [x, t]);
    }

    [Theory]
    [MemberData(nameof(Reductions))]
    public void Bce(Reduction r)
    {
        var p = GradientCheck.Leaf(5, 0.1f, 0.9f, 2, 1, 3, 3);
        var t = GradientCheck.Leaf(6, 0f, 1f, 2, 1, 3, 3);
        GradientCheck.Check(a => Loss.Bce(a[0], a[1], r), [p, t], eps: 1e-3f);
    }

    [Theory]
    [MemberData(nameof(Reductions))]
    public void BceWithLogitsAndPerChannelPositiveWeight(Reduction r)
    {
        var x = GradientCheck.Leaf(7, -4f, 4f, 2, 3, 2, 2);
        var t = GradientCheck.Leaf(8, 0f, 1f, 2, 3, 2, 2);
        using var w = Tensor.FromArray([10f, 1f, 0.5f], 3, 1, 1);
        GradientCheck.Check(a => Loss.BceWithLogits(a[0], a[1], w, r), [x, t]);
        GradientCheck.Check(a => Loss.BceWithLogits(a[0], a[1], null, r), [x, t]);
    }

    [Theory]
    [MemberData(nameof(Reductions))]
    public void CrossEntropyWithClassWeightsOverSpatialAxes(Reduction r)
    {
        var x = GradientCheck.Leaf(9, -3f, 3f, 2, 4, 3);
        using var targets = Tensor.FromArray([0, 3, 2, 1, -100, 3], 2, 3);
        using var w = Tensor.FromArray([1f, 2f, 0.5f, 3f], 4);
        GradientCheck.Check(a => Loss.CrossEntropy(a[0], targets, w, r), [x]);
        GradientCheck.Check(a => Loss.CrossEntropy(a[0], targets, null, r), [x]);
    }

    [Theory]
    [MemberData(nameof(Reductions))]
    public void GaussianNll(Reduction r)
    {
        var mean = GradientCheck.Leaf(10, -1f, 1f, 4, 3);
        var target = GradientCheck.Leaf(11, -1f, 1f, 4, 3);
        var variance = GradientCheck.Leaf(12, 0.3f, 1.5f, 4, 3);
        GradientCheck.Check(a => Loss.GaussianNll(a[0], a[1], a[2], reduction: r), [mean, target, variance], eps: 1e-3f);
    }

    [Fact]
    public void GaussianNllWithOneVariancePerRow()
    {
        var mean = GradientCheck.Leaf(13, -1f, 1f, 4, 3);
        var target = GradientCheck.Leaf(14, -1f, 1f, 4, 3);
        var variance = GradientCheck.Leaf(15, 0.3f, 1.5f, 4, 1);
        GradientCheck.Check(a => Loss.GaussianNll(a[0], a[1], a[2]), [mean, target, variance], eps: 1e-3f);
        var dropped = GradientCheck.Leaf(16, 0.3f, 1.5f, 4);
        GradientCheck.Check(a => Loss.GaussianNll(a[0], a[1], a[2], full: true), [mean, target, dropped], eps: 1e-3f);
    }

    [Theory]
    [InlineData(GanLossKind.Bce)]
    [InlineData(GanLossKind.LeastSquares)]
    public void GanLosses(GanLossKind kind)
    {
        var real = GradientCheck.Leaf(17, -3f, 3f, 2, 1, 3, 3);
        var fake = GradientCheck.Leaf(18, -3f, 3f, 2, 1, 3, 3);
        GradientCheck.Check(a => GanLoss.Generator(a[0], kind), [fake]);
        GradientCheck.Check(a => GanLoss.Discriminator(a[0], a[1], kind), [real, fake]);
        var image = GradientCheck.Leaf(19, 0.2f, 1f, 2, 1, 4, 4);
        var truth = GradientCheck.Leaf(20, -1f, 0f, 2, 1, 4, 4);
        GradientCheck.Check(a => GanLoss.Pix2PixGenerator(a[0], a[1], a[2], 10f, kind), [fake, image, truth]);
    }
}
