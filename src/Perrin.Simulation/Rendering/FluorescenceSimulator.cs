using Perrin.Simulation.Optics;
using Perrin.Simulation.Properties;
using Perrin.Simulation.Recipes;
using Perrin.Simulation.Truth;

namespace Perrin.Simulation.Rendering;

/// <summary>
/// Fluorescence: every point_emitter is drawn with its expected photons through the recipe's PSF
/// (<see cref="RecipePsfs"/>; with the gaussian model, each copy's own σ, a movie's particles that of their
/// feature's first copy), on the constant <c>camera.background_photons</c>, recorded by the recipe's camera.
/// </summary>
public sealed class FluorescenceSimulator : ImageSimulator
{
    private readonly RecipePsfs _psfs;

    public FluorescenceSimulator(Recipe recipe)
        : base(recipe)
    {
        if (recipe.Optics.Modality != "fluorescence")
        {
            throw RecipeErrors.At(recipe, "optics.modality", $"optics.modality '{recipe.Optics.Modality}' is not fluorescence");
        }

        for (var k = 0; k < recipe.Sample.Count; k++)
        {
            if (recipe.Sample[k].Type != "point_emitter")
            {
                throw RecipeErrors.At(recipe, $"sample[{k}]", $"sample[{k}] is a {recipe.Sample[k].Type}; fluorescence images are simulated from point_emitter features");
            }
        }

        _psfs = new RecipePsfs(Sampler);
    }

    /// <summary>gaussian, airy or pupil.</summary>
    public string PsfModel => _psfs.Model;

    public override string Description => $"fluorescence, {PsfModel} PSF";

    protected override void RenderSignal(ResolvedProperties sample, ReadOnlySpan<ParticleTruth> truth, Span<float> signal)
    {
        signal.Fill((float)RecipeCameraModels.BackgroundPhotons(sample));
        var shared = _psfs.Shared(sample);
        for (var i = 0; i < truth.Length; i++)
        {
            ref readonly var p = ref truth[i];
            if (p.IsOn && p.Photons > 0)
            {
                var psf = shared ?? _psfs.Gaussian(sample, sample.Group($"sample[{Math.Max(p.Feature, 0)}]"), Math.Max(p.Copy, 0));
                psf.AddPoint(signal, CanvasWidth, CanvasHeight, p.X, p.Y, RecipePsfs.Depth(sample, p.Z), p.Photons);
            }
        }
    }
}
