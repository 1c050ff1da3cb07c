namespace Perrin.Nn.Backends.Cpu;

/// <summary>
/// The planes of an NCHW tensor, either in one buffer or in two joined along the channels (a U-Net's upsampled and
/// skip maps) without the joined copy being made: the kernels that pad their input into their own buffers anyway
/// read each channel from where it lies, and the data gradient writes each channel's plane where it belongs.
/// </summary>
internal readonly unsafe struct ChannelPlanes
{
    private readonly nint _first;
    private readonly nint _second;
    private readonly int _firstChannels;

    private ChannelPlanes(float* first, int firstChannels, float* second)
    {
        _first = (nint)first;
        _firstChannels = firstChannels;
        _second = (nint)second;
    }

    /// <summary>One buffer holding every channel.</summary>
    public static ChannelPlanes Whole(float* input) => new(input, 0, null);

    /// <summary>Channels [0, <paramref name="firstChannels"/>) in <paramref name="first"/>, the rest in <paramref name="second"/>.</summary>
    public static ChannelPlanes Joined(float* first, int firstChannels, float* second) => new(first, firstChannels, second);

    /// <summary>Channel <paramref name="c"/> of image <paramref name="n"/> (of <paramref name="channels"/> channels of <paramref name="plane"/> floats).</summary>
    public float* Plane(int n, int c, int channels, nint plane)
    {
        if (_second == 0) return (float*)_first + ((nint)n * channels + c) * plane;
        return c < _firstChannels
            ? (float*)_first + ((nint)n * _firstChannels + c) * plane
            : (float*)_second + ((nint)n * (channels - _firstChannels) + c - _firstChannels) * plane;
    }

    /// <summary>
    /// Copies the <paramref name="channels"/> channels of image <paramref name="n"/> into zero-bordered planes at
    /// <paramref name="dst"/>, as <see cref="DirectConvPadding.Copy"/> does for one buffer.
    /// </summary>
    public void CopyPadded(int n, int channels, int h, int w, int top, int left, float* dst, int rows, int stride)
    {
        var plane = (nint)h * w;
        var split = _second == 0 ? channels : _firstChannels;
        DirectConvPadding.Copy(Plane(n, 0, channels, plane), split, h, w, top, left, dst, rows, stride);
        if (split < channels)
            DirectConvPadding.Copy(Plane(n, split, channels, plane), channels - split, h, w, top, left,
                dst + (nint)split * rows * stride, rows, stride);
    }
}
