using Perrin.Nn.Optimizers;
using Perrin.Nn.Tensors;
using Xunit.Abstractions;

namespace Perrin.Nn.Tests.Optimizers;

/// <summary>
/// Three optimizer steps, the learning-rate schedules and clip_grad_norm_ against PyTorch 1.13 (Fixtures/golden).
/// PyTorch may fuse multiply-adds that Perrin rounds separately, so parameters agree to a few ulps: 1e-6 relative
/// plus 1e-7 absolute.
/// </summary>
public class OptimizerGoldenTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("sgd_momentum")]
    [InlineData("sgd_nesterov")]
    [InlineData("adam")]
    [InlineData("adamw")]
    [InlineData("adam_weight_decay")]
    public void ThreeSteps(string name)
    {
        var c = GoldenCase.Load(name);
        var p = c.Tensor("param", requiresGrad: true);
        IEnumerable<(string, Tensor)> ps = [("param", p)];
        Optimizer opt = name switch
        {
            "sgd_momentum" => new Sgd(ps, 0.1, momentum: 0.9),
            "sgd_nesterov" => new Sgd(ps, 0.1, momentum: 0.9, nesterov: true),
            "adam" => new Adam(ps, 0.01),
            "adamw" => new AdamW(ps, 0.01, weightDecay: 0.1),
            _ => new Adam(ps, 0.01, weightDecay: 0.1),
        };
        double worst = 0;
        for (var i = 0; i < 3; i++)
        {
            p.Grad = c.Tensor($"grad.{i}");
            opt.Step();
            worst = Math.Max(worst, c.AssertClose($"after.{i}", p.Span, 1e-6, 1e-7));
        }
        output.WriteLine($"{name}: max abs error {worst:G3}");
    }

    [Fact]
    public void Schedules()
    {
        var step = GoldenCase.Load("lr_step");
        var cosine = GoldenCase.Load("lr_cosine");
        var s = new StepSchedule(0.1, 3, 0.5);
        var cos = new CosineSchedule(0.1, 10, 0.001);
        var rs = new float[10];
        var rc = new float[10];
        for (var e = 0; e < 10; e++)
        {
            rs[e] = (float)s.Rate;
            rc[e] = (float)cos.Rate;
            s.Step();
            cos.Step();
        }
        var e1 = step.AssertClose("output", rs, 1e-7, 0);
        var e2 = cosine.AssertClose("output", rc, 1e-7, 0);
        output.WriteLine($"lr_step: max abs error {e1:G3}; lr_cosine: max abs error {e2:G3}");
    }

    [Fact]
    public void ClipGradNorm()
    {
        var c = GoldenCase.Load("clip_grad_norm");
        var a = Tensor.Zeros(c.Shape("grad.0"));
        var b = Tensor.Zeros(c.Shape("grad.1"));
        a.Grad = c.Tensor("grad.0");
        b.Grad = c.Tensor("grad.1");
        var norm = GradientClipping.ClipByNorm([a, b], 1f);
        var e = Math.Max(c.AssertClose("output", [norm], 1e-6, 0),
            Math.Max(c.AssertClose("after.0", a.Grad.Span, 1e-6, 1e-8), c.AssertClose("after.1", b.Grad.Span, 1e-6, 1e-8)));
        output.WriteLine($"clip_grad_norm: max abs error {e:G3}");
    }
}
