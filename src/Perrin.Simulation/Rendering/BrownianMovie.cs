using System.Globalization;
using Perrin.Core.Randomness;
using Perrin.Simulation.Dynamics;
using Perrin.Simulation.Properties;
using Perrin.Simulation.Recipes;
using Perrin.Simulation.Truth;

namespace Perrin.Simulation.Rendering;

/// <summary>
/// Movie <see cref="Movie"/> of a recipe with a <c>dynamics</c> section. Its optics, camera and particle count
/// are those of sample <see cref="Movie"/>, and everything random comes from its own streams: the particles from
/// (seed, movie, <see cref="DynamicsPurpose"/>), frame f's camera noise from (seed, movie,
/// <see cref="ImageSimulator.CameraPurpose"/>).Substream(f), the sensor's background and fixed pattern from the
/// movie's index (<see cref="RecipeCameraModels.Sensor"/>), so a movie is the same whichever movies come before it.
/// The particles (<see cref="MovieDynamics"/>) move in a region wider than the field by a margin, entering and
/// leaving it, as many in the field on average as the sample holds, each fully-on frame giving the mean photons of
/// the sample's emitters (<c>dynamics.brightness</c>: constant, gamma or log_normal with coefficient of variation
/// <c>cv</c>).
/// <list type="bullet">
/// <item><c>model</c>: brownian or directed (diffusion D = <c>diffusion_um2_per_s</c> plus drift
/// <c>drift_x/y_um_per_s</c>), static (no motion), fbm (fractional Brownian motion with <c>hurst</c> H or
/// <c>alpha</c> = 2H and K_α = <c>diffusion_um2_per_s</c>: MSD = 2d·K_α·t^α).</item>
/// <item>z: with <c>axial: true</c> or <c>z_range_nm</c> (default 1000 nm) the particles move in 3D inside the slab
/// |z| ≤ z_range_nm / 2 with reflecting walls (fbm: leaving through them, replaced by new particles); otherwise z = 0.</item>
/// <item><c>confinement</c> (brownian, directed): box (reflecting square compartments of <c>size_um</c> tiling the
/// plane, see <see cref="Compartments"/>), disk (reflecting disk of <c>radius_um</c> around each start) or trap
/// (harmonic trap at each start, relaxation rate <c>stiffness_per_s</c> = κ/γ, variance D/(κ/γ) per axis).</item>
/// <item>Motion blur with <c>exposure_substeps</c> n: the exposure (<c>camera.exposure_ms</c>, default the frame
/// interval) is sampled at n midpoints, each drawn with 1/n of the photons; the truth is their mean.</item>
/// <item>Blinking: on ⇄ off at <c>blinking.on_rate_per_s</c> / <c>off_rate_per_s</c>, bleaching from on at
/// <c>bleach_rate_per_s</c>; always on without rates.</item>
/// </list>
/// Frames are drawn in order (a Markov chain) and then render in parallel to the same bytes.
/// </summary>
public sealed class BrownianMovie
{
    public static readonly ulong DynamicsPurpose = StablePathHash.Of("perrin.simulation.dynamics");

    private readonly ImageSimulator _simulator;
    private readonly Recipe _recipe;
    private readonly ResolvedProperties _sample;
    private readonly MovieDynamics _dynamics;
    private readonly ParticleTruth[] _templates;
    private readonly RandomStream _camera;

    /// <param name="simulator">The recipe's simulator.</param>
    /// <param name="movie">The movie's index.</param>
    /// <param name="frames">How many frames the movie will have (fbm draws whole paths of that length); null when unknown.</param>
    public BrownianMovie(ImageSimulator simulator, int movie = 0, int? frames = null)
    {
        ArgumentNullException.ThrowIfNull(simulator);
        ArgumentOutOfRangeException.ThrowIfNegative(movie);
        _simulator = simulator;
        _recipe = simulator.Recipe;
        simulator.Augmentations.RejectInMovie();
        Movie = movie;
        _sample = simulator.Properties((ulong)movie);
        _camera = new RandomStream(_recipe.Seed, (ulong)movie, ImageSimulator.CameraPurpose);
        if (!_sample.TryGet("dynamics.frame_interval_ms", out var interval))
        {
            throw RecipeErrors.At(_recipe, "dynamics", "a movie needs dynamics.frame_interval_ms");
        }

        FrameIntervalS = interval.Number / 1000;
        var exposureS = (_sample.TryGet("camera.exposure_ms", out var exposure) ? exposure.Number : interval.Number) / 1000;
        if (exposureS > FrameIntervalS)
        {
            throw RecipeErrors.At(_recipe, "camera.exposure_ms", $"camera.exposure_ms = {exposureS * 1000} is longer than dynamics.frame_interval_ms = {interval.Number}");
        }

        var recipeMotion = new RecipeMotion(_recipe, _sample);
        var emitters = simulator.Truth(_sample);
        _templates = emitters;
        var pixelUm = simulator.PixelSizeNm / 1000;
        var fieldUm2 = simulator.Width * simulator.Height * pixelUm * pixelUm;
        var meanPhotons = emitters.Length == 0 ? 0 : emitters.Average(e => e.Photons);
        var units = new DynamicsUnits(simulator.PixelSizeNm, FrameIntervalS);
        var zHalf = recipeMotion.ZRangeNm() / 2;
        var motion = recipeMotion.Motion(units, exposureS, zHalf, frames);
        try
        {
            var options = new MovieDynamicsOptions
            {
                FieldWidth = simulator.Width,
                FieldHeight = simulator.Height,
                MarginPx = Math.Max(8, 5 * recipeMotion.StepPx(units)),
                // A sample of no particles is a movie of the background alone (a reference for static-background estimates).
                DensityPerUm2 = emitters.Length / fieldUm2,
                Motion = motion,
                ExposureS = exposureS,
                ZMinNm = -zHalf,
                ZMaxNm = zHalf,
                Photophysics = recipeMotion.Photophysics(),
                Brightness = meanPhotons > 0 ? recipeMotion.Brightness(meanPhotons) : null,
            };
            _dynamics = new MovieDynamics(options, new RandomStream(_recipe.Seed, (ulong)movie, DynamicsPurpose));
        }
        catch (ArgumentException error)
        {
            throw RecipeErrors.At(_recipe, "dynamics", $"dynamics: {error.Message}");
        }

        MotionDescription = Describe(motion);
    }

    public int Movie { get; }

    public double FrameIntervalS { get; }

    /// <summary>How the particles move, for logs (e.g. "fbm α = 0.5, circulant embedding").</summary>
    public string MotionDescription { get; }

    /// <summary>The next frame (frames must be drawn in order).</summary>
    public MovieFrame NextFrame()
    {
        var frame = _dynamics.NextFrame();
        var particles = frame.Particles.ToArray();
        if (_templates.Length > 0)
        {
            for (var i = 0; i < particles.Length; i++)
            {
                particles[i] = Dressed(particles[i]);
            }
        }

        return new MovieFrame(Movie, frame.Index, _simulator.Describe(_sample, particles), frame.ExposureSamples);
    }

    /// <summary>Renders a frame of this movie into <paramref name="image"/> and its label (an empty span skips it); safe to call from several threads.</summary>
    public void Render(MovieFrame frame, Span<float> image, Span<float> label)
    {
        ArgumentNullException.ThrowIfNull(frame);
        if (frame.Movie != Movie)
        {
            throw new ArgumentException($"frame {frame.Index} belongs to movie {frame.Movie}, not {Movie}", nameof(frame));
        }

        _simulator.Render(_sample, Drawn(frame), _camera.Substream((ulong)frame.Index), image);
        if (_simulator.Label is { } kind && !label.IsEmpty)
        {
            kind.Render(frame.Truth, _simulator.Width, _simulator.Height, label);
        }
    }

    /// <summary>Renders frames in parallel: frame i into slice i of the buffers (labels may be empty).</summary>
    public void Render(IReadOnlyList<MovieFrame> frames, int threads, float[] images, float[] labels)
    {
        ArgumentNullException.ThrowIfNull(frames);
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        var area = _simulator.Width * _simulator.Height;
        var labelLength = _simulator.LabelLength;
        if (images.Length < (long)frames.Count * area || (labels.Length != 0 && labels.Length < (long)frames.Count * labelLength))
        {
            throw new ArgumentException($"the buffers are too small for {frames.Count} frames", nameof(images));
        }

        var keepLabels = labels.Length != 0;
        Parallel.For(0, frames.Count, new ParallelOptions { MaxDegreeOfParallelism = threads }, i =>
        {
            var label = keepLabels ? labels.AsSpan(i * labelLength, labelLength) : Span<float>.Empty;
            Render(frames[i], images.AsSpan(i * area, area), label);
        });
    }

    // The dynamics move anonymous particles; each takes the drawn properties (kind, size, index, amplitude, body
    // shape) of one of the movie sample's copies, chosen by its track id, so a movie's particles vary as the
    // recipe's distributions say and a particle keeps its properties for as long as it is tracked.
    private ParticleTruth Dressed(in ParticleTruth p)
    {
        var template = _templates[(int)((uint)p.TrackId % (uint)_templates.Length)];
        return p with
        {
            Kind = template.Kind,
            Feature = template.Feature,
            Copy = template.Copy,
            Intensity = template.Intensity,
            RadiusNm = template.RadiusNm,
            MinorRadiusNm = template.MinorRadiusNm,
            AxialRadiusNm = template.AxialRadiusNm,
            AngleRad = template.AngleRad,
            RefractiveIndex = template.RefractiveIndex,
            ShapeSeed = template.ShapeSeed,
        };
    }

    /// <summary>The particles as drawn: with motion blur, each exposure sample with its share of the photons.</summary>
    private static ParticleTruth[] Drawn(MovieFrame frame)
    {
        if (frame.ExposureSamples.Count == 0 || frame.ExposureSamples[0].Length == 0)
        {
            return frame.Truth;
        }

        var n = frame.ExposureSamples[0].Length;
        var drawn = new ParticleTruth[frame.Truth.Length * n];
        for (var i = 0; i < frame.Truth.Length; i++)
        {
            var p = frame.Truth[i];
            var samples = frame.ExposureSamples[i];
            for (var s = 0; s < n; s++)
            {
                drawn[(i * n) + s] = p with { X = samples[s].X, Y = samples[s].Y, Z = samples[s].Z, Photons = p.Photons / n };
            }
        }

        return drawn;
    }

    private static string Describe(IMotionModel motion) => motion switch
    {
        FractionalBrownianMotion f => string.Create(CultureInfo.InvariantCulture, $"fbm α = {f.Alpha}, K = {f.GeneralizedDiffusion} µm²/s^α, {f.Dimensions}D, {f.Method}"),
        BrownianMotion b => string.Create(CultureInfo.InvariantCulture, $"brownian D = {b.DiffusionUm2PerS} µm²/s, {b.Dimensions}D, {b.Confinement.GetType().Name.ToLowerInvariant()}"),
        _ => motion.GetType().Name,
    };
}
