namespace Perrin.Nn.Models;

/// <summary>The pooling after a convolution block.</summary>
public enum PoolingKind
{
    /// <summary>No pooling.</summary>
    None,

    /// <summary>Max pooling.</summary>
    Max,

    /// <summary>Average pooling.</summary>
    Average,
}
