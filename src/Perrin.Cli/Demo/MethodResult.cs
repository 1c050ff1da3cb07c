using Perrin.Analysis.Evaluation;
using Perrin.Core.Tables;

namespace Perrin.Cli.Demo;

/// <summary>
/// One method's localizations of one movie and their scores against the truth, overall and over the particles of
/// |contrast| ≥ <see cref="DemoScoring.BrightContrast"/>.
/// </summary>
internal sealed record MethodResult(string Method, double Density, IReadOnlyList<Localization> Localizations, LocalizationScores Scores,
    IntensityBin Bright);
