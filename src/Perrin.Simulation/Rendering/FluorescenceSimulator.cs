using Perrin.Core.Randomness;
using Perrin.Simulation.Labels;
using Perrin.Simulation.Optics;
using Perrin.Simulation.Properties;
using Perrin.Simulation.Recipes;
using Perrin.Simulation.Truth;

namespace Perrin.Simulation.Rendering;

/// <summary>
/// Simulates fluorescence images from a recipe. Sample k is a pure function of (recipe, seed, k): its properties
/// come from <see cref="RecipeSampler.Resolve(ulong)"/> and its camera noise from the stream
/// (seed, k, <see cref="CameraPurpose"/>), so samples can be drawn in any order on any number of threads.
/// The image is: every point_emitter copy (track id = copy index, numbered on across features) drawn with its
/// expected photons through the recipe's PSF (<see cref="RecipePsfs"/>), plus the constant
/// <c>camera.background_photons</c>, recorded by the recipe's camera (<see cref="RecipeCameraModels"/>) in ADU.
/// The label is the one <c>labels.form</c> names (<see cref="RecipeLabelFactory"/>), built from sample 0's
/// label fields. Immutable apart from shared PSF tables; safe to use from several threads.
/// </summary>
public sealed class FluorescenceSimulator
{
    public static readonly ulong CameraPurpose = StablePathHash.Of("perrin.simulation.camera");

    private readonly RecipeSampler _sampler;
    private readonly RecipePsfs _psfs;

    public FluorescenceSimulator(Recipe recipe)
    {
        ArgumentNullException.ThrowIfNull(recipe);
        _sampler = new RecipeSampler(recipe);
        Recipe = recipe;
        if (recipe.Optics.Modality != "fluorescence")
        {
            throw RecipeErrors.At(recipe, "optics.modality", $"optics.modality '{recipe.Optics.Modality}': only fluorescence images can be simulated");
        }

        for (var k = 0; k < recipe.Sample.Count; k++)
        {
            if (recipe.Sample[k].Type != "point_emitter")
            {
                throw RecipeErrors.At(recipe, $"sample[{k}]", $"sample[{k}] is a {recipe.Sample[k].Type}; fluorescence images are simulated from point_emitter features");
            }
        }

        _psfs = new RecipePsfs(_sampler);
        var first = _sampler.Resolve(0UL);
        PixelSizeNm = first.Number("optics.pixel_size_nm");
        Label = RecipeLabelFactory.Create(recipe, first);
    }

    public Recipe Recipe { get; }

    public int Width => Recipe.Image.Width;

    public int Height => Recipe.Image.Height;

    /// <summary>Pixel size of sample 0, which the written movie is calibrated with.</summary>
    public double PixelSizeNm { get; }

    /// <summary>gaussian, airy or pupil.</summary>
    public string PsfModel => _psfs.Model;

    /// <summary>The label of every sample, or null when the recipe asks for none or for positions only.</summary>
    public ILabel? Label { get; }

    /// <summary>Floats of one sample's label (0 without a label).</summary>
    public int LabelLength => Label is null ? 0 : LabelSize.Width * LabelSize.Height * Label.Channels;

    /// <summary>Size of each label channel.</summary>
    public (int Width, int Height) LabelSize => Label?.OutputSize(Width, Height) ?? (0, 0);

    public ResolvedProperties Properties(ulong sampleIndex) => _sampler.Resolve(sampleIndex);

    /// <summary>The emitters of a sample, in feature order then copy order.</summary>
    public ParticleTruth[] Truth(ResolvedProperties sample)
    {
        ArgumentNullException.ThrowIfNull(sample);
        var truth = new List<ParticleTruth>();
        for (var k = 0; k < Recipe.Sample.Count; k++)
        {
            var group = sample.Group($"sample[{k}]");
            for (var i = 0; i < group.Count; i++)
            {
                truth.Add(new ParticleTruth(Member(group, i, "x"), Member(group, i, "y"), Member(group, i, "z"))
                {
                    Photons = group.Has("photons") ? group.Number(i, "photons") : 0,
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
        var sample = _sampler.Resolve(sampleIndex);
        var truth = Truth(sample);
        var shared = _psfs.Shared(sample);
        var psfs = new IPsf[truth.Length];
        var n = 0;
        for (var k = 0; k < Recipe.Sample.Count; k++)
        {
            var group = sample.Group($"sample[{k}]");
            for (var i = 0; i < group.Count; i++)
            {
                psfs[n++] = shared ?? _psfs.Gaussian(sample, group, i);
            }
        }

        Render(sample, truth, psfs, new RandomStream(Recipe.Seed, sampleIndex, CameraPurpose), image);
        if (Label is not null && !label.IsEmpty)
        {
            Label.Render(truth, Width, Height, label);
        }

        return truth;
    }

    /// <summary>
    /// Renders emitters that do not come from the sample's own copies (a movie's particles) with the sample's
    /// optics and camera; with the gaussian model, all use the σ of the first feature's first copy.
    /// </summary>
    public void Render(ResolvedProperties sample, ReadOnlySpan<ParticleTruth> truth, RandomStream camera, Span<float> image)
    {
        ArgumentNullException.ThrowIfNull(sample);
        var psf = _psfs.Shared(sample) ?? _psfs.Gaussian(sample, sample.Group("sample[0]"), 0);
        var psfs = new IPsf[truth.Length];
        Array.Fill(psfs, psf);
        Render(sample, truth, psfs, camera, image);
    }

    private void Render(ResolvedProperties sample, ReadOnlySpan<ParticleTruth> truth, IPsf[] psfs, RandomStream camera, Span<float> image)
    {
        ArgumentNullException.ThrowIfNull(camera);
        if (image.Length != Width * Height)
        {
            throw new ArgumentException($"the image holds {image.Length} pixels, not {Width}×{Height}", nameof(image));
        }

        var background = (float)RecipeCameraModels.BackgroundPhotons(sample);
        image.Fill(background);
        for (var i = 0; i < truth.Length; i++)
        {
            ref readonly var p = ref truth[i];
            if (p.IsOn && p.Photons > 0)
            {
                psfs[i].AddPoint(image, Width, Height, p.X, p.Y, RecipePsfs.Depth(sample, p.Z), p.Photons);
            }
        }

        RecipeCameraModels.For(Recipe, sample).Apply(image, Width, Height, camera);
    }

    private static double Member(ResolvedGroup group, int copy, string name) => group.Has(name) ? group.Number(copy, name) : 0;
}
