namespace Perrin.Cli.Bench;

/// <summary>One TIFF write-and-read measurement. Rates are in MiB of pixel data per second.</summary>
internal sealed record TiffThroughputResult(
    int Frames,
    int Side,
    long FileBytes,
    double WriteMbPerS,
    double ReadMbPerS,
    double ReadPeakRssMb,
    double Checksum);
