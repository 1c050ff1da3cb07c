using System.Collections.ObjectModel;

namespace Perrin.Core.Tables;

/// <summary>
/// An immutable list of localizations in Perrin's internal convention (see <see cref="Localization"/>), which
/// columns they carry, and the camera pixel size when known. The pixel size is what converts to and from formats
/// that count in pixels.
/// </summary>
public sealed class LocalizationTable
{
    private readonly Localization[] _rows;

    public LocalizationTable(IEnumerable<Localization> rows, LocalizationColumns columns, double? pixelSizeNm = null)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (pixelSizeNm is { } px)
        {
            PixelCoordinates.Validate(px, nameof(pixelSizeNm));
        }

        _rows = [.. rows];
        for (var i = 0; i < _rows.Length; i++)
        {
            var row = _rows[i];
            if (row.Frame < 0)
            {
                throw new ArgumentException($"row {i}: frame {row.Frame} is negative; frames are 0-based", nameof(rows));
            }

            if (!double.IsFinite(row.X) || !double.IsFinite(row.Y))
            {
                throw new ArgumentException($"row {i}: the position ({row.X}, {row.Y}) is not finite", nameof(rows));
            }
        }

        Rows = Array.AsReadOnly(_rows);
        Columns = columns | LocalizationColumns.Required;
        PixelSizeNm = pixelSizeNm;
    }

    public ReadOnlyCollection<Localization> Rows { get; }

    public int Count => _rows.Length;

    public LocalizationColumns Columns { get; }

    /// <summary>Size of a camera pixel in the sample plane, in nanometres, when known.</summary>
    public double? PixelSizeNm { get; }

    /// <summary>Whether the table carries every one of <paramref name="columns"/>.</summary>
    public bool Has(LocalizationColumns columns) => (Columns & columns) == columns;

    public LocalizationTable WithPixelSize(double? pixelSizeNm) => new(_rows, Columns, pixelSizeNm);
}
