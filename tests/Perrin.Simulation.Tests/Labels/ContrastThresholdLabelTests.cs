using Perrin.Simulation.Labels;
using Perrin.Simulation.Recipes;
using Perrin.Simulation.Rendering;
using Perrin.Simulation.Tests.Rendering;
using Perrin.Simulation.Truth;

namespace Perrin.Simulation.Tests.Labels;

public class ContrastThresholdLabelTests
{
    private const int Size = 24;

    [Fact]
    public void FaintParticlesLeaveTheLabelAndBrightOnesOfEitherSignStay()
    {
        ParticleTruth[] truth =
        [
            new ParticleTruth(4, 4) { Contrast = 0.02 },
            new ParticleTruth(12, 4) { Contrast = -0.02 },
            new ParticleTruth(4, 12) { Contrast = 0.0049 },
            new ParticleTruth(12, 12) { Contrast = -0.0049 },
            new ParticleTruth(20, 20) { Contrast = 0.005 },
            new ParticleTruth(20, 4),
        ];
        var label = new ContrastThresholdLabel(new GaussianHeatmap(1), 0.005);
        var expected = new GaussianHeatmap(1).RenderToArray([truth[0], truth[1], truth[4], truth[5]], Size, Size);
        Assert.Equal(expected, label.RenderToArray(truth, Size, Size));
        Assert.InRange(label.RenderToArray(truth, Size, Size)[(12 * Size) + 4], 0f, 1e-6f);
        Assert.Equal(1f, label.RenderToArray(truth, Size, Size)[(4 * Size) + 12]);
        Assert.Equal((LabelNames.Heatmap, 1), (label.Name, label.Channels));
    }

    [Fact]
    public void ZeroKeepsEveryParticle()
    {
        ParticleTruth[] truth = [new ParticleTruth(5, 5) { Contrast = 0 }, new ParticleTruth(15, 9) { Contrast = 1e-9 }];
        Assert.Equal(new GaussianHeatmap(1.5).RenderToArray(truth, Size, Size), new ContrastThresholdLabel(new GaussianHeatmap(1.5), 0).RenderToArray(truth, Size, Size));
    }

    [Fact]
    public void AnIscatRecipeLabelsOnlyTheParticlesAboveItsThreshold()
    {
        var recipe = IscatRecipes.Make(
            "{ feature: point_emitter, count: 12, x: { uniform: [0, 47] }, y: { uniform: [0, 47] }, intensity: { log_uniform: [0.0005, 0.05] }, phase_rad: { uniform: [0, 6.283185307179586] } }",
            labels: "{ form: heatmap, sigma_px: 2, min_contrast: 0.01 }");
        var simulator = ImageSimulator.Create(recipe);
        var wrapped = Assert.IsType<ContrastThresholdLabel>(simulator.Label);
        Assert.IsType<GaussianHeatmap>(wrapped.Inner);
        int kept = 0, dropped = 0;
        for (ulong k = 0; k < 4; k++)
        {
            var label = new float[simulator.LabelLength];
            var truth = simulator.Render(k, new float[48 * 48], label);
            var bright = truth.Where(p => Math.Abs(p.Contrast) >= 0.01).ToArray();
            kept += bright.Length;
            dropped += truth.Length - bright.Length;
            Assert.Equal(new GaussianHeatmap(2).RenderToArray(bright, 48, 48), label);
        }

        Assert.True(kept > 0 && dropped > 0, $"{kept} kept, {dropped} dropped");
    }

    [Fact]
    public void OnlyIscatRecipesTakeAContrastThreshold()
    {
        var recipe = SimulatorRecipes.Fluorescence("{ model: gaussian }", "{ feature: point_emitter, count: 1, photons: 1000 }", labels: "{ form: heatmap, min_contrast: 0.01 }");
        var error = Assert.Throws<RecipeException>(() => ImageSimulator.Create(recipe));
        Assert.Equal("labels.min_contrast", error.FieldPath);
        Assert.Contains("iscat", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ANegativeThresholdIsARecipeError()
    {
        var error = Assert.Throws<RecipeException>(() => IscatRecipes.Make("{ feature: point_emitter, count: 1, intensity: 0.01 }", labels: "{ form: heatmap, min_contrast: -0.1 }"));
        Assert.Equal("labels.min_contrast", error.FieldPath);
        Assert.Equal(7, error.Line);
    }
}
