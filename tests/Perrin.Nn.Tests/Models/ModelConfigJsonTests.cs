using Perrin.Nn.Models;

namespace Perrin.Nn.Tests.Models;

public class ModelConfigJsonTests
{
    [Fact]
    public void UNetBenchJsonIsStable()
    {
        Assert.Equal(
            "{\"type\":\"unet\",\"inputChannels\":1,\"levels\":[16,32,64],\"bottleneck\":128,\"convsPerBlock\":2,\"batchNorm\":false,"
            + "\"upsampling\":\"transposedConv\",\"outputChannels\":1,\"outputActivation\":\"sigmoid\"}",
            UNetConfig.Bench.ToJson());
    }

    [Theory]
    [MemberData(nameof(SampleConfigs.Names), MemberType = typeof(SampleConfigs))]
    public void EveryConfigRoundTrips(string name)
    {
        var (config, _, _) = SampleConfigs.Get(name);
        var json = config.ToJson();
        var back = ModelConfig.FromJson(json);
        Assert.Equal(config.GetType(), back.GetType());
        Assert.Equal(json, back.ToJson());
        Assert.StartsWith("{\"type\":", json, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingPropertiesTakeDefaultsAndTheDiscriminatorMayComeLater()
    {
        var config = Assert.IsType<CnnConfig>(ModelConfig.FromJson("{\"outputs\":4,\"type\":\"cnn\",\"denseSizes\":[8]}"));
        Assert.Equal(4, config.Outputs);
        Assert.Equal([8], config.DenseSizes);
        Assert.Equal([16, 32, 64], config.ConvChannels);
        Assert.Equal(ActivationKind.Relu, config.Activation);
        var sequence = Assert.IsType<SequenceModelConfig>(ModelConfig.FromJson("{\"type\":\"sequence\",\"recurrent\":\"gru\"}"));
        Assert.Equal(RecurrentKind.Gru, sequence.Recurrent);
    }

    [Theory]
    [InlineData("{\"type\":\"unet\",\"levls\":[8]}", "levls")]
    [InlineData("{\"type\":\"transformer\"}", "transformer")]
    [InlineData("{\"levels\":[8]}", "type")]
    [InlineData("{\"type\":\"unet\",\"levels\":[]}", "levels needs at least one entry")]
    [InlineData("{\"type\":\"unet\",\"levels\":[8,-2]}", "levels [8, -2] must hold positive numbers")]
    [InlineData("{\"type\":\"unet\",\"upsampling\":\"cubic\"}", "upsampling")]
    [InlineData("{\"type\":\"mlp\",\"dropout\":1.5}", "dropout 1.5")]
    [InlineData("{\"type\":\"cnn\",\"inputHeight\":8,\"inputWidth\":8}", "shrinks to 0×0 after block 2")]
    [InlineData("{\"type\":\"sequence\",\"recurrent\":\"none\"}", "needs convolutions, a recurrent layer or both")]
    [InlineData("{\"type\":\"sequence\",\"task\":\"classification\",\"outputs\":1}", "at least 2 outputs")]
    [InlineData("{\"type\":\"pix2pix\",\"discriminatorChannels\":[]}", "discriminatorChannels")]
    [InlineData("[1,2]", "model configuration")]
    public void InvalidConfigurationsSayWhatIsWrong(string json, string expected)
    {
        var e = Assert.Throws<ArgumentException>(() => ModelConfig.FromJson(json));
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }
}
