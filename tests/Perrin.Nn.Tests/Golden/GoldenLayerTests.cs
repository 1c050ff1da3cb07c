using Perrin.Core.Randomness;
using Perrin.Nn.Layers;
using Perrin.Nn.Ops;
using Xunit.Abstractions;

namespace Perrin.Nn.Tests.Golden;

public class GoldenLayerTests(ITestOutputHelper log)
{
    [Theory]
    [InlineData("relu")]
    [InlineData("leaky_relu")]
    [InlineData("elu")]
    [InlineData("sigmoid")]
    [InlineData("tanh")]
    [InlineData("softmax")]
    [InlineData("log_softmax")]
    [InlineData("flatten")]
    [InlineData("linear")]
    [InlineData("linear_nobias")]
    [InlineData("conv2d_3x3_pad1")]
    [InlineData("conv2d_3x3_stride2_pad1")]
    [InlineData("conv2d_3x3_dilation2")]
    [InlineData("conv2d_3x3_groups2")]
    [InlineData("conv2d_3x3_depthwise")]
    [InlineData("conv2d_3x3_nobias")]
    [InlineData("conv2d_1x3_pad0x1")]
    [InlineData("conv2d_1x1")]
    [InlineData("conv_transpose2d_2x2_stride2")]
    [InlineData("conv_transpose2d_3x3_stride2_pad1_outpad1")]
    [InlineData("conv_transpose2d_3x3_stride2_groups2")]
    [InlineData("conv_transpose2d_3x3_dilation2")]
    [InlineData("conv1d_k5_pad2")]
    [InlineData("max_pool2d_2_stride2")]
    [InlineData("max_pool2d_3_stride2_pad1")]
    [InlineData("avg_pool2d_2_stride2")]
    [InlineData("avg_pool2d_3_stride1_pad1")]
    [InlineData("upsample_nearest_x2")]
    [InlineData("upsample_bilinear_x2")]
    public void LayerMatchesPyTorch(string caseName) => GoldenLayerRun.Check(caseName, Build(GoldenCase.Load(caseName)), log);

    private static Module Build(GoldenCase gc)
    {
        // Weights are overwritten from the fixture; the stream only satisfies the constructors.
        var rng = new RandomStream(1, 0);
        return gc.Metadata["op"] switch
        {
            "ReLU" => new ReLU(),
            "LeakyReLU" => new LeakyReLU(gc.ConfigFloat("negative_slope")),
            "ELU" => new ELU(gc.ConfigFloat("alpha")),
            "Sigmoid" => new Sigmoid(),
            "Tanh" => new Tanh(),
            "Softmax" => new Softmax(gc.ConfigInt("dim")),
            "LogSoftmax" => new FunctionModule(x => Reductions.LogSoftmax(x, gc.ConfigInt("dim"))),
            "Flatten" => new Flatten(),
            "Linear" => new Linear(gc.ConfigInt("in_features"), gc.ConfigInt("out_features"), rng, gc.ConfigBool("bias")),
            "Conv2d" => new Conv2d(gc.ConfigInt("in_channels"), gc.ConfigInt("out_channels"), Pair(gc, "kernel_size"), rng,
                Pair(gc, "stride"), Pair(gc, "padding"), Pair(gc, "dilation"), gc.ConfigInt("groups"), gc.ConfigBool("bias")),
            "ConvTranspose2d" => new ConvTranspose2d(gc.ConfigInt("in_channels"), gc.ConfigInt("out_channels"), Square(gc, "kernel_size"), rng,
                Square(gc, "stride"), Square(gc, "padding"), Square(gc, "output_padding"), Square(gc, "dilation"), gc.ConfigInt("groups"), gc.ConfigBool("bias")),
            "Conv1d" => new Conv1d(gc.ConfigInt("in_channels"), gc.ConfigInt("out_channels"), gc.ConfigInt("kernel_size"), rng,
                gc.ConfigInt("stride"), gc.ConfigInt("padding"), gc.ConfigInt("dilation"), gc.ConfigInt("groups"), gc.ConfigBool("bias")),
            "MaxPool2d" => new MaxPool2d(Square(gc, "kernel_size"), Square(gc, "stride"), Square(gc, "padding"), Square(gc, "dilation")),
            "AvgPool2d" => new AvgPool2d(Square(gc, "kernel_size"), Square(gc, "stride"), Square(gc, "padding")),
            "Upsample" => new Upsample((int)gc.ConfigFloat("scale_factor"), gc.Config.GetProperty("mode").GetString() == "bilinear"),
            var op => throw new InvalidOperationException($"golden case {gc.Name}: no layer for op {op}."),
        };
    }

    private static (int H, int W) Pair(GoldenCase gc, string key)
    {
        var a = gc.Config.GetProperty(key);
        return (a[0].GetInt32(), a[1].GetInt32());
    }

    private static int Square(GoldenCase gc, string key)
    {
        var (h, w) = Pair(gc, key);
        Assert.Equal(h, w);
        return h;
    }
}
