using Perrin.Nn.Optimizers;
using Perrin.Nn.Tensors;

namespace Perrin.Nn.Tests.Optimizers;

/// <summary>Updates on f(p) = ½·a·p² (gradient a·p) against steps worked out by hand in double.</summary>
public class OptimizerStepTests
{
    private static Tensor Param(params float[] values)
    {
        var p = Tensor.FromArray(values, values.Length);
        p.RequiresGrad = true;
        return p;
    }

    private static void QuadraticGradient(Tensor p, float a)
    {
        p.ZeroGrad();
        p.Grad = Tensor.FromArray(p.ToArray(), p.Length);
        var g = p.Grad.Span;
        for (var i = 0; i < g.Length; i++) g[i] *= a;
    }

    [Fact]
    public void SgdWithMomentumNesterovAndWeightDecay()
    {
        var p = Param(2f);
        var sgd = new Sgd([("p", p)], 0.1, momentum: 0.5, nesterov: true, weightDecay: 0.2);
        double x = 2, buf = 0;
        for (var step = 1; step <= 3; step++)
        {
            QuadraticGradient(p, 3f);
            sgd.Step();
            var d = (3 * x) + (0.2 * x);
            buf = step == 1 ? d : (0.5 * buf) + d;
            x -= 0.1 * (d + (0.5 * buf));
            Assert.Equal(x, p.Span[0], 1e-6);
        }
    }

    [Fact]
    public void SgdWithDampening()
    {
        var p = Param(1f, -2f);
        var sgd = new Sgd([("p", p)], 0.05, momentum: 0.9, dampening: 0.3);
        double[] x = [1, -2], buf = [0, 0];
        for (var step = 1; step <= 4; step++)
        {
            QuadraticGradient(p, 2f);
            sgd.Step();
            for (var i = 0; i < 2; i++)
            {
                var g = 2 * x[i];
                buf[i] = step == 1 ? g : (0.9 * buf[i]) + (0.7 * g);
                x[i] -= 0.05 * buf[i];
                Assert.Equal(x[i], p.Span[i], 1e-6);
            }
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void AdamAndAdamW(bool decoupled)
    {
        var p = Param(1.5f);
        Optimizer opt = decoupled ? new AdamW([("p", p)], 0.1, weightDecay: 0.3) : new Adam([("p", p)], 0.1, weightDecay: 0.3);
        double x = 1.5, m = 0, v = 0;
        for (var t = 1; t <= 5; t++)
        {
            QuadraticGradient(p, 4f);
            opt.Step();
            var g = 4 * x;
            if (decoupled) x *= 1 - (0.1 * 0.3);
            else g += 0.3 * x;
            m = (0.9 * m) + (0.1 * g);
            v = (0.999 * v) + (0.001 * g * g);
            var mHat = m / (1 - Math.Pow(0.9, t));
            var vHat = v / (1 - Math.Pow(0.999, t));
            x -= 0.1 * mHat / (Math.Sqrt(vHat) + 1e-8);
            Assert.Equal(x, p.Span[0], 1e-5);
        }
    }

    [Fact]
    public void AdamFirstStepMovesByTheLearningRate()
    {
        var p = Param(3f, -3f, 0.001f);
        var adam = new Adam([("p", p)], 0.01);
        QuadraticGradient(p, 1f);
        adam.Step();
        Assert.Equal([2.99f, -2.99f, -0.009f], p.ToArray(), new FloatTolerance(1e-6f));
    }

    [Fact]
    public void ParametersWithoutGradientsAreSkipped()
    {
        var a = Param(1f);
        var b = Param(1f);
        var adam = new Adam(Optimizer.Indexed([a, b]), 0.1);
        QuadraticGradient(a, 1f);
        adam.Step();
        Assert.Equal(1f, b.Span[0]);
        Assert.True(adam.StateDict().ContainsKey("step.0"));
        Assert.False(adam.StateDict().ContainsKey("step.1"));
    }

    [Fact]
    public void StateRoundTripsAndContinuesExactly()
    {
        var p1 = Param(1f, 2f, 3f);
        var p2 = Param(1f, 2f, 3f);
        var a1 = new Adam([("w", p1)], 0.05);
        var a2 = new Adam([("w", p2)], 0.05);
        for (var i = 0; i < 3; i++)
        {
            QuadraticGradient(p1, 1.5f);
            a1.Step();
        }
        p1.Span.CopyTo(p2.Span);
        var state = a1.StateDict();
        Assert.Equal(["exp_avg.w", "exp_avg_sq.w", "step.w"], state.Keys.Order(StringComparer.Ordinal).ToArray());
        Assert.Equal([3f], state["step.w"]);
        a2.LoadStateDict(state);
        for (var i = 0; i < 3; i++)
        {
            QuadraticGradient(p1, 1.5f);
            a1.Step();
            QuadraticGradient(p2, 1.5f);
            a2.Step();
        }
        Assert.Equal(p1.ToArray(), p2.ToArray());

        var sgd = new Sgd([("w", p2)], 0.1, momentum: 0.9);
        Assert.Contains("exp_avg", Assert.Throws<InvalidOperationException>(() => sgd.LoadStateDict(state)).Message);
        var bad = new Dictionary<string, float[]>(state) { ["exp_avg.w"] = [1f] };
        Assert.Contains("has 1 values", Assert.Throws<InvalidOperationException>(() => a2.LoadStateDict(bad)).Message);
        var unknown = new Dictionary<string, float[]> { ["exp_avg.q"] = [1f, 2f, 3f] };
        Assert.Contains("names no parameter", Assert.Throws<InvalidOperationException>(() => a2.LoadStateDict(unknown)).Message);
        var fractional = new Dictionary<string, float[]> { ["step.w"] = [1.5f] };
        Assert.Contains("whole step count", Assert.Throws<InvalidOperationException>(() => a2.LoadStateDict(fractional)).Message);
    }

    [Fact]
    public void ClippingByNormAndByValue()
    {
        var a = Param(0f, 0f);
        var b = Param(0f);
        a.Grad = Tensor.FromArray([3f, 0f], 2);
        b.Grad = Tensor.FromArray([4f], 1);
        var norm = GradientClipping.ClipByNorm([a, b], 1f);
        Assert.Equal(5f, norm);
        Assert.Equal(3f / 5.000001f, a.Grad.Span[0], 1e-7f);
        Assert.Equal(4f / 5.000001f, b.Grad.Span[0], 1e-7f);
        Assert.Equal(0.8f, GradientClipping.ClipByNorm([a, b], 10f, float.PositiveInfinity), 1e-6f);
        Assert.Equal(4f / 5.000001f, b.Grad.Span[0], 1e-7f);
        b.Grad.Span[0] = -7f;
        GradientClipping.ClipByValue([a, b], 0.5f);
        Assert.Equal([0.5f, 0f], a.Grad.ToArray());
        Assert.Equal(-0.5f, b.Grad.Span[0]);
        b.Grad.Span[0] = float.NaN;
        Assert.True(float.IsNaN(GradientClipping.ClipByNorm([a, b], 1f)));
    }

    [Fact]
    public void SchedulesByHand()
    {
        var step = new StepSchedule(1, 2, 0.5);
        var exp = new ExponentialSchedule(1, 0.9);
        var cos = new CosineSchedule(1, 4, 0.2);
        var warm = new WarmupCosineSchedule(1, 2, 6, 0.1);
        var constant = new ConstantSchedule(0.3);
        double[] stepRates = [1, 1, 0.5, 0.5, 0.25, 0.25];
        double[] warmRates = [0.5, 1, 1, 0.1 + (0.9 * (1 + Math.Cos(Math.PI / 4)) / 2), 0.55, 0.1 + (0.9 * (1 + Math.Cos(3 * Math.PI / 4)) / 2), 0.1, 0.1];
        for (var e = 0; e < 8; e++)
        {
            if (e < stepRates.Length) Assert.Equal(stepRates[e], step.Rate, 12);
            Assert.Equal(Math.Pow(0.9, e), exp.Rate, 12);
            Assert.Equal(0.2 + (0.8 * (1 + Math.Cos(Math.PI * e / 4)) / 2), cos.Rate, 12);
            Assert.Equal(warmRates[e], warm.Rate, 12);
            Assert.Equal(0.3, constant.Rate);
            foreach (var s in new LearningRateSchedule[] { step, exp, cos, warm, constant }) s.Step();
        }
    }

    [Fact]
    public void PlateauReducesAfterPatienceAndRestoresItsState()
    {
        var s = new PlateauSchedule(1, factor: 0.5, patience: 1, cooldown: 1);
        double[] losses = [1, 0.5, 0.6, 0.6, 0.6, 0.6, 0.6, 0.4];
        double[] expected = [1, 1, 1, 0.5, 0.5, 0.5, 0.25, 0.25];
        for (var i = 0; i < losses.Length; i++)
        {
            s.Step(losses[i]);
            Assert.Equal(expected[i], s.Rate);
        }
        var copy = new PlateauSchedule(1, factor: 0.5, patience: 1, cooldown: 1);
        copy.ImportState(s.ExportState());
        s.Step(0.45);
        copy.Step(0.45);
        Assert.Equal(s.ExportState(), copy.ExportState());
        Assert.Throws<InvalidOperationException>(() => s.Step());
    }
}
