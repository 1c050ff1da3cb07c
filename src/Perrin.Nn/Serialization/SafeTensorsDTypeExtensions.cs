namespace Perrin.Nn.Serialization;

public static class SafeTensorsDTypeExtensions
{
    private static readonly SafeTensorsDType[] All = Enum.GetValues<SafeTensorsDType>();

    /// <summary>Bytes per element.</summary>
    public static int ElementSize(this SafeTensorsDType dtype) => dtype switch
    {
        SafeTensorsDType.BOOL or SafeTensorsDType.U8 or SafeTensorsDType.I8 => 1,
        SafeTensorsDType.U16 or SafeTensorsDType.I16 or SafeTensorsDType.F16 or SafeTensorsDType.BF16 => 2,
        SafeTensorsDType.U32 or SafeTensorsDType.I32 or SafeTensorsDType.F32 => 4,
        SafeTensorsDType.U64 or SafeTensorsDType.I64 or SafeTensorsDType.F64 => 8,
        _ => throw new ArgumentOutOfRangeException(nameof(dtype), dtype, "not a safetensors dtype"),
    };

    /// <summary>The spelling used in the JSON header.</summary>
    public static string HeaderName(this SafeTensorsDType dtype) => dtype.ToString();

    public static bool IsFloatingPoint(this SafeTensorsDType dtype) =>
        dtype is SafeTensorsDType.F16 or SafeTensorsDType.BF16 or SafeTensorsDType.F32 or SafeTensorsDType.F64;

    /// <summary>Parses a header dtype name exactly as the format spells it (case-sensitive).</summary>
    public static bool TryParse(string? name, out SafeTensorsDType dtype)
    {
        foreach (var candidate in All)
        {
            if (string.Equals(candidate.HeaderName(), name, StringComparison.Ordinal))
            {
                dtype = candidate;
                return true;
            }
        }

        dtype = default;
        return false;
    }

    /// <summary>"BOOL, U8, ..." for error messages.</summary>
    public static string KnownNames() => string.Join(", ", All);
}
