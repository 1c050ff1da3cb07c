namespace Perrin.Simulation.Properties;

/// <summary>
/// Properties drawn once per copy, <see cref="Count"/> copies per sample (a feature's <c>count</c>). Member
/// paths are relative to <see cref="Prefix"/>: member <c>photons</c> of group <c>sample[0]</c> is
/// <c>sample[0].photons</c>; the count itself is the property <c>sample[0].count</c>.
/// </summary>
public sealed record RepeatedGroup(string Prefix, PropertySpec Count, ValueList<PropertyDefinition> Members)
{
    public string CountPath => Prefix + ".count";

    /// <summary>A group whose count is the constant 1 has a single copy, whose properties other code may read by path.</summary>
    public bool IsSingle => Count is ConstantSpec { Value: { IsNumber: true, Number: 1 } };
}
