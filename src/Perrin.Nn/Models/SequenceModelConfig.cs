namespace Perrin.Nn.Models;

/// <summary>
/// A classifier or regressor for trajectories given as (N, T, features): optional 1-D convolutions over time
/// (kernel <see cref="ConvKernel"/>, "same" padding, each + ReLU), then an LSTM or GRU whose last hidden state
/// summarizes the sequence (or, without one, the mean of the convolution features over time), then dense layers
/// of <see cref="DenseSizes"/> + ReLU and a linear output layer.
/// </summary>
public sealed record SequenceModelConfig : ModelConfig
{
    /// <summary>Features per time step (2 for x, y).</summary>
    public int InputFeatures { get; init; } = 2;

    /// <summary>Channels of the 1-D convolutions; empty for none.</summary>
    public int[] ConvChannels { get; init; } = [];

    /// <summary>Kernel size of the 1-D convolutions (odd).</summary>
    public int ConvKernel { get; init; } = 3;

    /// <summary>The recurrent encoder.</summary>
    public RecurrentKind Recurrent { get; init; } = RecurrentKind.Lstm;

    /// <summary>Hidden size of the recurrent layers.</summary>
    public int HiddenSize { get; init; } = 32;

    /// <summary>Stacked recurrent layers.</summary>
    public int RecurrentLayers { get; init; } = 1;

    /// <summary>Widths of the hidden dense layers.</summary>
    public int[] DenseSizes { get; init; } = [];

    /// <summary>Outputs: classes for classification, values for regression.</summary>
    public int Outputs { get; init; } = 1;

    /// <summary>What the outputs mean.</summary>
    public SequenceTask Task { get; init; } = SequenceTask.Regression;

    /// <inheritdoc />
    public override void Validate()
    {
        Require(InputFeatures > 0, "sequence", $"inputFeatures {InputFeatures} must be positive");
        RequirePositive(ConvChannels, "sequence", "convChannels", allowEmpty: true);
        RequirePositive(DenseSizes, "sequence", "denseSizes", allowEmpty: true);
        Require(ConvChannels.Length > 0 || Recurrent != RecurrentKind.None, "sequence", "it needs convolutions, a recurrent layer or both");
        Require(ConvChannels.Length == 0 || (ConvKernel is > 0 and <= 63 && ConvKernel % 2 == 1), "sequence", $"convKernel {ConvKernel} must be odd and at most 63");
        Require(Recurrent == RecurrentKind.None || (HiddenSize > 0 && RecurrentLayers is > 0 and <= 16), "sequence",
            $"hiddenSize {HiddenSize} and recurrentLayers {RecurrentLayers} must be positive (at most 16 layers)");
        Require(Outputs > 0, "sequence", $"outputs {Outputs} must be positive");
        Require(Task != SequenceTask.Classification || Outputs >= 2, "sequence", $"a classifier needs at least 2 outputs (classes), not {Outputs}");
    }
}
