using Perrin.Core.Randomness;
using Perrin.Nn.Layers;
using Xunit.Abstractions;

namespace Perrin.Nn.Tests.Golden;

public class GoldenRecurrentTests(ITestOutputHelper log)
{
    [Theory]
    [InlineData("lstm")]
    [InlineData("gru")]
    public void RecurrentLayerMatchesPyTorch(string caseName)
    {
        var gc = GoldenCase.Load(caseName);
        Assert.True(gc.ConfigBool("batch_first"));
        int inputSize = gc.ConfigInt("input_size"), hidden = gc.ConfigInt("hidden_size"), layers = gc.ConfigInt("num_layers");
        var rng = new RandomStream(1, 0);
        RecurrentModule layer = caseName == "lstm"
            ? new LSTM(inputSize, hidden, rng, layers, gc.ConfigBool("bias"))
            : new GRU(inputSize, hidden, rng, layers, gc.ConfigBool("bias"));
        gc.LoadInto(layer);
        var x = gc.Read("input", requiresGrad: true);
        var result = layer is LSTM lstm ? lstm.Run(x) : ((GRU)layer).Run(x);
        GoldenLayerRun.Report(log, gc, "output", gc.AssertClose("output", result.Output));
        GoldenLayerRun.Report(log, gc, "h_n", gc.AssertClose("h_n", result.Hidden));
        if (gc.Has("c_n")) GoldenLayerRun.Report(log, gc, "c_n", gc.AssertClose("c_n", result.Cell!));
        result.Output.Backward(gc.Read("grad_output"));
        GoldenLayerRun.Report(log, gc, "grad_input", gc.AssertClose("grad_input", x.Grad!));
        foreach (var (name, p) in layer.NamedParameters())
            GoldenLayerRun.Report(log, gc, "grad." + name, gc.AssertClose("grad." + name, p.Grad!));
    }
}
