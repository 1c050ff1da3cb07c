using Perrin.Simulation.Camera;
using Perrin.Simulation.Rendering;

namespace Perrin.Simulation.Tests.Rendering;

public class RecipeCameraModelsTests
{
    [Fact]
    public void IdealIsShotNoiseOnly()
    {
        var ideal = CameraModel.Ideal;
        Assert.Equal(1, ideal.QuantumEfficiency);
        Assert.Equal(1, ideal.EmGain);
        Assert.Equal(0, ideal.ReadNoiseElectrons);
        Assert.Equal(1, ideal.ElectronsPerAdu);
        Assert.Equal(0, ideal.BaselineAdu);
        Assert.Equal(0, ideal.DarkElectrons);
    }

    [Fact]
    public void FieldsOverrideThePreset()
    {
        var recipe = SimulatorRecipes.Fluorescence(
            "{ model: gaussian }",
            "{ feature: point_emitter, count: 1, x: 3, y: 3, photons: 10 }",
            "{ preset: smlm-challenge-emccd, adu_per_e: 0.5, baseline_adu: 200, background_photons: 12 }");
        var sample = new Perrin.Simulation.Recipes.RecipeSampler(recipe).Resolve(0UL);
        var model = RecipeCameraModels.For(recipe, sample);
        Assert.Equal(CameraModel.SmlmChallenge2016Emccd with { ElectronsPerAdu = 2, BaselineAdu = 200 }, model);
        Assert.Equal(12, RecipeCameraModels.BackgroundPhotons(sample));
    }
}
