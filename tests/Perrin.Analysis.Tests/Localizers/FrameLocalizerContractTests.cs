using Perrin.Analysis.Localizers;

namespace Perrin.Analysis.Tests.Localizers;

public class FrameLocalizerContractTests
{
    [Fact]
    public void TheInterfaceLivesInTheAnalysisAssembly() =>
        Assert.Equal("Perrin.Analysis", typeof(IFrameLocalizer).Assembly.GetName().Name);
}
