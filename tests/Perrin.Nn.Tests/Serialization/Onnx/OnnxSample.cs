using Perrin.Nn.Serialization.Onnx;

namespace Perrin.Nn.Tests.Serialization.Onnx;

/// <summary>A small CNN using every exported operator, with a symbolic batch dimension.</summary>
internal static class OnnxSample
{
    public static OnnxGraphBuilder Build()
    {
        var g = new OnnxGraphBuilder("sample");
        g.AddInput("image", "N", 1, 8, 8);
        g.AddOutput("probabilities", "N", 3);
        g.AddOutput("mask", "N", 1, 8, 8);
        g.AddMetadata("perrin.architecture", "{\"kind\":\"sample\"}");

        g.AddInitializer("conv.weight", [4, 1, 3, 3], Ramp(36, 0.01f));
        g.AddInitializer("conv.bias", [4], Ramp(4, 0.1f));
        g.AddInitializer("bn.weight", [4], [1f, 1f, 1f, 1f]);
        g.AddInitializer("bn.bias", [4], [0f, 0f, 0f, 0f]);
        g.AddInitializer("bn.running_mean", [4], [0f, 0.5f, 0f, -0.5f]);
        g.AddInitializer("bn.running_var", [4], [1f, 2f, 1f, 2f]);
        g.AddInitializer("in.weight", [4], [1f, 1f, 1f, 1f]);
        g.AddInitializer("in.bias", [4], [0f, 0f, 0f, 0f]);
        g.AddInitializer("up.weight", [4, 2, 2, 2], Ramp(32, 0.02f));
        g.AddInitializer("fc.weight", [3, 16], Ramp(48, 0.005f));
        g.AddInitializer("fc.bias", [3], [0.1f, 0.2f, 0.3f]);
        g.AddInitializer("proj", [16, 16], Ramp(256, 0.001f));
        g.AddInitializer("gain", [1], [2f]);
        g.AddInitializer("head.weight", [1, 6, 1, 1], Ramp(6, 0.1f));

        g.Conv("image", "conv.weight", "conv.bias", "c1", kernel: [3, 3], padding: [1, 1]);
        g.BatchNormalization("c1", "bn.weight", "bn.bias", "bn.running_mean", "bn.running_var", "b1");
        g.Relu("b1", "r1");
        g.MaxPool("r1", "p1", kernel: [2, 2]);
        g.InstanceNormalization("p1", "in.weight", "in.bias", "n1");
        g.LeakyRelu("n1", "l1", 0.2f);
        g.AveragePool("l1", "a1", kernel: [2, 2]);
        g.Flatten("a1", "f1");
        g.MatMul("f1", "proj", "m1");
        g.Mul("m1", "gain", "m2");
        g.Add("m2", "f1", "s1");
        g.Elu("s1", "e1");
        g.Gemm("e1", "fc.weight", "fc.bias", "logits", transB: true);
        g.Softmax("logits", "probabilities", axis: 1);

        g.ConvTranspose("p1", "up.weight", null, "u1", kernel: [2, 2], strides: [2, 2]);
        g.Resize("p1", "u2", [1f, 1f, 2f, 2f], OnnxResizeMode.Nearest);
        g.Reshape("u2", "u3", 0, 4, 8, 8);
        g.Concat(["u1", "u3"], "cat", axis: 1);
        g.Tanh("cat", "t1");
        g.Conv("t1", "head.weight", null, "h1", kernel: [1, 1]);
        g.Resize("h1", "h2", [1f, 1f, 1f, 1f], OnnxResizeMode.Linear);
        g.Sigmoid("h2", "mask");
        return g;
    }

    public static float[] Ramp(int n, float step)
    {
        var values = new float[n];
        for (var i = 0; i < n; i++) values[i] = (i - n / 2) * step;
        return values;
    }
}
