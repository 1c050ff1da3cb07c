using Perrin.Core.Imaging;
using Perrin.Core.IO.Tiff;
using Perrin.Core.Tables;

namespace Perrin.Cli.Commands;

/// <summary>Everything `perrin convert` was asked to do, as parsed from the command line.</summary>
internal sealed record ConvertRequest(
    string Input,
    string Output,
    string? Type,
    IntegerScaling Scaling,
    TiffCompression Compression,
    bool Predictor,
    bool BigEndian,
    int? Tile,
    bool BigTiff,
    double? PixelSizeNm,
    double? FrameIntervalS,
    TableFormat? TableFormat,
    bool Force);
