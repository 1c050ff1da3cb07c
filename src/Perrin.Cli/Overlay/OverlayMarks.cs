using Perrin.Core.Tables;

namespace Perrin.Cli.Overlay;

/// <summary>
/// The localizations of a range of frames, read as a stream so that only the requested frames are kept, grouped by
/// frame (0-based).
/// </summary>
internal sealed class OverlayMarks
{
    private readonly Dictionary<int, List<Localization>> _byFrame = [];

    public OverlayMarks(string path, FrameRange range, double pixelSizeNm)
    {
        if (!File.Exists(path))
            throw new FileNotFoundException($"{path}: no such file");
        foreach (var row in LocalizationTableIO.ReadRows(path, pixelSizeNm: pixelSizeNm))
        {
            if (row.Frame < range.First - 1 || row.Frame > range.Last - 1)
                continue;
            if (!_byFrame.TryGetValue(row.Frame, out var list))
                _byFrame[row.Frame] = list = [];
            list.Add(row);
            Count++;
        }
    }

    public int Count { get; }

    public IReadOnlyList<Localization> InFrame(int frame) => _byFrame.TryGetValue(frame, out var list) ? list : [];
}
