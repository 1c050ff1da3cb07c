namespace Perrin.Cli.Bench;

/// <summary>One TIFF streaming measurement. Rates are in MiB of pixel data per second; the write rate is absent for an existing file.</summary>
internal sealed record TiffThroughputResult(
    int Frames,
    int Width,
    int Height,
    string PixelType,
    string Compression,
    long FileBytes,
    double? WriteMbPerS,
    double ReadMbPerS,
    double ReadPeakRssMb,
    double Checksum);
