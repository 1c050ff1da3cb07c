using Perrin.Core.Randomness;
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
/// Implementations are immutable apart from shared caches, and safe to use from several threads.
/// </summary>
public abstract class ImageSimulator
{
    public static readonly ulong CameraPurpose = StablePathHash.Of("perrin.simulation.camera");

    protected ImageSimulator(Recipe recipe)
    {
        ArgumentNullException.ThrowIfNull(recipe);
        Recipe = recipe;
        Sampler = new RecipeSampler(recipe);
        var first = Sampler.Resolve(0UL);
        PixelSizeNm = first.Number("optics.pixel_size_nm");
        Label = RecipeLabelFactory.Create(recipe, first);
    }

    public Recipe Recipe { get; }

    /// <summary>The recipe's property graph, compiled once.</summary>
    protected RecipeSampler Sampler { get; }

    public int Width => Recipe.Image.Width;

    public int Height => Recipe.Image.Height;

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
            "brightfield" or "holography" or "darkfield" => new CoherentSimulator(recipe),
            var other => throw RecipeErrors.At(recipe, "optics.modality", $"optics.modality '{other}' cannot be simulated yet; fluorescence can"),
        };
    }

    public ResolvedProperties Properties(ulong sampleIndex) => Sampler.Resolve(sampleIndex);

    /// <summary>
    /// Every copy of every feature of a sample, in feature order then copy order, with track ids numbered on
    /// across features. Fields a feature does not have stay at their defaults (z = 0, the rest NaN).
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
                truth.Add(new ParticleTruth(Member(group, i, "x", 0), Member(group, i, "y", 0), Member(group, i, "z", 0))
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
                });
            }
        }

        return [.. truth];
    }

    /// <summary>
    /// Renders sample <paramref name="sampleIndex"/> into <paramref name="image"/> (ADU, Width × Height) and its
    /// label into <paramref name="label"/> (<see cref="LabelLength"/> floats; an empty span skips the label).
    /// </summary>
    public ParticleTruth[] Render(ulong sampleIndex, Span<float> image, Span<float> label)
    {
        var sample = Sampler.Resolve(sampleIndex);
        var truth = Truth(sample);
        Render(sample, truth, new RandomStream(Recipe.Seed, sampleIndex, CameraPurpose), image);
        if (Label is not null && !label.IsEmpty)
        {
            Label.Render(truth, Width, Height, label);
        }

        return truth;
    }

    /// <summary>
    /// Renders particles with the sample's optics and camera; they need not be the sample's own copies (a movie's
    /// particles have <see cref="ParticleTruth.Copy"/> = -1 and take the properties of their feature's first copy).
    /// </summary>
    public void Render(ResolvedProperties sample, ReadOnlySpan<ParticleTruth> truth, RandomStream camera, Span<float> image)
    {
        ArgumentNullException.ThrowIfNull(sample);
        ArgumentNullException.ThrowIfNull(camera);
        if (image.Length != Width * Height)
        {
            throw new ArgumentException($"the image holds {image.Length} pixels, not {Width}×{Height}", nameof(image));
        }

        RenderSignal(sample, truth, image);
        Record(sample, image, camera);
    }

    /// <summary>Writes the expected photons per pixel (before the camera) of the particles into <paramref name="signal"/>.</summary>
    protected abstract void RenderSignal(ResolvedProperties sample, ReadOnlySpan<ParticleTruth> truth, Span<float> signal);

    /// <summary>Turns expected photons into ADU in place: by default the recipe's camera (<see cref="RecipeCameraModels"/>).</summary>
    protected virtual void Record(ResolvedProperties sample, Span<float> image, RandomStream camera) =>
        RecipeCameraModels.For(Recipe, sample).Apply(image, Width, Height, camera);

    private static double Member(ResolvedGroup group, int copy, string name, double fallback) =>
        group.Has(name) ? group.Number(copy, name) : fallback;
}
