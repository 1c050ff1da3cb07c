namespace Perrin.Cli.Localize;

/// <summary>
/// `perrin localize --refine` and its settings as typed; null values take the model's recipe (camera, PSF σ) or the
/// refiner's defaults. <see cref="LocalizeRefinement"/> checks them.
/// </summary>
internal sealed record RefineRequest
{
    /// <summary>none; mle: a Gaussian maximum-likelihood fit on the raw frame around each localization; ipsf: the joint iPSF fit of an iSCAT frame.</summary>
    public string Method { get; init; } = LocalizeRefinement.None;

    public int? RoiRadiusPx { get; init; }

    /// <summary>How far a refined position may move from the network's, in pixels; null: the refiner's default (mle 1, ipsf 4).</summary>
    public double? MaxShiftPx { get; init; }

    public double? SigmaPx { get; init; }

    public double? BaselineAdu { get; init; }

    public double? ElectronsPerAdu { get; init; }

    public double? EmGain { get; init; }

    public double? QuantumEfficiency { get; init; }

    public double? ReadNoiseElectrons { get; init; }

    /// <summary>--refine ipsf: add scatterers from the residual where one explains more than this many median Δ; 0 or null: no search.</summary>
    public double? SearchThreshold { get; init; }

    /// <summary>--refine ipsf: try each detection as two scatterers, keeping pairs that gain more than this many residual variances; 0 or null: no splits.</summary>
    public double? SplitThreshold { get; init; }
}
