using System.Globalization;
using Perrin.Cli.Console;
using Perrin.Cli.Recipes;
using Perrin.Core.Imaging;
using Perrin.Core.IO.Tiff;
using Perrin.Core.Tables;
using Perrin.Simulation.Labels;
using Perrin.Simulation.Recipes;
using Perrin.Simulation.Rendering;
using Perrin.Simulation.Truth;

namespace Perrin.Cli.Commands;

/// <summary>
/// Renders independent samples 0 … N − 1 of a recipe, or movies (<see cref="BrownianMovie"/>) when its dynamics
/// model is brownian, directed or fbm (or static with <c>dynamics.frames</c>): without <c>dynamics.frames</c>, one
/// movie of N frames; with it, N movies of that many frames each, one after another. Frames are rendered in
/// parallel chunks and streamed, in order, into the movie, the labels movie and the truth table, whose frame
/// numbers run on across the movies and whose track ids are made unique across them.
/// </summary>
internal static class MovieSimulation
{
    private const long ChunkPixels = 1 << 24;

    private const long MaxFrames = int.MaxValue;

    public static void Run(CliConsole console, SimulateRequest request)
    {
        var recipe = RecipeSource.Read(request.Recipe);
        if (request.Seed is { } seed)
        {
            recipe = recipe with { Seed = seed };
        }

        var simulator = ImageSimulator.Create(recipe);
        if (request.Labels is not null && simulator.Label is null)
        {
            throw new UserInputException($"{request.Recipe}: labels.form is {recipe.Labels?.Form ?? "not given"}, which has no label image; use --truth for positions");
        }

        var lengths = MovieLengths(simulator, request.Count);
        var total = lengths?.Sum(l => (long)l) ?? request.Count;
        if (total > MaxFrames)
        {
            throw new UserInputException($"{request.Recipe}: {request.Count} movies of dynamics.frames make {total} frames; at most {MaxFrames} fit one movie file");
        }

        var first = lengths is null ? null : new BrownianMovie(simulator, 0, lengths[0]);
        var metadata = new StackMetadata
        {
            PixelSizeNm = simulator.PixelSizeNm,
            FrameIntervalS = first?.FrameIntervalS ?? FrameIntervalS(simulator),
            Description = $"perrin simulate {Path.GetFileName(request.Recipe)} seed {recipe.Seed}",
        };
        int width = simulator.Width, height = simulator.Height;
        var chunk = (int)Math.Clamp(ChunkPixels / Math.Max(1, (width * height) + simulator.LabelLength), 1, request.Threads * 8L);
        var truths = new List<ParticleTruth[]>((int)Math.Min(total, 1 << 16));
        using var movie = TiffWriter.Create(request.Output, width, height, PixelType.Float32, new TiffWriteOptions { Metadata = metadata, ExpectedFrameCount = total });
        using var labels = request.Labels is null ? null : CreateLabelWriter(request, simulator, metadata, total);
        var output = new MovieSimulationOutput(movie, labels, simulator, new float[chunk * width * height], new float[labels is null ? 0 : chunk * simulator.LabelLength]);
        ProgressScope.Run(console, "simulate", total, report =>
        {
            if (lengths is null)
            {
                for (var start = 0; start < request.Count; start += chunk)
                {
                    var n = Math.Min(chunk, request.Count - start);
                    var rendered = SimulationBatch.Render(simulator, (ulong)start, n, request.Threads, output.Images, output.Labels);
                    output.Write(rendered, truths);
                    report(start + n);
                }

                return 0;
            }

            long done = 0;
            var trackOffset = 0;
            for (var m = 0; m < lengths.Length; m++)
            {
                var movieDynamics = m == 0 ? first! : new BrownianMovie(simulator, m, lengths[m]);
                var lastTrack = -1;
                for (var start = 0; start < lengths[m]; start += chunk)
                {
                    var frames = new MovieFrame[Math.Min(chunk, lengths[m] - start)];
                    for (var i = 0; i < frames.Length; i++)
                    {
                        frames[i] = movieDynamics.NextFrame();
                    }

                    movieDynamics.Render(frames, request.Threads, output.Images, output.Labels);
                    output.Write([.. frames.Select(f => Renumbered(f.Truth, trackOffset, ref lastTrack))], truths);
                    done += frames.Length;
                    report(done);
                }

                trackOffset += lastTrack + 1;
            }

            return 0;
        });
        movie.Complete();
        labels?.Complete();
        if (request.Truth is { } truthPath)
        {
            var table = TruthPositions.ToTable(truths, width, height, simulator.PixelSizeNm);
            LocalizationTableIO.Write(truthPath, table, TableFormat.ThunderStorm, simulator.PixelSizeNm);
        }

        var movies = lengths is null ? string.Empty : string.Create(CultureInfo.InvariantCulture, $" in {lengths.Length} movie{(lengths.Length == 1 ? string.Empty : "s")} ({first!.MotionDescription})");
        console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{request.Recipe} → {request.Output}: {total} frames{movies} of {width}×{height}, {simulator.PixelSizeNm} nm pixels, {simulator.Description}, seed {recipe.Seed}, {truths.Sum(t => t.Length)} emitters"));
    }

    /// <summary>
    /// The length of each movie, or null for independent samples: one movie of <paramref name="count"/> frames
    /// without dynamics.frames, else <paramref name="count"/> movies of dynamics.frames each (movie m's own value).
    /// </summary>
    private static int[]? MovieLengths(ImageSimulator simulator, int count)
    {
        var model = simulator.Recipe.Dynamics?.Model;
        var hasFrames = simulator.Recipe.Dynamics?.Properties.ContainsKey("frames") == true;
        if (model is not ("brownian" or "directed" or "fbm") && !(model == "static" && hasFrames))
        {
            return null;
        }

        if (!hasFrames)
        {
            return [count];
        }

        var lengths = new int[count];
        for (var m = 0; m < count; m++)
        {
            lengths[m] = (int)simulator.Properties((ulong)m).Number("dynamics.frames");
        }

        return lengths;
    }

    private static ParticleTruth[] Renumbered(ParticleTruth[] truth, int offset, ref int lastTrack)
    {
        var renumbered = new ParticleTruth[truth.Length];
        for (var i = 0; i < truth.Length; i++)
        {
            lastTrack = Math.Max(lastTrack, truth[i].TrackId);
            renumbered[i] = truth[i] with { TrackId = truth[i].TrackId + offset };
        }

        return renumbered;
    }

    private static TiffWriter CreateLabelWriter(SimulateRequest request, ImageSimulator simulator, StackMetadata metadata, long frames)
    {
        var (labelWidth, labelHeight) = simulator.LabelSize;
        var scale = (double)simulator.Width / labelWidth;
        return TiffWriter.Create(request.Labels!, labelWidth, labelHeight, PixelType.Float32, new TiffWriteOptions
        {
            Metadata = metadata with
            {
                PixelSizeNm = simulator.PixelSizeNm * scale,
                // Short enough for the ImageJ info field (64 characters), which perrin decode reads to check the form.
                Description = $"label {simulator.Label!.Name}, {simulator.Label.Channels} channels per sample",
            },
            ExpectedFrameCount = frames * simulator.Label.Channels,
        });
    }

    private static double? FrameIntervalS(ImageSimulator simulator) =>
        simulator.Properties(0).TryGet("dynamics.frame_interval_ms", out var interval) ? interval.Number / 1000 : null;
}
