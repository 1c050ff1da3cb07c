namespace Perrin.Nn.Models;

/// <summary>
/// An activation in a model configuration, with PyTorch's default constants (LeakyReLU slope 0.01, ELU α 1);
/// Softmax is over the channel axis.
/// </summary>
public enum ActivationKind
{
    /// <summary>No activation (identity).</summary>
    None,

    /// <summary>max(x, 0).</summary>
    Relu,

    /// <summary>x for x &gt; 0, 0.01·x otherwise.</summary>
    LeakyRelu,

    /// <summary>x for x &gt; 0, eˣ − 1 otherwise.</summary>
    Elu,

    /// <summary>The logistic function.</summary>
    Sigmoid,

    /// <summary>tanh x.</summary>
    Tanh,

    /// <summary>Softmax over axis 1.</summary>
    Softmax,

    /// <summary>The logistic function on channel 0 only (a detection probability); the other channels pass unchanged.</summary>
    SigmoidFirstChannel,
}
