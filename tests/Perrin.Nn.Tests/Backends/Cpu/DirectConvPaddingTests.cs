using Perrin.Nn.Backends.Cpu;

namespace Perrin.Nn.Tests.Backends.Cpu;

public unsafe class DirectConvPaddingTests
{
    // planes, h, w, top, left, rows, stride: borders on all sides, rows shorter than, equal to and longer than one
    // or several vectors, crops (negative offsets), the image only partly or not at all inside the plane.
    public static TheoryData<int, int, int, int, int, int, int> Cases => new()
    {
        { 2, 5, 7, 1, 1, 7, 9 },
        { 1, 4, 16, 1, 1, 6, 18 },
        { 3, 6, 33, 2, 3, 9, 50 },
        { 2, 8, 128, 1, 1, 10, 130 },
        { 1, 9, 20, -2, -1, 5, 18 },
        { 2, 3, 40, 4, 0, 6, 40 },
        { 1, 5, 10, -7, 0, 4, 12 },
        { 1, 5, 10, 0, 14, 4, 12 },
        { 2, 6, 17, 9, 2, 6, 21 },
        { 1, 7, 24, 0, 0, 7, 24 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void CopyMatchesAZeroBorderedPlaneWhateverTheBufferHeld(int planes, int h, int w, int top, int left,
        int rows, int stride)
    {
        var source = new float[planes * h * w];
        for (var i = 0; i < source.Length; i++) source[i] = i + 1;
        var padded = new float[planes * rows * stride];
        Array.Fill(padded, float.NaN);
        fixed (float* src = source, dst = padded)
            DirectConvPadding.Copy(src, planes, h, w, top, left, dst, rows, stride);
        for (var c = 0; c < planes; c++)
            for (var y = 0; y < rows; y++)
                for (var x = 0; x < stride; x++)
                {
                    var (sy, sx) = (y - top, x - left);
                    var expected = sy >= 0 && sy < h && sx >= 0 && sx < w ? source[(c * h + sy) * w + sx] : 0f;
                    Assert.Equal(expected, padded[(c * rows + y) * stride + x]);
                }
    }
}
