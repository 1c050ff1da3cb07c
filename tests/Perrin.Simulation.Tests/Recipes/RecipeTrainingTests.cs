using Perrin.Simulation.Recipes;

namespace Perrin.Simulation.Tests.Recipes;

/// <summary>The training section: typed values, round trips through YAML, located errors for bad settings.</summary>
public class RecipeTrainingTests
{
    private const string Valid = """
        recipe: test
        image: { width: 64, height: 64 }
        optics:
          modality: fluorescence
          na: 1.4
          wavelength_nm: 680
          medium_index: 1.518
          pixel_size_nm: 100
        sample:
          - feature: point_emitter
            count: 5
            photons: 1000
        labels: { form: heatmap }
        training:
          model: unet
          levels: [16, 32, 64]
          loss: mse
          epochs: 12
          steps: 300
          batch: 8
          lr: 1e-3
          schedule: cosine
          warmup_steps: 50
          validation_batches: 3
          clip_norm: 2.5
          patience: 4
          pool: 512
          refresh: 2
        seed: 3
        """;

    [Fact]
    public void EveryFieldIsReadAsItsType()
    {
        var training = RecipeReader.Read(Valid, "t.yaml").Training!;

        Assert.Equal("unet", training.Model);
        Assert.Equal([16, 32, 64], training.Levels!);
        Assert.Equal("mse", training.Loss);
        Assert.Equal(12, training.Epochs);
        Assert.Equal(300, training.Steps);
        Assert.Equal(8, training.Batch);
        Assert.Equal(1e-3, training.LearningRate);
        Assert.Equal("cosine", training.Schedule);
        Assert.Equal(50, training.WarmupSteps);
        Assert.Equal(3, training.ValidationBatches);
        Assert.Equal(2.5, training.ClipNorm);
        Assert.Equal(4, training.Patience);
        Assert.Equal(512, training.Pool);
        Assert.Equal(2, training.Refresh);
    }

    [Fact]
    public void ARecipeWithoutTheSectionHasNone()
    {
        var text = Valid[..Valid.IndexOf("training:", StringComparison.Ordinal)] + "seed: 3\n";

        var recipe = RecipeReader.Read(text);

        Assert.Null(recipe.Training);
        Assert.DoesNotContain("training", RecipeWriter.Write(recipe), StringComparison.Ordinal);
    }

    [Fact]
    public void FieldsNotGivenAreNull()
    {
        var training = RecipeReader.Read(Valid.Replace("  pool: 512\n  refresh: 2\n", string.Empty, StringComparison.Ordinal)).Training!;

        Assert.Null(training.Pool);
        Assert.Null(training.Refresh);
        Assert.Equal(8, training.Batch);
    }

    [Fact]
    public void TheSectionRoundTripsThroughYaml()
    {
        var recipe = RecipeReader.Read(Valid);

        var text = RecipeWriter.Write(recipe);
        var back = RecipeReader.Read(text);

        Assert.Equal(recipe, back);
        Assert.Contains("training:\n  model: unet\n  levels: [16, 32, 64]\n  loss: mse\n  epochs: 12\n", text, StringComparison.Ordinal);
        Assert.Contains("  lr: 0.001\n", text, StringComparison.Ordinal);
        Assert.Equal(RecipeWriter.Write(back), text);
    }

    [Fact]
    public void TheTrainingSectionTakesPartInEquality()
    {
        var recipe = RecipeReader.Read(Valid);
        var other = RecipeReader.Read(Valid.Replace("  batch: 8", "  batch: 16", StringComparison.Ordinal));

        Assert.NotEqual(recipe, other);
        Assert.NotEqual(recipe, recipe with { Training = null });
    }

    [Fact]
    public void TheFluentApiBuildsTheSameSection()
    {
        var built = Recipe.Create("test")
            .Image(64, 64)
            .Optics(o => o.Fluorescence().Na(1.4).WavelengthNm(680).MediumIndex(1.518).PixelSizeNm(100))
            .Add(Feature.PointEmitter().Count(5).Photons(1000))
            .Labels(l => l.Form("heatmap"))
            .Training(t => t.Model("unet").Levels(16, 32, 64).Loss("mse").Epochs(12).Steps(300).Batch(8).LearningRate(1e-3).Schedule("cosine")
                .Set("warmup_steps", 50).Set("validation_batches", 3).Set("clip_norm", 2.5).Set("patience", 4).Pool(512, 2))
            .Seed(3)
            .Build();

        Assert.Equal(RecipeReader.Read(Valid), built);
    }

    [Fact]
    public void AnyLossNameIsAccepted()
    {
        Assert.Equal("decode", RecipeReader.Read(Valid.Replace("  loss: mse", "  loss: decode", StringComparison.Ordinal)).Training!.Loss);
    }

    public static TheoryData<string, string, int, int, string, string> Cases => new()
    {
        { "  lr: 1e-3", "  lr: { log_uniform: [1e-4, 1e-2] }", 21, 7, "training.lr", "training.lr = { log_uniform: [0.0001, 0.01] } must be a number in (0, 10), written as a plain constant" },
        { "  lr: 1e-3", "  lr: 0", 21, 7, "training.lr", "training.lr = 0 must be a number in (0, 10), written as a plain constant" },
        { "  batch: 8", "  batch: 2.5", 20, 10, "training.batch", "training.batch = 2.5 must be an integer in [1, 4096], written as a plain constant" },
        { "  epochs: 12", "  epochs: \"= 2 * 6\"", 18, 11, "training.epochs", "training.epochs = \"= 2 * 6\" must be an integer in [1, 100000], written as a plain constant" },
        { "  levels: [16, 32, 64]", "  levels: [16, 0]", 16, 11, "training.levels", "training.levels = [16, 0] must be a list of 1 to 8 numbers, each an integer in [1, 4096], such as [16, 32, 64]" },
        { "  levels: [16, 32, 64]", "  levels: 16", 16, 11, "training.levels", "training.levels = 16 must be a list of 1 to 8 numbers, each an integer in [1, 4096], such as [16, 32, 64]" },
        { "  loss: mse", "  loss: 3", 17, 9, "training.loss", "training.loss = 3 must be a name" },
        { "  model: unet", "  model: resnet", 15, 10, "training.model", "training.model = resnet must be one of unet, cnn" },
        { "  schedule: cosine", "  schedule: cosin", 22, 13, "training.schedule", "training.schedule = cosin must be one of constant, cosine (did you mean cosine?)" },
        { "  refresh: 2", "  refresh: 600", 28, 12, "training.refresh", "training.refresh = 600 exceeds training.pool = 512; at most the whole pool is replaced per step" },
        { "  pool: 512", "  pol: 512", 27, 3, "training.pol", "unknown field training.pol (did you mean pool?); training allows model, levels, loss, epochs, steps, batch, lr, schedule, warmup_steps, validation_batches, clip_norm, patience, pool, refresh" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void BadSettingsAreReportedAtTheirLineAndField(string line, string replacement, int expectedLine, int expectedColumn, string field, string problem)
    {
        Assert.Single(Valid.Split('\n'), l => l == line);
        var text = Valid.Replace(line, replacement, StringComparison.Ordinal);

        var error = Assert.Throws<RecipeException>(() => RecipeReader.Read(text, "t.yaml"));

        Assert.Equal(problem, error.Problem);
        Assert.Equal(field, error.FieldPath);
        Assert.Equal((expectedLine, expectedColumn), (error.Line, error.Column));
        Assert.Equal($"t.yaml, line {expectedLine}, column {expectedColumn}: {problem}", error.Message);
    }

    [Fact]
    public void ARefreshWithoutAPoolIsRefused()
    {
        var text = Valid.Replace("  pool: 512\n", string.Empty, StringComparison.Ordinal);

        var error = Assert.Throws<RecipeException>(() => RecipeReader.Read(text, "t.yaml"));

        Assert.Equal("training.refresh", error.FieldPath);
        Assert.Equal("training.refresh replaces samples of the replay pool; set training.pool too", error.Problem);
    }
}
