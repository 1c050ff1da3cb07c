using System.CommandLine;
using Perrin.Cli.Console;
using Perrin.Core.Imaging;
using Perrin.Core.IO;
using Perrin.Core.IO.Png;
using Perrin.Core.IO.Tiff;
using Perrin.Core.Tables;

namespace Perrin.Cli.Commands;

/// <summary>`perrin info FILE`: what a movie, picture or localization table holds, without reading its pixels.</summary>
internal static class InfoCommand
{
    public static Command Create(CliConsole console)
    {
        var file = new Argument<string>("file") { Description = "A TIFF movie, a PNG file, a folder or pattern of PNG frames, or a localization table (CSV)" };
        var json = new Option<bool>("--json") { Description = "Print the facts as JSON on standard output" };
        var pixelSize = new Option<double?>("--pixel-size") { Description = "Pixel size in nm, to give the extent of a trackpy table in nm rather than pixels" };
        var command = new Command("info", "Show dimensions, pixel type, byte order, calibration and frame count of a file") { file, json, pixelSize };
        command.SetAction(parse => CommandRunner.Run(console, () =>
        {
            Describe(parse.GetValue(file)!, parse.GetValue(pixelSize)).Render(console, parse.GetValue(json));
            return ExitCodes.Ok;
        }));
        return command;
    }

    public static FactSheet Describe(string path, double? pixelSizeNm = null) => MovieFile.Detect(path) switch
    {
        FileKind.Tiff => DescribeTiff(path),
        FileKind.Png => DescribePng(path),
        FileKind.PngSequence => DescribeMovie(path, "PNG sequence"),
        FileKind.Table => DescribeTable(path, pixelSizeNm),
        _ => throw new PerrinFormatException(path, 0, "expected a TIFF, a PNG or a CSV localization table; the first bytes match none of them"),
    };

    private static FactSheet DescribeTiff(string path)
    {
        using var reader = TiffReader.Open(path);
        var info = reader.Info;
        return new FactSheet()
            .Add("file", "File", path)
            .Add("format", "Format", info.IsBigTiff ? "BigTIFF" : "TIFF")
            .Add("byte_order", "Byte order", info.LittleEndian ? "little-endian (II)" : "big-endian (MM)")
            .Add("width", "Width (px)", info.Width)
            .Add("height", "Height (px)", info.Height)
            .Add("frames", "Frames", info.FrameCount)
            .Add("pixel_type", "Pixel type", info.PixelType.ShortName())
            .Add("bits_per_sample", "Bits per sample", info.PixelType.BitsPerSample())
            .Add("compression", "Compression", info.Compression)
            .Add("predictor", "Predictor", info.Predictor)
            .Add("layout", "Layout", info.Tiled ? $"tiles {info.TileWidth}×{info.TileHeight}" : $"strips of {info.RowsPerStrip} rows")
            .Add("pixel_size_nm", "Pixel size (nm)", reader.Metadata.PixelSizeNm)
            .Add("frame_interval_s", "Frame interval (s)", reader.Metadata.FrameIntervalS)
            .Add("imagej", "ImageJ metadata", info.IsImageJ)
            .Add("file_bytes", "File size (bytes)", info.FileLength);
    }

    private static FactSheet DescribePng(string path)
    {
        var header = PngReader.ReadHeader(path);
        using var reader = PngSequenceReader.Open(path);
        return new FactSheet()
            .Add("file", "File", path)
            .Add("format", "Format", "PNG")
            .Add("width", "Width (px)", header.Width)
            .Add("height", "Height (px)", header.Height)
            .Add("frames", "Frames", 1)
            .Add("color", "Colour type", ColorTypeName(header.ColorType))
            .Add("bits_per_sample", "Bits per sample", header.BitDepth)
            .Add("interlaced", "Interlaced (Adam7)", header.Interlaced)
            .Add("pixel_type", "Pixel type as a frame", reader.PixelType.ShortName())
            .Add("pixel_size_nm", "Pixel size (nm)", reader.Metadata.PixelSizeNm)
            .Add("file_bytes", "File size (bytes)", new FileInfo(path).Length);
    }

    private static FactSheet DescribeMovie(string path, string format)
    {
        using var reader = MovieFile.OpenReader(path);
        return new FactSheet()
            .Add("file", "Source", reader.SourcePath)
            .Add("format", "Format", format)
            .Add("width", "Width (px)", reader.Width)
            .Add("height", "Height (px)", reader.Height)
            .Add("frames", "Frames", reader.FrameCount)
            .Add("pixel_type", "Pixel type", reader.PixelType.ShortName())
            .Add("pixel_size_nm", "Pixel size (nm)", reader.Metadata.PixelSizeNm);
    }

    private static FactSheet DescribeTable(string path, double? pixelSizeNm)
    {
        var format = LocalizationTableIO.Detect(path);

        // trackpy tables are in pixels; without a pixel size their extent is reported in pixels, through a
        // unit pixel size that the pixel/nm conversion undoes exactly.
        var inPixels = format == TableFormat.Trackpy && pixelSizeNm is null;
        var table = LocalizationTableIO.Read(path, format, inPixels ? 1.0 : pixelSizeNm);
        var sheet = new FactSheet()
            .Add("file", "File", path)
            .Add("format", "Format", TableFormats.DisplayName(format))
            .Add("rows", "Localizations", table.Count)
            .Add("columns", "Columns", ColumnList(table.Columns));
        if (table.Count > 0)
        {
            var s = TableSummary.Of(table);
            var unit = inPixels ? "px" : "nm";
            double Show(double nm) => inPixels ? PixelCoordinates.ToPixels(nm, 1.0) : nm;
            sheet.Add("first_frame", "First frame (1-based)", s.FirstFrame + 1)
                .Add("last_frame", "Last frame (1-based)", s.LastFrame + 1)
                .Add("extent_unit", "Extent unit", unit)
                .Add("x_min", $"x min ({unit})", Show(s.XMinNm))
                .Add("x_max", $"x max ({unit})", Show(s.XMaxNm))
                .Add("y_min", $"y min ({unit})", Show(s.YMinNm))
                .Add("y_max", $"y max ({unit})", Show(s.YMaxNm));
        }

        return sheet;
    }

    private static string ColumnList(LocalizationColumns columns) => string.Join(", ",
        Enum.GetValues<LocalizationColumns>()
            .Where(c => c != LocalizationColumns.None && (c & (c - 1)) == 0 && columns.HasFlag(c))
            .Select(c => c.ToString().ToLowerInvariant()));

    private static string ColorTypeName(int colorType) => colorType switch
    {
        0 => "grayscale",
        2 => "RGB",
        3 => "palette",
        4 => "grayscale + alpha",
        6 => "RGBA",
        _ => $"type {colorType}",
    };
}
