using Perrin.Cli.Console;
using Perrin.Core.Imaging;
using Perrin.Core.IO;
using Perrin.Core.IO.Png;
using Perrin.Core.IO.Tiff;

namespace Perrin.Cli.Commands;

/// <summary>The movie half of `perrin convert`: picks the writer from the output name and streams the frames.</summary>
internal static class MovieConversion
{
    public static void Run(CliConsole console, ConvertRequest request)
    {
        using var reader = MovieFile.OpenReader(request.Input);
        var type = request.Type is null ? reader.PixelType : ParseType(request.Type);
        var metadata = reader.Metadata with
        {
            PixelSizeNm = request.PixelSizeNm ?? reader.Metadata.PixelSizeNm,
            FrameIntervalS = request.FrameIntervalS ?? reader.Metadata.FrameIntervalS,
        };

        using var writer = CreateWriter(request, reader, type, metadata);
        var units = FrameCopy.WorkUnits(reader, writer, request.Scaling);
        ProgressScope.Run(console, $"convert {Path.GetFileName(request.Input)}", units, report =>
        {
            FrameCopy.Copy(reader, writer, request.Scaling, report);
            return 0;
        });
        writer.Complete();
        console.Error.WriteLine(
            $"{request.Input} → {request.Output}: {reader.FrameCount} frames of {reader.Width}×{reader.Height}, {reader.PixelType.ShortName()} → {type.ShortName()}");
    }

    private static IFrameWriter CreateWriter(ConvertRequest request, IFrameReader reader, PixelType type, StackMetadata metadata)
    {
        var output = request.Output;
        var extension = Path.GetExtension(output).ToLowerInvariant();
        if (extension is ".tif" or ".tiff")
        {
            if (request.Tile is { } t && (t <= 0 || t % 16 != 0))
            {
                throw new UserInputException($"--tile must be a positive multiple of 16 (TIFF requires it), not {t}");
            }

            var options = new TiffWriteOptions
            {
                LittleEndian = !request.BigEndian,
                Compression = request.Compression,
                Predictor = request.Predictor ? (type.IsFloatingPoint() ? 3 : 2) : 1,
                Layout = request.Tile is null ? TiffLayout.Strips : TiffLayout.Tiles,
                TileSize = request.Tile ?? 256,
                BigTiff = request.BigTiff ? true : null,
                ExpectedFrameCount = reader.FrameCount,
                Metadata = metadata,
            };
            return TiffWriter.Create(output, reader.Width, reader.Height, type, options);
        }

        if (type is not (PixelType.UInt8 or PixelType.UInt16))
        {
            throw new UserInputException(
                $"PNG holds 8- or 16-bit unsigned samples, and this movie is {type.ShortName()}: add --type u16 (or u8), with --scaling MinMax to stretch its range");
        }

        if (extension == ".png")
        {
            if (reader.FrameCount != 1)
            {
                throw new UserInputException(
                    $"{request.Input} has {reader.FrameCount} frames and {output} is one PNG: give a folder such as 'frames/' to write one PNG per frame");
            }

            return PngFrameWriter.Create(output, reader.Width, reader.Height, type, metadata);
        }

        if (extension.Length > 0 && !Directory.Exists(output))
        {
            throw new UserInputException($"{output}: write .tif, .tiff, .png, or a folder (ending in '/') for a PNG sequence");
        }

        var stem = Path.GetFileNameWithoutExtension(reader.SourcePath.TrimEnd('/', '\\'));
        var prefix = stem.Length == 0 ? "frame" : stem;
        if (Directory.Exists(output) && Directory.EnumerateFiles(output, prefix + "_*.png").Any() && !request.Force)
        {
            throw new UserInputException($"{output} already holds {prefix}_*.png frames; add --force to replace them");
        }

        Directory.CreateDirectory(output);
        return PngSequenceWriter.Create(output, prefix, reader.Width, reader.Height, type, reader.FrameCount, metadata);
    }

    private static PixelType ParseType(string text) =>
        PixelTypeExtensions.TryParse(text, out var type) && type != PixelType.Float64
            ? type
            : throw new UserInputException($"--type '{text}' is not a sample type Perrin writes: use u8, i8, u16, i16, u32, i32 or f32");
}
