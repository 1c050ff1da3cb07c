namespace Perrin.Nn.Tensors;

/// <summary>
/// Numpy broadcasting of two shapes, with adjacent dimensions merged wherever both operands stay contiguous across
/// them, so that the innermost loop runs over long rows (a per-channel bias over NCHW becomes N·C rows of H·W).
/// </summary>
internal sealed class BroadcastPlan
{
    private BroadcastPlan(int[] outShape, int[] dims, int[] strideA, int[] strideB)
    {
        OutShape = outShape;
        Dims = dims;
        StrideA = strideA;
        StrideB = strideB;
    }

    public int[] OutShape { get; }

    /// <summary>Merged dimensions; the last is the inner row.</summary>
    public int[] Dims { get; }

    /// <summary>Element strides of operand A over the merged dimensions (0 where broadcast).</summary>
    public int[] StrideA { get; }

    /// <summary>Element strides of operand B over the merged dimensions (0 where broadcast).</summary>
    public int[] StrideB { get; }

    public static BroadcastPlan Create(ReadOnlySpan<int> a, ReadOnlySpan<int> b, string op)
    {
        var rank = Math.Max(a.Length, b.Length);
        var outShape = new int[rank];
        var sa = new int[rank];
        var sb = new int[rank];
        var stridesA = ShapeText.Strides(a);
        var stridesB = ShapeText.Strides(b);
        for (var i = 0; i < rank; i++)
        {
            var ia = i - (rank - a.Length);
            var ib = i - (rank - b.Length);
            var da = ia >= 0 ? a[ia] : 1;
            var db = ib >= 0 ? b[ib] : 1;
            if (da != db && da != 1 && db != 1)
                throw new ArgumentException($"{op}: shapes {ShapeText.Format(a)} and {ShapeText.Format(b)} do not broadcast (axis {i}: {da} vs {db}).");
            outShape[i] = Math.Max(da, db);
            sa[i] = da == 1 ? 0 : stridesA[ia];
            sb[i] = db == 1 ? 0 : stridesB[ib];
        }
        return Merge(outShape, sa, sb);
    }

    /// <summary>A plan mapping <paramref name="outShape"/> onto a <paramref name="target"/> it was broadcast from.</summary>
    public static BroadcastPlan Reduction(ReadOnlySpan<int> outShape, ReadOnlySpan<int> target)
    {
        var rank = outShape.Length;
        var st = new int[rank];
        var so = ShapeText.Strides(outShape);
        var stridesT = ShapeText.Strides(target);
        for (var i = 0; i < rank; i++)
        {
            var it = i - (rank - target.Length);
            var dt = it >= 0 ? target[it] : 1;
            st[i] = dt == 1 && outShape[i] != 1 ? 0 : (it >= 0 ? stridesT[it] : 0);
        }
        return Merge(outShape.ToArray(), st, so);
    }

    private static BroadcastPlan Merge(int[] outShape, int[] sa, int[] sb)
    {
        var dims = new List<int>();
        var ma = new List<int>();
        var mb = new List<int>();
        for (var i = 0; i < outShape.Length; i++)
        {
            if (outShape[i] == 1) continue;
            var last = dims.Count - 1;
            if (last >= 0 && ma[last] == sa[i] * outShape[i] && mb[last] == sb[i] * outShape[i])
            {
                dims[last] *= outShape[i];
                ma[last] = sa[i];
                mb[last] = sb[i];
                continue;
            }
            dims.Add(outShape[i]);
            ma.Add(sa[i]);
            mb.Add(sb[i]);
        }
        if (dims.Count == 0)
        {
            dims.Add(1);
            ma.Add(0);
            mb.Add(0);
        }
        return new BroadcastPlan(outShape, [.. dims], [.. ma], [.. mb]);
    }

    /// <summary>Number of inner rows.</summary>
    public int Rows
    {
        get
        {
            var rows = 1;
            for (var i = 0; i < Dims.Length - 1; i++) rows *= Dims[i];
            return rows;
        }
    }

    /// <summary>The starting offsets in A and B of inner row <paramref name="row"/>.</summary>
    public (int A, int B) RowOffsets(int row)
    {
        int oa = 0, ob = 0;
        for (var i = Dims.Length - 2; i >= 0; i--)
        {
            var idx = row % Dims[i];
            row /= Dims[i];
            oa += idx * StrideA[i];
            ob += idx * StrideB[i];
        }
        return (oa, ob);
    }
}
