namespace Perrin.Core.IO.Tiff;

/// <summary>
/// One IFD entry, without its values: where they lie (inline in the entry or elsewhere in the file) and how many there are.
/// Small enough to keep one or two per frame for files of 100 000 frames.
/// </summary>
/// <param name="Tag">The tag number.</param>
/// <param name="Type">The field type (<see cref="TiffFieldType"/>).</param>
/// <param name="Count">Number of values.</param>
/// <param name="EntryOffset">Where the entry itself starts in the file, for messages.</param>
/// <param name="DataOffset">Where the values start in the file (inside the entry when they fit there).</param>
/// <param name="InlineBytes">The entry's value field as stored, first file byte in the lowest byte.</param>
/// <param name="IsInline">Whether the values fit in the entry's value field.</param>
internal readonly record struct TiffEntry(
    ushort Tag,
    ushort Type,
    long Count,
    long EntryOffset,
    long DataOffset,
    ulong InlineBytes,
    bool IsInline)
{
    public int ValueSize => TiffFieldType.Size(Type);

    public string Describe() => TiffTag.Describe(Tag);
}
