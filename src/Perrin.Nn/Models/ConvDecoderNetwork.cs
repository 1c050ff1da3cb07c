using Perrin.Core.Randomness;
using Perrin.Nn.Layers;
using Perrin.Nn.Ops;
using Perrin.Nn.Tensors;

namespace Perrin.Nn.Models;

/// <summary>
/// The encoder-decoder shape shared by <see cref="UNet"/> and <see cref="EncoderDecoder"/>, with the members of
/// torch_reference.py's UNet: down (ModuleList of blocks), pool, mid, up (ModuleList of upsamplers), dec
/// (ModuleList of blocks) and head (1×1 convolution); the output activation is applied as a function.
/// </summary>
public abstract class ConvDecoderNetwork : Module
{
    private readonly Module? _outputActivation;

    private protected ConvDecoderNetwork(ConvDecoderConfig config, bool skips, RandomStream rng)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(rng);
        config.Validate();
        Config = config;
        HasSkips = skips;
        Down = RegisterModule("down", new ModuleList());
        var cin = config.InputChannels;
        foreach (var c in config.Levels)
        {
            Down.Add(new ConvBlock(cin, c, config.ConvsPerBlock, config.BatchNorm, rng));
            cin = c;
        }
        Pool = RegisterModule("pool", new MaxPool2d(2));
        Mid = RegisterModule("mid", new ConvBlock(cin, config.Bottleneck, config.ConvsPerBlock, config.BatchNorm, rng));
        Up = RegisterModule("up", new ModuleList());
        Dec = RegisterModule("dec", new ModuleList());
        cin = config.Bottleneck;
        for (var i = config.Levels.Length - 1; i >= 0; i--)
        {
            var c = config.Levels[i];
            Up.Add(Upsampler(cin, c, config.Upsampling, rng));
            Dec.Add(new ConvBlock(skips ? 2 * c : c, c, config.ConvsPerBlock, config.BatchNorm, rng));
            cin = c;
        }
        Head = RegisterModule("head", new Conv2d(cin, config.OutputChannels, 1, rng));
        _outputActivation = LayerFactory.Activation(config.OutputActivation);
    }

    /// <summary>The architecture.</summary>
    public ConvDecoderConfig Config { get; }

    /// <summary>True when decoder blocks see the encoder features of their level.</summary>
    public bool HasSkips { get; }

    /// <summary>The encoder blocks, finest first.</summary>
    public ModuleList Down { get; }

    /// <summary>The 2×2 max-pool between levels.</summary>
    public MaxPool2d Pool { get; }

    /// <summary>The bottleneck block.</summary>
    public ConvBlock Mid { get; }

    /// <summary>The upsamplers, coarsest first.</summary>
    public ModuleList Up { get; }

    /// <summary>The decoder blocks, coarsest first.</summary>
    public ModuleList Dec { get; }

    /// <summary>The 1×1 convolution to the output channels.</summary>
    public Conv2d Head { get; }

    /// <inheritdoc />
    public override Tensor Forward(Tensor input)
    {
        CheckInput(input);
        var levels = Down.Count;
        var skips = new Tensor?[levels];
        var x = input;
        for (var i = 0; i < levels; i++)
        {
            var s = Down[i].Forward(x);
            Intermediate.Release(x, input, s);
            var p = Pool.Forward(s);
            if (HasSkips) skips[i] = s;
            else Intermediate.Release(s, input, p);
            x = p;
        }
        x = Step(Mid, x, input);
        for (var j = 0; j < levels; j++)
        {
            x = Step(Up[j], x, input);
            if (skips[levels - 1 - j] is { } skip)
            {
                var joined = ((ConvBlock)Dec[j]).ForwardJoined(x, skip);
                Intermediate.Release(x, input, joined);
                Intermediate.Release(skip, input, joined);
                x = joined;
            }
            else
            {
                x = Step(Dec[j], x, input);
            }
        }
        x = Step(Head, x, input);
        return _outputActivation is null ? x : Step(_outputActivation, x, input);
    }

    private static Tensor Step(Module module, Tensor x, Tensor input)
    {
        var y = module.Forward(x);
        Intermediate.Release(x, input, y);
        return y;
    }

    private void CheckInput(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var m = Config.SizeMultiple;
        if (input.Rank != 4 || input.Shape[1] != Config.InputChannels || input.Shape[2] % m != 0 || input.Shape[3] % m != 0 || input.Shape[2] == 0 || input.Shape[3] == 0)
            throw new ArgumentException($"{GetType().Name}: input of shape {ShapeText.Format(input.Shape)}, expected [N, {Config.InputChannels}, H, W] with H and W positive multiples of {m} ({Down.Count} poolings).");
    }

    private static Module Upsampler(int inChannels, int outChannels, UpsamplingMode mode, RandomStream rng)
    {
        if (mode == UpsamplingMode.TransposedConv) return new ConvTranspose2d(inChannels, outChannels, 2, rng, stride: 2);
        return new Chain()
            .Add(new Upsample(2, bilinear: mode == UpsamplingMode.Bilinear))
            .Add(new Conv2d(inChannels, outChannels, 3, rng, padding: 1));
    }
}
