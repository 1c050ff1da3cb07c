using Perrin.Simulation.Recipes;
using Perrin.Simulation.Rendering;

namespace Perrin.Simulation.Tests.Rendering;

public class ExampleRecipeTests
{
    private static string Example(string name)
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Perrin.slnx")))
        {
            directory = directory.Parent;
        }

        return Path.Combine(directory!.FullName, "examples", "recipes", name);
    }

    [Fact]
    public void TheBrownianMovieExampleRendersItsMovies()
    {
        var recipe = RecipeReader.ReadFile(Example("brownian-movie.yaml"));
        Assert.Equal("brownian", recipe.Dynamics!.Model);
        var simulator = ImageSimulator.Create(recipe);
        var movie = new BrownianMovie(simulator, 1, 20);
        Assert.Equal(0.03, movie.FrameIntervalS, 12);
        var frames = Enumerable.Range(0, 20).Select(_ => movie.NextFrame()).ToArray();
        Assert.All(frames, f => Assert.All(f.ExposureSamples, s => Assert.Equal(4, s.Length)));
        Assert.Contains(frames.SelectMany(f => f.Truth), p => !p.IsOn);
        var one = new float[20 * 64 * 64];
        var two = new float[20 * 64 * 64];
        movie.Render(frames, 1, one, []);
        movie.Render(frames, 2, two, []);
        Assert.Equal(one, two);
        Assert.InRange(one.Average(v => (double)v), 100, 200);
    }
}
