using Perrin.Core.Randomness;
using Perrin.Nn.Layers;
using Perrin.Nn.Models;
using Perrin.Nn.Tests.Serialization;
using Perrin.Nn.Tests.Serialization.Onnx;

namespace Perrin.Nn.Tests.Models;

public sealed class OnnxExportTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("perrin-onnx-");

    public void Dispose() => _folder.Delete(recursive: true);

    private static ProtoMessage GraphOf(Module model, int[] inputShape, ModelConfig? config = null) =>
        ProtoMessage.Parse(OnnxExport.Build(model, inputShape, config).ToBytes()).Message(7);

    private static string[] OpTypes(ProtoMessage graph) => graph.Messages(1).Select(n => n.String(4)).ToArray();

    private static string[] Dims(ProtoMessage valueInfo) =>
        valueInfo.Message(2).Message(1).Message(2).Messages(1).Select(d => d.Has(2) ? d.String(2) : d.Int(1).ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();

    [Fact]
    public void UNetBenchIsConvReluPoolsTransposedConvsConcatsAndASigmoidHead()
    {
        var model = ModelFactory.Create(UNetConfig.Bench, new RandomStream(1, 0));
        var graph = GraphOf(model, [1, 1, 32, 32], UNetConfig.Bench);
        string[] block = ["Conv", "Relu", "Conv", "Relu"];
        var expected = new List<string>();
        for (var i = 0; i < 3; i++) expected.AddRange([.. block, "MaxPool"]);
        expected.AddRange(block);
        for (var i = 0; i < 3; i++) expected.AddRange(["ConvTranspose", "Concat", .. block]);
        expected.AddRange(["Conv", "Sigmoid", "Identity"]);
        Assert.Equal(expected, OpTypes(graph));

        var initializers = graph.Messages(5).Select(t => t.String(8)).Order(StringComparer.Ordinal);
        Assert.Equal(model.StateDict().Keys.Order(StringComparer.Ordinal), initializers);
        var weight = graph.Messages(5).Single(t => t.String(8) == "up.0.weight");
        Assert.Equal([128L, 64L, 2L, 2L], weight.Ints(1));
        var raw = weight.One(9).Bytes;
        Assert.Equal(model.StateDict()["up.0.weight"].Span[5], BitConverter.ToSingle(raw, 20));

        var concat = graph.Messages(1).First(n => n.String(4) == "Concat");
        Assert.Equal(["up.0/ConvTranspose", "down.2.2/Relu"], concat.Strings(1));
        Assert.Equal(["N", "1", "32", "32"], Dims(graph.Message(11)));
        Assert.Equal(["N", "1", "32", "32"], Dims(graph.Message(12)));
    }

    [Fact]
    public void CnnBenchIsConvReluPoolThenGemms()
    {
        var model = ModelFactory.Create(CnnConfig.Bench, new RandomStream(1, 0));
        var graph = GraphOf(model, [1, 1, 51, 51]);
        Assert.Equal(
            ["Conv", "Relu", "MaxPool", "Conv", "Relu", "MaxPool", "Conv", "Relu", "MaxPool", "Flatten", "Gemm", "Relu", "Gemm", "Relu", "Gemm", "Identity"],
            OpTypes(graph));
        Assert.Equal(["N", "2"], Dims(graph.Message(12)));
        var gemm = graph.Messages(1).First(n => n.String(4) == "Gemm");
        Assert.Equal(["9/Flatten", "10.weight", "10.bias"], gemm.Strings(1));
    }

    [Fact]
    public void BatchNormUsesRunningStatisticsAndInstanceNormGetsUnitScale()
    {
        var cnn = ModelFactory.Create(SampleConfigs.Cnn, new RandomStream(1, 0));
        var graph = GraphOf(cnn, [1, 2, 12, 10]);
        var bn = graph.Messages(1).First(n => n.String(4) == "BatchNormalization");
        Assert.Equal(["0/Conv", "1.weight", "1.bias", "1.running_mean", "1.running_var"], bn.Strings(1));
        Assert.Contains("AveragePool", OpTypes(graph));
        Assert.Equal("Softmax", OpTypes(graph)[^2]);

        var pix = (Pix2PixModel)ModelFactory.Create(SampleConfigs.Pix2Pix, new RandomStream(1, 0));
        var d = GraphOf(pix.Discriminator, [1, 2, 16, 16]);
        Assert.Equal(["Conv", "LeakyRelu", "Conv", "InstanceNormalization", "LeakyRelu", "Conv", "Identity"], OpTypes(d));
        var norm = d.Messages(1).Single(n => n.String(4) == "InstanceNormalization");
        var scale = d.Messages(5).Single(t => t.String(8) == norm.Strings(1)[1]);
        Assert.Equal([8L], scale.Ints(1));
        Assert.Equal(1f, BitConverter.ToSingle(scale.One(9).Bytes, 28));
        Assert.Equal(["N", "1", "3", "3"], Dims(d.Message(12)));
    }

    [Fact]
    public void UpsamplingDecodersUseResizeAndPix2PixExportsItsTanhGenerator()
    {
        var ed = ModelFactory.Create(SampleConfigs.EncoderDecoder, new RandomStream(1, 0));
        var graph = GraphOf(ed, [1, 2, 6, 4]);
        Assert.Equal(["Conv", "Relu", "MaxPool", "Conv", "Relu", "Resize", "Conv", "Conv", "Relu", "Conv", "Identity"], OpTypes(graph));
        Assert.Equal(["N", "3", "6", "4"], Dims(graph.Message(12)));

        var pix = ModelFactory.Create(SampleConfigs.Pix2Pix, new RandomStream(1, 0));
        var g = GraphOf(pix, [1, 1, 8, 8]);
        Assert.Equal("Tanh", OpTypes(g)[^2]);
        Assert.All(g.Messages(5).Select(t => t.String(8)), n => Assert.StartsWith("generator.", n, StringComparison.Ordinal));
    }

    [Fact]
    public void ConvolutionalSequenceModelTransposesAndAveragesOverTime()
    {
        var model = ModelFactory.Create(SampleConfigs.ConvSequence, new RandomStream(1, 0));
        var graph = GraphOf(model, [1, 9, 3]);
        Assert.Equal(["Transpose", "Conv", "Relu", "Conv", "Relu", "ReduceMean", "Gemm", "Identity"], OpTypes(graph));
        var conv = graph.Messages(1).First(n => n.String(4) == "Conv");
        Assert.Equal([5L], conv.Messages(5).Single(a => a.String(1) == "kernel_shape").Ints(8));
        Assert.Equal(["N", "2"], Dims(graph.Message(12)));
    }

    [Fact]
    public void RecurrentLayersAreRefusedByName()
    {
        var model = ModelFactory.Create(SampleConfigs.Sequence, new RandomStream(1, 0));
        var e = Assert.Throws<NotSupportedException>(() => OnnxExport.Build(model, [1, 7, 2]));
        Assert.Contains("GRU layer 'rnn'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ExportLeavesTrainingModeAndStatisticsAlone()
    {
        var model = ModelFactory.Create(SampleConfigs.UNet, new RandomStream(1, 0));
        var before = model.StateDict()["down.0.1.running_mean"].ToArray();
        OnnxExport.Build(model, [2, 1, 8, 8]);
        Assert.True(model.IsTraining);
        Assert.True(((UNet)model).Mid.IsTraining);
        Assert.Equal(before, model.StateDict()["down.0.1.running_mean"].ToArray());
        Assert.Equal(0f, model.StateDict()["down.0.1.num_batches_tracked"].Item());
    }

    [Fact]
    public void WrongInputShapeIsReportedBeforeAnythingIsWritten()
    {
        var model = ModelFactory.Create(UNetConfig.Bench, new RandomStream(1, 0));
        var path = Path.Combine(_folder.FullName, "bad.onnx");
        var e = Assert.Throws<ArgumentException>(() => OnnxExport.Save(path, model, [1, 1, 30, 30]));
        Assert.Contains("multiples of 8", e.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(path));
    }

    private const string CheckerScript = """
        import sys
        import onnx
        for path in sys.argv[1:]:
            model = onnx.load(path)
            onnx.checker.check_model(model, full_check=True)
            inferred = onnx.shape_inference.infer_shapes(model, strict_mode=True)
            print(path, len(model.graph.node))
        """;

    [PythonFact("onnx")]
    public void OnnxCheckerAcceptsEveryExportableModel()
    {
        var paths = new List<string>();
        foreach (var (name, config, input, _) in SampleConfigs.All())
        {
            if (config is SequenceModelConfig { Recurrent: not RecurrentKind.None }) continue;
            var path = Path.Combine(_folder.FullName, name + ".onnx");
            OnnxExport.Save(path, ModelFactory.Create(config, new RandomStream(1, 0)), input, config);
            paths.Add(path);
        }
        var bench = Path.Combine(_folder.FullName, "unet-bench.onnx");
        OnnxExport.Save(bench, ModelFactory.Create(UNetConfig.Bench, new RandomStream(1, 0)), [1, 1, 64, 64], UNetConfig.Bench);
        paths.Add(bench);
        var lines = PythonRunner.Run(CheckerScript, [.. paths]).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(paths.Count, lines.Length);
    }
}
