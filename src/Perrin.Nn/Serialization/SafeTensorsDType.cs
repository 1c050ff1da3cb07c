namespace Perrin.Nn.Serialization;

/// <summary>Element types a safetensors file may declare; the names in the header are the enum names.</summary>
public enum SafeTensorsDType
{
    BOOL,
    U8,
    I8,
    U16,
    I16,
    U32,
    I32,
    U64,
    I64,
    F16,
    BF16,
    F32,
    F64,
}
