namespace Perrin.Nn.Serialization.Onnx;

/// <summary>Upsampling modes exported the way PyTorch exports nn.Upsample.</summary>
public enum OnnxResizeMode
{
    /// <summary>mode "nearest", coordinate_transformation_mode "asymmetric", nearest_mode "floor".</summary>
    Nearest,

    /// <summary>mode "linear", coordinate_transformation_mode "half_pixel" (bilinear with align_corners=False).</summary>
    Linear,

    /// <summary>mode "linear", coordinate_transformation_mode "align_corners" (bilinear with align_corners=True).</summary>
    LinearAlignCorners,
}
