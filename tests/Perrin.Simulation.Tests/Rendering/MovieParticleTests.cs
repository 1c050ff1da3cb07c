using Perrin.Simulation.Recipes;
using Perrin.Simulation.Rendering;
using Perrin.Simulation.Truth;

namespace Perrin.Simulation.Tests.Rendering;

public class MovieParticleTests
{
    private const string Dynamics = "dynamics: { model: brownian, frame_interval_ms: 10, diffusion_um2_per_s: 0.5 }";

    [Fact]
    public void IscatMovieParticlesCarryTheirOwnAmplitudeAndTheContrastOfTheirCurrentHeight()
    {
        var recipe = RecipeReader.Read(
            $$"""
            image: { width: 48, height: 48 }
            optics: { modality: iscat, na: 1.4, wavelength_nm: 662, medium_index: 1.518, pixel_size_nm: 23, psf: { model: sinc }, reference_photons: 1.0e6 }
            sample:
              - { feature: point_emitter, count: 12, x: { uniform: [0, 47] }, y: { uniform: [0, 47] }, z: 0, intensity: { log_uniform: [0.001, 0.1] }, phase_rad: 0 }
            camera: { preset: ideal }
            {{Dynamics}}
            seed: 4
            """,
            "iscat-movie.yaml");
        var movie = new BrownianMovie(ImageSimulator.Create(recipe));
        var frames = Enumerable.Range(0, 5).Select(_ => movie.NextFrame()).ToList();
        var particles = frames.SelectMany(f => f.Truth).ToList();
        Assert.NotEmpty(particles);
        Assert.All(particles, p => Assert.InRange(p.Intensity, 0.001, 0.1));
        Assert.True(particles.Select(p => p.Intensity).Distinct().Count() > 3, "the particles draw their amplitudes from the recipe");

        // With the sinc PSF in focus and zero phase, the contrast is 2|s| + |s|² (IscatSimulator's definition).
        Assert.All(particles, p => Assert.Equal((2 * p.Intensity) + (p.Intensity * p.Intensity), p.Contrast, 1e-6));

        // A particle keeps its amplitude while it is tracked.
        foreach (var track in particles.GroupBy(p => p.TrackId))
        {
            Assert.Single(track.Select(p => p.Intensity).Distinct());
        }
    }

    [Fact]
    public void AMovieOfNoParticlesIsTheBackgroundAlone()
    {
        var recipe = RecipeReader.Read(
            $$"""
            image: { width: 48, height: 48 }
            optics: { modality: iscat, na: 1.4, wavelength_nm: 662, medium_index: 1.518, pixel_size_nm: 23, psf: { model: sinc }, reference_photons: 1.0e6 }
            sample:
              - { feature: point_emitter, count: 0, x: { uniform: [0, 47] }, y: { uniform: [0, 47] }, intensity: 0.05, phase_rad: 0 }
            camera: { preset: ideal }
            {{Dynamics}}
            seed: 4
            """,
            "iscat-background.yaml");
        var movie = new BrownianMovie(ImageSimulator.Create(recipe));
        var image = new float[48 * 48];
        for (var f = 0; f < 20; f++)
        {
            var frame = movie.NextFrame();
            Assert.Empty(frame.Truth);
            movie.Render(frame, image, []);
            Assert.All(image, v => Assert.True(float.IsFinite(v)));
        }

        // Shot noise about the reference alone: 10⁶ photons per pixel, σ = 10³.
        Assert.InRange(image.Average(v => (double)v), 0.99e6, 1.01e6);
    }

    [Fact]
    public void HolographyMovieParticlesAreMieSpheresOfTheRecipesSizes()
    {
        var recipe = RecipeReader.Read(
            $$"""
            image: { width: 48, height: 48 }
            optics: { modality: holography, na: 0.8, wavelength_nm: 633, medium_index: 1.33, pixel_size_nm: 100 }
            sample:
              - { feature: mie_sphere, count: 3, x: { uniform: [5, 43] }, y: { uniform: [5, 43] }, z: 1000, radius_nm: { uniform: [300, 600] }, refractive_index: 1.58 }
            camera: { preset: ideal }
            {{Dynamics}}
            seed: 4
            """,
            "holography-movie.yaml");
        var simulator = ImageSimulator.Create(recipe);
        var movie = new BrownianMovie(simulator);
        var frame = movie.NextFrame();
        Assert.All(frame.Truth, p =>
        {
            Assert.Equal(ScattererKind.MieSphere, p.Kind);
            Assert.InRange(p.RadiusNm, 300, 600);
            Assert.Equal(1.58, p.RefractiveIndex);
        });
        var image = new float[48 * 48];
        movie.Render(frame, image, []);
        Assert.All(image, v => Assert.True(float.IsFinite(v)));
        Assert.Contains(image, v => Math.Abs(v - 1) > 0.01);
    }
}
