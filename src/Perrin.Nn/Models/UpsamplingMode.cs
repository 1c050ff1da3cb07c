namespace Perrin.Nn.Models;

/// <summary>How a decoder doubles its resolution.</summary>
public enum UpsamplingMode
{
    /// <summary>A 2×2 transposed convolution with stride 2 (learned).</summary>
    TransposedConv,

    /// <summary>Bilinear ×2 upsampling (align_corners = false) followed by a 3×3 convolution.</summary>
    Bilinear,

    /// <summary>Nearest-neighbour ×2 upsampling followed by a 3×3 convolution.</summary>
    Nearest,
}
