namespace Perrin.Core.IO.Tiff;

/// <summary>TIFF field types (the "type" of an IFD entry), their sizes and names.</summary>
internal static class TiffFieldType
{
    public const ushort Byte = 1;
    public const ushort Ascii = 2;
    public const ushort Short = 3;
    public const ushort Long = 4;
    public const ushort Rational = 5;
    public const ushort SByte = 6;
    public const ushort Undefined = 7;
    public const ushort SShort = 8;
    public const ushort SLong = 9;
    public const ushort SRational = 10;
    public const ushort Float = 11;
    public const ushort Double = 12;
    public const ushort Ifd = 13;
    public const ushort Long8 = 16;
    public const ushort SLong8 = 17;
    public const ushort Ifd8 = 18;

    /// <summary>Bytes per value, or 0 for a type this reader does not know.</summary>
    public static int Size(ushort type) => type switch
    {
        Byte or Ascii or SByte or Undefined => 1,
        Short or SShort => 2,
        Long or SLong or Float or Ifd => 4,
        Rational or SRational or Double or Long8 or SLong8 or Ifd8 => 8,
        _ => 0,
    };

    public static string Name(ushort type) => type switch
    {
        Byte => "BYTE",
        Ascii => "ASCII",
        Short => "SHORT",
        Long => "LONG",
        Rational => "RATIONAL",
        SByte => "SBYTE",
        Undefined => "UNDEFINED",
        SShort => "SSHORT",
        SLong => "SLONG",
        SRational => "SRATIONAL",
        Float => "FLOAT",
        Double => "DOUBLE",
        Ifd => "IFD",
        Long8 => "LONG8",
        SLong8 => "SLONG8",
        Ifd8 => "IFD8",
        _ => "unknown",
    };
}
