using Perrin.Simulation.Properties;

namespace Perrin.Simulation.Recipes;

/// <summary>
/// Builds the same <see cref="Recipe"/> a YAML file describes, in code:
/// <c>Recipe.Create("smlm").Image(64, 64).Optics(o => o.Fluorescence().Na(1.4)…).Add(Feature.PointEmitter()…).Build()</c>.
/// Build applies the same validation as the reader.
/// </summary>
public sealed class RecipeBuilder
{
    private readonly string? _name;
    private readonly List<RecipeFeature> _sample = [];
    private RecipeImage? _image;
    private OpticsBuilder? _optics;
    private CameraBuilder? _camera;
    private DynamicsBuilder? _dynamics;
    private LabelsBuilder? _labels;
    private AugmentationsBuilder? _augmentations;
    private TrainingBuilder? _training;
    private ulong _seed;

    internal RecipeBuilder(string? name) => _name = name;

    public RecipeBuilder Image(int width, int height)
    {
        _image = new RecipeImage(width, height);
        return this;
    }

    public RecipeBuilder Optics(Action<OpticsBuilder> configure) => Configure(ref _optics, configure);

    public RecipeBuilder Camera(Action<CameraBuilder> configure) => Configure(ref _camera, configure);

    public RecipeBuilder Dynamics(Action<DynamicsBuilder> configure) => Configure(ref _dynamics, configure);

    public RecipeBuilder Labels(Action<LabelsBuilder> configure) => Configure(ref _labels, configure);

    public RecipeBuilder Augmentations(Action<AugmentationsBuilder> configure) => Configure(ref _augmentations, configure);

    public RecipeBuilder Training(Action<TrainingBuilder> configure) => Configure(ref _training, configure);

    public RecipeBuilder Add(FeatureBuilder feature)
    {
        ArgumentNullException.ThrowIfNull(feature);
        _sample.Add(feature.ToFeature());
        return this;
    }

    public RecipeBuilder Add(RecipeFeature feature)
    {
        ArgumentNullException.ThrowIfNull(feature);
        _sample.Add(feature);
        return this;
    }

    public RecipeBuilder Seed(ulong seed)
    {
        _seed = seed;
        return this;
    }

    /// <summary>The validated recipe; a <see cref="RecipeException"/> names the field that is wrong.</summary>
    public Recipe Build()
    {
        var recipe = new Recipe(
            _name,
            _image ?? throw new RecipeException(null, null, "image", "the recipe has no image size; call Image(width, height)"),
            new RecipeOptics(_optics?.ToMap() ?? throw new RecipeException(null, null, "optics", "the recipe has no optics; call Optics(...)")),
            new ValueList<RecipeFeature>(_sample),
            _camera is null ? null : new RecipeCamera(_camera.ToMap()),
            _dynamics is null ? null : new RecipeDynamics(_dynamics.ToMap()),
            _labels is null ? null : new RecipeLabels(_labels.ToMap()),
            _augmentations is null ? null : new RecipeAugmentations(_augmentations.ToMap()),
            _seed)
        { Training = _training is null ? null : new RecipeTraining(_training.ToMap()) };
        RecipeValidator.Validate(recipe);
        return recipe;
    }

    private RecipeBuilder Configure<T>(ref T? builder, Action<T> configure)
        where T : SectionBuilder<T>, new()
    {
        ArgumentNullException.ThrowIfNull(configure);
        builder ??= new T();
        configure(builder);
        return this;
    }
}
