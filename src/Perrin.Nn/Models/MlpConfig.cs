namespace Perrin.Nn.Models;

/// <summary>
/// A multilayer perceptron: Linear layers through <see cref="HiddenSizes"/> to <see cref="OutputSize"/>, each
/// hidden one followed by <see cref="Activation"/> and, when <see cref="Dropout"/> &gt; 0, a dropout layer.
/// </summary>
public sealed record MlpConfig : ModelConfig
{
    /// <summary>Input features.</summary>
    public int InputSize { get; init; } = 1;

    /// <summary>Widths of the hidden layers.</summary>
    public int[] HiddenSizes { get; init; } = [32, 32];

    /// <summary>Output features.</summary>
    public int OutputSize { get; init; } = 1;

    /// <summary>The activation after every hidden layer.</summary>
    public ActivationKind Activation { get; init; } = ActivationKind.Relu;

    /// <summary>Dropout probability after every hidden activation; 0 for none.</summary>
    public float Dropout { get; init; }

    /// <summary>The activation of the outputs.</summary>
    public ActivationKind OutputActivation { get; init; } = ActivationKind.None;

    /// <inheritdoc />
    public override void Validate()
    {
        Require(InputSize > 0, "mlp", $"inputSize {InputSize} must be positive");
        Require(OutputSize > 0, "mlp", $"outputSize {OutputSize} must be positive");
        RequirePositive(HiddenSizes, "mlp", "hiddenSizes", allowEmpty: true);
        Require(Dropout is >= 0f and < 1f, "mlp", $"dropout {Dropout} must be in [0, 1)");
    }
}
