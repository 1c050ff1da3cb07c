using System.Globalization;
using Perrin.Cli.Decode;
using Perrin.Cli.Training;
using Perrin.Core.IO;
using Perrin.Nn.Autograd;
using Perrin.Nn.Layers;
using Perrin.Nn.Models;
using Perrin.Nn.Tensors;
using Perrin.Simulation.Labels;
using Perrin.Simulation.Recipes;
using Perrin.Simulation.Rendering;

namespace Perrin.Cli.Localize;

/// <summary>
/// A model file read for localization: an image-to-image network (U-Net or encoder-decoder, one input channel), the
/// recipe it was trained on, and from that recipe how its outputs are decoded (<see cref="Form"/>, channels, grid
/// refinement), the pixel size it was trained at and a default threshold for its maps.
/// </summary>
internal sealed class LocalizeModel
{
    // The raw threshold on p that gave the smlm-dense network its best SMLM Challenge efficiency on a tuning set (seed
    // 999, 1 and 4 emitters/µm², models/smlm-dense/PROVENANCE.md): a trained p spreads over neighbouring pixels, and
    // DECODE's integration adds them up, so a maximum of 0.3 often carries a whole emitter.
    public const float DecodeThreshold = 0.3f;

    // Heat maps trained by binary cross-entropy on Gaussian spots of peak 1 lower and widen the spot of a particle whose
    // position the network is unsure of, so half the lone peak misses them: on an iSCAT tuning set (seed 777, 1 and 4
    // particles/µm², models/iscat-dense/PROVENANCE.md) 0.3 gave the best F1 at 4/µm² (0.34 against 0.30 at 0.5) and
    // the same at 1/µm².
    public const float HeatmapThreshold = 0.3f;

    // Features whose masks mark particles, so that a mask's connected regions are particles to localize.
    private static readonly string[] ParticleFeatures = ["point_emitter", "sphere", "mie_sphere"];

    private LocalizeModel(string path, Module network, ConvDecoderConfig config, ILabel label, MapForm form, int upsampling,
        double pixelSizeNm, float defaultThreshold)
    {
        Label = label;
        Path = path;
        Network = network;
        Config = config;
        LabelName = label.Name;
        Form = form;
        Channels = label.Channels;
        Upsampling = upsampling;
        RecipePixelSizeNm = pixelSizeNm;
        DefaultThreshold = defaultThreshold;
    }

    public string Path { get; }

    /// <summary>The recipe the network was trained on.</summary>
    public required Recipe Recipe { get; init; }

    /// <summary>The recipe's simulator: its samples tell the optics and camera the network was trained for.</summary>
    public required ImageSimulator RecipeSimulator { get; init; }

    public Module Network { get; }

    public ConvDecoderConfig Config { get; }

    /// <summary>The label the network was trained to output (a DECODE map knows its photon and z scales).</summary>
    public ILabel Label { get; }

    /// <summary>The recipe's labels.form.</summary>
    public string LabelName { get; }

    public MapForm Form { get; }

    public int Channels { get; }

    /// <summary>Output pixels per input pixel along each axis (Deep-STORM); 1 otherwise.</summary>
    public int Upsampling { get; }

    public double RecipePixelSizeNm { get; }

    /// <summary>Half the value a lone, centred particle gives on the label for masks (peak 1) and densities; <see cref="HeatmapThreshold"/> on heat maps; <see cref="DecodeThreshold"/> on the p of DECODE maps.</summary>
    public float DefaultThreshold { get; }

    /// <summary>
    /// Half-width of the weighted-centroid window around each map maximum: a window narrower than the label's spots
    /// pulls every position towards the centre of its pixel (a 3×3 window on spots of σ = 2 px errs by 5–6 nm rms at
    /// 23 nm pixels, a 7×7 one by 2 nm), so it spans about 1.5 σ of the recipe's spots, and one pixel otherwise.
    /// </summary>
    public int RefineRadius { get; private init; } = 1;

    /// <summary>Tile sides must be multiples of this (2^levels), so that every pooling is exact.</summary>
    public int SizeMultiple => Config.SizeMultiple;

    /// <summary>Reads a model file, or the built-in model of that name (<see cref="BuiltInModels"/>) when no such file exists.</summary>
    public static LocalizeModel Load(string path)
    {
        if (File.Exists(path) || !BuiltInModels.Contains(path))
        {
            return Load(path, path);
        }

        var extracted = BuiltInModels.Extract(path);
        try
        {
            return Load(extracted, path);
        }
        finally
        {
            File.Delete(extracted);
        }
    }

    private static LocalizeModel Load(string file, string path)
    {
        if (!File.Exists(file))
        {
            throw new UserInputException($"{path}: no such model file (built-in models: {string.Join(", ", BuiltInModels.Names)})");
        }

        LoadedModel loaded;
        try
        {
            loaded = ModelStore.Load(file);
        }
        catch (InvalidOperationException e)
        {
            throw new UserInputException($"{path}: {e.Message}");
        }

        if (loaded.Config is not ConvDecoderConfig { InputChannels: 1 } config)
        {
            throw new UserInputException($"{path} holds a {Describe(loaded.Config)}; perrin localize runs image-to-image networks (a U-Net or encoder-decoder with one input channel) such as perrin train makes");
        }

        if (loaded.Metadata.Normalization != SimulationDataSource.Normalization)
        {
            var found = loaded.Metadata.Normalization is { } n ? $"'{n}'" : "no input normalization";
            throw new UserInputException($"{path} records {found}; perrin localize standardizes frames as perrin train does ('{SimulationDataSource.Normalization}') and would feed this network inputs it was not trained on");
        }

        var simulator = Simulator(path, loaded.Metadata.Recipe);
        // A map reads the same whichever particles the target left out, so decoding goes by the form beneath.
        var label = (simulator.Label is ContrastThresholdLabel thresholded ? thresholded.Inner : simulator.Label)
            ?? throw new UserInputException($"{path}: the recipe it was trained on has no labels.form, so what its outputs mean is unknown");
        var (form, threshold) = Interpret(path, simulator, label);
        if (label.Channels != config.OutputChannels)
        {
            throw new UserInputException($"{path}: the network has {config.OutputChannels} output channels, but its recipe's '{label.Name}' label has {label.Channels}");
        }

        if (form == MapForm.Decode && config.OutputActivation != ActivationKind.SigmoidFirstChannel)
        {
            throw new UserInputException($"{path}: a DECODE network must output p as a probability and the other channels as they are (outputActivation sigmoidFirstChannel, as perrin train stores it), but its head applies {config.OutputActivation}");
        }

        var upsampling = simulator.LabelSize.Width / Math.Max(1, simulator.Width);
        loaded.Model.Eval();
        return new LocalizeModel(path, loaded.Model, config, label, form, Math.Max(1, upsampling), simulator.PixelSizeNm, threshold)
        {
            Recipe = simulator.Recipe,
            RecipeSimulator = simulator,
            RefineRadius = RefineRadiusFor(label),
        };
    }

    /// <summary>Whether the outputs are scalar maps, which test-time mirror averaging (<see cref="MirrorAveraging"/>) applies to.</summary>
    public bool Mirrorable => Form != MapForm.Decode;

    /// <summary>The network on tiles of side <paramref name="tileSize"/>, averaged over <paramref name="views"/> mirror views.</summary>
    public BatchNetwork AsBatchNetwork(int tileSize, int views) =>
        MirrorAveraging.Wrap(AsBatchNetwork(tileSize), tileSize, Upsampling, Channels, views);

    /// <summary>
    /// The network as a <see cref="BatchNetwork"/> on square tiles of <paramref name="tileSize"/>, without recording
    /// gradients; an output of another shape than the label's (a Deep-STORM recipe on a same-size U-Net) is refused.
    /// </summary>
    public BatchNetwork AsBatchNetwork(int tileSize)
    {
        var side = tileSize * Upsampling;
        return (tiles, count, outputs) =>
        {
            using var scope = GradMode.NoGrad();
            using var input = Tensor.FromArray(tiles, count, 1, tileSize, tileSize);
            using var output = Network.Forward(input);
            var shape = output.Shape;
            if (shape.Length != 4 || shape[0] != count || shape[1] != Channels || shape[2] != side || shape[3] != side)
            {
                throw new UserInputException(string.Create(CultureInfo.InvariantCulture,
                    $"{Path}: the network maps a {tileSize}×{tileSize} tile to {output}, but its recipe's '{LabelName}' label needs {Channels}×{side}×{side}"));
            }

            output.Span.CopyTo(outputs);
        };
    }

    private static int RefineRadiusFor(ILabel label)
    {
        var sigma = label switch
        {
            GaussianHeatmap heatmap => heatmap.SigmaPixels,
            DensityMap density => density.SigmaPixels,
            _ => 0,
        };
        return Math.Max(1, (int)Math.Ceiling(1.5 * sigma));
    }

    /// <summary>The simulator of the recipe a model file records; a missing or unreadable recipe is a <see cref="UserInputException"/>.</summary>
    internal static ImageSimulator Simulator(string path, string? recipeText)
    {
        if (string.IsNullOrWhiteSpace(recipeText))
        {
            throw new UserInputException($"{path} records no recipe, so what its outputs mean is unknown; perrin localize needs a model made by perrin train");
        }

        try
        {
            return ImageSimulator.Create(RecipeReader.Read(recipeText, $"{path} (recipe)"));
        }
        catch (RecipeException e)
        {
            throw new UserInputException($"{path}: the recipe it records cannot be read: {e.Message}");
        }
    }

    private static (MapForm Form, float Threshold) Interpret(string path, ImageSimulator simulator, ILabel label)
    {
        switch (label)
        {
            case DensityMap density:
                return (MapForm.Heatmap, (float)(0.5 / (2 * Math.PI * density.SigmaPixels * density.SigmaPixels)));
            case SuperResolutionMap:
                return (MapForm.DeepStorm, 0.5f);
            case DecodeMap:
                return (MapForm.Decode, DecodeThreshold);
        }

        if (label.Name == LabelNames.Heatmap)
        {
            return (MapForm.Heatmap, HeatmapThreshold);
        }

        if (label.Name == LabelNames.Mask)
        {
            var others = simulator.Recipe.Sample.Select(f => f.Type).Where(t => !ParticleFeatures.Contains(t)).Distinct().ToList();
            if (others.Count == 0)
            {
                return (MapForm.Heatmap, 0.5f);
            }

            throw new UserInputException($"{path} segments {string.Join(", ", others)} features (a mask of {string.Join(", ", others)}s): its outputs are regions, not particles to localize; use it for segmentation, or train a heatmap, density, superres or decode label on point emitters or spheres");
        }

        throw new UserInputException($"{path} was trained on the '{label.Name}' label, which perrin localize cannot turn into positions: it decodes heatmap, density and mask (of particles), superres (Deep-STORM) and decode (DECODE) labels");
    }

    private static string Describe(ModelConfig config) => config switch
    {
        ConvDecoderConfig c => string.Create(CultureInfo.InvariantCulture, $"{config.GetType().Name} with {c.InputChannels} input channels"),
        _ => config.GetType().Name.Replace("Config", " network", StringComparison.Ordinal),
    };
}
