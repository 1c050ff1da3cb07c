using Perrin.Simulation.Rendering;
using Perrin.Simulation.Truth;

namespace Perrin.Simulation.Tests.Rendering;

public class BrownianMovieTests
{
    private static FluorescenceSimulator Simulator() => new(SimulatorRecipes.Fluorescence(
        "{ model: gaussian }",
        "{ feature: point_emitter, count: 20, x: { uniform: [0, 47] }, y: { uniform: [0, 47] }, photons: 1000 }\ndynamics: { model: brownian, frame_interval_ms: 50, diffusion_um2_per_s: 0.1 }",
        size: 48));

    [Fact]
    public void OneFrameStepsHaveTheBrownianMeanSquare()
    {
        // 2D: <Δr²> = 4·D·Δt = 4 · 0.1 µm²/s · 0.05 s = 0.02 µm² = 2 px² at 100 nm pixels. With about 20 particles
        // over 150 steps (~3000 steps), the mean's σ is 2·√(2/3000) ≈ 0.05 px²; the band is ±0.3 px² (> 5σ).
        var movie = new BrownianMovie(Simulator());
        Assert.Equal(0.05, movie.FrameIntervalS, 12);
        var previous = movie.NextFrame().ToDictionary(p => p.TrackId);
        double sum = 0;
        var steps = 0;
        for (var f = 0; f < 150; f++)
        {
            var frame = movie.NextFrame();
            foreach (var p in frame)
            {
                if (previous.TryGetValue(p.TrackId, out var before))
                {
                    sum += ((p.X - before.X) * (p.X - before.X)) + ((p.Y - before.Y) * (p.Y - before.Y));
                    steps++;
                }
            }

            previous = frame.ToDictionary(p => p.TrackId);
        }

        Assert.True(steps > 2000, $"{steps} steps");
        Assert.InRange(sum / steps, 2 - 0.3, 2 + 0.3);
    }

    [Fact]
    public void FramesAreTheSameBytesWhateverTheThreadCount()
    {
        var simulator = Simulator();
        var movie = new BrownianMovie(simulator);
        var truths = new ParticleTruth[8][];
        for (var i = 0; i < truths.Length; i++)
        {
            truths[i] = movie.NextFrame();
        }

        var one = new float[8 * 48 * 48];
        var two = new float[8 * 48 * 48];
        movie.Render(0, truths, 1, one, []);
        movie.Render(0, truths, 2, two, []);
        Assert.Equal(one, two);
        Assert.Equal(truths[0], new BrownianMovie(simulator).NextFrame());
    }
}
