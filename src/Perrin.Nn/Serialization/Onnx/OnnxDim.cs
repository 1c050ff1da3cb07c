namespace Perrin.Nn.Serialization.Onnx;

/// <summary>One dimension of a graph input or output: a fixed size, or a symbol such as "N" for a free batch size.</summary>
public readonly record struct OnnxDim
{
    private OnnxDim(long? value, string? symbol)
    {
        Value = value;
        Symbol = symbol;
    }

    public long? Value { get; }

    public string? Symbol { get; }

    public static OnnxDim Fixed(long value) =>
        value >= 0 ? new(value, null) : throw new ArgumentOutOfRangeException(nameof(value), value, "ONNX dimensions are non-negative");

    public static OnnxDim Symbolic(string symbol)
    {
        ArgumentException.ThrowIfNullOrEmpty(symbol);
        return new(null, symbol);
    }

    public static implicit operator OnnxDim(int value) => Fixed(value);

    public static implicit operator OnnxDim(string symbol) => Symbolic(symbol);

    public override string ToString() => Symbol ?? Value?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?";
}
