using System.Diagnostics;
using System.Globalization;
using Perrin.Cli.Console;
using Perrin.Core.Tables;

namespace Perrin.Cli.Demo;

/// <summary>
/// `perrin demo`: simulates held-out iSCAT movies at several densities, localizes them with the network and the
/// classical baselines on the same frames, scores every method against the truth, tracks the network's
/// localizations, estimates D, and writes the report.
/// </summary>
internal static class DemoRun
{
    // Relative pixel-size mismatch beyond which the network sees particles at a scale it was not trained on.
    private const double PixelSizeTolerance = 0.03;

    public static DemoResults Run(CliConsole console, DemoSettings settings)
    {
        var clock = Stopwatch.StartNew();
        var scenario = new DemoScenario(settings.Size, settings.Frames, settings.Seed);
        var model = DemoModel.Resolve(console, settings);
        if (model.Model.Recipe.Seed == settings.Seed)
        {
            throw new UserInputException($"--seed {settings.Seed} is the seed the network was trained with; held-out movies need another");
        }

        var trained = model.Model.RecipePixelSizeNm;
        if (Math.Abs(trained - DemoScenario.PixelSizeNm) > PixelSizeTolerance * DemoScenario.PixelSizeNm)
        {
            console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"warning: {settings.Model} was trained at {trained:G4} nm per pixel, the demo's movies have {DemoScenario.PixelSizeNm} nm: its scores will say so"));
        }

        var movies = DemoSimulation.Run(console, scenario, settings.Densities, settings.Threads);
        var network = new NetworkLocalization(model.Model, settings.Threads);
        var setups = new Dictionary<string, string> { [DemoResults.Network] = network.Setup(settings.Size, settings.Size) };
        var methods = new List<string> { DemoResults.Network };
        var scores = new List<MethodResult>();
        var frames = (long)movies.Length * settings.Frames;
        ProgressScope.Run(console, "network", frames, report =>
        {
            for (var k = 0; k < movies.Length; k++)
            {
                var offset = (long)k * settings.Frames;
                var rows = network.Run(movies[k], done => report(offset + done));
                var (overall, bright) = DemoScoring.Score(rows, movies[k]);
                scores.Add(new MethodResult(DemoResults.Network, movies[k].Density, rows, overall, bright));
            }

            return 0;
        });

        if (settings.Refine)
        {
            var refinement = new NetworkRefinement(model.Model, settings.Threads);
            methods.Add(DemoResults.Refined);
            setups[DemoResults.Refined] = NetworkRefinement.Setup;
            ProgressScope.Run(console, DemoResults.Refined, frames, report =>
            {
                for (var k = 0; k < movies.Length; k++)
                {
                    var offset = (long)k * settings.Frames;
                    var rows = refinement.Run(movies[k], scores.First(s => s.Method == DemoResults.Network && s.Density == movies[k].Density).Localizations,
                        done => report(offset + done));
                    var (overall, bright) = DemoScoring.Score(rows, movies[k]);
                    scores.Add(new MethodResult(DemoResults.Refined, movies[k].Density, rows, overall, bright));
                }

                return 0;
            });
        }

        var classical = movies.Select(ClassicalFrames.Prepare).ToArray();
        foreach (var name in ClassicalMethods.Create(classical.Average(c => c.NoiseSigma)).Select(m => m.Name))
        {
            methods.Add(name);
            ProgressScope.Run(console, name, frames, report =>
            {
                for (var k = 0; k < movies.Length; k++)
                {
                    var offset = (long)k * settings.Frames;
                    var method = ClassicalMethods.Create(classical[k].NoiseSigma).First(m => m.Name == name);
                    setups[name] = method.Setup;
                    var rows = ClassicalLocalization.Run(method, classical[k], movies[k].Height, movies[k].Width, settings.Threads, done => report(offset + done));
                    var (overall, bright) = DemoScoring.Score(rows, movies[k]);
                    scores.Add(new MethodResult(name, movies[k].Density, rows, overall, bright));
                }

                return 0;
            });
        }

        var diffusion = new List<DiffusionResult>();
        foreach (var movie in movies)
        {
            IReadOnlyList<Localization> located = scores.First(s => s.Method == DemoResults.Network && s.Density == movie.Density).Localizations;
            diffusion.Add(DemoTracking.Link(located, movie, scenario));
            diffusion.Add(DemoTracking.Truth(movie, scenario));
        }

        var results = new DemoResults(settings, scenario, model, movies, methods, setups, scores, diffusion, classical, clock.Elapsed);
        DemoReport.Write(settings.Output, results);
        return results;
    }
}
