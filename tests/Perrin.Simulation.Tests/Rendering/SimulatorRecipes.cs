using Perrin.Simulation.Recipes;

namespace Perrin.Simulation.Tests.Rendering;

internal static class SimulatorRecipes
{
    public static Recipe Fluorescence(string psf, string feature, string camera = "{ preset: ideal }", int size = 32, ulong seed = 3, string labels = "{ form: heatmap }") =>
        RecipeReader.Read(
            $$"""
            recipe: test
            image: { width: {{size}}, height: {{size}} }
            optics: { modality: fluorescence, na: 1.4, wavelength_nm: 680, medium_index: 1.518, pixel_size_nm: 100, psf: {{psf}} }
            sample:
              - {{feature}}
            camera: {{camera}}
            labels: {{labels}}
            seed: {{seed}}
            """,
            "test.yaml");
}
