namespace Perrin.Analysis.Localizers;

/// <summary>
/// How camera counts (ADU) become photoelectrons: e⁻ = (ADU − <see cref="BaselineAdu"/>) · <see cref="ElectronsPerAdu"/>
/// / <see cref="EmGain"/>. Reported photons are photoelectrons / <see cref="QuantumEfficiency"/>. The default
/// describes a frame that is already in photons.
/// </summary>
public sealed record CameraModel
{
    /// <summary>A frame whose values are photon counts.</summary>
    public static readonly CameraModel Photons = new();

    /// <summary>The camera's offset, in ADU, added to every pixel.</summary>
    public double BaselineAdu { get; init; }

    /// <summary>Electrons per ADU after any electron multiplication (the inverse of the ADU/e⁻ conversion gain).</summary>
    public double ElectronsPerAdu { get; init; } = 1.0;

    /// <summary>Electron-multiplication gain of an EMCCD; 1 for sCMOS and CCD cameras.</summary>
    public double EmGain { get; init; } = 1.0;

    public double QuantumEfficiency { get; init; } = 1.0;

    /// <summary>Read noise, electrons rms, as the camera reads them out (before dividing by the EM gain).</summary>
    public double ReadNoiseElectrons { get; init; }

    /// <summary>Read-noise variance referred to the photoelectrons the fit counts (the sCMOS trick's σ²/g²).</summary>
    public double ReadNoiseVariance => ReadNoiseElectrons / EmGain * (ReadNoiseElectrons / EmGain);

    /// <exception cref="ArgumentException">A parameter is not finite or out of its physical range.</exception>
    public void Validate()
    {
        Require(double.IsFinite(BaselineAdu), nameof(BaselineAdu), BaselineAdu, "a finite number of ADU");
        Require(ElectronsPerAdu > 0 && double.IsFinite(ElectronsPerAdu), nameof(ElectronsPerAdu), ElectronsPerAdu, "a positive number of electrons per ADU");
        Require(EmGain >= 1 && double.IsFinite(EmGain), nameof(EmGain), EmGain, "at least 1");
        Require(QuantumEfficiency is > 0 and <= 1, nameof(QuantumEfficiency), QuantumEfficiency, "in (0, 1]");
        Require(ReadNoiseElectrons >= 0 && double.IsFinite(ReadNoiseElectrons), nameof(ReadNoiseElectrons), ReadNoiseElectrons, "a non-negative number of electrons");
    }

    /// <summary>Converts camera counts to photoelectrons; NaN and infinite samples pass through unchanged.</summary>
    public void ToPhotoelectrons(ReadOnlySpan<float> counts, Span<float> photoelectrons)
    {
        if (photoelectrons.Length < counts.Length)
        {
            throw new ArgumentException($"the destination holds {photoelectrons.Length} values, fewer than the {counts.Length} counts", nameof(photoelectrons));
        }

        var scale = (float)(ElectronsPerAdu / EmGain);
        var baseline = (float)BaselineAdu;
        for (var i = 0; i < counts.Length; i++)
        {
            photoelectrons[i] = (counts[i] - baseline) * scale;
        }
    }

    private static void Require(bool ok, string name, double value, string expected)
    {
        if (!ok)
        {
            throw new ArgumentOutOfRangeException(name, value, $"the camera's {name} must be {expected}");
        }
    }
}
