using System.Text.Json;
using Perrin.Nn.Layers;
using Perrin.Nn.Serialization;
using Perrin.Nn.Tensors;

namespace Perrin.Nn.Tests.Golden;

/// <summary>
/// One PyTorch golden fixture (Fixtures/golden/&lt;case&gt;.safetensors, see the README there): its float32
/// tensors by name and its metadata, with the checks the golden tests share.
/// </summary>
public sealed class GoldenCase
{
    /// <summary>
    /// Agreement required with PyTorch unless a test says otherwise: each element within 1e-4 of the largest
    /// magnitude of the expected tensor (absolute for tensors below 1). Float32 sums in another order than
    /// PyTorch's differ by a few ulps of the largest term; 1e-4 leaves room for that and nothing more.
    /// </summary>
    public const double DefaultTolerance = 1e-4;

    private readonly Dictionary<string, NamedArray> _tensors;

    private GoldenCase(string name, Dictionary<string, NamedArray> tensors, IReadOnlyDictionary<string, string> metadata)
    {
        Name = name;
        _tensors = tensors;
        Metadata = metadata;
        Config = JsonDocument.Parse(metadata.TryGetValue("config", out var c) ? c : "{}").RootElement.Clone();
    }

    /// <summary>The folder of the fixtures next to the test assembly.</summary>
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "Fixtures", "golden");

    /// <summary>The case name (file stem).</summary>
    public string Name { get; }

    /// <summary>The file's __metadata__.</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; }

    /// <summary>The constructor arguments under PyTorch's names (metadata "config").</summary>
    public JsonElement Config { get; }

    /// <summary>True for a case recorded in eval mode.</summary>
    public bool IsEval => Metadata.TryGetValue("mode", out var m) && m == "eval";

    /// <summary>Reads every tensor of a case.</summary>
    public static GoldenCase Load(string caseName)
    {
        using var reader = SafeTensorsReader.Open(Path.Combine(Folder, caseName + ".safetensors"));
        var tensors = new Dictionary<string, NamedArray>(StringComparer.Ordinal);
        foreach (var t in reader.ReadAllFloat32()) tensors[t.Name] = t;
        return new GoldenCase(caseName, tensors, reader.Metadata);
    }

    /// <summary>Whether the case holds a tensor.</summary>
    public bool Has(string name) => _tensors.ContainsKey(name);

    /// <summary>The names of all tensors.</summary>
    public IEnumerable<string> Names => _tensors.Keys;

    /// <summary>A fresh tensor with the stored values and shape.</summary>
    public Tensor Read(string name, bool requiresGrad = false)
    {
        var a = Get(name);
        var t = Tensor.FromArray(a.Data, a.Shape);
        t.RequiresGrad = requiresGrad;
        return t;
    }

    /// <summary>The stored entry.</summary>
    public NamedArray Get(string name) =>
        _tensors.TryGetValue(name, out var a) ? a : throw new KeyNotFoundException($"golden case {Name} has no tensor '{name}'.");

    /// <summary>An integer from the config (a one-element list counts as its element).</summary>
    public int ConfigInt(string key) => Config.GetProperty(key) is { ValueKind: JsonValueKind.Array } a ? a[0].GetInt32() : Config.GetProperty(key).GetInt32();

    /// <summary>A number from the config.</summary>
    public float ConfigFloat(string key) => Config.GetProperty(key).GetSingle();

    /// <summary>A flag from the config.</summary>
    public bool ConfigBool(string key) => Config.GetProperty(key).GetBoolean();

    /// <summary>Copies the parameters and buffers named in the module's state dict from the case.</summary>
    public void LoadInto(Module module)
    {
        ArgumentNullException.ThrowIfNull(module);
        var values = new Dictionary<string, float[]>(StringComparer.Ordinal);
        var shapes = new Dictionary<string, int[]>(StringComparer.Ordinal);
        foreach (var (name, _) in module.StateDict())
        {
            var a = Get(name);
            values[name] = a.Data;
            shapes[name] = a.Shape;
        }
        module.LoadStateDict(values, shapes);
    }

    /// <summary>
    /// Asserts that <paramref name="actual"/> has the shape of tensor <paramref name="name"/> and agrees with it
    /// within <paramref name="tolerance"/> (see <see cref="DefaultTolerance"/>); returns the largest absolute error.
    /// </summary>
    public double AssertClose(string name, Tensor actual, double tolerance = DefaultTolerance)
    {
        ArgumentNullException.ThrowIfNull(actual);
        var expected = Get(name);
        Assert.True(expected.Shape.AsSpan().SequenceEqual(actual.Shape),
            $"{Name}/{name}: shape {ShapeText.Format(actual.Shape)}, PyTorch has {ShapeText.Format(expected.Shape)}.");
        var scale = 1.0;
        foreach (var v in expected.Data) scale = Math.Max(scale, Math.Abs(v));
        var maxError = 0.0;
        var worst = 0;
        var values = actual.Span;
        for (var i = 0; i < values.Length; i++)
        {
            var e = Math.Abs((double)values[i] - expected.Data[i]);
            if (e > maxError || double.IsNaN(e))
            {
                maxError = double.IsNaN(e) ? double.PositiveInfinity : e;
                worst = i;
            }
        }
        Assert.True(maxError <= tolerance * scale,
            $"{Name}/{name}: element {worst} is {values[worst]:G9}, PyTorch {expected.Data[worst]:G9} (max error {maxError:G3}, allowed {tolerance * scale:G3}).");
        return maxError;
    }
}
