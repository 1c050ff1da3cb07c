using Perrin.Core.Randomness;
using Perrin.Simulation.Dynamics;
using Perrin.Simulation.Properties;
using Perrin.Simulation.Recipes;
using Perrin.Simulation.Truth;

namespace Perrin.Simulation.Rendering;

/// <summary>
/// A movie of a recipe with <c>dynamics.model: brownian</c>. Optics, camera and background are those of sample 0;
/// the particles are <see cref="MovieDynamics"/>' (2D Brownian motion of D = <c>diffusion_um2_per_s</c> with
/// drift <c>drift_x/y_um_per_s</c>, frames <c>frame_interval_ms</c> apart, entering and leaving the field),
/// as many in the field on average as sample 0 holds, each fully-on frame giving the mean photons of sample 0's
/// emitters, at z = 0. Blinking: on ⇄ off at <c>blinking.on_rate_per_s</c> / <c>off_rate_per_s</c>, bleaching
/// from on at <c>bleach_rate_per_s</c>; always on without rates. The particles advance in order (a Markov chain),
/// frame f's camera noise comes from the stream (seed, f, <see cref="ImageSimulator.CameraPurpose"/>),
/// so frames render in parallel to the same bytes.
/// </summary>
public sealed class BrownianMovie
{
    public static readonly ulong DynamicsPurpose = StablePathHash.Of("perrin.simulation.dynamics");

    private readonly ImageSimulator _simulator;
    private readonly ResolvedProperties _sample;
    private readonly MovieDynamics _dynamics;

    public BrownianMovie(ImageSimulator simulator)
    {
        ArgumentNullException.ThrowIfNull(simulator);
        _simulator = simulator;
        var recipe = simulator.Recipe;
        simulator.Augmentations.RejectInMovie();
        _sample = simulator.Properties(0);
        if (!_sample.TryGet("dynamics.frame_interval_ms", out var interval))
        {
            throw RecipeErrors.At(recipe, "dynamics", "a brownian movie needs dynamics.frame_interval_ms");
        }

        FrameIntervalS = interval.Number / 1000;
        var units = new DynamicsUnits(simulator.PixelSizeNm, FrameIntervalS);
        var emitters = simulator.Truth(_sample);
        var pixelUm = simulator.PixelSizeNm / 1000;
        var fieldUm2 = simulator.Width * simulator.Height * pixelUm * pixelUm;
        var meanPhotons = emitters.Length == 0 ? 0 : emitters.Average(e => e.Photons);
        try
        {
            var d = Number("dynamics.diffusion_um2_per_s", 0);
            var motion = new BrownianMotion(d, units, drift: new DriftVelocity(Number("dynamics.drift_x_um_per_s", 0), Number("dynamics.drift_y_um_per_s", 0), 0));
            var stepPx = Math.Sqrt(4 * d * FrameIntervalS) / pixelUm;
            var options = new MovieDynamicsOptions
            {
                FieldWidth = simulator.Width,
                FieldHeight = simulator.Height,
                MarginPx = Math.Max(8, 5 * stepPx),
                DensityPerUm2 = Math.Max(emitters.Length, 1) / fieldUm2,
                Motion = motion,
                Photophysics = Photophysics(),
                Brightness = meanPhotons > 0 ? PhotonBrightness.Constant(meanPhotons) : null,
            };
            _dynamics = new MovieDynamics(options, new RandomStream(recipe.Seed, 0, DynamicsPurpose));
        }
        catch (ArgumentException error)
        {
            throw RecipeErrors.At(recipe, "dynamics", error.Message);
        }
    }

    public double FrameIntervalS { get; }

    /// <summary>The truth of the next frame (frames must be drawn in order).</summary>
    public ParticleTruth[] NextFrame() => [.. _dynamics.NextFrame().Particles];

    /// <summary>Renders frame <paramref name="frame"/> with the given truth; safe to call from several threads.</summary>
    public void Render(ulong frame, ParticleTruth[] truth, Span<float> image, Span<float> label)
    {
        ArgumentNullException.ThrowIfNull(truth);
        _simulator.Render(_sample, truth, new RandomStream(_simulator.Recipe.Seed, frame, ImageSimulator.CameraPurpose), image);
        if (_simulator.Label is { } kind && !label.IsEmpty)
        {
            kind.Render(truth, _simulator.Width, _simulator.Height, label);
        }
    }

    /// <summary>Renders frames first … in parallel: frame first + i from truths[i] into slice i of the buffers (labels may be empty).</summary>
    public void Render(ulong first, ParticleTruth[][] truths, int threads, float[] images, float[] labels)
    {
        ArgumentNullException.ThrowIfNull(truths);
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        var area = _simulator.Width * _simulator.Height;
        var labelLength = _simulator.LabelLength;
        if (images.Length < (long)truths.Length * area || (labels.Length != 0 && labels.Length < (long)truths.Length * labelLength))
        {
            throw new ArgumentException($"the buffers are too small for {truths.Length} frames", nameof(images));
        }

        var keepLabels = labels.Length != 0;
        Parallel.For(0, truths.Length, new ParallelOptions { MaxDegreeOfParallelism = threads }, i =>
        {
            var label = keepLabels ? labels.AsSpan(i * labelLength, labelLength) : Span<float>.Empty;
            Render(first + (ulong)i, truths[i], images.AsSpan(i * area, area), label);
        });
    }

    private double Number(string path, double fallback) => _sample.TryGet(path, out var value) ? value.Number : fallback;

    private PhotophysicsModel? Photophysics()
    {
        var on = Number("dynamics.blinking.on_rate_per_s", 0);
        var off = Number("dynamics.blinking.off_rate_per_s", 0);
        var bleach = Number("dynamics.blinking.bleach_rate_per_s", 0);
        if (on <= 0 || off <= 0)
        {
            return null;
        }

        return bleach > 0 ? PhotophysicsModel.OnOffBleach(1 / off, 1 / on, 1 / bleach) : PhotophysicsModel.OnOff(1 / off, 1 / on);
    }
}
