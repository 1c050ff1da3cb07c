namespace Perrin.Nn.Tensors;

/// <summary>Shape arithmetic and the wording of shapes in error messages.</summary>
public static class ShapeText
{
    /// <summary>The shape as [a, b, c].</summary>
    public static string Format(ReadOnlySpan<int> shape) => "[" + string.Join(", ", shape.ToArray()) + "]";

    /// <summary>The number of elements, checked against overflow and negative sizes.</summary>
    public static int Product(ReadOnlySpan<int> shape, string what = "tensor")
    {
        long n = 1;
        foreach (var d in shape)
        {
            if (d < 0) throw new ArgumentException($"{what}: shape {Format(shape)} has a negative dimension.");
            n *= d;
            if (n > Array.MaxLength) throw new ArgumentException($"{what}: shape {Format(shape)} has more than {Array.MaxLength} elements.");
        }
        return (int)n;
    }

    /// <summary>Row-major strides of a contiguous tensor.</summary>
    public static int[] Strides(ReadOnlySpan<int> shape)
    {
        var strides = new int[shape.Length];
        var s = 1;
        for (var i = shape.Length - 1; i >= 0; i--)
        {
            strides[i] = s;
            s *= shape[i];
        }
        return strides;
    }

    /// <summary>Resolves a possibly negative axis against a rank.</summary>
    public static int Axis(int axis, int rank, string op)
    {
        var a = axis < 0 ? axis + rank : axis;
        if (a < 0 || a >= rank) throw new ArgumentException($"{op}: axis {axis} is out of range for a tensor of rank {rank}.");
        return a;
    }
}
