namespace Perrin.Core.Tables;

/// <summary>Collects one record's values while its fields are parsed, in the file's own units.</summary>
internal sealed class LocalizationBuilder
{
    private Localization _value;

    public void Reset() => _value = new Localization();

    public Localization Build() => _value;

    public void SetFrame(int frame) => _value = _value with { Frame = frame };

    public void SetWhole(LocalizationColumns column, long? value)
    {
        _value = column switch
        {
            LocalizationColumns.Id => _value with { Id = value },
            LocalizationColumns.Particle => _value with { Particle = value },
            LocalizationColumns.Detections => _value with { Detections = (int?)value },
            _ => throw new ArgumentOutOfRangeException(nameof(column), column, "not a whole-number column"),
        };
    }

    public void SetReal(LocalizationColumns column, double value)
    {
        _value = column switch
        {
            LocalizationColumns.X => _value with { X = value },
            LocalizationColumns.Y => _value with { Y = value },
            LocalizationColumns.Z => _value with { Z = value },
            LocalizationColumns.Sigma => _value with { Sigma = value },
            LocalizationColumns.Intensity => _value with { Intensity = value },
            LocalizationColumns.Offset => _value with { Offset = value },
            LocalizationColumns.BkgStd => _value with { BkgStd = value },
            LocalizationColumns.Uncertainty => _value with { Uncertainty = value },
            LocalizationColumns.UncertaintyZ => _value with { UncertaintyZ = value },
            LocalizationColumns.Chi2 => _value with { Chi2 = value },
            LocalizationColumns.Mass => _value with { Mass = value },
            LocalizationColumns.Size => _value with { Size = value },
            LocalizationColumns.Ecc => _value with { Ecc = value },
            LocalizationColumns.Signal => _value with { Signal = value },
            LocalizationColumns.RawMass => _value with { RawMass = value },
            LocalizationColumns.Ep => _value with { Ep = value },
            _ => throw new ArgumentOutOfRangeException(nameof(column), column, "not a real-number column"),
        };
    }
}
