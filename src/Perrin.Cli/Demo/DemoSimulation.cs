using Perrin.Cli.Console;
using Perrin.Core.Tables;
using Perrin.Simulation.Labels;
using Perrin.Simulation.Recipes;
using Perrin.Simulation.Rendering;

namespace Perrin.Cli.Demo;

/// <summary>Renders the demo's movies with the simulator `perrin simulate` uses for recipes with dynamics.</summary>
internal static class DemoSimulation
{
    private const int Chunk = 4;

    /// <summary>The movies at each density; movie k is sample k of its recipe, so no two densities share particles.</summary>
    public static DemoMovie[] Run(CliConsole console, DemoScenario scenario, IReadOnlyList<double> densities, int threads)
    {
        var total = (long)densities.Count * scenario.Frames;
        return ProgressScope.Run(console, "simulate iSCAT movies", total, report =>
        {
            var movies = new DemoMovie[densities.Count];
            for (var k = 0; k < densities.Count; k++)
            {
                movies[k] = Render(scenario, densities[k], k, threads, done => report(((long)k * scenario.Frames) + done));
            }

            return movies;
        });
    }

    /// <summary>Movie <paramref name="index"/> of the scenario at <paramref name="density"/>, without a progress bar; <paramref name="report"/> gets the frames done.</summary>
    public static DemoMovie Render(DemoScenario scenario, double density, int index, int threads, Action<long> report)
    {
        var text = scenario.RecipeText(density);
        var simulator = ImageSimulator.Create(RecipeReader.Read(text, $"demo recipe at {density} particles/µm²"));
        var movie = new BrownianMovie(simulator, index, scenario.Frames);
        var (width, height) = (simulator.Width, simulator.Height);
        var area = width * height;
        var frames = new float[scenario.Frames][];
        var truth = new List<Localization>();
        var buffer = new float[Chunk * area];
        for (var start = 0; start < scenario.Frames; start += Chunk)
        {
            var drawn = new MovieFrame[Math.Min(Chunk, scenario.Frames - start)];
            for (var i = 0; i < drawn.Length; i++)
            {
                drawn[i] = movie.NextFrame();
            }

            movie.Render(drawn, threads, buffer, []);
            for (var i = 0; i < drawn.Length; i++)
            {
                var f = start + i;
                frames[f] = buffer.AsSpan(i * area, area).ToArray();
                foreach (var p in TruthPositions.ClipToField(drawn[i].Truth, width, height))
                {
                    truth.Add(TruthPositions.ToLocalization(p, f, simulator.PixelSizeNm));
                }
            }

            report(start + drawn.Length);
        }

        return new DemoMovie(density, width, height, frames, truth, text);
    }
}
