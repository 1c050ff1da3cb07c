using Perrin.Simulation.Recipes;
using Perrin.Simulation.Rendering;

namespace Perrin.Simulation.Tests.Rendering;

internal static class MovieRecipes
{
    /// <summary>A fluorescence recipe of <paramref name="count"/> emitters (Gaussian PSF, 100 nm pixels) with the given dynamics and camera.</summary>
    public static Recipe Movie(string dynamics, string camera = "{ preset: ideal }", int count = 20, int size = 48, ulong seed = 3) =>
        RecipeReader.Read(
            $$"""
            recipe: movie
            image: { width: {{size}}, height: {{size}} }
            optics: { modality: fluorescence, na: 1.4, wavelength_nm: 680, medium_index: 1.518, pixel_size_nm: 100, psf: { model: gaussian } }
            sample:
              - { feature: point_emitter, count: {{count}}, x: { uniform: [0, {{size - 1}}] }, y: { uniform: [0, {{size - 1}}] }, photons: 1000 }
            dynamics: {{dynamics}}
            camera: {{camera}}
            labels: { form: heatmap }
            seed: {{seed}}
            """,
            "movie.yaml");

    public static BrownianMovie Start(string dynamics, string camera = "{ preset: ideal }", int count = 20, int size = 48, int movie = 0, int? frames = null) =>
        new(new FluorescenceSimulator(Movie(dynamics, camera, count, size)), movie, frames);

    /// <summary>The truth of the next <paramref name="frames"/> frames, each by track id.</summary>
    public static List<Dictionary<int, Truth.ParticleTruth>> Frames(BrownianMovie movie, int frames)
    {
        var list = new List<Dictionary<int, Truth.ParticleTruth>>(frames);
        for (var f = 0; f < frames; f++)
        {
            list.Add(movie.NextFrame().Truth.ToDictionary(p => p.TrackId));
        }

        return list;
    }
}
