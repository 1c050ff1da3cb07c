using Perrin.Nn.Tensors;

namespace Perrin.Nn.Losses;

/// <summary>
/// Adversarial losses on discriminator outputs (logits for <see cref="GanLossKind.Bce"/>), each one fused operation
/// averaged over the discriminator's outputs (a PatchGAN's patches included).
/// </summary>
public static class GanLoss
{
    /// <summary>The generator's loss: D(fake) judged as real.</summary>
    public static Tensor Generator(Tensor discriminatorOnFake, GanLossKind kind = GanLossKind.Bce) => kind switch
    {
        GanLossKind.Bce => Generator(new LogitBinaryCrossEntropyTerm(null), discriminatorOnFake),
        GanLossKind.LeastSquares => Generator(default(SquaredErrorTerm), discriminatorOnFake),
        _ => throw Unknown(kind),
    };

    /// <summary>The discriminator's loss: ½(ℓ(D(real), 1) + ℓ(D(fake), 0)), halved as in pix2pix so D learns at half G's pace.</summary>
    public static Tensor Discriminator(Tensor discriminatorOnReal, Tensor discriminatorOnFake, GanLossKind kind = GanLossKind.Bce) => kind switch
    {
        GanLossKind.Bce => Discriminator(new LogitBinaryCrossEntropyTerm(null), discriminatorOnReal, discriminatorOnFake),
        GanLossKind.LeastSquares => Discriminator(default(SquaredErrorTerm), discriminatorOnReal, discriminatorOnFake),
        _ => throw Unknown(kind),
    };

    /// <summary>
    /// pix2pix's generator loss ℓ(D(fake), 1) + λ·mean|fake − real|, with λ = <paramref name="l1Weight"/> (100 in the paper).
    /// </summary>
    public static Tensor Pix2PixGenerator(Tensor discriminatorOnFake, Tensor fake, Tensor real, float l1Weight = 100f, GanLossKind kind = GanLossKind.Bce) => kind switch
    {
        GanLossKind.Bce => Pix2Pix(new LogitBinaryCrossEntropyTerm(null), discriminatorOnFake, fake, real, l1Weight),
        GanLossKind.LeastSquares => Pix2Pix(default(SquaredErrorTerm), discriminatorOnFake, fake, real, l1Weight),
        _ => throw Unknown(kind),
    };

    private static Tensor Generator<TLoss>(TLoss loss, Tensor dFake) where TLoss : struct, IPointwiseLoss
    {
        const string Op = "GanGenerator";
        GanKernel.NotEmpty(Op, dFake, "discriminator output");
        var data = BufferPool.Rent(1);
        data[0] = (float)GanKernel.Mean(loss, dFake, 1f);
        return Tensor.FromOp(data, [], Op, [dFake], g => [GanKernel.Grad(loss, dFake, 1f, g.Span[0])]);
    }

    private static Tensor Discriminator<TLoss>(TLoss loss, Tensor dReal, Tensor dFake) where TLoss : struct, IPointwiseLoss
    {
        const string Op = "GanDiscriminator";
        GanKernel.NotEmpty(Op, dReal, "output on real");
        GanKernel.NotEmpty(Op, dFake, "output on fake");
        var data = BufferPool.Rent(1);
        data[0] = (float)(0.5 * (GanKernel.Mean(loss, dReal, 1f) + GanKernel.Mean(loss, dFake, 0f)));
        return Tensor.FromOp(data, [], Op, [dReal, dFake], g =>
        {
            var half = 0.5f * g.Span[0];
            return [GanKernel.Grad(loss, dReal, 1f, half), GanKernel.Grad(loss, dFake, 0f, half)];
        });
    }

    private static Tensor Pix2Pix<TLoss>(TLoss loss, Tensor dFake, Tensor fake, Tensor real, float l1Weight) where TLoss : struct, IPointwiseLoss
    {
        const string Op = "Pix2PixGenerator";
        GanKernel.NotEmpty(Op, dFake, "discriminator output");
        LossChecks.SameShape(Op, fake, real, "fake", "real");
        if (!float.IsFinite(l1Weight) || l1Weight < 0f)
            throw new ArgumentOutOfRangeException(nameof(l1Weight), l1Weight, $"{Op}: the L1 weight must be finite and non-negative.");
        var count = fake.Length;
        var data = BufferPool.Rent(1);
        data[0] = (float)(GanKernel.Mean(loss, dFake, 1f) + (l1Weight * GanKernel.MeanAbsoluteError(fake, real)));
        return Tensor.FromOp(data, [], Op, [dFake, fake, real], g =>
        {
            var up = g.Span[0];
            var k = up * l1Weight / count;
            var f = fake.Span;
            var r = real.Span;
            var l1Term = default(AbsoluteErrorTerm);
            Tensor? gf = null, gr = null;
            if (fake.RequiresGrad)
            {
                gf = Tensor.Empty(fake.ShapeArray());
                var d = gf.Span;
                for (var i = 0; i < d.Length; i++) d[i] = k * l1Term.InputGrad(i, f[i], r[i]);
            }
            if (real.RequiresGrad)
            {
                gr = Tensor.Empty(real.ShapeArray());
                var d = gr.Span;
                for (var i = 0; i < d.Length; i++) d[i] = k * l1Term.TargetGrad(i, f[i], r[i]);
            }
            return [GanKernel.Grad(loss, dFake, 1f, up), gf, gr];
        });
    }

    private static ArgumentOutOfRangeException Unknown(GanLossKind kind) => new(nameof(kind), kind, "unknown GAN loss kind.");
}
