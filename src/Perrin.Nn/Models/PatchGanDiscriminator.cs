using Perrin.Core.Randomness;
using Perrin.Nn.Layers;
using Perrin.Nn.Ops;
using Perrin.Nn.Tensors;

namespace Perrin.Nn.Models;

/// <summary>
/// A PatchGAN discriminator: 4×4 stride-2 convolutions (padding 1), instance norm on all but the first, LeakyReLU
/// 0.2, and a final 4×4 stride-1 convolution giving one logit per patch. Its input is the condition and the real
/// or generated image concatenated along the channels.
/// </summary>
public sealed class PatchGanDiscriminator : Chain
{
    /// <summary>The slope of the LeakyReLUs, as in pix2pix.</summary>
    public const float NegativeSlope = 0.2f;

    /// <summary>A discriminator over <paramref name="conditionChannels"/> + <paramref name="imageChannels"/> input channels.</summary>
    public PatchGanDiscriminator(int conditionChannels, int imageChannels, IReadOnlyList<int> channels, RandomStream rng)
    {
        ArgumentNullException.ThrowIfNull(channels);
        ArgumentNullException.ThrowIfNull(rng);
        if (conditionChannels < 1 || imageChannels < 1 || channels.Count == 0)
            throw new ArgumentException($"PatchGanDiscriminator: {conditionChannels} condition and {imageChannels} image channels, {channels.Count} layers; all must be positive.");
        ConditionChannels = conditionChannels;
        ImageChannels = imageChannels;
        Depth = channels.Count;
        var cin = conditionChannels + imageChannels;
        for (var i = 0; i < channels.Count; i++)
        {
            Add(new Conv2d(cin, channels[i], 4, rng, stride: 2, padding: 1));
            if (i > 0) Add(new InstanceNorm2d(channels[i]));
            Add(new LeakyReLU(NegativeSlope));
            cin = channels[i];
        }
        Add(new Conv2d(cin, 1, 4, rng, stride: 1, padding: 1));
    }

    /// <summary>Channels of the condition.</summary>
    public int ConditionChannels { get; }

    /// <summary>Channels of the image.</summary>
    public int ImageChannels { get; }

    /// <summary>The number of stride-2 convolutions.</summary>
    public int Depth { get; }

    /// <summary>The smallest input height and width that leaves at least one patch.</summary>
    public int MinimumSize => 1 << (Depth + 1);

    /// <summary>Patch logits (N, 1, H/2^depth − 1, W/2^depth − 1) for the condition and image concatenated.</summary>
    public override Tensor Forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var c = ConditionChannels + ImageChannels;
        if (input.Rank != 4 || input.Shape[1] != c || input.Shape[2] < MinimumSize || input.Shape[3] < MinimumSize)
            throw new ArgumentException($"PatchGanDiscriminator: input of shape {ShapeText.Format(input.Shape)}, expected [N, {c}, H, W] with H and W at least {MinimumSize}.");
        return base.Forward(input);
    }

    /// <summary>Patch logits for a condition (N, Cc, H, W) and an image (N, Ci, H, W).</summary>
    public Tensor Forward(Tensor condition, Tensor image)
    {
        ArgumentNullException.ThrowIfNull(condition);
        ArgumentNullException.ThrowIfNull(image);
        if (condition.Rank != 4 || image.Rank != 4 || condition.Shape[1] != ConditionChannels || image.Shape[1] != ImageChannels
            || condition.Shape[0] != image.Shape[0] || condition.Shape[2] != image.Shape[2] || condition.Shape[3] != image.Shape[3])
            throw new ArgumentException($"PatchGanDiscriminator: condition {ShapeText.Format(condition.Shape)} and image {ShapeText.Format(image.Shape)} must be [N, {ConditionChannels}, H, W] and [N, {ImageChannels}, H, W].");
        var joined = Reshaping.Concat([condition, image], 1);
        var y = Forward(joined);
        Intermediate.Release(joined, condition, y);
        return y;
    }
}
