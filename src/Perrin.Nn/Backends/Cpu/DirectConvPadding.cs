namespace Perrin.Nn.Backends.Cpu;

/// <summary>
/// Copies image planes into a zero-bordered buffer so direct-convolution kernels read every tap without bounds
/// checks. The source sits at (top, left) in the padded plane; a negative offset crops, which the backward-data pass
/// needs when the forward padding exceeds the kernel extent minus one.
/// </summary>
internal static unsafe class DirectConvPadding
{
    /// <summary>Row stride of a padded plane: whole vectors of output plus the kernel overhang, so tail loads stay in the row.</summary>
    public static int RowStride(int outW, int kw) => (outW + 15) / 16 * 16 + kw - 1;

    /// <summary>Writes <paramref name="planes"/> padded planes of <paramref name="rows"/> × <paramref name="stride"/> values.</summary>
    public static void Copy(float* src, int planes, int h, int w, int top, int left, float* dst, int rows, int stride)
    {
        var x0 = Math.Max(0, left);
        var x1 = Math.Min(stride, left + w);
        var span = Math.Max(0, x1 - x0);
        for (var c = 0; c < planes; c++)
        {
            var plane = src + (nint)c * h * w;
            for (var j = 0; j < rows; j++)
            {
                var row = new Span<float>(dst + ((nint)c * rows + j) * stride, stride);
                var sy = j - top;
                if (sy < 0 || sy >= h || span == 0)
                {
                    row.Clear();
                    continue;
                }
                row[..x0].Clear();
                new ReadOnlySpan<float>(plane + (nint)sy * w + (x0 - left), span).CopyTo(row.Slice(x0, span));
                row[(x0 + span)..].Clear();
            }
        }
    }
}
