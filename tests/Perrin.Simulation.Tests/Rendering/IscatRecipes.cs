using Perrin.Simulation.Recipes;

namespace Perrin.Simulation.Tests.Rendering;

internal static class IscatRecipes
{
    public static Recipe Make(string sample, string optics = "", string psf = "{ model: pupil }", int size = 48, string camera = "{ preset: ideal }", ulong seed = 3, string photons = "1.0e6", string labels = "{ form: positions }") =>
        RecipeReader.Read(
            $$"""
            recipe: iscat-test
            image: { width: {{size}}, height: {{size}} }
            optics: { modality: iscat, na: 1.4, wavelength_nm: 662, medium_index: 1.518, pixel_size_nm: 23, psf: {{psf}}, reference_photons: {{photons}}{{optics}} }
            sample:
              - {{sample}}
            camera: {{camera}}
            labels: {{labels}}
            seed: {{seed}}
            """,
            "iscat.yaml");
}
