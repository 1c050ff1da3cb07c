using Perrin.Nn.Serialization;
using Perrin.Nn.Tensors;

namespace Perrin.Nn.Tests;

/// <summary>One PyTorch fixture of Fixtures/golden (see its README), read whole through the safetensors reader.</summary>
public sealed class GoldenCase
{
    private readonly Dictionary<string, NamedArray> _arrays = new(StringComparer.Ordinal);

    private GoldenCase(string name) => Name = name;

    public string Name { get; }

    public static GoldenCase Load(string name)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Fixtures", "golden", name + ".safetensors");
        var c = new GoldenCase(name);
        using var reader = SafeTensorsReader.Open(path);
        foreach (var a in reader.ReadAllFloat32()) c._arrays[a.Name] = a;
        return c;
    }

    public bool Has(string key) => _arrays.ContainsKey(key);

    public float[] Values(string key) => _arrays[key].Data;

    public int[] Shape(string key) => _arrays[key].Shape;

    /// <summary>A fresh leaf tensor holding the fixture's values.</summary>
    public Tensor Tensor(string key, bool requiresGrad = false)
    {
        var a = _arrays[key];
        var t = Perrin.Nn.Tensors.Tensor.FromArray(a.Data, a.Shape);
        t.RequiresGrad = requiresGrad;
        return t;
    }

    /// <summary>The largest |actual − expected| after checking it stays within atol + rtol·|expected| everywhere.</summary>
    public double AssertClose(string key, ReadOnlySpan<float> actual, double rtol, double atol)
    {
        var expected = _arrays[key].Data;
        Assert.Equal(expected.Length, actual.Length);
        double worst = 0;
        for (var i = 0; i < expected.Length; i++)
        {
            var err = Math.Abs((double)actual[i] - expected[i]);
            worst = Math.Max(worst, err);
            if (!(err <= atol + (rtol * Math.Abs(expected[i]))))
                Assert.Fail($"{Name}/{key}[{i}]: {actual[i]:R}, PyTorch {expected[i]:R} (error {err:G3}).");
        }
        return worst;
    }
}
