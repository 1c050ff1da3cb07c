using System.CommandLine;
using Perrin.Analysis.Localizers;
using Perrin.Core.Tables;

namespace Perrin.Cli.Locate;

/// <summary>
/// The table of `perrin locate` methods. A new method is one more entry in <see cref="Create"/>: its options
/// (the shared ones it reads and its own), the columns it fills and its factory.
/// </summary>
internal static class LocateMethods
{
    public static IReadOnlyList<LocateMethod> Create(LocateOptions shared)
    {
        var fixedSigma = new Option<bool>("--fixed-sigma") { Description = "gauss-mle: hold σ at --sigma instead of fitting it" };
        var maxIterations = new Option<int>("--max-iterations") { Description = "gauss-mle: reject fits not converged after this many iterations", DefaultValueFactory = _ => 100 };
        var trackpy = new TrackpyOptions();
        return
        [
            new LocateMethod(
                "crocker-grier",
                "Crocker–Grier centroids with trackpy.locate's algorithm, parameters and columns (mass, size, ecc, signal, raw_mass, ep)",
                [shared.Threshold, .. trackpy.All],
                LocalizationColumns.Trackpy,
                (parse, sampleType) => new CrockerGrier(trackpy.Parameters(parse, shared.Threshold), sampleType)),
            new LocateMethod(
                "radial",
                "radial-symmetry centres (Parthasarathy 2012) of ROIs around detected spots",
                [.. shared.DetectionOptions, .. shared.CameraOptions],
                LocalizationColumns.ThunderStorm | LocalizationColumns.Trackpy,
                (parse, _) => new RadialSymmetry(new RadialSymmetryParameters
                {
                    Detector = shared.Detector(parse),
                    Camera = shared.Camera(parse),
                    RoiRadiusPx = parse.GetValue(shared.Roi),
                })),
            new LocateMethod(
                "gauss-mle",
                "integrated-Gaussian maximum-likelihood fits (Smith et al. 2010) with the Cramér–Rao bound as uncertainty",
                [.. shared.DetectionOptions, .. shared.CameraOptions, fixedSigma, maxIterations],
                LocalizationColumns.ThunderStorm | LocalizationColumns.Trackpy | LocalizationColumns.Chi2,
                (parse, _) => new GaussianMle(new GaussianMleParameters
                {
                    Detector = shared.Detector(parse),
                    Camera = shared.Camera(parse),
                    RoiRadiusPx = parse.GetValue(shared.Roi),
                    FitSigma = !parse.GetValue(fixedSigma),
                    MaxIterations = parse.GetValue(maxIterations),
                })),
        ];
    }
}
