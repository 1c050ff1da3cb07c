using System.CommandLine;
using Perrin.Analysis.Localizers;

namespace Perrin.Cli.Locate;

/// <summary>The crocker-grier options of `perrin locate`, spelled as trackpy.locate's arguments.</summary>
internal sealed class TrackpyOptions
{
    public Option<int?> Diameter { get; } = new("--diameter") { Description = "crocker-grier: feature diameter in pixels, odd (trackpy's diameter; required)" };

    public Option<double?> MinMass { get; } = new("--minmass") { Description = "crocker-grier: minimum integrated brightness (trackpy's minmass)" };

    public Option<double?> MaxSize { get; } = new("--maxsize") { Description = "crocker-grier: maximum radius of gyration in pixels (trackpy's maxsize)" };

    public Option<double?> Separation { get; } = new("--separation") { Description = "crocker-grier: minimum separation of features in pixels (default diameter + 1)" };

    public Option<double> NoiseSize { get; } = new("--noise-size") { Description = "crocker-grier: σ of the Gaussian blur of the bandpass, in pixels", DefaultValueFactory = _ => 1.0 };

    public Option<int?> SmoothingSize { get; } = new("--smoothing-size") { Description = "crocker-grier: size of the boxcar background of the bandpass (default diameter)" };

    public Option<double> Percentile { get; } = new("--percentile") { Description = "crocker-grier: peaks must exceed this percentile of the processed image", DefaultValueFactory = _ => 64.0 };

    public Option<bool> Invert { get; } = new("--invert") { Description = "crocker-grier: find dark features on a bright background" };

    public Option<int?> TopN { get; } = new("--topn") { Description = "crocker-grier: keep only the N brightest features per frame" };

    public IReadOnlyList<Option> All => [Diameter, MinMass, MaxSize, Separation, NoiseSize, SmoothingSize, Percentile, Invert, TopN];

    /// <summary>The option a <see cref="CrockerGrierParameters"/> property comes from, or null for another method's parameter.</summary>
    public static string? OptionFor(string? parameter) => parameter switch
    {
        nameof(CrockerGrierParameters.Diameter) => "--diameter",
        nameof(CrockerGrierParameters.MinMass) => "--minmass",
        nameof(CrockerGrierParameters.MaxSize) => "--maxsize",
        nameof(CrockerGrierParameters.Separation) => "--separation",
        nameof(CrockerGrierParameters.NoiseSize) => "--noise-size",
        nameof(CrockerGrierParameters.SmoothingSize) => "--smoothing-size",
        nameof(CrockerGrierParameters.Threshold) => "--threshold",
        nameof(CrockerGrierParameters.Percentile) => "--percentile",
        nameof(CrockerGrierParameters.TopN) => "--topn",
        _ => null,
    };

    public CrockerGrierParameters Parameters(ParseResult parse, Option<double?> threshold) =>
        new(parse.GetValue(Diameter) ?? throw new UserInputException("--method crocker-grier needs --diameter: the features' size in pixels, an odd number (as trackpy.locate)"))
        {
            MinMass = parse.GetValue(MinMass),
            MaxSize = parse.GetValue(MaxSize),
            Separation = parse.GetValue(Separation),
            NoiseSize = parse.GetValue(NoiseSize),
            SmoothingSize = parse.GetValue(SmoothingSize),
            Threshold = parse.GetValue(threshold),
            Percentile = parse.GetValue(Percentile),
            Invert = parse.GetValue(Invert),
            TopN = parse.GetValue(TopN),
        };
}
