using Perrin.Core.Randomness;
using Perrin.Nn.Autograd;
using Perrin.Nn.Ops;

namespace Perrin.Nn.Tensors;

/// <summary>
/// A dense float32 tensor in row-major (NCHW) order, with the operation that produced it when gradients are
/// recorded. Storage comes from <see cref="BufferPool"/>; <see cref="Dispose"/> gives it back.
/// </summary>
public sealed class Tensor : IDisposable
{
    private float[]? _data;
    private readonly int[] _shape;

    internal Tensor(float[] data, int[] shape)
    {
        var length = ShapeText.Product(shape);
        if (data.Length != length)
            throw new ArgumentException($"tensor: {data.Length} values do not fill shape {ShapeText.Format(shape)} ({length} elements).");
        _data = data;
        _shape = shape;
        Length = length;
    }

    /// <summary>The dimensions.</summary>
    public ReadOnlySpan<int> Shape => _shape;

    /// <summary>Dimension <paramref name="axis"/>; negative counts from the end.</summary>
    public int Dim(int axis) => _shape[ShapeText.Axis(axis, _shape.Length, "Dim")];

    /// <summary>A copy of the dimensions.</summary>
    public int[] ShapeArray() => (int[])_shape.Clone();

    /// <summary>The number of dimensions.</summary>
    public int Rank => _shape.Length;

    /// <summary>The number of elements.</summary>
    public int Length { get; }

    /// <summary>The values, row-major.</summary>
    public Span<float> Span => Data.AsSpan(0, Length);

    internal float[] Data => _data ?? throw new ObjectDisposedException(nameof(Tensor), $"tensor {Name ?? ShapeText.Format(_shape)} was disposed.");

    /// <summary>True once the storage went back to the pool.</summary>
    public bool IsDisposed => _data is null;

    /// <summary>An optional name, used in messages and by modules for parameters.</summary>
    public string? Name { get; set; }

    /// <summary>Whether gradients flow to this tensor. Only leaves may be switched.</summary>
    public bool RequiresGrad
    {
        get => _requiresGrad;
        set
        {
            if (GradFn is not null && !value)
                throw new InvalidOperationException($"tensor {Name ?? ShapeText.Format(_shape)} is the result of {GradFn.Op}; use Detach() rather than switching off its gradient.");
            _requiresGrad = value;
        }
    }

    private bool _requiresGrad;

    /// <summary>The accumulated gradient of a leaf after <see cref="Backward"/>.</summary>
    public Tensor? Grad { get; set; }

    /// <summary>The operation that produced this tensor; null for leaves and inside no-grad scopes.</summary>
    public Node? GradFn { get; private set; }

    /// <summary>True for tensors not produced by a recorded operation.</summary>
    public bool IsLeaf => GradFn is null;

    /// <summary>A tensor with uninitialized pooled storage.</summary>
    public static Tensor Empty(params int[] shape) => new(BufferPool.Rent(ShapeText.Product(shape)), (int[])shape.Clone());

    /// <summary>A tensor of zeros.</summary>
    public static Tensor Zeros(params int[] shape) => new(BufferPool.RentCleared(ShapeText.Product(shape)), (int[])shape.Clone());

    /// <summary>A tensor of ones.</summary>
    public static Tensor Ones(params int[] shape) => Full(1f, shape);

    /// <summary>A tensor filled with one value.</summary>
    public static Tensor Full(float value, params int[] shape)
    {
        var t = Empty(shape);
        t.Span.Fill(value);
        return t;
    }

    /// <summary>A scalar (rank 0).</summary>
    public static Tensor Scalar(float value) => Full(value, []);

    /// <summary>A tensor holding a copy of <paramref name="values"/>.</summary>
    public static Tensor FromArray(ReadOnlySpan<float> values, params int[] shape)
    {
        var length = ShapeText.Product(shape);
        if (values.Length != length)
            throw new ArgumentException($"tensor: {values.Length} values do not fill shape {ShapeText.Format(shape)} ({length} elements).");
        var t = Empty(shape);
        values.CopyTo(t.Span);
        return t;
    }

    /// <summary>Uniform values in [low, high), drawn in order from <paramref name="rng"/>.</summary>
    public static Tensor Uniform(RandomStream rng, float low, float high, params int[] shape)
    {
        ArgumentNullException.ThrowIfNull(rng);
        var t = Empty(shape);
        var s = t.Span;
        for (var i = 0; i < s.Length; i++) s[i] = (float)rng.Uniform(low, high);
        return t;
    }

    /// <summary>Normal values, drawn in order from <paramref name="rng"/>.</summary>
    public static Tensor Normal(RandomStream rng, float mean, float std, params int[] shape)
    {
        ArgumentNullException.ThrowIfNull(rng);
        var t = Empty(shape);
        var s = t.Span;
        for (var i = 0; i < s.Length; i++) s[i] = (float)rng.Normal(mean, std);
        return t;
    }

    /// <summary>A tensor made by an operation: records <paramref name="backward"/> when any input needs a gradient.</summary>
    internal static Tensor FromOp(float[] data, int[] shape, string op, Tensor[] inputs, Func<Tensor, Tensor?[]> backward)
    {
        var t = new Tensor(data, shape);
        if (!GradMode.IsEnabled) return t;
        foreach (var input in inputs)
        {
            if (!input.RequiresGrad) continue;
            t._requiresGrad = true;
            t.GradFn = new Node(op, inputs, backward);
            break;
        }
        return t;
    }

    /// <summary>The single value of a one-element tensor.</summary>
    public float Item()
    {
        if (Length != 1) throw new InvalidOperationException($"Item: tensor of shape {ShapeText.Format(_shape)} has {Length} elements, not 1.");
        return Data[0];
    }

    /// <summary>A copy of the values.</summary>
    public float[] ToArray() => Span.ToArray();

    /// <summary>The value at a full index.</summary>
    [System.Runtime.CompilerServices.IndexerName("Value")]
    public float this[params int[] index]
    {
        get => Data[Offset(index)];
        set => Data[Offset(index)] = value;
    }

    private int Offset(int[] index)
    {
        if (index.Length != _shape.Length)
            throw new ArgumentException($"index of rank {index.Length} for a tensor of shape {ShapeText.Format(_shape)}.");
        var offset = 0;
        for (var i = 0; i < index.Length; i++)
        {
            if ((uint)index[i] >= (uint)_shape[i])
                throw new ArgumentOutOfRangeException(nameof(index), $"index {index[i]} on axis {i} of shape {ShapeText.Format(_shape)}.");
            offset = (offset * _shape[i]) + index[i];
        }
        return offset;
    }

    /// <summary>A copy without history (no gradient).</summary>
    public Tensor Detach() => FromArray(Span, _shape);

    /// <summary>A copy that keeps the history (gradients flow through it).</summary>
    public Tensor Clone() => Elementwise.Copy(this);

    /// <summary>
    /// Back-propagates from this tensor: with no argument it must hold one element and its gradient is 1.
    /// Leaves that require gradients accumulate into <see cref="Grad"/>; the graph is released afterwards.
    /// </summary>
    public void Backward(Tensor? gradient = null) => BackwardPass.Run(this, gradient);

    /// <summary>Forgets the accumulated gradient.</summary>
    public void ZeroGrad()
    {
        Grad?.Dispose();
        Grad = null;
    }

    internal void DetachGraph() => GradFn = null;

    /// <summary>Returns the storage to the pool; later access throws <see cref="ObjectDisposedException"/>.</summary>
    public void Dispose()
    {
        var data = Interlocked.Exchange(ref _data, null);
        if (data is not null) BufferPool.Return(data);
    }

    /// <summary>Disposes every intermediate tensor of the graph that produced this one, and this one, but no leaf.</summary>
    public void DisposeGraph() => BackwardPass.DisposeGraph(this);

    /// <inheritdoc />
    public override string ToString() => $"Tensor{ShapeText.Format(_shape)}{(Name is null ? "" : " " + Name)}";

    /// <summary>Elementwise sum with broadcasting.</summary>
    public static Tensor operator +(Tensor a, Tensor b) => Elementwise.Add(a, b);

    /// <summary>Elementwise difference with broadcasting.</summary>
    public static Tensor operator -(Tensor a, Tensor b) => Elementwise.Sub(a, b);

    /// <summary>Elementwise product with broadcasting.</summary>
    public static Tensor operator *(Tensor a, Tensor b) => Elementwise.Mul(a, b);

    /// <summary>Elementwise quotient with broadcasting.</summary>
    public static Tensor operator /(Tensor a, Tensor b) => Elementwise.Div(a, b);

    /// <summary>Adds a constant.</summary>
    public static Tensor operator +(Tensor a, float b) => Elementwise.AddScalar(a, b);

    /// <summary>Subtracts a constant.</summary>
    public static Tensor operator -(Tensor a, float b) => Elementwise.AddScalar(a, -b);

    /// <summary>Multiplies by a constant.</summary>
    public static Tensor operator *(Tensor a, float b) => Elementwise.MulScalar(a, b);

    /// <summary>Multiplies by a constant.</summary>
    public static Tensor operator *(float a, Tensor b) => Elementwise.MulScalar(b, a);

    /// <summary>Divides by a constant.</summary>
    public static Tensor operator /(Tensor a, float b) => Elementwise.MulScalar(a, 1f / b);

    /// <summary>Negation.</summary>
    public static Tensor operator -(Tensor a) => Elementwise.MulScalar(a, -1f);
}
