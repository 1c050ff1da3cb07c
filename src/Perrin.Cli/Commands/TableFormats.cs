using Perrin.Core.Tables;

namespace Perrin.Cli.Commands;

/// <summary>Names of table formats as users know them.</summary>
internal static class TableFormats
{
    public static string DisplayName(TableFormat format) => format switch
    {
        TableFormat.ThunderStorm => "ThunderSTORM CSV (nm, frames 1-based)",
        TableFormat.Trackpy => "trackpy CSV (pixels, frames 0-based)",
        TableFormat.SmlmChallenge => "SMLM Challenge 2016 ground truth (nm)",
        _ => format.ToString(),
    };
}
