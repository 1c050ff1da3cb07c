using Perrin.Nn.Layers;
using Xunit.Abstractions;

namespace Perrin.Nn.Tests.Golden;

public class GoldenNormalizationTests(ITestOutputHelper log)
{
    [Theory]
    [InlineData("batch_norm2d_train")]
    [InlineData("batch_norm2d_eval")]
    public void BatchNorm2dMatchesPyTorch(string caseName)
    {
        var gc = GoldenCase.Load(caseName);
        var bn = new BatchNorm2d(gc.ConfigInt("num_features"), gc.ConfigFloat("eps"), gc.ConfigFloat("momentum"), gc.ConfigBool("affine"));
        GoldenLayerRun.Check(caseName, bn, log);
        Assert.Equal(gc.Get("after.num_batches_tracked").Data[0], bn.NumBatchesTracked!.Span[0]);
    }

    [Fact]
    public void InstanceNorm2dMatchesPyTorch()
    {
        var gc = GoldenCase.Load("instance_norm2d");
        Assert.False(gc.ConfigBool("track_running_stats"));
        GoldenLayerRun.Check("instance_norm2d", new InstanceNorm2d(gc.ConfigInt("num_features"), gc.ConfigFloat("eps"), gc.ConfigBool("affine")), log);
    }
}
