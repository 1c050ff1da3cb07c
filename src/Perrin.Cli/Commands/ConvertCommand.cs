using System.CommandLine;
using Perrin.Cli.Console;
using Perrin.Core.Imaging;
using Perrin.Core.IO;
using Perrin.Core.IO.Png;
using Perrin.Core.IO.Tiff;
using Perrin.Core.Tables;

namespace Perrin.Cli.Commands;

/// <summary>
/// `perrin convert IN OUT`: movies between TIFF, PNG and PNG sequences and between sample types, streaming
/// frame by frame; localization tables between ThunderSTORM, trackpy and SMLM-Challenge conventions.
/// </summary>
internal static class ConvertCommand
{
    public static Command Create(CliConsole console)
    {
        var input = new Argument<string>("input") { Description = "A TIFF movie, a PNG, a folder or pattern of PNG frames (\"frames/*.png\"), or a localization table" };
        var output = new Argument<string>("output") { Description = "out.tif, out.png (one frame), a folder for a PNG sequence (\"frames/\"), or out.csv for tables" };
        var type = new Option<string?>("--type", "-t") { Description = "Sample type of the output: u8, u16, i16, u32, i32 or f32 (default: as the input)" };
        var scaling = new Option<IntegerScaling>("--scaling") { Description = "How values become a smaller integer type: Clip keeps values (rounded, saturated); MinMax stretches the movie's range", DefaultValueFactory = _ => IntegerScaling.Clip };
        var compression = new Option<TiffCompression>("--compression", "-c") { Description = "TIFF compression", DefaultValueFactory = _ => TiffCompression.None };
        var predictor = new Option<bool>("--predictor") { Description = "Use the TIFF differencing predictor with LZW or Deflate (smaller files for smooth images)" };
        var bigEndian = new Option<bool>("--big-endian") { Description = "Write the TIFF in big-endian (MM) byte order" };
        var tile = new Option<int?>("--tile") { Description = "Write the TIFF in square tiles of this size (a multiple of 16) instead of strips" };
        var bigTiff = new Option<bool>("--bigtiff") { Description = "Write BigTIFF even if the file would fit in 4 GiB (larger files switch to BigTIFF by themselves)" };
        var pixelSize = new Option<double?>("--pixel-size") { Description = "Pixel size in nm: sets the output's calibration, and converts between pixel (trackpy) and nm tables" };
        var frameInterval = new Option<double?>("--frame-interval") { Description = "Time between frames in seconds, written into the output's calibration" };
        var format = new Option<TableFormat?>("--format", "-f") { Description = "Output table format: ThunderStorm, Trackpy or SmlmChallenge" };
        var force = new Option<bool>("--force") { Description = "Replace the output if it exists" };
        var command = new Command("convert", "Convert movies (TIFF, PNG, PNG sequences, bit depths) and localization tables")
        {
            input, output, type, scaling, compression, predictor, bigEndian, tile, bigTiff, pixelSize, frameInterval, format, force,
        };
        command.SetAction(parse => CommandRunner.Run(console, () =>
        {
            var request = new ConvertRequest(
                parse.GetValue(input)!,
                parse.GetValue(output)!,
                parse.GetValue(type),
                parse.GetValue(scaling),
                parse.GetValue(compression),
                parse.GetValue(predictor),
                parse.GetValue(bigEndian),
                parse.GetValue(tile),
                parse.GetValue(bigTiff),
                parse.GetValue(pixelSize),
                parse.GetValue(frameInterval),
                parse.GetValue(format),
                parse.GetValue(force));
            return Run(console, request);
        }));
        return command;
    }

    private static int Run(CliConsole console, ConvertRequest request)
    {
        CheckOutputFree(request);
        if (request.PixelSizeNm is <= 0 or double.NaN)
        {
            throw new UserInputException($"--pixel-size must be a positive number of nm, not {request.PixelSizeNm}");
        }

        if (MovieFile.Detect(request.Input) == FileKind.Table)
        {
            ConvertTable(console, request);
        }
        else
        {
            MovieConversion.Run(console, request);
        }

        return ExitCodes.Ok;
    }

    private static void ConvertTable(CliConsole console, ConvertRequest request)
    {
        var target = request.TableFormat
            ?? throw new UserInputException("converting a table needs the output format: add --format ThunderStorm, Trackpy or SmlmChallenge");
        var source = LocalizationTableIO.Detect(request.Input);
        var table = LocalizationTableIO.Read(request.Input, source, request.PixelSizeNm);
        if (target == TableFormat.Trackpy && (request.PixelSizeNm ?? table.PixelSizeNm) is null)
        {
            throw new UserInputException($"trackpy tables are in pixels and {request.Input} is in nm: add --pixel-size (nm per pixel)");
        }

        LocalizationTableIO.Write(request.Output, table, target, request.PixelSizeNm);
        console.Error.WriteLine($"{request.Input} ({TableFormats.DisplayName(source)}) → {request.Output} ({TableFormats.DisplayName(target)}): {table.Count} localizations");
    }

    private static void CheckOutputFree(ConvertRequest request)
    {
        if (Path.GetFullPath(request.Input) == Path.GetFullPath(request.Output))
        {
            throw new UserInputException($"{request.Output}: the output would replace the input; choose another name");
        }

        if (File.Exists(request.Output) && !request.Force)
        {
            throw new UserInputException($"{request.Output} exists; add --force to replace it");
        }
    }
}
