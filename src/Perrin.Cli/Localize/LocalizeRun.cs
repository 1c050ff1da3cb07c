using System.Globalization;
using Perrin.Analysis.Detection;
using Perrin.Analysis.Iscat;
using Perrin.Cli.Commands;
using Perrin.Cli.Console;
using Perrin.Cli.Decode;
using Perrin.Cli.Locate;
using Perrin.Cli.Preprocess;
using Perrin.Core.IO;
using Perrin.Core.Tables;
using Perrin.Nn.Backends;
using Perrin.Simulation.Labels;

namespace Perrin.Cli.Localize;

/// <summary>
/// Runs `perrin localize`: streams the movie through the optional iSCAT stages, the tiled network and the decoder of
/// the model's label form, in chunks of a few frames, and writes the table as it goes through an atomic writer.
/// Memory holds a chunk of frames and their maps, a batch of tiles and the stages' frames, never the movie.
/// </summary>
internal static class LocalizeRun
{
    public const int MaxTile = 4096;
    public const int MaxBatch = 1024;

    /// <summary>
    /// Mirror views scalar maps are averaged over unless --views says otherwise. One: on held-out iSCAT frames 8
    /// views raised precision but barely F1, at 8 times the inference time.
    /// </summary>
    public const int DefaultViews = 1;

    // Relative pixel-size mismatch beyond which a network sees particles at a scale it was not trained on.
    private const double PixelSizeTolerance = 0.03;

    // A chunk's frames and maps never take more than this, so very large frames still stream.
    private const long ChunkBytes = 256L << 20;

    public static int Run(CliConsole console, LocalizeRequest request)
    {
        var format = DecodeRun.ParseFormat(request.Format);
        CheckOptions(request);
        if (File.Exists(request.Output) && !request.Force)
        {
            throw new UserInputException($"{request.Output} exists; add --force to replace it");
        }

        if (RegressorModel.TryLoad(request.Model) is { } regressor)
        {
            if (!string.Equals(request.Refine.Method, LocalizeRefinement.None, StringComparison.OrdinalIgnoreCase))
            {
                throw new UserInputException($"--refine {request.Refine.Method}: {request.Model} is a regressor, whose positions come from its own fit of each window; --refine applies to map networks");
            }

            return RegressorLocalizeRun.Run(console, request, regressor, format);
        }

        var model = LocalizeModel.Load(request.Model);
        if (request.Tile % model.SizeMultiple != 0)
        {
            throw new UserInputException($"--tile {request.Tile}: {request.Model} is a U-Net with {model.Config.Levels.Length} levels, so tiles must be multiples of {model.SizeMultiple} pixels");
        }

        var views = ViewsFor(request, model);
        using var reader = MovieFile.OpenReader(request.Movie);
        var px = PixelSize(console, request, reader, model.RecipePixelSizeNm);
        var threshold = request.Threshold ?? model.DefaultThreshold;
        var decoder = Decoder(model, threshold, px);
        var plan = new PreprocessPlan { PowerNormalize = request.PowerNormalize, DraBatch = request.Dra };
        plan.RequireLength(reader.FrameCount, request.Movie);
        var preprocessed = plan.PowerNormalize || plan.DraBatch is not null;
        var refinement = LocalizeRefinement.Create(request.Refine, model, px, preprocessed);
        var chain = preprocessed ? plan.BuildChain(reader.Height, reader.Width, null, request.Threads) : null;

        var previous = Backend.Current;
        Backend.UseCpu(request.Threads);
        try
        {
            var tile = FittedTile(request.Tile, model.SizeMultiple, reader.Height, reader.Width);
            var overlap = Math.Min(request.Overlap, tile - 1);
            var inference = new TiledInference(reader.Height, reader.Width, tile, overlap, request.Batch, model.Channels, model.Upsampling, model.AsBatchNetwork(tile, views));
            var columns = decoder.Columns | (refinement is null ? LocalizationColumns.None : refinement.Columns);
            using var table = new LocalizationCsvStream(request.Output, format, columns, px);
            var frames = Stream(console, request, reader, chain, inference, frame => Decode(decoder, refinement, frame, px), refinement is not null, table);
            table.Commit();
            var stages = chain is null ? string.Empty : $"; {chain.Description}{(chain.Delay > 0 ? string.Create(CultureInfo.InvariantCulture, $" ({chain.Delay} fewer frames: frame k covers input frames k … k + {chain.Delay})") : string.Empty)}";
            console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{request.Movie} ({reader.Width}×{reader.Height}, {frames} frames{stages}) → {request.Output}: {table.Count} localizations; {model.LabelName} network, {inference.TilesPerFrame} tile{(inference.TilesPerFrame == 1 ? string.Empty : "s")} of {tile} px per frame, threshold {threshold:G4}{refinement?.Summary()}, {px:G6} nm/px ({TableFormats.DisplayName(format)})"));
        }
        finally
        {
            Backend.Current = previous;
        }

        return ExitCodes.Ok;
    }

    /// <summary>
    /// The tile actually run: the requested one, or for a frame that fits in it the smallest multiple of the
    /// network's size multiple that holds the frame, which gives the same tiling (one tile) at a fraction of the work.
    /// </summary>
    public static int FittedTile(int tile, int multiple, int height, int width)
    {
        var side = Math.Max(height, width);
        var fitted = (side + multiple - 1) / multiple * multiple;
        return Math.Min(tile, fitted);
    }

    // One frame's table rows from its maps, refined on the frame itself when asked.
    private static IEnumerable<Localization> Decode(MapDecoder decoder, LocalizeRefinement? refinement, DecodedFrame frame, double px)
    {
        var rows = decoder.Decode(frame.Maps, frame.Index, frame.MapHeight, frame.MapWidth);
        return refinement is null || frame.Recorded is not { } recorded ? rows : refinement.Apply(recorded, frame.Height, frame.Width, rows, px, frame.Index);
    }

    private static long Stream(CliConsole console, LocalizeRequest request, IFrameReader reader, FrameStageChain? chain, TiledInference inference,
        Func<DecodedFrame, IEnumerable<Localization>> decode, bool keepRecorded, LocalizationCsvStream table)
    {
        var (height, width) = (reader.Height, reader.Width);
        var plane = height * width;
        var frameBytes = ((long)plane + inference.MapLength) * sizeof(float);
        var wanted = (inference.Batch + inference.TilesPerFrame - 1) / inference.TilesPerFrame;
        var chunk = (int)Math.Clamp(Math.Min(wanted, ChunkBytes / frameBytes), 1, Math.Max(1, reader.FrameCount));
        var frames = new float[chunk][];
        var maps = new float[chunk][];
        // The network standardizes its input frames in place; a fit on the frame needs the camera's counts.
        var recorded = keepRecorded ? new float[chunk][] : null;
        var input = new float[plane];
        var mapHeight = height * inference.Scale;
        var mapWidth = width * inference.Scale;
        return ProgressScope.Run(console, $"localize {Path.GetFileName(request.Movie)}", reader.FrameCount, report =>
        {
            var rows = new List<Localization>();
            var filled = 0;
            long produced = 0;
            void Flush()
            {
                inference.Run(frames, maps, filled);
                rows.Clear();

                // A refinement fits each frame for far longer than decoding takes, so the chunk's frames are fitted
                // side by side; their rows are kept in frame order, so the table does not depend on --threads.
                var perFrame = new List<Localization>[filled];
                var parallel = new ParallelOptions { MaxDegreeOfParallelism = keepRecorded ? Math.Max(1, request.Threads) : 1 };
                Parallel.For(0, filled, parallel, i =>
                    perFrame[i] = [.. decode(new DecodedFrame(recorded?[i], height, width, maps[i], mapHeight, mapWidth, (int)(produced + i)))]);
                foreach (var frameRows in perFrame)
                {
                    rows.AddRange(frameRows);
                }

                table.Append(rows);
                produced += filled;
                filled = 0;
            }

            for (var f = 0; f < reader.FrameCount; f++)
            {
                frames[filled] ??= new float[plane];
                maps[filled] ??= new float[inference.MapLength];
                var target = chain is null ? frames[filled] : input;
                reader.ReadFrame(f, target);
                FrameCheck.Require(request.Movie, f, target, width, request.PowerNormalize);
                if (chain is null || chain.Push(input, frames[filled]))
                {
                    if (recorded is not null)
                    {
                        recorded[filled] ??= new float[plane];
                        frames[filled].CopyTo(recorded[filled], 0);
                    }

                    if (++filled == chunk)
                    {
                        Flush();
                    }
                }

                report(f + 1);
            }

            if (filled > 0)
            {
                Flush();
            }

            return produced;
        });
    }

    /// <summary>The mirror views to average over: --views, else <see cref="DefaultViews"/>; DECODE maps cannot be mirrored.</summary>
    internal static int ViewsFor(LocalizeRequest request, LocalizeModel model)
    {
        if (request.Views is not { } views)
        {
            return model.Mirrorable ? DefaultViews : 1;
        }

        if (views is < 1 or > 8)
        {
            throw new UserInputException($"--views {views}: expected 1 to 8 mirror views");
        }

        if (views > 1 && !model.Mirrorable)
        {
            throw new UserInputException($"--views {views}: {request.Model} outputs DECODE maps, whose offset channels change sign under a mirror; only --views 1 applies");
        }

        return views;
    }

    internal static MapDecoder Decoder(LocalizeModel model, float threshold, double px)
    {
        if (model.Form == MapForm.Decode)
        {
            if (threshold > 1)
            {
                throw new UserInputException($"--threshold for a DECODE network is a probability in (0, 1], not {threshold}");
            }

            var map = (DecodeMap)model.Label;
            return MapDecoder.Decode(new DecodeOptions { RawThreshold = threshold, PhotonScale = map.PhotonScale, ZScaleNm = map.ZScaleNm }, model.Channels, px);
        }

        return MapDecoder.Heatmap(new HeatmapDecoderOptions
        {
            Threshold = threshold,
            Method = model.LabelName == "mask" ? DetectionMethod.ConnectedComponents : DetectionMethod.LocalMaxima,
            Upsampling = model.Upsampling,
            RefineRadius = model.RefineRadius,
        }, px);
    }

    /// <summary>--pixel-size, else the movie's calibration, else the <paramref name="recipe"/>'s, with a warning when the first two differ from it.</summary>
    internal static double PixelSize(CliConsole console, LocalizeRequest request, IFrameReader reader, double recipe)
    {
        double px;
        string source;
        if (request.PixelSizeNm is { } given)
        {
            (px, source) = (given, "--pixel-size");
        }
        else if (reader.Metadata.PixelSizeNm is { } calibrated)
        {
            (px, source) = (calibrated, $"{request.Movie}'s calibration");
        }
        else
        {
            console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"note: {request.Movie} does not say its pixel size; using the {recipe:G6} nm the model was trained at (--pixel-size to set it)"));
            return recipe;
        }

        if (Math.Abs(px - recipe) > PixelSizeTolerance * recipe)
        {
            console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"warning: {source} gives {px:G6} nm per pixel, but {request.Model} was trained at {recipe:G6} nm: particles look {recipe / px:G3}× their trained size to the network, so detections may be missed or doubled; resample the movie, or give --pixel-size if the calibration is wrong"));
        }

        return px;
    }

    private static void CheckOptions(LocalizeRequest request)
    {
        if (request.Threshold is { } t && !(float.IsFinite(t) && t > 0))
        {
            throw new UserInputException($"--threshold must be a positive number, not {t}");
        }

        if (request.Tile is < 1 or > MaxTile)
        {
            throw new UserInputException($"--tile must be a tile side in pixels from 1 to {MaxTile}, not {request.Tile}");
        }

        if (request.Overlap < 0 || request.Overlap >= request.Tile)
        {
            throw new UserInputException($"--overlap must be at least 0 and smaller than the tile ({request.Tile} px), not {request.Overlap}");
        }

        if (request.Batch is < 1 or > MaxBatch)
        {
            throw new UserInputException($"--batch must be a number of tiles from 1 to {MaxBatch}, not {request.Batch}");
        }

        if (request.Threads is < 1 or > 1024)
        {
            throw new UserInputException($"--threads must be between 1 and 1024, not {request.Threads}");
        }

        if (request.PixelSizeNm is { } px && !(double.IsFinite(px) && px > 0))
        {
            throw new UserInputException($"--pixel-size must be a positive number of nm, not {px}");
        }

        if (request.Dra is { } b && b is < 1 or > PreprocessPlan.MaxBatch)
        {
            throw new UserInputException($"--dra B is the number of frames in each of the two batches the DRA compares: at least 1 (and at most {PreprocessPlan.MaxBatch}), not {b}");
        }

        if (Path.GetFullPath(request.Movie) == Path.GetFullPath(request.Output))
        {
            throw new UserInputException($"{request.Output}: the output would replace the movie; choose another name");
        }
    }
}
