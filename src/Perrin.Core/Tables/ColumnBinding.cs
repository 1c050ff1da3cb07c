namespace Perrin.Core.Tables;

/// <summary>
/// What each field of a file's records holds: <see cref="Columns"/>[i] is the quantity of field i
/// (<see cref="LocalizationColumns.None"/> for a column that is ignored) and <see cref="Labels"/>[i] its name
/// as the user knows it, for messages.
/// </summary>
internal sealed class ColumnBinding(LocalizationColumns[] columns, string[] labels, LocalizationColumns present, string shape)
{
    public IReadOnlyList<LocalizationColumns> Columns { get; } = columns;

    public IReadOnlyList<string> Labels { get; } = labels;

    public LocalizationColumns Present { get; } = present;

    /// <summary>Where the expected field count comes from, for the ragged-row message.</summary>
    public string Shape { get; } = shape;
}
