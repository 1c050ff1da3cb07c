using Perrin.Core.Tables;

namespace Perrin.Cli.SelfTest;

/// <summary>Compares localizations by frame and position, bit for bit.</summary>
internal sealed class PositionComparer : IEqualityComparer<Localization>
{
    public static readonly PositionComparer Exact = new();

    public bool Equals(Localization a, Localization b) => a.Frame == b.Frame && a.X.Equals(b.X) && a.Y.Equals(b.Y);

    public int GetHashCode(Localization value) => HashCode.Combine(value.Frame, value.X, value.Y);
}
