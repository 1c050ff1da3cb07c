using Perrin.Nn.Serialization.Onnx;

namespace Perrin.Nn.Tests.Serialization.Onnx;

public class OnnxGraphBuilderTests
{
    private static ProtoMessage Decode(OnnxGraphBuilder g) => ProtoMessage.Parse(g.ToBytes());

    private static ProtoMessage NodeOf(ProtoMessage graph, string output) =>
        graph.Messages(1).Single(n => n.Strings(2).Contains(output));

    private static ProtoMessage Attribute(ProtoMessage node, string name) =>
        node.Messages(5).Single(a => a.String(1) == name);

    [Fact]
    public void ModelHeaderFieldsAreThoseOnnxExpects()
    {
        var model = Decode(OnnxSample.Build());
        Assert.Equal(8, model.Int(1));
        Assert.Equal("perrin", model.String(2));
        Assert.True(model.Has(3));
        var opset = model.Message(8);
        Assert.Equal("", opset.String(1));
        Assert.Equal(17, opset.Int(2));
        Assert.Equal("sample", model.Message(7).String(2));
        var meta = model.Message(14);
        Assert.Equal("perrin.architecture", meta.String(1));
        Assert.Equal("{\"kind\":\"sample\"}", meta.String(2));
        Assert.Equal([1, 2, 3, 7, 8, 14], model.Fields.Select(f => f.Number).Distinct());
    }

    [Fact]
    public void InputsCarryFloatTypeAndASymbolicBatchDimension()
    {
        var graph = Decode(OnnxSample.Build()).Message(7);
        var input = graph.Message(11);
        Assert.Equal("image", input.String(1));
        var tensorType = input.Message(2).Message(1);
        Assert.Equal(1, tensorType.Int(1));
        var dims = tensorType.Message(2).Messages(1);
        Assert.Equal(4, dims.Length);
        Assert.Equal("N", dims[0].String(2));
        Assert.False(dims[0].Has(1));
        Assert.Equal([1L, 8L, 8L], dims[1..].Select(d => d.Int(1)));
        Assert.Equal(["probabilities", "mask"], graph.Messages(12).Select(o => o.String(1)));
    }

    [Fact]
    public void InitializersAreLittleEndianRawData()
    {
        var graph = Decode(OnnxSample.Build()).Message(7);
        var bias = graph.Messages(5).Single(t => t.String(8) == "fc.bias");
        Assert.Equal([3L], bias.Ints(1));
        Assert.Equal(1, bias.Int(2));
        Assert.Equal([0xCD, 0xCC, 0xCC, 0x3D, 0xCD, 0xCC, 0x4C, 0x3E, 0x9A, 0x99, 0x99, 0x3E], bias.One(9).Bytes);

        var shape = graph.Messages(5).Single(t => t.String(8) == "u3.shape");
        Assert.Equal(7, shape.Int(2));
        Assert.Equal([4L], shape.Ints(1));
        var raw = shape.One(9).Bytes;
        Assert.Equal([0L, 4L, 8L, 8L], Enumerable.Range(0, 4).Select(i => BitConverter.ToInt64(raw, 8 * i)));
    }

    [Fact]
    public void NodesAreWrittenInOrderWithTheirAttributes()
    {
        var graph = Decode(OnnxSample.Build()).Message(7);
        Assert.Equal(
            ["Conv", "BatchNormalization", "Relu", "MaxPool", "InstanceNormalization", "LeakyRelu", "AveragePool", "Flatten",
             "MatMul", "Mul", "Add", "Elu", "Gemm", "Softmax", "ConvTranspose", "Resize", "Reshape", "Concat", "Tanh", "Conv",
             "Resize", "Sigmoid"],
            graph.Messages(1).Select(n => n.String(4)));

        var conv = NodeOf(graph, "c1");
        Assert.Equal(["image", "conv.weight", "conv.bias"], conv.Strings(1));
        Assert.Equal("Conv_0", conv.String(3));
        Assert.Equal([1L, 1L, 1L, 1L], Attribute(conv, "pads").Ints(8));
        Assert.Equal(7, Attribute(conv, "pads").Int(20));
        Assert.Equal([3L, 3L], Attribute(conv, "kernel_shape").Ints(8));
        Assert.Equal(1, Attribute(conv, "group").Int(3));
        Assert.Equal(2, Attribute(conv, "group").Int(20));

        Assert.Equal([2L, 2L], Attribute(NodeOf(graph, "p1"), "strides").Ints(8));
        Assert.Equal(0.2f, Attribute(NodeOf(graph, "l1"), "alpha").Float(2));
        Assert.Equal(1, Attribute(NodeOf(graph, "l1"), "alpha").Int(20));
        Assert.Equal(1, Attribute(NodeOf(graph, "a1"), "count_include_pad").Int(3));
        Assert.Equal(1e-5f, Attribute(NodeOf(graph, "b1"), "epsilon").Float(2));
        Assert.Equal(1, Attribute(NodeOf(graph, "logits"), "transB").Int(3));
        Assert.Equal(["u1", "u3"], NodeOf(graph, "cat").Strings(1));
        Assert.Equal(["h1"], NodeOf(graph, "h2").Strings(1)[..1]);
    }

    [Fact]
    public void ResizeIsExportedAsPyTorchDoes()
    {
        var graph = Decode(OnnxSample.Build()).Message(7);
        var nearest = NodeOf(graph, "u2");
        Assert.Equal(["p1", "", "u2.scales"], nearest.Strings(1));
        Assert.Equal("nearest", Attribute(nearest, "mode").String(4));
        Assert.Equal(3, Attribute(nearest, "mode").Int(20));
        Assert.Equal("asymmetric", Attribute(nearest, "coordinate_transformation_mode").String(4));
        Assert.Equal("floor", Attribute(nearest, "nearest_mode").String(4));
        Assert.Equal(-0.75f, Attribute(nearest, "cubic_coeff_a").Float(2));

        var linear = NodeOf(graph, "h2");
        Assert.Equal("linear", Attribute(linear, "mode").String(4));
        Assert.Equal("half_pixel", Attribute(linear, "coordinate_transformation_mode").String(4));
        Assert.DoesNotContain(linear.Messages(5), a => a.String(1) == "nearest_mode");

        var scales = graph.Messages(5).Single(t => t.String(8) == "u2.scales");
        var raw = scales.One(9).Bytes;
        Assert.Equal([1f, 1f, 2f, 2f], Enumerable.Range(0, 4).Select(i => BitConverter.ToSingle(raw, 4 * i)));
    }

    [Fact]
    public void SameGraphGivesIdenticalBytesAndSavesAtomically()
    {
        var path = Path.Combine(Path.GetTempPath(), $"perrin-{Guid.NewGuid():N}.onnx");
        try
        {
            OnnxSample.Build().Save(path);
            Assert.Equal(OnnxSample.Build().ToBytes(), File.ReadAllBytes(path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void WiringMistakesAreReportedWhereTheyAreMade()
    {
        var g = new OnnxGraphBuilder("bad");
        g.AddInput("x", "N", 4);
        var e = Assert.Throws<InvalidOperationException>(() => g.Relu("y", "z"));
        Assert.Contains("node 'Relu_0' (Relu): input 'y' is not defined", e.Message);

        g.Relu("x", "r");
        Assert.Contains("reuses a name", Assert.Throws<ArgumentException>(() => g.Sigmoid("x", "r")).Message);
        Assert.Contains("reuses a name", Assert.Throws<ArgumentException>(() => g.AddInitializer("x", [1], [1f])).Message);
        Assert.Contains("[2,2]", Assert.Throws<ArgumentException>(() => g.AddInitializer("w", [2, 2], [1f])).Message);
        Assert.Contains("set twice", Assert.Throws<ArgumentException>(() => g.AddNode("Elu", ["x"], ["q"]).WithFloat("alpha", 1).WithFloat("alpha", 2)).Message);
        Assert.Contains("spatial axes", Assert.Throws<ArgumentException>(() => g.MaxPool("x", "m", [2, 2], strides: [2])).Message);
        Assert.Throws<ArgumentException>(() => g.Resize("x", "s", [1f, 0f], OnnxResizeMode.Nearest));

        g.AddOutput("missing", "N", 4);
        Assert.Contains("output 'missing' is not produced", Assert.Throws<InvalidOperationException>(() => g.ToBytes()).Message);
    }
}
