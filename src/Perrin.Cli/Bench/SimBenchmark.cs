using System.Diagnostics;
using Perrin.Core.Randomness;
using Perrin.Simulation.Camera;
using Perrin.Simulation.Optics;
using Perrin.Simulation.Properties;

namespace Perrin.Cli.Bench;

/// <summary>
/// The simulation benchmark's images: NA 0.8, λ 633 nm, 100 nm pixels, medium index 1.33; each emitter is the
/// scalar pupil PSF in focus (tabulated once, <see cref="PsfTableOptions"/> defaults: 98 % of the light, 16
/// sub-pixel offsets per pixel) scaled to a peak of 1, on an offset of 0.1, then DeepTrack's Poisson noise with
/// background 0.1 and an SNR drawn uniformly in [3, 10] for every image. Positions, SNR and noise are redrawn for
/// every image from the stream (seed, image index).
/// </summary>
internal sealed class SimBenchmark
{
    public const string PsfDescription = "pupil (scalar pupil function, tabulated, 98% enclosed energy, 16 sub-pixel offsets)";
    private const float Offset = 0.1f;
    private static readonly ulong Purpose = StablePathHash.Of("perrin.bench.sim");

    private readonly PsfTable _psf;
    private readonly double _weight;

    public SimBenchmark()
    {
        var system = new OpticalSystem(0.8, 633, 1.33, 100);
        _psf = PsfTableCache.GetOrBuild(new PupilPsf(new PupilModel(system)), PsfTableOptions.AtDepth(0));
        var probe = new float[_psf.PatchSize * _psf.PatchSize];
        var centre = _psf.PatchSize / 2;
        _psf.AddPoint(probe, _psf.PatchSize, _psf.PatchSize, centre, centre, 0, 1);
        _weight = 1.0 / probe.Max();
    }

    public void Render(SimBenchCase bench, ulong index, float[] image)
    {
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
