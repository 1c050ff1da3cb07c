using Perrin.Simulation.Properties;

namespace Perrin.Simulation.Recipes;

/// <summary>Fields of the <c>training</c> section for the fluent recipe API; <see cref="SectionBuilder{TSelf}.Set"/> reaches the rest.</summary>
public sealed class TrainingBuilder : SectionBuilder<TrainingBuilder>
{
    public TrainingBuilder Model(string name) => Set("model", Spec.Text(name));

    public TrainingBuilder Levels(params int[] channels) =>
        Set("levels", new ConstantSpec(PropertyValue.Of(channels.Select(c => PropertyValue.Of(c)))));

    public TrainingBuilder Loss(string name) => Set("loss", Spec.Text(name));

    public TrainingBuilder Epochs(int epochs) => Set("epochs", epochs);

    public TrainingBuilder Steps(int steps) => Set("steps", steps);

    public TrainingBuilder Batch(int size) => Set("batch", size);

    public TrainingBuilder LearningRate(double rate) => Set("lr", rate);

    public TrainingBuilder Schedule(string name) => Set("schedule", Spec.Text(name));

    public TrainingBuilder Pool(int size, int refresh) => Set("pool", size).Set("refresh", refresh);
}
