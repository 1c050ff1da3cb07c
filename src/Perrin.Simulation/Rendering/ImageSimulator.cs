using System.Buffers;
using System.Numerics;
using Perrin.Core.Randomness;
using Perrin.Simulation.Augmentations;
using Perrin.Simulation.Labels;
using Perrin.Simulation.Properties;
using Perrin.Simulation.Recipes;
using Perrin.Simulation.Truth;

namespace Perrin.Simulation.Rendering;

/// <summary>
/// Simulates images from a recipe, whatever the modality. Sample k is a pure function of (recipe, seed, k): its
/// properties come from <see cref="RecipeSampler.Resolve(ulong)"/> and its camera noise from the stream
/// (seed, k, <see cref="CameraPurpose"/>), so samples can be drawn in any order on any number of threads.
/// A sample is rendered in two steps: the modality's noise-free signal (<see cref="RenderSignal"/>, expected
/// photons per pixel), then the camera (<see cref="Record"/>, ADU). The label is the one <c>labels.form</c> names
/// (<see cref="RecipeLabelFactory"/>, built from sample 0's label fields), drawn from the sample's truth.
/// Augmentations (<see cref="AugmentationPlan"/>) sit between the two steps: the geometric ones warp the signal of
/// the whole canvas (<c>image</c>) and move the truth with it, and may crop it to a smaller output, so that the
/// camera noise is drawn once per output pixel; the label and the returned truth are the augmented ones.
/// Implementations are immutable apart from shared caches, and safe to use from several threads.
/// </summary>
public abstract class ImageSimulator
{
    public static readonly ulong CameraPurpose = StablePathHash.Of("perrin.simulation.camera");

    /// <summary>Purpose of the stream that draws each copy's <see cref="ParticleTruth.ShapeSeed"/>.</summary>
    public static readonly ulong ShapePurpose = StablePathHash.Of("perrin.simulation.shape");

    protected ImageSimulator(Recipe recipe)
    {
        ArgumentNullException.ThrowIfNull(recipe);
        Recipe = recipe;
        Sampler = new RecipeSampler(recipe);
        var first = Sampler.Resolve(0UL);
        PixelSizeNm = first.Number("optics.pixel_size_nm");
        Label = RecipeLabelFactory.Create(recipe, first);
        Augmentations = new AugmentationPlan(recipe);
    }

    public Recipe Recipe { get; }

    /// <summary>The recipe's property graph, compiled once.</summary>
    protected RecipeSampler Sampler { get; }

    /// <summary>Width of the output images: the crop's when the recipe crops, else the canvas'.</summary>
    public int Width => Augmentations.OutputWidth;

    public int Height => Augmentations.OutputHeight;

    /// <summary>Width of the rendered field (<c>image.width</c>), the size <see cref="RenderSignal"/> fills before augmentations.</summary>
    public int CanvasWidth => Recipe.Image.Width;

    public int CanvasHeight => Recipe.Image.Height;

    /// <summary>The recipe's augmentations.</summary>
    public AugmentationPlan Augmentations { get; }

    /// <summary>Pixel size of sample 0, which the written movie is calibrated with.</summary>
    public double PixelSizeNm { get; }

    /// <summary>A short description of how images are formed, for logs (e.g. "fluorescence, pupil PSF").</summary>
    public abstract string Description { get; }

    /// <summary>The label of every sample, or null when the recipe asks for none or for positions only.</summary>
    public ILabel? Label { get; }

    /// <summary>Floats of one sample's label (0 without a label).</summary>
    public int LabelLength => Label is null ? 0 : LabelSize.Width * LabelSize.Height * Label.Channels;

    /// <summary>Size of each label channel.</summary>
    public (int Width, int Height) LabelSize => Label?.OutputSize(Width, Height) ?? (0, 0);

    /// <summary>The simulator for the recipe's <c>optics.modality</c>.</summary>
    public static ImageSimulator Create(Recipe recipe)
    {
        ArgumentNullException.ThrowIfNull(recipe);
        return recipe.Optics.Modality switch
        {
            "fluorescence" => new FluorescenceSimulator(recipe),
            "iscat" => new IscatSimulator(recipe),
            "brightfield" or "holography" or "darkfield" => new CoherentSimulator(recipe),
            var other => throw RecipeErrors.At(recipe, "optics.modality", $"optics.modality '{other}' is not one of fluorescence, brightfield, holography, darkfield, iscat"),
        };
    }

    public ResolvedProperties Properties(ulong sampleIndex) => Sampler.Resolve(sampleIndex);

    /// <summary>
    /// Every copy of every feature of a sample, in feature order then copy order, with track ids numbered on
    /// across features. Fields a feature does not have stay at their defaults (z = 0, the rest NaN); quantities the
    /// modality derives (<see cref="Describe"/>) are filled in.
    /// </summary>
    public ParticleTruth[] Truth(ResolvedProperties sample)
    {
        ArgumentNullException.ThrowIfNull(sample);
        var truth = new List<ParticleTruth>();
        for (var k = 0; k < Recipe.Sample.Count; k++)
        {
            var group = sample.Group($"sample[{k}]");
            var kind = ScattererKinds.FromFeature(Recipe.Sample[k].Type);
            for (var i = 0; i < group.Count; i++)
            {
                var x = Member(group, i, "x", 0);
                var y = Member(group, i, "y", 0);
                truth.Add(new ParticleTruth(x, y, Member(group, i, "z", 0))
                {
                    Photons = Member(group, i, "photons", kind == ScattererKind.PointEmitter ? 0 : double.NaN),
                    Intensity = Member(group, i, "intensity", double.NaN),
                    RadiusNm = Member(group, i, "radius_nm", double.NaN),
                    MinorRadiusNm = Member(group, i, "minor_radius_nm", double.NaN),
                    AxialRadiusNm = Member(group, i, "axial_radius_nm", double.NaN),
                    AngleRad = Member(group, i, "angle_rad", double.NaN),
                    RefractiveIndex = Member(group, i, "refractive_index", double.NaN),
                    Kind = kind,
                    Feature = k,
                    Copy = i,
                    TrackId = truth.Count,
                    ShapeSeed = ShapeSeed(k, i, x, y),
                });
            }
        }

        return Describe(sample, [.. truth]);
    }

    /// <summary>
    /// Fills in, in place, what the modality derives from a particle's drawn properties and position (the iSCAT
    /// contrast, for instance) and returns the same array; movies call it for every frame, as particles move.
    /// </summary>
    public virtual ParticleTruth[] Describe(ResolvedProperties sample, ParticleTruth[] truth) => truth;

    /// <summary>
    /// Renders sample <paramref name="sampleIndex"/> into <paramref name="image"/> (ADU, Width × Height) and its
    /// label into <paramref name="label"/> (<see cref="LabelLength"/> floats; an empty span skips the label), and
    /// returns its truth after the augmentations, in output pixels. Particles that augmentations move out of the
    /// output are kept (<see cref="TruthPositions.InField"/> tells them apart, truth tables leave them out).
    /// </summary>
    public ParticleTruth[] Render(ulong sampleIndex, Span<float> image, Span<float> label)
    {
        var sample = Sampler.Resolve(sampleIndex);
        var truth = Truth(sample);
        CheckSize(image, Width, Height);
        if (Augmentations.IsGeometric)
        {
            var sequence = Augmentations.Draw(sample, sampleIndex);
            var area = CanvasWidth * CanvasHeight;
            var canvas = ArrayPool<float>.Shared.Rent(area);
            var scratch = ArrayPool<float>.Shared.Rent(area);
            try
            {
                RenderSignal(sample, truth, canvas.AsSpan(0, area));
                sequence.Apply(canvas.AsSpan(0, area), scratch.AsSpan(0, area), image);
            }
            finally
            {
                ArrayPool<float>.Shared.Return(scratch);
                ArrayPool<float>.Shared.Return(canvas);
            }

            truth = sequence.Transform(truth);
        }
        else
        {
            RenderSignal(sample, truth, image);
        }

        var scale = AugmentationPlan.IntensityScale(sample);
        if (scale != 1)
        {
            Scale(image, (float)scale);
            for (var i = 0; i < truth.Length; i++)
            {
                truth[i] = truth[i] with { Photons = truth[i].Photons * scale };
            }
        }

        Record(sample, image, new RandomStream(Recipe.Seed, sampleIndex, CameraPurpose));
        var offset = (float)AugmentationPlan.Offset(sample);
        if (offset != 0)
        {
            Add(image, offset);
        }

        if (Label is not null && !label.IsEmpty)
        {
            Label.Render(truth, Width, Height, label);
        }

        return truth;
    }

    /// <summary>
    /// Renders particles with the sample's optics and camera, as given and without augmentations (a movie's
    /// frames, whose recipes may not augment); they need not be the sample's own copies (a movie's particles have
    /// <see cref="ParticleTruth.Copy"/> = -1 and take the properties of their feature's first copy). A recipe
    /// that crops cannot render this way: its output is not its canvas.
    /// </summary>
    public void Render(ResolvedProperties sample, ReadOnlySpan<ParticleTruth> truth, RandomStream camera, Span<float> image)
    {
        ArgumentNullException.ThrowIfNull(sample);
        ArgumentNullException.ThrowIfNull(camera);
        if (Augmentations.Crop)
        {
            throw RecipeErrors.At(Recipe, "augmentations.crop", "particles rendered as given fill the whole image; a recipe with augmentations.crop renders samples only");
        }

        CheckSize(image, Width, Height);
        RenderSignal(sample, truth, image);
        Record(sample, image, camera);
    }

    /// <summary>Writes the expected photons per pixel (before the camera) of the particles into <paramref name="signal"/> (CanvasWidth × CanvasHeight, every pixel).</summary>
    protected abstract void RenderSignal(ResolvedProperties sample, ReadOnlySpan<ParticleTruth> truth, Span<float> signal);

    /// <summary>Turns expected photons into ADU in place: by default the recipe's camera and sensor (<see cref="RecipeCameraModels.Record"/>).</summary>
    protected virtual void Record(ResolvedProperties sample, Span<float> image, RandomStream camera) =>
        RecipeCameraModels.Record(Recipe, sample, image, camera);

    // The sample's properties carry no sample index, so a copy's stream is keyed by its feature, copy and drawn
    // position: distinct copies get independent outlines, and the same sample always the same ones.
    private ulong ShapeSeed(int feature, int copy, double x, double y)
    {
        var key = ((ulong)(uint)feature << 32) | (uint)copy;
        var position = (ulong)BitConverter.DoubleToInt64Bits(x) ^ BitOperations.RotateLeft((ulong)BitConverter.DoubleToInt64Bits(y), 29);
        return new RandomStream(Recipe.Seed, key ^ (position * 0x9E3779B97F4A7C15UL), ShapePurpose).NextUInt64();
    }

    private static void CheckSize(Span<float> image, int width, int height)
    {
        if (image.Length != width * height)
        {
            throw new ArgumentException($"the image holds {image.Length} pixels, not {width}×{height}", nameof(image));
        }
    }

    private static void Scale(Span<float> image, float factor)
    {
        for (var i = 0; i < image.Length; i++)
        {
            image[i] *= factor;
        }
    }

    private static void Add(Span<float> image, float offset)
    {
        for (var i = 0; i < image.Length; i++)
        {
            image[i] += offset;
        }
    }

    private static double Member(ResolvedGroup group, int copy, string name, double fallback) =>
        group.Has(name) ? group.Number(copy, name) : fallback;
}
