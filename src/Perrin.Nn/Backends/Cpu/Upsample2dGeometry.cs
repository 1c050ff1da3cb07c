namespace Perrin.Nn.Backends.Cpu;

/// <summary>Shapes of a 2D upsampling by integer factors: input [N, C, H, W], output [N, C, H·scaleH, W·scaleW].</summary>
public sealed record Upsample2dGeometry
{
    public Upsample2dGeometry(int batch, int channels, int height, int width, int scaleH, int scaleW)
    {
        var what = $"Upsample2d: input [{batch}, {channels}, {height}, {width}], scale ({scaleH}, {scaleW})";
        if (batch < 0 || channels < 1 || height < 1 || width < 1)
            throw new ArgumentException($"{what}: batch must be non-negative and channels and spatial sizes positive.");
        if (scaleH < 1 || scaleW < 1) throw new ArgumentException($"{what}: scale factors must be positive integers.");
        if ((long)batch * channels * height * scaleH * width * scaleW > int.MaxValue || (long)height * scaleH > int.MaxValue
            || (long)width * scaleW > int.MaxValue)
            throw new ArgumentException($"{what}: the output is too large (more than {int.MaxValue} elements).");
        N = batch; C = channels; H = height; W = width; ScaleH = scaleH; ScaleW = scaleW;
    }

    public int N { get; }
    public int C { get; }
    public int H { get; }
    public int W { get; }
    public int ScaleH { get; }
    public int ScaleW { get; }
    public int OutH => H * ScaleH;
    public int OutW => W * ScaleW;

    public int InputLength => N * C * H * W;
    public int OutputLength => N * C * OutH * OutW;

    internal string InputDims => KernelChecks.Dims(N, C, H, W);
    internal string OutputDims => KernelChecks.Dims(N, C, OutH, OutW);
}
