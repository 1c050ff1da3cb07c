using Perrin.Simulation.Recipes;
using Perrin.Simulation.Rendering;

namespace Perrin.Simulation.Tests.Rendering;

public class PupilMaskRecipeTests
{
    private static Recipe Recipe(string psf, double z) =>
        RecipeReader.Read(
            $$"""
            image: { width: 40, height: 40 }
            optics: { modality: fluorescence, na: 1.4, wavelength_nm: 680, medium_index: 1.518, pixel_size_nm: 65, psf: {{psf}} }
            sample:
              - { feature: point_emitter, count: 1, x: 19.5, y: 19.5, z: {{z}}, photons: 1.0e6 }
            camera: { preset: ideal }
            seed: 2
            """,
            "mask.yaml");

    // Orientation of the intensity's principal axis, from the second moments about the centroid.
    private static double Orientation(float[] image, int size)
    {
        double sum = 0, sx = 0, sy = 0;
        for (var i = 0; i < image.Length; i++)
        {
            sum += image[i];
            sx += image[i] * (i % size);
            sy += image[i] * (i / size);
        }

        double cx = sx / sum, cy = sy / sum, xx = 0, yy = 0, xy = 0;
        for (var i = 0; i < image.Length; i++)
        {
            double dx = (i % size) - cx, dy = (i / size) - cy;
            xx += image[i] * dx * dx;
            yy += image[i] * dy * dy;
            xy += image[i] * dx * dy;
        }

        return 0.5 * Math.Atan2(2 * xy, xx - yy);
    }

    [Fact]
    public void ADoubleHelixMaskFromTheRecipeTurnsThePsfWithDepth()
    {
        // The spiral-zone mask gives a two-lobed PSF whose axis rotates with z (Prasad 2013); without a mask the
        // in-focus PSF is round and a defocused one stays round, so the orientation change is the mask's doing.
        var angles = new List<double>();
        foreach (var z in (double[])[-300, 0, 300])
        {
            var image = new float[40 * 40];
            ImageSimulator.Create(Recipe("{ model: pupil, mask: double_helix, mask_zones: 3 }", z)).Render(0, image, []);
            angles.Add(Orientation(image, 40));
        }

        var turn1 = Math.Abs(Math.IEEERemainder(angles[1] - angles[0], Math.PI));
        var turn2 = Math.Abs(Math.IEEERemainder(angles[2] - angles[1], Math.PI));
        Assert.True(turn1 > 0.2 && turn2 > 0.2, $"lobe axis at z −300, 0, 300 nm: {string.Join(", ", angles)} rad");
        Assert.Equal(Math.Sign(Math.IEEERemainder(angles[1] - angles[0], Math.PI)), Math.Sign(Math.IEEERemainder(angles[2] - angles[1], Math.PI)));
    }

    [Fact]
    public void AMaskOnAGaussianPsfIsALocatedError()
    {
        var error = Assert.Throws<RecipeException>(() => ImageSimulator.Create(Recipe("{ model: gaussian, mask: double_helix }", 0)));
        Assert.Contains("optics.psf.mask", error.Message, StringComparison.Ordinal);
        Assert.Equal("optics.psf.mask", error.FieldPath);
        Assert.Equal(2, error.Line);
        Assert.StartsWith("mask.yaml, line 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheFluentApiSetsTheMaskAndTheRecipeRoundTrips()
    {
        var recipe = Recipe("{ model: pupil, mask: double_helix, mask_zones: 4, apodization: aplanatic }", 0);
        var text = RecipeWriter.Write(recipe);
        Assert.Contains("double_helix", text, StringComparison.Ordinal);
        Assert.Equal(text, RecipeWriter.Write(RecipeReader.Read(text, "again.yaml")));
    }
}
