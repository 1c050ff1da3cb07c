using Perrin.Cli.Localize;
using Perrin.Cli.Training;
using Perrin.Simulation.Labels;
using Perrin.Simulation.Properties;
using Perrin.Simulation.Recipes;
using Perrin.Simulation.Rendering;

namespace Perrin.Cli.Bench;

/// <summary>
/// The single-particle comparison: frames simulated from a regressor's own recipe with its <c>snr</c> fixed and
/// another seed than training's, each localized by the CNN and by radial symmetry (Parthasarathy 2012), and the
/// RMSE of each against the truth. Both methods see exactly the same frames.
/// </summary>
internal static class SingleParticleBenchmark
{
    public static IReadOnlyList<double> DefaultSnrs { get; } = [2, 3, 5, 10, 20];

    /// <summary>The model's recipe with sample[0].snr fixed at <paramref name="snr"/> and the seed <paramref name="seed"/>.</summary>
    public static Recipe AtSnr(RegressorModel model, double snr, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(model);
        var recipe = model.Simulator.Recipe;
        if (recipe.Sample.Count != 1 || !recipe.Sample[0].Properties.ContainsKey("snr"))
        {
            throw new UserInputException($"{model.Path}: its recipe must have one feature with an snr field (photons derived from it, as examples/recipes/single-particle.yaml does) so that frames can be simulated at a chosen SNR");
        }

        var feature = recipe.Sample[0];
        var fixedSnr = feature with { Properties = feature.Properties.With("snr", new ConstantSpec(PropertyValue.Of(snr))) };
        return recipe with { Seed = seed, Sample = new ValueList<RecipeFeature>([fixedSnr]) };
    }

    public static SingleParticleBenchRow Measure(RegressorModel model, double snr, SingleParticleBenchSettings settings, Action<int> framesDone)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(framesDone);
        var simulator = ImageSimulator.Create(AtSnr(model, snr, settings.Seed));
        int w = model.Width, h = model.Height, plane = w * h;
        var radial = new BrightestSpotRadialSymmetry(settings.RoiRadiusPx, settings.SmoothingSigmaPx);
        var frames = new float[settings.Batch * plane];
        var truth = new (double X, double Y)[settings.Batch];
        var cnn = new double[2 * settings.Batch];
        double cnnSum = 0, radialSum = 0;
        var fallbacks = 0;
        for (var first = 0; first < settings.FramesPerSnr; first += settings.Batch)
        {
            var count = Math.Min(settings.Batch, settings.FramesPerSnr - first);
            for (var i = 0; i < count; i++)
            {
                var frame = frames.AsSpan(i * plane, plane);
                var particles = TruthPositions.ClipToField(simulator.Render((ulong)(first + i), frame, []), w, h);
                if (particles.Length != 1)
                {
                    throw new UserInputException($"{model.Path}: its recipe put {particles.Length} particles in frame {first + i}; the comparison needs exactly one");
                }

                truth[i] = (particles[0].X, particles[0].Y);
                var (x, y, fallback) = radial.Locate(frame, h, w);
                radialSum += Squared(x - truth[i].X, y - truth[i].Y);
                fallbacks += fallback ? 1 : 0;
                SimulationDataSource.Standardize(frame);
            }

            model.Predict(frames, count, cnn);
            for (var i = 0; i < count; i++)
            {
                cnnSum += Squared(cnn[2 * i] - truth[i].X, cnn[(2 * i) + 1] - truth[i].Y);
            }

            framesDone(first + count);
        }

        var n = settings.FramesPerSnr;
        return new SingleParticleBenchRow(snr, n, Math.Sqrt(cnnSum / n), Math.Sqrt(radialSum / n), fallbacks);
    }

    private static double Squared(double dx, double dy) => (dx * dx) + (dy * dy);
}
