using System.Globalization;
using Perrin.Cli.Console;
using Perrin.Core.Imaging;
using Perrin.Core.IO.Tiff;
using Perrin.Core.Tables;
using Perrin.Simulation.Labels;
using Perrin.Simulation.Recipes;
using Perrin.Simulation.Rendering;
using Perrin.Simulation.Truth;

namespace Perrin.Cli.Commands;

/// <summary>
/// Renders independent samples 0 … N − 1 of a recipe (or, with <c>dynamics.model: brownian</c>, N frames of a
/// <see cref="BrownianMovie"/>) in parallel chunks and streams them, in order, into the movie, the labels movie
/// and the truth table.
/// </summary>
internal static class MovieSimulation
{
    private const long ChunkPixels = 1 << 24;

    public static void Run(CliConsole console, SimulateRequest request)
    {
        var recipe = RecipeReader.ReadFile(request.Recipe);
        if (request.Seed is { } seed)
        {
            recipe = recipe with { Seed = seed };
        }

        var simulator = ImageSimulator.Create(recipe);
        var movieDynamics = recipe.Dynamics?.Model == "brownian" ? new BrownianMovie(simulator) : null;
        if (request.Labels is not null && simulator.Label is null)
        {
            throw new UserInputException($"{request.Recipe}: labels.form is {recipe.Labels?.Form ?? "not given"}, which has no label image; use --truth for positions");
        }

        var metadata = new StackMetadata
        {
            PixelSizeNm = simulator.PixelSizeNm,
            FrameIntervalS = movieDynamics?.FrameIntervalS ?? FrameIntervalS(simulator),
            Description = $"perrin simulate {Path.GetFileName(request.Recipe)} seed {recipe.Seed}",
        };
        int width = simulator.Width, height = simulator.Height;
        var chunk = (int)Math.Clamp(ChunkPixels / Math.Max(1, (width * height) + simulator.LabelLength), 1, request.Threads * 8L);
        var truths = new List<ParticleTruth[]>(Math.Min(request.Count, 1 << 16));
        using var movie = TiffWriter.Create(request.Output, width, height, PixelType.Float32, new TiffWriteOptions { Metadata = metadata, ExpectedFrameCount = request.Count });
        using var labels = request.Labels is null ? null : CreateLabelWriter(request, simulator, metadata);
        var images = new float[chunk * width * height];
        var labelBuffer = new float[labels is null ? 0 : chunk * simulator.LabelLength];
        ProgressScope.Run(console, "simulate", request.Count, report =>
        {
            for (var first = 0; first < request.Count; first += chunk)
            {
                var n = Math.Min(chunk, request.Count - first);
                ParticleTruth[][] rendered;
                if (movieDynamics is null)
                {
                    rendered = SimulationBatch.Render(simulator, (ulong)first, n, request.Threads, images, labelBuffer);
                }
                else
                {
                    rendered = new ParticleTruth[n][];
                    for (var i = 0; i < n; i++)
                    {
                        rendered[i] = movieDynamics.NextFrame();
                    }

                    movieDynamics.Render((ulong)first, rendered, request.Threads, images, labelBuffer);
                }

                for (var i = 0; i < n; i++)
                {
                    movie.WriteFrame(images.AsSpan(i * width * height, width * height));
                    WriteLabel(labels, simulator, labelBuffer, i);
                }

                truths.AddRange(rendered);
                report(first + n);
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

        console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{request.Recipe} → {request.Output}: {request.Count} frames of {width}×{height}, {simulator.PixelSizeNm} nm pixels, {simulator.Description}, seed {recipe.Seed}, {truths.Sum(t => t.Length)} emitters"));
    }

    private static TiffWriter CreateLabelWriter(SimulateRequest request, ImageSimulator simulator, StackMetadata metadata)
    {
        var (labelWidth, labelHeight) = simulator.LabelSize;
        var scale = (double)simulator.Width / labelWidth;
        return TiffWriter.Create(request.Labels!, labelWidth, labelHeight, PixelType.Float32, new TiffWriteOptions
        {
            Metadata = metadata with
            {
                PixelSizeNm = simulator.PixelSizeNm * scale,
                Description = $"{metadata.Description}; label {simulator.Label!.Name}, {simulator.Label.Channels} channels per sample as consecutive frames",
            },
            ExpectedFrameCount = (long)request.Count * simulator.Label.Channels,
        });
    }

    private static void WriteLabel(TiffWriter? labels, ImageSimulator simulator, float[] buffer, int sample)
    {
        if (labels is null)
        {
            return;
        }

        var (w, h) = simulator.LabelSize;
        var channel = w * h;
        for (var c = 0; c < simulator.Label!.Channels; c++)
        {
            labels.WriteFrame(buffer.AsSpan((sample * simulator.LabelLength) + (c * channel), channel));
        }
    }

    private static double? FrameIntervalS(ImageSimulator simulator) =>
        simulator.Properties(0).TryGet("dynamics.frame_interval_ms", out var interval) ? interval.Number / 1000 : null;
}
