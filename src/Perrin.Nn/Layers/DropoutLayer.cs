using Perrin.Core.Randomness;
using Perrin.Nn.Ops;

namespace Perrin.Nn.Layers;

/// <summary>
/// What element and channel dropout share: the probability, the stream the masks come from (a new mask at every
/// training forward), and the identity (as a copy) in eval mode or with P = 0.
/// </summary>
public abstract class DropoutLayer : Module
{
    private protected DropoutLayer(string name, float p, RandomStream? random)
    {
        if (!(p >= 0f && p <= 1f))
            throw new ArgumentOutOfRangeException(nameof(p), $"{name}: probability {p} is outside [0, 1].");
        LayerName = name;
        P = p;
        Random = random;
    }

    /// <summary>The probability of dropping an element (or a channel).</summary>
    public float P { get; }

    /// <summary>Where the masks come from; needed in training mode when P &gt; 0.</summary>
    public RandomStream? Random { get; set; }

    private string LayerName { get; }

    /// <inheritdoc />
    public override Tensor Forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!IsTraining || P == 0f) return Elementwise.Copy(input);
        var random = Random ?? throw new InvalidOperationException($"{LayerName}({P}): no random stream is set; give one to the constructor or the Random property before training.");
        return Drop(input, random);
    }

    /// <summary>The training-mode forward with a fresh mask from <paramref name="random"/>.</summary>
    private protected abstract Tensor Drop(Tensor input, RandomStream random);
}
