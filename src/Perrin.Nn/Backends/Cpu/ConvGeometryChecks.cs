namespace Perrin.Nn.Backends.Cpu;

/// <summary>Argument checks shared by the convolution geometries, so both report user mistakes the same way.</summary>
internal static class ConvGeometryChecks
{
    public static void Validate(string what, int n, int cin, int h, int w, int cout, int kh, int kw,
        int sh, int sw, int ph, int pw, int dh, int dw, int groups)
    {
        if (n < 0 || cin < 1 || h < 1 || w < 1 || cout < 1)
            throw new ArgumentException($"{what}: batch must be non-negative and channels and spatial sizes positive.");
        if (kh < 1 || kw < 1) throw new ArgumentException($"{what}: kernel sizes must be positive.");
        if (sh < 1 || sw < 1) throw new ArgumentException($"{what}: strides must be positive.");
        if (ph < 0 || pw < 0) throw new ArgumentException($"{what}: padding must be non-negative.");
        if (dh < 1 || dw < 1) throw new ArgumentException($"{what}: dilations must be positive.");
        if (groups < 1) throw new ArgumentException($"{what}: groups must be positive.");
        if (cin % groups != 0 || cout % groups != 0)
            throw new ArgumentException($"{what}: input channels {cin} and output channels {cout} must both be divisible by groups {groups}.");
    }

    /// <summary>Every buffer the kernels index must fit a span, so no index computation can overflow.</summary>
    public static void CheckSizes(string what, int n, int cin, int h, int w, int cout, long outH, long outW, long k)
    {
        var limit = (long)int.MaxValue;
        if (outH > limit || outW > limit || (long)n * cin * h * w > limit || (long)n * cout * outH * outW > limit || k * outH * outW > limit
            || k * cout > limit)
            throw new ArgumentException($"{what}: the tensors are too large (more than {int.MaxValue} elements).");
    }
}
