namespace Perrin.Core.Tables;

/// <summary>The localization table file formats Perrin reads and writes.</summary>
public enum TableFormat
{
    /// <summary>ThunderSTORM CSV: 1-based frames, nanometres from the top-left corner of the first pixel.</summary>
    ThunderStorm,

    /// <summary>trackpy CSV: 0-based frames, pixels with (0, 0) at the centre of the first pixel.</summary>
    Trackpy,

    /// <summary>SMLM Challenge 2016 ground truth: 1-based frames, nanometres.</summary>
    SmlmChallenge,
}
