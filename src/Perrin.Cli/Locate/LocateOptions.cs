using System.CommandLine;
using Perrin.Analysis.Localizers;
using Perrin.Analysis.Localizers.Candidates;

namespace Perrin.Cli.Locate;

/// <summary>The detector, ROI and camera options that the fitting methods share, and the option each parameter comes from.</summary>
internal sealed class LocateOptions
{
    public Option<double> Sigma { get; } = new("--sigma") { Description = "PSF σ in pixels: detection scale and the Gaussian fit's start (or fixed) value", DefaultValueFactory = _ => 1.3 };

    /// <summary>Shared by name only: radial and gauss-mle read it in noise sigmas, crocker-grier as trackpy's threshold.</summary>
    public Option<double?> Threshold { get; } = new("--threshold") { Description = "radial, gauss-mle: detection threshold in robust noise standard deviations of the filtered frame (default 5); crocker-grier: trackpy's bandpass threshold, in image units (default 1 for integer movies, 1/255 for float)" };

    public Option<double> MinPhotons { get; } = new("--min-photons") { Description = "Detect only spots at least this bright, in photons", DefaultValueFactory = _ => 0.0 };

    public Option<int> MinDistance { get; } = new("--min-distance") { Description = "Minimum distance between candidates in pixels", DefaultValueFactory = _ => 2 };

    public Option<int> Border { get; } = new("--border") { Description = "Ignore candidates this close to the frame's edge, in pixels", DefaultValueFactory = _ => 0 };

    public Option<int> Roi { get; } = new("--roi") { Description = "ROI half-width in pixels: the ROI is (2·roi + 1)² pixels", DefaultValueFactory = _ => 4 };

    public Option<double> Baseline { get; } = new("--baseline") { Description = "Camera offset in ADU", DefaultValueFactory = _ => 0.0 };

    public Option<double> Gain { get; } = new("--gain") { Description = "Camera conversion in electrons per ADU", DefaultValueFactory = _ => 1.0 };

    public Option<double> EmGain { get; } = new("--em-gain") { Description = "EMCCD electron-multiplication gain", DefaultValueFactory = _ => 1.0 };

    public Option<double> Qe { get; } = new("--qe") { Description = "Quantum efficiency: photons = photoelectrons / qe", DefaultValueFactory = _ => 1.0 };

    public Option<double> ReadNoise { get; } = new("--read-noise") { Description = "Read noise in electrons rms", DefaultValueFactory = _ => 0.0 };

    public IReadOnlyList<Option> DetectionOptions => [Sigma, Threshold, MinPhotons, MinDistance, Border, Roi];

    public IReadOnlyList<Option> CameraOptions => [Baseline, Gain, EmGain, Qe, ReadNoise];

    /// <summary>The option a parameter of the analysis library comes from, for messages.</summary>
    public string OptionFor(string? parameter) => parameter switch
    {
        nameof(CandidateDetectorParameters.SigmaPx) => Sigma.Name,
        nameof(CandidateDetectorParameters.ThresholdSigmas) => Threshold.Name,
        nameof(CandidateDetectorParameters.MinPhotons) => MinPhotons.Name,
        nameof(CandidateDetectorParameters.MinDistancePx) => MinDistance.Name,
        nameof(CandidateDetectorParameters.BorderPx) => Border.Name,
        nameof(GaussianMleParameters.RoiRadiusPx) => Roi.Name,
        nameof(CameraModel.BaselineAdu) => Baseline.Name,
        nameof(CameraModel.ElectronsPerAdu) => Gain.Name,
        nameof(CameraModel.EmGain) => EmGain.Name,
        nameof(CameraModel.QuantumEfficiency) => Qe.Name,
        nameof(CameraModel.ReadNoiseElectrons) => ReadNoise.Name,
        _ => TrackpyOptions.OptionFor(parameter) ?? parameter ?? "a parameter",
    };

    public CandidateDetectorParameters Detector(ParseResult parse) => new()
    {
        SigmaPx = parse.GetValue(Sigma),
        ThresholdSigmas = parse.GetValue(Threshold) ?? new CandidateDetectorParameters().ThresholdSigmas,
        MinPhotons = parse.GetValue(MinPhotons),
        MinDistancePx = parse.GetValue(MinDistance),
        BorderPx = parse.GetValue(Border),
    };

    public CameraModel Camera(ParseResult parse) => new()
    {
        BaselineAdu = parse.GetValue(Baseline),
        ElectronsPerAdu = parse.GetValue(Gain),
        EmGain = parse.GetValue(EmGain),
        QuantumEfficiency = parse.GetValue(Qe),
        ReadNoiseElectrons = parse.GetValue(ReadNoise),
    };
}
