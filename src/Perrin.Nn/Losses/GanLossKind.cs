namespace Perrin.Nn.Losses;

/// <summary>The adversarial criterion of a GAN.</summary>
public enum GanLossKind
{
    /// <summary>Binary cross-entropy on the discriminator's logits (the original GAN and pix2pix).</summary>
    Bce,

    /// <summary>Least squares against 1 (real) and 0 (fake), LSGAN.</summary>
    LeastSquares,
}
