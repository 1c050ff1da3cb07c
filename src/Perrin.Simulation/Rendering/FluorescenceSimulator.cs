using Perrin.Simulation.Optics;
using Perrin.Simulation.Properties;
using Perrin.Simulation.Recipes;
using Perrin.Simulation.Scatterers.Shapes;
using Perrin.Simulation.Truth;

namespace Perrin.Simulation.Rendering;

/// <summary>
/// Fluorescence: every point_emitter is drawn with its expected photons through the recipe's PSF
/// (<see cref="RecipePsfs"/>; with the gaussian model, each copy's own σ, a movie's particles that of their
/// feature's first copy), on the constant <c>camera.background_photons</c>, recorded by the recipe's camera.
/// Spheres, ellipses, ellipsoids and cells are bodies filled uniformly with dye (<see cref="TruthShapes"/>), whose
/// <c>photons</c> are the body's total: the image is the sum over z slabs of the slab's emission convolved with the
/// PSF at the slab's depth (<see cref="BlurredProjection"/> for the gaussian model, which ignores z;
/// <see cref="TabulatedBodyEmission"/> for airy and pupil). Mie spheres belong to the coherent modalities.
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
            if (recipe.Sample[k].Type == "mie_sphere")
            {
                throw RecipeErrors.At(recipe, $"sample[{k}]", $"sample[{k}] is a mie_sphere, which scatters coherent light; fluorescence images are simulated from point_emitter, sphere, ellipse, ellipsoid and cell features");
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
        var pixel = sample.Number("optics.pixel_size_nm");
        var defocus = -RecipePsfs.Depth(sample, 0);
        List<BlurredProjection>? projections = null;
        try
        {
            for (var i = 0; i < truth.Length; i++)
            {
                ref readonly var p = ref truth[i];
                if (!p.IsOn || !(p.Photons > 0))
                {
                    continue;
                }

                var psf = shared ?? _psfs.Gaussian(sample, sample.Group($"sample[{Math.Max(p.Feature, 0)}]"), Math.Max(p.Copy, 0));
                if (!TruthShapes.IsExtended(p.Kind))
                {
                    psf.AddPoint(signal, CanvasWidth, CanvasHeight, p.X, p.Y, RecipePsfs.Depth(sample, p.Z), p.Photons);
                }
                else if (psf is GaussianPsf gaussian)
                {
                    projections ??= [];
                    var projection = projections.Find(b => b.SigmaPixels == gaussian.SigmaPixels);
                    if (projection is null)
                    {
                        projection = new BlurredProjection(CanvasWidth, CanvasHeight, gaussian.SigmaPixels);
                        projections.Add(projection);
                    }

                    projection.Add(p, pixel);
                }
                else
                {
                    TabulatedBodyEmission.Add(signal, CanvasWidth, CanvasHeight, p, pixel, psf, PsfModel == "pupil", defocus);
                }
            }

            foreach (var projection in projections ?? [])
            {
                projection.AddTo(signal);
            }
        }
        finally
        {
            foreach (var projection in projections ?? [])
            {
                projection.Dispose();
            }
        }
    }
}
