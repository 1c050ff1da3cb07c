namespace Perrin.Core.Tests.IO.Tiff;

/// <summary>A valid file to damage, with its byte order, format and IFD positions (found without the reader under test).</summary>
internal sealed record MutationSample(byte[] Bytes, bool LittleEndian, bool Big, List<(long Offset, int Entries)> Ifds)
{
    public static MutationSample Of(byte[] bytes) => new(bytes, bytes[0] == 'I', bytes[2] == 43 || bytes[3] == 43, TiffIfdProbe.Ifds(bytes));
}
