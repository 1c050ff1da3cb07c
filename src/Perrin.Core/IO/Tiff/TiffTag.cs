namespace Perrin.Core.IO.Tiff;

/// <summary>The TIFF tags Perrin reads or writes, and their names for messages.</summary>
internal static class TiffTag
{
    public const ushort NewSubfileType = 254;
    public const ushort ImageWidth = 256;
    public const ushort ImageLength = 257;
    public const ushort BitsPerSample = 258;
    public const ushort Compression = 259;
    public const ushort Photometric = 262;
    public const ushort ImageDescription = 270;
    public const ushort StripOffsets = 273;
    public const ushort SamplesPerPixel = 277;
    public const ushort RowsPerStrip = 278;
    public const ushort StripByteCounts = 279;
    public const ushort XResolution = 282;
    public const ushort YResolution = 283;
    public const ushort PlanarConfiguration = 284;
    public const ushort ResolutionUnit = 296;
    public const ushort Predictor = 317;
    public const ushort TileWidth = 322;
    public const ushort TileLength = 323;
    public const ushort TileOffsets = 324;
    public const ushort TileByteCounts = 325;
    public const ushort SampleFormat = 339;

    public static string Describe(ushort tag) => tag switch
    {
        NewSubfileType => "tag 254 (NewSubfileType)",
        ImageWidth => "tag 256 (ImageWidth)",
        ImageLength => "tag 257 (ImageLength)",
        BitsPerSample => "tag 258 (BitsPerSample)",
        Compression => "tag 259 (Compression)",
        Photometric => "tag 262 (PhotometricInterpretation)",
        ImageDescription => "tag 270 (ImageDescription)",
        StripOffsets => "tag 273 (StripOffsets)",
        SamplesPerPixel => "tag 277 (SamplesPerPixel)",
        RowsPerStrip => "tag 278 (RowsPerStrip)",
        StripByteCounts => "tag 279 (StripByteCounts)",
        XResolution => "tag 282 (XResolution)",
        YResolution => "tag 283 (YResolution)",
        PlanarConfiguration => "tag 284 (PlanarConfiguration)",
        ResolutionUnit => "tag 296 (ResolutionUnit)",
        Predictor => "tag 317 (Predictor)",
        TileWidth => "tag 322 (TileWidth)",
        TileLength => "tag 323 (TileLength)",
        TileOffsets => "tag 324 (TileOffsets)",
        TileByteCounts => "tag 325 (TileByteCounts)",
        SampleFormat => "tag 339 (SampleFormat)",
        _ => $"tag {tag}",
    };
}
