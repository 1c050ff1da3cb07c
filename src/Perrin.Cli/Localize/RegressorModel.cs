using System.Globalization;
using Perrin.Cli.Training;
using Perrin.Nn.Autograd;
using Perrin.Nn.Models;
using Perrin.Nn.Serialization;
using Perrin.Nn.Tensors;
using Perrin.Simulation.Rendering;

namespace Perrin.Cli.Localize;

/// <summary>
/// A position regressor read from a model file: a <see cref="Cnn"/> with one input channel and 2 outputs that
/// perrin train made from a positions recipe, the <see cref="PositionTarget"/> that decodes its outputs, and the
/// recipe's simulator (frame size, pixel size, and what the benchmark simulates).
/// </summary>
internal sealed class RegressorModel
{
    // Bounds the activations of one network pass (64 images of 64×64 take about 17 MB in the first block).
    private const int MaxImagesPerPass = 64;

    private RegressorModel(string path, Cnn network, PositionTarget target, ImageSimulator simulator)
    {
        Path = path;
        Network = network;
        Target = target;
        Simulator = simulator;
    }

    public string Path { get; }

    public Cnn Network { get; }

    public CnnConfig Config => Network.Config;

    public PositionTarget Target { get; }

    /// <summary>The simulator of the recipe the model was trained on.</summary>
    public ImageSimulator Simulator { get; }

    public int Width => Config.InputWidth;

    public int Height => Config.InputHeight;

    public double RecipePixelSizeNm => Simulator.PixelSizeNm;

    /// <summary>
    /// The regressor in <paramref name="path"/>, or null when the file holds another kind of network (or none
    /// Perrin can read), which the image-to-image path then reports on.
    /// </summary>
    public static RegressorModel? TryLoad(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        ModelConfig config;
        try
        {
            config = ModelConfig.FromJson(ModelFile.ReadMetadata(path).Architecture);
        }
        catch (ArgumentException)
        {
            return null;
        }

        return config is CnnConfig ? Load(path) : null;
    }

    public static RegressorModel Load(string path)
    {
        var loaded = ModelStore.Load(path);
        if (loaded.Model is not Cnn { Config: { InputChannels: 1, Outputs: 2 } } network)
        {
            throw new UserInputException($"{path} holds a {loaded.Config.GetType().Name.Replace("Config", string.Empty, StringComparison.Ordinal)} network that is not a position regressor (a CNN with one input channel and 2 outputs, as perrin train makes from a positions recipe)");
        }

        if (loaded.Metadata.Normalization != SimulationDataSource.Normalization)
        {
            var found = loaded.Metadata.Normalization is { } n ? $"'{n}'" : "no input normalization";
            throw new UserInputException($"{path} records {found}; perrin localize standardizes frames as perrin train does ('{SimulationDataSource.Normalization}')");
        }

        var target = PositionTarget.FromMetadata(path, loaded.Metadata.Extra);
        var simulator = LocalizeModel.Simulator(path, loaded.Metadata.Recipe);
        if (simulator.Width != network.Config.InputWidth || simulator.Height != network.Config.InputHeight)
        {
            throw new UserInputException(string.Create(CultureInfo.InvariantCulture,
                $"{path}: the network takes {network.Config.InputWidth}×{network.Config.InputHeight} frames but its recipe makes {simulator.Width}×{simulator.Height}"));
        }

        network.Eval();
        return new RegressorModel(path, network, target, simulator);
    }

    /// <summary>
    /// Positions in pixels ((0, 0) at the centre of the first pixel) of <paramref name="count"/> frames laid one after
    /// another in <paramref name="frames"/>, already standardized; x and y of frame i go to positions[2i], positions[2i + 1].
    /// Each position is the mean of the network's estimates on the frame's <see cref="DihedralViews"/>.
    /// </summary>
    public void Predict(ReadOnlySpan<float> frames, int count, Span<double> positions) =>
        Predict(frames, count, positions, DihedralViews.Count(Width, Height));

    /// <summary>As <see cref="Predict(ReadOnlySpan{float}, int, Span{double})"/>, averaged over the first <paramref name="views"/> views only.</summary>
    public void Predict(ReadOnlySpan<float> frames, int count, Span<double> positions, int views)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(views, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(views, DihedralViews.Count(Width, Height));
        var plane = Width * Height;
        var chunk = Math.Max(1, MaxImagesPerPass / views);
        var buffer = new float[Math.Min(count, chunk) * views * plane];
        using var scope = GradMode.NoGrad();
        for (var first = 0; first < count; first += chunk)
        {
            var n = Math.Min(chunk, count - first);
            for (var i = 0; i < n; i++)
            {
                for (var v = 0; v < views; v++)
                {
                    DihedralViews.Write(frames.Slice((first + i) * plane, plane), Width, Height, v, buffer.AsSpan(((i * views) + v) * plane, plane));
                }
            }

            using var input = Tensor.FromArray(buffer.AsSpan(0, n * views * plane), n * views, 1, Height, Width);
            using var output = Network.Forward(input);
            var values = output.Span;
            for (var i = 0; i < n; i++)
            {
                float u = 0, w = 0;
                for (var v = 0; v < views; v++)
                {
                    var k = 2 * ((i * views) + v);
                    var (du, dw) = DihedralViews.Back(values[k], values[k + 1], v);
                    (u, w) = (u + du, w + dw);
                }

                (positions[2 * (first + i)], positions[(2 * (first + i)) + 1]) = Target.Decode(u / views, w / views);
            }
        }
    }
}
