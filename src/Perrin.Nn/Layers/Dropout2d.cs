using Perrin.Core.Randomness;
using Perrin.Nn.Ops;

namespace Perrin.Nn.Layers;

/// <summary>Channel dropout: in training whole (sample, channel) planes are zeroed with probability P, the rest scaled by 1/(1 − P).</summary>
public sealed class Dropout2d : Module
{
    /// <summary>A channel-dropout layer; the stream may also be set later through <see cref="Random"/>.</summary>
    public Dropout2d(float p = 0.5f, RandomStream? random = null)
    {
        if (!(p >= 0f && p <= 1f))
            throw new ArgumentOutOfRangeException(nameof(p), $"Dropout2d: probability {p} is outside [0, 1].");
        P = p;
        Random = random;
    }

    /// <summary>The probability of dropping a channel.</summary>
    public float P { get; }

    /// <summary>Where the masks come from; needed in training mode when P &gt; 0.</summary>
    public RandomStream? Random { get; set; }

    /// <inheritdoc />
    public override Tensor Forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!IsTraining || P == 0f) return Elementwise.Copy(input);
        var random = Random ?? throw new InvalidOperationException($"Dropout2d({P}): no random stream is set; give one to the constructor or the Random property before training.");
        return Regularization.Dropout2d(input, P, random);
    }
}
