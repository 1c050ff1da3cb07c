using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Perrin.Core.Randomness;
using Perrin.Simulation.Camera;
using Perrin.Simulation.Optics;
using Perrin.Simulation.Properties;
using Perrin.Simulation.Recipes;
using Perrin.Simulation.Rendering;

namespace Perrin.Cli.Bench;

/// <summary>
/// The simulation benchmark's images: NA 0.8, λ 633 nm, 100 nm pixels, medium index 1.33; each emitter is the
/// scalar pupil PSF in focus (tabulated once, <see cref="PsfTableOptions"/> defaults: 98 % of the light, 16
/// sub-pixel offsets per pixel) scaled to a peak of 1, on an offset of 0.1, then DeepTrack's Poisson noise with
/// background 0.1 and an SNR drawn uniformly in [3, 10] for every image. Positions, SNR and noise are redrawn for
/// every image from the stream (seed, image index). Brightfield cases (sim-c) go through the recipe pipeline,
/// <see cref="ImageSimulator.Create"/> on <see cref="BrightfieldRecipe"/>: property draws, truth, the Mie field and
/// the noise-free intensity, all redrawn for every image.
/// </summary>
internal sealed class SimBenchmark
{
    public const string PsfDescription = "pupil (scalar pupil function, tabulated, 98% enclosed energy, 16 sub-pixel offsets)";
    private const float Offset = 0.1f;
    private static readonly ulong Purpose = StablePathHash.Of("perrin.bench.sim");

    private readonly PsfTable _psf;
    private readonly double _weight;
    private readonly ConcurrentDictionary<SimBenchCase, ImageSimulator> _brightfield = new();

    public SimBenchmark()
    {
        var system = new OpticalSystem(0.8, 633, 1.33, 100);
        _psf = PsfTableCache.GetOrBuild(new PupilPsf(new PupilModel(system)), PsfTableOptions.AtDepth(0));
        var probe = new float[_psf.PatchSize * _psf.PatchSize];
        var centre = _psf.PatchSize / 2;
        _psf.AddPoint(probe, _psf.PatchSize, _psf.PatchSize, centre, centre, 0, 1);
        _weight = 1.0 / probe.Max();
    }

    /// <summary>
    /// sim-c as a recipe: 128×128 brightfield with 32 px of padding on each side, one sphere of radius 500 nm and
    /// index 1.58 at x, y uniform in [Low, High] px and z uniform in ±5 µm, no noise.
    /// </summary>
    public static Recipe BrightfieldRecipe(SimBenchCase bench)
    {
        ArgumentNullException.ThrowIfNull(bench);
        return RecipeReader.Read(string.Create(CultureInfo.InvariantCulture, $$"""
            recipe: {{bench.Name}}
            image: { width: {{bench.Size}}, height: {{bench.Size}} }
            optics: { modality: brightfield, na: 0.8, wavelength_nm: 633, medium_index: 1.33, pixel_size_nm: 100, padding_px: 32 }
            sample:
              - { feature: mie_sphere, count: {{bench.Emitters}}, x: { uniform: [{{bench.Low}}, {{bench.High}}] }, y: { uniform: [{{bench.Low}}, {{bench.High}}] }, z: { uniform: [-5000, 5000] }, radius_nm: 500, refractive_index: 1.58 }
            camera: { preset: ideal }
            seed: 7
            """), $"{bench.Name}.yaml");
    }

    public void Render(SimBenchCase bench, ulong index, float[] image)
    {
        if (bench.Brightfield)
        {
            _brightfield.GetOrAdd(bench, b => ImageSimulator.Create(BrightfieldRecipe(b))).Render(index, image, []);
            return;
        }

        var rng = new RandomStream(7, index, Purpose);
        image.AsSpan().Fill(Offset);
        for (var i = 0; i < bench.Emitters; i++)
        {
            var x = rng.Uniform(bench.Low, bench.High);
            var y = rng.Uniform(bench.Low, bench.High);
            _psf.AddPoint(image, bench.Size, bench.Size, x, y, 0, _weight);
        }

        new DeepTrackPoissonNoise(rng.Uniform(3, 10), Offset).Apply(image, rng);
    }

    /// <summary>Images per second on <paramref name="threads"/> threads, for about <paramref name="seconds"/> or exactly <paramref name="images"/> images.</summary>
    public double Measure(SimBenchCase bench, int threads, double seconds, long? images)
    {
        var warm = new float[bench.Size * bench.Size];
        for (var i = 0UL; i < 4; i++)
        {
            Render(bench, i, warm);
        }

        long next = -1;
        var clock = Stopwatch.StartNew();
        var limit = TimeSpan.FromSeconds(seconds);
        Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, _ =>
        {
            var image = new float[bench.Size * bench.Size];
            while (true)
            {
                var index = Interlocked.Increment(ref next);
                if (images is { } count ? index >= count : clock.Elapsed >= limit)
                {
                    return;
                }

                Render(bench, (ulong)index, image);
            }
        });
        var elapsed = clock.Elapsed.TotalSeconds;
        var done = images ?? Interlocked.Read(ref next) - threads + 1;
        return done / elapsed;
    }
}
