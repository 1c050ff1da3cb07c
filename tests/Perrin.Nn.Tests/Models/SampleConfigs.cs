using Perrin.Nn.Models;

namespace Perrin.Nn.Tests.Models;

/// <summary>Small configurations of every model kind, with an input shape each accepts.</summary>
public static class SampleConfigs
{
    public static readonly MlpConfig Mlp = new() { InputSize = 3, HiddenSizes = [5, 4], OutputSize = 2, Activation = ActivationKind.Elu, Dropout = 0.25f };

    public static readonly CnnConfig Cnn = new()
    {
        InputChannels = 2, InputHeight = 12, InputWidth = 10, ConvChannels = [4, 6], Padding = 1, BatchNorm = true,
        Pooling = PoolingKind.Average, DenseSizes = [5], Outputs = 3, OutputActivation = ActivationKind.Softmax,
    };

    public static readonly UNetConfig UNet = new() { Levels = [4, 8], Bottleneck = 8, BatchNorm = true, Upsampling = UpsamplingMode.Bilinear };

    public static readonly EncoderDecoderConfig EncoderDecoder = new()
    {
        InputChannels = 2, Levels = [4], Bottleneck = 6, ConvsPerBlock = 1, Upsampling = UpsamplingMode.Nearest,
        OutputChannels = 3, OutputActivation = ActivationKind.None,
    };

    public static readonly Pix2PixConfig Pix2Pix = new() { Levels = [4, 8], Bottleneck = 8, DiscriminatorChannels = [4, 8] };

    public static readonly SequenceModelConfig Sequence = new()
    {
        InputFeatures = 2, ConvChannels = [4], Recurrent = RecurrentKind.Gru, HiddenSize = 5, DenseSizes = [3], Outputs = 3,
        Task = SequenceTask.Classification,
    };

    public static readonly SequenceModelConfig ConvSequence = new() { InputFeatures = 3, ConvChannels = [4, 5], ConvKernel = 5, Recurrent = RecurrentKind.None, Outputs = 2 };

    /// <summary>Every sample with an input shape (batch 2) and the output shape it gives.</summary>
    public static IEnumerable<(string Name, ModelConfig Config, int[] Input, int[] Output)> All()
    {
        yield return ("mlp", Mlp, [2, 3], [2, 2]);
        yield return ("cnn", Cnn, [2, 2, 12, 10], [2, 3]);
        yield return ("unet", UNet, [2, 1, 8, 12], [2, 1, 8, 12]);
        yield return ("encoderDecoder", EncoderDecoder, [2, 2, 6, 4], [2, 3, 6, 4]);
        yield return ("pix2pix", Pix2Pix, [2, 1, 8, 8], [2, 1, 8, 8]);
        yield return ("sequence", Sequence, [2, 7, 2], [2, 3]);
        yield return ("convSequence", ConvSequence, [2, 9, 3], [2, 2]);
    }

    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var (name, _, _, _) in All()) data.Add(name);
        return data;
    }

    public static (ModelConfig Config, int[] Input, int[] Output) Get(string name)
    {
        foreach (var (n, c, i, o) in All())
            if (n == name) return (c, i, o);
        throw new ArgumentException($"no sample '{name}'");
    }
}
