using Perrin.Core.Imaging;
using Perrin.Core.Tables;

namespace Perrin.Analysis.Localizers;

/// <summary>
/// Finds particles in one frame. Movies are processed by calling it frame after frame, so memory stays bounded
/// whatever the movie's length.
/// </summary>
public interface IFrameLocalizer
{
    /// <summary>The method's name as the command line spells it (for example "crocker-grier").</summary>
    string Name { get; }

    /// <summary>
    /// Localizations of <paramref name="frame"/> in Perrin's internal convention: <see cref="Localization.Frame"/>
    /// = <paramref name="frameIndex"/> (0-based), X and Y in nanometres from the top-left corner of the top-left
    /// pixel, computed with <paramref name="pixelSizeNm"/>. An empty frame, or one without particles, gives an empty list.
    /// </summary>
    IReadOnlyList<Localization> Locate(ImageFrame frame, int frameIndex, double pixelSizeNm);
}
