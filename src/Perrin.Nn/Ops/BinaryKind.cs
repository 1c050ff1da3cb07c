namespace Perrin.Nn.Ops;

/// <summary>The broadcasting arithmetic operations.</summary>
internal enum BinaryKind
{
    Add,
    Sub,
    Mul,
    Div,
}
