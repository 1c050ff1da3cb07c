using Perrin.Core.Tables;

namespace Perrin.Cli.Evaluate;

/// <summary>A localization table read for evaluation, with the file and format it came from for messages.</summary>
internal sealed record LoadedTable(string Path, TableFormat Format, LocalizationTable Table)
{
    public static LoadedTable Read(string path, double? pixelSizeNm)
    {
        if (!File.Exists(path))
            throw new FileNotFoundException($"{path}: no such file");
        var format = LocalizationTableIO.Detect(path);
        if (format == TableFormat.Trackpy && pixelSizeNm is null)
            throw new UserInputException($"{path} is a trackpy table, in pixels: add --pixel-size (nm per pixel) to compare it in nm");
        return new LoadedTable(path, format, LocalizationTableIO.Read(path, format, pixelSizeNm));
    }

    /// <summary>How the file numbers its frames: 0 for trackpy, 1 for ThunderSTORM and the SMLM Challenge.</summary>
    public int FrameBase => Format == TableFormat.Trackpy ? 0 : 1;

    public string Describe() => $"{Path} ({Commands.TableFormats.DisplayName(Format)})";
}
