using Perrin.Nn.Losses;
using Xunit.Abstractions;

namespace Perrin.Nn.Tests.Losses;

/// <summary>
/// Values and gradients against PyTorch 1.13 (Fixtures/golden). PyTorch reduces in float, Perrin in double, so the
/// tolerance is a few float ulps of the values involved: 2e-6 relative plus 1e-7 absolute.
/// </summary>
public class LossGoldenTests(ITestOutputHelper output)
{
    private const double Rtol = 2e-6;
    private const double Atol = 1e-7;

    private void Report(GoldenCase c, params double[] errors) => output.WriteLine($"{c.Name}: max abs error {errors.Max():G3}");

    [Theory]
    [InlineData("mse_loss")]
    [InlineData("l1_loss")]
    [InlineData("bce_loss")]
    [InlineData("bce_with_logits_loss_pos_weight")]
    public void PointwiseLosses(string name)
    {
        var c = GoldenCase.Load(name);
        var x = c.Tensor("input", requiresGrad: true);
        using var t = c.Tensor("target");
        using var pw = c.Has("pos_weight") ? c.Tensor("pos_weight") : null;
        var loss = name switch
        {
            "mse_loss" => Loss.Mse(x, t),
            "l1_loss" => Loss.L1(x, t),
            "bce_loss" => Loss.Bce(x, t),
            _ => Loss.BceWithLogits(x, t, pw),
        };
        var e1 = c.AssertClose("output", [loss.Item()], Rtol, Atol);
        loss.Backward();
        var e2 = c.AssertClose("grad_input", x.Grad!.Span, Rtol, Atol);
        Report(c, e1, e2);
    }

    [Fact]
    public void CrossEntropy()
    {
        var c = GoldenCase.Load("cross_entropy_loss");
        var x = c.Tensor("input", requiresGrad: true);
        using var t = c.Tensor("target");
        var loss = Loss.CrossEntropy(x, t);
        var e1 = c.AssertClose("output", [loss.Item()], Rtol, Atol);
        loss.Backward();
        Report(c, e1, c.AssertClose("grad_input", x.Grad!.Span, Rtol, Atol));
    }

    [Fact]
    public void GaussianNll()
    {
        var c = GoldenCase.Load("gaussian_nll_loss");
        var x = c.Tensor("input", requiresGrad: true);
        using var t = c.Tensor("target");
        var v = c.Tensor("var", requiresGrad: true);
        var loss = Loss.GaussianNll(x, t, v, eps: 1e-6f);
        var e1 = c.AssertClose("output", [loss.Item()], Rtol, Atol);
        loss.Backward();
        Report(c, e1, c.AssertClose("grad_input", x.Grad!.Span, Rtol, Atol), c.AssertClose("grad_var", v.Grad!.Span, Rtol, Atol));
    }

    [Fact]
    public void Pix2PixGenerator()
    {
        var c = GoldenCase.Load("pix2pix_generator_loss");
        var d = c.Tensor("input", requiresGrad: true);
        var fake = c.Tensor("input2", requiresGrad: true);
        using var real = c.Tensor("target");
        var loss = GanLoss.Pix2PixGenerator(d, fake, real, 100f);
        var e1 = c.AssertClose("output", [loss.Item()], Rtol, Atol);
        loss.Backward();
        Report(c, e1, c.AssertClose("grad_input", d.Grad!.Span, Rtol, Atol), c.AssertClose("grad_input2", fake.Grad!.Span, Rtol, Atol));
        using var adv = GanLoss.Generator(c.Tensor("input"));
        c.AssertClose("adv_loss", [adv.Item()], Rtol, Atol);
    }
}
