using System.Text.Json.Serialization;

namespace Perrin.Nn.Models;

/// <summary>
/// A convolutional network with a dense top, such as a single-particle regressor: per entry of
/// <see cref="ConvChannels"/> a convolution (+ batch norm) + activation + pooling, then flatten, dense layers of
/// <see cref="DenseSizes"/> with the activation, and a dense output layer. The input size fixes the flattened width.
/// </summary>
public sealed record CnnConfig : ModelConfig
{
    /// <summary>The cnn-bench network of shared/bench/BENCHMARKS.md (57,218 parameters).</summary>
    public static CnnConfig Bench { get; } = new();

    /// <summary>Input channels.</summary>
    public int InputChannels { get; init; } = 1;

    /// <summary>Input height in pixels.</summary>
    public int InputHeight { get; init; } = 51;

    /// <summary>Input width in pixels.</summary>
    public int InputWidth { get; init; } = 51;

    /// <summary>Output channels of each convolution block.</summary>
    public int[] ConvChannels { get; init; } = [16, 32, 64];

    /// <summary>Square kernel size of the convolutions.</summary>
    public int KernelSize { get; init; } = 3;

    /// <summary>Zero padding of the convolutions (0 = "valid").</summary>
    public int Padding { get; init; }

    /// <summary>Batch normalization between each convolution and its activation.</summary>
    public bool BatchNorm { get; init; }

    /// <summary>The pooling after each block.</summary>
    public PoolingKind Pooling { get; init; } = PoolingKind.Max;

    /// <summary>Pooling window and stride.</summary>
    public int PoolSize { get; init; } = 2;

    /// <summary>Widths of the hidden dense layers.</summary>
    public int[] DenseSizes { get; init; } = [32, 32];

    /// <summary>Dropout probability after every hidden dense activation; 0 for none.</summary>
    public float Dropout { get; init; }

    /// <summary>The activation after convolutions and hidden dense layers.</summary>
    public ActivationKind Activation { get; init; } = ActivationKind.Relu;

    /// <summary>Outputs.</summary>
    public int Outputs { get; init; } = 2;

    /// <summary>The activation of the outputs.</summary>
    public ActivationKind OutputActivation { get; init; } = ActivationKind.None;

    /// <summary>Height and width of the feature map after block <paramref name="blocks"/> − 1 (the input for 0).</summary>
    public (int H, int W) FeatureSize(int blocks)
    {
        int h = InputHeight, w = InputWidth;
        for (var b = 0; b < blocks; b++)
        {
            h = h + (2 * Padding) - KernelSize + 1;
            w = w + (2 * Padding) - KernelSize + 1;
            if (h < 1 || w < 1) return (h, w);
            if (Pooling != PoolingKind.None)
            {
                h /= PoolSize;
                w /= PoolSize;
            }
        }
        return (h, w);
    }

    /// <summary>The width of the flattened features that enter the dense top.</summary>
    [JsonIgnore]
    public int FlattenedSize
    {
        get
        {
            var (h, w) = FeatureSize(ConvChannels.Length);
            return ConvChannels[^1] * h * w;
        }
    }

    /// <inheritdoc />
    public override void Validate()
    {
        Require(InputChannels > 0 && InputHeight > 0 && InputWidth > 0, "cnn",
            $"input {InputChannels}×{InputHeight}×{InputWidth} must be positive");
        RequirePositive(ConvChannels, "cnn", "convChannels", allowEmpty: false);
        RequirePositive(DenseSizes, "cnn", "denseSizes", allowEmpty: true);
        Require(KernelSize is > 0 and <= 64 && Padding >= 0 && Padding < KernelSize, "cnn", $"kernel {KernelSize} with padding {Padding} is not a valid convolution");
        Require(Pooling == PoolingKind.None || PoolSize is > 0 and <= 64, "cnn", $"poolSize {PoolSize} must be in [1, 64]");
        Require(Outputs > 0, "cnn", $"outputs {Outputs} must be positive");
        Require(Dropout is >= 0f and < 1f, "cnn", $"dropout {Dropout} must be in [0, 1)");
        Require(InputHeight <= 65536 && InputWidth <= 65536 && ConvChannels.Length <= 64, "cnn", "the input or the number of blocks is unreasonably large");
        for (var b = 1; b <= ConvChannels.Length; b++)
        {
            var (h, w) = FeatureSize(b);
            Require(h >= 1 && w >= 1, "cnn",
                $"a {InputHeight}×{InputWidth} input shrinks to {h}×{w} after block {b}; use a larger input, padding or fewer blocks");
        }
        var (fh, fw) = FeatureSize(ConvChannels.Length);
        Require((long)ConvChannels[^1] * fh * fw <= int.MaxValue, "cnn", "the flattened features are too many");
    }
}
