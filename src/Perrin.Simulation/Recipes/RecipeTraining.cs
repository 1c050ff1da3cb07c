using Perrin.Simulation.Properties;

namespace Perrin.Simulation.Recipes;

/// <summary>
/// How to train a network on the recipe: keys as in <see cref="RecipeSchema.Training"/>, all constants. A field not
/// given is null, and the trainer's own default (or a command-line option) applies.
/// </summary>
public sealed record RecipeTraining(PropertyMap Properties)
{
    public string? Model => RecipeSection.Name(Properties, "model");

    /// <summary>U-Net channels per level.</summary>
    public IReadOnlyList<int>? Levels =>
        RecipeSection.Spec(Properties, "levels") is ConstantSpec { Value.List: { } list } ? [.. list.Select(v => (int)v.Number)] : null;

    public string? Loss => RecipeSection.Name(Properties, "loss");

    public int? Epochs => Integer("epochs");

    /// <summary>Steps per epoch.</summary>
    public int? Steps => Integer("steps");

    public int? Batch => Integer("batch");

    public double? LearningRate => Number("lr");

    public string? Schedule => RecipeSection.Name(Properties, "schedule");

    public int? WarmupSteps => Integer("warmup_steps");

    public int? ValidationBatches => Integer("validation_batches");

    public double? ClipNorm => Number("clip_norm");

    public int? Patience => Integer("patience");

    /// <summary>Samples in the replay pool.</summary>
    public int? Pool => Integer("pool");

    /// <summary>Pool samples replaced before each step.</summary>
    public int? Refresh => Integer("refresh");

    private double? Number(string key) =>
        RecipeSection.Spec(Properties, key) is ConstantSpec { Value: { IsNumber: true, Number: var n } } ? n : null;

    private int? Integer(string key) => Number(key) is { } n && n >= int.MinValue && n <= int.MaxValue ? (int)n : null;
}
